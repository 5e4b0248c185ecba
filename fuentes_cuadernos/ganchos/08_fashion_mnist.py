"""Constantes de los casos de 08_fashion_mnist que cita el cuaderno (`{valor:NOMBRE}`): así no puede desfasarse de lo que se califica."""
from autograder.calificadores import cargar_tarea
from herramientas.construir_cuadernos import ganchos_comunes
from solutions.fashion_mnist import NOMBRES_CLASES

_casos = cargar_tarea("08_fashion_mnist").modulo_casos("modelo_entrenado")
UMBRAL_EXACTITUD = _casos.UMBRAL_EXACTITUD
# The class names: solutions.fashion_mnist.NOMBRES_CLASES (``{valor:NOMBRES_CLASES}``), which 12 uses too.
CLASES_NUMERADAS = ", ".join(f"{i} = {nombre}" for i, nombre in enumerate(NOMBRES_CLASES))
keras_comun = ganchos_comunes("keras_comun")  # the cells shared by the Keras tasks


def preparacion(tarea):
    return keras_comun.preparacion(tarea, constantes="# Nombre de cada clase, en el orden de las etiquetas 0, 1, ..., 9.\n"
                                                     "NOMBRES_CLASES = {valor:NOMBRES_CLASES}")


def informe(tarea):
    return keras_comun.informe(tarea, lote=512, nombres="NOMBRES_CLASES")


def matriz_confusion(tarea):
    return keras_comun.matriz_confusion(tarea, predicho="prenda predicha", real="prenda real",
                                        nombres="NOMBRES_CLASES", figura="(8, 7)")


def ejemplo(tarea):
    return keras_comun.ejemplo(tarea, ejemplos="prendas",
                               etiquetas='print("Prendas:", [NOMBRES_CLASES[i] for i in y_train[:3]])')
