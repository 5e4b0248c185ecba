"""Casos de `construir_modelo_regularizado()`: 784 → softmax 10, compilado, con Dropout o regularizador L1/L2.

Dropout counts only with a rate > 0 and L1/L2 only with a factor > 0 (``exigir_regularizacion``):
Dropout(0) and L2(0) change nothing and earn nothing. The model is described as ``ModeloPedido`` says.
"""
from autograder.casos import caso
from autograder.comprobaciones_keras import ModeloPedido, exigir_regularizacion

MODELO = ModeloPedido((None, 784), 10, "una salida por clase de prenda", funcion="construir_modelo_regularizado",
                      capas=(exigir_regularizacion,))


@caso(puntos=1, exito="recibe vectores de 784 píxeles y devuelve 10 probabilidades (softmax), como el modelo base.")
def test_entrada_784_y_salida_softmax_10(alumno):
    """La entrada es (None, 784) y la salida (None, 10) con activación softmax en la última capa."""
    MODELO.formas_construidas(alumno)


@caso(puntos=2, exito="tiene regularización (Dropout con tasa > 0 o kernel_regularizer con factor > 0).")
def test_tiene_dropout_o_regularizador(alumno):
    """Al menos una capa Dropout con tasa > 0 o una capa con kernel_regularizer L1/L2 de factor > 0."""
    MODELO.capas_construidas(alumno)


@caso(puntos=1, exito="está compilado con la entropía cruzada categórica.")
def test_compilado_con_entropia_cruzada_categorica(alumno):
    """El modelo se devuelve compilado y con loss='categorical_crossentropy'."""
    MODELO.compilado(alumno)
