"""Calificador de 03_softmax_entropia: regresión logística múltiple en NumPy."""
from autograder.tareas import tarea_numpy

TAREA = tarea_numpy(
    __name__, 3,
    ejercicios=("softmax", "one_hot", "entropia_cruzada", "entropia_cruzada_binaria", "exactitud",
                "gradientes_softmax", "entrenar_regresion_logistica"),
    dependencias={
        "gradientes_softmax": ("softmax", "one_hot"),
        "entrenar_regresion_logistica": ("softmax", "one_hot", "entropia_cruzada", "gradientes_softmax"),
    },
)
