"""Calificador de 09_cnn_mnist: red convolucional en Keras sobre MNIST.

Exercises: ``preprocesar`` (values, checked in the sandbox), ``construir_modelo``
(structure of the returned compiled model) and ``modelo_entrenado`` (structure
and test accuracy of the submitted ``modelo.keras``; never retrained: see
``autograder/entrenamiento.py``). The generic checks are in
``autograder/comprobaciones_keras.py``; the convolution-specific ones
(pooling, Flatten before the dense output) in ``arquitectura.py``.
"""
from autograder.tareas import tarea_keras

TAREA = tarea_keras(__name__, 9, ejercicios=("preprocesar", "construir_modelo", "modelo_entrenado"))
