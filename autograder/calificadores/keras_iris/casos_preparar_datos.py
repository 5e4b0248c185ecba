"""Casos de `preparar_datos(X, y)`: medidas (n, 4) → X estandarizado por columnas, especies → one-hot (n, 3).

Standardization uses the data's own per-column mean and population standard
deviation (``ddof=0``), as the catalogue's "standardized X" and the z-score of the
slides; the notebook standardizes the test flowers with the training statistics
in a provided cell, not with this function.
"""
import numpy as np

from autograder.casos import caso
from autograder.errores import Fallo
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma, exigir_tupla

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
PISTA_ONE_HOT = "cada fila debe tener un único 1.0, en la columna de su especie (Y[i, y[i]] = 1)."


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


def _llamar(alumno, X, y, que) -> tuple:
    return exigir_tupla(alumno.llamar("preparar_datos", X, y), 2, que)


def _exigir_x(X_est, X, que) -> np.ndarray:
    X_est = exigir_array(X_est, f"{que}: X")
    exigir_forma(X_est, X.shape, f"{que}: X", "La estandarización no cambia la forma: una fila por flor, "
                                              "una columna por medida.")
    return X_est


def _exigir_y(Y, y, que) -> np.ndarray:
    """Y is an array of shape (n, 3); integer labels and too few columns get their own messages."""
    n = y.shape[0]
    Y = exigir_array(Y, f"{que}: Y")
    if Y.shape == (n,):
        if np.array_equal(Y.reshape(-1), np.asarray(y).reshape(-1)):  # recognised: the labels themselves
            raise Fallo(f"{que}: Y tiene forma ({n},): son las etiquetas enteras sin codificar. Conviértelas a "
                        f"one-hot de forma ({n}, 3) con keras.utils.to_categorical(y, num_classes=3).")
        raise Fallo(f"{que}: Y tiene forma ({n},) y se esperaba ({n}, 3): una fila por flor, con un 1.0 "
                    "en la columna de su especie y 0.0 en las demás.")
    pista = "Debe haber 3 columnas, una por especie."
    etiquetas = np.asarray(y).reshape(-1).astype(int)
    if (Y.ndim == 2 and Y.shape[0] == n and Y.shape[1] == int(np.max(etiquetas)) + 1
            and np.array_equal(Y, np.eye(Y.shape[1])[etiquetas])):  # recognised: one-hot up to the largest label
        pista = ("Tienes tantas columnas como la etiqueta más alta + 1: pásale num_classes=3 a "
                 "keras.utils.to_categorical, porque unos datos pueden no contener las 3 especies.")
    exigir_forma(Y, (n, 3), f"{que}: Y", pista)
    return Y


@caso(puntos=1, exito="devuelve X (n, 4) y Y (n, 3).")
def test_formas(alumno):
    """Con 4 flores, X estandarizado tiene forma (4, 4) y Y forma (4, 3)."""
    que = "preparar_datos(4 flores)"
    X, Y = _llamar(alumno, X_PUB, Y_PUB, que)
    _exigir_x(X, X_PUB, que)
    _exigir_y(Y, Y_PUB, que)


@caso(puntos=1, exito="cada columna queda con media 0 y desviación típica 1 (puntuación z).")
def test_estandarizacion_por_columnas(alumno):
    """Las 4 flores de ejemplo se estandarizan a ±√2, 0 (columnas 0 a 2) y ±1 (columna 3)."""
    que = "preparar_datos(4 flores)"
    X = _exigir_x(_llamar(alumno, X_PUB, Y_PUB, que)[0], X_PUB, que)
    exigir_cercano(X, X_PUB_ESTANDARIZADO, f"{que}: X", atol=1e-6, rtol=0,
                   errores_conocidos=_errores_conocidos_x(X_PUB))


@caso(puntos=1, exito="las etiquetas [1, 0, 1, 0] quedan en one-hot con 3 columnas.")
def test_etiquetas_one_hot(alumno):
    """Y es la codificación one-hot de [1, 0, 1, 0] con 3 columnas (la tercera, virginica, queda a 0)."""
    que = "preparar_datos(4 flores)"
    Y = _exigir_y(_llamar(alumno, X_PUB, Y_PUB, que)[1], Y_PUB, que)
    esperado = np.zeros((4, 3))
    esperado[[0, 1, 2, 3], [1, 0, 1, 0]] = 1.0
    exigir_cercano(Y, esperado, f"{que}: Y", atol=1e-6, rtol=0, pista=PISTA_ONE_HOT)


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
    X_est, Y = _llamar(alumno, X, y, que)
    X_est, Y = _exigir_x(X_est, X, que), _exigir_y(Y, y, que)
    X_ok, Y_ok = referencia.preparar_datos(X, y)
    exigir_cercano(X_est, X_ok, f"{que}: X", atol=1e-6, rtol=1e-6, revelar=False,
                   errores_conocidos=_errores_conocidos_x(X))
    exigir_cercano(Y, Y_ok, f"{que}: Y", atol=1e-6, rtol=0, revelar=False, pista=PISTA_ONE_HOT)


@caso(puntos=0.5, oculta=True, exito="con flores aleatorias, X conserva su forma y las especies quedan en one-hot.")
def test_formas_y_etiquetas_aleatorias(alumno, rng):
    """Formas de X y de Y y especies one-hot con flores aleatorias (la estandarización, en el otro caso)."""
    X, y, que = _aleatorias(rng)
    X_est, Y = _llamar(alumno, X, y, que)
    _exigir_x(X_est, X, que)
    exigir_cercano(_exigir_y(Y, y, que), np.eye(3)[y], f"{que}: Y", atol=1e-6, rtol=0, revelar=False,
                   pista=PISTA_ONE_HOT)
