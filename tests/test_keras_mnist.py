"""Pruebas de 07_keras_mnist: la referencia, el calificador por el motor real y `entrenar_y_guardar`.

The reference model is trained once per session (≈ 25 s); every submission
below is graded with ``autograder.motor.calificar_cuaderno`` on the source
notebook, as the CLI and nbgrader do. Whole file: about 2 minutes on 2 CPUs.
"""
import ast
import json
import os
import re
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np
import pytest

RAIZ = Path(__file__).resolve().parents[1]
DATOS = Path(os.environ.get("CURSO_DL_DATOS") or RAIZ.parent / "shared" / "datasets")
if not (DATOS / "mnist" / "t10k-images-idx3-ubyte.gz").is_file():
    pytest.skip(f"no están los datos de MNIST en {DATOS} (define CURSO_DL_DATOS)", allow_module_level=True)

import keras  # noqa: E402
from keras import layers  # noqa: E402

from autograder.alumno import AlumnoLocal  # noqa: E402
from autograder.calificadores import cargar_tarea  # noqa: E402
from autograder.cuaderno import leer_cuaderno  # noqa: E402
from autograder.entrenamiento import entrenar_y_guardar  # noqa: E402
from autograder.kit import version_publica  # noqa: E402
from autograder.motor import calificar_cuaderno, ejecutar_casos  # noqa: E402
from solutions import keras_mnist as referencia  # noqa: E402
from source_data import cargar_mnist  # noqa: E402

CUADERNO = RAIZ / "assignments" / "07_keras_mnist" / "07_keras_mnist.ipynb"
CALIFICADORES = RAIZ / "autograder" / "calificadores" / "keras_mnist"
TAREA = cargar_tarea("07_keras_mnist")


# -- fixtures ------------------------------------------------------------------

@pytest.fixture(scope="module", autouse=True)
def _datos_sin_conexion():
    """MNIST from the offline copy, for this process and for the grading sandboxes it starts."""
    with pytest.MonkeyPatch.context() as parche:
        parche.setenv("CURSO_DL_DATOS", str(DATOS))
        parche.setenv("CURSO_DL_SIN_DESCARGA", "1")
        yield


@pytest.fixture(scope="module")
def datos():
    (x_train, y_train), (x_test, y_test) = cargar_mnist()
    X_train, Y_train = referencia.preprocesar(x_train, y_train)
    X_test, _ = referencia.preprocesar(x_test, y_test)
    return X_train, Y_train, X_test, y_test


@pytest.fixture(scope="module")
def modelo_referencia(tmp_path_factory):
    """La referencia entrenada una vez: (directorio con modelo.keras e historial.json, segundos)."""
    directorio = tmp_path_factory.mktemp("referencia")
    inicio = time.perf_counter()
    referencia.entrenar_referencia(directorio)
    return directorio, time.perf_counter() - inicio


def _guardar(modelo, directorio: Path) -> Path:
    directorio.mkdir(parents=True, exist_ok=True)
    modelo.save(directorio / "modelo.keras")
    return directorio


def _modelo_debil(datos):
    """La red de referencia entrenada con solo 300 imágenes durante 1 época (≈ 0.6 de exactitud)."""
    X_train, Y_train, _, _ = datos
    keras.utils.set_random_seed(0)
    modelo = referencia.construir_modelo()
    modelo.fit(X_train[:300], Y_train[:300], epochs=1, verbose=0)
    return modelo


def _modelo_logits(datos):
    """Última capa sin activación: devuelve logits (compilado con from_logits=True)."""
    X_train, Y_train, _, _ = datos
    keras.utils.set_random_seed(0)
    modelo = keras.Sequential([keras.Input(shape=(784,)), layers.Dense(64, activation="relu"), layers.Dense(10)])
    modelo.compile(optimizer="adam", loss=keras.losses.CategoricalCrossentropy(from_logits=True),
                   metrics=["accuracy"])
    modelo.fit(X_train[:300], Y_train[:300], epochs=1, verbose=0)
    return modelo


def _modelo_convolucional(datos):
    """Una red con Conv2D sobre imágenes (28, 28, 1): no es lo que pide esta tarea."""
    X_train, Y_train, _, _ = datos
    keras.utils.set_random_seed(0)
    modelo = keras.Sequential([keras.Input(shape=(28, 28, 1)), layers.Conv2D(4, 3, activation="relu"),
                               layers.Flatten(), layers.Dense(10, activation="softmax")])
    modelo.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    modelo.fit(X_train[:300].reshape(-1, 28, 28, 1), Y_train[:300], epochs=1, verbose=0)
    return modelo


def _calificar(directorio_entrega: Path):
    return calificar_cuaderno(leer_cuaderno(CUADERNO), TAREA, "alumno1", directorio_entrega)


@pytest.fixture(scope="module")
def calificaciones(modelo_referencia, datos, tmp_path_factory):
    """Every submission graded by the real engine, one after the other (≈ 17 s each)."""
    base = tmp_path_factory.mktemp("entregas")
    entregas = {
        "referencia": modelo_referencia[0],
        "debil": _guardar(_modelo_debil(datos), base / "debil"),
        "logits": _guardar(_modelo_logits(datos), base / "logits"),
        "convolucional": _guardar(_modelo_convolucional(datos), base / "convolucional"),
        "sin_modelo": base / "sin_modelo",
    }
    entregas["sin_modelo"].mkdir()
    return {nombre: _calificar(directorio) for nombre, directorio in entregas.items()}


def _caso(resultado, identificador: str):
    (caso,) = [c for c in resultado.casos if c.id == identificador]
    return caso


# -- reference -----------------------------------------------------------------

def test_referencia_entrena_rapido_y_supera_el_umbral(modelo_referencia, datos):
    """¿La referencia entrena en ≤ 40 s y llega a ≥ 0.975 en prueba, con historial.json junto al modelo?"""
    directorio, segundos = modelo_referencia
    _, _, X_test, y_test = datos
    modelo = keras.saving.load_model(directorio / "modelo.keras", safe_mode=True)
    exactitud = float(np.mean(np.argmax(modelo.predict(X_test, verbose=0), axis=1) == y_test))
    print(f"referencia: {segundos:.1f} s, exactitud en prueba {exactitud:.4f}")
    assert exactitud >= 0.975
    assert segundos <= 60  # ≈ 25 s measured; generous for a loaded CI machine
    historial = json.loads((directorio / "historial.json").read_text())
    assert len(historial["loss"]) == referencia.EPOCAS_REFERENCIA
    assert set(historial) >= {"loss", "accuracy", "val_loss", "val_accuracy"}


# -- grading through the engine ------------------------------------------------

def test_referencia_obtiene_todos_los_puntos(calificaciones):
    """¿El cuaderno fuente con el modelo de referencia saca 10/10 y todas sus celdas corren sin error?"""
    resultado = calificaciones["referencia"]
    assert resultado.puntaje == resultado.puntaje_max == 10, [c.mensaje for c in resultado.casos if not c.aprobada]
    assert [s["error"] for s in resultado.salidas_celdas if s["error"]] == []
    salidas = "".join(s["salida"] for s in resultado.salidas_celdas)
    assert "no se entrena; se usan los pesos de 'modelo.keras'" in salidas
    assert "Exactitud en prueba: 0.97" in salidas


def test_modelo_debil_pierde_solo_la_exactitud(calificaciones):
    """¿Un modelo entrenado con 300 imágenes falla la exactitud, con el valor en el mensaje, y conserva lo demás?"""
    resultado = calificaciones["debil"]
    exactitud = _caso(resultado, "modelo_entrenado/exactitud_en_prueba")
    assert not exactitud.aprobada
    assert re.search(r"la exactitud en las 10000 imágenes de prueba es 0\.\d{4} y se pide ≥ 0\.97", exactitud.mensaje)
    assert _caso(resultado, "modelo_entrenado/arquitectura_del_modelo_entregado").aprobada
    assert resultado.puntaje == resultado.puntaje_max - 2


def test_sin_modelo_keras_da_cero_en_ese_ejercicio(calificaciones):
    """¿Sin modelo.keras el ejercicio vale 0 con un mensaje en español, sin romper el resto?"""
    resultado = calificaciones["sin_modelo"]
    assert resultado.puntaje_ejercicio("modelo_entrenado") == 0
    for caso in resultado.del_ejercicio("modelo_entrenado"):
        assert "No encontré `modelo.keras`" in caso.mensaje
    assert resultado.puntaje == resultado.puntaje_max - 3
    salidas = "".join(s["salida"] for s in resultado.salidas_celdas)
    assert "no encontré 'modelo.keras'" in salidas


def test_modelo_con_logits_recibe_la_pista_de_softmax(calificaciones):
    """¿Una última capa lineal se reconoce como logits y el mensaje lo dice?"""
    caso = _caso(calificaciones["logits"], "modelo_entrenado/arquitectura_del_modelo_entregado")
    assert not caso.aprobada
    assert "logits" in caso.mensaje and "activation='softmax'" in caso.mensaje


def test_modelo_convolucional_falla_la_arquitectura(calificaciones):
    """¿Un modelo con Conv2D falla por «solo capas Dense» y su predicción fallida trae una pista de forma?"""
    resultado = calificaciones["convolucional"]
    arquitectura = _caso(resultado, "modelo_entrenado/arquitectura_del_modelo_entregado")
    assert not arquitectura.aprobada
    assert "Conv2D" in arquitectura.mensaje and "solo capas Dense" in arquitectura.mensaje
    exactitud = _caso(resultado, "modelo_entrenado/exactitud_en_prueba")
    assert not exactitud.aprobada
    assert "falló al predecir" in exactitud.mensaje and "(10000, 784)" in exactitud.mensaje


# -- construir_modelo: the practice's recipe is accepted ----------------------------

def _modelo_de_la_practica(optimizador="rmsprop", perdida="categorical_crossentropy", compilar=True):
    """La red de la Práctica 1: Dense 256 ReLU → Dense 10 softmax, sin Dropout, compilada con rmsprop."""
    def construir_modelo():
        modelo = keras.Sequential([keras.Input(shape=(784,)), layers.Dense(256, activation="relu"),
                                   layers.Dense(10, activation="softmax")])
        if compilar:
            modelo.compile(optimizer=optimizador, loss=perdida, metrics=["accuracy"])
        return modelo
    return construir_modelo


def _casos_de_construir_modelo(construir_modelo, directorio):
    alumno = AlumnoLocal({"construir_modelo": construir_modelo}, directorio)
    return ejecutar_casos(TAREA, alumno, "alumno1", ejercicios=("construir_modelo",))


def test_construir_modelo_acepta_la_receta_de_la_practica_con_rmsprop(tmp_path):
    """¿La red de la Práctica 1 con rmsprop y sin Dropout aprueba todos los casos de construir_modelo, sin pistas
    que pidan adam, y los errores conocidos (pérdida sparse, sin compilar) siguen fallando?"""
    resultados = _casos_de_construir_modelo(_modelo_de_la_practica(), tmp_path)
    assert resultados and all(r.aprobada for r in resultados), [r.mensaje for r in resultados if not r.aprobada]
    assert not any("adam" in r.mensaje for r in resultados)
    sparse = _casos_de_construir_modelo(_modelo_de_la_practica(perdida="sparse_categorical_crossentropy"), tmp_path)
    (perdida,) = [r for r in sparse if not r.aprobada]
    assert "etiquetas enteras" in perdida.mensaje and "'categorical_crossentropy'" in perdida.mensaje
    sin_compilar = _casos_de_construir_modelo(_modelo_de_la_practica(compilar=False), tmp_path)
    (compilado,) = [r for r in sin_compilar if not r.aprobada]
    assert "no está compilado" in compilado.mensaje


# -- entrenar_y_guardar --------------------------------------------------------

def test_entrenar_y_guardar_no_entrena_al_calificar(modelo_referencia, datos, monkeypatch, capfd):
    """¿Con CURSO_DL_CALIFICANDO=1 copia los pesos guardados sin entrenar, lee el historial y no escribe en stderr?"""
    directorio, _ = modelo_referencia
    X_train, Y_train, _, _ = datos
    monkeypatch.setenv("CURSO_DL_CALIFICANDO", "1")
    modelo = referencia.construir_modelo()
    antes = (directorio / "modelo.keras").stat().st_mtime_ns
    capfd.readouterr()
    inicio = time.perf_counter()
    historia = entrenar_y_guardar(modelo, X_train, Y_train, ruta=directorio / "modelo.keras",
                                  epochs=50, batch_size=8, verbose=2)
    segundos = time.perf_counter() - inicio
    salida = capfd.readouterr()
    assert segundos < 5
    guardado = keras.saving.load_model(directorio / "modelo.keras", safe_mode=True, compile=False)
    for obtenido, esperado in zip(modelo.get_weights(), guardado.get_weights(), strict=True):
        np.testing.assert_array_equal(obtenido, esperado)
    assert len(historia.history["loss"]) == referencia.EPOCAS_REFERENCIA
    assert (directorio / "modelo.keras").stat().st_mtime_ns == antes
    assert salida.err == ""
    assert "no se entrena" in salida.out


def test_entrenar_y_guardar_avisa_si_la_arquitectura_no_coincide(modelo_referencia, datos, monkeypatch, capsys):
    """¿Al calificar, un modelo.keras de otra arquitectura deja el modelo sin tocar y lo dice en español?"""
    directorio, _ = modelo_referencia
    X_train, Y_train, _, _ = datos
    monkeypatch.setenv("CURSO_DL_CALIFICANDO", "1")
    modelo = keras.Sequential([keras.Input(shape=(784,)), layers.Dense(32, activation="relu"),
                               layers.Dense(10, activation="softmax")])
    pesos = [w.copy() for w in modelo.get_weights()]
    historia = entrenar_y_guardar(modelo, X_train, Y_train, ruta=directorio / "modelo.keras", epochs=5)
    assert historia.history == {}
    assert "no tiene la arquitectura de este modelo" in capsys.readouterr().out
    for obtenido, esperado in zip(modelo.get_weights(), pesos, strict=True):
        np.testing.assert_array_equal(obtenido, esperado)
    faltante = entrenar_y_guardar(modelo, X_train, Y_train, ruta=directorio / "no_existe.keras")
    assert faltante.history == {}
    assert "no encontré" in capsys.readouterr().out


def test_entrenar_y_guardar_entrena_y_escribe_modelo_e_historial(datos, tmp_path, monkeypatch):
    """¿Fuera del calificador entrena, guarda modelo.keras y deja historial.json con una lista por métrica?"""
    monkeypatch.delenv("CURSO_DL_CALIFICANDO", raising=False)
    X_train, Y_train, _, _ = datos
    keras.utils.set_random_seed(0)
    modelo = referencia.construir_modelo()
    historia = entrenar_y_guardar(modelo, X_train[:256], Y_train[:256], ruta=tmp_path / "modelo.keras",
                                  epochs=2, batch_size=64, validation_split=0.25, verbose=0)
    assert (tmp_path / "modelo.keras").is_file()
    historial = json.loads((tmp_path / "historial.json").read_text())
    assert sorted(historial) == sorted(historia.history)
    for clave, valores in historia.history.items():
        assert historial[clave] == pytest.approx([float(v) for v in valores])
    assert len(historial["val_loss"]) == 2


# -- the public kit and the generated notebook -----------------------------------

def test_copia_publica_sin_casos_ocultos_ni_referencia():
    """¿La copia que recibe el alumno de cada archivo de casos no tiene casos ocultos ni usa la referencia?"""
    for archivo in sorted(CALIFICADORES.glob("casos_*.py")):
        arbol = ast.parse(version_publica(archivo.read_text(encoding="utf-8")))
        casos = [n for n in arbol.body if isinstance(n, ast.FunctionDef) and n.name.startswith("test_")]
        assert casos, archivo
        for nodo in casos:
            assert "oculta" not in ast.unparse(nodo.decorator_list[0]), (archivo, nodo.name)
            assert "referencia" not in [a.arg for a in nodo.args.args], (archivo, nodo.name)
        for nodo in ast.walk(arbol):
            if isinstance(nodo, ast.ImportFrom):
                assert not (nodo.module or "").startswith("solutions"), archivo
            if isinstance(nodo, ast.Import):
                assert not any(a.name.startswith("solutions") for a in nodo.names), archivo
