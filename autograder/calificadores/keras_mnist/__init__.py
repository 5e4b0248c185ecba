"""Calificador de 07_keras_mnist: red de capas densas en Keras sobre MNIST.

Exercises: ``preprocesar`` (values, checked in the sandbox), ``construir_modelo``
(structure of the returned compiled model) and ``modelo_entrenado`` (structure
and test accuracy of the submitted ``modelo.keras``; never retrained: see
``autograder/entrenamiento.py``). Shared structural checks live in
``arquitectura.py``. The practice's Ejercicios 1 and 2 follow: ``preparar_imagen_propia``
(a photo of a digit prepared like MNIST, classified by the committed reference model in NumPy on the
trusted side) and ``construir_variante`` (the structure and optimizer of a variant built by the
student's code with hidden arguments).
"""
from autograder.tareas import tarea_keras

TAREA = tarea_keras(__name__, 7, ejercicios=("preprocesar", "construir_modelo", "modelo_entrenado",
                                              "preparar_imagen_propia", "construir_variante"))
