"""Casos de `preparar_datos(x, y)`: píxeles (n, 64) enteros de 0 a 16 → X float32 en [0, 1], Y one-hot (n, 10).

In optdigits each pixel counts the set bits of a 4×4 block of the original 32×32
bitmap, so it is an integer from 0 to 16: dividing by 16 maps it to [0, 1]. The checks
and hints are those of every Keras data preparation (``autograder/comprobaciones_preprocesado.py``),
plus one of this task: dividing by 255 as in MNIST.
"""
import numpy as np

from autograder.casos import caso
from autograder.comprobaciones_preprocesado import Preparacion

PREPARACION = Preparacion("preparar_datos", entrada=(64,), forma=(64,), ejemplo="dígito", ejemplos="los dígitos",
                          clase="dígito", divisor=16)
# Three hand-checkable digits: pixel j of digit i is (i·64 + j) mod 17, so X[i, j] = ((i·64 + j) % 17) / 16.
X_PUB = (np.arange(3 * 64) % 17).astype(np.uint8).reshape(3, 64)
Y_PUB = np.array([3, 0, 7], dtype=np.uint8)  # no 8 or 9: to_categorical(y) without num_classes gives 8 columns
QUE_PUB = "preparar_datos(3 dígitos)"

PISTA_255 = ("dividiste entre 255, como en MNIST, pero en optdigits cada píxel vale de 0 a 16 (cuenta los puntos "
             "de un bloque de 4×4): divide entre 16.")


def _errores_conocidos_x(x):
    return ((x / 255.0, PISTA_255), *PREPARACION.errores_de_escala(x))


@caso(puntos=1, exito="devuelve X (n, 64) en float32 y Y (n, 10).")
def test_formas_y_tipo(alumno):
    """Con 3 dígitos, X tiene forma (3, 64) y tipo float32, y Y tiene forma (3, 10)."""
    PREPARACION.formas_y_tipo(alumno, X_PUB, Y_PUB, QUE_PUB)


@caso(puntos=1, exito="los píxeles quedan divididos entre 16, en [0, 1].")
def test_pixeles_entre_0_y_1(alumno):
    """X[i, j] = ((i·64 + j) mod 17) / 16 para los 3 dígitos de prueba."""
    esperado = (np.arange(3 * 64) % 17).reshape(3, 64) / 16.0
    PREPARACION.valores_de_x(alumno, X_PUB, Y_PUB, QUE_PUB, esperado, _errores_conocidos_x(X_PUB))


@caso(puntos=1, exito="las etiquetas [3, 0, 7] quedan en one-hot con 10 columnas.")
def test_etiquetas_one_hot(alumno):
    """Y es la codificación one-hot de [3, 0, 7] con 10 columnas."""
    PREPARACION.etiquetas_one_hot(alumno, X_PUB, Y_PUB, QUE_PUB)


@caso(puntos=1, oculta=True, exito="coincide con la referencia en dígitos aleatorios.")
def test_digitos_aleatorios(alumno, rng, referencia):
    """Entre 1 y 30 dígitos con píxeles aleatorios de 0 a 16 y etiquetas aleatorias, comparados con la referencia."""
    PREPARACION.aleatorias_como_la_referencia(alumno, rng, referencia, 30, "dígitos aleatorios", _errores_conocidos_x)
