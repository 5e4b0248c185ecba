"""Calificador de 02_descenso_gradiente: regresión lineal múltiple y descenso de gradiente en NumPy.

Exercises in notebook order: the two normalizations, prediction, mean squared error, its
gradient and mini-batch gradient descent. ``descenso_gradiente`` is graded by behaviour
(shapes, history, distance to the least-squares optimum, time), so any shuffling order
is accepted; see ``casos_descenso_gradiente.py`` for the calibration of its thresholds.
"""
from autograder.tareas import tarea_numpy

TAREA = tarea_numpy(
    __name__, 2,
    ejercicios=("normalizar_minmax", "normalizar_zscore", "predecir_lineal", "error_cuadratico_medio",
                "gradientes_lineal", "descenso_gradiente"),
    dependencias={
        "gradientes_lineal": ("predecir_lineal",),
        "descenso_gradiente": ("predecir_lineal", "error_cuadratico_medio", "gradientes_lineal"),
    },
)
