"""Casos de `construir_modelo()`: un keras.Model compilado con ≥ 2 Conv2D, (None, 32, 32, 3) → softmax 10.

The model is built in the student's process, saved, and described in a clean
process (``alumno.modelo_construido``); the checks below only read that
description. Data-augmentation layers (RandomFlip, RandomTranslation, ...) are
standard Keras layers: they load in safe mode and do not count against anything.
No training happens here.
"""
from autograder.casos import caso
from autograder.comprobaciones_keras import exigir_capas, exigir_compilado, exigir_entrada, exigir_salida

QUE = "construir_modelo()"
SALIDA = "una probabilidad por clase"
PISTA_CONV = ("una red convolucional apila capas layers.Conv2D(filtros, 3, padding='same', activation='relu'), "
              "cada una seguida de layers.MaxPooling2D(), antes de aplanar con layers.Flatten().")


def _modelo(alumno) -> dict:
    return alumno.modelo_construido("construir_modelo")


@caso(puntos=1, exito="el modelo tiene al menos dos capas Conv2D.")
def test_al_menos_dos_conv2d(alumno):
    """El modelo tiene al menos dos capas Conv2D."""
    exigir_capas(_modelo(alumno), QUE, "Conv2D", 2, PISTA_CONV)


@caso(puntos=1, exito="recibe imágenes (32, 32, 3) y devuelve 10 probabilidades (softmax).")
def test_entrada_32x32x3_y_salida_softmax_10(alumno):
    """La entrada es (None, 32, 32, 3) y la salida (None, 10) con activación softmax en la última capa."""
    descripcion = _modelo(alumno)
    exigir_entrada(descripcion, QUE, (None, 32, 32, 3))
    exigir_salida(descripcion, QUE, 10, "softmax", SALIDA)


@caso(puntos=1, exito="está compilado con la entropía cruzada categórica.")
def test_compilado_con_entropia_cruzada_categorica(alumno):
    """El modelo se devuelve compilado y con loss='categorical_crossentropy'."""
    exigir_compilado(_modelo(alumno), QUE, "categorical_crossentropy")
