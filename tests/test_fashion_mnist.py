"""Pruebas de 08_fashion_mnist: el modelo de referencia guardado, el calificador por el motor real y sus pistas.

The reference model is committed (``solutions/modelos/08_fashion_mnist``); every
submission below is graded with ``autograder.motor.calificar_cuaderno`` on the
source notebook or a variant of it, as the CLI and nbgrader do (six sandboxed
gradings, grouped in one module fixture). The hint matrix of ``preprocesar`` runs
the same cases through ``autograder.motor.ejecutar_casos`` in this process (no
sandbox), which is what the notebook's own check cells do. Retraining the
reference from scratch is in the slow tier (``pytest -m lento``).
"""
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np
import pytest

from ayudas_keras import saltar_sin_datos  # noqa: E402
from conftest import RAIZ  # noqa: E402

saltar_sin_datos("fashion-mnist/t10k-images-idx3-ubyte.gz", "Fashion-MNIST")

import keras  # noqa: E402
from keras import layers  # noqa: E402

from autograder.alumno import AlumnoLocal  # noqa: E402
from autograder.calificadores import cargar_tarea  # noqa: E402
from autograder.calificadores.fashion_mnist.casos_preprocesar import PISTA_MAXIMO, PREPARACION  # noqa: E402
from autograder.calificadores.fashion_mnist.casos_modelo_entrenado import UMBRAL_EXACTITUD  # noqa: E402
from autograder.motor import ejecutar_casos  # noqa: E402
from ayudas_keras import _datos_sin_conexion  # noqa: E402,F401  (autouse)
from ayudas_keras import calificar_entregas_midiendo, caso as _caso, comprobar_en_blanco_con_mensajes  # noqa: E402
from ayudas_keras import comprobar_funcion_rota, comprobar_modelo_guardado, comprobar_ocultos_fallan_sin_revelar  # noqa: E402
from ayudas_keras import comprobar_que_no_reentrena, comprobar_que_solo_pierde_la_exactitud  # noqa: E402
from ayudas_keras import comprobar_referencia_calificada, comprobar_referencia_en_casos_locales  # noqa: E402
from ayudas_keras import guardar as _guardar, mensajes as _mensajes  # noqa: E402
from conftest import con_celda, cuaderno_fuente, en_blanco  # noqa: E402
from solutions import fashion_mnist as referencia  # noqa: E402
from source_data import cargar_fashion_mnist  # noqa: E402

TAREA_ID = "08_fashion_mnist"
TAREA = cargar_tarea(TAREA_ID)
MODELO_REFERENCIA = RAIZ / "solutions" / "modelos" / TAREA_ID
PUNTOS = {"preprocesar": 4, "construir_modelo": 3, "modelo_entrenado": 3}

PREPROCESAR_SIN_255_Y_ETIQUETAS_ENTERAS = '''import numpy as np
def preprocesar(x, y):
    return x.reshape(x.shape[0], 784).astype("float32"), np.asarray(y)
'''
CONSTRUIR_SIN_IMPLEMENTAR = '''def construir_modelo():
    raise NotImplementedError()
'''
CONSTRUIR_LOGITS_Y_SPARSE = '''import keras
from keras import layers
def construir_modelo():
    modelo = keras.Sequential([keras.Input(shape=(784,)), layers.Dense(64, activation="relu"), layers.Dense(10)])
    modelo.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return modelo
'''


# -- fixtures ------------------------------------------------------------------

@pytest.fixture(scope="module")
def datos():
    (x_train, y_train), (x_test, y_test) = cargar_fashion_mnist()
    X_train, Y_train = referencia.preprocesar(x_train[:300], y_train[:300])
    X_test, _ = referencia.preprocesar(x_test, y_test)
    return X_train, Y_train, X_test, y_test


def _modelo_debil(datos):
    """La red de referencia entrenada con solo 300 prendas durante 1 época (0.62 de exactitud)."""
    X_train, Y_train, _, _ = datos
    keras.utils.set_random_seed(0)
    modelo = referencia.construir_modelo()
    modelo.fit(X_train, Y_train, epochs=1, verbose=0)
    return modelo


def _modelo_sin_aplanar(datos):
    """Una red densa que recibe prendas (28, 28) y las aplana ella misma: no acepta los vectores de 784."""
    X_train, Y_train, _, _ = datos
    keras.utils.set_random_seed(0)
    modelo = keras.Sequential([keras.Input(shape=(28, 28)), layers.Flatten(), layers.Dense(32, activation="relu"),
                               layers.Dense(10, activation="softmax")])
    modelo.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    modelo.fit(X_train.reshape(-1, 28, 28), Y_train, epochs=1, verbose=0)
    return modelo


@pytest.fixture(scope="module")
def calificaciones(datos, tmp_path_factory):
    """Each submission graded by the real engine (one sandbox each): {nombre: (resultado, segundos)}."""
    base = tmp_path_factory.mktemp("entregas")
    fuente = cuaderno_fuente(TAREA_ID)
    debil = _guardar(_modelo_debil(datos), base / "debil")
    sin_aplanar = _guardar(_modelo_sin_aplanar(datos), base / "sin_aplanar")
    entregas = {
        "referencia": (fuente, MODELO_REFERENCIA),
        "en_blanco": (en_blanco(fuente), None),
        "preprocesar_roto": (con_celda(fuente, "preprocesar", PREPROCESAR_SIN_255_Y_ETIQUETAS_ENTERAS),
                             MODELO_REFERENCIA),
        "construir_roto": (con_celda(fuente, "construir_modelo", CONSTRUIR_SIN_IMPLEMENTAR), MODELO_REFERENCIA),
        "modelo_debil": (fuente, debil),
        "logits_y_entrada_28x28": (con_celda(fuente, "construir_modelo", CONSTRUIR_LOGITS_Y_SPARSE), sin_aplanar),
    }
    return calificar_entregas_midiendo(entregas, TAREA_ID, "alumno1")


def _resultado(calificaciones, nombre):
    return calificaciones[nombre][0]


# -- the committed reference model ---------------------------------------------

def test_modelo_de_referencia_guardado_es_el_de_construir_modelo():
    """¿solutions/modelos/08_fashion_mnist tiene la arquitectura de construir_modelo(), pesa ≤ 1.5 MB y trae su historial?"""
    comprobar_modelo_guardado(MODELO_REFERENCIA, referencia)


# -- grading through the engine ------------------------------------------------

def test_referencia_obtiene_todos_los_puntos(calificaciones):
    """¿El cuaderno fuente con el modelo de referencia saca 10/10, sin errores de celda?"""
    resultado, segundos = calificaciones["referencia"]
    comprobar_referencia_calificada(resultado, sum(PUNTOS.values()))
    assert {e: TAREA.puntos(e) for e in TAREA.ejercicios} == PUNTOS
    print(f"calificar la referencia: {segundos:.1f} s")
    comprobar_que_no_reentrena(TAREA_ID)


def test_cuaderno_en_blanco_obtiene_cero(calificaciones):
    """¿El cuaderno tal como se publica, sin modelo.keras, obtiene 0 puntos?"""
    comprobar_en_blanco_con_mensajes(_resultado(calificaciones, "en_blanco"), "preprocesar")


@pytest.mark.parametrize("nombre, ejercicio_roto", [("preprocesar_roto", "preprocesar"),
                                                     ("construir_roto", "construir_modelo")])
def test_romper_una_funcion_solo_cuesta_sus_puntos(calificaciones, nombre, ejercicio_roto):
    """¿Una función rota pierde todos sus puntos y las demás partes conservan los suyos?"""
    comprobar_funcion_rota(_resultado(calificaciones, nombre), PUNTOS, ejercicio_roto)


def test_preprocesar_roto_recibe_sus_pistas_sin_revelar_los_casos_ocultos(calificaciones):
    """¿Sin /255 y con etiquetas enteras, los mensajes lo dicen, y el caso oculto no muestra valores esperados?"""
    resultado = _resultado(calificaciones, "preprocesar_roto")
    mensajes = _mensajes(resultado, "preprocesar")
    assert "divide entre 255" in mensajes
    assert "son las etiquetas enteras sin codificar" in mensajes
    comprobar_ocultos_fallan_sin_revelar(resultado, "preprocesar")


def test_modelo_debil_pierde_solo_la_exactitud(calificaciones):
    """¿Un modelo entrenado con 300 prendas falla la exactitud, con el valor en el mensaje, y conserva lo demás?"""
    exactitud = comprobar_que_solo_pierde_la_exactitud(
        _resultado(calificaciones, "modelo_debil"),
        r"la exactitud en las 10000 prendas de prueba es 0\.\d{4} y se pide ≥ 0\.87", 2)
    assert "camisa" in exactitud.mensaje  # the clothing-specific hint, not the untrained one


def test_logits_sparse_y_entrada_sin_aplanar_reciben_su_mensaje(calificaciones):
    """¿Salida sin softmax, pérdida sparse y un modelo.keras de entrada (28, 28) se reconocen y se explican?"""
    resultado = _resultado(calificaciones, "logits_y_entrada_28x28")
    salida = _caso(resultado, "construir_modelo/entrada_784_y_salida_softmax_10")
    assert not salida.aprobada and "logits" in salida.mensaje
    compilado = _caso(resultado, "construir_modelo/compilado_con_entropia_cruzada_categorica")
    assert not compilado.aprobada and "sparse_categorical_crossentropy espera etiquetas enteras" in compilado.mensaje
    assert _caso(resultado, "construir_modelo/solo_capas_densas").aprobada
    arquitectura = _caso(resultado, "modelo_entrenado/arquitectura_del_modelo_entregado")
    assert not arquitectura.aprobada
    assert "(None, 28, 28)" in arquitectura.mensaje and "keras.Input(shape=(784,))" in arquitectura.mensaje
    exactitud = _caso(resultado, "modelo_entrenado/exactitud_en_prueba")
    assert not exactitud.aprobada
    assert "falló al predecir" in exactitud.mensaje and "sin aplanar" in exactitud.mensaje
    assert resultado.puntaje_ejercicio("preprocesar") == PUNTOS["preprocesar"]


# -- every hint of preprocesar, through the same cases in this process -------------

def _con_etiquetas(X, y, forma_y):
    y = np.asarray(y).astype(int)
    if forma_y == "enteras":
        return X, y
    columnas = 10 if forma_y == "one_hot" else int(y.max()) + 1
    return X, np.eye(columnas, dtype="float32")[y]


ERRORES_PREPROCESAR = {
    "sin_255": (lambda x: x.reshape(len(x), 784).astype("float32"), "one_hot", PREPARACION.pista("sin_escalar")),
    "division_entera": (lambda x: (x.reshape(len(x), 784) // 255).astype("float32"), "one_hot",
                        PREPARACION.pista("division_entera")),
    "por_columnas": (lambda x: x.transpose(0, 2, 1).reshape(len(x), 784).astype("float32") / 255, "one_hot",
                     PREPARACION.pista("traspuesta")),
    "entre_el_maximo": (lambda x: x.reshape(len(x), 784).astype("float32") / x.max(), "one_hot",
                        PISTA_MAXIMO),
    "sin_aplanar": (lambda x: x.astype("float32") / 255, "one_hot", "la de las prendas sin aplanar"),
    "float64": (lambda x: x.reshape(len(x), 784) / 255.0, "one_hot", "se esperaba float32"),
    "etiquetas_enteras": (lambda x: x.reshape(len(x), 784).astype("float32") / 255, "enteras",
                          "son las etiquetas enteras sin codificar"),
    "to_categorical_sin_num_classes": (lambda x: x.reshape(len(x), 784).astype("float32") / 255, "hasta_el_maximo",
                                       "pásale num_classes=10"),
}


@pytest.mark.parametrize("error", sorted(ERRORES_PREPROCESAR))
def test_cada_error_de_preprocesar_recibe_su_pista(error):
    """¿Cada error anticipado de preprocesar recibe su pista, en los casos públicos y en el oculto?"""
    transformar, forma_y, pista = ERRORES_PREPROCESAR[error]

    def preprocesar(x, y):
        return _con_etiquetas(transformar(np.asarray(x)), y, forma_y)

    resultados = ejecutar_casos(TAREA, AlumnoLocal({"preprocesar": preprocesar}), "alumno1",
                                ejercicios=("preprocesar",))
    publicos = "\n".join(c.mensaje for c in resultados if not c.aprobada and not c.oculta)
    assert pista in publicos, publicos
    (oculto,) = [c for c in resultados if c.oculta]
    assert "esperado:" not in oculto.mensaje
    # The hidden case compares values only: a float64 X has the right values, and a random hidden batch
    # usually holds all ten classes, so to_categorical without num_classes gives 10 columns there.
    if error not in ("float64", "to_categorical_sin_num_classes"):
        assert not oculto.aprobada and pista in oculto.mensaje, oculto.mensaje


def test_la_referencia_pasa_todos_los_casos_de_preprocesar():
    """¿La referencia pasa los casos públicos y el oculto de preprocesar para varios alumnos?"""
    comprobar_referencia_en_casos_locales(TAREA, "preprocesar", referencia.preprocesar)


# -- slow tier ----------------------------------------------------------


@pytest.mark.lento
def test_reentrenar_la_referencia_supera_el_umbral(tmp_path, datos):
    """¿Entrenar la referencia desde cero (semilla 0) vuelve a superar el umbral de exactitud?"""
    ruta, historial = referencia.entrenar_referencia(tmp_path)
    _, _, X_test, y_test = datos
    modelo = keras.saving.load_model(ruta, safe_mode=True, compile=False)
    exactitud = float(np.mean(np.argmax(modelo.predict(X_test, verbose=0), axis=1) == y_test))
    print(f"referencia reentrenada: exactitud en prueba {exactitud:.4f}")
    assert exactitud >= UMBRAL_EXACTITUD + 0.005
    assert len(historial["loss"]) == referencia.EPOCAS_REFERENCIA


# -- architecture hints on a described model (no Keras process needed) -------------

class _AlumnoDescrito:
    """Stands in for the sandbox: returns a fixed model description, as alumno.modelo_construido does."""

    def __init__(self, capas, salida="[null, 10]", entrada="[null, 784]"):
        self.descripcion = {"entrada": entrada, "salida": salida, "compilado": True,
                            "perdida": "categorical_crossentropy",
                            "capas": [{"clase": c, "activacion": a, "regularizador": None, "unidades": None}
                                      for c, a in capas]}

    def modelo_construido(self, nombre="construir_modelo"):
        return self.descripcion


def test_pistas_de_arquitectura_propias_de_las_prendas():
    """¿Un número de clases equivocado nombra las prendas, y una capa Conv2D remite a la tarea 09?"""
    from autograder.calificadores.fashion_mnist import casos_construir_modelo as casos
    from autograder.errores import Fallo

    nueve = _AlumnoDescrito([("Dense", "relu"), ("Dense", "softmax")], salida="[null, 9]")
    with pytest.raises(Fallo, match="una probabilidad por tipo de prenda") as fallo:
        casos.test_entrada_784_y_salida_softmax_10(nueve)
    assert "¿Tiene el número de clases correcto?" in str(fallo.value)
    convolucional = _AlumnoDescrito([("Conv2D", "relu"), ("Flatten", "linear"), ("Dense", "softmax")])
    with pytest.raises(Fallo, match="las convoluciones llegan en la tarea 09_cnn_mnist"):
        casos.test_solo_capas_densas(convolucional)
    casos.test_entrada_784_y_salida_softmax_10(_AlumnoDescrito([("Dense", "relu"), ("Dense", "softmax")]))
