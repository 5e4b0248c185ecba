"""Bloque 1 del cuestionario — el perceptrón y las funciones de activación: preguntas 01 a 04."""
from autograder.calificadores.autoevaluacion.respuestas import caso_de_formato, corregir
from autograder.casos import caso

PREGUNTAS = (1, 2, 3, 4)
test_formato_de_las_respuestas = caso_de_formato(PREGUNTAS)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_01(alumno, referencia):
    """Pregunta 01: regla de aprendizaje del perceptrón."""
    corregir(alumno, referencia, 1)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_02(alumno, referencia):
    """Pregunta 02: XOR y separabilidad lineal."""
    corregir(alumno, referencia, 2)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_03(alumno, referencia):
    """Pregunta 03: capas sin activación."""
    corregir(alumno, referencia, 3)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_04(alumno, referencia):
    """Pregunta 04: ReLU frente a sigmoide."""
    corregir(alumno, referencia, 4)
