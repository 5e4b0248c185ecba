"""Casos de `preparar_secuencias(x)`: reseñas de largo variable → array int (n, 200), relleno y recorte «pre».

The convention is Keras's default, ``keras.utils.pad_sequences(x, maxlen=200)``: zeros are added
at the start of short reviews and long reviews keep their last 200 words.
"""
import numpy as np

from autograder.casos import caso
from autograder.errores import Fallo
from autograder.verificar import exigir_array, exigir_cercano

LONGITUD = 200

# Three hand-checkable reviews: a short one, one of 250 words and an empty one.
#   row 0 = 195 zeros, then 1 14 22 16 43;
#   row 1 = the last 200 words of [1, 4, 5, ..., 252], i.e. 53, 54, ..., 252;
#   row 2 = 200 zeros.
X_PUB = [[1, 14, 22, 16, 43], [1] + list(range(4, 253)), []]

# Expected output for X_PUB and the known wrong ones (padding/truncating "post"), written out as literals.
_CORTA_PRE, _CORTA_POST = [0] * 195 + [1, 14, 22, 16, 43], [1, 14, 22, 16, 43] + [0] * 195
_LARGA_PRE, _LARGA_POST = list(range(53, 253)), [1] + list(range(4, 203))
ESPERADO_PUB = np.array([_CORTA_PRE, _LARGA_PRE, [0] * LONGITUD], dtype=np.int64)
_POST_PRE = np.array([_CORTA_POST, _LARGA_PRE, [0] * LONGITUD], dtype=np.int64)
_PRE_POST = np.array([_CORTA_PRE, _LARGA_POST, [0] * LONGITUD], dtype=np.int64)
_POST_POST = np.array([_CORTA_POST, _LARGA_POST, [0] * LONGITUD], dtype=np.int64)

PISTA_RELLENO = ("rellenaste con ceros al final de la reseña (relleno «post»). Aquí los ceros van al "
                 "principio, que es lo que hace keras.utils.pad_sequences por defecto (padding='pre'): así "
                 "las palabras reales quedan al final, justo antes de que la LSTM dé su salida.")
PISTA_RECORTE = ("de las reseñas largas conservaste las primeras 200 palabras (recorte «post»). Aquí se "
                 "conservan las últimas 200, como hace keras.utils.pad_sequences por defecto (truncating='pre').")
PISTA_AMBOS = ("rellenaste al final y recortaste por el final (padding='post', truncating='post'). La convención "
               "de esta tarea es la de keras.utils.pad_sequences por defecto: ceros al principio y, de las "
               "reseñas largas, las últimas 200 palabras.")


def _variantes_publicas(filas) -> tuple:
    """The known wrong outputs for X_PUB (rows ``filas``), written out: post padding, post truncation, both."""
    return ((_POST_PRE[filas], PISTA_RELLENO), (_PRE_POST[filas], PISTA_RECORTE), (_POST_POST[filas], PISTA_AMBOS))


def _errores_conocidos(x, referencia):
    """Hidden cases: the wrong variants come from ``referencia.rellenar_variante`` (reference side)."""
    return (
        (referencia.rellenar_variante(x, "post", "pre"), PISTA_RELLENO),
        (referencia.rellenar_variante(x, "pre", "post"), PISTA_RECORTE),
        (referencia.rellenar_variante(x, "post", "post"), PISTA_AMBOS),
    )


def _llamar(alumno, x, que) -> np.ndarray:
    """X must be an integer array of shape (n, 200); a wrong length or a float dtype get their own messages."""
    X = exigir_array(alumno.llamar("preparar_secuencias", x), que)
    n, mas_larga = len(x), max((len(s) for s in x), default=0)
    if X.shape == (n, mas_larga) and mas_larga != LONGITUD:
        raise Fallo(f"{que}: la forma es {X.shape}: rellenaste hasta la reseña más larga ({mas_larga} palabras) "
                    f"y se esperaba ({n}, {LONGITUD}). Fija el largo en 200 (con pad_sequences, maxlen=200).")
    if X.shape != (n, LONGITUD):
        raise Fallo(f"{que}: la forma es {X.shape} y se esperaba ({n}, {LONGITUD}): una fila por reseña y "
                    f"{LONGITUD} posiciones por fila.")
    if X.dtype.kind not in "iu":
        raise Fallo(f"{que}: X tiene dtype {X.dtype} y se esperaban enteros (int32). Son índices de palabras "
                    "que la capa Embedding usa para buscar filas"
                    + (": no los conviertas a float." if X.dtype.kind == "f" else "."))
    return X


@caso(puntos=1, exito="devuelve un array de enteros (n, 200).")
def test_forma_y_tipo_entero(alumno):
    """Con 3 reseñas (de 5, 250 y 0 palabras), X es un array de enteros de forma (3, 200)."""
    _llamar(alumno, X_PUB, "preparar_secuencias(3 reseñas)")


@caso(puntos=1, exito="las reseñas cortas se rellenan con ceros al principio.")
def test_relleno_con_ceros_al_principio(alumno):
    """La reseña [1, 14, 22, 16, 43] queda como 195 ceros y después sus 5 palabras; la vacía, como 200 ceros."""
    que = "preparar_secuencias(3 reseñas): filas 0 y 2 (reseñas cortas)"
    X = _llamar(alumno, X_PUB, "preparar_secuencias(3 reseñas)")
    exigir_cercano(X[[0, 2]], ESPERADO_PUB[[0, 2]], que, atol=0, rtol=0, errores_conocidos=_variantes_publicas([0, 2]))


@caso(puntos=1, exito="de las reseñas largas se conservan las últimas 200 palabras.")
def test_recorte_conserva_las_ultimas_palabras(alumno):
    """La reseña de 250 palabras [1, 4, 5, ..., 252] queda como 53, 54, ..., 252 (sus últimas 200)."""
    que = "preparar_secuencias(3 reseñas): fila 1 (reseña de 250 palabras)"
    X = _llamar(alumno, X_PUB, "preparar_secuencias(3 reseñas)")
    exigir_cercano(X[[1]], ESPERADO_PUB[[1]], que, atol=0, rtol=0, errores_conocidos=_variantes_publicas([1]))


# When grading, the points of preparar_secuencias come from the two hidden cases (2 each). The second one has
# only long reviews, as the public truncation case: padding at the end keeps its points, truncating at the end not.
@caso(puntos=0.5, oculta=True, exito="coincide con la referencia en reseñas aleatorias.")
def test_resenas_aleatorias(alumno, rng, referencia):
    """Entre 2 y 20 reseñas de 0 a 400 palabras aleatorias, comparadas con la referencia."""
    n = int(rng.integers(2, 21))
    x = [[1] + rng.integers(2, 10000, size=int(rng.integers(0, 400))).tolist() for _ in range(n)]
    x[0] = x[0][: int(rng.integers(1, 50))]  # at least one short review ...
    x[1] = x[1] + rng.integers(2, 10000, size=250).tolist()  # ... and one longer than 200
    que = f"preparar_secuencias({n} reseñas aleatorias)"
    X = _llamar(alumno, x, que)
    exigir_cercano(X, referencia.preparar_secuencias(x), que, atol=0, rtol=0, revelar=False,
                   errores_conocidos=_errores_conocidos(x, referencia))


@caso(puntos=0.5, oculta=True, exito="de reseñas largas aleatorias conserva las últimas 200 palabras.")
def test_resenas_largas_aleatorias(alumno, rng, referencia):
    """Entre 2 y 10 reseñas de 201 a 400 palabras aleatorias (sin relleno), comparadas con la referencia."""
    n = int(rng.integers(2, 11))
    x = [[1] + rng.integers(2, 10000, size=int(rng.integers(200, 400))).tolist() for _ in range(n)]
    que = f"preparar_secuencias({n} reseñas largas aleatorias)"
    exigir_cercano(_llamar(alumno, x, que), referencia.preparar_secuencias(x), que, atol=0, rtol=0, revelar=False,
                   errores_conocidos=_errores_conocidos(x, referencia))
