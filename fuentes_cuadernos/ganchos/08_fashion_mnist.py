"""Constantes de los casos de 08_fashion_mnist que cita el cuaderno (`{valor:NOMBRE}`): así no puede desfasarse de lo que se califica."""
from autograder.calificadores import cargar_tarea
from solutions.fashion_mnist import NOMBRES_CLASES

_casos = cargar_tarea("08_fashion_mnist").modulo_casos("modelo_entrenado")
UMBRAL_EXACTITUD = _casos.UMBRAL_EXACTITUD
# The class names: solutions.fashion_mnist.NOMBRES_CLASES (``{valor:NOMBRES_CLASES}``), which 12 uses too.
CLASES_NUMERADAS = ", ".join(f"{i} = {nombre}" for i, nombre in enumerate(NOMBRES_CLASES))
