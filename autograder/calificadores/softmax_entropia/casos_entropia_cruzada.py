"""Casos de `entropia_cruzada(P, y)`."""
import numpy as np

from autograder.calificadores.softmax_entropia.datos import (CARRERA_MEDIA, CARRERA_P, CARRERA_TOLERANCIA,
                                                          CARRERA_Y)
from autograder.casos import caso
from autograder.verificar import exigir_cercano, exigir_numero

PISTA_RECORTE = "log(0) = -inf: recorta con np.clip(p, 1e-12, 1) antes de np.log."


def _errores_conocidos(valor_correcto, n):
    return (
        (valor_correcto * n, "sumaste las pérdidas; la entropía cruzada es la media (divide por n)."),
        (-valor_correcto, "falta el signo menos: -log(p) es positivo porque log(p) < 0."),
        (valor_correcto / np.log(10), "usa el logaritmo natural (np.log), no log10."),
        (valor_correcto / np.log(2), "usa el logaritmo natural (np.log), no log2."),
    )


@caso(puntos=1, exito="la tabla «Carrera» de las diapositivas da una entropía cruzada media ≈ 1.514 "
                      "(no 1.41: la diapositiva calcula mal tres filas).")
def test_tabla_carrera(alumno):
    """Media de -log P[i, y_i] en la tabla de 8 estudiantes de las diapositivas (1.514 ± 0.005)."""
    valor = exigir_numero(alumno.llamar("entropia_cruzada", CARRERA_P, CARRERA_Y), "entropia_cruzada(tabla Carrera)")
    exigir_cercano(valor, CARRERA_MEDIA, "entropia_cruzada(tabla Carrera)", atol=CARRERA_TOLERANCIA, rtol=0,
                   errores_conocidos=_errores_conocidos(CARRERA_MEDIA, 8))


@caso(puntos=1, exito="una predicción perfecta tiene pérdida 0.")
def test_prediccion_perfecta(alumno):
    """Si P pone probabilidad 1 en la clase correcta, la pérdida es 0."""
    valor = exigir_numero(alumno.llamar("entropia_cruzada", np.eye(3), np.array([0, 1, 2])), "entropia_cruzada(identidad)")
    exigir_cercano(valor, 0.0, "entropia_cruzada de una predicción perfecta", atol=1e-9)


@caso(puntos=1, oculta=True, exito="coincide con la referencia en entradas aleatorias.")
def test_valores_ocultos(alumno, rng, referencia):
    """Probabilidades aleatorias (n, k)."""
    n, k = int(rng.integers(1, 10)), int(rng.integers(2, 6))
    P = rng.dirichlet(np.ones(k), size=n)
    y = rng.integers(0, k, size=n)
    esperado = referencia.entropia_cruzada(P, y)
    valor = exigir_numero(alumno.llamar("entropia_cruzada", P, y), f"entropia_cruzada con n={n}, k={k}")
    exigir_cercano(valor, esperado, f"entropia_cruzada con n={n}, k={k}", atol=1e-8, rtol=1e-6,
                   errores_conocidos=_errores_conocidos(esperado, n), revelar=False)


@caso(puntos=1, oculta=True, exito="recorta las probabilidades a [1e-12, 1]: una probabilidad 0 no da inf.")
def test_recorte_de_probabilidad_cero(alumno, rng, referencia):
    """Una fila con probabilidad 0 en la clase correcta debe dar -log(1e-12), no inf."""
    k = int(rng.integers(2, 5))
    P = np.zeros((2, k))
    P[0, 1] = P[1, 0] = 1.0
    y = np.array([0, 0])
    valor = exigir_numero(alumno.llamar("entropia_cruzada", P, y), "entropia_cruzada con una probabilidad 0")
    esperado = referencia.entropia_cruzada(P, y)
    exigir_cercano(valor, esperado, "entropia_cruzada con una probabilidad 0", atol=1e-6, rtol=1e-6, revelar=False,
                   errores_conocidos=_errores_conocidos(esperado, 2), pista_no_finito=PISTA_RECORTE)
