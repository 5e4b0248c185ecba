"""Casos de `densa_atras(dZ, cache)`: dX, dW y db contra el gradiente numérico."""
import numpy as np

from autograder.calificadores.backprop.verificacion import exigir_gradiente, llamar_con_pista_de_formas
from autograder.casos import caso
from autograder.errores import Fallo
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma, exigir_tupla

PISTA_W_SIN_TRASPONER = "para dX usaste W; la regla de la cadena pide su traspuesta: dX = dZ @ W.T."
PISTA_EJE_1 = ("sumaste dZ sobre axis=1 (las neuronas de salida): db suma sobre los ejemplos, "
               "db = np.sum(dZ, axis=0), y tiene la forma de b, (m,).")
PISTA_SIN_SUMA = ("db no está sumado: b se suma a todas las filas, así que su gradiente acumula las de dZ, "
                  "db = np.sum(dZ, axis=0), con forma (m,).")

X_PUB = np.array([[1.0, 2.0], [0.0, -1.0], [3.0, 1.0]])
W_PUB = np.array([[1.0, 2.0], [3.0, 4.0]])
B_PUB = np.array([0.5, -0.5])
DZ_PUB = np.array([[1.0, 0.0], [0.5, -1.0], [0.0, 2.0]])


def _atras(alumno, dZ, X, W, b, que):
    respuesta = llamar_con_pista_de_formas(alumno, "densa_atras", dZ, (X, W, b))
    dX, dW, db = exigir_tupla(respuesta, 3, que)
    dX, dW, db = (exigir_array(v, f"{que}: {nombre}") for v, nombre in ((dX, "dX"), (dW, "dW"), (db, "db")))
    exigir_forma(dX, X.shape, f"{que}: dX", "dX tiene la forma de X: (n, d) = dZ @ W.T.")
    exigir_forma(dW, W.shape, f"{que}: dW", "dW tiene la forma de W: (d, m) = X.T @ dZ.")
    n, m = dZ.shape
    if db.shape == (n, m):
        raise Fallo(f"{que}: db tiene forma {db.shape} y se esperaba ({m},).\n  Pista: {PISTA_SIN_SUMA}")
    if db.shape == (n,) and n != m:
        raise Fallo(f"{que}: db tiene forma {db.shape} y se esperaba ({m},).\n  Pista: {PISTA_EJE_1}")
    exigir_forma(db, (m,), f"{que}: db", "db tiene la forma de b: (m,).")
    return dX, dW, db


def _w_sin_trasponer(dZ, W):
    return ((dZ @ W, PISTA_W_SIN_TRASPONER),) if W.shape[0] == W.shape[1] else ()


@caso(puntos=1, exito="dX = dZ @ W.T, dW = X.T @ dZ y db = suma de dZ por columnas en un ejemplo 3×2.")
def test_ejemplo_pequeno(alumno):
    dX, dW, db = _atras(alumno, DZ_PUB, X_PUB, W_PUB, B_PUB, "densa_atras(ejemplo)")
    exigir_cercano(dX, [[1.0, 3.0], [-1.5, -2.5], [4.0, 8.0]], "densa_atras(ejemplo): dX", atol=1e-10,
                   errores_conocidos=_w_sin_trasponer(DZ_PUB, W_PUB))
    exigir_cercano(dW, [[1.0, 6.0], [1.5, 3.0]], "densa_atras(ejemplo): dW", atol=1e-10)
    exigir_cercano(db, [1.5, 1.0], "densa_atras(ejemplo): db", atol=1e-10)


def _comprobar_con_gradiente_numerico(alumno, referencia, n, d, m, rng):
    X, W, b, dZ = rng.normal(size=(n, d)), rng.normal(size=(d, m)), rng.normal(size=m), rng.normal(size=(n, m))
    que = f"densa_atras con n={n}, d={d}, m={m}"
    dX, dW, db = _atras(alumno, dZ, X, W, b, que)
    numerico = referencia.gradiente_numerico
    # L = sum(dZ * Z) has ∂L/∂Z = dZ, so its gradients are exactly what densa_atras must return.
    f_X = lambda X_: float(np.sum(dZ * referencia.densa_adelante(X_, W, b)[0]))
    f_W = lambda W_: float(np.sum(dZ * referencia.densa_adelante(X, W_, b)[0]))
    f_b = lambda b_: float(np.sum(dZ * referencia.densa_adelante(X, W, b_)[0]))
    exigir_gradiente(dX, numerico(f_X, X.copy()), f"{que}: dX", errores_conocidos=_w_sin_trasponer(dZ, W))
    exigir_gradiente(dW, numerico(f_W, W.copy()), f"{que}: dW")
    exigir_gradiente(db, numerico(f_b, b.copy()), f"{que}: db")


@caso(puntos=2, oculta=True, exito="dX, dW y db coinciden con el gradiente numérico en formas aleatorias.")
def test_gradiente_numerico_formas_aleatorias(alumno, rng, referencia):
    n, d, m = (int(v) for v in rng.integers(2, 7, size=3))
    _comprobar_con_gradiente_numerico(alumno, referencia, n, d, m, rng)


@caso(puntos=1, oculta=True, exito="funciona con un solo ejemplo (n = 1) y una sola característica (d = 1).")
def test_un_ejemplo_una_caracteristica(alumno, rng, referencia):
    _comprobar_con_gradiente_numerico(alumno, referencia, 1, 1, int(rng.integers(2, 5)), rng)
