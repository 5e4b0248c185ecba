"""Calificador de 08_fashion_mnist: red de capas densas en Keras sobre Fashion-MNIST.

Exercises: ``preprocesar`` (values, checked in the sandbox), ``construir_modelo``
(structure of the returned compiled model) and ``modelo_entrenado`` (structure
and test accuracy of the submitted ``modelo.keras``; never retrained: see
``autograder/entrenamiento.py``). The generic architecture and accuracy checks
are in ``autograder/comprobaciones_keras.py``.
"""
from autograder.aislamiento import LimitesAislamiento
from autograder.tareas import Tarea

TAREA = Tarea(
    id="08_fashion_mnist",
    paquete="fashion_mnist",
    ejercicios=("preprocesar", "construir_modelo", "modelo_entrenado"),
    referencia="solutions.fashion_mnist",
    usa_keras=True,
    artefactos=("modelo.keras", "historial.json"),
    limites=LimitesAislamiento(memoria_gib=8.0, segundos_inicio=240.0, segundos_llamada=120.0),
)
