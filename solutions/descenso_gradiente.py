"""Solución de referencia de la tarea 02_descenso_gradiente (regresión lineal múltiple).

Each function is, character for character, the solution cell of
``assignments/02_descenso_gradiente/02_descenso_gradiente.ipynb`` (a test keeps
them equal). The ``### BEGIN/END SOLUTION`` comments mark what nbgrader
removes in the student's copy.
"""
import numpy as np


def normalizar_minmax(X):
    """Lleva cada columna de X al intervalo [0, 1] (normalización min-max).

    Args:
        X: array (n, d): n ejemplos con d características.

    Returns:
        X_norm: array (n, d) con X_norm[:, j] = (X[:, j] - min_j) / (max_j - min_j),
                donde min_j y max_j son el mínimo y el máximo de la columna j.
                Una columna constante (max_j == min_j) se convierte en una columna de ceros.
    """
    X = np.asarray(X, dtype=float)
    X_norm = None
    ### BEGIN SOLUTION
    minimo = np.min(X, axis=0)
    rango = np.max(X, axis=0) - minimo
    rango_sin_ceros = np.where(rango > 0, rango, 1.0)
    X_norm = (X - minimo) / rango_sin_ceros
    ### END SOLUTION
    return X_norm


def normalizar_zscore(X):
    """Estandariza cada columna de X: media 0 y desviación típica 1 (normalización z-score).

    Args:
        X: array (n, d): n ejemplos con d características.

    Returns:
        X_norm: array (n, d) con X_norm[:, j] = (X[:, j] - media_j) / desviacion_j, donde
                desviacion_j es la desviación típica poblacional (np.std con ddof=0, que divide
                entre n). Una columna constante (max_j == min_j) se convierte en una columna de ceros.
    """
    X = np.asarray(X, dtype=float)
    X_norm = None
    ### BEGIN SOLUTION
    media = np.mean(X, axis=0)
    constante = np.max(X, axis=0) == np.min(X, axis=0)
    desviacion = np.where(constante, 1.0, np.std(X, axis=0))
    X_norm = np.where(constante, 0.0, (X - media) / desviacion)
    ### END SOLUTION
    return X_norm


def predecir_lineal(X, W, b):
    """Predicciones de un modelo lineal con varias salidas: Ŷ = X W + b.

    Args:
        X: array (n, d) de ejemplos.
        W: array (d, m) de pesos: la columna k son los pesos de la salida k.
        b: array (m,) de sesgos, uno por salida.

    Returns:
        Y_pred: array (n, m); Y_pred[i, k] = Σ_j X[i, j] · W[j, k] + b[k].
    """
    X = np.asarray(X, dtype=float)
    W = np.asarray(W, dtype=float)
    b = np.asarray(b, dtype=float)
    Y_pred = None
    ### BEGIN SOLUTION
    Y_pred = X @ W + b
    ### END SOLUTION
    return Y_pred


def error_cuadratico_medio(Y, Y_pred):
    """Error cuadrático medio (ECM) entre los valores reales y las predicciones.

    Args:
        Y: array (n, m) de valores reales.
        Y_pred: array (n, m) de predicciones.

    Returns:
        ecm: float, la media de (Y - Y_pred)**2 sobre TODAS las n·m entradas.
    """
    Y = np.asarray(Y, dtype=float)
    Y_pred = np.asarray(Y_pred, dtype=float)
    ecm = None
    ### BEGIN SOLUTION
    ecm = float(np.mean((Y - Y_pred) ** 2))
    ### END SOLUTION
    return ecm


def gradientes_lineal(X, Y, W, b):
    """Gradiente de error_cuadratico_medio(Y, predecir_lineal(X, W, b)) respecto de W y b.

    Con R = X W + b - Y (los residuos, forma (n, m)):
        dW = 2 / (n·m) · Xᵀ R        y        db = 2 / (n·m) · Σ_i R[i, :]

    Args:
        X: array (n, d) de ejemplos.
        Y: array (n, m) de valores reales.
        W: array (d, m) de pesos.
        b: array (m,) de sesgos.

    Returns:
        dW: array (d, m), la misma forma que W.
        db: array (m,), la misma forma que b.
    """
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y, dtype=float)
    W = np.asarray(W, dtype=float)
    b = np.asarray(b, dtype=float)
    dW, db = None, None
    ### BEGIN SOLUTION
    residuos = predecir_lineal(X, W, b) - Y
    escala = 2.0 / residuos.size
    dW = escala * (X.T @ residuos)
    db = escala * np.sum(residuos, axis=0)
    ### END SOLUTION
    return dW, db


def descenso_gradiente(X, Y, tasa=0.01, epocas=100, tam_lote=32, semilla=0):
    """Ajusta W y b por descenso de gradiente con mini-lotes, minimizando el ECM.

    Parte de W = 0 y b = 0. Crea UN generador `rng = np.random.default_rng(semilla)` antes
    del bucle y, al comienzo de cada época, baraja los ejemplos con `orden = rng.permutation(n)`.
    Recorre `orden` en lotes consecutivos de `tam_lote` ejemplos (el último lote puede ser más
    pequeño: hay ceil(n / tam_lote) actualizaciones por época) y, con cada lote, hace
    W ← W - tasa · dW y b ← b - tasa · db, con los gradientes del ECM de ese lote.

    Args:
        X: array (n, d) de ejemplos (conviene normalizarlos antes).
        Y: array (n, m) de valores reales.
        tasa: tasa de aprendizaje.
        epocas: número de pasadas completas por los datos.
        tam_lote: número de ejemplos por actualización.
        semilla: semilla del barajado.

    Returns:
        W: array (d, m) aprendido.
        b: array (m,) aprendido.
        historial: lista de `epocas` floats; historial[i] es el ECM sobre TODOS los datos con los
                   parámetros que hay al terminar la época i.
    """
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y, dtype=float)
    if X.ndim != 2 or Y.ndim != 2 or X.shape[0] != Y.shape[0]:
        raise ValueError("X debe tener forma (n, d) e Y forma (n, m); para una sola salida usa Y.reshape(-1, 1)")
    n, d = X.shape
    m = Y.shape[1]
    W = np.zeros((d, m))
    b = np.zeros(m)
    historial = []
    ### BEGIN SOLUTION
    rng = np.random.default_rng(semilla)
    for _ in range(epocas):
        orden = rng.permutation(n)
        for inicio in range(0, n, tam_lote):
            lote = orden[inicio:inicio + tam_lote]
            dW, db = gradientes_lineal(X[lote], Y[lote], W, b)
            W = W - tasa * dW
            b = b - tasa * db
        historial.append(error_cuadratico_medio(Y, predecir_lineal(X, W, b)))
    ### END SOLUTION
    return W, b, historial


# Grader side (not in the notebook): the data of the hidden cases of `descenso_gradiente`.
def regresion_sintetica(rng, n, d, m, ruido=0.5):
    """Standardized X (n, d) (columns to mean 0 and population standard deviation 1) and Y = X W + b + noise
    (n, m), with W, b of order 1."""
    X = rng.normal(size=(n, d))
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    W, b = rng.normal(size=(d, m)), rng.normal(size=m)
    return X, X @ W + b + rng.normal(0.0, ruido, size=(n, m))
