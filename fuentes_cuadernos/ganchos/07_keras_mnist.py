"""Celdas de 07_keras_mnist: las comunes de Keras (``keras_comun``) con los valores de esta tarea."""
from herramientas.construir_cuadernos import ganchos_comunes

keras_comun = ganchos_comunes("keras_comun")  # the cells shared by the Keras tasks


def datos(tarea):
    return keras_comun.datos_mnist(tarea, recuento=True)


def entrenamiento(tarea):
    return keras_comun.entrenamiento(tarea)


def informe(tarea):
    return keras_comun.informe(tarea, lote=512)
