"""Solución de referencia de la tarea 07_keras_mnist (red densa en Keras sobre MNIST).

``preprocesar`` and ``construir_modelo`` are, character for character, the
solution cells of ``assignments/07_keras_mnist/07_keras_mnist.ipynb`` (the
notebook is generated from them by ``fuentes_cuadernos/07_keras_mnist.py``).
The ``### BEGIN/END SOLUTION`` comments mark what nbgrader removes in the
student's copy.

``entrenar_referencia`` is not an exercise: it trains the reference model the
same way the notebook's training cell does, with a fixed seed, so that tests
and demos have a ``modelo.keras`` to grade. Measured on the course machine
(2 CPUs, tensorflow-cpu 2.21, Keras 3.15): about 25–35 s of training and 0.979
accuracy on the 10000 MNIST test images (see the calibration note in
``autograder/calificadores/keras_mnist/casos_modelo_entrenado.py``).

The network is the one of the course's "Práctica 1" (Dense 256 ReLU → Dense 10
softmax, batch 128), with Dropout 0.2, adam, 6 epochs and validation_split 0.1
instead of the practice's rmsprop, 10 epochs and validation_split 0.2: with seed 0
the practice's recipe reaches only 0.972 (0.002 above the 0.97 threshold) and
takes about twice as long; the measurements are in the calibration note.
"""
import os
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # keep TensorFlow's C++ start-up lines off stderr

import numpy as np

from autograder.entrenamiento import calificando, entrenar_y_guardar
from solutions.perezoso import ModuloPerezoso

# Keras loads on first use, inside the functions that build or train models: grading imports this
# module in the trusted process, which must not load TensorFlow (solutions/perezoso.py).
keras = ModuloPerezoso("keras")
layers = ModuloPerezoso("keras.layers")

EPOCAS_REFERENCIA = 6
TAM_LOTE_REFERENCIA = 128
FRACCION_VALIDACION = 0.1


def preprocesar(x, y):
    """Prepara imágenes y etiquetas de MNIST para una red de capas densas.

    Args:
        x: array uint8 (n, 28, 28) de imágenes en escala de grises, con valores de 0 a 255.
        y: array (n,) de etiquetas enteras entre 0 y 9.

    Returns:
        X: array float32 (n, 784): cada imagen aplanada fila por fila en un vector de
           28·28 = 784 píxeles, con valores en [0, 1] (divididos entre 255).
        Y: array float32 (n, 10) con las etiquetas en codificación «one-hot»: un único
           1.0 por fila, en la columna y[i]. Siempre 10 columnas, aunque el lote no
           contenga todos los dígitos.
    """
    x = np.asarray(x)
    y = np.asarray(y).astype(int)
    if y.size and (y.min() < 0 or y.max() > 9):
        raise ValueError("las etiquetas deben ser dígitos entre 0 y 9")
    X, Y = None, None
    ### BEGIN SOLUTION
    X = x.reshape(x.shape[0], 28 * 28).astype("float32") / 255.0
    Y = np.zeros((y.shape[0], 10), dtype="float32")
    Y[np.arange(y.shape[0]), y] = 1.0
    ### END SOLUTION
    return X, Y


def construir_modelo():
    """Construye y compila una red de capas densas que clasifica los 10 dígitos.

    Returns:
        modelo: un `keras.Model` ya compilado (`modelo.compile(...)`), con
            - entrada de forma (None, 784): las imágenes aplanadas de `preprocesar`;
            - solo capas `Dense` (se permite `Dropout`), con al menos una capa oculta;
            - salida (None, 10) con activación softmax: una probabilidad por dígito;
            - pérdida "categorical_crossentropy" (las etiquetas son one-hot),
              optimizador "adam" (la Práctica 1 usa "rmsprop", que también vale)
              y la métrica "accuracy".
    """
    modelo = None
    ### BEGIN SOLUTION
    modelo = keras.Sequential(
        [
            keras.Input(shape=(784,)),
            layers.Dense(256, activation="relu"),
            layers.Dropout(0.2),
            layers.Dense(10, activation="softmax"),
        ]
    )
    modelo.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    ### END SOLUTION
    return modelo


def entrenar_referencia(directorio, epocas=EPOCAS_REFERENCIA):
    """Entrena el modelo de referencia y lo guarda como ``directorio/modelo.keras``.

    Trains exactly like the notebook's training cell (``entrenar_y_guardar`` with
    batch 128 and the last 10 % of the training images held out for validation)
    after ``keras.utils.set_random_seed(0)``, so it also writes
    ``directorio/historial.json``. The default ``EPOCAS_REFERENCIA = 6`` epochs
    take about 25–35 s on 2 CPUs (load average 1–5) and reach 0.979 test accuracy.

    Args:
        directorio: carpeta donde escribir ``modelo.keras`` (se crea si no existe).
        epocas: épocas de entrenamiento.

    Returns:
        (ruta, historial): la ruta de ``modelo.keras`` y el dict ``History.history``.
    """
    from source_data import cargar_mnist

    if calificando():
        raise RuntimeError("entrenar_referencia entrena siempre: no la llames con CURSO_DL_CALIFICANDO=1")
    directorio = Path(directorio)
    directorio.mkdir(parents=True, exist_ok=True)
    (x_train, y_train), _ = cargar_mnist()
    X_train, Y_train = preprocesar(x_train, y_train)
    keras.utils.set_random_seed(0)
    modelo = construir_modelo()
    ruta = directorio / "modelo.keras"
    historia = entrenar_y_guardar(modelo, X_train, Y_train, ruta=ruta, batch_size=TAM_LOTE_REFERENCIA,
                                  epochs=epocas, validation_split=FRACCION_VALIDACION, verbose=0)
    return ruta, historia.history
