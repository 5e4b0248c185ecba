"""Casos de `normalizar_minmax(X)`."""
import numpy as np

from autograder.calificadores.descenso_gradiente.comun import (
    comprobar_columna_constante,
    comprobar_columnas_constantes_y_una_fila,
    comprobar_ejemplo,
    comprobar_valores_grandes,
)
from autograder.casos import caso

X_PUB = np.array([[1.0, 10.0], [2.0, 20.0], [3.0, 40.0], [5.0, 30.0]])
ESPERADO_PUB = np.array([[0.0, 0.0], [0.25, 1 / 3], [0.5, 1.0], [1.0, 2 / 3]])
X_CONSTANTE = np.array([[1.0, 7.0], [3.0, 7.0], [2.0, 7.0]])
DIVISOR = "max - min"


def _errores_conocidos(X):
    global_ = (X - X.min()) / (X.max() - X.min())
    rango_filas = X.max(axis=1, keepdims=True) - X.min(axis=1, keepdims=True)
    por_filas = (X - X.min(axis=1, keepdims=True)) / np.where(rango_filas > 0, rango_filas, 1.0)
    return (
        (global_, "usaste el mínimo y el máximo de toda la matriz; cada columna (característica) usa "
                  "los suyos: np.min(X, axis=0) y np.max(X, axis=0)."),
        (por_filas, "normalizaste por filas; cada columna es una característica: usa axis=0."),
    )


@caso(puntos=1, exito="cada columna va de 0 (su mínimo) a 1 (su máximo).")
def test_ejemplo_pequeno(alumno):
    """Columna 0: mínimo 1, máximo 5; columna 1: mínimo 10, máximo 40."""
    comprobar_ejemplo(alumno, "normalizar_minmax", X_PUB, ESPERADO_PUB, "normalizar_minmax(ejemplo 4×2)",
                      _errores_conocidos(X_PUB))


@caso(puntos=1, exito="una columna constante se convierte en ceros.")
def test_columna_constante(alumno):
    """La columna 1 vale siempre 7: max - min = 0 y el resultado debe ser 0, no nan."""
    comprobar_columna_constante(alumno, "normalizar_minmax", X_CONSTANTE, [[0.0, 0.0], [1.0, 0.0], [0.5, 0.0]], DIVISOR)


@caso(puntos=1, oculta=True, exito="coincide con la referencia en matrices aleatorias con valores grandes.")
def test_valores_ocultos(alumno, rng, referencia):
    """Columnas con medias de hasta ±10⁶ y escalas muy distintas."""
    comprobar_valores_grandes(alumno, rng, referencia, "normalizar_minmax", _errores_conocidos)


@caso(puntos=1, oculta=True, exito="columnas constantes y una sola fila dan ceros.")
def test_columnas_constantes_y_una_fila(alumno, rng, referencia):
    """Algunas columnas constantes entre otras aleatorias, y una matriz de una sola fila."""
    comprobar_columnas_constantes_y_una_fila(alumno, rng, referencia, "normalizar_minmax", DIVISOR)
