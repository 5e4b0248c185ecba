"""Calificador de 01_perceptron: el perceptrón, su regla de aprendizaje y XOR con dos capas."""
from autograder.aislamiento import LimitesAislamiento
from autograder.tareas import Tarea

TAREA = Tarea(
    id="01_perceptron",
    paquete="perceptron",
    ejercicios=("escalon", "salida_perceptron", "entrenar_perceptron", "red_xor"),
    referencia="solutions.perceptron",
    dependencias={
        "salida_perceptron": ("escalon",),
        "entrenar_perceptron": ("escalon", "salida_perceptron"),
        "red_xor": ("escalon",),
    },
    precargar=("numpy",),  # graded cells never import matplotlib: only the al_calificar=False cells plot
    limites=LimitesAislamiento(memoria_gib=3.0, segundos_inicio=60.0, segundos_llamada=10.0,
                               segundos_celda=10.0),
)
