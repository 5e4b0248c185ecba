"""Solución de referencia de la tarea 05_keras_iris (clasificar flores de Iris con Keras).

``preparar_datos`` and ``construir_modelo`` are, character for character, the
solution cells of ``assignments/05_keras_iris/05_keras_iris.ipynb`` (generated
by ``fuentes_cuadernos/05_keras_iris.py``). ``particion_iris`` and
``entrenar_referencia`` are not exercises: the first is the fixed stratified
80/20 split that the notebook and the grader use, the second trains the
reference model exactly like the notebook's training cell, with fixed seeds.
"""
import numpy as np

from solutions.entrenamiento_referencia import entrenar_como_el_cuaderno
from solutions.perezoso import keras, layers  # Keras loads on first use: see solutions/perezoso.py

SEMILLA_PARTICION = 0
FRACCION_PRUEBA = 0.2
EPOCAS_REFERENCIA = 300
TAM_LOTE_REFERENCIA = 16
FRACCION_VALIDACION = 0.2
PACIENCIA_REFERENCIA = 30
MEJORA_MINIMA_REFERENCIA = 0.0001  # min_delta, as in the slides' EarlyStopping


def preparar_datos(X, y):
    """Estandariza las medidas de las flores y codifica las especies en one-hot.

    Args:
        X: array (n, 4) con las medidas de n flores, en centímetros (largo y ancho del
           sépalo y del pétalo).
        y: array (n,) de etiquetas enteras: 0 setosa, 1 versicolor, 2 virginica.

    Returns:
        X_estandarizado: array (n, 4): cada columna j pasa a (X[:, j] − media_j) / desviación_j,
           con la media y la desviación típica poblacional (ddof=0) de esa columna en
           estos mismos datos; cada columna queda con media 0 y desviación 1.
        Y: array (n, 3) con las etiquetas en one-hot: un único 1.0 por fila, en la
           columna y[i]. Siempre 3 columnas, aunque falte alguna especie.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y).astype(int)
    if y.size and (y.min() < 0 or y.max() > 2):
        raise ValueError("las etiquetas deben ser 0, 1 o 2")
    X_estandarizado, Y = None, None
    ### BEGIN SOLUTION
    X_estandarizado = (X - X.mean(axis=0)) / X.std(axis=0)
    Y = np.eye(3, dtype="float32")[y]
    ### END SOLUTION
    return X_estandarizado, Y


def construir_modelo():
    """Construye y compila una red pequeña que clasifica las 3 especies de Iris.

    Returns:
        modelo: un `keras.Sequential` ya compilado (`modelo.compile(...)`), con
            - entrada `keras.Input(shape=(4,))`: las 4 medidas estandarizadas;
            - una capa oculta `Dense` con activación ReLU;
            - salida `Dense(3, activation="softmax")`: una probabilidad por especie;
            - optimizador SGD (`keras.optimizers.SGD`), pérdida
              "categorical_crossentropy" (etiquetas one-hot) y la métrica "accuracy".
    """
    modelo = None
    ### BEGIN SOLUTION
    modelo = keras.Sequential(
        [
            keras.Input(shape=(4,)),
            layers.Dense(16, activation="relu"),
            layers.Dense(3, activation="softmax"),
        ]
    )
    modelo.compile(
        optimizer=keras.optimizers.SGD(learning_rate=0.1),
        loss="categorical_crossentropy",
        metrics=["accuracy"],
    )
    ### END SOLUTION
    return modelo


def particion_iris():
    """La partición fija de la tarea: ((X_train, y_train), (X_test, y_test)) sin preprocesar.

    Stratified 80/20 split of ``sklearn.datasets.load_iris`` with
    ``random_state=SEMILLA_PARTICION``: 120 training flowers and 30 test flowers,
    10 of each species. The grader rebuilds the same split on its side.
    """
    from sklearn.datasets import load_iris
    from sklearn.model_selection import train_test_split

    X, y = load_iris(return_X_y=True)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=FRACCION_PRUEBA, stratify=y, random_state=SEMILLA_PARTICION)
    return (X_train, y_train), (X_test, y_test)


def entrenar_referencia(directorio, semilla=0):
    """Entrena el modelo de referencia como la celda del cuaderno. → (ruta, historial).

    ``entrenar_como_el_cuaderno`` with SGD (learning rate 0.1), batches of 16, at most 300
    epochs, the last 20 % of the training flowers for validation and
    ``EarlyStopping(monitor="val_accuracy", patience=30, min_delta=0.0001)`` (the slides' callback).
    """
    parada = keras.callbacks.EarlyStopping(monitor="val_accuracy", patience=PACIENCIA_REFERENCIA,
                                           min_delta=MEJORA_MINIMA_REFERENCIA)
    return entrenar_como_el_cuaderno(directorio, lambda: preparar_datos(*particion_iris()[0]), construir_modelo,
                                     semilla=semilla, epochs=EPOCAS_REFERENCIA, batch_size=TAM_LOTE_REFERENCIA,
                                     validation_split=FRACCION_VALIDACION, callbacks=[parada], verbose=0)
