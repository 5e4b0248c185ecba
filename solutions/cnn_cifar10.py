"""Solución de referencia de la tarea 10_cnn_cifar10 (red convolucional sobre CIFAR-10).

``preprocesar`` and ``construir_modelo`` are, character for character, the
solution cells of ``assignments/10_cnn_cifar10/10_cnn_cifar10.ipynb`` (the
notebook is generated from them by ``fuentes_cuadernos/10_cnn_cifar10.py``).

``entrenar_referencia`` (not an exercise; ``solutions/entrenamiento_referencia.py``)
takes minutes, too long for the default test tier, so its output is committed in
``solutions/modelos/10_cnn_cifar10/``; regenerate it with::

    PYTHONPATH=. .venv/bin/python -c "from solutions.cnn_cifar10 import entrenar_referencia; \\
        entrenar_referencia('solutions/modelos/10_cnn_cifar10')"

See the calibration note in ``autograder/calificadores/cnn_cifar10/casos_modelo_entrenado.py``
for the measured time and accuracy.
"""
import numpy as np

from solutions.entrenamiento_referencia import entrenar_como_el_cuaderno
from solutions.perezoso import keras, layers  # Keras loads on first use: see solutions/perezoso.py

EPOCAS_REFERENCIA = 25
TAM_LOTE_REFERENCIA = 64
FRACCION_VALIDACION = 0.1


def preprocesar(x, y):
    """Prepara imágenes y etiquetas de CIFAR-10 para una red convolucional.

    Args:
        x: array uint8 (n, 32, 32, 3) de imágenes en color (alto, ancho, canales RGB),
           con valores de 0 a 255.
        y: array de etiquetas enteras entre 0 y 9, de forma (n, 1) (como las da
           `cargar_cifar10`) o (n,).

    Returns:
        X: array float32 (n, 32, 32, 3): las mismas imágenes, sin aplanar, con valores
           en [0, 1] (divididos entre 255).
        Y: array float32 (n, 10) con las etiquetas en codificación «one-hot»: un único
           1.0 por fila, en la columna de su clase. Siempre 10 columnas.
    """
    x = np.asarray(x)
    y = np.asarray(y).reshape(-1).astype(int)
    if y.size and (y.min() < 0 or y.max() > 9):
        raise ValueError("las etiquetas deben ser clases entre 0 y 9")
    X, Y = None, None
    ### BEGIN SOLUTION
    X = x.astype("float32") / 255.0
    Y = np.zeros((y.shape[0], 10), dtype="float32")
    Y[np.arange(y.shape[0]), y] = 1.0
    ### END SOLUTION
    return X, Y


def construir_modelo():
    """Construye y compila una red convolucional que clasifica las 10 clases de CIFAR-10.

    Returns:
        modelo: un `keras.Model` ya compilado (`modelo.compile(...)`), con
            - entrada de forma (None, 32, 32, 3): las imágenes de `preprocesar`;
            - opcionalmente, capas de aumento de datos (`RandomFlip`, `RandomTranslation`),
              que solo actúan al entrenar;
            - al menos dos capas `Conv2D` (con `MaxPooling2D` entre ellas);
            - salida (None, 10) con activación softmax: una probabilidad por clase;
            - pérdida "categorical_crossentropy" (las etiquetas son one-hot),
              optimizador "adam" y la métrica "accuracy".
    """
    modelo = None
    ### BEGIN SOLUTION
    modelo = keras.Sequential(
        [
            keras.Input(shape=(32, 32, 3)),
            layers.RandomFlip("horizontal"),
            layers.RandomTranslation(0.1, 0.1),
            layers.Conv2D(32, 3, padding="same", activation="relu"),
            layers.MaxPooling2D(),
            layers.Conv2D(64, 3, padding="same", activation="relu"),
            layers.MaxPooling2D(),
            layers.Conv2D(64, 3, padding="same", activation="relu"),
            layers.MaxPooling2D(),
            layers.Flatten(),
            layers.Dropout(0.3),
            layers.Dense(10, activation="softmax"),
        ]
    )
    modelo.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    ### END SOLUTION
    return modelo


def entrenar_referencia(directorio, epocas=EPOCAS_REFERENCIA):
    """Entrena el modelo de referencia como la celda del cuaderno. → (ruta, historial).

    ``entrenar_como_el_cuaderno`` on the training images of ``cargar_cifar10()`` with seed 0,
    batch 64 and the last 10 % held out for validation; re-saved without Adam's state (about a
    third of the size: the committed reference must stay ≤ 1.5 MB and is never trained further).
    """
    from source_data import cargar_cifar10

    return entrenar_como_el_cuaderno(directorio, lambda: preprocesar(*cargar_cifar10()[0]), construir_modelo,
                                     sin_optimizador=True, batch_size=TAM_LOTE_REFERENCIA, epochs=epocas,
                                     validation_split=FRACCION_VALIDACION, verbose=2)
