"""Casos de `construir_modelo()`: un keras.Model compilado con ≥ 2 Conv2D, (None, 32, 32, 3) → softmax 10
(``ModeloPedido``).

Data-augmentation layers (RandomFlip, RandomTranslation, ...) are standard Keras layers: they load
in safe mode and do not count against anything.
"""
from autograder.casos import caso
from autograder.comprobaciones_keras import ModeloPedido, exigir_capas

SALIDA = "una probabilidad por clase"
PISTA_CONV = ("una red convolucional apila capas layers.Conv2D(filtros, 3, padding='same', activation='relu'), "
              "cada una seguida de layers.MaxPooling2D(), antes de aplanar con layers.Flatten().")


def exigir_dos_conv2d(descripcion: dict, que: str) -> None:
    exigir_capas(descripcion, que, "Conv2D", 2, PISTA_CONV)


MODELO = ModeloPedido((None, 32, 32, 3), 10, SALIDA, capas=(exigir_dos_conv2d,))


@caso(puntos=1, exito="el modelo tiene al menos dos capas Conv2D.")
def test_al_menos_dos_conv2d(alumno):
    """El modelo tiene al menos dos capas Conv2D."""
    MODELO.capas_construidas(alumno)


@caso(puntos=1, exito="recibe imágenes (32, 32, 3) y devuelve 10 probabilidades (softmax).")
def test_entrada_32x32x3_y_salida_softmax_10(alumno):
    """La entrada es (None, 32, 32, 3) y la salida (None, 10) con activación softmax en la última capa."""
    MODELO.formas_construidas(alumno)


@caso(puntos=1, exito="está compilado con la entropía cruzada categórica.")
def test_compilado_con_entropia_cruzada_categorica(alumno):
    """El modelo se devuelve compilado y con loss='categorical_crossentropy'."""
    MODELO.compilado(alumno)
