"""Calificador de 06_keras_digitos: red densa en Keras sobre los dígitos 8×8 de UCI optdigits.

Exercises: ``preparar_datos`` (values, checked in the sandbox), ``construir_modelo``
(structure of the returned compiled model) and ``modelo_entrenado`` (structure and
test accuracy of the submitted ``modelo.keras`` on the 1797 test digits, whose
writers are disjoint from the training ones). Never retrained: see
``autograder/entrenamiento.py``.
"""
from autograder.tareas import tarea_keras

TAREA = tarea_keras(__name__, 6, ejercicios=("preparar_datos", "construir_modelo", "modelo_entrenado"))
