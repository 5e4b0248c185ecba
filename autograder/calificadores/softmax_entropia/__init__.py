"""Calificador de 03_softmax_entropia: regresión logística múltiple en NumPy."""
from autograder.aislamiento import LimitesAislamiento
from autograder.tareas import Tarea

TAREA = Tarea(
    id="03_softmax_entropia",
    paquete="softmax_entropia",
    ejercicios=("softmax", "one_hot", "entropia_cruzada", "entropia_cruzada_binaria", "exactitud",
                "gradientes_softmax", "entrenar_regresion_logistica"),
    referencia="solutions.softmax_entropia",
    dependencias={
        "gradientes_softmax": ("softmax", "one_hot"),
        "entrenar_regresion_logistica": ("softmax", "one_hot", "entropia_cruzada", "gradientes_softmax"),
    },
    precargar=("numpy",),
    limites=LimitesAislamiento(memoria_gib=3.0, segundos_inicio=60.0, segundos_llamada=10.0,
                               segundos_celda=10.0),
)
