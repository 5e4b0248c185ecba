"""Casos de `softmax_entropia(Z, y)`: pérdida y dZ, este contra el gradiente numérico."""
import numpy as np

from autograder.calificadores.backprop.verificacion import exigir_gradiente
from autograder.casos import caso
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma, exigir_numero, exigir_tupla

PISTA_SIGNO = "el signo está invertido: dZ = (P − Y) / n, no (Y − P) / n."
PISTA_SIN_N = "falta dividir por n: la pérdida es una media, y su gradiente también: dZ = (P − Y) / n."
PISTA_SUMA = "sumaste las pérdidas de los ejemplos: la pérdida es la media, −(1/n) Σ log P[i, y_i]."
PISTA_DESBORDE = ("con logits grandes np.exp desborda (inf/inf = nan): resta el máximo de cada fila antes de "
                  "exponenciar; softmax(z) = softmax(z − max(z)).")

Z_PUB = np.array([[2.0, -1.0, 0.5], [0.0, 0.0, 0.0]])
Y_PUB = np.array([0, 2])
PERDIDA_PUB = 0.6699617927
DZ_PUB = np.array([[-0.1072014827, 0.0195562866, 0.0876451961], [0.1666666667, 0.1666666667, -0.3333333333]])


def _pedir(alumno, Z, y, que):
    perdida, dZ = exigir_tupla(alumno.llamar("softmax_entropia", Z, y), 2, que)
    perdida = exigir_numero(perdida, f"{que}: perdida")
    dZ = exigir_array(dZ, f"{que}: dZ")
    exigir_forma(dZ, Z.shape, f"{que}: dZ", "dZ tiene la forma de los logits Z: (n, k).")
    return perdida, dZ


def _errores_dz(dZ):
    return ((-dZ, PISTA_SIGNO), (dZ * len(dZ), PISTA_SIN_N))


@caso(puntos=1, exito="pérdida ≈ 0.670 y dZ = (P − Y)/n en un ejemplo de 2 filas y 3 clases (una fila empatada).")
def test_ejemplo_pequeno(alumno):
    perdida, dZ = _pedir(alumno, Z_PUB, Y_PUB, "softmax_entropia(ejemplo)")
    exigir_cercano(perdida, PERDIDA_PUB, "softmax_entropia(ejemplo): perdida", atol=1e-8,
                   errores_conocidos=((PERDIDA_PUB * 2, PISTA_SUMA),))
    exigir_cercano(dZ, DZ_PUB, "softmax_entropia(ejemplo): dZ", atol=1e-8, errores_conocidos=_errores_dz(DZ_PUB))


@caso(puntos=1, oculta=True, exito="la pérdida coincide con la referencia y dZ con el gradiente numérico.")
def test_gradiente_numerico(alumno, rng, referencia):
    n, k = int(rng.integers(2, 9)), int(rng.integers(2, 6))
    Z, y = rng.normal(0, 2, size=(n, k)), rng.integers(0, k, size=n)
    que = f"softmax_entropia con n={n}, k={k}"
    perdida, dZ = _pedir(alumno, Z, y, que)
    perdida_ok = referencia.softmax_entropia(Z, y)[0]
    exigir_cercano(perdida, perdida_ok, f"{que}: perdida", atol=1e-8, rtol=1e-6, revelar=False,
                   errores_conocidos=((perdida_ok * n, PISTA_SUMA),))
    numerico = referencia.gradiente_numerico(lambda Z_: referencia.softmax_entropia(Z_, y)[0], Z.copy())
    exigir_gradiente(dZ, numerico, f"{que}: dZ", errores_conocidos=_errores_dz(referencia.softmax_entropia(Z, y)[1]))


@caso(puntos=1, oculta=True, exito="es estable con logits de magnitud 750 a 1000 (sin nan ni inf).")
def test_logits_grandes(alumno, rng, referencia):
    n, k = int(rng.integers(2, 6)), int(rng.integers(2, 6))
    desplazamiento = rng.choice([-1.0, 1.0], size=(n, 1)) * rng.uniform(750, 1000, size=(n, 1))
    Z, y = desplazamiento + rng.normal(0, 3, size=(n, k)), rng.integers(0, k, size=n)
    que = f"softmax_entropia con logits de magnitud 750 a 1000 (n={n}, k={k})"
    perdida, dZ = _pedir(alumno, Z, y, que)
    perdida_ok, dZ_ok = referencia.softmax_entropia(Z, y)
    exigir_cercano(perdida, perdida_ok, f"{que}: perdida", atol=1e-6, rtol=1e-6, revelar=False,
                   errores_conocidos=((perdida_ok * n, PISTA_SUMA),), pista_no_finito=PISTA_DESBORDE)
    exigir_cercano(dZ, dZ_ok, f"{que}: dZ", atol=1e-8, rtol=1e-6, revelar=False,
                   errores_conocidos=_errores_dz(dZ_ok), pista_no_finito=PISTA_DESBORDE)


@caso(puntos=1, oculta=True, exito="funciona con un solo ejemplo (n = 1) y con logits empatados.")
def test_un_ejemplo_y_empates(alumno, rng, referencia):
    k = int(rng.integers(2, 7))
    for Z, descripcion in ((rng.normal(size=(1, k)), "n=1"), (np.full((1, k), float(rng.integers(-3, 4))), "n=1, empate")):
        y = rng.integers(0, k, size=1)
        que = f"softmax_entropia con {descripcion}, k={k}"
        perdida, dZ = _pedir(alumno, Z, y, que)
        perdida_ok, dZ_ok = referencia.softmax_entropia(Z, y)
        exigir_cercano(perdida, perdida_ok, f"{que}: perdida", atol=1e-8, revelar=False)
        exigir_cercano(dZ, dZ_ok, f"{que}: dZ", atol=1e-8, errores_conocidos=_errores_dz(dZ_ok), revelar=False)
