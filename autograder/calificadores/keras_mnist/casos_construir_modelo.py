"""Casos de `construir_modelo()`: un keras.Model compilado, de capas densas, 784 → softmax 10 (``ModeloPedido``).

The model is built in the student's process, saved, and described in a clean
process (``alumno.modelo_construido``); the checks below only read that
description. No training happens here.
"""
from autograder.casos import caso
from autograder.comprobaciones_keras import ModeloPedido, exigir_solo_densas

MODELO = ModeloPedido((None, 784), 10, "una salida por dígito", capas=(exigir_solo_densas,))


@caso(puntos=1, exito="la red usa solo capas densas.")
def test_solo_capas_densas(alumno):
    """El modelo tiene solo capas Dense (se admiten Dropout, Flatten y capas de activación)."""
    MODELO.capas_construidas(alumno)


@caso(puntos=1, exito="recibe vectores de 784 píxeles y devuelve 10 probabilidades (softmax).")
def test_entrada_784_y_salida_softmax_10(alumno):
    """La entrada es (None, 784) y la salida (None, 10) con activación softmax en la última capa."""
    MODELO.formas_construidas(alumno)


@caso(puntos=1, exito="está compilado con la entropía cruzada categórica.")
def test_compilado_con_entropia_cruzada_categorica(alumno):
    """El modelo se devuelve compilado y con loss='categorical_crossentropy'."""
    MODELO.compilado(alumno)
