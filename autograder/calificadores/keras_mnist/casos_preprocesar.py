"""Casos de `preprocesar(x, y)`: imágenes (n, 28, 28) uint8 → X (n, 784) en [0, 1] y Y one-hot (n, 10).

The checks and hints are those of every Keras data preparation (``autograder/comprobaciones_preprocesado.py``).
"""
import numpy as np

from autograder.casos import caso
from autograder.comprobaciones_preprocesado import Preparacion

PREPARACION = Preparacion("preprocesar", entrada=(28, 28), forma=(784,), clase="dígito")
# Three hand-checkable images: pixel j of image i is (i·784 + j) mod 256, so
# X[i, j] = ((i·784 + j) % 256) / 255 when flattened row by row.
X_PUB = (np.arange(3 * 784) % 256).astype(np.uint8).reshape(3, 28, 28)
Y_PUB = np.array([3, 0, 7], dtype=np.uint8)  # no 9: to_categorical(y) without num_classes gives 8 columns
QUE_PUB = "preprocesar(3 imágenes)"


@caso(puntos=1, exito="devuelve X (n, 784) en float32 y Y (n, 10).")
def test_formas_y_tipo(alumno):
    """Con 3 imágenes, X tiene forma (3, 784) y tipo float32, y Y tiene forma (3, 10)."""
    PREPARACION.formas_y_tipo(alumno, X_PUB, Y_PUB, QUE_PUB)


@caso(puntos=1, exito="los píxeles quedan aplanados fila por fila y divididos entre 255.")
def test_pixeles_entre_0_y_1(alumno):
    """X[i, j] = ((i·784 + j) mod 256) / 255 para las 3 imágenes de prueba."""
    esperado = (np.arange(3 * 784) % 256).reshape(3, 784) / 255.0
    PREPARACION.valores_de_x(alumno, X_PUB, Y_PUB, QUE_PUB, esperado)


@caso(puntos=1, exito="las etiquetas [3, 0, 7] quedan en one-hot con 10 columnas.")
def test_etiquetas_one_hot(alumno):
    """Y es la codificación one-hot de [3, 0, 7] con 10 columnas."""
    PREPARACION.etiquetas_one_hot(alumno, X_PUB, Y_PUB, QUE_PUB)


@caso(puntos=1, oculta=True, exito="coincide con la referencia en imágenes aleatorias.")
def test_imagenes_aleatorias(alumno, rng, referencia):
    """Imágenes uint8 aleatorias (entre 1 y 20) y etiquetas aleatorias, comparadas con la referencia."""
    PREPARACION.aleatorias_como_la_referencia(alumno, rng, referencia, 20, "imágenes aleatorias")
