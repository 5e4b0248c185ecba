"""Casos de `softmax(Z)`."""
import numpy as np

from autograder.casos import caso
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma

PISTA_EJE = "normalizaste por columnas: suma sobre el eje de las clases (axis=-1 o axis=1), no axis=0."
PISTA_GLOBAL = "dividiste por la suma de toda la matriz; cada fila debe normalizarse por separado (keepdims=True)."
PISTA_DESBORDE = ("np.exp(1000) desborda (inf / inf = nan): resta el máximo de cada fila antes de exponenciar "
                  "(softmax(z) = softmax(z - max(z))).")


def _errores_conocidos(Z):
    with np.errstate(all="ignore"):  # with logits of ±1000 a wrong normalisation may be nan: it then matches nothing
        e = np.exp(Z - Z.max())
        return ((e / e.sum(axis=0, keepdims=True), PISTA_EJE), (e / e.sum(), PISTA_GLOBAL))


@caso(puntos=1, exito="softmax([4, 8, 3]) ≈ [0.018, 0.976, 0.007], el ejemplo de las diapositivas.")
def test_ejemplo_diapositivas(alumno):
    """softmax de un vector 1-D reproduce el ejemplo de las diapositivas.

    Exactly 0.01787, 0.97556, 0.00657; the tolerance 0.001 also accepts the slide's truncated 0.975.
    """
    P = exigir_array(alumno.llamar("softmax", np.array([4.0, 8.0, 3.0])), "softmax([4, 8, 3])")
    exigir_forma(P, (3,), "softmax([4, 8, 3])", "Un vector 1-D es una sola fila: devuelve la misma forma.")
    exigir_cercano(P, [0.01786798, 0.97555875, 0.00657326], "softmax([4, 8, 3])", atol=1e-3, rtol=0)


@caso(puntos=1, exito="cada fila de una matriz se normaliza por separado y suma 1.")
def test_filas_suman_uno(alumno):
    """En una matriz (n, k), cada fila es una distribución de probabilidad."""
    Z = np.array([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])
    P = exigir_array(alumno.llamar("softmax", Z), "softmax de una matriz 2×3")
    exigir_forma(P, (2, 3), "softmax de una matriz 2×3")
    esperado = np.array([[0.09003057, 0.24472847, 0.66524096], [1 / 3, 1 / 3, 1 / 3]])
    exigir_cercano(P, esperado, "softmax de una matriz 2×3", atol=1e-6, errores_conocidos=_errores_conocidos(Z))


@caso(puntos=1, oculta=True, exito="coincide con la referencia en entradas aleatorias.")
def test_valores_en_entradas_ocultas(alumno, rng, referencia):
    """Valores en matrices aleatorias de forma (n, k) que el alumno no ha visto."""
    n, k = int(rng.integers(2, 9)), int(rng.integers(2, 7))
    Z = rng.normal(0, 3, size=(n, k))
    P = exigir_array(alumno.llamar("softmax", Z), f"softmax de una matriz {n}×{k}")
    exigir_forma(P, (n, k), f"softmax de una matriz {n}×{k}")
    exigir_cercano(P, referencia.softmax(Z), f"softmax de una matriz {n}×{k}", atol=1e-8, rtol=1e-6,
                   errores_conocidos=_errores_conocidos(Z), revelar=False)


@caso(puntos=1, oculta=True, exito="una sola fila (n=1) y filas empatadas dan el resultado correcto.")
def test_una_fila_y_empates(alumno, rng, referencia):
    """Casos borde: una matriz con una sola fila y una fila constante (todas las clases empatadas)."""
    k = int(rng.integers(2, 7))
    Z = np.vstack([rng.normal(0, 2, size=(1, k))])
    exigir_cercano(alumno.llamar("softmax", Z), referencia.softmax(Z), f"softmax de una matriz 1×{k}",
                   atol=1e-8, revelar=False, errores_conocidos=_errores_conocidos(Z))
    constante = np.full((2, k), float(rng.integers(-5, 5)))
    exigir_cercano(alumno.llamar("softmax", constante), np.full((2, k), 1 / k),
                   "softmax de filas constantes (debe ser uniforme)", atol=1e-8,
                   errores_conocidos=_errores_conocidos(constante))


@caso(puntos=1, oculta=True, exito="es numéricamente estable con logits de ±1000.")
def test_estable_con_logits_grandes(alumno, rng, referencia):
    """Con entradas de magnitud 1000 no debe haber overflow (nan/inf)."""
    n, k = int(rng.integers(2, 6)), int(rng.integers(2, 6))
    Z = rng.choice([-1000.0, 1000.0], size=(n, k)) + rng.normal(0, 1, size=(n, k))
    P = exigir_array(alumno.llamar("softmax", Z), "softmax con logits de ±1000")
    exigir_cercano(P, referencia.softmax(Z), "softmax con logits de ±1000", atol=1e-8, revelar=False,
                   errores_conocidos=_errores_conocidos(Z), pista_no_finito=PISTA_DESBORDE)
