"""Ejemplos compartidos por los casos y el cuaderno de 17_clases_desbalanceadas, y la comparación de las dos métricas."""
import numpy as np

from autograder.verificar import exigir_cercano, exigir_numero

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


def desbalance_aleatorio(rng: np.random.Generator) -> tuple:
    """(k, y, y_pred) of a hidden case: k in 3..6 classes, 60–200 labels with a rare class, 60–85 % right."""
    k = int(rng.integers(3, 7))
    y = etiquetas_desbalanceadas(rng, int(rng.integers(60, 201)), np.arange(k))
    return k, y, predicciones_ruidosas(rng, y, np.arange(k), float(rng.uniform(0.6, 0.85)))


def con_clase_solo_predicha(rng: np.random.Generator) -> tuple:
    """(k, y, y_pred) of a hidden case: k in 3..5 classes in y, and y_pred also predicts class k (never true)."""
    k = int(rng.integers(3, 6))
    y = etiquetas_desbalanceadas(rng, int(rng.integers(40, 121)), np.arange(k))
    y_pred = predicciones_ruidosas(rng, y, np.arange(k + 1), float(rng.uniform(0.5, 0.8)))
    y_pred[int(rng.integers(len(y)))] = k  # class k is never true
    return k, y, y_pred


def comparar_metrica(alumno, funcion: str, errores_conocidos, y, y_pred, que: str, esperado: float,
                     revelar: bool = True) -> None:
    """``funcion(y, y_pred)`` of the student is a number close to ``esperado``; ``errores_conocidos(y, y_pred)``
    gives the known wrong values with their hints."""
    valor = exigir_numero(alumno.llamar(funcion, y, y_pred), que)
    exigir_cercano(valor, esperado, que, errores_conocidos=errores_conocidos(y, y_pred), revelar=revelar)
