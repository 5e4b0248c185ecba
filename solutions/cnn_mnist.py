"""Solución de referencia de la tarea 09_cnn_mnist (red convolucional en Keras sobre MNIST).

``preprocesar`` and ``construir_modelo`` are, character for character, the
solution cells of ``assignments/09_cnn_mnist/09_cnn_mnist.ipynb`` (the notebook
is generated from them by ``fuentes_cuadernos/09_cnn_mnist.py``).

``entrenar_referencia`` (not an exercise; ``solutions/entrenamiento_referencia.py``)
takes minutes on 2 CPUs, so its result is committed in ``solutions/modelos/09_cnn_mnist/``,
produced with::

    PYTHONPATH=. .venv/bin/python -c "from solutions.cnn_mnist import entrenar_referencia as e; e('solutions/modelos/09_cnn_mnist')"

Measured figures are in the calibration note of
``autograder/calificadores/cnn_mnist/casos_modelo_entrenado.py``.
"""
import numpy as np

from solutions.entrenamiento_referencia import entrenar_como_el_cuaderno
from solutions.perezoso import keras, layers  # Keras loads on first use: see solutions/perezoso.py

EPOCAS_REFERENCIA = 5
TAM_LOTE_REFERENCIA = 64
FRACCION_VALIDACION = 0.1


def preprocesar(x, y):
    """Prepara imágenes y etiquetas de MNIST para una red convolucional.

    Args:
        x: array uint8 (n, 28, 28) de imágenes en escala de grises, con valores de 0 a 255.
        y: array (n,) de etiquetas enteras entre 0 y 9.

    Returns:
        X: array float32 (n, 28, 28, 1): cada imagen **sin aplanar**, con un eje final de
           un canal (escala de grises) y valores en [0, 1] (divididos entre 255).
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
    X = x.reshape(x.shape[0], 28, 28, 1).astype("float32") / 255.0
    Y = np.zeros((y.shape[0], 10), dtype="float32")
    Y[np.arange(y.shape[0]), y] = 1.0
    ### END SOLUTION
    return X, Y


def construir_modelo():
    """Construye y compila una red convolucional que clasifica los 10 dígitos.

    Returns:
        modelo: un `keras.Model` ya compilado (`modelo.compile(...)`), con
            - entrada de forma (None, 28, 28, 1): las imágenes de `preprocesar`;
            - al menos una capa `Conv2D` seguida de una capa de pooling
              (`MaxPooling2D`), y `Flatten` antes de las capas densas;
            - salida (None, 10) con activación softmax: una probabilidad por dígito;
            - pérdida "categorical_crossentropy" (las etiquetas son one-hot),
              optimizador "adam" y la métrica "accuracy".
    """
    modelo = None
    ### BEGIN SOLUTION
    modelo = keras.Sequential(
        [
            keras.Input(shape=(28, 28, 1)),
            layers.Conv2D(32, kernel_size=(3, 3), activation="relu"),
            layers.MaxPooling2D(pool_size=(2, 2)),
            layers.Conv2D(64, kernel_size=(3, 3), activation="relu"),
            layers.MaxPooling2D(pool_size=(2, 2)),
            layers.Flatten(),
            layers.Dropout(0.5),
            layers.Dense(10, activation="softmax"),
        ]
    )
    modelo.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    ### END SOLUTION
    return modelo


def entrenar_referencia(directorio, epocas=EPOCAS_REFERENCIA, semilla=0):
    """Entrena la red convolucional de referencia como la celda del cuaderno. → (ruta, historial).

    ``entrenar_como_el_cuaderno`` with batches of 64, 10 % of the training images for
    validation and ``semilla``; the file keeps the weights but not Adam's moment estimates.
    """
    from source_data import cargar_mnist

    return entrenar_como_el_cuaderno(directorio, lambda: preprocesar(*cargar_mnist()[0]), construir_modelo,
                                     semilla=semilla, sin_optimizador=True, batch_size=TAM_LOTE_REFERENCIA,
                                     epochs=epocas, validation_split=FRACCION_VALIDACION, verbose=0)
