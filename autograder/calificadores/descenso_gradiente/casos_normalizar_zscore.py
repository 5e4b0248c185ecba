"""Casos de `normalizar_zscore(X)`."""
import numpy as np

from autograder.calificadores.descenso_gradiente.comun import (
    comprobar_columna_constante,
    comprobar_columnas_constantes_y_una_fila,
    comprobar_ejemplo,
    comprobar_valores_grandes,
)
from autograder.casos import caso

# Column 0 has mean 5 and population standard deviation 2; column 1 has mean 2 and deviation 1.
X_PUB = np.array([[2.0, 1.0], [4.0, 1.0], [4.0, 1.0], [4.0, 1.0], [5.0, 3.0], [5.0, 3.0], [7.0, 3.0], [9.0, 3.0]])
ESPERADO_PUB = np.array([[-1.5, -1.0], [-0.5, -1.0], [-0.5, -1.0], [-0.5, -1.0],
                         [0.0, 1.0], [0.0, 1.0], [1.0, 1.0], [2.0, 1.0]])
X_CONSTANTE = np.array([[1.0, 5.0], [3.0, 5.0]])
DIVISOR = "la desviación típica"


def _dividir(centrado, divisor):
    """centrado / divisor column by column, with the constant columns (divisor 0) left at 0."""
    return np.where(divisor > 0, centrado / np.where(divisor > 0, divisor, 1.0), 0.0)


def _errores_conocidos(X):
    if X.shape[0] < 2:
        return ()
    centrado = X - X.mean(axis=0)
    return (
        (_dividir(centrado, X.std(axis=0, ddof=1)),
         "usaste la desviación típica muestral (ddof=1, divide entre n - 1); aquí se pide la poblacional: "
         "np.std(X, axis=0), que divide entre n (ddof=0)."),
        (_dividir(centrado, X.var(axis=0)), "dividiste por la varianza; divide por la desviación típica (su raíz, np.std)."),
        ((X - X.mean()) / X.std(), "usaste la media y la desviación de toda la matriz; cada columna usa las "
                                   "suyas: axis=0."),
    )


@caso(puntos=1, exito="cada columna queda con media 0 y desviación típica 1.")
def test_ejemplo_pequeno(alumno):
    """Columna 0: media 5, desviación 2; columna 1: media 2, desviación 1 (poblacionales)."""
    comprobar_ejemplo(alumno, "normalizar_zscore", X_PUB, ESPERADO_PUB, "normalizar_zscore(ejemplo 8×2)",
                      _errores_conocidos(X_PUB))


@caso(puntos=1, exito="una columna constante se convierte en ceros.")
def test_columna_constante(alumno):
    """La columna 1 vale siempre 5: su desviación típica es 0 y el resultado debe ser 0, no nan."""
    comprobar_columna_constante(alumno, "normalizar_zscore", X_CONSTANTE, [[-1.0, 0.0], [1.0, 0.0]], DIVISOR,
                                _errores_conocidos(X_CONSTANTE))


@caso(puntos=1, oculta=True, exito="coincide con la referencia en matrices aleatorias con valores grandes.")
def test_valores_ocultos(alumno, rng, referencia):
    """Columnas con medias de hasta ±10⁶ y escalas muy distintas."""
    comprobar_valores_grandes(alumno, rng, referencia, "normalizar_zscore", _errores_conocidos)


@caso(puntos=1, oculta=True, exito="columnas constantes y una sola fila dan ceros.")
def test_columnas_constantes_y_una_fila(alumno, rng, referencia):
    """Algunas columnas constantes entre otras aleatorias, y una matriz de una sola fila."""
    comprobar_columnas_constantes_y_una_fila(alumno, rng, referencia, "normalizar_zscore", DIVISOR, _errores_conocidos)
