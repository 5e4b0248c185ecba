"""Casos de `construir_modelo()`: un keras.Model compilado con Embedding + LSTM, (None, 200) → sigmoid 1
(``ModeloPedido``)."""
from autograder.casos import caso
from autograder.comprobaciones_keras import ModeloPedido, exigir_capas

SALIDA = "la probabilidad de que la reseña sea positiva"


def exigir_embedding_y_lstm(descripcion: dict, que: str) -> None:
    """An Embedding layer (word index → vector) and an LSTM layer, with their own hints."""
    exigir_capas(descripcion, que, "Embedding", 1,
                 "la primera capa tras keras.Input debe ser layers.Embedding(input_dim=10000, output_dim=32): "
                 "convierte cada índice de palabra en un vector que se aprende al entrenar.")
    exigir_capas(descripcion, que, "LSTM", 1,
                 "después del Embedding va una capa layers.LSTM(32), que lee la reseña palabra por palabra "
                 "y resume la secuencia en un vector.")


MODELO = ModeloPedido((None, 200), 1, SALIDA, "sigmoid", "binary_crossentropy", capas=(exigir_embedding_y_lstm,))


@caso(puntos=1, exito="el modelo tiene una capa Embedding y una LSTM.")
def test_embedding_y_lstm(alumno):
    """El modelo tiene al menos una capa Embedding y una capa LSTM."""
    MODELO.capas_construidas(alumno)


@caso(puntos=1, exito="recibe secuencias de 200 índices y devuelve una probabilidad (sigmoid).")
def test_entrada_200_y_salida_sigmoid(alumno):
    """La entrada es (None, 200) y la salida (None, 1) con activación sigmoid en la última capa."""
    MODELO.formas_construidas(alumno)


@caso(puntos=1, exito="está compilado con la entropía cruzada binaria.")
def test_compilado_con_entropia_cruzada_binaria(alumno):
    """El modelo se devuelve compilado y con loss='binary_crossentropy'."""
    MODELO.compilado(alumno)
