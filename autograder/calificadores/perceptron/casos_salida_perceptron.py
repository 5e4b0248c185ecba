"""Casos de `salida_perceptron(X, w, b)`: escalon(X @ w + b), forma (n,)."""
import numpy as np

from autograder.casos import caso
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma

# The four inputs of a two-input logic gate, in truth-table order.
TABLA = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])

PISTA_SIN_SESGO = "olvidaste el sesgo: la salida es escalon(X @ w + b), no escalon(X @ w)."
PISTA_SIN_ESCALON = "devolviste la suma ponderada X @ w + b; falta aplicarle escalon para obtener 0 o 1."
PISTA_ESTRICTO = "un ejemplo con X @ w + b = 0 exactamente debe dar 1 (z >= 0, no z > 0): usa tu función escalon."


def _errores_conocidos(sin_sesgo, sin_escalon, estricto) -> tuple:
    """The known wrong outputs with their hints: literals in public cases, from
    ``referencia.salida_perceptron_variantes(X, w, b)`` in hidden ones."""
    return ((sin_sesgo, PISTA_SIN_SESGO), (sin_escalon, PISTA_SIN_ESCALON), (estricto, PISTA_ESTRICTO))


def _pedir(alumno, X, w, b, que):
    y_pred = exigir_array(alumno.llamar("salida_perceptron", X, w, b), que)
    pista = ("Devuelve un vector (n,), no una columna (n, 1): con w de forma (d,), X @ w ya tiene forma (n,)."
             if y_pred.shape == (X.shape[0], 1) else "Una decisión por ejemplo: forma (n,).")
    exigir_forma(y_pred, (X.shape[0],), que, pista)
    return y_pred


def _comprobar(alumno, X, w, b, esperado, variantes, que, revelar=False):
    """Calls ``salida_perceptron(X, w, b)`` and requires exactly ``esperado``; ``variantes`` are the known
    wrong outputs (sin_sesgo, sin_escalon, estricto)."""
    exigir_cercano(_pedir(alumno, X, w, b, que), esperado, que, atol=0, rtol=0,
                   errores_conocidos=_errores_conocidos(*variantes), revelar=revelar)


def _comprobar_con_referencia(alumno, referencia, X, w, b, que):
    _comprobar(alumno, X, w, b, referencia.salida_perceptron(X, w, b), referencia.salida_perceptron_variantes(X, w, b),
               que)


@caso(puntos=1, exito="con w = [1, 1] y b = -1.5 el perceptrón calcula AND: [0, 0, 0, 1].")
def test_puerta_and(alumno):
    """La tabla de verdad de dos entradas con los pesos de la puerta AND."""
    _comprobar(alumno, TABLA, np.array([1.0, 1.0]), -1.5, [0.0, 0.0, 0.0, 1.0],
               ([1.0, 1.0, 1.0, 1.0], [-1.5, -0.5, -0.5, 0.5], [0.0, 0.0, 0.0, 1.0]),
               "salida_perceptron(tabla, w=[1, 1], b=-1.5)", revelar=True)


@caso(puntos=1, exito="con w = [1, 1] y b = -1 calcula OR: [0, 1, 1, 1] (z = 0 cuenta como 1).")
def test_puerta_or_con_z_cero(alumno):
    """Con b = -1 dos de los cuatro ejemplos quedan exactamente en z = 0 y deben dar 1."""
    _comprobar(alumno, TABLA, np.array([1.0, 1.0]), -1.0, [0.0, 1.0, 1.0, 1.0],
               ([1.0, 1.0, 1.0, 1.0], [-1.0, 0.0, 0.0, 1.0], [0.0, 0.0, 0.0, 1.0]),
               "salida_perceptron(tabla, w=[1, 1], b=-1)", revelar=True)


@caso(puntos=2, oculta=True, exito="coincide con la referencia en datos aleatorios (n, d), también cuando z = 0.")
def test_valores_ocultos(alumno, rng, referencia):
    """Entradas y pesos enteros (n, d), con el sesgo elegido para que algún ejemplo caiga exactamente en z = 0."""
    n, d = int(rng.integers(5, 15)), int(rng.integers(2, 6))
    X = rng.integers(-2, 3, size=(n, d)).astype(float)
    w = rng.integers(-2, 3, size=d).astype(float)
    b = -float(X[rng.integers(n)] @ w)  # at least one example lies exactly on the boundary (z = 0)
    _comprobar_con_referencia(alumno, referencia, X, w, b, f"salida_perceptron con X de forma ({n}, {d})")


@caso(puntos=1, oculta=True, exito="funciona con un solo ejemplo (1, d) y con una sola entrada (n, 1).")
def test_un_ejemplo_y_una_entrada(alumno, rng, referencia):
    """Formas borde: X (1, d) devuelve (1,); X (n, 1) con w (1,) devuelve (n,), con ejemplos de las dos clases.

    With one input the boundary is a threshold on the line; it is placed between two of the n
    values, so both outputs occur and no constant answer passes.
    """
    d, n = int(rng.integers(2, 6)), int(rng.integers(3, 9))
    x = rng.normal(size=(n, 1))
    w = np.array([rng.choice([-1.0, 1.0]) * rng.uniform(0.5, 2.0)])
    ordenados, k = np.sort(x[:, 0]), int(rng.integers(0, n - 1))
    umbral = (ordenados[k] + ordenados[k + 1]) / 2
    for X, w, b in ((rng.normal(size=(1, d)), rng.normal(size=d), float(rng.normal())), (x, w, float(-w[0] * umbral))):
        _comprobar_con_referencia(alumno, referencia, X, w, b, f"salida_perceptron con X de forma {X.shape}")
