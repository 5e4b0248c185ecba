"""Bloque 6 del cuestionario — redes convolucionales y recurrentes: preguntas 21 a 24.

The public case checks only that each answer is a letter (it keeps its half point when grading:
``formato=True``); the hidden cases grade each question.
"""
from autograder.calificadores.autoevaluacion.respuestas import corregir, exigir_formato
from autograder.casos import caso

PREGUNTAS = (21, 22, 23, 24)


@caso(puntos=0.5, formato=True,  # the only public case that keeps its points when grading
      exito="las cuatro respuestas tienen el formato pedido (si son correctas se sabrá al calificar).")
def test_formato_de_las_respuestas(alumno):
    """Cada respuesta del bloque es una de las letras "a", "b", "c" o "d"."""
    exigir_formato(alumno, PREGUNTAS)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_21(alumno, referencia):
    """Pregunta 21: parámetros de Conv2D."""
    corregir(alumno, referencia, 21)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_22(alumno, referencia):
    """Pregunta 22: forma tras convolución y pooling."""
    corregir(alumno, referencia, 22)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_23(alumno, referencia):
    """Pregunta 23: redes recurrentes."""
    corregir(alumno, referencia, 23)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_24(alumno, referencia):
    """Pregunta 24: LSTM."""
    corregir(alumno, referencia, 24)
