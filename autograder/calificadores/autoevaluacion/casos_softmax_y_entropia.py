"""Bloque 2 del cuestionario — softmax y entropía cruzada: preguntas 05 a 08."""
from autograder.calificadores.autoevaluacion.respuestas import caso_de_formato, corregir
from autograder.casos import caso

PREGUNTAS = (5, 6, 7, 8)
test_formato_de_las_respuestas = caso_de_formato(PREGUNTAS)


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
