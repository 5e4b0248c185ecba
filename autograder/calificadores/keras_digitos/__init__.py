"""Calificador de 06_keras_digitos: red densa en Keras sobre los dígitos 8×8 de UCI optdigits.

Exercises: ``preparar_datos`` (values, checked in the sandbox), ``construir_modelo``
(structure of the returned compiled model) and ``modelo_entrenado`` (structure and
test accuracy of the submitted ``modelo.keras`` on the 1797 test digits, whose
writers are disjoint from the training ones). Never retrained: see
``autograder/entrenamiento.py``.
"""
from autograder.aislamiento import LimitesAislamiento
from autograder.tareas import Tarea

TAREA = Tarea(
    id="06_keras_digitos",
    paquete="keras_digitos",
    ejercicios=("preparar_datos", "construir_modelo", "modelo_entrenado"),
    referencia="solutions.keras_digitos",
    usa_keras=True,
    artefactos=("modelo.keras", "historial.json"),
    limites=LimitesAislamiento(memoria_gib=8.0, segundos_inicio=240.0, segundos_llamada=120.0),
)
