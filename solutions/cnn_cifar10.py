"""Solución de referencia de la tarea 10_cnn_cifar10 (red convolucional sobre CIFAR-10).

``preprocesar`` and ``construir_modelo`` are, character for character, the
solution cells of ``assignments/10_cnn_cifar10/10_cnn_cifar10.ipynb`` (the
notebook is generated from them by ``fuentes_cuadernos/10_cnn_cifar10.py``).
The ``### BEGIN/END SOLUTION`` comments mark what nbgrader removes in the
student's copy.

``entrenar_referencia`` is not an exercise: it trains the reference model the
same way the notebook's training cell does, with a fixed seed. Its output is
committed as ``solutions/modelos/10_cnn_cifar10/{modelo.keras,historial.json}``
(training takes minutes, too long for the default test tier); regenerate it
with::

    PYTHONPATH=. .venv/bin/python -c "from solutions.cnn_cifar10 import entrenar_referencia; \\
        entrenar_referencia('solutions/modelos/10_cnn_cifar10')"

See the calibration note in ``autograder/calificadores/cnn_cifar10/casos_modelo_entrenado.py``
for the measured time and accuracy.
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
    """Entrena el modelo de referencia y lo guarda como ``directorio/modelo.keras``.

    Trains exactly like the notebook's training cell (``entrenar_y_guardar`` on the
    training images of ``cargar_cifar10()``, batch 64, the last 10 % held out for
    validation) after ``keras.utils.set_random_seed(0)``, so it also writes
    ``directorio/historial.json``; the model is then re-saved without the optimizer
    state (``guardar_sin_optimizador``).

    Args:
        directorio: carpeta donde escribir ``modelo.keras`` (se crea si no existe).
        epocas: épocas de entrenamiento.

    Returns:
        (ruta, historial): la ruta de ``modelo.keras`` y el dict ``History.history``.
    """
    from source_data import cargar_cifar10

    if calificando():
        raise RuntimeError("entrenar_referencia entrena siempre: no la llames con CURSO_DL_CALIFICANDO=1")
    directorio = Path(directorio)
    directorio.mkdir(parents=True, exist_ok=True)
    (x_train, y_train), _ = cargar_cifar10()
    X_train, Y_train = preprocesar(x_train, y_train)
    keras.utils.set_random_seed(0)
    modelo = construir_modelo()
    ruta = directorio / "modelo.keras"
    historia = entrenar_y_guardar(modelo, X_train, Y_train, ruta=ruta, batch_size=TAM_LOTE_REFERENCIA,
                                  epochs=epocas, validation_split=FRACCION_VALIDACION, verbose=2)
    guardar_sin_optimizador(modelo, ruta)
    return ruta, historia.history


def guardar_sin_optimizador(modelo, ruta):
    """Re-saves the trained model with a fresh (unbuilt) optimizer: same weights, about a third of the size.

    Adam keeps two moment estimates per weight, which ``modelo.save`` stores too; the committed
    reference must stay ≤ 1.5 MB and is never trained further, so it is saved without them. The file
    still loads compiled with the same loss.
    """
    modelo.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    modelo.save(ruta)
