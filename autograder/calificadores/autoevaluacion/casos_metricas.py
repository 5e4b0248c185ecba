"""Bloque 7 del cuestionario — métricas de clasificación: preguntas 25 a 28."""
from autograder.calificadores.autoevaluacion.respuestas import caso_de_formato, corregir
from autograder.casos import caso

PREGUNTAS = (25, 26, 27, 28)
test_formato_de_las_respuestas = caso_de_formato(PREGUNTAS)


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
