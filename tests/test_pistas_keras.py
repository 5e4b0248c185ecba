"""Cada pista de las tareas de Keras aparece solo cuando se reconoce su error.

For every hint that names a mistake, one test gives a submission with exactly that mistake (it gets the
hint) and one with a different mistake (it does not, and gets a neutral message instead). Nothing here
imports TensorFlow or trains a model: the data-preparation cases run through ``AlumnoLocal`` with plain
NumPy functions, and the model cases read hand-written descriptions, crafted predictions and a
hand-written ``historial.json``.
"""
import json

import numpy as np
import pytest

from autograder import comprobaciones_keras
from autograder.alumno import AlumnoLocal
from autograder.calificadores import cargar_tarea, tareas_disponibles
from autograder.calificadores.cnn_mnist.arquitectura import exigir_aplanado
from autograder.calificadores.sobreajuste import casos_modelo_entrenado as casos_sobreajuste
from autograder.comprobaciones_keras import exigir_salida, pista_de_entrenamiento, predicciones_del_entregado
from autograder.errores import ErrorDelAlumno, Fallo
from autograder.motor import ejecutar_casos


def _fallo(funcion, *args, **kwargs) -> str:
    with pytest.raises(Fallo) as error:
        funcion(*args, **kwargs)
    return str(error.value)


def _capa(clase, activacion=""):
    return {"clase": clase, "activacion": activacion, "regularizador": False, "factor_regularizador": 0.0,
            "tasa": 0.0, "unidades": 0}


def _descripcion(entrada, salida, capas) -> dict:
    return {"entrada": json.dumps(entrada), "salida": json.dumps(salida), "compilado": True,
            "perdida": "categorical_crossentropy", "parametros": 1000, "capas": [_capa(*c) for c in capas]}


# -- labels: «sin codificar» and «num_classes» (six tasks) --------------------------------------------

def _estandarizar(X):
    X = np.asarray(X, dtype=float)
    return (X - X.mean(axis=0)) / X.std(axis=0)


# task id → (function, X as the reference returns it, number of classes)
PREPARAR = {
    "05_keras_iris": ("preparar_datos", _estandarizar, 3),
    "06_keras_digitos": ("preparar_datos", lambda x: np.asarray(x).astype("float32") / 16, 10),
    "07_keras_mnist": ("preprocesar", lambda x: np.asarray(x).reshape(len(x), 784).astype("float32") / 255, 10),
    "08_fashion_mnist": ("preprocesar", lambda x: np.asarray(x).reshape(len(x), 784).astype("float32") / 255, 10),
    "09_cnn_mnist": ("preprocesar", lambda x: np.asarray(x).reshape(len(x), 28, 28, 1).astype("float32") / 255, 10),
    "10_cnn_cifar10": ("preprocesar", lambda x: np.asarray(x).astype("float32") / 255, 10),
}


def _mensajes_publicos(tarea_id: str, etiquetas) -> str:
    """The failure messages of the public data-preparation cases when Y = etiquetas(y)."""
    funcion, transformar, _ = PREPARAR[tarea_id]

    def alumno(x, y):
        return transformar(x), etiquetas(np.asarray(y).reshape(-1).astype(int))

    resultados = ejecutar_casos(cargar_tarea(tarea_id), AlumnoLocal({funcion: alumno}), "alumno1",
                                ejercicios=(funcion,))
    return "\n".join(c.mensaje for c in resultados if not c.aprobada and not c.oculta)


@pytest.mark.parametrize("tarea_id", sorted(PREPARAR))
def test_la_pista_de_etiquetas_sin_codificar_solo_aparece_si_y_son_las_etiquetas(tarea_id):
    """¿«son las etiquetas enteras sin codificar» sale con Y = y, y no con otro vector de la misma forma?"""
    mensajes = _mensajes_publicos(tarea_id, lambda y: y)
    assert "son las etiquetas enteras sin codificar" in mensajes, mensajes
    mensajes = _mensajes_publicos(tarea_id, lambda y: np.full(len(y), -1.0))
    assert "sin codificar" not in mensajes and f", {PREPARAR[tarea_id][2]}): una fila por" in mensajes, mensajes


@pytest.mark.parametrize("tarea_id", sorted(PREPARAR))
def test_la_pista_de_num_classes_solo_aparece_con_el_one_hot_hasta_la_etiqueta_mas_alta(tarea_id):
    """¿«pásale num_classes» sale con to_categorical(y) sin num_classes, y no con otra Y de esas columnas?"""
    k = PREPARAR[tarea_id][2]
    mensajes = _mensajes_publicos(tarea_id, lambda y: np.eye(y.max() + 1, dtype="float32")[y])
    assert f"num_classes={k}" in mensajes and "la etiqueta más alta + 1" in mensajes, mensajes
    mensajes = _mensajes_publicos(tarea_id, lambda y: np.zeros((len(y), y.max() + 1), dtype="float32"))
    assert "num_classes" not in mensajes and f"Debe haber {k} columnas" in mensajes, mensajes


# -- 11_lstm_imdb: «no los conviertas a float» --------------------------------------------------------

def test_la_pista_de_float_en_las_secuencias_solo_aparece_con_floats():
    """¿«no los conviertas a float» sale con índices float, y no con otro dtype que tampoco es entero?"""
    from solutions.lstm_imdb import preparar_secuencias

    tarea = cargar_tarea("11_lstm_imdb")

    def mensajes(convertir) -> str:
        alumno = AlumnoLocal({"preparar_secuencias": lambda x: convertir(preparar_secuencias(x))})
        resultados = ejecutar_casos(tarea, alumno, "alumno1", ejercicios=("preparar_secuencias",))
        return "\n".join(c.mensaje for c in resultados if not c.aprobada and not c.oculta)

    assert "no los conviertas a float" in mensajes(lambda X: X.astype("float32"))
    sin_float = mensajes(lambda X: X > 0)
    assert "se esperaban enteros" in sin_float and "float" not in sin_float.replace("dtype bool", ""), sin_float


# -- the output layer: «logits» and «se aplicó a cada posición» ----------------------------------------

def test_la_pista_de_logits_solo_aparece_con_una_salida_sin_activacion():
    """¿«devuelve logits» sale con Dense sin activación, y no con un Dropout tras la Dense softmax?"""
    logits = _descripcion([None, 784], [None, 10], [("Dense", "relu"), ("Dense", "linear")])
    assert "logits" in _fallo(exigir_salida, logits, "m", 10, "softmax")
    dropout_al_final = _descripcion([None, 784], [None, 10], [("Dense", "softmax"), ("Dropout", "")])
    mensaje = _fallo(exigir_salida, dropout_al_final, "m", 10, "softmax")
    assert "logits" not in mensaje and "la última capa es Dropout" in mensaje, mensaje


def test_la_pista_de_flatten_solo_culpa_a_la_dense_si_la_ultima_capa_es_dense():
    """¿«la capa Dense final se aplicó a cada posición» sale solo si la última capa es Dense sobre un mapa?"""
    dense_sobre_mapa = _descripcion([None, 28, 28, 1], [None, 13, 13, 10],
                                    [("Conv2D", "relu"), ("MaxPooling2D", ""), ("Dense", "softmax")])
    assert "se aplicó a cada posición" in _fallo(exigir_aplanado, dense_sobre_mapa, "m")
    sin_dense = _descripcion([None, 28, 28, 1], [None, 13, 13, 32], [("Conv2D", "relu"), ("MaxPooling2D", "")])
    mensaje = _fallo(exigir_aplanado, sin_dense, "m")
    assert "se aplicó a cada posición" not in mensaje and "última capa: MaxPooling2D" in mensaje, mensaje


# -- the submitted model: input shape when prediction fails -------------------------------------------

class AlumnoQueFallaAlPredecir:
    def __init__(self, entrada):
        self.entrada = entrada

    def modelo_guardado(self, archivo="modelo.keras", x=None):
        if x is not None:
            raise ErrorDelAlumno("El modelo falló al predecir: ValueError")
        return {"entrada": json.dumps(self.entrada)}


def test_la_pista_de_otra_forma_de_entrada_solo_aparece_si_el_modelo_espera_otra_forma():
    """¿«tu modelo espera entradas …» sale si la entrada guardada no es la de los datos, y no si lo es?"""
    x = np.zeros((5, 784), dtype=np.float32)
    mensaje = _fallo(predicciones_del_entregado, AlumnoQueFallaAlPredecir([None, 28, 28]), x, "m", (5, 10),
                     pista_entrada="imágenes aplanadas")
    assert "tu modelo espera entradas (None, 28, 28)" in mensaje and "sin aplanar" in mensaje, mensaje
    mensaje = _fallo(predicciones_del_entregado, AlumnoQueFallaAlPredecir([None, 784]), x, "m", (5, 10),
                     pista_entrada="imágenes aplanadas")
    assert "espera entradas" not in mensaje and "Vuelve a entrenar" not in mensaje, mensaje
    assert "(5, 784) (imágenes aplanadas)" in mensaje, mensaje


# -- the submitted model: «entrena más épocas» and «sobreajusta» (seven tasks) -----------------------

MODELOS = [t for t in tareas_disponibles() if "05" <= t[:2] <= "11"]  # the tasks with a trained model


class AlumnoConHistorial:
    """Only what the accuracy hint reads: the submitted historial.json (or none)."""

    def __init__(self, historial: dict | None):
        self.historial = historial

    def archivo_entregado(self, nombre):
        if nombre != "historial.json" or self.historial is None:
            raise FileNotFoundError(nombre)
        return json.dumps(self.historial).encode("utf-8")


def _historial(epocas: int, exactitud: float = 0.7, exactitud_validacion: float = 0.7) -> dict:
    return {"loss": [1.0] * epocas, "accuracy": [exactitud] * epocas, "val_accuracy": [exactitud_validacion] * epocas}


def _mensaje_de_exactitud(monkeypatch, tarea_id: str, historial) -> tuple:
    """The real accuracy case of the task, with an accuracy between chance and the threshold (no data loaded)."""
    casos = cargar_tarea(tarea_id).modulo_casos("modelo_entrenado")
    valor = 0.5 if tarea_id == "10_cnn_cifar10" else 0.7  # above chance + 0.1, below the threshold
    sin_datos = lambda *args, **kwargs: (valor, valor)  # noqa: E731
    monkeypatch.setattr(comprobaciones_keras, "exactitudes_con_control", sin_datos)  # exigir_exactitud_sin_memoria
    monkeypatch.setattr(casos, "exactitudes_con_control", sin_datos, raising=False)  # a case that calls it itself
    if hasattr(casos, "umbral_y_datos"):
        monkeypatch.setattr(casos, "umbral_y_datos", lambda: (casos.UMBRAL_SUBCONJUNTO, "las imágenes de prueba"))
    return _fallo(casos.test_exactitud_en_prueba, AlumnoConHistorial(historial)), casos


@pytest.mark.parametrize("tarea_id", sorted(MODELOS))
def test_la_pista_de_mas_epocas_solo_aparece_con_menos_epocas_que_la_referencia(monkeypatch, tarea_id):
    """¿«entrena más épocas» sale si historial.json tiene menos épocas que la referencia, y no si tiene las mismas
    o si no hay historial? La pista neutra (cómo llega la referencia) sale siempre."""
    mensaje, casos = _mensaje_de_exactitud(monkeypatch, tarea_id, None)
    epocas = getattr(casos, "EPOCAS_REFERENCIA", None) or casos.EPOCAS_MINIMAS_REFERENCIA
    assert "más épocas" not in mensaje and "la referencia" in mensaje.lower(), mensaje
    mensaje, _ = _mensaje_de_exactitud(monkeypatch, tarea_id, _historial(epocas - 1))
    assert f"registra {epocas - 1} época(s)" in mensaje and "entrena más épocas" in mensaje, mensaje
    mensaje, _ = _mensaje_de_exactitud(monkeypatch, tarea_id, _historial(epocas))
    assert "más épocas" not in mensaje and "la referencia" in mensaje.lower(), mensaje


def test_la_pista_de_sobreajuste_de_cifar10_solo_aparece_con_la_brecha_en_el_historial(monkeypatch):
    """¿«la red sobreajusta» sale si la última época del historial tiene mucha más exactitud de entrenamiento que
    de validación, y no si tiene poca de ambas?"""
    mensaje, casos = _mensaje_de_exactitud(monkeypatch, "10_cnn_cifar10", _historial(25, 0.9, 0.6))
    assert casos.EPOCAS_REFERENCIA == 25
    assert "la red sobreajusta" in mensaje and "más épocas" not in mensaje, mensaje
    mensaje, _ = _mensaje_de_exactitud(monkeypatch, "10_cnn_cifar10", _historial(25, 0.62, 0.6))
    assert "sobreajusta" not in mensaje, mensaje


def test_un_historial_raro_no_da_pista_ni_falla():
    """¿Un historial.json que no es JSON, no es un dict o tiene textos en las listas da solo la pista neutra?"""
    class AlumnoConArchivo:
        def __init__(self, contenido):
            self.contenido = contenido

        def archivo_entregado(self, nombre):
            return self.contenido

    for contenido in (b"\xff no", b"[1, 2]", json.dumps({"loss": ["a"]}).encode(), b"{}",
                      b'{"loss": [1e999], "accuracy": [NaN]}', ('{"loss": [' + "9" * 400 + "]}").encode()):
        assert pista_de_entrenamiento(AlumnoConArchivo(contenido), 6, "neutra")() == "neutra"


# -- 12_sobreajuste: «demasiado fuerte» and «¿guardaste el modelo sin entrenar?» ---------------------

def _mensaje_de_sobreajuste(monkeypatch, caso, entrenamiento: float, validacion: float) -> str:
    monkeypatch.setattr(casos_sobreajuste, "exactitudes", lambda alumno: (entrenamiento, validacion))
    return _fallo(caso, None)


def test_la_pista_de_regularizacion_demasiado_fuerte_solo_aparece_si_tampoco_aprende_el_entrenamiento(monkeypatch):
    """¿«demasiado fuerte» sale si la exactitud de entrenamiento también es baja, y no si solo falla la
    validación?"""
    caso = casos_sobreajuste.test_exactitud_de_validacion_no_peor_que_la_base
    mensaje = _mensaje_de_sobreajuste(monkeypatch, caso, 0.70, 0.68)
    assert "demasiado fuerte" in mensaje, mensaje
    mensaje = _mensaje_de_sobreajuste(monkeypatch, caso, 0.99, 0.75)
    assert "demasiado fuerte" not in mensaje and "compara tu regularización" in mensaje, mensaje


def test_la_pregunta_de_modelo_sin_entrenar_solo_aparece_cerca_del_azar(monkeypatch):
    """¿«¿guardaste el modelo sin entrenar?» sale con una exactitud de validación de azar, y no con 0.4?"""
    caso = casos_sobreajuste.test_brecha_menor_que_la_base
    assert "sin entrenar" in _mensaje_de_sobreajuste(monkeypatch, caso, 0.11, 0.10)
    mensaje = _mensaje_de_sobreajuste(monkeypatch, caso, 0.45, 0.40)
    assert "sin entrenar" not in mensaje and "el modelo no aprendió" in mensaje, mensaje
