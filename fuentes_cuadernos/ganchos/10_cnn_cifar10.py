"""Constantes de los casos de 10_cnn_cifar10 que cita el cuaderno (`{valor:NOMBRE}`): así no puede desfasarse de lo que se califica."""
from autograder.calificadores import cargar_tarea
from herramientas.construir_cuadernos import ganchos_comunes

_casos = cargar_tarea("10_cnn_cifar10").modulo_casos("modelo_entrenado")
UMBRAL_COMPLETO = _casos.UMBRAL_COMPLETO
UMBRAL_SUBCONJUNTO = _casos.UMBRAL_SUBCONJUNTO
EXACTITUD_REFERENCIA_SUBCONJUNTO = _casos.EXACTITUD_REFERENCIA_SUBCONJUNTO
keras_comun = ganchos_comunes("keras_comun")  # the cells shared by the Keras tasks


def preparacion(tarea):
    return keras_comun.preparacion(tarea, constantes='CLASES = ["avión", "automóvil", "pájaro", "gato", "ciervo", '
                                                     '"perro", "rana", "caballo", "barco", "camión"]')


def informe(tarea):
    """CIFAR-10's labels come as (n, 1): the report compares them flattened (``y_real``)."""
    return keras_comun.informe(tarea, lote=256, antes="y_real = y_test.reshape(-1)", reales="y_real", nombres="CLASES")


def matriz_confusion(tarea):
    return keras_comun.matriz_confusion(tarea, predicho="clase predicha", real="clase real", nombres="CLASES",
                                        reales="y_real", figura="(7, 7)")
