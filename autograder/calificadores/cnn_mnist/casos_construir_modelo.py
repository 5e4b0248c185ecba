"""Casos de `construir_modelo()`: un keras.Model compilado con Conv2D y pooling, 28×28×1 → softmax 10.

The model is built in the student's process, saved, and described in a clean
process (``alumno.modelo_construido``); the checks below only read that
description. No training happens here.
"""
from autograder.calificadores.cnn_mnist.arquitectura import exigir_entrada_y_salida, exigir_red_convolucional
from autograder.casos import caso
from autograder.comprobaciones_keras import exigir_compilado

QUE = "construir_modelo()"


def _modelo(alumno) -> dict:
    return alumno.modelo_construido("construir_modelo")


@caso(puntos=1, exito="la red tiene capas Conv2D y de pooling.")
def test_convolucion_y_pooling(alumno):
    """El modelo tiene al menos una capa Conv2D y al menos una capa de pooling."""
    exigir_red_convolucional(_modelo(alumno), QUE)


@caso(puntos=1, exito="recibe imágenes (28, 28, 1) y devuelve 10 probabilidades (softmax).")
def test_entrada_28x28x1_y_salida_softmax_10(alumno):
    """La entrada es (None, 28, 28, 1) y la salida (None, 10) con activación softmax en la última capa."""
    exigir_entrada_y_salida(_modelo(alumno), QUE)


@caso(puntos=1, exito="está compilado con la entropía cruzada categórica.")
def test_compilado_con_entropia_cruzada_categorica(alumno):
    """El modelo se devuelve compilado y con loss='categorical_crossentropy'."""
    exigir_compilado(_modelo(alumno), QUE, "categorical_crossentropy")
