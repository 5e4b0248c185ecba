"""Bloque 3 del cuestionario — descenso de gradiente, lotes y épocas: preguntas 09 a 12.

The public case checks only that each answer is a letter (it keeps its half point when grading:
``formato=True``); the hidden cases grade each question.
"""
from autograder.calificadores.autoevaluacion.respuestas import corregir, exigir_formato
from autograder.casos import caso

PREGUNTAS = (9, 10, 11, 12)


@caso(puntos=0.5, formato=True,  # the only public case that keeps its points when grading
      exito="las cuatro respuestas tienen el formato pedido (si son correctas se sabrá al calificar).")
def test_formato_de_las_respuestas(alumno):
    """Cada respuesta del bloque es una de las letras "a", "b", "c" o "d"."""
    exigir_formato(alumno, PREGUNTAS)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_09(alumno, referencia):
    """Pregunta 09: un paso de descenso de gradiente."""
    corregir(alumno, referencia, 9)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_10(alumno, referencia):
    """Pregunta 10: tasa de aprendizaje."""
    corregir(alumno, referencia, 10)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_11(alumno, referencia):
    """Pregunta 11: actualizaciones por época."""
    corregir(alumno, referencia, 11)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_12(alumno, referencia):
    """Pregunta 12: variantes del descenso."""
    corregir(alumno, referencia, 12)
