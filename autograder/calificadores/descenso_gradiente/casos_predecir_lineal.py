"""Casos de `predecir_lineal(X, W, b)`."""
import numpy as np

from autograder.calificadores.descenso_gradiente.datos import B_DIAPOSITIVAS, P_DIAPOSITIVAS, TABLA_X, W_DIAPOSITIVAS
from autograder.casos import caso
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma

X_PUB = np.array([[1.0, 2.0], [0.0, -1.0], [3.0, 0.5]])
W_PUB = np.array([[1.0, 0.5], [-2.0, 1.0]])
B_PUB = np.array([0.5, -1.0])
ESPERADO_PUB = np.array([[-2.5, 1.5], [2.5, -2.0], [2.5, 1.0]])


def _errores_conocidos(X, W):
    return ((X @ W, "falta sumar el sesgo: Ŷ = X W + b (b se suma a cada fila)."),)


def _pedir(alumno, X, W, b, que):
    Y_pred = exigir_array(alumno.llamar("predecir_lineal", X, W, b), que)
    exigir_forma(Y_pred, (X.shape[0], W.shape[1]), que, "Una fila por ejemplo y una columna por salida: X @ W + b.")
    return Y_pred


@caso(puntos=0.5, exito="predice bien 3 ejemplos con 2 características y 2 salidas.")
def test_ejemplo_pequeno(alumno):
    """Fila 0, salida 0: 1·1 + 2·(-2) + 0.5 = -2.5."""
    Y_pred = _pedir(alumno, X_PUB, W_PUB, B_PUB, "predecir_lineal(ejemplo 3×2)")
    exigir_cercano(Y_pred, ESPERADO_PUB, "predecir_lineal(ejemplo 3×2)", atol=1e-8,
                   errores_conocidos=_errores_conocidos(X_PUB, W_PUB))


@caso(puntos=0.5, exito="con los W y b de las diapositivas reproduce sus columnas P1 y P2 (16, 44; 12, 40; …).")
def test_tabla_diapositivas(alumno):
    """Las 8 filas de las diapositivas con W = [[1, 4], [2, 5], [3, 6]] y b = [-46, -108]."""
    que = "predecir_lineal(tabla de las diapositivas)"
    Y_pred = _pedir(alumno, TABLA_X, W_DIAPOSITIVAS, B_DIAPOSITIVAS, que)
    exigir_cercano(Y_pred, P_DIAPOSITIVAS, que, atol=1e-8, errores_conocidos=_errores_conocidos(TABLA_X, W_DIAPOSITIVAS))


@caso(puntos=1, oculta=True, exito="coincide con la referencia con n, d y m aleatorios.")
def test_valores_ocultos(alumno, rng, referencia):
    n, d, m = int(rng.integers(2, 15)), int(rng.integers(1, 6)), int(rng.integers(1, 4))
    X, W, b = rng.normal(size=(n, d)), rng.normal(size=(d, m)), rng.normal(size=m)
    que = f"predecir_lineal con n={n}, d={d}, m={m}"
    Y_pred = _pedir(alumno, X, W, b, que)
    exigir_cercano(Y_pred, referencia.predecir_lineal(X, W, b), que, atol=1e-8, rtol=1e-8,
                   errores_conocidos=_errores_conocidos(X, W), revelar=False)


@caso(puntos=1, oculta=True, exito="funciona con un solo ejemplo, una característica y una salida, y con valores grandes.")
def test_un_ejemplo_y_valores_grandes(alumno, rng, referencia):
    """n = d = m = 1, y una matriz con entradas del orden de 10⁶."""
    X, W, b = rng.normal(size=(1, 1)), rng.normal(size=(1, 1)), rng.normal(size=1)
    que = "predecir_lineal con n=d=m=1"
    exigir_cercano(_pedir(alumno, X, W, b, que), referencia.predecir_lineal(X, W, b), que, atol=1e-8,
                   errores_conocidos=_errores_conocidos(X, W), revelar=False)
    n, d, m = int(rng.integers(2, 8)), int(rng.integers(1, 4)), int(rng.integers(1, 3))
    X, W, b = rng.normal(0, 1e6, size=(n, d)), rng.normal(size=(d, m)), rng.normal(0, 1e6, size=m)
    que = f"predecir_lineal con valores del orden de 10⁶ (n={n}, d={d}, m={m})"
    exigir_cercano(_pedir(alumno, X, W, b, que), referencia.predecir_lineal(X, W, b), que, atol=1e-6, rtol=1e-9,
                   errores_conocidos=_errores_conocidos(X, W), revelar=False)
