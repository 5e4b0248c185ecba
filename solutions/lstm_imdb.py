"""Solución de referencia de la tarea 11_lstm_imdb (reseñas de IMDB con Embedding + LSTM).

``preparar_secuencias`` and ``construir_modelo`` are, character for character,
the solution cells of ``assignments/11_lstm_imdb/11_lstm_imdb.ipynb`` (the
notebook is generated from them by ``fuentes_cuadernos/11_lstm_imdb.py``).
``LONGITUD`` and ``VOCABULARIO`` are also defined in the notebook's setup cell.

The reference model of ``entrenar_referencia`` (not an exercise;
``solutions/entrenamiento_referencia.py``) is committed in ``solutions/modelos/11_lstm_imdb/``
because training takes minutes; regenerate it with::

    PYTHONPATH=. .venv/bin/python -c "from solutions.lstm_imdb import entrenar_referencia; \\
        entrenar_referencia('solutions/modelos/11_lstm_imdb')"

See the calibration note in ``autograder/calificadores/lstm_imdb/casos_modelo_entrenado.py``
for the measured time and accuracy.
"""
import numpy as np

from solutions.entrenamiento_referencia import entrenar_como_el_cuaderno
from solutions.perezoso import keras, layers  # Keras loads on first use: see solutions/perezoso.py

LONGITUD = 200
VOCABULARIO = 10000
EPOCAS_REFERENCIA = 3
TAM_LOTE_REFERENCIA = 128
FRACCION_VALIDACION = 0.2


def preparar_secuencias(x):
    """Convierte reseñas de largo variable en una matriz de enteros de largo fijo LONGITUD (200).

    Sigue la convención por defecto de `keras.utils.pad_sequences(x, maxlen=200)`:
    - una reseña corta se rellena con ceros **al principio** (relleno «pre»);
    - de una reseña larga se conservan sus **últimas** 200 palabras (recorte «pre»);
    así las palabras reales quedan siempre al final, justo antes de que la LSTM dé su salida.

    Args:
        x: secuencia de n reseñas (lista o array de objetos); cada reseña es una lista
           de índices enteros de palabras, de cualquier largo (también 0).

    Returns:
        X: array de enteros (n, LONGITUD) con dtype int32; la fila i contiene la reseña i
           recortada o rellenada con ceros por la izquierda.
    """
    X = np.zeros((len(x), LONGITUD), dtype="int32")
    ### BEGIN SOLUTION
    for i, resena in enumerate(x):
        ultimas = list(resena)[-LONGITUD:]
        if ultimas:
            X[i, LONGITUD - len(ultimas):] = ultimas
    ### END SOLUTION
    return X


def construir_modelo():
    """Construye y compila una red recurrente que decide si una reseña es positiva.

    Returns:
        modelo: un `keras.Model` ya compilado (`modelo.compile(...)`), con
            - entrada de forma (None, LONGITUD) = (None, 200): las secuencias de
              `preparar_secuencias`;
            - una capa `Embedding` con `input_dim=VOCABULARIO` (10000) que convierte cada
              índice de palabra en un vector denso;
            - una capa `LSTM` que lee la reseña palabra por palabra;
            - salida (None, 1) con activación sigmoid: la probabilidad de que la reseña
              sea positiva;
            - pérdida "binary_crossentropy", optimizador "adam" y la métrica "accuracy".
    """
    modelo = None
    ### BEGIN SOLUTION
    modelo = keras.Sequential(
        [
            keras.Input(shape=(LONGITUD,)),
            layers.Embedding(input_dim=VOCABULARIO, output_dim=32),
            layers.LSTM(32),
            layers.Dense(1, activation="sigmoid"),
        ]
    )
    modelo.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    ### END SOLUTION
    return modelo


def entrenar_referencia(directorio, epocas=EPOCAS_REFERENCIA):
    """Entrena el modelo de referencia como la celda del cuaderno. → (ruta, historial).

    ``entrenar_como_el_cuaderno`` on the 25000 training reviews with seed 0, batch 128 and the
    last 20 % held out for validation; re-saved without Adam's state (≤ 1.5 MB committed).
    """
    from source_data import cargar_imdb

    def datos():
        (x_train, y_train), _ = cargar_imdb(num_words=VOCABULARIO)
        return preparar_secuencias(x_train), y_train.astype("float32")

    return entrenar_como_el_cuaderno(directorio, datos, construir_modelo, sin_optimizador=True,
                                     batch_size=TAM_LOTE_REFERENCIA, epochs=epocas,
                                     validation_split=FRACCION_VALIDACION, verbose=2)


def rellenar_variante(x, relleno="pre", recorte="pre"):
    """Grader side (not in the notebook): like ``keras.utils.pad_sequences(x, maxlen=200, padding=relleno,
    truncating=recorte)``; the hidden cases of `preparar_secuencias` use it for the known wrong variants."""
    X = np.zeros((len(x), LONGITUD), dtype=np.int64)
    for i, resena in enumerate(x):
        palabras = list(resena)[-LONGITUD:] if recorte == "pre" else list(resena)[:LONGITUD]
        if not palabras:
            continue
        if relleno == "pre":
            X[i, LONGITUD - len(palabras):] = palabras
        else:
            X[i, :len(palabras)] = palabras
    return X
