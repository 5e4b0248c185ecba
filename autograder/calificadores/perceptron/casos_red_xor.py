"""Casos de `red_xor(X)`: la red de dos capas de unidades escalón con los pesos de las diapositivas."""
import numpy as np

from autograder.casos import caso
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma

TABLA = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR = np.array([0.0, 1.0, 1.0, 0.0])

PISTA_INTERCAMBIO = ("intercambiaste las unidades ocultas: h1 es la unidad OR (b1 = -0.5) y h2 la unidad AND "
                     "(b2 = -1.5); la salida es escalon(1·h1 − 1.5·h2 − 0.5).")
PISTA_OR = "devolviste OR: falta restar la unidad AND en la salida (w32 = -1.5)."
PISTA_AND = "devolviste AND: la salida combina las dos unidades ocultas, escalon(1·h1 − 1.5·h2 − 0.5)."
PISTA_ESTRICTO = ("en los bordes de la franja, donde alguna suma ponderada vale exactamente 0, la unidad debe dar 1: "
                  "usa tu función escalon (z >= 0), no z > 0.")
PISTA_NO_ES_LA_RED = ("con entradas reales la salida no es la de la red de las diapositivas: calcula las dos unidades "
                      "ocultas y la de salida con esos pesos y escalon, no con operaciones lógicas sobre x1 y x2.")


def _errores_conocidos(intercambio, o, y, estricto, xor_logico) -> tuple:
    """The known wrong outputs with their hints: literals for the truth table, from
    ``referencia.red_xor_variantes(X)`` in hidden cases."""
    return ((intercambio, PISTA_INTERCAMBIO), (o, PISTA_OR), (y, PISTA_AND), (estricto, PISTA_ESTRICTO),
            (xor_logico, PISTA_NO_ES_LA_RED))


# The known wrong outputs on TABLA (swapped hidden units, OR, AND, z > 0, logical XOR), written out.
ERRORES_TABLA = _errores_conocidos([0.0, 0.0, 0.0, 0.0], [0.0, 1.0, 1.0, 1.0], [0.0, 0.0, 0.0, 1.0],
                                   [0.0, 1.0, 1.0, 0.0], [0.0, 1.0, 1.0, 0.0])


def _pedir(alumno, X, que):
    salida = exigir_array(alumno.llamar("red_xor", X), que)
    exigir_forma(salida, (X.shape[0],), que, "Una salida por fila de X: forma (n,).")
    return salida


@caso(puntos=2, exito="la red da la tabla de XOR: [0, 1, 1, 0].")
def test_tabla_xor(alumno):
    """Las cuatro filas de la tabla de verdad, en orden."""
    que = "red_xor(tabla de verdad)"
    exigir_cercano(_pedir(alumno, TABLA, que), XOR, que, atol=0, rtol=0, errores_conocidos=ERRORES_TABLA)


@caso(puntos=1, oculta=True, exito="funciona con filas binarias en cualquier orden, con una sola fila y con "
                                   "puntos reales del cuadrado.")
def test_filas_en_otro_orden(alumno, rng, referencia):
    """Filas binarias aleatorias mezcladas con puntos reales de [0, 1]², y una sola fila binaria.

    The real points (at least 0.05 away from the borders x1 + x2 = 0.5 and 1.5) keep the binary rows
    from being worth anything on their own: a lookup table of the four rows of the truth table passes
    every binary row, and it is not the network.
    """
    n = int(rng.integers(5, 12))
    binarias = rng.integers(0, 2, size=(n, 2)).astype(float)
    reales = rng.uniform(0, 1, size=(60, 2))
    suma = reales.sum(axis=1)
    reales = reales[(np.abs(suma - 0.5) > 0.05) & (np.abs(suma - 1.5) > 0.05)][: int(rng.integers(4, 8))]
    dentro, fuera = rng.uniform(0.3, 0.7, size=(1, 2)), rng.uniform(0.0, 0.2, size=(1, 2))  # one of each output
    mezcla = rng.permutation(np.vstack([binarias, reales, dentro, fuera]))
    for X in (mezcla, rng.integers(0, 2, size=(1, 2)).astype(float)):
        que = f"red_xor con {X.shape[0]} filas (binarias y reales)" if X.shape[0] > 1 else "red_xor con una sola fila"
        exigir_cercano(_pedir(alumno, X, que), referencia.red_xor(X), que, atol=0, rtol=0,
                       errores_conocidos=_errores_conocidos(*referencia.red_xor_variantes(X)), revelar=False)


@caso(puntos=1, oculta=True, exito="es la red de las diapositivas: con entradas reales da 1 en la franja 0.5 ≤ x1 + x2 < 1.5.")
def test_es_la_red_de_las_diapositivas(alumno, rng, referencia):
    """Puntos reales del cuadrado [0, 1]², algunos justo en los bordes x1 + x2 = 0.5 y x1 + x2 = 1.5."""
    reales = rng.uniform(0, 1, size=(int(rng.integers(6, 12)), 2))
    bordes = np.array([[0.25, 0.25], [0.5, 0.0], [0.75, 0.75], [1.0, 0.5]])
    X = rng.permutation(np.vstack([reales, bordes]))
    que = f"red_xor con {X.shape[0]} puntos reales del cuadrado [0, 1]²"
    exigir_cercano(_pedir(alumno, X, que), referencia.red_xor(X), que, atol=0, rtol=0,
                   errores_conocidos=_errores_conocidos(*referencia.red_xor_variantes(X)), revelar=False)
