"""Constantes de los casos de 09_cnn_mnist que cita el cuaderno (`{valor:NOMBRE}`): así no puede desfasarse de lo que se califica."""
from autograder.calificadores import cargar_tarea

_casos = cargar_tarea("09_cnn_mnist").modulo_casos("modelo_entrenado")
UMBRAL_EXACTITUD = _casos.UMBRAL_EXACTITUD
