"""Casos de `construir_modelo()`: un keras.Model compilado, de capas densas, 784 → softmax 10 prendas
(``ModeloPedido``)."""
from autograder.casos import caso
from autograder.comprobaciones_keras import ModeloPedido, exigir_solo_densas

UNA_SALIDA_POR_PRENDA = "una probabilidad por tipo de prenda (camiseta/top, pantalón, …, bota)"
MODELO = ModeloPedido((None, 784), 10, UNA_SALIDA_POR_PRENDA, capas=(exigir_solo_densas,))


@caso(puntos=1, exito="la red usa solo capas densas.")
def test_solo_capas_densas(alumno):
    """El modelo tiene solo capas Dense (se admiten Dropout, Flatten y capas de activación)."""
    MODELO.capas_construidas(alumno)


@caso(puntos=1, exito="recibe vectores de 784 píxeles y devuelve 10 probabilidades, una por prenda (softmax).")
def test_entrada_784_y_salida_softmax_10(alumno):
    """La entrada es (None, 784) y la salida (None, 10) con activación softmax en la última capa."""
    MODELO.formas_construidas(alumno)


@caso(puntos=1, exito="está compilado con la entropía cruzada categórica.")
def test_compilado_con_entropia_cruzada_categorica(alumno):
    """El modelo se devuelve compilado y con loss='categorical_crossentropy'."""
    MODELO.compilado(alumno)
