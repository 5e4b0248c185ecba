"""Bloque 2 del cuestionario — softmax y entropía cruzada: preguntas 05 a 08.

The public case checks only that each answer is a letter (it keeps its half point when grading:
``formato=True``); the hidden cases grade each question.
"""
from autograder.calificadores.autoevaluacion.respuestas import corregir, exigir_formato
from autograder.casos import caso

PREGUNTAS = (5, 6, 7, 8)


@caso(puntos=0.5, formato=True,  # the only public case that keeps its points when grading
      exito="las cuatro respuestas tienen el formato pedido (si son correctas se sabrá al calificar).")
def test_formato_de_las_respuestas(alumno):
    """Cada respuesta del bloque es una de las letras "a", "b", "c" o "d"."""
    exigir_formato(alumno, PREGUNTAS)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_05(alumno, referencia):
    """Pregunta 05: cálculo de softmax."""
    corregir(alumno, referencia, 5)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_06(alumno, referencia):
    """Pregunta 06: entropía cruzada media."""
    corregir(alumno, referencia, 6)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_07(alumno, referencia):
    """Pregunta 07: salida y pérdida binarias."""
    corregir(alumno, referencia, 7)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_08(alumno, referencia):
    """Pregunta 08: gradiente respecto de los logits."""
    corregir(alumno, referencia, 8)
