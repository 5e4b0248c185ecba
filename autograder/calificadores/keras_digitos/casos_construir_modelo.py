"""Casos de `construir_modelo()`: un keras.Model compilado, 64 píxeles → softmax de 10 dígitos.

The model is built in the student's process, saved, and described in a clean
process (``alumno.modelo_construido``); the checks below only read that
description. No training happens here.
"""
from autograder.casos import caso
from autograder.comprobaciones_keras import exigir_compilado, exigir_entrada, exigir_salida

QUE = "construir_modelo()"


def _modelo(alumno) -> dict:
    return alumno.modelo_construido("construir_modelo")


@caso(puntos=1, exito="recibe vectores de 64 píxeles y devuelve 10 probabilidades (softmax).")
def test_entrada_64_y_salida_softmax_10(alumno):
    """La entrada es (None, 64) y la salida (None, 10) con activación softmax en la última capa."""
    descripcion = _modelo(alumno)
    exigir_entrada(descripcion, QUE, (None, 64),
                   "Cada dígito llega como un vector de 8·8 = 64 píxeles: usa keras.Input(shape=(64,)).")
    exigir_salida(descripcion, QUE, 10, "softmax", "una salida por dígito")


@caso(puntos=1, exito="está compilado con la entropía cruzada categórica.")
def test_compilado_con_entropia_cruzada_categorica(alumno):
    """El modelo se devuelve compilado y con loss='categorical_crossentropy'."""
    exigir_compilado(_modelo(alumno), QUE, "categorical_crossentropy")
