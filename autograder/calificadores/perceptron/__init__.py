"""Calificador de 01_perceptron: el perceptrón, su regla de aprendizaje y XOR con dos capas."""
from autograder.tareas import tarea_numpy

TAREA = tarea_numpy(
    __name__, 1,
    ejercicios=("escalon", "salida_perceptron", "entrenar_perceptron", "red_xor"),
    dependencias={
        "salida_perceptron": ("escalon",),
        "entrenar_perceptron": ("escalon", "salida_perceptron"),
        "red_xor": ("escalon",),
    },
)
