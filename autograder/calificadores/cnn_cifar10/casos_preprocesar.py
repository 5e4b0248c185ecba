"""Casos de `preprocesar(x, y)`: imágenes (n, 32, 32, 3) uint8 → X (n, 32, 32, 3) en [0, 1] y Y one-hot (n, 10).

The checks and hints are those of every Keras data preparation (``autograder/comprobaciones_preprocesado.py``),
plus one of this task: standardizing instead of dividing by 255. The labels come with shape (n, 1).
"""
import numpy as np

from autograder.casos import caso
from autograder.comprobaciones_preprocesado import Preparacion

FORMA_IMAGEN = (32, 32, 3)
PREPARACION = Preparacion("preprocesar", entrada=FORMA_IMAGEN, forma=FORMA_IMAGEN)
# Three hand-checkable images: value j (in NumPy's row-major order) of image i is
# (i·3072 + j) mod 256, so X[i].reshape(-1)[j] = ((i·3072 + j) % 256) / 255.
X_PUB = (np.arange(3 * 3072) % 256).astype(np.uint8).reshape(3, *FORMA_IMAGEN)
# Labels with the (n, 1) shape of cargar_cifar10; no 9, so to_categorical(y) without num_classes gives 9 columns.
Y_PUB = np.array([[3], [0], [8]], dtype=np.uint8)
QUE_PUB = "preprocesar(3 imágenes)"

PISTA_CENTRADO = ("restaste la media y dividiste entre la desviación típica: en esta tarea solo se divide "
                  "entre 255, para que la red reciba lo mismo que el modelo entregado al calificar.")


def _errores_conocidos_x(x):
    escalado = x.astype(float) / 255.0
    return (*PREPARACION.errores_de_escala(x), ((escalado - np.mean(escalado)) / np.std(escalado), PISTA_CENTRADO))


@caso(puntos=1, exito="devuelve X (n, 32, 32, 3) en float32 y Y (n, 10).")
def test_formas_y_tipo(alumno):
    """Con 3 imágenes, X tiene forma (3, 32, 32, 3) y tipo float32, y Y tiene forma (3, 10)."""
    PREPARACION.formas_y_tipo(alumno, X_PUB, Y_PUB, QUE_PUB)


@caso(puntos=1, exito="los píxeles conservan su forma y quedan divididos entre 255.")
def test_pixeles_entre_0_y_1(alumno):
    """X[i].reshape(-1)[j] = ((i·3072 + j) mod 256) / 255 para las 3 imágenes de prueba."""
    PREPARACION.valores_de_x(alumno, X_PUB, Y_PUB, QUE_PUB, X_PUB.astype(float) / 255.0, _errores_conocidos_x(X_PUB))


@caso(puntos=1, exito="las etiquetas [[3], [0], [8]] quedan en one-hot con 10 columnas.")
def test_etiquetas_one_hot(alumno):
    """Y es la codificación one-hot de las etiquetas [[3], [0], [8]] (forma (3, 1)) con 10 columnas."""
    PREPARACION.etiquetas_one_hot(alumno, X_PUB, Y_PUB, QUE_PUB)


def _aleatorias(rng):
    """Entre 1 y 20 imágenes uint8 aleatorias y sus etiquetas aleatorias de forma (n, 1)."""
    n = int(rng.integers(1, 21))
    return (*PREPARACION.aleatorias(rng, n, forma_y=(n, 1)), f"preprocesar({n} imágenes aleatorias)")


# When grading, the points of preprocesar come from the two hidden cases (2 each): the pixels and the labels
# are graded apart, as in the public cases, so forgetting /255 keeps the points of the shapes and the labels.
@caso(puntos=0.5, oculta=True, exito="coincide con la referencia en imágenes aleatorias.")
def test_imagenes_aleatorias(alumno, rng, referencia):
    """Imágenes uint8 aleatorias (entre 1 y 20) y etiquetas aleatorias de forma (n, 1), comparadas con la referencia."""
    x, y, que = _aleatorias(rng)
    PREPARACION.como_la_referencia(alumno, x, y, que, referencia, _errores_conocidos_x(x))


@caso(puntos=0.5, oculta=True, exito="con imágenes aleatorias, X conserva su forma y las etiquetas quedan en one-hot.")
def test_formas_y_etiquetas_aleatorias(alumno, rng):
    """Formas de X y de Y y etiquetas one-hot con imágenes aleatorias (los píxeles se comparan en el otro caso)."""
    x, y, que = _aleatorias(rng)
    PREPARACION.formas_y_etiquetas(alumno, x, y, que)
