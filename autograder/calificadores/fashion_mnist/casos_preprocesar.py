"""Casos de `preprocesar(x, y)`: prendas (n, 28, 28) uint8 → X (n, 784) en [0, 1] y Y one-hot (n, 10)."""
import numpy as np

from autograder.casos import caso
from autograder.errores import Fallo
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma, exigir_tupla

# Three hand-checkable images: pixel j of image i is (i·784 + j) mod 200, so
# X[i, j] = ((i·784 + j) % 200) / 255 when flattened row by row. The brightest
# pixel is 199, not 255, as in many dark garments: dividing by x.max() is wrong.
X_PUB = (np.arange(3 * 784) % 200).astype(np.uint8).reshape(3, 28, 28)
Y_PUB = np.array([2, 0, 5], dtype=np.uint8)  # suéter, camiseta/top, sandalia; no 9 (bota): see PISTA_NUM_CLASES
NOMBRES_PUB = "suéter, camiseta/top y sandalia"

PISTA_255 = ("los valores pasan de 1: divide entre 255 para llevar los píxeles de [0, 255] a [0, 1] "
             "(x.astype('float32') / 255).")
PISTA_ENTERA = "usaste división entera (//): convierte primero a float32 y divide con / 255."
PISTA_ORDEN = ("aplanaste la prenda por columnas; aplánala fila por fila, en el orden de NumPy: "
               "x.reshape(n, 784).")
PISTA_MAXIMO = ("dividiste entre el píxel más brillante del lote (x.max()) y no entre 255. Muchas prendas son "
                "oscuras y ningún píxel llega a 255, así que cada lote quedaría en otra escala: divide siempre "
                "entre 255, el máximo posible de un píxel uint8.")
PISTA_FILAS_Y = "cada fila debe tener un único 1.0, en la columna de su prenda (Y[i, y[i]] = 1)."


def _errores_conocidos_x(x):
    n = x.shape[0]
    plano = x.reshape(n, -1).astype(float)
    return (
        (plano, PISTA_255),
        (x.reshape(n, -1) // 255, PISTA_ENTERA),
        (x.transpose(0, 2, 1).reshape(n, -1) / 255.0, PISTA_ORDEN),
        (plano / max(float(plano.max()), 1.0), PISTA_MAXIMO),
    )


def _llamar(alumno, x, y, que) -> tuple:
    return exigir_tupla(alumno.llamar("preprocesar", x, y), 2, que)


def _exigir_x(X, x, que) -> np.ndarray:
    """X is an array of shape (n, 784); not flattening gets its own message."""
    n = x.shape[0]
    X = exigir_array(X, f"{que}: X")
    if X.shape == x.shape:
        raise Fallo(f"{que}: X tiene forma {X.shape}, la de las prendas sin aplanar; se esperaba ({n}, 784). "
                    "Una red densa recibe vectores: aplana cada imagen de 28×28 con x.reshape(n, 784).")
    exigir_forma(X, (n, 784), f"{que}: X", "Cada prenda de 28×28 debe quedar como un vector de 784 píxeles.")
    return X


def _exigir_y(Y, y, que) -> np.ndarray:
    """Y is an array of shape (n, 10); integer labels and too few columns get their own messages."""
    n = y.shape[0]
    Y = exigir_array(Y, f"{que}: Y")
    if Y.shape == (n,):
        if np.array_equal(Y.reshape(-1), np.asarray(y).reshape(-1)):  # recognised: the labels themselves
            raise Fallo(f"{que}: Y tiene forma ({n},): son las etiquetas enteras sin codificar. Conviértelas a "
                        f"one-hot de forma ({n}, 10): un 1.0 en la columna de la prenda y 0.0 en las demás.")
        raise Fallo(f"{que}: Y tiene forma ({n},) y se esperaba ({n}, 10): una fila por prenda, con un 1.0 "
                    "en la columna de su prenda y 0.0 en las demás.")
    pista = "Debe haber 10 columnas, una por tipo de prenda (de camiseta/top a bota)."
    etiquetas = np.asarray(y).reshape(-1).astype(int)
    if (Y.ndim == 2 and Y.shape[0] == n and Y.shape[1] == int(np.max(etiquetas)) + 1
            and np.array_equal(Y, np.eye(Y.shape[1])[etiquetas])):  # recognised: one-hot up to the largest label
        pista = ("Tienes tantas columnas como la etiqueta más alta + 1: si usas keras.utils.to_categorical "
                 "pásale num_classes=10, porque un lote sin botas (clase 9) tendría menos columnas.")
    exigir_forma(Y, (n, 10), f"{que}: Y", pista)
    return Y


@caso(puntos=1, exito="devuelve X (n, 784) en float32 y Y (n, 10).")
def test_formas_y_tipo(alumno):
    """Con 3 prendas, X tiene forma (3, 784) y tipo float32, y Y tiene forma (3, 10)."""
    que = "preprocesar(3 prendas)"
    X, Y = _llamar(alumno, X_PUB, Y_PUB, que)
    X = _exigir_x(X, X_PUB, que)
    _exigir_y(Y, Y_PUB, que)
    if X.dtype != np.float32:
        raise Fallo(f"{que}: X tiene dtype {X.dtype} y se esperaba float32. Keras trabaja en "
                    "float32 y así las 60000 prendas ocupan la mitad de memoria: usa x.astype('float32') / 255.")


@caso(puntos=1, exito="los píxeles quedan aplanados fila por fila y divididos entre 255.")
def test_pixeles_entre_0_y_1(alumno):
    """X[i, j] = ((i·784 + j) mod 200) / 255 para las 3 prendas de prueba (el píxel más brillante es 199)."""
    que = "preprocesar(3 prendas)"
    X = _exigir_x(_llamar(alumno, X_PUB, Y_PUB, que)[0], X_PUB, que)
    esperado = (np.arange(3 * 784) % 200).reshape(3, 784) / 255.0
    exigir_cercano(X, esperado, f"{que}: X", atol=1e-6, rtol=0,
                   errores_conocidos=_errores_conocidos_x(X_PUB))


@caso(puntos=1, exito=f"las etiquetas [2, 0, 5] ({NOMBRES_PUB}) quedan en one-hot con 10 columnas.")
def test_etiquetas_one_hot(alumno):
    """Y es la codificación one-hot de [2, 0, 5] (suéter, camiseta/top, sandalia) con 10 columnas."""
    que = "preprocesar(3 prendas)"
    Y = _exigir_y(_llamar(alumno, X_PUB, Y_PUB, que)[1], Y_PUB, que)
    esperado = np.zeros((3, 10))
    esperado[[0, 1, 2], [2, 0, 5]] = 1.0
    exigir_cercano(Y, esperado, f"{que}: Y", atol=1e-6, rtol=0, pista=PISTA_FILAS_Y)


@caso(puntos=1, oculta=True, exito="coincide con la referencia en prendas aleatorias.")
def test_prendas_aleatorias(alumno, rng, referencia):
    """Prendas uint8 aleatorias (entre 1 y 20, con brillo máximo variable) y etiquetas aleatorias."""
    n = int(rng.integers(1, 21))
    brillo = int(rng.integers(100, 256))
    x = rng.integers(0, brillo, size=(n, 28, 28), dtype=np.uint8)
    y = rng.integers(0, 10, size=n).astype(np.uint8)
    que = f"preprocesar({n} prendas aleatorias)"
    X, Y = _llamar(alumno, x, y, que)
    X, Y = _exigir_x(X, x, que), _exigir_y(Y, y, que)
    X_ok, Y_ok = referencia.preprocesar(x, y)
    exigir_cercano(X, X_ok, f"{que}: X", atol=1e-6, rtol=0, revelar=False,
                   errores_conocidos=_errores_conocidos_x(x))
    exigir_cercano(Y, Y_ok, f"{que}: Y", atol=1e-6, rtol=0, revelar=False, pista=PISTA_FILAS_Y)
