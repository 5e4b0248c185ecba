"""Casos de `preprocesar(x, y)`: imágenes (n, 28, 28) uint8 → X (n, 28, 28, 1) en [0, 1] y Y one-hot (n, 10)."""
import numpy as np

from autograder.casos import caso
from autograder.errores import Fallo
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma, exigir_tupla

# Three hand-checkable images: pixel (f, c) of image i is (i·784 + 28·f + c) mod 256,
# so X[i, f, c, 0] = ((i·784 + 28·f + c) % 256) / 255.
X_PUB = (np.arange(3 * 784) % 256).astype(np.uint8).reshape(3, 28, 28)
Y_PUB = np.array([3, 0, 7], dtype=np.uint8)  # no 9: to_categorical(y) without num_classes gives 8 columns

PISTA_255 = ("los valores pasan de 1: divide entre 255 para llevar los píxeles de [0, 255] a [0, 1] "
             "(x.astype('float32') / 255).")
PISTA_ENTERA = "usaste división entera (//): convierte primero a float32 y divide con / 255."
PISTA_TRASPUESTA = ("las imágenes quedaron traspuestas (filas por columnas): no cambies el orden de los ejes de "
                    "x; solo añade el eje del canal al final con x.reshape(n, 28, 28, 1).")
PISTA_FILAS_Y = "cada fila debe tener un único 1.0, en la columna de su dígito (Y[i, y[i]] = 1)."


def _errores_conocidos_x(x):
    n = x.shape[0]
    return (
        (x.reshape(n, 28, 28, 1).astype(float), PISTA_255),
        (x.reshape(n, 28, 28, 1) // 255, PISTA_ENTERA),
        (x.transpose(0, 2, 1).reshape(n, 28, 28, 1) / 255.0, PISTA_TRASPUESTA),
    )


def _llamar(alumno, x, y, que) -> tuple:
    return exigir_tupla(alumno.llamar("preprocesar", x, y), 2, que)


def _exigir_x(X, x, que) -> np.ndarray:
    """X is an array of shape (n, 28, 28, 1); flat images and a missing or leading channel get their own message."""
    n = x.shape[0]
    X = exigir_array(X, f"{que}: X")
    if X.shape == (n, 784):
        raise Fallo(f"{que}: X tiene forma {X.shape}: aplanaste las imágenes, como en la red densa de la tarea 07. "
                    f"Una red convolucional recibe imágenes: se esperaba ({n}, 28, 28, 1), con "
                    "x.reshape(n, 28, 28, 1).")
    if X.shape == (n, 28, 28):
        raise Fallo(f"{que}: X tiene forma {X.shape} y se esperaba ({n}, 28, 28, 1): falta el eje del canal. Conv2D "
                    "espera imágenes (alto, ancho, canales); en escala de grises hay 1 canal: "
                    "x.reshape(n, 28, 28, 1) o x[..., np.newaxis].")
    if X.shape == (n, 1, 28, 28):
        raise Fallo(f"{que}: X tiene forma {X.shape} y se esperaba ({n}, 28, 28, 1): pusiste el canal delante. "
                    "Keras usa por defecto «channels_last»: el canal va al final, x.reshape(n, 28, 28, 1).")
    exigir_forma(X, (n, 28, 28, 1), f"{que}: X", "Cada imagen debe quedar como un array (28, 28, 1).")
    return X


def _exigir_y(Y, y, que) -> np.ndarray:
    """Y is an array of shape (n, 10); integer labels and too few columns get their own messages."""
    n = y.shape[0]
    Y = exigir_array(Y, f"{que}: Y")
    if Y.shape == (n,):
        if np.array_equal(Y.reshape(-1), np.asarray(y).reshape(-1)):  # recognised: the labels themselves
            raise Fallo(f"{que}: Y tiene forma ({n},): son las etiquetas enteras sin codificar. Conviértelas a "
                        f"one-hot de forma ({n}, 10): un 1.0 en la columna del dígito y 0.0 en las demás.")
        raise Fallo(f"{que}: Y tiene forma ({n},) y se esperaba ({n}, 10): una fila por imagen, con un 1.0 "
                    "en la columna de su dígito y 0.0 en las demás.")
    pista = "Debe haber 10 columnas, una por dígito."
    etiquetas = np.asarray(y).reshape(-1).astype(int)
    if (Y.ndim == 2 and Y.shape[0] == n and Y.shape[1] == int(np.max(etiquetas)) + 1
            and np.array_equal(Y, np.eye(Y.shape[1])[etiquetas])):  # recognised: one-hot up to the largest label
        pista = ("Tienes tantas columnas como la etiqueta más alta + 1: si usas keras.utils.to_categorical "
                 "pásale num_classes=10, porque un lote puede no contener todos los dígitos.")
    exigir_forma(Y, (n, 10), f"{que}: Y", pista)
    return Y


@caso(puntos=1, exito="devuelve X (n, 28, 28, 1) en float32 y Y (n, 10).")
def test_formas_y_tipo(alumno):
    """Con 3 imágenes, X tiene forma (3, 28, 28, 1) y tipo float32, y Y tiene forma (3, 10)."""
    que = "preprocesar(3 imágenes)"
    X, Y = _llamar(alumno, X_PUB, Y_PUB, que)
    X = _exigir_x(X, X_PUB, que)
    _exigir_y(Y, Y_PUB, que)
    if X.dtype != np.float32:
        raise Fallo(f"{que}: X tiene dtype {X.dtype} y se esperaba float32. Keras trabaja en "
                    "float32 y así los datos ocupan la mitad: usa x.astype('float32') / 255.")


@caso(puntos=1, exito="los píxeles conservan su posición, con un canal, y quedan divididos entre 255.")
def test_pixeles_entre_0_y_1(alumno):
    """X[i, f, c, 0] = ((i·784 + 28·f + c) mod 256) / 255 para las 3 imágenes de prueba."""
    que = "preprocesar(3 imágenes)"
    X = _exigir_x(_llamar(alumno, X_PUB, Y_PUB, que)[0], X_PUB, que)
    esperado = (np.arange(3 * 784) % 256).reshape(3, 28, 28, 1) / 255.0
    exigir_cercano(X, esperado, f"{que}: X", atol=1e-6, rtol=0,
                   errores_conocidos=_errores_conocidos_x(X_PUB))


@caso(puntos=1, exito="las etiquetas [3, 0, 7] quedan en one-hot con 10 columnas.")
def test_etiquetas_one_hot(alumno):
    """Y es la codificación one-hot de [3, 0, 7] con 10 columnas."""
    que = "preprocesar(3 imágenes)"
    Y = _exigir_y(_llamar(alumno, X_PUB, Y_PUB, que)[1], Y_PUB, que)
    esperado = np.zeros((3, 10))
    esperado[[0, 1, 2], [3, 0, 7]] = 1.0
    exigir_cercano(Y, esperado, f"{que}: Y", atol=1e-6, rtol=0, pista=PISTA_FILAS_Y)


@caso(puntos=1, oculta=True, exito="coincide con la referencia en imágenes aleatorias.")
def test_imagenes_aleatorias(alumno, rng, referencia):
    """Imágenes uint8 aleatorias (entre 1 y 20) y etiquetas aleatorias, comparadas con la referencia."""
    n = int(rng.integers(1, 21))
    x = rng.integers(0, 256, size=(n, 28, 28), dtype=np.uint8)
    y = rng.integers(0, 10, size=n).astype(np.uint8)
    que = f"preprocesar({n} imágenes aleatorias)"
    X, Y = _llamar(alumno, x, y, que)
    X, Y = _exigir_x(X, x, que), _exigir_y(Y, y, que)
    X_ok, Y_ok = referencia.preprocesar(x, y)
    exigir_cercano(X, X_ok, f"{que}: X", atol=1e-6, rtol=0, revelar=False,
                   errores_conocidos=_errores_conocidos_x(x))
    exigir_cercano(Y, Y_ok, f"{que}: Y", atol=1e-6, rtol=0, revelar=False, pista=PISTA_FILAS_Y)
