"""Casos de `construir_modelo()`: un keras.Model compilado, 4 medidas → softmax de 3 especies (``ModeloPedido``)."""
from autograder.casos import caso
from autograder.comprobaciones_keras import ModeloPedido

MODELO = ModeloPedido((None, 4), 3, "una probabilidad por especie", pista_entrada=(
    "Cada flor tiene 4 medidas (largo y ancho del sépalo y del pétalo): usa keras.Input(shape=(4,))."))


@caso(puntos=1, exito="recibe las 4 medidas y devuelve 3 probabilidades (softmax).")
def test_entrada_4_y_salida_softmax_3(alumno):
    """La entrada es (None, 4) y la salida (None, 3) con activación softmax en la última capa."""
    MODELO.formas_construidas(alumno)


@caso(puntos=1, exito="está compilado con la entropía cruzada categórica.")
def test_compilado_con_entropia_cruzada_categorica(alumno):
    """El modelo se devuelve compilado y con loss='categorical_crossentropy'."""
    MODELO.compilado(alumno)
