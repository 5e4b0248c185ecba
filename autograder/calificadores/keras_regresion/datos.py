"""La tabla de las diapositivas («Clase 4», Regresión Lineal Múltiple) y su estandarización, en un solo sitio.

Estudio, Edad, Promedio → N1, N2 (8 rows). The slide writes 13,4 (decimal comma) in one table and
13.4 in another: the same 13.4. The grader's cases read it from here; the inputs are standardized
with the table's own mean and population standard deviation (ddof=0), as the notebook's provided
cell does, and the targets stay as they are. Public data: it ships in the kit.
"""
import numpy as np

TABLA = np.array([
    [2, 24, 4, 7.0, 7.2],
    [5, 22, 3, 4.5, 5.2],
    [7, 25, 4, 6.3, 6.0],
    [9, 20, 7, 5.4, 4.4],
    [10, 19, 4, 8.2, 9.5],
    [11, 20, 3, 7.2, 8.1],
    [13.4, 21, 5, 5.5, 10.0],
    [14, 20, 3, 3.0, 4.3],
])


def estandarizar(X: np.ndarray) -> np.ndarray:
    """`X` (n, 3) standardized with the table's column means and population standard deviations, as float32."""
    X_tabla = TABLA[:, :3]
    return ((X - X_tabla.mean(axis=0)) / X_tabla.std(axis=0)).astype(np.float32)
