"""Pruebas de 10_cnn_cifar10: la referencia guardada, el calificador por el motor real y sus pistas.

The reference model takes minutes to train, so it is committed in
``solutions/modelos/10_cnn_cifar10`` and retrained only in the slow tier
(``pytest -m lento``). Submissions are graded with ``autograder.motor.calificar_cuaderno``
on the source notebook and on variants of it, as the CLI and nbgrader do (≈ 20 s each);
the known-mistake hints of ``preprocesar`` and further wrong models run the same cases
against a local student (no sandbox), which is much faster. Default tier: about
2.5 minutes on 2 idle CPUs.
"""
import os
import re
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np
import pytest

from ayudas_keras import saltar_sin_datos  # noqa: E402
from conftest import RAIZ  # noqa: E402

saltar_sin_datos("cifar10/cifar10_subset.npz", "CIFAR-10")

import keras  # noqa: E402
from keras import layers  # noqa: E402

from autograder.alumno import AlumnoLocal  # noqa: E402
from autograder.calificadores import cargar_tarea  # noqa: E402
from autograder.calificadores.cnn_cifar10 import casos_modelo_entrenado as casos_modelo  # noqa: E402
from autograder.motor import ejecutar_casos  # noqa: E402
from ayudas_keras import _datos_sin_conexion  # noqa: E402,F401  (autouse)
from ayudas_keras import caso as _caso, comprobar_en_blanco, comprobar_modelo_comprometido  # noqa: E402
from ayudas_keras import calificar_entregas, comprobar_referencia_calificada, comprobar_roto, guardar as _guardar  # noqa: E402
from conftest import con_celda, en_blanco  # noqa: E402
from solutions import cnn_cifar10 as referencia  # noqa: E402

TAREA_ID = "10_cnn_cifar10"
TAREA = cargar_tarea(TAREA_ID)
MODELO_REFERENCIA = RAIZ / "solutions" / "modelos" / TAREA_ID
PUNTOS = {e: TAREA.puntos(e) for e in TAREA.ejercicios}


def _preprocesar(x_expr: str, y_expr: str = "keras.utils.to_categorical(y.reshape(-1), num_classes=10)") -> str:
    return f"""def preprocesar(x, y):
    return {x_expr}, {y_expr}"""


SIN_255 = _preprocesar('x.astype("float32")')
DIVISION_ENTERA = _preprocesar("x // 255")
CENTRADO = _preprocesar('(x.astype("float32") / 255 - (x / 255).mean()) / (x / 255).std()')
APLANADO = _preprocesar('x.reshape(len(x), -1).astype("float32") / 255')
EN_FLOAT64 = _preprocesar("x / 255.0")
Y_CON_EJE_SOBRANTE = _preprocesar('x.astype("float32") / 255', "np.eye(10)[y]")
Y_SIN_NUM_CLASSES = _preprocesar('x.astype("float32") / 255', "keras.utils.to_categorical(y.reshape(-1))")
Y_ENTEROS = _preprocesar('x.astype("float32") / 255', "y")
CORRECTO_CON_TO_CATEGORICAL = _preprocesar('x.astype("float32") / 255', "keras.utils.to_categorical(y, num_classes=10)")
UNA_CONVOLUCION = """def construir_modelo():
    modelo = keras.Sequential([keras.Input(shape=(32, 32, 3)), layers.Conv2D(8, 3, activation="relu"),
                               layers.Flatten(), layers.Dense(10, activation="softmax")])
    modelo.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    return modelo"""


def _modelo_sin_entrenar():
    keras.utils.set_random_seed(0)
    return referencia.construir_modelo()


def _modelo_denso():
    """A dense network on flattened images: no convolutions and the wrong input shape."""
    keras.utils.set_random_seed(0)
    modelo = keras.Sequential([keras.Input(shape=(3072,)), layers.Dense(32, activation="relu"),
                               layers.Dense(10, activation="softmax")])
    modelo.compile(optimizer="adam", loss="categorical_crossentropy")
    return modelo


def _modelo_logits():
    """Last layer without activation: returns logits (compiled with from_logits=True)."""
    keras.utils.set_random_seed(0)
    modelo = keras.Sequential([keras.Input(shape=(32, 32, 3)), layers.Conv2D(4, 3), layers.Conv2D(4, 3),
                               layers.Flatten(), layers.Dense(10)])
    modelo.compile(optimizer="adam", loss=keras.losses.CategoricalCrossentropy(from_logits=True))
    return modelo


@pytest.fixture(scope="module")
def calificaciones(fuente, tmp_path_factory):
    """Every submission graded by the real engine, one after the other (≈ 20 s each)."""
    base = tmp_path_factory.mktemp("entregas")
    sin_entrenar = _guardar(_modelo_sin_entrenar(), base / "sin_entrenar")
    denso = _guardar(_modelo_denso(), base / "denso")
    vacia = base / "sin_modelo"
    vacia.mkdir()
    variantes = {
        "referencia": (fuente, MODELO_REFERENCIA),
        "en_blanco": (en_blanco(fuente), vacia),
        "roto_preprocesar": (con_celda(fuente, "preprocesar", SIN_255), MODELO_REFERENCIA),
        "roto_construir_modelo": (con_celda(fuente, "construir_modelo", UNA_CONVOLUCION), MODELO_REFERENCIA),
        "roto_modelo_entrenado": (fuente, sin_entrenar),
        "denso": (fuente, denso),
    }
    return calificar_entregas(variantes, TAREA_ID, "alumno1")


def _local(codigo: str, ejercicio: str, directorio: Path = RAIZ) -> dict:
    """Runs every case of `ejercicio` (hidden ones too) against `codigo` defined in a local namespace."""
    espacio = {"keras": keras, "layers": layers, "np": np}
    exec(compile(codigo, "<alumno>", "exec"), espacio)
    resultados = ejecutar_casos(TAREA, AlumnoLocal(espacio, directorio), "alumno1", ejercicios=(ejercicio,))
    return {r.id.split("/")[1]: r for r in resultados}


# -- the committed reference model and the threshold ------------------------------

def test_modelo_comprometido_tiene_la_arquitectura_de_construir_modelo():
    """¿El modelo.keras guardado en solutions/modelos tiene las capas y pesos de construir_modelo(), y pesa ≤ 1.5 MB?"""
    comprobar_modelo_comprometido(MODELO_REFERENCIA, referencia)


@pytest.mark.parametrize("origen, umbral, datos", [
    ("subconjunto", casos_modelo.UMBRAL_SUBCONJUNTO, "1000 imágenes de prueba del subconjunto"),
    ("completo", 0.65, "10000 imágenes de prueba de CIFAR-10 (conjunto completo)"),
])
def test_umbral_segun_los_datos_disponibles(monkeypatch, origen, umbral, datos):
    """¿El calificador usa el umbral calibrado para la versión de CIFAR-10 que da cargar_cifar10(), y lo dice?"""
    import source_data

    monkeypatch.setattr(source_data, "origen_cifar10", lambda: origen)
    casos_modelo.umbral_y_datos.cache_clear()
    try:
        obtenido, descripcion = casos_modelo.umbral_y_datos()
    finally:
        casos_modelo.umbral_y_datos.cache_clear()
    assert obtenido == umbral and datos in descripcion
    assert 0.1 < casos_modelo.UMBRAL_SUBCONJUNTO < casos_modelo.EXACTITUD_REFERENCIA_SUBCONJUNTO < 0.65


# -- grading through the engine ------------------------------------------------

def test_referencia_obtiene_todos_los_puntos(calificaciones):
    """¿El cuaderno fuente con el modelo de referencia saca todos los puntos, sin errores de celda?"""
    resultado = calificaciones["referencia"]
    comprobar_referencia_calificada(resultado, sum(PUNTOS.values()))


def test_cuaderno_en_blanco_obtiene_cero(calificaciones):
    """¿El cuaderno tal como se publica, sin modelo.keras, saca 0 puntos con mensajes en español?"""
    comprobar_en_blanco(calificaciones["en_blanco"], "preprocesar")


@pytest.mark.parametrize("ejercicio", ["preprocesar", "construir_modelo", "modelo_entrenado"])
def test_cada_ejercicio_roto_pierde_solo_sus_puntos(calificaciones, ejercicio):
    """¿Romper un solo ejercicio (o entregar un modelo sin entrenar) cuesta solo puntos de ese ejercicio?"""
    # Forgetting /255 keeps the shapes and labels points; one convolution keeps input/output and compile;
    # an untrained model keeps the architecture point.
    conserva = {"preprocesar": 2, "construir_modelo": 2, "modelo_entrenado": 1}[ejercicio]
    comprobar_roto(calificaciones[f"roto_{ejercicio}"], TAREA, PUNTOS, ejercicio, conserva)


def test_sin_dividir_entre_255_recibe_su_pista_sin_revelar_valores_ocultos(calificaciones):
    """¿Olvidar /255 da la pista de 255 en el caso público y en el oculto, y el oculto no muestra valores?"""
    resultado = calificaciones["roto_preprocesar"]
    publico = _caso(resultado, "preprocesar/pixeles_entre_0_y_1")
    assert "divide entre 255" in publico.mensaje and "esperado:" in publico.mensaje
    oculto = _caso(resultado, "preprocesar/imagenes_aleatorias")
    assert "divide entre 255" in oculto.mensaje
    assert "obtenido:" not in oculto.mensaje and "esperado:" not in oculto.mensaje


def test_una_sola_convolucion_recibe_su_mensaje(calificaciones):
    """¿Un modelo con una sola Conv2D pierde el punto de las convoluciones con un mensaje que lo dice?"""
    caso = _caso(calificaciones["roto_construir_modelo"], "construir_modelo/al_menos_dos_conv2d")
    assert not caso.aprobada and "tiene 1 capa(s) Conv2D" in caso.mensaje and "al menos 2" in caso.mensaje


def test_modelo_sin_entrenar_pierde_la_exactitud_con_el_valor_y_los_datos(calificaciones):
    """¿Un modelo sin entrenar falla la exactitud con su valor, el umbral y los datos en que se calibró?"""
    resultado = calificaciones["roto_modelo_entrenado"]
    exactitud = _caso(resultado, "modelo_entrenado/exactitud_en_prueba")
    assert not exactitud.aprobada
    umbral = re.escape(f"{casos_modelo.UMBRAL_SUBCONJUNTO}")
    assert re.search(rf"la exactitud en las 1000 imágenes de prueba del subconjunto .* es 0\.\d{{4}} y se pide ≥ {umbral}",
                     exactitud.mensaje)
    assert "calibrado" in exactitud.mensaje
    assert _caso(resultado, "modelo_entrenado/arquitectura_del_modelo_entregado").aprobada


def test_red_densa_sobre_imagenes_aplanadas_falla_la_arquitectura(calificaciones):
    """¿Una red densa con entrada (None, 3072) falla por falta de Conv2D, y su predicción trae una pista de forma?"""
    resultado = calificaciones["denso"]
    arquitectura = _caso(resultado, "modelo_entrenado/arquitectura_del_modelo_entregado")
    assert not arquitectura.aprobada and "tiene 0 capa(s) Conv2D" in arquitectura.mensaje
    exactitud = _caso(resultado, "modelo_entrenado/exactitud_en_prueba")
    assert not exactitud.aprobada
    assert "falló al predecir" in exactitud.mensaje and "(1000, 32, 32, 3)" in exactitud.mensaje


# -- known-mistake hints and further wrong models (same cases, local student) -----

@pytest.mark.parametrize("codigo, caso, fragmento", [
    (SIN_255, "pixeles_entre_0_y_1", "divide entre 255"),
    (DIVISION_ENTERA, "pixeles_entre_0_y_1", "división entera"),
    (CENTRADO, "pixeles_entre_0_y_1", "restaste la media"),
    (APLANADO, "formas_y_tipo", "aplanaste las imágenes"),
    (EN_FLOAT64, "formas_y_tipo", "se esperaba float32"),
    (Y_CON_EJE_SOBRANTE, "formas_y_tipo", "Aplánalas primero con y.reshape(-1)"),
    (Y_SIN_NUM_CLASSES, "formas_y_tipo", "pásale num_classes=10"),
    (Y_ENTEROS, "formas_y_tipo", "son las etiquetas enteras sin codificar"),
])
def test_pistas_de_preprocesar(codigo, caso, fragmento):
    """¿Cada error anticipado en preprocesar recibe su pista específica?"""
    resultados = _local(codigo, "preprocesar")
    assert not resultados[caso].aprobada
    assert fragmento in resultados[caso].mensaje


def test_to_categorical_con_num_classes_es_correcto():
    """¿La solución con keras.utils.to_categorical(y, num_classes=10) aprueba todos los casos (también el oculto)?"""
    resultados = _local(CORRECTO_CON_TO_CATEGORICAL, "preprocesar")
    assert all(r.aprobada for r in resultados.values()), [r.mensaje for r in resultados.values()]


@pytest.mark.parametrize("modelo, fragmento", [
    (_modelo_logits, "logits"),
    (None, "no pudo cargar"),
])
def test_modelos_equivocados_reciben_su_mensaje(modelo, fragmento, tmp_path):
    """¿Un modelo que devuelve logits y un archivo que no es un modelo de Keras reciben mensajes específicos?"""
    if modelo is None:
        (tmp_path / "modelo.keras").write_bytes(b"esto no es un modelo de Keras")
    else:
        _guardar(modelo(), tmp_path)
    resultados = _local("", "modelo_entrenado", tmp_path)
    assert not resultados["arquitectura_del_modelo_entregado"].aprobada
    assert fragmento in resultados["arquitectura_del_modelo_entregado"].mensaje


# -- slow tier -------------------------------------------------------------------

@pytest.mark.lento
def test_referencia_reentrenada_supera_el_umbral(tmp_path):
    """¿Entrenar la referencia desde cero (varios minutos) vuelve a superar el umbral de los datos disponibles?"""
    ruta, historial = referencia.entrenar_referencia(tmp_path)
    umbral, _ = casos_modelo.umbral_y_datos()
    X, y = casos_modelo.conjunto_de_prueba()
    modelo = keras.saving.load_model(ruta, safe_mode=True, compile=False)
    exactitud = float(np.mean(np.argmax(modelo.predict(X, batch_size=256, verbose=0), axis=1) == y))
    assert exactitud >= umbral + 0.02
    assert len(historial["loss"]) == referencia.EPOCAS_REFERENCIA
