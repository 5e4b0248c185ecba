"""Bloque 1 del cuestionario — el perceptrón y las funciones de activación: preguntas 01 a 04.

The public case checks only that each answer is a letter (it keeps its half point when grading:
``formato=True``); the hidden cases grade each question.
"""
from autograder.calificadores.autoevaluacion.respuestas import corregir, exigir_formato
from autograder.casos import caso

PREGUNTAS = (1, 2, 3, 4)


@caso(puntos=0.5, formato=True,  # the only public case that keeps its points when grading
      exito="las cuatro respuestas tienen el formato pedido (si son correctas se sabrá al calificar).")
def test_formato_de_las_respuestas(alumno):
    """Cada respuesta del bloque es una de las letras "a", "b", "c" o "d"."""
    exigir_formato(alumno, PREGUNTAS)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_01(alumno, referencia):
    """Pregunta 01: regla de aprendizaje del perceptrón."""
    corregir(alumno, referencia, 1)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_02(alumno, referencia):
    """Pregunta 02: XOR y separabilidad lineal."""
    corregir(alumno, referencia, 2)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_03(alumno, referencia):
    """Pregunta 03: capas sin activación."""
    corregir(alumno, referencia, 3)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_04(alumno, referencia):
    """Pregunta 04: ReLU frente a sigmoide."""
    corregir(alumno, referencia, 4)
