"""Casos de `construir_modelo()`: un keras.Model compilado con Conv2D y pooling, 28×28×1 → softmax 10
(``MODELO`` de ``arquitectura.py``)."""
from autograder.calificadores.cnn_mnist.arquitectura import MODELO
from autograder.casos import caso


@caso(puntos=1, exito="la red tiene capas Conv2D y de pooling.")
def test_convolucion_y_pooling(alumno):
    """El modelo tiene al menos una capa Conv2D y al menos una capa de pooling."""
    MODELO.capas_construidas(alumno)


@caso(puntos=1, exito="recibe imágenes (28, 28, 1) y devuelve 10 probabilidades (softmax).")
def test_entrada_28x28x1_y_salida_softmax_10(alumno):
    """La entrada es (None, 28, 28, 1) y la salida (None, 10) con activación softmax en la última capa."""
    MODELO.formas_construidas(alumno)


@caso(puntos=1, exito="está compilado con la entropía cruzada categórica.")
def test_compilado_con_entropia_cruzada_categorica(alumno):
    """El modelo se devuelve compilado y con loss='categorical_crossentropy'."""
    MODELO.compilado(alumno)
