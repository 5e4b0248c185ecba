"""Bloque 6 del cuestionario — redes convolucionales y recurrentes: preguntas 21 a 24."""
from autograder.calificadores.autoevaluacion.respuestas import caso_de_formato, corregir
from autograder.casos import caso

PREGUNTAS = (21, 22, 23, 24)
test_formato_de_las_respuestas = caso_de_formato(PREGUNTAS)


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
