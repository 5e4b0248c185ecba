"""Solución de referencia de la tarea 08_fashion_mnist (red densa en Keras sobre Fashion-MNIST).

``preprocesar`` and ``construir_modelo`` are, character for character, the
solution cells of ``assignments/08_fashion_mnist/08_fashion_mnist.ipynb`` (the
notebook is generated from them by ``fuentes_cuadernos/08_fashion_mnist.py``).

Tests and demos grade the ``modelo.keras`` that ``entrenar_referencia`` (not an
exercise; ``solutions/entrenamiento_referencia.py``) left in
``solutions/modelos/08_fashion_mnist/``, with::

    PYTHONPATH=. .venv/bin/python -c "from solutions.fashion_mnist import entrenar_referencia as e; e('solutions/modelos/08_fashion_mnist')"

Measured figures are in the calibration note of
``autograder/calificadores/fashion_mnist/casos_modelo_entrenado.py``.
"""
import numpy as np

from solutions.entrenamiento_referencia import entrenar_como_el_cuaderno
from solutions.perezoso import keras, layers  # Keras loads on first use: see solutions/perezoso.py

EPOCAS_REFERENCIA = 15
TAM_LOTE_REFERENCIA = 128
FRACCION_VALIDACION = 0.1
NOMBRES_CLASES = ("camiseta/top", "pantalón", "suéter", "vestido", "abrigo",
                  "sandalia", "camisa", "zapatilla deportiva", "bolso", "bota")


def preprocesar(x, y):
    """Prepara imágenes y etiquetas de Fashion-MNIST para una red de capas densas.

    Args:
        x: array uint8 (n, 28, 28) de imágenes de prendas en escala de grises, con
           valores de 0 a 255.
        y: array (n,) de etiquetas enteras entre 0 y 9 (0 = camiseta/top, ..., 9 = bota).

    Returns:
        X: array float32 (n, 784): cada imagen aplanada fila por fila en un vector de
           28·28 = 784 píxeles, con valores en [0, 1] (divididos entre 255).
        Y: array float32 (n, 10) con las etiquetas en codificación «one-hot»: un único
           1.0 por fila, en la columna y[i]. Siempre 10 columnas, una por tipo de prenda,
           aunque el lote no contenga todas las prendas.
    """
    x = np.asarray(x)
    y = np.asarray(y).astype(int)
    if y.size and (y.min() < 0 or y.max() > 9):
        raise ValueError("las etiquetas deben ser enteros entre 0 y 9")
    X, Y = None, None
    ### BEGIN SOLUTION
    X = x.reshape(x.shape[0], 28 * 28).astype("float32") / 255.0
    Y = np.zeros((y.shape[0], 10), dtype="float32")
    Y[np.arange(y.shape[0]), y] = 1.0
    ### END SOLUTION
    return X, Y


def construir_modelo():
    """Construye y compila una red de capas densas que clasifica las 10 prendas.

    Returns:
        modelo: un `keras.Model` ya compilado (`modelo.compile(...)`), con
            - entrada de forma (None, 784): las imágenes aplanadas de `preprocesar`;
            - solo capas `Dense` (se permite `Dropout`), con al menos una capa oculta;
            - salida (None, 10) con activación softmax: una probabilidad por prenda;
            - pérdida "categorical_crossentropy" (las etiquetas son one-hot),
              optimizador "adam" y la métrica "accuracy".
    """
    modelo = None
    ### BEGIN SOLUTION
    modelo = keras.Sequential(
        [
            keras.Input(shape=(784,)),
            layers.Dense(256, activation="relu"),
            layers.Dropout(0.2),
            layers.Dense(128, activation="relu"),
            layers.Dense(10, activation="softmax"),
        ]
    )
    modelo.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    ### END SOLUTION
    return modelo


def entrenar_referencia(directorio, epocas=EPOCAS_REFERENCIA, semilla=0):
    """Entrena el modelo de referencia como la celda del cuaderno. → (ruta, historial).

    ``entrenar_como_el_cuaderno`` with batch 128, the last 10 % of the training images held
    out for validation and ``semilla``; saved without Adam's state, so the committed
    reference (``solutions/modelos/08_fashion_mnist/``) stays under 1.5 MB.
    """
    from source_data import cargar_fashion_mnist

    return entrenar_como_el_cuaderno(directorio, lambda: preprocesar(*cargar_fashion_mnist()[0]), construir_modelo,
                                     semilla=semilla, sin_optimizador=True, batch_size=TAM_LOTE_REFERENCIA,
                                     epochs=epocas, validation_split=FRACCION_VALIDACION, verbose=0)
