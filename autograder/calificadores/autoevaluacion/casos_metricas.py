"""Bloque 7 del cuestionario — métricas de clasificación: preguntas 25 a 28.

The public case checks only that each answer is a letter (it keeps its half point when grading:
``formato=True``); the hidden cases grade each question.
"""
from autograder.calificadores.autoevaluacion.respuestas import corregir, exigir_formato
from autograder.casos import caso

PREGUNTAS = (25, 26, 27, 28)


@caso(puntos=0.5, formato=True,  # the only public case that keeps its points when grading
      exito="las cuatro respuestas tienen el formato pedido (si son correctas se sabrá al calificar).")
def test_formato_de_las_respuestas(alumno):
    """Cada respuesta del bloque es una de las letras "a", "b", "c" o "d"."""
    exigir_formato(alumno, PREGUNTAS)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_25(alumno, referencia):
    """Pregunta 25: precisión."""
    corregir(alumno, referencia, 25)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_26(alumno, referencia):
    """Pregunta 26: exhaustividad (recall)."""
    corregir(alumno, referencia, 26)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_27(alumno, referencia):
    """Pregunta 27: F1."""
    corregir(alumno, referencia, 27)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_28(alumno, referencia):
    """Pregunta 28: lectura de la matriz de confusión."""
    corregir(alumno, referencia, 28)
