"""¿Califica el motor la tarea 16_optimizadores como debe: referencia, en blanco, funciones rotas, pistas?

Every submission goes through the real grading path (``conftest.calificar``). Known mistakes are
grouped: each variant notebook carries at most one mistake per exercise, which is possible because
``minimizar`` is graded with the reference steps. The slow test (``-m lento``) proves that each
reference step equals one step of the corresponding ``keras.optimizers`` class.
"""
import functools
import inspect

import numpy as np
import pytest

from autograder.calificadores import cargar_tarea
from autograder.calificadores.optimizadores import casos_minimizar, casos_paso_adam, casos_paso_momento, casos_paso_rmsprop
from conftest import (calificar, comprobar_en_blanco, comprobar_que_los_ocultos_no_revelan,
                      comprobar_referencia_completa, comprobar_rotas, comprobar_variante, en_blanco, fuente_modificada)
from herramientas.simulados import perfiles_de
from solutions import optimizadores as referencia

TAREA_ID = "16_optimizadores"
TAREA = cargar_tarea(TAREA_ID)
PUNTOS = {"paso_momento": 5, "paso_rmsprop": 5, "paso_adam": 6, "minimizar": 4}
TOTAL = sum(PUNTOS.values())
# Fixtures fuente, resultado_referencia and resultados_variantes: tests/conftest.py (from TAREA_ID and VARIANTES).
_fuente_modificada = functools.partial(fuente_modificada, referencia)


# -- reference, blank, broken ----------------------------------------------------

def test_la_referencia_obtiene_todos_los_puntos(resultado_referencia):
    comprobar_referencia_completa(resultado_referencia, TAREA, PUNTOS, TOTAL)


def test_el_cuaderno_en_blanco_obtiene_cero(fuente):
    comprobar_en_blanco(fuente, TAREA_ID)


@pytest.mark.parametrize("ejercicio", TAREA.ejercicios)
def test_romper_una_funcion_solo_cuesta_sus_puntos(fuente, ejercicio):
    comprobar_rotas(fuente, TAREA_ID, TAREA, PUNTOS, (ejercicio,))


# -- known mistakes ------------------------------------------------------------------

M_KERAS = "v_nuevo = beta * v - tasa * g\n    w_nuevo = w + v_nuevo"
MOMENTO_OTRA_CONVENCION = _fuente_modificada("paso_momento", (M_KERAS, "v_nuevo = beta * v + g\n    w_nuevo = w - tasa * v_nuevo"))
MOMENTO_MEDIA_MOVIL = _fuente_modificada("paso_momento", (M_KERAS, "v_nuevo = beta * v + (1 - beta) * g\n    w_nuevo = w - tasa * v_nuevo"))
MOMENTO_V_VIEJA = _fuente_modificada("paso_momento", ("w_nuevo = w + v_nuevo", "w_nuevo = w + v"))
MOMENTO_SIGNO = _fuente_modificada("paso_momento", ("beta * v - tasa * g", "beta * v + tasa * g"))
MOMENTO_SIN_MOMENTO = _fuente_modificada("paso_momento", ("beta * v - tasa * g", "- tasa * g"))

RMS_EPS_FUERA = _fuente_modificada("paso_rmsprop", ("np.sqrt(s_nuevo + eps)", "(np.sqrt(s_nuevo) + eps)"))
RMS_SIN_CUADRADO = _fuente_modificada("paso_rmsprop", ("(1 - rho) * g**2", "(1 - rho) * g"))
RMS_SIN_UNO_MENOS_RHO = _fuente_modificada("paso_rmsprop", ("(1 - rho) * g**2", "g**2"))
RMS_RHO_AL_REVES = _fuente_modificada("paso_rmsprop", ("rho * s + (1 - rho) * g**2", "(1 - rho) * s + rho * g**2"))
RMS_SIN_RAIZ = _fuente_modificada("paso_rmsprop", ("np.sqrt(s_nuevo + eps)", "(s_nuevo + eps)"))
RMS_S_VIEJO = _fuente_modificada("paso_rmsprop", ("np.sqrt(s_nuevo + eps)", "np.sqrt(s + eps)"))

A_ALFA = "alfa = tasa * np.sqrt(1 - beta2**t) / (1 - beta1**t)"
A_W = "w_nuevo = w - alfa * m_nuevo / (np.sqrt(v_nuevo) + eps)"
ADAM_LIBRO = _fuente_modificada("paso_adam", (A_ALFA, "m_gorro = m_nuevo / (1 - beta1**t)\n    v_gorro = v_nuevo / (1 - beta2**t)"),
                                (A_W, "w_nuevo = w - tasa * m_gorro / (np.sqrt(v_gorro) + eps)"))
ADAM_SIN_CORRECCION = _fuente_modificada("paso_adam", (A_ALFA, "alfa = tasa"))
ADAM_T_MAS_UNO = _fuente_modificada("paso_adam", (A_ALFA, "alfa = tasa * np.sqrt(1 - beta2**(t + 1)) / (1 - beta1**(t + 1))"))
ADAM_T_MENOS_UNO = _fuente_modificada("paso_adam", (A_ALFA, "alfa = tasa * np.sqrt(1 - beta2**(t - 1)) / (1 - beta1**(t - 1))"))
ADAM_EPS_DENTRO = _fuente_modificada("paso_adam", ("(np.sqrt(v_nuevo) + eps)", "np.sqrt(v_nuevo + eps)"))
ADAM_SOLO_M = _fuente_modificada("paso_adam", (A_ALFA, "alfa = tasa / (1 - beta1**t)"))
ADAM_CORREGIDOS = _fuente_modificada("paso_adam", (A_W, A_W + "\n    m_nuevo = m_nuevo / (1 - beta1**t)\n"
                                                   "    v_nuevo = v_nuevo / (1 - beta2**t)"))
ADAM_V_SIN_CUADRADO = _fuente_modificada("paso_adam", ("(1 - beta2) * g**2", "(1 - beta2) * g"))
ADAM_M_VIEJA = _fuente_modificada("paso_adam", (A_W, "w_nuevo = w - alfa * m / (np.sqrt(v) + eps)"))

MIN_ESTADO_REINICIADO = _fuente_modificada(
    "minimizar", ("        g = np.asarray(grad(w), dtype=float)\n",
                  "        g = np.asarray(grad(w), dtype=float)\n        estado = np.zeros_like(w)\n"
                  "        m, v = np.zeros_like(w), np.zeros_like(w)\n"))
MIN_SIN_W0 = _fuente_modificada("minimizar", ("trayectoria = [w.copy()]", "trayectoria = []"))
MIN_SIN_HIPER = _fuente_modificada(
    "minimizar", ('hiperparametros.get("tasa", 0.01)', "0.01"), ("estado, **hiperparametros)", "estado)"),
    ("m, v, t, **hiperparametros)", "m, v, t)"))
MIN_T_DESDE_CERO = _fuente_modificada("minimizar", ("paso_adam(w, g, m, v, t,", "paso_adam(w, g, m, v, t - 1,"))

# Hint fragments, to check that each mistake gets its own hint and not another's.
PISTAS = {
    "paso_momento": {"otra": "Es una convención válida", "media": "usaste una media móvil", "vieja": "velocidad de ANTES",
                     "signo": "el signo del gradiente", "sin": "no usaste la velocidad anterior"},
    "paso_rmsprop": {"fuera": "pusiste eps FUERA", "cuadrado": "de los CUADRADOS", "uno": "falta el factor (1 - rho)",
                     "reves": "intercambiaste rho", "raiz": "divide por la RAÍZ", "viejo": "usaste la s de antes"},
    "paso_adam": {"libro": "usaste la fórmula de libro", "sin": "falta la corrección de sesgo", "mas": "usa t + 1",
                  "menos": "usa t - 1", "dentro": "pusiste eps DENTRO", "solo_m": "corregiste el sesgo solo de m",
                  "corregidos": "devolviste m y v corregidos", "cuadrado": "de los CUADRADOS",
                  "vieja": "usaste m y v de antes"},
    "minimizar": {"estado": "debe empezar en ceros UNA vez", "w0": "historial[0] es w0 (el punto de partida)",
                  "hiper": "pasa los hiperparámetros recibidos", "t": "empieza en 1"},
}

# Each variant: {exercise: (wrong source, hint key, points it must lose or None for "some")}.
VARIANTES = {
    "otra_convencion_eps_fuera_libro_estado": {
        "paso_momento": (MOMENTO_OTRA_CONVENCION, "otra", 5),
        "paso_rmsprop": (RMS_EPS_FUERA, "fuera", None),
        "paso_adam": (ADAM_LIBRO, "libro", None),
        "minimizar": (MIN_ESTADO_REINICIADO, "estado", 4),
    },
    "media_sin_cuadrado_sin_correccion_sin_w0": {
        "paso_momento": (MOMENTO_MEDIA_MOVIL, "media", 5),
        "paso_rmsprop": (RMS_SIN_CUADRADO, "cuadrado", 5),
        "paso_adam": (ADAM_SIN_CORRECCION, "sin", 6),
        "minimizar": (MIN_SIN_W0, "w0", 4),
    },
    "v_vieja_sin_uno_mas_uno_sin_hiper": {
        "paso_momento": (MOMENTO_V_VIEJA, "vieja", 5),
        "paso_rmsprop": (RMS_SIN_UNO_MENOS_RHO, "uno", 5),
        "paso_adam": (ADAM_T_MAS_UNO, "mas", 6),
        "minimizar": (MIN_SIN_HIPER, "hiper", None),
    },
    "signo_reves_menos_uno_t_desde_cero": {
        "paso_momento": (MOMENTO_SIGNO, "signo", 5),
        "paso_rmsprop": (RMS_RHO_AL_REVES, "reves", 5),
        "paso_adam": (ADAM_T_MENOS_UNO, "menos", 6),
        "minimizar": (MIN_T_DESDE_CERO, "t", None),
    },
    "sin_momento_sin_raiz_eps_dentro": {
        "paso_momento": (MOMENTO_SIN_MOMENTO, "sin", 5),
        "paso_rmsprop": (RMS_SIN_RAIZ, "raiz", 5),
        "paso_adam": (ADAM_EPS_DENTRO, "dentro", None),
    },
    "s_viejo_solo_m": {
        "paso_rmsprop": (RMS_S_VIEJO, "viejo", 5),
        "paso_adam": (ADAM_SOLO_M, "solo_m", 6),
    },
    "corregidos": {"paso_adam": (ADAM_CORREGIDOS, "corregidos", 6)},
    "v_sin_cuadrado": {"paso_adam": (ADAM_V_SIN_CUADRADO, "cuadrado", 6)},
    "m_vieja": {"paso_adam": (ADAM_M_VIEJA, "vieja", 6)},
}


@pytest.mark.parametrize("variante", VARIANTES)
def test_cada_error_conocido_recibe_su_pista_y_solo_cuesta_su_ejercicio(resultados_variantes, variante):
    comprobar_variante(resultados_variantes[variante], TAREA, PUNTOS, VARIANTES[variante], pistas=PISTAS)


def test_los_mensajes_de_casos_ocultos_no_revelan_valores_esperados(resultados_variantes):
    comprobar_que_los_ocultos_no_revelan(resultados_variantes.values(), 20, ("esperado:",))


# -- simulated students ------------------------------------------------------------------

@pytest.mark.parametrize("perfil", ["parcial", "roto"])
def test_alumnos_simulados(fuente, perfil):
    nb = perfiles_de(TAREA_ID)[perfil](en_blanco(fuente), fuente)
    resultado = calificar(nb, TAREA_ID)
    if perfil == "parcial":
        assert resultado.puntaje_ejercicio("paso_momento") == 0
        assert resultado.puntaje_ejercicio("paso_rmsprop") < PUNTOS["paso_rmsprop"]
        assert resultado.puntaje_ejercicio("minimizar") == PUNTOS["minimizar"]
        assert 0 < resultado.puntaje < TOTAL
    else:
        assert resultado.puntaje == TOTAL - PUNTOS["paso_adam"]


# -- calibration and public values, in-process ---------------------------------------------

def test_los_valores_publicos_son_los_de_la_referencia():
    for caso, esperado in ((casos_paso_momento.EJEMPLO, casos_paso_momento.EJEMPLO_ESPERADO),
                           (casos_paso_momento.PRIMERO, casos_paso_momento.PRIMERO_ESPERADO)):
        kwargs = {"tasa": 0.1, "beta": 0.9}
        for obtenido, e in zip(referencia.paso_momento(*caso, **kwargs), esperado):
            np.testing.assert_allclose(obtenido, e, rtol=1e-12, atol=1e-15)
    for obtenido, e in zip(referencia.paso_rmsprop(*casos_paso_rmsprop.EJEMPLO, tasa=0.01, rho=0.9),
                           casos_paso_rmsprop.EJEMPLO_ESPERADO):
        np.testing.assert_allclose(obtenido, e, rtol=1e-12)
    for obtenido, e in zip(referencia.paso_rmsprop(*casos_paso_rmsprop.PEQUENOS), casos_paso_rmsprop.PEQUENOS_ESPERADO):
        np.testing.assert_allclose(obtenido, e, rtol=1e-12)
    for obtenido, e in zip(referencia.paso_adam(*casos_paso_adam.EJEMPLO, tasa=0.01), casos_paso_adam.EJEMPLO_ESPERADO):
        np.testing.assert_allclose(obtenido, e, rtol=1e-12)
    for obtenido, e in zip(referencia.paso_adam(*casos_paso_adam.PEQUENOS), casos_paso_adam.PEQUENOS_ESPERADO):
        np.testing.assert_allclose(obtenido, e, rtol=1e-12)
    A, c = casos_minimizar.A_PUB, casos_minimizar.CENTRO_PUB
    for optimizador, (hiper, esperado) in casos_minimizar.PUBLICOS.items():
        w, _ = referencia.minimizar(lambda w: A @ (w - c), casos_minimizar.W0_PUB, optimizador, 3, **hiper)
        np.testing.assert_allclose(w, esperado, rtol=1e-12)


def test_los_casos_de_gradientes_pequenos_distinguen_donde_va_eps():
    """On the small-gradient public cases, the textbook formulas are far outside the tolerance."""
    w, g, s = casos_paso_rmsprop.PEQUENOS
    s2 = 0.1 * g**2
    libro = w - 0.001 * g / (np.sqrt(s2) + 1e-7)
    assert np.max(np.abs(libro - casos_paso_rmsprop.PEQUENOS_ESPERADO[0])) > 1e-3
    w, g, m, v, t = casos_paso_adam.PEQUENOS
    m2, v2 = 0.1 * g, 0.001 * g**2
    libro = w - 0.001 * (m2 / 0.1) / (np.sqrt(v2 / 0.001) + 1e-7)
    assert np.max(np.abs(libro - casos_paso_adam.PEQUENOS_ESPERADO[0])) > 1e-4


def test_calibracion_de_la_cuadratica_mal_condicionada():
    """The recorded calibration (casos_minimizar docstring), on 100 of its 300 seeds: momentum and Adam
    need at most 0.55 of SGD's steps and SGD arrives within the step budget."""
    for semilla in range(100):
        A, c, w0, kappa = casos_minimizar.cuadratica_mal_condicionada(np.random.default_rng(semilla))
        pasos = {}
        for optimizador, h in {"sgd": {"tasa": 1 / kappa}, "momento": {"tasa": 1 / kappa, "beta": 0.9},
                               "adam": {"tasa": casos_minimizar.TASA_ADAM_MAL_CONDICIONADA}}.items():
            _, H = referencia.minimizar(lambda w: A @ (w - c), w0, optimizador, casos_minimizar.PASOS_MAL_CONDICIONADA, **h)
            pasos[optimizador] = casos_minimizar.pasos_hasta_objetivo(A, c, H)
        assert pasos["sgd"] is not None, semilla
        assert pasos["momento"] <= 0.55 * pasos["sgd"] and pasos["adam"] <= 0.55 * pasos["sgd"], (semilla, pasos)


# -- the reference equals Keras (slow: imports TensorFlow) ----------------------------------

@pytest.mark.lento
@pytest.mark.parametrize("escala", [1.0, 1e-4, 1e-6])
def test_cada_paso_de_la_referencia_es_un_paso_de_keras(escala):
    """Five steps of each keras.optimizers class on a float64 variable equal the reference (atol 1e-6).

    escala 1e-4 and 1e-6 make the gradients small enough for eps's position to matter
    (RMSprop: inside the square root; Adam: outside, added to the uncorrected sqrt(v))."""
    keras = pytest.importorskip("keras")
    rng = np.random.default_rng(16)
    configuraciones = [
        (keras.optimizers.SGD(learning_rate=0.1, momentum=0.8), "momento", {"tasa": 0.1, "beta": 0.8}),
        (keras.optimizers.SGD(learning_rate=0.01, momentum=0.9), "momento", {}),
        (keras.optimizers.RMSprop(learning_rate=0.01, rho=0.8), "rmsprop", {"tasa": 0.01, "rho": 0.8}),
        (keras.optimizers.RMSprop(), "rmsprop", {}),
        (keras.optimizers.Adam(learning_rate=0.01, beta_1=0.85, beta_2=0.99), "adam",
         {"tasa": 0.01, "beta1": 0.85, "beta2": 0.99}),
        (keras.optimizers.Adam(), "adam", {}),
    ]
    for optimizador, nombre, hiper in configuraciones:
        w0 = rng.normal(size=(3, 2))
        variable = keras.Variable(w0, dtype="float64")
        w, estados = w0.copy(), [np.zeros_like(w0), np.zeros_like(w0)]
        for t in range(1, 6):
            g = rng.normal(size=w0.shape) * escala
            optimizador.apply([keras.ops.convert_to_tensor(g, dtype="float64")], [variable])
            if nombre == "momento":
                w, estados[0] = referencia.paso_momento(w, g, estados[0], **hiper)
            elif nombre == "rmsprop":
                w, estados[0] = referencia.paso_rmsprop(w, g, estados[0], **hiper)
            else:
                w, estados[0], estados[1] = referencia.paso_adam(w, g, estados[0], estados[1], t, **hiper)
            np.testing.assert_allclose(keras.ops.convert_to_numpy(variable), w, atol=1e-6, rtol=0,
                                       err_msg=f"{nombre} {hiper} paso {t}")


def test_la_celda_dada_del_cuaderno_es_minimizar_cuadratica_de_la_referencia():
    """The grader calls the notebook's provided cell; the reference module keeps the same text."""
    from herramientas.construir_cuadernos import ruta_fuente

    assert inspect.getsource(referencia.minimizar_cuadratica) in ruta_fuente(TAREA_ID).read_text(encoding="utf-8")


@pytest.mark.parametrize("literales, funcion, args, kwargs", [
    (casos_paso_momento.CONOCIDOS_EJEMPLO, "errores_paso_momento", casos_paso_momento.EJEMPLO, {"tasa": 0.1, "beta": 0.9}),
    (casos_paso_momento.CONOCIDOS_PRIMERO, "errores_paso_momento", casos_paso_momento.PRIMERO, {"tasa": 0.1}),
    (casos_paso_rmsprop.CONOCIDOS_EJEMPLO, "errores_paso_rmsprop", casos_paso_rmsprop.EJEMPLO, {"tasa": 0.01, "rho": 0.9}),
    (casos_paso_rmsprop.CONOCIDOS_PEQUENOS, "errores_paso_rmsprop", casos_paso_rmsprop.PEQUENOS, {}),
    (casos_paso_adam.CONOCIDOS_EJEMPLO, "errores_paso_adam", casos_paso_adam.EJEMPLO, {"tasa": 0.01}),
    (casos_paso_adam.CONOCIDOS_PEQUENOS, "errores_paso_adam", casos_paso_adam.PEQUENOS, {}),
])
def test_los_errores_conocidos_literales_son_los_de_la_referencia(literales, funcion, args, kwargs):
    """The public cases' literal wrong outputs are what the reference's variants compute (no drift)."""
    calculados = getattr(referencia, funcion)(*args, **kwargs)
    assert literales.keys() == calculados.keys()
    for clave, salidas in calculados.items():
        for literal, calculada in zip(literales[clave], salidas):
            assert (literal is None) == (calculada is None), clave
            if calculada is not None:
                np.testing.assert_allclose(literal, calculada, rtol=1e-12, atol=0, equal_nan=True, err_msg=clave)
