"""Bloque 4 del cuestionario — retropropagación: preguntas 13 a 16."""
from autograder.calificadores.autoevaluacion.respuestas import caso_de_formato, corregir
from autograder.casos import caso

PREGUNTAS = (13, 14, 15, 16)
test_formato_de_las_respuestas = caso_de_formato(PREGUNTAS)


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
