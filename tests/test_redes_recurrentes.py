"""¿Califica el motor la tarea 15_redes_recurrentes como debe? Referencia, en blanco, funciones rotas, pistas y Keras.

Every submission is graded through the real path (``conftest.calificar`` →
``autograder.motor.calificar_cuaderno``), each in its own sandbox. Mistake notebooks carry at
most one mistake per function, which is sound because every function is graded on its own
(``rnn_adelante`` with the reference ``paso_rnn`` injected). The slow tier (``-m lento``) proves
that iterating the reference ``paso_lstm`` equals ``keras.layers.LSTM`` with the same weights and
that ``contar_parametros_lstm`` equals Keras's ``count_params``; grading itself needs no TensorFlow.
"""
import numpy as np
import pytest

from autograder.calificadores import cargar_tarea
from conftest import (calificar, calificar_con_errores, comprobar_alumno_simulado, comprobar_en_blanco,
                      comprobar_grupos_de_errores, comprobar_que_los_ocultos_no_revelan, comprobar_rotas, con_celda,
                      en_blanco, mensajes_fallidos)
from herramientas.simulados import celda_que_falta
from solutions import redes_recurrentes as referencia

TAREA_ID = "15_redes_recurrentes"
TAREA = cargar_tarea(TAREA_ID)
PUNTOS = {"paso_rnn": 5, "rnn_adelante": 5, "paso_lstm": 6, "contar_parametros_lstm": 4}

_RNN = "h_t = np.tanh(x_t @ Wx + h_prev @ Wh + b)"
_PASO = "h = paso_rnn(X[:, t, :], h, Wx, Wh, b)"
_GUARDAR = "        H[:, t, :] = h\n"
_G_O = "g = np.tanh(z[:, 2 * h:3 * h])\n    o = 1.0 / (1.0 + np.exp(-z[:, 3 * h:]))"
_I_F = "i = 1.0 / (1.0 + np.exp(-z[:, :h]))\n    f = 1.0 / (1.0 + np.exp(-z[:, h:2 * h]))"
_F_G = "f = 1.0 / (1.0 + np.exp(-z[:, h:2 * h]))\n    g = np.tanh(z[:, 2 * h:3 * h])"
_CONTAR = "total = 4 * (h * (d + h) + h)"

# (exercise, old text in the reference cell, new text, fragment of its hint). Each fragment belongs to
# one hint only, so "the hint fires on its mistake and not on another" can be checked by fragment.
ERRORES = {
    "rnn_sin_tanh": ("paso_rnn", _RNN, "h_t = x_t @ Wx + h_prev @ Wh + b", "falta la activación"),
    "rnn_sigmoide": ("paso_rnn", _RNN, "h_t = 1.0 / (1.0 + np.exp(-(x_t @ Wx + h_prev @ Wh + b)))",
                     "no la sigmoide: h_t queda"),
    "rnn_sin_sesgo": ("paso_rnn", _RNN, "h_t = np.tanh(x_t @ Wx + h_prev @ Wh)", "falta sumar el sesgo b"),
    "rnn_sin_estado": ("paso_rnn", _RNN, "h_t = np.tanh(x_t @ Wx + b)", "falta el término recurrente"),
    "rnn_wh_traspuesta": ("paso_rnn", _RNN, "h_t = np.tanh(x_t @ Wx + h_prev @ Wh.T + b)", "no h_prev @ Wh.T"),
    "adelante_solo_el_ultimo": ("rnn_adelante", _GUARDAR, _GUARDAR + "    H = h\n", "Devolviste solo el último estado"),
    "adelante_con_h0": ("rnn_adelante", _GUARDAR, _GUARDAR + "    H = np.concatenate([h0[:, None, :], H], axis=1)\n",
                        "no incluyas h0"),
    "adelante_eje_del_tiempo": ("rnn_adelante", _GUARDAR, _GUARDAR + "    H = H.transpose(1, 0, 2)\n",
                                "El tiempo va en el eje 1"),
    "adelante_sin_recurrencia": ("rnn_adelante", _PASO, "h = paso_rnn(X[:, t, :], h0, Wx, Wh, b)",
                                 "cada paso recibió h0"),
    "adelante_pesos_nuevos": ("rnn_adelante", _PASO, "h = paso_rnn(X[:, t, :], h, np.random.randn(*Wx.shape), Wh, b)",
                              "creas pesos nuevos"),
    "lstm_orden_ifoc": ("paso_lstm", _G_O,
                        "g = np.tanh(z[:, 3 * h:])\n    o = 1.0 / (1.0 + np.exp(-z[:, 2 * h:3 * h]))",
                        "el orden i, f, o, c"),
    "lstm_orden_icfo": ("paso_lstm", _F_G,
                        "f = 1.0 / (1.0 + np.exp(-z[:, 2 * h:3 * h]))\n    g = np.tanh(z[:, h:2 * h])",
                        "el orden i, c, f, o"),
    "lstm_orden_fico": ("paso_lstm", _I_F,
                        "i = 1.0 / (1.0 + np.exp(-z[:, h:2 * h]))\n    f = 1.0 / (1.0 + np.exp(-z[:, :h]))",
                        "el orden f, i, c, o"),
    "lstm_candidata_sigmoide": ("paso_lstm", "g = np.tanh(z[:, 2 * h:3 * h])",
                                "g = 1.0 / (1.0 + np.exp(-z[:, 2 * h:3 * h]))", "la candidata g_t usa tanh"),
    "lstm_sin_olvido": ("paso_lstm", "c_t = f * c_prev + i * g", "c_t = i * g", "falta la puerta de olvido"),
    "lstm_sin_tanh_de_c": ("paso_lstm", "h_t = o * np.tanh(c_t)", "h_t = o * c_t", "falta la tanh de la memoria"),
    "lstm_h_y_c_cambiados": ("paso_lstm", "return h_t, c_t", "return c_t, h_t",
                             "devolviste la memoria c_t donde va el estado h_t"),
    "contar_sin_sesgos": ("contar_parametros_lstm", _CONTAR, "total = 4 * h * (d + h)", "faltan los sesgos"),
    "contar_una_puerta": ("contar_parametros_lstm", _CONTAR, "total = h * (d + h) + h", "contaste una sola puerta"),
    "contar_sin_U": ("contar_parametros_lstm", _CONTAR, "total = 4 * (h * d + h)", "faltan los pesos recurrentes U"),
    "contar_d_y_h_intercambiados": ("contar_parametros_lstm", _CONTAR, "total = 4 * (d * (d + h) + d)",
                                    "intercambiaste d y h"),
    "contar_tres_puertas": ("contar_parametros_lstm", _CONTAR, "total = 3 * (h * (d + h) + h)", "contaste 3 puertas"),
}
_POR_EJERCICIO = {e: [n for n in ERRORES if ERRORES[n][0] == e] for e in TAREA.ejercicios}
# Notebook k carries the k-th mistake of each exercise (at most one mistake per function).
CUADERNOS_CON_ERRORES = tuple(
    tuple(nombres[k] for nombres in _POR_EJERCICIO.values() if k < len(nombres))
    for k in range(max(len(n) for n in _POR_EJERCICIO.values())))


# Fixtures fuente and resultado_referencia: tests/conftest.py (from TAREA_ID).

@pytest.fixture(scope="module")
def resultados_con_errores(fuente):
    """{nombre del error: resultado del cuaderno que lo contiene}: one grading per notebook."""
    return calificar_con_errores(fuente, TAREA_ID, ERRORES, CUADERNOS_CON_ERRORES, una_vez=True)


def test_los_grupos_cubren_cada_error_una_vez_y_cada_cuaderno_rompe_cada_funcion_a_lo_sumo_una_vez():
    comprobar_grupos_de_errores(ERRORES, CUADERNOS_CON_ERRORES)


def test_declaracion_y_puntos():
    assert TAREA.ejercicios == tuple(PUNTOS)
    assert {e: TAREA.puntos(e) for e in TAREA.ejercicios} == PUNTOS
    assert TAREA.dependencias == {"rnn_adelante": ("paso_rnn",)}
    assert not TAREA.usa_keras and TAREA.precargar == ("numpy",)


def test_la_referencia_obtiene_todos_los_puntos(resultado_referencia):
    fallidas = [c.mensaje for c in resultado_referencia.casos if not c.aprobada]
    assert fallidas == []
    assert resultado_referencia.puntaje == resultado_referencia.puntaje_max == sum(PUNTOS.values()) == 20
    assert all(s["error"] is None for s in resultado_referencia.salidas_celdas)
    print(f"calificar: {resultado_referencia.segundos:.1f} s")


def test_el_cuaderno_en_blanco_obtiene_cero(fuente):
    comprobar_en_blanco(fuente, TAREA_ID)


@pytest.mark.parametrize("rotas", [("paso_rnn", "paso_lstm"), ("rnn_adelante", "contar_parametros_lstm")],
                         ids=["pasos_rotos", "secuencia_y_conteo_rotos"])
def test_cada_funcion_rota_solo_cuesta_sus_puntos(fuente, resultado_referencia, rotas):
    """A broken paso_rnn leaves rnn_adelante, which calls it, with all its points (the reference is injected)."""
    comprobar_rotas(fuente, TAREA_ID, TAREA, PUNTOS, rotas)


@pytest.mark.parametrize("nombre", sorted(ERRORES))
def test_cada_error_conocido_recibe_su_pista_y_ninguna_otra(resultados_con_errores, nombre):
    ejercicio, _, _, pista = ERRORES[nombre]
    resultado = resultados_con_errores[nombre]
    mensajes = mensajes_fallidos(resultado, ejercicio)
    assert pista in mensajes, mensajes
    for otro in _POR_EJERCICIO[ejercicio]:
        assert otro == nombre or ERRORES[otro][3] not in mensajes, (otro, mensajes)
    assert resultado.puntaje_ejercicio(ejercicio) < PUNTOS[ejercicio]
    assert resultado.puntaje_ejercicio(ejercicio) == 0  # the hidden case fails too: no points for a known mistake


def test_los_mensajes_de_casos_ocultos_no_revelan_valores_esperados(resultados_con_errores):
    comprobar_que_los_ocultos_no_revelan(resultados_con_errores.values(), len(ERRORES),
                                         ("esperado:", "obtenido:", "se esperaba 8320"))


MEMORIZADOR = '''import numpy as np


def paso_rnn(x_t, h_prev, Wx, Wh, b):
    return np.array([[0.78180636, -0.60436778]])


def rnn_adelante(X, h0, Wx, Wh, b):
    return np.array([[[0.76159416], [0.36339948], [0.17972621], [0.08962199]]])


def paso_lstm(x_t, h_prev, c_prev, W, U, b):
    return np.array([[0.41962506]]), np.array([[1.21863179]])


def contar_parametros_lstm(d, h):
    return 8320
'''


def test_copiar_los_resultados_de_los_ejemplos_publicos_no_da_puntos(fuente):
    nb = en_blanco(fuente)
    for ejercicio in TAREA.ejercicios:
        nb = con_celda(nb, ejercicio, MEMORIZADOR)
    resultado = calificar(nb, TAREA_ID)
    publicos = [c for c in resultado.casos if not c.oculta]
    assert publicos and all(c.aprobada for c in publicos)
    assert resultado.puntaje == 0


# -- simulated students (herramientas/simulados/redes_recurrentes.py) ------------------------

@pytest.mark.parametrize("perfil", ["parcial", "roto"])
def test_alumnos_simulados(fuente, resultado_referencia, perfil):
    pierden = {"parcial": ("paso_lstm", "contar_parametros_lstm"), "roto": (celda_que_falta(TAREA_ID),)}[perfil]
    comprobar_alumno_simulado(fuente, TAREA_ID, TAREA, resultado_referencia, perfil, pierden)


# -- the reference against Keras (slow tier: imports TensorFlow) ------------------------------

def _lstm_de_referencia(X, W, U, b):
    """(secuencia (n, T, h), h_T, c_T) iterating the reference paso_lstm from zero states."""
    n, T, _ = X.shape
    h = U.shape[0]
    h_t, c_t = np.zeros((n, h)), np.zeros((n, h))
    estados = []
    for t in range(T):
        h_t, c_t = referencia.paso_lstm(X[:, t].astype(float), h_t, c_t, W, U, b)
        estados.append(h_t)
    return np.stack(estados, axis=1), h_t, c_t


@pytest.mark.lento
@pytest.mark.parametrize("n, T, d, h", [(3, 7, 4, 5), (1, 12, 1, 1), (2, 5, 6, 3)])
def test_paso_lstm_de_referencia_es_keras_layers_LSTM(n, T, d, h):
    import keras

    rng = np.random.default_rng(1000 * d + h)
    X = rng.normal(size=(n, T, d)).astype("float32")
    W, U, b = rng.normal(0, 0.7, (d, 4 * h)), rng.normal(0, 0.7, (h, 4 * h)), rng.normal(0, 0.5, 4 * h)
    capa = keras.layers.LSTM(h, return_sequences=True, return_state=True)
    capa.build((n, T, d))
    capa.set_weights([W, U, b])
    secuencia, h_keras, c_keras = (np.asarray(v) for v in capa(X))
    nuestra, h_t, c_t = _lstm_de_referencia(X, W, U, b)
    np.testing.assert_allclose(nuestra, secuencia, atol=1e-5, rtol=0)
    np.testing.assert_allclose(h_t, h_keras, atol=1e-5, rtol=0)
    np.testing.assert_allclose(c_t, c_keras, atol=1e-5, rtol=0)
    # The hinted gate orders really are wrong for Keras (they would not pass the same comparison).
    for perm in ((0, 1, 3, 2), (0, 2, 1, 3), (1, 0, 2, 3)):
        columnas = np.concatenate([np.arange(k * h, (k + 1) * h) for k in perm])
        otra = _lstm_de_referencia(X, W[:, columnas], U[:, columnas], b[columnas])[0]
        assert not np.allclose(otra, secuencia, atol=1e-5)


@pytest.mark.lento
def test_contar_parametros_lstm_es_count_params_de_keras():
    import keras

    for d, h in ((32, 32), (7, 3), (1, 1), (100, 16)):
        capa = keras.layers.LSTM(h)
        capa.build((None, None, d))
        assert capa.count_params() == referencia.contar_parametros_lstm(d, h), (d, h)
    modelo = keras.Sequential([keras.Input((200,)), keras.layers.Embedding(10000, 32), keras.layers.LSTM(32)])
    assert modelo.layers[1].count_params() == 8320  # the LSTM row of 11_lstm_imdb's summary
