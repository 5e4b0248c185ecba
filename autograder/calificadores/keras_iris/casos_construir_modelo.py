"""Casos de `construir_modelo()`: un keras.Model compilado, 4 medidas → softmax de 3 especies.

The model is built in the student's process, saved, and described in a clean
process (``alumno.modelo_construido``); the checks below only read that
description. No training happens here.
"""
from autograder.casos import caso
from autograder.comprobaciones_keras import exigir_compilado, exigir_entrada, exigir_salida

QUE = "construir_modelo()"


def _modelo(alumno) -> dict:
    return alumno.modelo_construido("construir_modelo")


@caso(puntos=1, exito="recibe las 4 medidas y devuelve 3 probabilidades (softmax).")
def test_entrada_4_y_salida_softmax_3(alumno):
    """La entrada es (None, 4) y la salida (None, 3) con activación softmax en la última capa."""
    descripcion = _modelo(alumno)
    exigir_entrada(descripcion, QUE, (None, 4),
                   "Cada flor tiene 4 medidas (largo y ancho del sépalo y del pétalo): usa keras.Input(shape=(4,)).")
    exigir_salida(descripcion, QUE, 3, "softmax", "una probabilidad por especie")


@caso(puntos=1, exito="está compilado con la entropía cruzada categórica.")
def test_compilado_con_entropia_cruzada_categorica(alumno):
    """El modelo se devuelve compilado y con loss='categorical_crossentropy'."""
    exigir_compilado(_modelo(alumno), QUE, "categorical_crossentropy")
