"""Pruebas de 05_keras_iris: la referencia, el calificador por el motor real y sus pistas.

The reference model is trained once per module (a few seconds on an idle 2-CPU
machine); five submissions are graded with ``autograder.motor.calificar_cuaderno``
on the source notebook and on variants of it, as the CLI and nbgrader do. The
hints of ``preparar_datos`` and of the EarlyStopping check are exercised with the
same cases through ``AlumnoLocal`` (no sandbox), which keeps the file fast.
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
from autograder.calificadores.keras_iris import casos_modelo_entrenado as casos_modelo  # noqa: E402
from autograder.entrenamiento import entrenar_y_guardar  # noqa: E402
from autograder.errores import Fallo  # noqa: E402
from autograder.motor import ejecutar_casos  # noqa: E402
from ayudas_keras import caso as _caso, calificar_entregas, comprobar_parte_rota, comprobar_referencia_calificada  # noqa: E402
from ayudas_keras import entrenar_midiendo, exactitud_en_prueba, guardar as _guardar  # noqa: E402
from conftest import con_celda, cuaderno_fuente, en_blanco  # noqa: E402
from solutions import keras_iris as referencia  # noqa: E402

TAREA_ID = "05_keras_iris"
TAREA = cargar_tarea(TAREA_ID)
SEGUNDOS_MAXIMOS_CALIFICAR = 60  # target < 30 s on an idle machine; other helpers share the CPUs

PREPARAR_DDOF_1 = '''import keras
import numpy as np
def preparar_datos(X, y):
    X = np.asarray(X, dtype=float)
    return (X - X.mean(axis=0)) / X.std(axis=0, ddof=1), keras.utils.to_categorical(y, num_classes=3)
'''
MODELO_LOGITS = '''import keras
from keras import layers
def construir_modelo():
    modelo = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(16, activation="relu"), layers.Dense(3)])
    modelo.compile(optimizer="sgd", loss=keras.losses.CategoricalCrossentropy(from_logits=True))
    return modelo
'''


# -- fixtures ------------------------------------------------------------------

@pytest.fixture(scope="module")
def modelo_referencia(tmp_path_factory):
    """La referencia entrenada una vez: (directorio con los tres archivos, segundos)."""
    return entrenar_midiendo(referencia, tmp_path_factory.mktemp("referencia"))


def _modelo_debil(directorio):
    """La red de referencia entrenada 2 épocas con parada temprana: entrenamiento.json válido, exactitud baja."""
    (X_train, y_train), _ = referencia.particion_iris()
    X, Y = referencia.preparar_datos(X_train, y_train)
    keras.utils.set_random_seed(0)
    modelo = referencia.construir_modelo()
    entrenar_y_guardar(modelo, X, Y, ruta=directorio / "modelo.keras", epochs=2, batch_size=16,
                       validation_split=0.2, verbose=0,
                       callbacks=[keras.callbacks.EarlyStopping(monitor="val_accuracy", patience=30)])
    return directorio


def _modelo_dos_clases(directorio):
    """Salida de 2 clases en lugar de 3, sin entrenar."""
    modelo = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(8, activation="relu"),
                               layers.Dense(2, activation="softmax")])
    modelo.compile(optimizer="sgd", loss="categorical_crossentropy")
    return _guardar(modelo, directorio)


@pytest.fixture(scope="module")
def calificaciones(modelo_referencia, tmp_path_factory):
    """Five gradings by the real engine (≈ 20 s each on an idle machine)."""
    fuente = cuaderno_fuente(TAREA_ID)
    base = tmp_path_factory.mktemp("entregas")
    directorio_referencia = modelo_referencia[0]
    entregas = {
        "referencia": (fuente, directorio_referencia),
        "en_blanco_dos_clases": (en_blanco(fuente), _modelo_dos_clases(base / "dos_clases")),
        "preparar_datos_ddof_1": (con_celda(fuente, "preparar_datos", PREPARAR_DDOF_1), directorio_referencia),
        "construir_modelo_logits": (con_celda(fuente, "construir_modelo", MODELO_LOGITS), directorio_referencia),
        "debil": (fuente, _modelo_debil(base / "debil")),
    }
    return calificar_entregas(entregas, TAREA_ID)


# -- reference -----------------------------------------------------------------

def test_referencia_entrena_y_supera_el_umbral(modelo_referencia):
    """¿La referencia supera 0.93 en las 30 flores de prueba y deja los tres archivos con EarlyStopping?"""
    directorio, segundos = modelo_referencia
    exactitud = exactitud_en_prueba(directorio, casos_modelo)
    print(f"referencia: {segundos:.1f} s, exactitud en prueba {exactitud:.4f}")
    assert exactitud >= casos_modelo.UMBRAL_EXACTITUD + 0.03
    entrenamiento = json.loads((directorio / "entrenamiento.json").read_text())
    (parada,) = entrenamiento["callbacks"]
    assert parada["clase"] == "EarlyStopping" and parada["monitor"] == "val_accuracy"
    assert parada["patience"] == referencia.PACIENCIA_REFERENCIA
    assert parada["min_delta"] == referencia.MEJORA_MINIMA_REFERENCIA == 0.0001  # the slides' callback
    assert entrenamiento["epocas_pedidas"] == referencia.EPOCAS_REFERENCIA
    historial = json.loads((directorio / "historial.json").read_text())
    assert entrenamiento["epocas_ejecutadas"] == len(historial["loss"]) < referencia.EPOCAS_REFERENCIA


def test_particion_estratificada_de_la_referencia_y_del_calificador():
    """¿La partición del calificador es la de la referencia: 30 flores, 10 por especie?"""
    (X_train, y_train), (X_test, y_test) = referencia.particion_iris()
    X_calificador, y_calificador = casos_modelo.conjunto_de_prueba()
    assert X_train.shape == (120, 4) and np.bincount(y_test).tolist() == [10, 10, 10]
    np.testing.assert_array_equal(y_calificador, y_test)
    np.testing.assert_allclose(X_calificador, (X_test - X_train.mean(axis=0)) / X_train.std(axis=0), rtol=1e-6)


# -- grading through the engine ------------------------------------------------

def test_referencia_obtiene_todos_los_puntos_rapido(calificaciones):
    """¿El cuaderno fuente con el modelo de referencia saca 10/10, sin errores de celda y a tiempo?"""
    resultado = calificaciones["referencia"]
    comprobar_referencia_calificada(resultado, 10)
    assert resultado.segundos < SEGUNDOS_MAXIMOS_CALIFICAR


def test_en_blanco_con_modelo_de_dos_clases_obtiene_cero(calificaciones):
    """¿El cuaderno en blanco saca 0 y un modelo.keras de 2 clases recibe el mensaje de la salida?"""
    resultado = calificaciones["en_blanco_dos_clases"]
    assert resultado.puntaje == 0
    arquitectura = _caso(resultado, "modelo_entrenado/arquitectura_del_modelo_entregado")
    assert "(None, 2)" in arquitectura.mensaje and "(None, 3)" in arquitectura.mensaje
    assert "número de clases" in arquitectura.mensaje
    parada = _caso(resultado, "modelo_entrenado/entrenado_con_parada_temprana")
    assert "no encontré `entrenamiento.json`" in parada.mensaje


@pytest.mark.parametrize("roto", ["preparar_datos_ddof_1", "construir_modelo_logits", "debil"])
def test_cada_parte_rota_pierde_solo_sus_puntos(calificaciones, roto):
    """¿Romper una parte (función o modelo entregado) cuesta solo los puntos de esa parte?"""
    ejercicio_roto = {"preparar_datos_ddof_1": "preparar_datos", "construir_modelo_logits": "construir_modelo",
                      "debil": "modelo_entrenado"}[roto]
    comprobar_parte_rota(TAREA, calificaciones[roto], calificaciones["referencia"], ejercicio_roto)


def test_desviacion_muestral_recibe_su_pista_y_el_caso_oculto_no_revela_valores(calificaciones):
    """¿ddof=1 se reconoce por su nombre, y el caso oculto no muestra los valores esperados?"""
    resultado = calificaciones["preparar_datos_ddof_1"]
    assert resultado.puntaje_ejercicio("preparar_datos") == 2  # shapes and one-hot still right
    publico = _caso(resultado, "preparar_datos/estandarizacion_por_columnas")
    assert "ddof=1" in publico.mensaje and "esperado:" in publico.mensaje
    oculto = _caso(resultado, "preparar_datos/flores_aleatorias")
    assert oculto.oculta and "ddof=1" in oculto.mensaje
    assert "esperado:" not in oculto.mensaje and "obtenido:" not in oculto.mensaje


def test_logits_en_construir_modelo_reciben_la_pista_de_softmax(calificaciones):
    caso = _caso(calificaciones["construir_modelo_logits"], "construir_modelo/entrada_4_y_salida_softmax_3")
    assert not caso.aprobada and "logits" in caso.mensaje and "activation='softmax'" in caso.mensaje


def test_modelo_debil_pierde_solo_la_exactitud_con_el_valor_en_el_mensaje(calificaciones):
    resultado = calificaciones["debil"]
    exactitud = _caso(resultado, "modelo_entrenado/exactitud_en_prueba")
    assert not exactitud.aprobada
    assert re.search(r"la exactitud en las 30 flores de prueba es 0\.\d{4} y se pide ≥ 0\.93", exactitud.mensaje)
    assert resultado.puntaje == resultado.puntaje_max - exactitud.puntaje_max


# -- hints of preparar_datos (same cases, student's kernel path) ----------------

ERRORES_PREPARAR = {
    "min-max": ("lambda X: (X - X.min(axis=0)) / (X.max(axis=0) - X.min(axis=0))", "min-max"),
    "ddof_1": ("lambda X: (X - X.mean(axis=0)) / X.std(axis=0, ddof=1)", "ddof=1"),
    "global": ("lambda X: (X - X.mean()) / X.std()", "una sola media"),
    "por_filas": ("lambda X: (X - X.mean(axis=1, keepdims=True)) / X.std(axis=1, keepdims=True)", "cada fila"),
    "sin_centrar": ("lambda X: X / X.std(axis=0)", "no restaste la media"),
    "sin_escalar": ("lambda X: X - X.mean(axis=0)", "no dividiste"),
}


def _mensajes(preparar) -> list[str]:
    resultados = ejecutar_casos(TAREA, AlumnoLocal({"preparar_datos": preparar}), "alumno_prueba",
                                ejercicios=("preparar_datos",))
    return [r.mensaje for r in resultados if not r.aprobada]


@pytest.mark.parametrize("error", sorted(ERRORES_PREPARAR))
def test_cada_error_de_estandarizacion_tiene_su_pista(error):
    transformacion, pista = ERRORES_PREPARAR[error]
    estandarizar = eval(transformacion)  # noqa: S307 - fixed strings above

    def preparar_datos(X, y):
        return estandarizar(np.asarray(X, dtype=float)), keras.utils.to_categorical(y, num_classes=3)

    mensajes = _mensajes(preparar_datos)
    assert len(mensajes) == 2, mensajes  # the public values case and the hidden case
    assert all(pista in m for m in mensajes), mensajes


def test_etiquetas_sin_codificar_y_sin_num_classes_tienen_su_pista():
    def sin_codificar(X, y):
        return referencia.preparar_datos(X, y)[0], np.asarray(y)

    def sin_num_classes(X, y):
        return referencia.preparar_datos(X, y)[0], keras.utils.to_categorical(y)

    assert any("etiquetas enteras sin codificar" in m for m in _mensajes(sin_codificar))
    assert any("num_classes=3" in m and "la etiqueta más alta + 1" in m for m in _mensajes(sin_num_classes))


def test_la_referencia_pasa_todos_los_casos_de_preparar_datos():
    assert _mensajes(referencia.preparar_datos) == []


# -- the EarlyStopping soft check ---------------------------------------------

@pytest.mark.parametrize("contenido, pista", [
    (None, "no encontré `entrenamiento.json`"),
    ("{no es json", "no es un JSON válido"),
    (json.dumps({"callbacks": []}), "no se usó EarlyStopping (callbacks usados: ninguno)"),
    (json.dumps({"callbacks": [{"clase": "EarlyStopping", "monitor": "loss", "patience": 5}]}),
     "vigila 'loss', una métrica de entrenamiento"),
])
def test_parada_temprana_ausente_o_mal_configurada_recibe_su_pista(tmp_path, contenido, pista):
    if contenido is not None:
        (tmp_path / "entrenamiento.json").write_text(contenido)
    with pytest.raises(Fallo) as fallo:
        casos_modelo.test_entrenado_con_parada_temprana(AlumnoLocal({}, tmp_path))
    assert pista in str(fallo.value)


def test_parada_temprana_con_monitor_de_validacion_aprueba(tmp_path):
    descripcion = {"callbacks": [{"clase": "EarlyStopping", "monitor": "val_loss", "patience": 10}]}
    (tmp_path / "entrenamiento.json").write_text(json.dumps(descripcion))
    casos_modelo.test_entrenado_con_parada_temprana(AlumnoLocal({}, tmp_path))


# -- the generated notebook ----------------------------------------------------
