"""Solución de referencia de la tarea 15_redes_recurrentes (RNN y LSTM desde cero, con NumPy).

Each function is, character for character, the solution cell of
``assignments/15_redes_recurrentes/15_redes_recurrentes.ipynb`` (a test keeps them equal).
The ``### BEGIN/END SOLUTION`` comments mark what nbgrader removes in the student's copy.
``paso_lstm`` uses Keras's weight layout and gate order (i, f, c, o), and a slow-tier test
(``tests/test_redes_recurrentes.py``) checks that iterating it gives what ``keras.layers.LSTM``
gives with the same weights; grading compares with this module, so it needs no TensorFlow.
"""
import numpy as np


def paso_rnn(x_t, h_prev, Wx, Wh, b):
    """Un paso de una red recurrente simple (la SimpleRNN de Keras, con tanh).

    Args:
        x_t: array (n, d), la entrada del instante t para cada uno de los n ejemplos.
        h_prev: array (n, h), el estado oculto del instante anterior.
        Wx: array (d, h), pesos de la entrada.
        Wh: array (h, h), pesos recurrentes (del estado anterior).
        b: array (h,), sesgo.

    Returns:
        h_t: array (n, h), el nuevo estado: tanh(x_t @ Wx + h_prev @ Wh + b).
    """
    h_t = None
    ### BEGIN SOLUTION
    h_t = np.tanh(x_t @ Wx + h_prev @ Wh + b)
    ### END SOLUTION
    return h_t


def rnn_adelante(X, h0, Wx, Wh, b):
    """Recorre una secuencia completa con paso_rnn, usando los mismos pesos en todos los pasos.

    Args:
        X: array (n, T, d), n secuencias de T instantes con d rasgos cada uno.
        h0: array (n, h), el estado inicial.
        Wx, Wh, b: los pesos de paso_rnn, formas (d, h), (h, h) y (h,).

    Returns:
        H: array (n, T, h); H[:, t] es el estado tras leer X[:, t] (h0 no se incluye).
    """
    n, T, _ = X.shape
    H = None
    ### BEGIN SOLUTION
    H = np.zeros((n, T, h0.shape[1]))
    h = h0
    for t in range(T):
        h = paso_rnn(X[:, t, :], h, Wx, Wh, b)
        H[:, t, :] = h
    ### END SOLUTION
    return H


def paso_lstm(x_t, h_prev, c_prev, W, U, b):
    """Un paso de una LSTM con la disposición de pesos de keras.layers.LSTM.

    Las cuatro puertas van en columnas consecutivas de h en el orden de Keras: entrada (i),
    olvido (f), candidata (c, la «g» de otros textos) y salida (o).

    Args:
        x_t: array (n, d), la entrada del instante t.
        h_prev: array (n, h), el estado oculto anterior.
        c_prev: array (n, h), la memoria (estado de celda) anterior.
        W: array (d, 4h), pesos de la entrada (el «kernel» de Keras).
        U: array (h, 4h), pesos recurrentes (el «recurrent_kernel» de Keras).
        b: array (4h,), sesgo.

    Returns:
        (h_t, c_t): dos arrays (n, h), el nuevo estado oculto y la nueva memoria, en ese orden.
    """
    h = h_prev.shape[1]
    h_t, c_t = None, None
    ### BEGIN SOLUTION
    z = x_t @ W + h_prev @ U + b
    i = 1.0 / (1.0 + np.exp(-z[:, :h]))
    f = 1.0 / (1.0 + np.exp(-z[:, h:2 * h]))
    g = np.tanh(z[:, 2 * h:3 * h])
    o = 1.0 / (1.0 + np.exp(-z[:, 3 * h:]))
    c_t = f * c_prev + i * g
    h_t = o * np.tanh(c_t)
    ### END SOLUTION
    return h_t, c_t


def contar_parametros_lstm(d, h):
    """Número de parámetros entrenables de keras.layers.LSTM(h) sobre entradas de d rasgos.

    Args:
        d: int, rasgos de cada instante de la entrada (p. ej. la dimensión del Embedding).
        h: int, unidades de la LSTM.

    Returns:
        int: los de W (d, 4h), U (h, 4h) y b (4h,), es decir 4·(h·(d + h) + h).
    """
    total = None
    ### BEGIN SOLUTION
    total = 4 * (h * (d + h) + h)
    ### END SOLUTION
    return total


# -- errores conocidos (solo para los casos ocultos) -------------------------------------------------
# Not a solution cell: the hidden cases (``referencia`` fixture) compute with these the known wrong
# answers of their random inputs, to name the mistake. They live here, on the trusted side, because with
# their default arguments they compute the right answer: the public kit must not ship them (the public
# cases use literal values of their fixed example instead; ``tests/test_kit_sin_soluciones.py``).

def _sigmoide(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # = 1 / (1 + e^-z), without overflow warnings


_ACTIVACIONES = {"tanh": np.tanh, "sigmoide": _sigmoide, "identidad": lambda z: z}


def paso_rnn_variante(x_t, h_prev, Wx, Wh, b, activacion="tanh", con_sesgo=True, con_estado=True):
    """``paso_rnn`` con un error conocido: otra activación ("sigmoide", "identidad"), sin sesgo o sin estado."""
    z = x_t @ Wx + (h_prev @ Wh if con_estado else 0.0) + (b if con_sesgo else 0.0)
    return _ACTIVACIONES[activacion](z)


def paso_lstm_variante(x_t, h_prev, c_prev, W, U, b, orden="ifco", candidata="tanh", con_olvido=True,
                       tanh_de_c=True):
    """``paso_lstm`` con un error conocido: las puertas leídas en otro ``orden`` (letras i, f, c, o; el de Keras
    es «ifco»), la candidata con otra activación, sin la puerta de olvido o sin la tanh de c_t."""
    h = h_prev.shape[1]
    z = x_t @ W + h_prev @ U + b
    bloque = {letra: z[:, k * h:(k + 1) * h] for k, letra in enumerate(orden)}
    i, f, o = _sigmoide(bloque["i"]), _sigmoide(bloque["f"]), _sigmoide(bloque["o"])
    g = _ACTIVACIONES[candidata](bloque["c"])
    c_t = (f * c_prev if con_olvido else 0.0) + i * g
    h_t = o * (np.tanh(c_t) if tanh_de_c else c_t)
    return h_t, c_t
