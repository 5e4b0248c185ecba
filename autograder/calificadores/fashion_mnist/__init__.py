"""Calificador de 08_fashion_mnist: red de capas densas en Keras sobre Fashion-MNIST.

Exercises: ``preprocesar`` (values, checked in the sandbox), ``construir_modelo``
(structure of the returned compiled model) and ``modelo_entrenado`` (structure
and test accuracy of the submitted ``modelo.keras``; never retrained: see
``autograder/entrenamiento.py``). The generic architecture and accuracy checks
are in ``autograder/comprobaciones_keras.py``.
"""
from autograder.tareas import tarea_keras

TAREA = tarea_keras(__name__, 8, ejercicios=("preprocesar", "construir_modelo", "modelo_entrenado"))
