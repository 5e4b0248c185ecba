"""Solución de referencia de la tarea 09_cnn_mnist (red convolucional en Keras sobre MNIST).

``preprocesar`` and ``construir_modelo`` are, character for character, the
solution cells of ``assignments/09_cnn_mnist/09_cnn_mnist.ipynb`` (the notebook
is generated from them by ``fuentes_cuadernos/09_cnn_mnist.py``). The
``### BEGIN/END SOLUTION`` comments mark what nbgrader removes in the student's
copy.

``entrenar_referencia`` is not an exercise: it trains the reference model the
same way the notebook's training cell does, with a fixed seed. Training takes
minutes on 2 CPUs, so the result is committed in
``solutions/modelos/09_cnn_mnist/`` (``modelo.keras`` + ``historial.json``),
produced with::

    PYTHONPATH=. .venv/bin/python -c "from solutions.cnn_mnist import entrenar_referencia as e; e('solutions/modelos/09_cnn_mnist')"

Measured figures are in the calibration note of
``autograder/calificadores/cnn_mnist/casos_modelo_entrenado.py``.
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
    """Entrena el modelo de referencia y lo guarda como ``directorio/modelo.keras``.

    Trains exactly like the notebook's training cell (``entrenar_y_guardar`` with
    batches of 64 and the last 10 % of the training images held out for
    validation) after ``keras.utils.set_random_seed(semilla)``, so it also writes
    ``directorio/historial.json``; then drops Adam's state from the file.

    Args:
        directorio: carpeta donde escribir ``modelo.keras`` (se crea si no existe).
        epocas: épocas de entrenamiento.
        semilla: semilla de Keras, NumPy y Python para la inicialización y el orden de los lotes.

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
    keras.utils.set_random_seed(semilla)
    modelo = construir_modelo()
    ruta = directorio / "modelo.keras"
    historia = entrenar_y_guardar(modelo, X_train, Y_train, ruta=ruta, batch_size=TAM_LOTE_REFERENCIA,
                                  epochs=epocas, validation_split=FRACCION_VALIDACION, verbose=0)
    guardar_sin_estado_del_optimizador(ruta)
    return ruta, historia.history


def guardar_sin_estado_del_optimizador(ruta):
    """Vuelve a guardar ``ruta`` compilado igual pero sin los momentos de Adam (un tercio del tamaño).

    The grader and ``entrenar_y_guardar`` only read the weights.
    """
    modelo = keras.saving.load_model(ruta, compile=False)
    modelo.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    modelo.save(ruta)
