"""Bloque 5 del cuestionario — sobreajuste y regularización: preguntas 17 a 20.

The public case checks only that each answer is a letter (it keeps its half point when grading:
``formato=True``); the hidden cases grade each question.
"""
from autograder.calificadores.autoevaluacion.respuestas import corregir, exigir_formato
from autograder.casos import caso

PREGUNTAS = (17, 18, 19, 20)


@caso(puntos=0.5, formato=True,  # the only public case that keeps its points when grading
      exito="las cuatro respuestas tienen el formato pedido (si son correctas se sabrá al calificar).")
def test_formato_de_las_respuestas(alumno):
    """Cada respuesta del bloque es una de las letras "a", "b", "c" o "d"."""
    exigir_formato(alumno, PREGUNTAS)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_17(alumno, referencia):
    """Pregunta 17: diagnóstico de sobreajuste."""
    corregir(alumno, referencia, 17)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_18(alumno, referencia):
    """Pregunta 18: parada temprana."""
    corregir(alumno, referencia, 18)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_19(alumno, referencia):
    """Pregunta 19: regularización L2."""
    corregir(alumno, referencia, 19)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_20(alumno, referencia):
    """Pregunta 20: dropout."""
    corregir(alumno, referencia, 20)
