"""Bloque 5 del cuestionario — sobreajuste y regularización: preguntas 17 a 20."""
from autograder.calificadores.autoevaluacion.respuestas import caso_de_formato, corregir
from autograder.casos import caso

PREGUNTAS = (17, 18, 19, 20)
test_formato_de_las_respuestas = caso_de_formato(PREGUNTAS)


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
