"""Casos de `preparar_datos(x, y)`: píxeles (n, 64) enteros de 0 a 16 → X float32 en [0, 1], Y one-hot (n, 10).

In optdigits each pixel counts the set bits of a 4×4 block of the original 32×32
bitmap, so it is an integer from 0 to 16: dividing by 16 maps it to [0, 1].
"""
import numpy as np

from autograder.casos import caso
from autograder.errores import Fallo
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma, exigir_tupla

# Three hand-checkable digits: pixel j of digit i is (i·64 + j) mod 17, so X[i, j] = ((i·64 + j) % 17) / 16.
X_PUB = (np.arange(3 * 64) % 17).astype(np.uint8).reshape(3, 64)
Y_PUB = np.array([3, 0, 7], dtype=np.uint8)  # no 8 or 9: to_categorical(y) without num_classes gives 8 columns

PISTA_255 = ("dividiste entre 255, como en MNIST, pero en optdigits cada píxel vale de 0 a 16 (cuenta los puntos "
             "de un bloque de 4×4): divide entre 16.")
PISTA_SIN_ESCALAR = "los valores pasan de 1: divide entre 16 para llevar los píxeles de [0, 16] a [0, 1]."
PISTA_ENTERA = "usaste división entera (//): convierte primero a float32 y divide con / 16."
PISTA_ONE_HOT = "cada fila debe tener un único 1.0, en la columna de su dígito (Y[i, y[i]] = 1)."


def _errores_conocidos_x(x):
    return (
        (x / 255.0, PISTA_255),
        (x.astype(float), PISTA_SIN_ESCALAR),
        (x // 16, PISTA_ENTERA),
    )


def _llamar(alumno, x, y, que) -> tuple:
    return exigir_tupla(alumno.llamar("preparar_datos", x, y), 2, que)


def _exigir_x(X, x, que) -> np.ndarray:
    X = exigir_array(X, f"{que}: X")
    exigir_forma(X, (x.shape[0], 64), f"{que}: X", "Cada dígito ya viene como un vector de 64 píxeles: "
                                                   "no cambies la forma.")
    return X


def _exigir_y(Y, y, que) -> np.ndarray:
    """Y is an array of shape (n, 10); integer labels and too few columns get their own messages."""
    n = y.shape[0]
    Y = exigir_array(Y, f"{que}: Y")
    if Y.shape == (n,):
        if np.array_equal(Y.reshape(-1), np.asarray(y).reshape(-1)):  # recognised: the labels themselves
            raise Fallo(f"{que}: Y tiene forma ({n},): son las etiquetas enteras sin codificar. Conviértelas a "
                        f"one-hot de forma ({n}, 10) con keras.utils.to_categorical(y, num_classes=10).")
        raise Fallo(f"{que}: Y tiene forma ({n},) y se esperaba ({n}, 10): una fila por dígito, con un 1.0 "
                    "en la columna de su dígito y 0.0 en las demás.")
    pista = "Debe haber 10 columnas, una por dígito."
    etiquetas = np.asarray(y).reshape(-1).astype(int)
    if (Y.ndim == 2 and Y.shape[0] == n and Y.shape[1] == int(np.max(etiquetas)) + 1
            and np.array_equal(Y, np.eye(Y.shape[1])[etiquetas])):  # recognised: one-hot up to the largest label
        pista = ("Tienes tantas columnas como la etiqueta más alta + 1: pásale num_classes=10 a "
                 "keras.utils.to_categorical, porque un lote puede no contener todos los dígitos.")
    exigir_forma(Y, (n, 10), f"{que}: Y", pista)
    return Y


@caso(puntos=1, exito="devuelve X (n, 64) en float32 y Y (n, 10).")
def test_formas_y_tipo(alumno):
    """Con 3 dígitos, X tiene forma (3, 64) y tipo float32, y Y tiene forma (3, 10)."""
    que = "preparar_datos(3 dígitos)"
    X, Y = _llamar(alumno, X_PUB, Y_PUB, que)
    X = _exigir_x(X, X_PUB, que)
    _exigir_y(Y, Y_PUB, que)
    if X.dtype != np.float32:
        raise Fallo(f"{que}: X tiene dtype {X.dtype} y se esperaba float32. Keras trabaja en float32: "
                    "usa x.astype('float32') / 16.")


@caso(puntos=1, exito="los píxeles quedan divididos entre 16, en [0, 1].")
def test_pixeles_entre_0_y_1(alumno):
    """X[i, j] = ((i·64 + j) mod 17) / 16 para los 3 dígitos de prueba."""
    que = "preparar_datos(3 dígitos)"
    X = _exigir_x(_llamar(alumno, X_PUB, Y_PUB, que)[0], X_PUB, que)
    esperado = (np.arange(3 * 64) % 17).reshape(3, 64) / 16.0
    exigir_cercano(X, esperado, f"{que}: X", atol=1e-6, rtol=0, errores_conocidos=_errores_conocidos_x(X_PUB))


@caso(puntos=1, exito="las etiquetas [3, 0, 7] quedan en one-hot con 10 columnas.")
def test_etiquetas_one_hot(alumno):
    """Y es la codificación one-hot de [3, 0, 7] con 10 columnas."""
    que = "preparar_datos(3 dígitos)"
    Y = _exigir_y(_llamar(alumno, X_PUB, Y_PUB, que)[1], Y_PUB, que)
    esperado = np.zeros((3, 10))
    esperado[[0, 1, 2], [3, 0, 7]] = 1.0
    exigir_cercano(Y, esperado, f"{que}: Y", atol=1e-6, rtol=0, pista=PISTA_ONE_HOT)


@caso(puntos=1, oculta=True, exito="coincide con la referencia en dígitos aleatorios.")
def test_digitos_aleatorios(alumno, rng, referencia):
    """Entre 1 y 30 dígitos con píxeles aleatorios de 0 a 16 y etiquetas aleatorias, comparados con la referencia."""
    n = int(rng.integers(1, 31))
    x = rng.integers(0, 17, size=(n, 64), dtype=np.uint8)
    y = rng.integers(0, 10, size=n).astype(np.uint8)
    que = f"preparar_datos({n} dígitos aleatorios)"
    X, Y = _llamar(alumno, x, y, que)
    X, Y = _exigir_x(X, x, que), _exigir_y(Y, y, que)
    X_ok, Y_ok = referencia.preparar_datos(x, y)
    exigir_cercano(X, X_ok, f"{que}: X", atol=1e-6, rtol=0, revelar=False, errores_conocidos=_errores_conocidos_x(x))
    exigir_cercano(Y, Y_ok, f"{que}: Y", atol=1e-6, rtol=0, revelar=False, pista=PISTA_ONE_HOT)
