"""Constantes de los casos de 09_cnn_mnist que cita el cuaderno (`{valor:NOMBRE}`): así no puede desfasarse de lo que se califica."""
from autograder.calificadores import cargar_tarea
from herramientas.construir_cuadernos import ganchos_comunes

_casos = cargar_tarea("09_cnn_mnist").modulo_casos("modelo_entrenado")
UMBRAL_EXACTITUD = _casos.UMBRAL_EXACTITUD
keras_comun = ganchos_comunes("keras_comun")  # the cells shared by the Keras tasks


def informe(tarea):
    return keras_comun.informe(tarea, lote=512)
