"""Calificador de 05_keras_iris: red pequeña en Keras que clasifica las 3 especies de Iris.

Exercises: ``preparar_datos`` (values, checked in the sandbox), ``construir_modelo``
(structure of the returned compiled model) and ``modelo_entrenado`` (structure and
test accuracy of the submitted ``modelo.keras`` on the 30 held-out flowers, plus a
soft check of ``entrenamiento.json``: trained with EarlyStopping). Never retrained:
see ``autograder/entrenamiento.py``.
"""
from autograder.aislamiento import LimitesAislamiento
from autograder.tareas import Tarea

TAREA = Tarea(
    id="05_keras_iris",
    paquete="keras_iris",
    ejercicios=("preparar_datos", "construir_modelo", "modelo_entrenado"),
    referencia="solutions.keras_iris",
    usa_keras=True,
    artefactos=("modelo.keras", "historial.json", "entrenamiento.json"),
    limites=LimitesAislamiento(memoria_gib=8.0, segundos_inicio=240.0, segundos_llamada=120.0),
)
