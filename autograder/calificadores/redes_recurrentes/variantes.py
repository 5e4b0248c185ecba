"""Respuestas equivocadas conocidas (calculadas en el lado de confianza) para reconocer errores y dar su pista."""
import numpy as np


def sigmoide(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # = 1 / (1 + e^-z), without overflow warnings


def rnn(x_t, h_prev, Wx, Wh, b, activacion=np.tanh, con_sesgo=True, con_estado=True):
    z = x_t @ Wx + (h_prev @ Wh if con_estado else 0.0) + (b if con_sesgo else 0.0)
    return activacion(z)


def lstm(x_t, h_prev, c_prev, W, U, b, orden="ifco", candidata=np.tanh, con_olvido=True, tanh_de_c=True):
    """Un paso de LSTM leyendo las puertas en `orden` (letras i, f, c, o) en lugar del de Keras, «ifco»."""
    h = h_prev.shape[1]
    z = x_t @ W + h_prev @ U + b
    bloque = {letra: z[:, k * h:(k + 1) * h] for k, letra in enumerate(orden)}
    i, f, o = sigmoide(bloque["i"]), sigmoide(bloque["f"]), sigmoide(bloque["o"])
    g = candidata(bloque["c"])
    c_t = (f * c_prev if con_olvido else 0.0) + i * g
    h_t = o * (np.tanh(c_t) if tanh_de_c else c_t)
    return h_t, c_t


PISTA_ORDEN = {
    "ifoc": ("leíste las puertas en el orden i, f, o, c (el de cs231n, i, f, o, g). Keras guarda las cuatro "
             "puertas en el orden i, f, c, o: columnas [0:h] entrada, [h:2h] olvido, [2h:3h] candidata, [3h:4h] salida."),
    "icfo": ("leíste las puertas en el orden i, c, f, o (el de la antigua LSTMCell de TensorFlow 1, «i, j, f, o»). "
             "Keras guarda las cuatro puertas en el orden i, f, c, o: columnas [0:h] entrada, [h:2h] olvido, "
             "[2h:3h] candidata, [3h:4h] salida."),
    "fico": ("leíste las puertas en el orden f, i, c, o (el orden en que muchos textos presentan las ecuaciones). "
             "Keras guarda las cuatro puertas en el orden i, f, c, o: columnas [0:h] entrada, [h:2h] olvido, "
             "[2h:3h] candidata, [3h:4h] salida."),
}
PISTA_CANDIDATA_SIGMOIDE = ("la candidata g_t usa tanh, no la sigmoide: las tres puertas (i, f, o) son sigmoides entre 0 y 1, "
                            "pero la candidata propone valores entre −1 y 1 para sumar o restar a la memoria.")
PISTA_SIN_OLVIDO = ("falta la puerta de olvido: c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t. Con c_t = i_t ⊙ g_t la LSTM "
                    "pierde toda su memoria en cada paso.")
PISTA_SIN_TANH_DE_C = "la salida es h_t = o_t ⊙ tanh(c_t): falta la tanh de la memoria."
PISTA_H_Y_C_CAMBIADOS = ("devolviste la memoria c_t donde va el estado h_t: la función devuelve (h_t, c_t), "
                         "en ese orden, como return_state de Keras (salida, estado h, estado c).")
