"""Constantes de los casos de 10_cnn_cifar10 que cita el cuaderno (`{valor:NOMBRE}`): así no puede desfasarse de lo que se califica."""
from autograder.calificadores import cargar_tarea

_casos = cargar_tarea("10_cnn_cifar10").modulo_casos("modelo_entrenado")
UMBRAL_COMPLETO = _casos.UMBRAL_COMPLETO
UMBRAL_SUBCONJUNTO = _casos.UMBRAL_SUBCONJUNTO
EXACTITUD_REFERENCIA_SUBCONJUNTO = _casos.EXACTITUD_REFERENCIA_SUBCONJUNTO
