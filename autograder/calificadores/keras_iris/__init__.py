"""Calificador de 05_keras_iris: red pequeña en Keras que clasifica las 3 especies de Iris.

Exercises: ``preparar_datos`` (values, checked in the sandbox), ``construir_modelo``
(structure of the returned compiled model) and ``modelo_entrenado`` (structure and
test accuracy of the submitted ``modelo.keras`` on the 30 held-out flowers, plus a
soft check of ``entrenamiento.json``: trained with EarlyStopping). Never retrained:
see ``autograder/entrenamiento.py``.
"""
from autograder.tareas import ARTEFACTOS_KERAS, tarea_keras

TAREA = tarea_keras(__name__, 5,
                    ejercicios=("preparar_datos", "construir_modelo", "modelo_entrenado"),
                    artefactos=(*ARTEFACTOS_KERAS, "entrenamiento.json"))
