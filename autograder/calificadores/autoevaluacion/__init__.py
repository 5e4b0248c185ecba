"""Calificador de 13_autoevaluacion: cuestionario de opción múltiple sobre la teoría del curso.

Each exercise is a block of questions with one answer cell (grade id = block name) and one
graded test cell. The public case of a block (``respuestas.caso_de_formato``, the same for every
block) only checks the format of its answers and keeps its half point when grading (``formato=True``);
the hidden cases (one per question, all that a block file writes) compare them with the key in
``solutions.autoevaluacion``.
"""
from autograder.aislamiento import LimitesAislamiento
from autograder.tareas import tarea_numpy

TAREA = tarea_numpy(
    __name__, 13,
    ejercicios=("perceptron_y_activaciones", "softmax_y_entropia", "descenso_de_gradiente", "retropropagacion",
                "sobreajuste_y_regularizacion", "convolucionales_y_recurrentes", "metricas",
                "ejemplos_de_las_diapositivas"),
    limites=LimitesAislamiento(memoria_gib=1.0, segundos_inicio=30.0, segundos_llamada=5.0, segundos_celda=5.0),
)
