"""Bloque 4 del cuestionario — retropropagación: preguntas 13 a 16.

The public case checks only that each answer is a letter (it keeps its half point when grading:
``formato=True``); the hidden cases grade each question.
"""
from autograder.calificadores.autoevaluacion.respuestas import corregir, exigir_formato
from autograder.casos import caso

PREGUNTAS = (13, 14, 15, 16)


@caso(puntos=0.5, formato=True,  # the only public case that keeps its points when grading
      exito="las cuatro respuestas tienen el formato pedido (si son correctas se sabrá al calificar).")
def test_formato_de_las_respuestas(alumno):
    """Cada respuesta del bloque es una de las letras "a", "b", "c" o "d"."""
    exigir_formato(alumno, PREGUNTAS)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_13(alumno, referencia):
    """Pregunta 13: regla de la cadena."""
    corregir(alumno, referencia, 13)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_14(alumno, referencia):
    """Pregunta 14: qué hace la retropropagación."""
    corregir(alumno, referencia, 14)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_15(alumno, referencia):
    """Pregunta 15: gradientes de una capa densa."""
    corregir(alumno, referencia, 15)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_16(alumno, referencia):
    """Pregunta 16: ReLU hacia atrás."""
    corregir(alumno, referencia, 16)
