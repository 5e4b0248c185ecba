"""Bloque 8 del cuestionario — ejemplos de las diapositivas: preguntas 29 a 39.

Each question is anchored in a worked example of the slides (seeds 000 and 001): the "¿voy al
evento?" perceptron at thresholds 3 and 5, the AND Σ column, softmax([4, 8, 3]), the 19-parameter
Iris summary, versicolor's precision and recall from the slides' confusion matrix, N = 8 with
batch 2 and 3 epochs, "3 regresiones = 1 regresión", one multi-output regression vs two, and
sigmoid vs softmax for the two "Carrera" tables.
"""
from autograder.calificadores.autoevaluacion.respuestas import caso_de_formato, corregir
from autograder.casos import caso

PREGUNTAS = tuple(range(29, 40))
test_formato_de_las_respuestas = caso_de_formato(PREGUNTAS)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_29(alumno, referencia):
    """Pregunta 29: el perceptrón «¿voy al evento?» con umbral 3."""
    corregir(alumno, referencia, 29)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_30(alumno, referencia):
    """Pregunta 30: el mismo perceptrón con umbral 5."""
    corregir(alumno, referencia, 30)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_31(alumno, referencia):
    """Pregunta 31: la columna Σ de la puerta AND."""
    corregir(alumno, referencia, 31)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_32(alumno, referencia):
    """Pregunta 32: softmax([4, 8, 3])."""
    corregir(alumno, referencia, 32)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_33(alumno, referencia):
    """Pregunta 33: los 19 parámetros de la red de Iris."""
    corregir(alumno, referencia, 33)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_34(alumno, referencia):
    """Pregunta 34: la precisión de versicolor."""
    corregir(alumno, referencia, 34)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_35(alumno, referencia):
    """Pregunta 35: la exhaustividad de versicolor."""
    corregir(alumno, referencia, 35)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_36(alumno, referencia):
    """Pregunta 36: actualizaciones con N = 8, lote 2 y 3 épocas."""
    corregir(alumno, referencia, 36)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_37(alumno, referencia):
    """Pregunta 37: «3 regresiones = 1 regresión»."""
    corregir(alumno, referencia, 37)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_38(alumno, referencia):
    """Pregunta 38: una regresión con dos salidas o dos regresiones."""
    corregir(alumno, referencia, 38)


@caso(puntos=1, oculta=True, exito="correcta.")
def test_pregunta_39(alumno, referencia):
    """Pregunta 39: sigmoide o softmax según las clases sean excluyentes."""
    corregir(alumno, referencia, 39)
