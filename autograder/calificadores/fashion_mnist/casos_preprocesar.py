"""Casos de `preprocesar(x, y)`: prendas (n, 28, 28) uint8 → X (n, 784) en [0, 1] y Y one-hot (n, 10).

The checks and hints are those of every Keras data preparation (``autograder/comprobaciones_preprocesado.py``),
plus one of garments: dividing by the brightest pixel of the batch.
"""
import numpy as np

from autograder.casos import caso
from autograder.comprobaciones_preprocesado import Preparacion

PREPARACION = Preparacion("preprocesar", entrada=(28, 28), forma=(784,), ejemplo="prenda", ejemplos="las prendas",
                          clase="prenda")
# Three hand-checkable images: pixel j of image i is (i·784 + j) mod 200, so
# X[i, j] = ((i·784 + j) % 200) / 255 when flattened row by row. The brightest
# pixel is 199, not 255, as in many dark garments: dividing by x.max() is wrong.
X_PUB = (np.arange(3 * 784) % 200).astype(np.uint8).reshape(3, 28, 28)
Y_PUB = np.array([2, 0, 5], dtype=np.uint8)  # suéter, camiseta/top, sandalia; no 9 (bota): 9 columns without num_classes
NOMBRES_PUB = "suéter, camiseta/top y sandalia"
QUE_PUB = "preprocesar(3 prendas)"

PISTA_MAXIMO = ("dividiste entre el píxel más brillante del lote (x.max()) y no entre 255. Muchas prendas son "
                "oscuras y ningún píxel llega a 255, así que cada lote quedaría en otra escala: divide siempre "
                "entre 255, el máximo posible de un píxel uint8.")


def _errores_conocidos_x(x):
    plano = x.reshape(x.shape[0], -1).astype(float)
    return (*PREPARACION.errores_de_escala(x), (plano / max(float(plano.max()), 1.0), PISTA_MAXIMO))


@caso(puntos=1, exito="devuelve X (n, 784) en float32 y Y (n, 10).")
def test_formas_y_tipo(alumno):
    """Con 3 prendas, X tiene forma (3, 784) y tipo float32, y Y tiene forma (3, 10)."""
    PREPARACION.formas_y_tipo(alumno, X_PUB, Y_PUB, QUE_PUB)


@caso(puntos=1, exito="los píxeles quedan aplanados fila por fila y divididos entre 255.")
def test_pixeles_entre_0_y_1(alumno):
    """X[i, j] = ((i·784 + j) mod 200) / 255 para las 3 prendas de prueba (el píxel más brillante es 199)."""
    esperado = (np.arange(3 * 784) % 200).reshape(3, 784) / 255.0
    PREPARACION.valores_de_x(alumno, X_PUB, Y_PUB, QUE_PUB, esperado, _errores_conocidos_x(X_PUB))


@caso(puntos=1, exito=f"las etiquetas [2, 0, 5] ({NOMBRES_PUB}) quedan en one-hot con 10 columnas.")
def test_etiquetas_one_hot(alumno):
    """Y es la codificación one-hot de [2, 0, 5] (suéter, camiseta/top, sandalia) con 10 columnas."""
    PREPARACION.etiquetas_one_hot(alumno, X_PUB, Y_PUB, QUE_PUB)


@caso(puntos=1, oculta=True, exito="coincide con la referencia en prendas aleatorias.")
def test_prendas_aleatorias(alumno, rng, referencia):
    """Prendas uint8 aleatorias (entre 1 y 20, con brillo máximo variable) y etiquetas aleatorias."""
    PREPARACION.aleatorias_como_la_referencia(alumno, rng, referencia, 20, "prendas aleatorias", _errores_conocidos_x,
                                              brillo=(100, 256))
