"""Celdas de 07_keras_mnist: las comunes de Keras (``keras_comun``) con los valores de esta tarea."""
from herramientas.construir_cuadernos import ganchos_comunes

keras_comun = ganchos_comunes("keras_comun")  # the cells shared by the Keras tasks


def datos(tarea):
    return keras_comun.datos_mnist(tarea, recuento=True, omitir=False)


def ejemplo(tarea):
    return keras_comun.ejemplo(tarea, libre=True)


def entrenamiento(tarea):
    return keras_comun.entrenamiento(tarea, omitir=False)


def informe(tarea):
    return keras_comun.informe(tarea, lote=512, omitir=False)


def matriz_confusion(tarea):
    return keras_comun.matriz_confusion(tarea, omitir=False)
