"""Casos de `preprocesar(x, y)`: imágenes (n, 32, 32, 3) uint8 → X (n, 32, 32, 3) en [0, 1] y Y one-hot (n, 10)."""
import numpy as np

from autograder.casos import caso
from autograder.errores import Fallo
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma, exigir_tupla

FORMA_IMAGEN = (32, 32, 3)
# Three hand-checkable images: value j (in NumPy's row-major order) of image i is
# (i·3072 + j) mod 256, so X[i].reshape(-1)[j] = ((i·3072 + j) % 256) / 255.
X_PUB = (np.arange(3 * 3072) % 256).astype(np.uint8).reshape(3, *FORMA_IMAGEN)
# Labels with the (n, 1) shape of cargar_cifar10; no 9, so to_categorical(y) without num_classes gives 9 columns.
Y_PUB = np.array([[3], [0], [8]], dtype=np.uint8)

PISTA_255 = ("los valores pasan de 1: divide entre 255 para llevar los píxeles de [0, 255] a [0, 1] "
             "(x.astype('float32') / 255).")
PISTA_ENTERA = "usaste división entera (//): convierte primero a float32 y divide con / 255."
PISTA_ONE_HOT = "cada fila debe tener un único 1.0, en la columna de su clase (Y[i, y[i]] = 1)."
PISTA_CENTRADO = ("restaste la media y dividiste entre la desviación típica: en esta tarea solo se divide "
                  "entre 255, para que la red reciba lo mismo que el modelo entregado al calificar.")


def _errores_conocidos_x(x):
    x = x.astype(float)
    return (
        (x, PISTA_255),
        (np.floor(x / 255.0), PISTA_ENTERA),
        ((x / 255.0 - np.mean(x / 255.0)) / np.std(x / 255.0), PISTA_CENTRADO),
    )


def _llamar(alumno, x, y, que) -> tuple:
    return exigir_tupla(alumno.llamar("preprocesar", x, y), 2, que)


def _exigir_x(X, x, que) -> np.ndarray:
    """X is an array of shape (n, 32, 32, 3); flattening gets its own message."""
    n = x.shape[0]
    X = exigir_array(X, f"{que}: X")
    if X.shape == (n, 3072):
        raise Fallo(f"{que}: X tiene forma {X.shape}: aplanaste las imágenes. Una red convolucional recibe "
                    f"imágenes de 32×32 con 3 canales: conserva la forma ({n}, 32, 32, 3) y solo divide entre 255.")
    exigir_forma(X, (n, *FORMA_IMAGEN), f"{que}: X", "Las imágenes deben conservar su forma (alto, ancho, canales).")
    return X


def _exigir_y(Y, y, que) -> np.ndarray:
    """Y is an array of shape (n, 10); integer labels, a leftover axis and too few columns get their own messages."""
    n = y.shape[0]
    Y = exigir_array(Y, f"{que}: Y")
    if Y.shape in ((n,), (n, 1)):
        if np.array_equal(Y.reshape(-1), np.asarray(y).reshape(-1)):  # recognised: the labels themselves
            raise Fallo(f"{que}: Y tiene forma {Y.shape}: son las etiquetas enteras sin codificar. Conviértelas a "
                        f"one-hot de forma ({n}, 10): un 1.0 en la columna de la clase y 0.0 en las demás.")
        raise Fallo(f"{que}: Y tiene forma {Y.shape} y se esperaba ({n}, 10): una fila por imagen, con un 1.0 "
                    "en la columna de su clase y 0.0 en las demás.")
    if Y.shape == (n, 1, 10):
        raise Fallo(f"{que}: Y tiene forma {Y.shape}: las etiquetas llegan con forma (n, 1) y se quedó ese eje. "
                    "Aplánalas primero con y.reshape(-1).")
    pista = "Debe haber 10 columnas, una por clase."
    etiquetas = np.asarray(y).reshape(-1).astype(int)
    if (Y.ndim == 2 and Y.shape[0] == n and Y.shape[1] == int(np.max(etiquetas)) + 1
            and np.array_equal(Y, np.eye(Y.shape[1])[etiquetas])):  # recognised: one-hot up to the largest label
        pista = ("Tienes tantas columnas como la etiqueta más alta + 1: si usas keras.utils.to_categorical "
                 "pásale num_classes=10, porque un lote puede no contener todas las clases.")
    exigir_forma(Y, (n, 10), f"{que}: Y", pista)
    return Y


def one_hot(y) -> np.ndarray:
    y = np.asarray(y).reshape(-1).astype(int)
    Y = np.zeros((y.shape[0], 10))
    Y[np.arange(y.shape[0]), y] = 1.0
    return Y


@caso(puntos=1, exito="devuelve X (n, 32, 32, 3) en float32 y Y (n, 10).")
def test_formas_y_tipo(alumno):
    """Con 3 imágenes, X tiene forma (3, 32, 32, 3) y tipo float32, y Y tiene forma (3, 10)."""
    que = "preprocesar(3 imágenes)"
    X, Y = _llamar(alumno, X_PUB, Y_PUB, que)
    X = _exigir_x(X, X_PUB, que)
    _exigir_y(Y, Y_PUB, que)
    if X.dtype != np.float32:
        raise Fallo(f"{que}: X tiene dtype {X.dtype} y se esperaba float32. Keras trabaja en "
                    "float32 y así los datos ocupan la mitad: usa x.astype('float32') / 255.")


@caso(puntos=1, exito="los píxeles conservan su forma y quedan divididos entre 255.")
def test_pixeles_entre_0_y_1(alumno):
    """X[i].reshape(-1)[j] = ((i·3072 + j) mod 256) / 255 para las 3 imágenes de prueba."""
    que = "preprocesar(3 imágenes)"
    X = _exigir_x(_llamar(alumno, X_PUB, Y_PUB, que)[0], X_PUB, que)
    esperado = X_PUB.astype(float) / 255.0
    exigir_cercano(X, esperado, f"{que}: X", atol=1e-6, rtol=0, errores_conocidos=_errores_conocidos_x(X_PUB))


@caso(puntos=1, exito="las etiquetas [[3], [0], [8]] quedan en one-hot con 10 columnas.")
def test_etiquetas_one_hot(alumno):
    """Y es la codificación one-hot de las etiquetas [[3], [0], [8]] (forma (3, 1)) con 10 columnas."""
    que = "preprocesar(3 imágenes)"
    Y = _exigir_y(_llamar(alumno, X_PUB, Y_PUB, que)[1], Y_PUB, que)
    exigir_cercano(Y, one_hot(Y_PUB), f"{que}: Y", atol=1e-6, rtol=0, pista=PISTA_ONE_HOT)


def _aleatorias(rng):
    """Entre 1 y 20 imágenes uint8 aleatorias y sus etiquetas aleatorias de forma (n, 1)."""
    n = int(rng.integers(1, 21))
    x = rng.integers(0, 256, size=(n, *FORMA_IMAGEN), dtype=np.uint8)
    return x, rng.integers(0, 10, size=(n, 1)).astype(np.uint8), f"preprocesar({n} imágenes aleatorias)"


# When grading, the points of preprocesar come from the two hidden cases (2 each): the pixels and the labels
# are graded apart, as in the public cases, so forgetting /255 keeps the points of the shapes and the labels.
@caso(puntos=0.5, oculta=True, exito="coincide con la referencia en imágenes aleatorias.")
def test_imagenes_aleatorias(alumno, rng, referencia):
    """Imágenes uint8 aleatorias (entre 1 y 20) y etiquetas aleatorias de forma (n, 1), comparadas con la referencia."""
    x, y, que = _aleatorias(rng)
    X, Y = _llamar(alumno, x, y, que)
    X, Y = _exigir_x(X, x, que), _exigir_y(Y, y, que)
    X_ok, Y_ok = referencia.preprocesar(x, y)
    exigir_cercano(X, X_ok, f"{que}: X", atol=1e-6, rtol=0, revelar=False, errores_conocidos=_errores_conocidos_x(x))
    exigir_cercano(Y, Y_ok, f"{que}: Y", atol=1e-6, rtol=0, revelar=False, pista=PISTA_ONE_HOT)


@caso(puntos=0.5, oculta=True, exito="con imágenes aleatorias, X conserva su forma y las etiquetas quedan en one-hot.")
def test_formas_y_etiquetas_aleatorias(alumno, rng):
    """Formas de X y de Y y etiquetas one-hot con imágenes aleatorias (los píxeles se comparan en el otro caso)."""
    x, y, que = _aleatorias(rng)
    X, Y = _llamar(alumno, x, y, que)
    _exigir_x(X, x, que)
    exigir_cercano(_exigir_y(Y, y, que), one_hot(y), f"{que}: Y", atol=1e-6, rtol=0, revelar=False, pista=PISTA_ONE_HOT)
