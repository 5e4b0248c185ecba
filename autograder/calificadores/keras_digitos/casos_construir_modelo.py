"""Casos de `construir_modelo()`: un keras.Model compilado, 64 píxeles → softmax de 10 dígitos (``ModeloPedido``)."""
from autograder.casos import caso
from autograder.comprobaciones_keras import ModeloPedido

MODELO = ModeloPedido((None, 64), 10, "una salida por dígito", pista_entrada=(
    "Cada dígito llega como un vector de 8·8 = 64 píxeles: usa keras.Input(shape=(64,))."))


@caso(puntos=1, exito="recibe vectores de 64 píxeles y devuelve 10 probabilidades (softmax).")
def test_entrada_64_y_salida_softmax_10(alumno):
    """La entrada es (None, 64) y la salida (None, 10) con activación softmax en la última capa."""
    MODELO.formas_construidas(alumno)


@caso(puntos=1, exito="está compilado con la entropía cruzada categórica.")
def test_compilado_con_entropia_cruzada_categorica(alumno):
    """El modelo se devuelve compilado y con loss='categorical_crossentropy'."""
    MODELO.compilado(alumno)
