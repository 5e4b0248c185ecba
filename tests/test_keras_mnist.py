"""Pruebas de 07_keras_mnist: la referencia, el calificador por el motor real y `entrenar_y_guardar`.

The reference model is trained once per session (≈ 25 s); every submission
below is graded with ``autograder.motor.calificar_cuaderno`` on the source
notebook, as the CLI and nbgrader do. Whole file: about 2 minutes on 2 CPUs.
"""
import ast
import json
import os
import shutil
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np
import pytest

from ayudas_keras import saltar_sin_datos  # noqa: E402
from conftest import RAIZ  # noqa: E402

saltar_sin_datos("mnist/t10k-images-idx3-ubyte.gz", "MNIST")

import keras  # noqa: E402
from keras import layers  # noqa: E402

from autograder.alumno import AlumnoLocal  # noqa: E402
from autograder.calificadores import cargar_tarea  # noqa: E402
from autograder.cuaderno import leer_cuaderno, se_omite_al_calificar  # noqa: E402
from autograder.entrenamiento import entrenar_y_guardar  # noqa: E402
from autograder.kit import version_publica  # noqa: E402
from autograder.motor import calificar_cuaderno, ejecutar_casos  # noqa: E402
from ayudas_keras import _datos_sin_conexion  # noqa: E402,F401  (autouse)
from ayudas_keras import caso as _caso, comprobar_que_solo_pierde_la_exactitud, guardar as _guardar  # noqa: E402
from solutions import keras_mnist as referencia  # noqa: E402
from source_data import cargar_mnist  # noqa: E402

CUADERNO = RAIZ / "assignments" / "07_keras_mnist" / "07_keras_mnist.ipynb"
CALIFICADORES = RAIZ / "autograder" / "calificadores" / "keras_mnist"
TAREA = cargar_tarea("07_keras_mnist")


# -- fixtures ------------------------------------------------------------------

@pytest.fixture(scope="module")
def datos():
    (x_train, y_train), (x_test, y_test) = cargar_mnist()
    X_train, Y_train = referencia.preprocesar(x_train, y_train)
    X_test, _ = referencia.preprocesar(x_test, y_test)
    return X_train, Y_train, X_test, y_test


@pytest.fixture(scope="module")
def modelo_referencia(tmp_path_factory):
    """Una copia del modelo de referencia comprometido (solutions/modelos/07_keras_mnist): (directorio, None)."""
    directorio = tmp_path_factory.mktemp("referencia")
    for archivo in referencia.DIRECTORIO_MODELO.iterdir():
        shutil.copy(archivo, directorio / archivo.name)
    return directorio, None


@pytest.fixture(scope="module")
def modelo_entrenado_ahora(tmp_path_factory):
    """La referencia entrenada en esta sesión (≈ 25–65 s): (directorio con modelo.keras e historial.json, segundos)."""
    directorio = tmp_path_factory.mktemp("entrenada")
    inicio = time.perf_counter()
    referencia.entrenar_referencia(directorio)
    return directorio, time.perf_counter() - inicio


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


# -- reference -----------------------------------------------------------------

@pytest.mark.lento
def test_referencia_entrena_rapido_y_supera_el_umbral(modelo_entrenado_ahora, datos):
    """¿La referencia entrena en ≤ 60 s y llega a ≥ 0.975 en prueba, con historial.json junto al modelo?"""
    directorio, segundos = modelo_entrenado_ahora
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
    """¿El cuaderno fuente con el modelo de referencia saca 16/16, sus celdas corren sin error y las de datos no se ejecutan?"""
    resultado = calificaciones["referencia"]
    assert resultado.puntaje == resultado.puntaje_max == 16, [c.mensaje for c in resultado.casos if not c.aprobada]
    assert {e: resultado.puntaje_ejercicio(e) for e in TAREA.ejercicios} == {
        "preprocesar": 4, "construir_modelo": 3, "modelo_entrenado": 3, "preparar_imagen_propia": 3,
        "construir_variante": 3}
    assert [s["error"] for s in resultado.salidas_celdas if s["error"]] == []
    # data, training, report, matrix and the free examples that use the data are skipped when grading
    celdas = leer_cuaderno(CUADERNO).cells
    omitidas = {i for i, c in enumerate(celdas) if se_omite_al_calificar(c)}
    assert len(omitidas) == 10 and not omitidas & {s["indice"] for s in resultado.salidas_celdas}


def test_modelo_debil_pierde_solo_la_exactitud(calificaciones):
    """¿Un modelo entrenado con 300 imágenes falla la exactitud, con el valor en el mensaje, y conserva lo demás?"""
    comprobar_que_solo_pierde_la_exactitud(
        calificaciones["debil"], r"la exactitud en las 10000 imágenes de prueba es 0\.\d{4} y se pide ≥ 0\.97", 2)


def test_sin_modelo_keras_da_cero_en_ese_ejercicio(calificaciones):
    """¿Sin modelo.keras el ejercicio vale 0 con un mensaje en español, sin romper el resto?"""
    resultado = calificaciones["sin_modelo"]
    assert resultado.puntaje_ejercicio("modelo_entrenado") == 0
    for caso in resultado.del_ejercicio("modelo_entrenado"):
        assert "No encontré `modelo.keras`" in caso.mensaje
    assert resultado.puntaje == resultado.puntaje_max - 3


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


# -- Ejercicio 1 de la práctica: preparar_imagen_propia -----------------------------------------------

def _casos_de(ejercicio, funcion, directorio, alumno_id="alumno1"):
    """Los casos (públicos y ocultos) de `ejercicio` con `funcion` como la del alumno, en este proceso."""
    nombre = {"preparar_imagen_propia": "preparar_imagen_propia", "construir_variante": "construir_variante"}[ejercicio]
    alumno = AlumnoLocal({nombre: funcion}, directorio)
    return ejecutar_casos(TAREA, alumno, alumno_id, ejercicios=(ejercicio,))


def _mensajes_fallidos(resultados):
    return [r.mensaje for r in resultados if not r.aprobada]


def _la_referencia_aprueba(ejercicio, funcion, directorio, alumnos):
    """Public and hidden cases pass for each student (each with other hidden inputs)."""
    for alumno_id in alumnos:
        resultados = _casos_de(ejercicio, funcion, directorio, alumno_id)
        assert len(resultados) == 2 and all(r.aprobada for r in resultados), _mensajes_fallidos(resultados)


def _exigir_pistas(fallidos, pistas: dict, error: str, admitidas: set) -> None:
    """Both cases fail; the first names the mistake's hint; every message has an admitted hint and no other."""
    assert len(fallidos) == 2, fallidos
    assert pistas[error] in fallidos[0], fallidos[0]
    for mensaje in fallidos:
        assert any(pistas[e] in mensaje for e in admitidas), mensaje
        for otro, pista in pistas.items():
            if otro not in admitidas:
                assert pista not in mensaje, (otro, mensaje)


def _foto_entera_a_28(imagen):
    """Un error conocido: gris, invertida y en [0, 1], pero la foto entera reducida a 28×28 sin recortar el trazo."""
    a = np.asarray(imagen, dtype=np.float64) / 255.0
    if a.ndim == 3:
        a = a.mean(axis=2)
    tinta = np.clip((1 - a) - np.median(1 - a), 0, None)
    tinta = tinta / tinta.max()
    filas = np.linspace(0, a.shape[0] - 1, 28).round().astype(int)
    columnas = np.linspace(0, a.shape[1] - 1, 28).round().astype(int)
    return tinta[filas][:, columnas].reshape(1, 784).astype(np.float32)


def _por_canal(imagen):
    """Un error conocido: una foto RGB se prepara canal por canal y se devuelven los tres (1, 2352)."""
    if np.ndim(imagen) == 3:
        return np.concatenate([referencia.preparar_imagen_propia(imagen[..., c]) for c in range(3)], axis=1)
    return referencia.preparar_imagen_propia(imagen)


def _centrada_por_la_caja(imagen):
    """Un error conocido: la caja del trazo (no su centro de masas) en el centro del marco de 28×28."""
    X = referencia.preparar_imagen_propia(imagen).reshape(28, 28)
    filas, columnas = np.flatnonzero(X.any(axis=1)), np.flatnonzero(X.any(axis=0))
    desplazamiento = (round(13.5 - (filas[0] + filas[-1]) / 2), round(13.5 - (columnas[0] + columnas[-1]) / 2))
    return np.roll(X, desplazamiento, axis=(0, 1)).reshape(1, 784)


PISTAS_PREPARAR = {
    "sin_invertir": "Invierte la imagen",
    "sin_escalar": "divide entre 255",
    "sin_centrar": "no reduzcas la foto entera a 28×28",
    "rgb_sin_convertir": "conservaste los tres canales RGB",
    "forma_28x28": "devuelve `X.reshape(1, 784)`",
    "centrada_por_la_caja": "centrar la caja no basta",
}
PREPARAR_ROTAS = {
    "sin_invertir": lambda imagen: 1.0 - referencia.preparar_imagen_propia(imagen),
    "sin_escalar": lambda imagen: referencia.preparar_imagen_propia(imagen) * np.float32(255),
    "sin_centrar": _foto_entera_a_28,
    "rgb_sin_convertir": _por_canal,
    "forma_28x28": lambda imagen: referencia.preparar_imagen_propia(imagen).reshape(28, 28),
    "centrada_por_la_caja": _centrada_por_la_caja,
}


def test_preparar_imagen_propia_de_referencia_aprueba_con_varios_alumnos(tmp_path):
    """¿La referencia aprueba el caso público y el oculto con cinco alumnos distintos (fotos distintas)?"""
    _la_referencia_aprueba("preparar_imagen_propia", referencia.preparar_imagen_propia, tmp_path,
                           ("ana", "bruno", "carmen", "david", "elena"))


@pytest.mark.parametrize("error", sorted(PREPARAR_ROTAS))
def test_preparar_imagen_propia_cada_error_recibe_su_pista(tmp_path, error):
    """¿Cada error conocido falla el caso público y el oculto, con su pista y sin la de otro error?"""
    fallidos = _mensajes_fallidos(_casos_de("preparar_imagen_propia", PREPARAR_ROTAS[error], tmp_path))
    # The whole photo reduced to 28×28: the public "7" gets the crop hint; a hidden photo whose ink box
    # happens to come out about 20 pixels wide is diagnosed by its centring (also true of it).
    _exigir_pistas(fallidos, PISTAS_PREPARAR, error,
                   {error, "centrada_por_la_caja"} if error == "sin_centrar" else {error})


def test_la_foto_oculta_parece_una_foto():
    """¿Las «fotos» ocultas son uint8, más grandes que 28×28, de papel claro con tinta oscura, y distintas por semilla?"""
    (_, _), (x_test, _) = cargar_mnist()
    a = referencia.foto_de_digito(x_test[0], np.random.default_rng(1))
    b = referencia.foto_de_digito(x_test[0], np.random.default_rng(2), rgb=True)
    assert a.dtype == np.uint8 and a.ndim == 2 and min(a.shape) > 56
    assert b.dtype == np.uint8 and b.ndim == 3 and b.shape[2] == 3
    assert np.median(a) > 170 and a.min() < 90
    assert a.shape != b.shape[:2]


def test_el_modelo_de_referencia_en_numpy_coincide_con_keras(datos):
    """¿La pasada hacia delante en NumPy (lado de confianza, sin TensorFlow) da las probabilidades de Keras?"""
    _, _, X_test, y_test = datos
    modelo = keras.saving.load_model(referencia.DIRECTORIO_MODELO / "modelo.keras", safe_mode=True)
    en_numpy = referencia.predecir_con_referencia(X_test[:1000])
    assert np.abs(modelo.predict(X_test[:1000], verbose=0) - en_numpy).max() < 1e-4
    assert np.mean(referencia.predecir_con_referencia(X_test).argmax(axis=1) == y_test) >= 0.975
    assert (referencia.DIRECTORIO_MODELO / "modelo.keras").stat().st_size <= 1.4 * 2**20


# -- Ejercicio 2 de la práctica: construir_variante ------------------------------------------------

def _variante(capas_extra=0, salida="softmax", optimizador_fijo=None, perdida="categorical_crossentropy"):
    def construir_variante(neuronas, capas_ocultas, optimizador):
        modelo = keras.Sequential([keras.Input(shape=(784,))]
                                  + [layers.Dense(neuronas, activation="relu") for _ in range(capas_ocultas + capas_extra)]
                                  + [layers.Dense(10, activation=salida)])
        modelo.compile(optimizer=optimizador_fijo or optimizador, loss=perdida, metrics=["accuracy"])
        return modelo
    return construir_variante


PISTAS_VARIANTE = {
    "capas_de_mas": "for _ in range(capas_ocultas)",
    "sin_softmax": "softmax",
    "optimizador_ignorado": "optimizer=optimizador",
    "perdida_sparse": "sparse_categorical_crossentropy espera etiquetas enteras",
}
VARIANTES_ROTAS = {
    "capas_de_mas": _variante(capas_extra=1),
    "sin_softmax": _variante(salida=None),
    "optimizador_ignorado": _variante(optimizador_fijo="adam"),
    "perdida_sparse": _variante(perdida="sparse_categorical_crossentropy"),
}


def test_construir_variante_de_referencia_aprueba(tmp_path):
    _la_referencia_aprueba("construir_variante", referencia.construir_variante, tmp_path, ("ana", "bruno", "carmen"))


@pytest.mark.parametrize("error", sorted(VARIANTES_ROTAS))
def test_construir_variante_cada_error_recibe_su_pista(tmp_path, error):
    """¿Cada error conocido falla el caso público y el oculto, con su pista y sin la de otro error?

    (Every message about the output names softmax, so that hint is not excluded from the others.)"""
    fallidos = _mensajes_fallidos(_casos_de("construir_variante", VARIANTES_ROTAS[error], tmp_path))
    _exigir_pistas(fallidos, PISTAS_VARIANTE, error, {error, "sin_softmax"})


def test_construir_variante_memorizar_el_ejemplo_no_da_puntos(tmp_path):
    """¿Devolver siempre el modelo del ejemplo público (64, 2, "sgd") aprueba el público y gana 0 puntos?

    (The generic memorisation test records calls through ``_llamar``; models built with arguments go
    through ``modelo_construido``, so it is checked here.)"""
    resultados = _casos_de("construir_variante", lambda n, c, o: referencia.construir_variante(64, 2, "sgd"), tmp_path)
    publicos = [r for r in resultados if not r.oculta]
    assert publicos and all(r.aprobada for r in publicos)
    assert sum(r.puntaje for r in resultados) == 0


# -- the new exercises through the engine: blank and each one broken alone ----------------------------

PREPARAR_SIN_INVERTIR = '''
def preparar_imagen_propia(imagen):
    a = np.asarray(imagen, dtype=np.float64) / 255.0
    if a.ndim == 3:
        a = a.mean(axis=2)
    filas = np.linspace(0, a.shape[0] - 1, 28).round().astype(int)
    columnas = np.linspace(0, a.shape[1] - 1, 28).round().astype(int)
    return a[filas][:, columnas].reshape(1, 784).astype("float32")
'''
VARIANTE_SIN_BUCLE = '''
def construir_variante(neuronas, capas_ocultas, optimizador):
    modelo = keras.Sequential([keras.Input(shape=(784,)), layers.Dense(neuronas, activation="relu"),
                               layers.Dense(10, activation="softmax")])
    modelo.compile(optimizer=optimizador, loss="categorical_crossentropy", metrics=["accuracy"])
    return modelo
'''


@pytest.fixture(scope="module")
def calificaciones_nuevas(modelo_referencia):
    from conftest import calificar, con_celda, cuaderno_fuente, en_blanco

    fuente = cuaderno_fuente("07_keras_mnist")
    entregas = {
        "en_blanco": en_blanco(fuente),
        "preparar_roto": con_celda(fuente, "preparar_imagen_propia", PREPARAR_SIN_INVERTIR),
        "variante_rota": con_celda(fuente, "construir_variante", VARIANTE_SIN_BUCLE),
    }
    return {nombre: calificar(nb, "07_keras_mnist", directorio=modelo_referencia[0]) for nombre, nb in entregas.items()}


def test_en_blanco_los_ejercicios_nuevos_dan_cero(calificaciones_nuevas):
    resultado = calificaciones_nuevas["en_blanco"]
    assert resultado.puntaje_ejercicio("preparar_imagen_propia") == 0
    assert resultado.puntaje_ejercicio("construir_variante") == 0
    assert resultado.puntaje_ejercicio("preprocesar") == 0


@pytest.mark.parametrize("roto, ejercicio", [("preparar_roto", "preparar_imagen_propia"),
                                             ("variante_rota", "construir_variante")])
def test_cada_ejercicio_nuevo_roto_pierde_solo_sus_puntos(calificaciones_nuevas, roto, ejercicio):
    resultado = calificaciones_nuevas[roto]
    completos = {"preprocesar": 4, "construir_modelo": 3, "modelo_entrenado": 3, "preparar_imagen_propia": 3,
                 "construir_variante": 3}
    for e in TAREA.ejercicios:
        assert resultado.puntaje_ejercicio(e) == (0 if e == ejercicio else completos[e]), (e, resultado.puntaje)
    assert resultado.puntaje == 13


# -- simulated students (herramientas/simulados/keras_mnist.py), through the engine -------------------

@pytest.mark.lento
@pytest.mark.parametrize("perfil", ["completo", "en_blanco", "parcial", "tramposo", "roto"])
def test_alumnos_simulados(tmp_path, perfil):
    """The five profiles of the demo class get the marks the nbgrader cycle test expects of them."""
    from conftest import calificar, cuaderno_fuente, en_blanco
    from herramientas.simulados import celda_que_falta, perfiles_de, puntos_del_tramposo
    from herramientas.simulados import keras_mnist as simulado

    fuente = cuaderno_fuente("07_keras_mnist")
    entrega = tmp_path / "entrega"
    entrega.mkdir()
    for nombre, ruta in simulado.artefactos(tmp_path / "artefactos").get(perfil, {}).items():
        shutil.copy(ruta, entrega / nombre)
    resultado = calificar(perfiles_de("07_keras_mnist")[perfil](en_blanco(fuente), fuente), "07_keras_mnist",
                          directorio=entrega)
    maximo = resultado.puntaje_max
    esperado = {"completo": maximo, "en_blanco": 0, "tramposo": puntos_del_tramposo("07_keras_mnist"),
                "roto": maximo - TAREA.puntos(celda_que_falta("07_keras_mnist"))}
    if perfil == "parcial":
        assert 0 < resultado.puntaje < maximo
    else:
        assert resultado.puntaje == esperado[perfil], [c.mensaje for c in resultado.casos if not c.aprobada]
