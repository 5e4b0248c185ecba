"""Solución de referencia de la tarea 04_backprop (red neuronal de dos capas desde cero).

Each function is, character for character, the solution cell of
``assignments/04_backprop/04_backprop.ipynb`` (a test keeps them equal). The
``### BEGIN/END SOLUTION`` comments mark what nbgrader removes in the
student's copy. Layers follow the cs231n API: ``*_adelante`` returns
``(salida, cache)`` and ``*_atras(dsalida, cache)`` returns the gradients.

Initialisation (``inicializar_red``): He, ``W ~ N(0, 1) · sqrt(2 / fan_in)``
drawn with ``np.random.default_rng(semilla)`` (first W1, then W2), zero biases.
With it the reference ``entrenar_red`` solves XOR 4/4 and reaches about 0.97 on
the optdigits test set (see ``autograder/calificadores/backprop/test_entrenar_red.py``).
"""
import numpy as np


def sigmoide(z):
    """Función sigmoide (logística), elemento a elemento.

    Args:
        z: array de cualquier forma.

    Returns:
        s: array de la misma forma que z, con s = 1 / (1 + exp(-z)), valores en (0, 1).
           Debe dar valores finitos aunque z tenga entradas como ±1000.
    """
    z = np.asarray(z, dtype=float)
    s = None
    ### BEGIN SOLUTION
    e = np.exp(-np.abs(z))  # exp of a non-positive number never overflows
    s = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    ### END SOLUTION
    return s


def derivada_sigmoide(z):
    """Derivada de la sigmoide respecto de su entrada z, elemento a elemento.

    Args:
        z: array de cualquier forma (la entrada de la sigmoide, no su salida).

    Returns:
        ds: array de la misma forma que z, con ds = σ(z) · (1 - σ(z)).
    """
    z = np.asarray(z, dtype=float)
    ds = None
    ### BEGIN SOLUTION
    s = sigmoide(z)
    ds = s * (1.0 - s)
    ### END SOLUTION
    return ds


def relu(z):
    """ReLU (unidad lineal rectificada), elemento a elemento.

    Args:
        z: array de cualquier forma.

    Returns:
        a: array de la misma forma que z, con a = max(0, z).
    """
    z = np.asarray(z, dtype=float)
    a = None
    ### BEGIN SOLUTION
    a = np.maximum(0.0, z)
    ### END SOLUTION
    return a


def derivada_relu(z):
    """Derivada de ReLU respecto de z, elemento a elemento.

    Args:
        z: array de cualquier forma.

    Returns:
        dr: array de floats de la misma forma que z: 1.0 donde z > 0 y 0.0 donde z <= 0
            (en z = 0 la derivada no existe; por convención usamos 0).
    """
    z = np.asarray(z, dtype=float)
    dr = None
    ### BEGIN SOLUTION
    dr = (z > 0).astype(float)
    ### END SOLUTION
    return dr


def derivada_tanh(z):
    """Derivada de la tangente hiperbólica respecto de z, elemento a elemento.

    Args:
        z: array de cualquier forma (la entrada de tanh).

    Returns:
        dt: array de la misma forma que z, con dt = 1 - tanh(z)².
    """
    z = np.asarray(z, dtype=float)
    dt = None
    ### BEGIN SOLUTION
    dt = 1.0 - np.tanh(z) ** 2
    ### END SOLUTION
    return dt


def tanh_desde_sigmoide(z):
    """Tangente hiperbólica construida con la sigmoide: tanh(z) = 2·σ(2z) − 1, elemento a elemento.

    (La diapositiva escribe «TanH = (Sigmoid*2)-1», es decir 2·σ(z) − 1, que es tanh(z/2): falta
    multiplicar también la entrada por 2.)

    Args:
        z: array de cualquier forma.

    Returns:
        t: array de la misma forma que z, igual a np.tanh(z), con valores en [-1, 1].
           Debe dar valores finitos aunque z tenga entradas como ±1000.
    """
    z = np.asarray(z, dtype=float)
    t = None
    ### BEGIN SOLUTION
    t = 2.0 * sigmoide(2.0 * z) - 1.0
    ### END SOLUTION
    return t


def leaky_relu(z, alfa=0.01):
    """Leaky ReLU, elemento a elemento: z donde z > 0 y alfa·z donde z <= 0.

    Args:
        z: array de cualquier forma.
        alfa: pendiente (pequeña, positiva) de la parte negativa.

    Returns:
        a: array de la misma forma que z.
    """
    z = np.asarray(z, dtype=float)
    a = None
    ### BEGIN SOLUTION
    a = np.where(z > 0, z, alfa * z)
    ### END SOLUTION
    return a


def derivada_leaky_relu(z, alfa=0.01):
    """Derivada de Leaky ReLU respecto de z, elemento a elemento.

    Args:
        z: array de cualquier forma.
        alfa: pendiente de la parte negativa.

    Returns:
        dl: array de floats de la misma forma que z: 1.0 donde z > 0 y alfa donde z <= 0
            (en z = 0 la derivada no existe; como en derivada_relu, usamos el valor de la
            izquierda: alfa).
    """
    z = np.asarray(z, dtype=float)
    dl = None
    ### BEGIN SOLUTION
    dl = np.where(z > 0, 1.0, alfa)
    ### END SOLUTION
    return dl


def densa_adelante(X, W, b):
    """Paso hacia adelante de una capa densa (afín): Z = X W + b.

    Args:
        X: array (n, d) con n ejemplos de d características.
        W: array (d, m) de pesos.
        b: array (m,) de sesgos.

    Returns:
        Z: array (n, m).
        cache: la tupla (X, W, b), que densa_atras necesita.
    """
    X = np.asarray(X, dtype=float)
    W = np.asarray(W, dtype=float)
    b = np.asarray(b, dtype=float)
    Z, cache = None, None
    ### BEGIN SOLUTION
    Z = X @ W + b
    cache = (X, W, b)
    ### END SOLUTION
    return Z, cache


def densa_atras(dZ, cache):
    """Paso hacia atrás de una capa densa.

    Args:
        dZ: array (n, m), gradiente de la pérdida respecto de la salida Z.
        cache: la tupla (X, W, b) que devolvió densa_adelante, con X (n, d), W (d, m), b (m,).

    Returns:
        dX: array (n, d), gradiente respecto de X.
        dW: array (d, m), gradiente respecto de W.
        db: array (m,), gradiente respecto de b.
    """
    dZ = np.asarray(dZ, dtype=float)
    X, W, b = cache
    dX, dW, db = None, None, None
    ### BEGIN SOLUTION
    dX = dZ @ W.T
    dW = X.T @ dZ
    db = np.sum(dZ, axis=0)
    ### END SOLUTION
    return dX, dW, db


def relu_adelante(Z):
    """Paso hacia adelante de una capa ReLU.

    Args:
        Z: array de cualquier forma, normalmente (n, h).

    Returns:
        A: array de la misma forma, A = max(0, Z).
        cache: Z, la entrada (relu_atras la necesita para saber dónde Z > 0).
    """
    Z = np.asarray(Z, dtype=float)
    A, cache = None, None
    ### BEGIN SOLUTION
    A = np.maximum(0.0, Z)
    cache = Z
    ### END SOLUTION
    return A, cache


def relu_atras(dA, cache):
    """Paso hacia atrás de una capa ReLU.

    Args:
        dA: array, gradiente de la pérdida respecto de la salida A (misma forma que Z).
        cache: Z, la entrada que guardó relu_adelante.

    Returns:
        dZ: array de la misma forma que Z: dA donde Z > 0 y 0 donde Z <= 0.
    """
    dA = np.asarray(dA, dtype=float)
    Z = np.asarray(cache, dtype=float)
    dZ = None
    ### BEGIN SOLUTION
    dZ = dA * (Z > 0)
    ### END SOLUTION
    return dZ


def softmax_entropia(Z, y):
    """Softmax seguida de la entropía cruzada media, y su gradiente respecto de los logits.

    Args:
        Z: array (n, k) de logits (puntuaciones sin normalizar).
        y: array (n,) de etiquetas enteras entre 0 y k-1.

    Returns:
        perdida: float, la media sobre los ejemplos de -log P[i, y[i]], con P = softmax(Z) por filas.
        dZ: array (n, k), gradiente de la pérdida respecto de Z: (P - Y) / n, con Y la matriz one-hot.
            Debe ser estable: sin nan ni inf aunque Z tenga valores como ±1000.
    """
    Z = np.asarray(Z, dtype=float)
    y = np.asarray(y).astype(int)
    perdida, dZ = None, None
    ### BEGIN SOLUTION
    n = Z.shape[0]
    desplazado = Z - np.max(Z, axis=1, keepdims=True)
    log_suma = np.log(np.sum(np.exp(desplazado), axis=1))
    perdida = float(np.mean(log_suma - desplazado[np.arange(n), y]))
    P = np.exp(desplazado - log_suma[:, None])
    P[np.arange(n), y] -= 1.0
    dZ = P / n
    ### END SOLUTION
    return perdida, dZ


def gradiente_numerico(f, x, h=1e-5):
    """Gradiente numérico de una función escalar f por diferencias centradas.

    Para cada entrada x[i] calcula (f(x + h·e_i) - f(x - h·e_i)) / (2h). Modifica x en su
    sitio durante el cálculo (así funciona también si f usa x por referencia, como los
    pesos de una red) y deja cada entrada exactamente como estaba.

    Args:
        f: función que recibe un array como x y devuelve un float.
        x: array de floats de cualquier forma.
        h: paso de la diferencia.

    Returns:
        grad: array de la misma forma que x con la derivada parcial de f en cada entrada.
    """
    grad = np.zeros(np.shape(x), dtype=float)
    ### BEGIN SOLUTION
    for indice in np.ndindex(*x.shape):
        original = x[indice]
        x[indice] = original + h
        f_mas = f(x)
        x[indice] = original - h
        f_menos = f(x)
        x[indice] = original
        grad[indice] = (f_mas - f_menos) / (2 * h)
    ### END SOLUTION
    return grad


def inicializar_red(d, h, k, semilla=0):
    """Parámetros iniciales de una red densa → ReLU → densa.

    Inicialización de He: con rng = np.random.default_rng(semilla), primero
    W1 = rng.normal(size=(d, h)) · sqrt(2 / d) y después W2 = rng.normal(size=(h, k)) · sqrt(2 / h).
    Los sesgos empiezan en cero.

    Args:
        d: número de características de entrada.
        h: número de unidades ocultas.
        k: número de clases.
        semilla: semilla del generador.

    Returns:
        params: dict con "W1" (d, h), "b1" (h,), "W2" (h, k) y "b2" (k,).
    """
    params = {}
    ### BEGIN SOLUTION
    rng = np.random.default_rng(semilla)
    params["W1"] = rng.normal(size=(d, h)) * np.sqrt(2.0 / d)
    params["b1"] = np.zeros(h)
    params["W2"] = rng.normal(size=(h, k)) * np.sqrt(2.0 / h)
    params["b2"] = np.zeros(k)
    ### END SOLUTION
    return params


def perdida_y_gradientes(params, X, y):
    """Pérdida y gradientes de la red densa → ReLU → densa → softmax con entropía cruzada.

    Args:
        params: dict con "W1" (d, h), "b1" (h,), "W2" (h, k) y "b2" (k,).
        X: array (n, d) de ejemplos.
        y: array (n,) de etiquetas enteras entre 0 y k-1.

    Returns:
        perdida: float, la entropía cruzada media.
        grads: dict con las mismas claves y formas que params: grads["W1"] = ∂perdida/∂W1, etc.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y).astype(int)
    perdida, grads = None, {}
    ### BEGIN SOLUTION
    Z1, cache_densa1 = densa_adelante(X, params["W1"], params["b1"])
    A1, cache_relu = relu_adelante(Z1)
    Z2, cache_densa2 = densa_adelante(A1, params["W2"], params["b2"])
    perdida, dZ2 = softmax_entropia(Z2, y)
    dA1, grads["W2"], grads["b2"] = densa_atras(dZ2, cache_densa2)
    dZ1 = relu_atras(dA1, cache_relu)
    _, grads["W1"], grads["b1"] = densa_atras(dZ1, cache_densa1)
    ### END SOLUTION
    return perdida, grads


def entrenar_red(X, y, h=32, tasa=0.5, epocas=300, tam_lote=64, semilla=0):
    """Entrena la red de dos capas con descenso de gradiente estocástico por mini-lotes.

    Parte de inicializar_red(d, h, k, semilla) con k = max(y) + 1. En cada época baraja los
    ejemplos con rng.permutation(n), donde rng = np.random.default_rng(semilla) se crea una
    sola vez antes de la primera época, y recorre los lotes consecutivos de tam_lote ejemplos
    (el último puede ser menor), actualizando cada parámetro con p = p - tasa · grads[p].

    Args:
        X: array (n, d) de ejemplos.
        y: array (n,) de etiquetas enteras entre 0 y k-1.
        h: número de unidades ocultas.
        tasa: tasa de aprendizaje.
        epocas: número de pasadas completas por los datos.
        tam_lote: número de ejemplos por mini-lote.
        semilla: semilla de la inicialización y del barajado.

    Returns:
        params: dict con los parámetros entrenados ("W1", "b1", "W2", "b2").
        historial: lista de `epocas` floats; historial[i] es la media de las pérdidas de los
                   mini-lotes de la época i (cada una calculada antes de su actualización).
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y).astype(int)
    params, historial = None, []
    ### BEGIN SOLUTION
    n, d = X.shape
    params = inicializar_red(d, h, int(np.max(y)) + 1, semilla)
    rng = np.random.default_rng(semilla)
    for _ in range(epocas):
        orden = rng.permutation(n)
        perdidas = []
        for inicio in range(0, n, tam_lote):
            lote = orden[inicio : inicio + tam_lote]
            perdida, grads = perdida_y_gradientes(params, X[lote], y[lote])
            perdidas.append(perdida)
            for nombre in params:
                params[nombre] = params[nombre] - tasa * grads[nombre]
        historial.append(float(np.mean(perdidas)))
    ### END SOLUTION
    return params, historial


def predecir_red(params, X):
    """Clase predicha por la red para cada ejemplo.

    Args:
        params: dict con "W1" (d, h), "b1" (h,), "W2" (h, k) y "b2" (k,).
        X: array (n, d) de ejemplos.

    Returns:
        y_pred: array (n,) de enteros: el índice del logit más alto de cada fila
                (en caso de empate, el primero, como np.argmax).
    """
    X = np.asarray(X, dtype=float)
    y_pred = None
    ### BEGIN SOLUTION
    A1 = np.maximum(0.0, X @ params["W1"] + params["b1"])
    y_pred = np.argmax(A1 @ params["W2"] + params["b2"], axis=1)
    ### END SOLUTION
    return y_pred


def tanh_desde_sigmoide_variantes(z):
    """Grader side (not in the notebook): (2·σ(z) − 1, σ(2z)), the known wrong outputs that the hidden cases of
    `tanh_desde_sigmoide` recognise, with σ(z) = (1 + tanh(z/2)) / 2 (finite for any z)."""
    sigma = lambda x: 0.5 * (1.0 + np.tanh(x / 2.0))  # noqa: E731
    return 2.0 * sigma(z) - 1.0, sigma(2.0 * z)
