"""Calificador de 02_descenso_gradiente: regresión lineal múltiple y descenso de gradiente en NumPy.

Exercises in notebook order: the two normalizations, prediction, mean squared error, its
gradient and mini-batch gradient descent. ``descenso_gradiente`` is graded by behaviour
(shapes, history, distance to the least-squares optimum, time), so any shuffling order
is accepted; see ``test_descenso_gradiente.py`` for the calibration of its thresholds.
"""
from autograder.aislamiento import LimitesAislamiento
from autograder.tareas import Tarea

TAREA = Tarea(
    id="02_descenso_gradiente",
    paquete="descenso_gradiente",
    ejercicios=("normalizar_minmax", "normalizar_zscore", "predecir_lineal", "error_cuadratico_medio",
                "gradientes_lineal", "descenso_gradiente"),
    referencia="solutions.descenso_gradiente",
    dependencias={
        "gradientes_lineal": ("predecir_lineal",),
        "descenso_gradiente": ("predecir_lineal", "error_cuadratico_medio", "gradientes_lineal"),
    },
    precargar=("numpy",),  # graded cells never import matplotlib: only the al_calificar=False cells plot
    limites=LimitesAislamiento(memoria_gib=3.0, segundos_inicio=60.0, segundos_llamada=10.0,
                               segundos_celda=10.0),
)
