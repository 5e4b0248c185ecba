"""Ejemplos compartidos por los casos y el cuaderno de 17_clases_desbalanceadas."""
import numpy as np

# The notebook's running example: 8 ejemplos de la clase 0 y 2 de la clase 1, y un modelo que siempre dice 0.
EJEMPLO_Y = np.array([0, 0, 0, 0, 0, 0, 0, 0, 1, 1])
EJEMPLO_Y_PRED = np.zeros(10, dtype=np.int64)


def etiquetas_desbalanceadas(rng: np.random.Generator, n: int, clases: np.ndarray) -> np.ndarray:
    """`n` labels (n ≥ 3·len(clases)) from `clases`, every class present, the first one frequent and the last rare."""
    k = len(clases)
    proporciones = rng.dirichlet(np.ones(k)) + 0.05
    proporciones[0] += 1.0  # frequent
    proporciones[-1] = 0.02  # rare
    cuentas = np.maximum(1, np.floor(proporciones / proporciones.sum() * (n - k)).astype(int)) + 1
    cuentas[-1] = min(cuentas[-1], 3)
    y = np.repeat(np.asarray(clases), cuentas)
    return rng.permutation(y)


def predicciones_ruidosas(rng: np.random.Generator, y: np.ndarray, clases: np.ndarray, acierto: float) -> np.ndarray:
    """Predictions that copy `y` with probability `acierto` and otherwise pick any of `clases`."""
    otras = rng.choice(np.asarray(clases), size=len(y))
    return np.where(rng.random(len(y)) < acierto, y, otras)
