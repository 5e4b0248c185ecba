"""Casos de `preparar_datos(X, y)`: medidas (n, 4) → X estandarizado por columnas, especies → one-hot (n, 3).

Standardization uses the data's own per-column mean and population standard
deviation (``ddof=0``), as the catalogue's "standardized X" and the z-score of the
slides; the notebook standardizes the test flowers with the training statistics
in a provided cell, not with this function. The shape and label checks and their hints are those of
every Keras data preparation (``autograder/comprobaciones_preprocesado.py``); the standardization
mistakes are this task's own.
"""
import numpy as np

from autograder.casos import caso
from autograder.comprobaciones_preprocesado import Preparacion

PREPARACION = Preparacion("preparar_datos", entrada=(4,), forma=(4,), ejemplo="flor", ejemplos="las flores",
                          clase="especie", clases=3)

# Four hand-checkable flowers. Columns 0–2 deviate from their mean by (−a, 0, +a, 0) or a permutation,
# so they standardize to ±√2 and 0; column 3 deviates by (−a, −a, +a, +a), so it standardizes to ±1.
X_PUB = np.array([[4.0, 3.0, 1.0, 0.2],
                  [6.0, 3.5, 4.0, 0.2],
                  [8.0, 2.5, 7.0, 2.0],
                  [6.0, 3.0, 4.0, 2.0]])
RAIZ_2 = np.sqrt(2.0)
X_PUB_ESTANDARIZADO = np.array([[-RAIZ_2, 0.0, -RAIZ_2, -1.0],
                                [0.0, RAIZ_2, 0.0, -1.0],
                                [RAIZ_2, -RAIZ_2, RAIZ_2, 1.0],
                                [0.0, 0.0, 0.0, 1.0]])
Y_PUB = np.array([1, 0, 1, 0])  # no virginica (2): to_categorical(y) without num_classes gives 2 columns

PISTA_MINMAX = ("eso es la normalización min-max, (X − mín) / (máx − mín), que lleva cada columna a [0, 1]. "
                "Aquí se pide la estandarización (puntuación z): (X − media) / desviación típica, por columnas.")
PISTA_DDOF = ("dividiste entre la desviación típica muestral (ddof=1, la de pandas). Usa la poblacional, la de "
              "X.std(axis=0) en NumPy (ddof=0).")
PISTA_GLOBAL = ("usaste una sola media y una sola desviación para toda la matriz. Cada medida tiene su escala: "
                "calcula la media y la desviación de cada columna con axis=0.")
PISTA_FILAS = ("estandarizaste cada flor (cada fila, axis=1). Hay que estandarizar cada medida, es decir, cada "
               "columna: X.mean(axis=0) y X.std(axis=0).")
PISTA_SIN_CENTRAR = "dividiste entre la desviación típica pero no restaste la media de cada columna."
PISTA_SIN_ESCALAR = "restaste la media de cada columna pero no dividiste entre su desviación típica."
QUE_PUB = "preparar_datos(4 flores)"


def _errores_conocidos_x(X):
    media, desviacion = X.mean(axis=0), X.std(axis=0)
    return (
        ((X - X.min(axis=0)) / (X.max(axis=0) - X.min(axis=0)), PISTA_MINMAX),
        ((X - media) / X.std(axis=0, ddof=1), PISTA_DDOF),
        ((X - X.mean()) / X.std(), PISTA_GLOBAL),
        ((X - X.mean(axis=1, keepdims=True)) / X.std(axis=1, keepdims=True), PISTA_FILAS),
        (X / desviacion, PISTA_SIN_CENTRAR),
        (X - media, PISTA_SIN_ESCALAR),
    )


@caso(puntos=1, exito="devuelve X (n, 4) y Y (n, 3).")
def test_formas(alumno):
    """Con 4 flores, X estandarizado tiene forma (4, 4) y Y forma (4, 3)."""
    X, Y = PREPARACION.llamar(alumno, X_PUB, Y_PUB, QUE_PUB)
    PREPARACION.exigir_x(X, X_PUB, QUE_PUB)
    PREPARACION.exigir_y(Y, Y_PUB, QUE_PUB)


@caso(puntos=1, exito="cada columna queda con media 0 y desviación típica 1 (puntuación z).")
def test_estandarizacion_por_columnas(alumno):
    """Las 4 flores de ejemplo se estandarizan a ±√2, 0 (columnas 0 a 2) y ±1 (columna 3)."""
    PREPARACION.valores_de_x(alumno, X_PUB, Y_PUB, QUE_PUB, X_PUB_ESTANDARIZADO, _errores_conocidos_x(X_PUB))


@caso(puntos=1, exito="las etiquetas [1, 0, 1, 0] quedan en one-hot con 3 columnas.")
def test_etiquetas_one_hot(alumno):
    """Y es la codificación one-hot de [1, 0, 1, 0] con 3 columnas (la tercera, virginica, queda a 0)."""
    PREPARACION.etiquetas_one_hot(alumno, X_PUB, Y_PUB, QUE_PUB)


def _aleatorias(rng):
    """Entre 5 y 40 flores con medidas aleatorias de la escala de Iris y especies aleatorias."""
    n = int(rng.integers(5, 41))
    X = rng.normal(loc=[5.8, 3.0, 3.8, 1.2], scale=[0.8, 0.4, 1.8, 0.8], size=(n, 4)).round(2)
    return X, rng.integers(0, 3, size=n), f"preparar_datos({n} flores aleatorias)"


# When grading, the points of preparar_datos come from the two hidden cases (2 each): the standardization
# and the labels are graded apart, as in the public cases, so ddof=1 keeps the points of the shapes and labels.
@caso(puntos=0.5, oculta=True, exito="coincide con la referencia en flores aleatorias.")
def test_flores_aleatorias(alumno, rng, referencia):
    """Entre 5 y 40 flores con medidas aleatorias de la escala de Iris, comparadas con la referencia."""
    X, y, que = _aleatorias(rng)
    PREPARACION.como_la_referencia(alumno, X, y, que, referencia, _errores_conocidos_x(X), rtol=1e-6)


@caso(puntos=0.5, oculta=True, exito="con flores aleatorias, X conserva su forma y las especies quedan en one-hot.")
def test_formas_y_etiquetas_aleatorias(alumno, rng):
    """Formas de X y de Y y especies one-hot con flores aleatorias (la estandarización, en el otro caso)."""
    X, y, que = _aleatorias(rng)
    PREPARACION.formas_y_etiquetas(alumno, X, y, que)
