"""Pruebas de 14_keras_regresion: la referencia, el calificador por el motor real y sus pistas.

The reference model is the committed ``solutions/modelos/14_keras_regresion`` (no training here:
40 one-step epochs take seconds idle but tens of seconds at load 8–12). Five submissions are graded
with ``autograder.motor.calificar_cuaderno`` on the source notebook and on variants of it; the hints
run the same cases through ``AlumnoLocal`` (models built in this process, no jail), which is fast.
"""
import functools
import os
import shutil

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import keras  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from keras import layers  # noqa: E402

from autograder.alumno import AlumnoLocal  # noqa: E402
from autograder.calificadores import cargar_tarea  # noqa: E402
from autograder.calificadores.keras_regresion import casos_modelo_entrenado as casos_modelo  # noqa: E402
from autograder.errores import Fallo  # noqa: E402
from autograder.motor import ejecutar_casos  # noqa: E402
from ayudas_keras import caso as _caso, calificar_entregas, comprobar_referencia_calificada  # noqa: E402
from ayudas_keras import puntos_por_ejercicio  # noqa: E402
from conftest import calificar, con_celda, cuaderno_fuente, en_blanco  # noqa: E402
from solutions import keras_regresion as referencia  # noqa: E402

TAREA_ID = "14_keras_regresion"
TAREA = cargar_tarea(TAREA_ID)
SEGUNDOS_MAXIMOS_CALIFICAR = 90  # 20 s measured at load average 7–9 on 2 CPUs

RED_NONE = '''import keras
from keras import layers
def construir_red_regresion(d_in, d_out):
    modelo = keras.Sequential([keras.Input(shape=(d_in,)), layers.Dense(4, activation="tanh"),
                               layers.Dense(5, activation="relu"), layers.Dense(d_out, activation="none")])
    modelo.compile(optimizer="sgd", loss="mse")
    return modelo
'''
REGRESOR_ADAM = '''import keras
from keras import layers
def construir_regresor_lineal(d_in, d_out):
    modelo = keras.Sequential([keras.Input(shape=(d_in,)), layers.Dense(d_out)])
    modelo.compile(optimizer="adam", loss="mse")
    return modelo
'''


# -- helpers -------------------------------------------------------------------

def _regresor(activacion=None, perdida="mse", opt="sgd", fijo=False, capas_extra=()):
    def construir_regresor_lineal(d_in, d_out):
        entrada, salida = (3, 2) if fijo else (d_in, d_out)
        modelo = keras.Sequential([keras.Input(shape=(entrada,)), *[layers.Dense(u) for u in capas_extra],
                                   layers.Dense(salida, activation=activacion)])
        modelo.compile(optimizer=opt, loss=perdida)
        return modelo
    return construir_regresor_lineal


def _red(ocultas=((4, "tanh"), (5, "relu")), salida=None, perdida="mse"):
    def construir_red_regresion(d_in, d_out):
        modelo = keras.Sequential([keras.Input(shape=(d_in,)), *[layers.Dense(u, activation=a) for u, a in ocultas],
                                   layers.Dense(d_out, activation=salida)])
        modelo.compile(optimizer="sgd", loss=perdida)
        return modelo
    return construir_red_regresion


def _mensajes(ejercicio: str, funcion) -> list[str]:
    """Messages of the failed cases (public and hidden) of `ejercicio` with the student's `funcion`."""
    resultados = ejecutar_casos(TAREA, AlumnoLocal({ejercicio: funcion}), "alumno_prueba", ejercicios=(ejercicio,))
    return [r.mensaje for r in resultados if not r.aprobada]


def _guardar(directorio, modelo):
    directorio.mkdir(parents=True, exist_ok=True)
    modelo.save(directorio / "modelo.keras")
    return directorio


def _lineal_con_pesos(W, b):
    modelo = keras.Sequential([keras.Input(shape=(3,)), layers.Dense(2)])
    modelo.layers[-1].set_weights([np.asarray(W, dtype="float32"), np.asarray(b, dtype="float32")])
    modelo.compile(optimizer="sgd", loss="mse")
    return modelo


def _sin_entrenar(directorio):
    keras.utils.set_random_seed(0)
    return _guardar(directorio, referencia.construir_regresor_lineal(3, 2))


# -- grading through the engine ------------------------------------------------

@pytest.fixture(scope="module")
def calificaciones(tmp_path_factory):
    """Five gradings by the real engine (≈ 20 s each at load 7–9)."""
    fuente = cuaderno_fuente(TAREA_ID)
    base = tmp_path_factory.mktemp("entregas")
    modelo_referencia = base / "referencia"
    shutil.copytree(referencia.DIRECTORIO_MODELO, modelo_referencia)
    vacio = base / "vacio"
    vacio.mkdir()
    entregas = {
        "referencia": (fuente, modelo_referencia),
        "en_blanco": (en_blanco(fuente), vacio),
        "red_none": (con_celda(fuente, "construir_red_regresion", RED_NONE), modelo_referencia),
        "regresor_adam": (con_celda(fuente, "construir_regresor_lineal", REGRESOR_ADAM), modelo_referencia),
        "sin_entrenar": (fuente, _sin_entrenar(base / "sin_entrenar")),
    }
    return calificar_entregas(entregas, TAREA_ID)


_puntos = functools.partial(puntos_por_ejercicio, TAREA)


def test_referencia_obtiene_todos_los_puntos(calificaciones):
    """¿El cuaderno fuente con el modelo de referencia saca 10/10 (3 + 3 + 4), sin errores de celda?"""
    resultado = calificaciones["referencia"]
    comprobar_referencia_calificada(resultado, 10)
    assert _puntos(resultado) == {"construir_regresor_lineal": 3, "construir_red_regresion": 3, "modelo_entrenado": 4}
    assert resultado.segundos < SEGUNDOS_MAXIMOS_CALIFICAR


def test_en_blanco_sin_modelo_obtiene_cero(calificaciones):
    resultado = calificaciones["en_blanco"]
    assert resultado.puntaje == 0
    assert "no encontré `modelo.keras`" in _caso(resultado, "modelo_entrenado/es_el_regresor_lineal").mensaje.lower()


@pytest.mark.parametrize("roto, ejercicio, perdidos", [
    ("red_none", "construir_red_regresion", 3),
    ("regresor_adam", "construir_regresor_lineal", 1),
    ("sin_entrenar", "modelo_entrenado", 3),
])
def test_cada_parte_rota_pierde_solo_sus_puntos(calificaciones, roto, ejercicio, perdidos):
    """¿Romper una parte cuesta solo puntos de esa parte (y exactamente los de sus casos)?"""
    puntos, completos = _puntos(calificaciones[roto]), _puntos(calificaciones["referencia"])
    for e in TAREA.ejercicios:
        assert puntos[e] == completos[e] - (perdidos if e == ejercicio else 0), (e, puntos)


def test_activation_none_de_la_diapositiva_recibe_su_pista(calificaciones):
    caso = _caso(calificaciones["red_none"], "construir_red_regresion/red_con_otras_dimensiones")
    assert not caso.aprobada and caso.oculta
    assert "activation='none'" in caso.mensaje and "activation=None" in caso.mensaje


def test_adam_recibe_la_pista_de_sgd(calificaciones):
    caso = _caso(calificaciones["regresor_adam"], "construir_regresor_lineal/compilado_con_otras_dimensiones")
    assert not caso.aprobada and "'Adam'" in caso.mensaje and "optimizer='sgd'" in caso.mensaje


def test_modelo_sin_entrenar_solo_gana_la_arquitectura(calificaciones):
    resultado = calificaciones["sin_entrenar"]
    assert _caso(resultado, "modelo_entrenado/es_el_regresor_lineal").aprobada
    assert "se pide ≤ 1.02 ×" in _caso(resultado, "modelo_entrenado/error_en_la_tabla").mensaje
    assert "se pide ≤ 1.1 ×" in _caso(resultado, "modelo_entrenado/error_en_datos_sinteticos").mensaje


# -- hints of the builders (AlumnoLocal) ----------------------------------------

@pytest.mark.parametrize("ejercicio, funcion, pista, casos_fallidos", [
    ("construir_regresor_lineal", _regresor(activacion="relu"), "relu recorta a 0", 2),
    ("construir_regresor_lineal", _regresor(activacion="sigmoid"), "sigmoid aplasta la salida", 2),
    ("construir_regresor_lineal", _regresor(perdida="categorical_crossentropy"), "entropía cruzada", 2),
    ("construir_regresor_lineal", _regresor(perdida="mae"), "error absoluto medio", 2),
    ("construir_regresor_lineal", _regresor(opt="adam"), "descenso de gradiente", 2),
    ("construir_regresor_lineal", _regresor(fijo=True), "¿Escribiste 3 fijo?", 2),
    ("construir_regresor_lineal", _regresor(capas_extra=(4,)), "no tiene capas ocultas", 2),
    ("construir_red_regresion", _red(salida="relu"), "relu recorta a 0", 2),
    ("construir_red_regresion", _red(salida="sigmoid"), "sigmoid aplasta la salida", 2),
    ("construir_red_regresion", _red(perdida="categorical_crossentropy"), "entropía cruzada", 2),
    ("construir_red_regresion", _red(perdida="mae"), "error absoluto medio", 2),
    ("construir_red_regresion", _red(ocultas=((5, "tanh"), (4, "relu"))), "Dense(4, activation='tanh')", 2),
    ("construir_red_regresion", _red(ocultas=((4, None), (5, None))), "3 regresiones son 1 regresión", 2),
    ("construir_red_regresion", _red(salida="none"), "'none' entre comillas no es una activación", 4),
], ids=["relu", "sigmoid", "entropia", "mae", "adam", "fijo", "oculta", "red_relu", "red_sigmoid", "red_entropia",
        "red_mae", "red_unidades", "red_sin_activacion", "red_none"])
def test_cada_error_conocido_tiene_su_pista(ejercicio, funcion, pista, casos_fallidos):
    """Each known mistake fails its cases (public and hidden) and each message names the mistake."""
    mensajes = _mensajes(ejercicio, funcion)
    assert len(mensajes) == casos_fallidos, mensajes
    assert all(pista in m for m in mensajes), mensajes


PISTAS = ["relu recorta a 0", "sigmoid aplasta la salida", "entropía cruzada", "error absoluto medio",
          "descenso de gradiente", "¿Escribiste 3 fijo?", "no tiene capas ocultas", "3 regresiones son 1 regresión",
          "'none' entre comillas"]


@pytest.mark.parametrize("funcion, propia", [
    (_regresor(activacion="relu"), "relu recorta a 0"), (_regresor(opt="adam"), "descenso de gradiente"),
    (_regresor(perdida="mae"), "error absoluto medio"), (_regresor(fijo=True), "¿Escribiste 3 fijo?"),
], ids=["relu", "adam", "mae", "fijo"])
def test_una_pista_no_se_dispara_con_otro_error(funcion, propia):
    mensajes = " ".join(_mensajes("construir_regresor_lineal", funcion))
    assert [p for p in PISTAS if p in mensajes] == [propia]


def test_la_referencia_pasa_todos_los_casos_de_los_constructores():
    assert _mensajes("construir_regresor_lineal", referencia.construir_regresor_lineal) == []
    assert _mensajes("construir_red_regresion", referencia.construir_red_regresion) == []


# -- the submitted model: thresholds and hints (AlumnoLocal) --------------------

def _errores(directorio) -> tuple:
    return casos_modelo.errores_del_entregado(AlumnoLocal({}, directorio))


def test_referencia_cerca_de_minimos_cuadrados(tmp_path):
    """The committed reference: table 1.0008 ×, synthetic ≤ 1.02 × (thresholds 1.02 and 1.1)."""
    shutil.copytree(referencia.DIRECTORIO_MODELO, tmp_path / "ref")
    tabla, minimo_tabla, sintetico, minimo_sintetico = _errores(tmp_path / "ref")
    assert minimo_tabla == pytest.approx(3.0927, abs=1e-4)
    assert tabla / minimo_tabla < 1.002
    assert sintetico / minimo_sintetico < casos_modelo.FACTOR_SINTETICO - 0.05


def test_minimos_cuadrados_exactos_aprueban_y_la_media_no(tmp_path):
    """W, b of least squares pass both checks; the constant mean (W = 0) fails both, with the «media» hint."""
    X, Y, _ = casos_modelo.tabla()
    coeficientes = casos_modelo.minimos_cuadrados(X.astype(float), Y)
    exactos = AlumnoLocal({}, _guardar(tmp_path / "mc", _lineal_con_pesos(coeficientes[:-1], coeficientes[-1])))
    casos_modelo.test_error_en_la_tabla(exactos)
    casos_modelo.test_error_en_datos_sinteticos(exactos)
    media = AlumnoLocal({}, _guardar(tmp_path / "media", _lineal_con_pesos(np.zeros((3, 2)), Y.mean(axis=0))))
    with pytest.raises(Fallo, match="predecir siempre la media"):
        casos_modelo.test_error_en_la_tabla(media)
    with pytest.raises(Fallo, match="no reproduce la relación lineal"):
        casos_modelo.test_error_en_datos_sinteticos(media)


def test_la_red_entregada_en_lugar_del_regresor_recibe_su_mensaje(tmp_path):
    alumno = AlumnoLocal({}, _guardar(tmp_path / "red", referencia.construir_red_regresion(3, 2)))
    with pytest.raises(Fallo, match="se califica el regresor lineal"):
        casos_modelo.test_es_el_regresor_lineal(alumno)


def test_la_muestra_sintetica_depende_del_archivo(tmp_path):
    """Two different files get different synthetic samples; the same file always the same one."""
    from autograder.comprobaciones_keras import semilla_de_la_entrega

    a = AlumnoLocal({}, _sin_entrenar(tmp_path / "a"))
    b = AlumnoLocal({}, _guardar(tmp_path / "b", _lineal_con_pesos(np.ones((3, 2)), np.zeros(2))))
    assert semilla_de_la_entrega(a) == semilla_de_la_entrega(a) != semilla_de_la_entrega(b)


# -- simulated students (herramientas/simulados/keras_regresion.py), through the engine ----------

@pytest.mark.lento
@pytest.mark.parametrize("perfil", ["completo", "en_blanco", "parcial", "tramposo", "roto"])
def test_alumnos_simulados(tmp_path, perfil):
    """The five profiles of the demo class get the marks the nbgrader cycle test expects of them."""
    from herramientas.simulados import celda_que_falta, perfiles_de, puntos_del_tramposo
    from herramientas.simulados import keras_regresion as simulado

    fuente = cuaderno_fuente(TAREA_ID)
    entrega = tmp_path / "entrega"
    entrega.mkdir()
    for nombre, ruta in simulado.artefactos(tmp_path / "artefactos").get(perfil, {}).items():
        shutil.copy(ruta, entrega / nombre)
    resultado = calificar(perfiles_de(TAREA_ID)[perfil](en_blanco(fuente), fuente), TAREA_ID, directorio=entrega)
    maximo = resultado.puntaje_max
    esperado = {"completo": maximo, "en_blanco": 0, "tramposo": puntos_del_tramposo(TAREA_ID),
                "roto": maximo - TAREA.puntos(celda_que_falta(TAREA_ID))}
    if perfil == "parcial":
        assert 0 < resultado.puntaje < maximo
    else:
        assert resultado.puntaje == esperado[perfil], [c.mensaje for c in resultado.casos if not c.aprobada]


def test_un_modelo_falsificado_no_gana_nada():
    """A function that returns the bytes the worker would send, forged, is rejected before anything reads them."""
    def construir_regresor_lineal(d_in, d_out):
        return {"__modelo__": b"PK no es un zip de Keras"}

    mensajes = _mensajes("construir_regresor_lineal", construir_regresor_lineal)
    assert len(mensajes) == 4 and all("modelo de Keras válido" in m or "config.json" in m
                                      or "debe devolver un `keras.Model`" in m for m in mensajes), mensajes


def test_una_funcion_que_no_devuelve_un_modelo_recibe_su_mensaje():
    mensajes = _mensajes("construir_red_regresion", lambda d_in, d_out: None)
    assert len(mensajes) == 4 and all("debe devolver un `keras.Model`" in m for m in mensajes), mensajes


@pytest.mark.parametrize("ejercicio, funcion", [
    ("construir_regresor_lineal", lambda d_in, d_out: referencia.construir_regresor_lineal(3, 2)),
    ("construir_red_regresion", lambda d_in, d_out: referencia.construir_red_regresion(3, 2)),
], ids=["regresor", "red"])
def test_memorizar_el_ejemplo_publico_no_da_puntos(ejercicio, funcion):
    """The public checks use (3, 2): a builder that always returns the public example's model passes them and gets 0."""
    resultados = ejecutar_casos(TAREA, AlumnoLocal({ejercicio: funcion}), "alumno_prueba", ejercicios=(ejercicio,))
    assert all(r.aprobada for r in resultados if not r.oculta)
    assert sum(r.puntaje for r in resultados) == 0 and any(not r.aprobada for r in resultados if r.oculta)
