"""Calificador de 09_cnn_mnist: red convolucional en Keras sobre MNIST.

Exercises: ``preprocesar`` (values, checked in the sandbox), ``construir_modelo``
(structure of the returned compiled model) and ``modelo_entrenado`` (structure
and test accuracy of the submitted ``modelo.keras``; never retrained: see
``autograder/entrenamiento.py``). The generic checks are in
``autograder/comprobaciones_keras.py``; the convolution-specific ones
(pooling, Flatten before the dense output) in ``arquitectura.py``.
"""
from autograder.aislamiento import LimitesAislamiento
from autograder.tareas import Tarea

TAREA = Tarea(
    id="09_cnn_mnist",
    paquete="cnn_mnist",
    ejercicios=("preprocesar", "construir_modelo", "modelo_entrenado"),
    referencia="solutions.cnn_mnist",
    usa_keras=True,
    artefactos=("modelo.keras", "historial.json"),
    limites=LimitesAislamiento(memoria_gib=8.0, segundos_inicio=240.0, segundos_llamada=120.0),
)
