"""Bloque 3 del cuestionario — descenso de gradiente, lotes y épocas: preguntas 09 a 12."""
from autograder.calificadores.autoevaluacion.respuestas import caso_de_formato, corregir
from autograder.casos import caso

PREGUNTAS = (9, 10, 11, 12)
test_formato_de_las_respuestas = caso_de_formato(PREGUNTAS)


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
