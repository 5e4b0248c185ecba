"""Solución de referencia de la tarea 03_softmax_entropia (regresión logística múltiple).

Each function is, character for character, the solution cell of
``assignments/03_softmax_entropia/03_softmax_entropia.ipynb`` (a test keeps
them equal). The ``### BEGIN/END SOLUTION`` comments mark what nbgrader
removes in the student's copy.
"""
import numpy as np


def softmax(Z):
    """Convierte puntuaciones (logits) en probabilidades, fila por fila.

    Args:
        Z: array (n, k) de puntuaciones. Un array 1-D (k,) se trata como una sola fila.

    Returns:
        P: array de la misma forma que Z; cada fila es positiva y suma 1.
           Debe ser estable: sin nan ni inf aunque Z tenga valores como ±1000.
    """
    Z = np.asarray(Z, dtype=float)
    P = None
    ### BEGIN SOLUTION
    desplazado = Z - np.max(Z, axis=-1, keepdims=True)
    exponenciales = np.exp(desplazado)
    P = exponenciales / np.sum(exponenciales, axis=-1, keepdims=True)
    ### END SOLUTION
    return P


def one_hot(y, k):
    """Codifica etiquetas enteras como vectores «one-hot».

    Args:
        y: array (n,) de enteros entre 0 y k-1.
        k: número de clases.

    Returns:
        Y: array (n, k) de 0.0 y 1.0 con un único 1 por fila, en la columna y[i].
    """
    y = np.asarray(y).astype(int)
    if y.size and (y.min() < 0 or y.max() >= k):
        raise ValueError(f"las etiquetas deben estar entre 0 y {k - 1}")
    Y = None
    ### BEGIN SOLUTION
    Y = np.zeros((y.shape[0], k))
    Y[np.arange(y.shape[0]), y] = 1.0
    ### END SOLUTION
    return Y


def entropia_cruzada(P, y):
    """Entropía cruzada media de probabilidades P frente a etiquetas enteras y.

    Args:
        P: array (n, k) de probabilidades (cada fila suma 1).
        y: array (n,) de etiquetas enteras entre 0 y k-1.

    Returns:
        perdida: float, la media sobre las filas de -log P[i, y[i]], con las
                 probabilidades recortadas a [1e-12, 1] para no calcular log(0).
    """
    P = np.asarray(P, dtype=float)
    y = np.asarray(y).astype(int)
    perdida = None
    ### BEGIN SOLUTION
    correctas = np.clip(P[np.arange(P.shape[0]), y], 1e-12, 1.0)
    perdida = float(-np.mean(np.log(correctas)))
    ### END SOLUTION
    return perdida


def entropia_cruzada_binaria(p, y):
    """Entropía cruzada binaria media.

    Args:
        p: array (n,) con la probabilidad predicha de la clase 1.
        y: array (n,) de etiquetas 0 o 1.

    Returns:
        perdida: float, la media de -[y·log p + (1-y)·log(1-p)], recortando p y
                 1-p a [1e-12, 1] antes del logaritmo.
    """
    p = np.asarray(p, dtype=float)
    y = np.asarray(y, dtype=float)
    perdida = None
    ### BEGIN SOLUTION
    log_p = np.log(np.clip(p, 1e-12, 1.0))
    log_1_menos_p = np.log(np.clip(1.0 - p, 1e-12, 1.0))
    perdida = float(-np.mean(y * log_p + (1.0 - y) * log_1_menos_p))
    ### END SOLUTION
    return perdida


def exactitud(P, y):
    """Fracción de filas cuya clase más probable coincide con la etiqueta.

    Args:
        P: array (n, k) de probabilidades o puntuaciones.
        y: array (n,) de etiquetas enteras.

    Returns:
        acierto: float entre 0 y 1 (en caso de empate gana la primera clase, como np.argmax).
    """
    P = np.asarray(P, dtype=float)
    y = np.asarray(y).astype(int)
    acierto = None
    ### BEGIN SOLUTION
    acierto = float(np.mean(np.argmax(P, axis=1) == y))
    ### END SOLUTION
    return acierto


def gradientes_softmax(X, y, W, b):
    """Gradiente de entropia_cruzada(softmax(X @ W + b), y) respecto de W y b.

    Args:
        X: array (n, d) de ejemplos.
        y: array (n,) de etiquetas enteras entre 0 y k-1.
        W: array (d, k) de pesos.
        b: array (k,) de sesgos.

    Returns:
        dW: array (d, k).
        db: array (k,).
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y).astype(int)
    W = np.asarray(W, dtype=float)
    b = np.asarray(b, dtype=float)
    dW, db = None, None
    ### BEGIN SOLUTION
    n, k = X.shape[0], W.shape[1]
    dZ = (softmax(X @ W + b) - one_hot(y, k)) / n
    dW = X.T @ dZ
    db = np.sum(dZ, axis=0)
    ### END SOLUTION
    return dW, db


def entrenar_regresion_logistica(X, y, k, tasa=0.1, epocas=200, semilla=0):
    """Entrena una regresión logística múltiple con descenso de gradiente por lotes completos.

    Args:
        X: array (n, d) de ejemplos (conviene estandarizarlos).
        y: array (n,) de etiquetas enteras entre 0 y k-1.
        k: número de clases.
        tasa: tasa de aprendizaje.
        epocas: número de actualizaciones (una por época, con todos los ejemplos).
        semilla: se acepta por uniformidad; partir de ceros no necesita azar.

    Returns:
        W: array (d, k) aprendido, partiendo de ceros.
        b: array (k,) aprendido, partiendo de ceros.
        historial: lista de `epocas` floats; historial[i] es la entropía cruzada
                   sobre todos los datos después de la actualización de la época i.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y).astype(int)
    W = np.zeros((X.shape[1], k))
    b = np.zeros(k)
    historial = []
    ### BEGIN SOLUTION
    for _ in range(epocas):
        dW, db = gradientes_softmax(X, y, W, b)
        W = W - tasa * dW
        b = b - tasa * db
        historial.append(entropia_cruzada(softmax(X @ W + b), y))
    ### END SOLUTION
    return W, b, historial
