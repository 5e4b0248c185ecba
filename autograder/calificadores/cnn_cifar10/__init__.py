"""Calificador de 10_cnn_cifar10: red convolucional en Keras sobre CIFAR-10.

Exercises: ``preprocesar`` (values, checked in the sandbox), ``construir_modelo``
(structure of the returned compiled model) and ``modelo_entrenado`` (structure and
test accuracy of the submitted ``modelo.keras``, with the threshold of the CIFAR-10
version actually available: the full test set or the offline 1000-image subset; never
retrained: see ``autograder/entrenamiento.py``).
"""
from autograder.tareas import tarea_keras

TAREA = tarea_keras(__name__, 10, ejercicios=("preprocesar", "construir_modelo", "modelo_entrenado"))
