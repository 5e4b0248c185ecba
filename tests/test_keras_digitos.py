"""Pruebas de 06_keras_digitos: la referencia, el calificador por el motor real y sus pistas.

The reference model is trained once per module (≈ 15 s on an idle 2-CPU machine);
five submissions are graded with ``autograder.motor.calificar_cuaderno`` on the
source notebook and on variants of it, as the CLI and nbgrader do. The hints of
``preparar_datos`` are exercised with the same cases through ``AlumnoLocal``
(no sandbox), which keeps the file fast.
"""
import json
import os
import re

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import keras  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from keras import layers  # noqa: E402

from autograder.alumno import AlumnoLocal  # noqa: E402
from autograder.calificadores import cargar_tarea  # noqa: E402
from autograder.calificadores.keras_digitos import casos_modelo_entrenado as casos_modelo  # noqa: E402
from autograder.motor import ejecutar_casos  # noqa: E402
from ayudas_keras import caso as _caso, calificar_entregas, comprobar_parte_rota, comprobar_referencia_calificada  # noqa: E402
from ayudas_keras import entrenar_midiendo, exactitud_en_prueba, guardar as _guardar  # noqa: E402
from conftest import con_celda, cuaderno_fuente, en_blanco  # noqa: E402
from solutions import keras_digitos as referencia  # noqa: E402
from source_data import cargar_optdigits  # noqa: E402

TAREA_ID = "06_keras_digitos"
TAREA = cargar_tarea(TAREA_ID)

PREPARAR_ENTRE_255 = '''import keras
import numpy as np
def preparar_datos(x, y):
    return np.asarray(x).astype("float32") / 255.0, keras.utils.to_categorical(y, num_classes=10)
'''
MODELO_SPARSE = '''import keras
from keras import layers
def construir_modelo():
    modelo = keras.Sequential([keras.Input(shape=(64,)), layers.Dense(32, activation="relu"),
                               layers.Dense(10, activation="softmax")])
    modelo.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return modelo
'''


# -- fixtures ------------------------------------------------------------------

@pytest.fixture(scope="module")
def datos():
    (x_train, y_train), _ = cargar_optdigits()
    return referencia.preparar_datos(x_train, y_train)


@pytest.fixture(scope="module")
def modelo_referencia(tmp_path_factory):
    """La referencia entrenada una vez: (directorio con modelo.keras e historial.json, segundos)."""
    return entrenar_midiendo(referencia, tmp_path_factory.mktemp("referencia"))


def _modelo_debil(datos):
    """La red de referencia entrenada con 300 imágenes durante 1 época."""
    X_train, Y_train = datos
    keras.utils.set_random_seed(0)
    modelo = referencia.construir_modelo()
    modelo.fit(X_train[:300], Y_train[:300], epochs=1, verbose=0)
    return modelo


def _modelo_de_imagenes_8x8():
    """Una red que espera imágenes (8, 8) sin aplanar: no acepta los vectores de 64 píxeles."""
    modelo = keras.Sequential([keras.Input(shape=(8, 8)), layers.Flatten(), layers.Dense(10, activation="softmax")])
    modelo.compile(optimizer="adam", loss="categorical_crossentropy")
    return modelo


@pytest.fixture(scope="module")
def calificaciones(modelo_referencia, datos, tmp_path_factory):
    """Five gradings by the real engine (≈ 20 s each on an idle machine)."""
    fuente = cuaderno_fuente(TAREA_ID)
    base = tmp_path_factory.mktemp("entregas")
    directorio_referencia = modelo_referencia[0]
    entregas = {
        "referencia": (fuente, directorio_referencia),
        "en_blanco_8x8": (en_blanco(fuente), _guardar(_modelo_de_imagenes_8x8(), base / "imagenes_8x8")),
        "preparar_datos_255": (con_celda(fuente, "preparar_datos", PREPARAR_ENTRE_255), directorio_referencia),
        "construir_modelo_sparse": (con_celda(fuente, "construir_modelo", MODELO_SPARSE), directorio_referencia),
        "debil": (fuente, _guardar(_modelo_debil(datos), base / "debil")),
    }
    return calificar_entregas(entregas, TAREA_ID)


# -- reference -----------------------------------------------------------------

def test_referencia_entrena_y_supera_el_umbral(modelo_referencia):
    """¿La referencia llega a ≥ 0.96 en los 1797 dígitos de prueba, con historial.json junto al modelo?"""
    directorio, segundos = modelo_referencia
    exactitud = exactitud_en_prueba(directorio, casos_modelo)
    print(f"referencia: {segundos:.1f} s, exactitud en prueba {exactitud:.4f}")
    assert exactitud >= 0.96
    historial = json.loads((directorio / "historial.json").read_text())
    assert len(historial["loss"]) == referencia.EPOCAS_REFERENCIA


# -- grading through the engine ------------------------------------------------

def test_referencia_obtiene_todos_los_puntos(calificaciones):
    """¿El cuaderno fuente con el modelo de referencia saca 10/10, sin errores de celda?"""
    resultado = calificaciones["referencia"]
    comprobar_referencia_calificada(resultado, 10)


def test_en_blanco_con_modelo_de_imagenes_8x8_obtiene_cero(calificaciones):
    """¿El cuaderno en blanco saca 0, y un modelo de entrada (8, 8) recibe la pista de la forma de entrada?"""
    resultado = calificaciones["en_blanco_8x8"]
    assert resultado.puntaje == 0
    assert all("todavía no está implementada" in c.mensaje
               for e in ("preparar_datos", "construir_modelo") for c in resultado.del_ejercicio(e))
    arquitectura = _caso(resultado, "modelo_entrenado/arquitectura_del_modelo_entregado")
    assert "(None, 8, 8)" in arquitectura.mensaje and "keras.Input(shape=(64,))" in arquitectura.mensaje
    exactitud = _caso(resultado, "modelo_entrenado/exactitud_en_prueba")
    assert "falló al predecir" in exactitud.mensaje and "(1797, 64)" in exactitud.mensaje


@pytest.mark.parametrize("roto", ["preparar_datos_255", "construir_modelo_sparse", "debil"])
def test_cada_parte_rota_pierde_solo_sus_puntos(calificaciones, roto):
    """¿Romper una parte (función o modelo entregado) cuesta solo los puntos de esa parte?"""
    ejercicio_roto = {"preparar_datos_255": "preparar_datos", "construir_modelo_sparse": "construir_modelo",
                      "debil": "modelo_entrenado"}[roto]
    comprobar_parte_rota(TAREA, calificaciones[roto], calificaciones["referencia"], ejercicio_roto)


def test_dividir_entre_255_recibe_su_pista_y_el_caso_oculto_no_revela_valores(calificaciones):
    resultado = calificaciones["preparar_datos_255"]
    publico = _caso(resultado, "preparar_datos/pixeles_entre_0_y_1")
    assert "divide entre 16" in publico.mensaje and "esperado:" in publico.mensaje
    oculto = _caso(resultado, "preparar_datos/digitos_aleatorios")
    assert oculto.oculta and not oculto.aprobada and "divide entre 16" in oculto.mensaje
    assert "esperado:" not in oculto.mensaje and "obtenido:" not in oculto.mensaje


def test_perdida_sparse_recibe_la_pista_de_one_hot(calificaciones):
    caso = _caso(calificaciones["construir_modelo_sparse"], "construir_modelo/compilado_con_entropia_cruzada_categorica")
    assert not caso.aprobada and "sparse_categorical_crossentropy espera etiquetas enteras" in caso.mensaje


def test_modelo_debil_pierde_solo_la_exactitud_con_el_valor_en_el_mensaje(calificaciones):
    resultado = calificaciones["debil"]
    exactitud = _caso(resultado, "modelo_entrenado/exactitud_en_prueba")
    assert not exactitud.aprobada
    assert re.search(r"la exactitud en los 1797 dígitos de prueba es 0\.\d{4} y se pide ≥ 0\.95", exactitud.mensaje)
    assert resultado.puntaje == resultado.puntaje_max - exactitud.puntaje_max


# -- hints of preparar_datos (same cases, student's kernel path) ----------------

def _mensajes(preparar) -> list[str]:
    resultados = ejecutar_casos(TAREA, AlumnoLocal({"preparar_datos": preparar}), "alumno_prueba",
                                ejercicios=("preparar_datos",))
    return [r.mensaje for r in resultados if not r.aprobada]


def _con_x(transformar):
    def preparar_datos(x, y):
        return transformar(np.asarray(x)), keras.utils.to_categorical(y, num_classes=10)
    return preparar_datos


@pytest.mark.parametrize("transformar, pista", [
    (lambda x: x.astype("float32") / 255.0, "como en MNIST"),
    (lambda x: x.astype("float32"), "los valores pasan de 1"),
    (lambda x: (x // 16).astype("float32"), "división entera"),
], ids=["entre_255", "sin_escalar", "division_entera"])
def test_cada_error_de_escala_tiene_su_pista(transformar, pista):
    mensajes = _mensajes(_con_x(transformar))
    assert len(mensajes) == 2, mensajes  # the public values case and the hidden case
    assert all(pista in m for m in mensajes), mensajes


def test_etiquetas_sin_codificar_sin_num_classes_y_float64_tienen_su_pista():
    def sin_codificar(x, y):
        return referencia.preparar_datos(x, y)[0], np.asarray(y)

    def sin_num_classes(x, y):
        return referencia.preparar_datos(x, y)[0], keras.utils.to_categorical(y)

    def en_float64(x, y):
        return np.asarray(x) / 16.0, referencia.preparar_datos(x, y)[1]

    assert any("etiquetas enteras sin codificar" in m for m in _mensajes(sin_codificar))
    assert any("num_classes=10" in m and "la etiqueta más alta + 1" in m for m in _mensajes(sin_num_classes))
    assert _mensajes(en_float64) == [next(m for m in _mensajes(en_float64) if "float32" in m)]


def test_la_referencia_pasa_todos_los_casos_de_preparar_datos():
    assert _mensajes(referencia.preparar_datos) == []


# -- the generated notebook ----------------------------------------------------
