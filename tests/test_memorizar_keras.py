"""¿Guardar el conjunto de evaluación en los pesos da 0 puntos de exactitud? (05–12)

A "memorising model" is a nearest-neighbour lookup written as two Dense layers, with no
training: the first holds the stored examples (unit i computes β·(x·sᵢ − ‖sᵢ‖²/2), whose softmax
picks the closest stored example), the second holds their labels. On the public test set it
scores 1.0. The rules that stop it live in ``autograder/comprobaciones_keras.py`` and each task's
``casos_modelo_entrenado.py`` holds its calibration:

- the parameter cap refuses a full-resolution store before any prediction (07: 7 950 010
  parameters against a cap of 2 000 000); for the other tasks a description with the store's
  parameter count goes through the real accuracy cases (05 and 06: a store of the whole data set);
- the control sample (training examples drawn for the submitted file, with light noise) refuses
  a store that fits under the cap: on 07 the test images averaged to 7×7 (638 475 parameters),
  which scores 1.0 on test and far less on training images; on 06 the 1797 test digits at full
  resolution (134 785 parameters, under 06's cap).

12 also gets predictions crafted to look like a store of its validation images and one of its
training images with wrong labels. The 07, 06 and 05 models are real ``.keras`` files graded through ``motor.ejecutar_casos`` with an
``AlumnoLocal`` (the model is loaded in this process, as in the student's self-check). Whole file:
about 25 s on 2 CPUs (most of it importing TensorFlow and predicting with the 07 stores).
"""
import importlib
import json
import os
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

RAIZ = Path(__file__).resolve().parents[1]
DATOS = Path(os.environ.get("CURSO_DL_DATOS") or RAIZ.parent / "shared" / "datasets")
if not (DATOS / "mnist" / "t10k-images-idx3-ubyte.gz").is_file():
    pytest.skip(f"no están los datos de MNIST en {DATOS} (define CURSO_DL_DATOS)", allow_module_level=True)

import keras  # noqa: E402
from keras import layers  # noqa: E402

from autograder.alumno import AlumnoLocal  # noqa: E402
from autograder.calificadores import cargar_tarea  # noqa: E402
from autograder.comprobaciones_keras import exigir_parametros_maximos  # noqa: E402
from autograder.errores import Fallo  # noqa: E402
from autograder.motor import ejecutar_casos  # noqa: E402


# -- the memorising model ----------------------------------------------------------

def memorizador(guardados: np.ndarray, etiquetas: np.ndarray, clases: int, forma_entrada: tuple,
                beta: float, reduccion: np.ndarray | None = None) -> keras.Model:
    """Nearest-neighbour lookup over `guardados` (flattened, after `reduccion` if given), no training."""
    entrada = keras.Input(shape=forma_entrada)
    h = layers.Flatten()(entrada) if len(forma_entrada) > 1 else entrada
    if reduccion is not None:
        capa_reduccion = layers.Dense(reduccion.shape[1])
        h = capa_reduccion(h)
    vecinos = layers.Dense(len(guardados), activation="softmax")
    salida = layers.Dense(clases, activation="softmax")
    modelo = keras.Model(entrada, salida(vecinos(h)))
    if reduccion is not None:
        capa_reduccion.set_weights([reduccion.astype(np.float32), np.zeros(reduccion.shape[1], np.float32)])
        guardados = guardados @ reduccion
    guardados = guardados.astype(np.float32)
    vecinos.set_weights([beta * guardados.T, -beta * 0.5 * np.sum(guardados ** 2, axis=1)])
    salida.set_weights([20.0 * np.eye(clases, dtype=np.float32)[etiquetas], np.zeros(clases, np.float32)])
    modelo.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    return modelo


def parametros_de_memorizador(n: int, d: int, clases: int) -> int:
    """count_params() of the plain store: Dense(n) over d inputs, then Dense(clases)."""
    return d * n + n + n * clases + clases


def promedio_4x4() -> np.ndarray:
    """(784, 49): averages each 4×4 block of a flattened 28×28 image (the image seen at 7×7)."""
    matriz = np.zeros((28, 28, 7, 7), np.float32)
    for i in range(28):
        for j in range(28):
            matriz[i, j, i // 4, j // 4] = 1 / 16
    return matriz.reshape(784, 49)


def _calificar_modelo_entrenado(tarea_id: str, modelo, directorio: Path) -> dict:
    directorio.mkdir(parents=True, exist_ok=True)
    modelo.save(directorio / "modelo.keras")
    resultados = ejecutar_casos(cargar_tarea(tarea_id), AlumnoLocal({}, directorio), "alumno1",
                                ejercicios=("modelo_entrenado",))
    return {r.id.split("/")[1]: r for r in resultados}


def _acierta_todo_en_prueba(modelo, X, y, n=500) -> bool:
    return bool(np.all(np.argmax(modelo.predict(X[:n], verbose=0), axis=1) == y[:n]))


# -- 07_keras_mnist: real models ------------------------------------------------------

@pytest.fixture(scope="module")
def prueba_mnist():
    from autograder.calificadores.keras_mnist.casos_modelo_entrenado import conjunto_de_prueba

    return conjunto_de_prueba()


def test_07_memorizar_las_10000_imagenes_no_da_puntos_de_exactitud(prueba_mnist, tmp_path):
    """¿Las 10000 imágenes de prueba guardadas en una capa Dense (7 950 010 parámetros) dan 0 en exactitud?"""
    from autograder.calificadores.keras_mnist import casos_modelo_entrenado as casos

    X, y = prueba_mnist
    modelo = memorizador(X, y, 10, (784,), beta=10.0)
    assert modelo.count_params() == parametros_de_memorizador(10000, 784, 10) == 7_950_010
    assert _acierta_todo_en_prueba(modelo, X, y)  # it would score 1.0 without the cap
    resultados = _calificar_modelo_entrenado("07_keras_mnist", modelo, tmp_path)
    exactitud = resultados["exactitud_en_prueba"]
    assert not exactitud.aprobada and exactitud.puntaje == 0
    assert "tiene 7 950 010 parámetros" in exactitud.mensaje and "como mucho 2 000 000" in exactitud.mensaje
    assert "de memoria" in exactitud.mensaje and f"{casos.PARAMETROS_REFERENCIA:,}".replace(",", " ") in exactitud.mensaje
    assert resultados["arquitectura_del_modelo_entregado"].aprobada  # it is a dense 784 → softmax 10 network


def test_07_memorizar_las_imagenes_reducidas_bajo_el_limite_no_da_puntos(prueba_mnist, tmp_path):
    """¿Las 10000 imágenes de prueba promediadas a 7×7 (638 475 parámetros, bajo el límite) dan 0 en exactitud?"""
    X, y = prueba_mnist
    modelo = memorizador(X, y, 10, (784,), beta=1000.0, reduccion=promedio_4x4())
    assert modelo.count_params() == 784 * 49 + 49 + parametros_de_memorizador(10000, 49, 10) == 638_475
    assert _acierta_todo_en_prueba(modelo, X, y)
    exactitud = _calificar_modelo_entrenado("07_keras_mnist", modelo, tmp_path)["exactitud_en_prueba"]
    assert not exactitud.aprobada and exactitud.puntaje == 0
    assert "acierta 1.0000 en las 10000 imágenes de prueba pero solo 0.9" in exactitud.mensaje, exactitud.mensaje
    assert "imágenes de entrenamiento" in exactitud.mensaje and "¿usaste el conjunto de prueba" in exactitud.mensaje


# -- 06_keras_digitos: a full-resolution store fits under the cap -----------------------

def test_06_memorizar_los_1797_digitos_de_prueba_no_da_puntos(tmp_path):
    """¿Los 1797 dígitos de prueba guardados (134 785 parámetros, bajo el límite de 06) dan 0 en exactitud?"""
    from autograder.calificadores.keras_digitos import casos_modelo_entrenado as casos

    X, y = casos.conjunto_de_prueba()
    modelo = memorizador(X, y, 10, (64,), beta=100.0)
    assert modelo.count_params() == parametros_de_memorizador(1797, 64, 10) == 134_785 < casos.PARAMETROS_MAXIMOS
    exactitud = _calificar_modelo_entrenado("06_keras_digitos", modelo, tmp_path)["exactitud_en_prueba"]
    assert not exactitud.aprobada and exactitud.puntaje == 0
    assert "acierta 1.0000 en los 1797 dígitos de prueba pero solo 0.9" in exactitud.mensaje, exactitud.mensaje


# -- 05_keras_iris: what the rules can and cannot do on 150 flowers ---------------------

def test_05_memorizar_las_150_flores_supera_el_limite(tmp_path):
    """¿Las 150 flores guardadas (1203 parámetros > 1000) dan 0 en exactitud, sin predecir?"""
    from autograder.calificadores.keras_iris import casos_modelo_entrenado as casos

    X_train, y_train, _, _ = casos._particion()
    X_test, y_test = casos.conjunto_de_prueba()
    X = np.concatenate([casos._estandarizar(X_train), X_test])
    modelo = memorizador(X, np.concatenate([y_train, y_test]), 3, (4,), beta=100.0)
    assert modelo.count_params() == parametros_de_memorizador(150, 4, 3) == 1203
    exactitud = _calificar_modelo_entrenado("05_keras_iris", modelo, tmp_path)["exactitud_en_prueba"]
    assert not exactitud.aprobada and "tiene 1 203 parámetros" in exactitud.mensaje


def test_05_guardar_las_30_flores_de_prueba_solo_aprueba_porque_clasifica_las_que_no_guardo(tmp_path):
    """Iris is the one task where a store of the test set passes, and it passes as a classifier.

    A nearest-neighbour "model" of the 30 test flowers (243 parameters) also classifies the 120
    training flowers it never stored above the 0.93 threshold: it is a working classifier of
    flowers, and it passes by the same rule as any model (the control sample), not by memory.
    This test pins both facts, so that a change that breaks either is noticed.
    """
    from autograder.calificadores.keras_iris.casos_modelo_entrenado import _particion, _estandarizar, \
        conjunto_de_prueba

    X, y = conjunto_de_prueba()
    modelo = memorizador(X, y, 3, (4,), beta=100.0)
    assert modelo.count_params() == parametros_de_memorizador(30, 4, 3) == 243
    X_train, y_train, _, _ = _particion()
    en_flores_no_guardadas = float(np.mean(np.argmax(modelo.predict(_estandarizar(X_train), verbose=0), axis=1)
                                           == y_train))
    assert en_flores_no_guardadas >= 0.93, en_flores_no_guardadas
    exactitud = _calificar_modelo_entrenado("05_keras_iris", modelo, tmp_path)["exactitud_en_prueba"]
    assert exactitud.aprobada


# -- every task: the cap, on descriptions ---------------------------------------------------

# (package, examples a store must hold, input size, classes, accuracy cases); 05 and 06: the whole data
# set (their test sets alone fit under any sensible cap, see above)
TAREAS = {
    "05_keras_iris": ("keras_iris", 150, 4, 3, ("exactitud_en_prueba",)),
    "06_keras_digitos": ("keras_digitos", 1797 + 3823, 64, 10, ("exactitud_en_prueba",)),
    "07_keras_mnist": ("keras_mnist", 10000, 784, 10, ("exactitud_en_prueba",)),
    "08_fashion_mnist": ("fashion_mnist", 10000, 784, 10, ("exactitud_en_prueba",)),
    "09_cnn_mnist": ("cnn_mnist", 10000, 784, 10, ("exactitud_en_prueba",)),
    "10_cnn_cifar10": ("cnn_cifar10", 1000, 32 * 32 * 3, 10, ("exactitud_en_prueba",)),
    "11_lstm_imdb": ("lstm_imdb", 5000, 200, 1, ("exactitud_en_prueba",)),
    "12_sobreajuste": ("sobreajuste", 1000 + 10000, 784, 10,
                       ("exactitud_de_validacion_no_peor_que_la_base", "brecha_menor_que_la_base")),
}


class AlumnoSoloDescripcion:
    """Describes a model with `parametros` parameters; asking it to predict is a test failure."""

    def __init__(self, parametros: int):
        self.parametros = parametros

    def modelo_guardado(self, archivo="modelo.keras", x=None):
        assert x is None, "un modelo por encima del límite no debe llegar a predecir"
        return {"entrada": "[null]", "salida": "[null]", "capas": [], "compilado": True, "perdida": "",
                "parametros": self.parametros}

    def archivo_entregado(self, nombre):
        raise AssertionError("un modelo por encima del límite no debe llegar a leerse")


@pytest.mark.parametrize("tarea_id", sorted(TAREAS))
def test_el_limite_admite_la_referencia_y_rechaza_guardar_la_evaluacion(tarea_id):
    """¿Cada tarea declara los parámetros reales de su referencia, admite su doble y rechaza guardar lo evaluado?"""
    paquete, n, d, clases, casos_exactitud = TAREAS[tarea_id]
    modulo = importlib.import_module(f"autograder.calificadores.{paquete}.casos_modelo_entrenado")
    referencia = importlib.import_module(f"solutions.{paquete}")
    construir = getattr(referencia, "construir_modelo", None) or referencia.construir_modelo_regularizado
    assert construir().count_params() == modulo.PARAMETROS_REFERENCIA
    assert 2 * modulo.PARAMETROS_REFERENCIA <= modulo.PARAMETROS_MAXIMOS
    memoria = parametros_de_memorizador(n, d, clases)
    assert memoria > modulo.PARAMETROS_MAXIMOS, (tarea_id, memoria)
    exigir_parametros_maximos({"parametros": modulo.PARAMETROS_MAXIMOS}, "m", modulo.PARAMETROS_MAXIMOS, 1)
    for nombre in casos_exactitud:
        with pytest.raises(Fallo) as fallo:
            getattr(modulo, f"test_{nombre}")(AlumnoSoloDescripcion(memoria))
        mensaje = str(fallo.value)
        assert f"tiene {memoria:,} parámetros".replace(",", " ") in mensaje and "de memoria" in mensaje, mensaje


# -- 12_sobreajuste: the two consistency rules, on crafted predictions -----------------------

class AlumnoConPredicciones:
    """A small model whose predictions on (training subset, validation subset, control) are chosen by the test."""

    def __init__(self, acierta_entrenamiento: bool, acierta_validacion: bool):
        self.acierta = (acierta_entrenamiento, acierta_validacion)

    def modelo_guardado(self, archivo="modelo.keras", x=None):
        descripcion = {"entrada": "[null, 784]", "salida": "[null, 10]", "capas": [], "compilado": True,
                       "perdida": "categorical_crossentropy", "parametros": 1000, "predicciones": None}
        if x is not None:
            from autograder.calificadores.sobreajuste import casos_modelo_entrenado as casos

            _, y, n = casos.subconjuntos()
            etiquetas = np.zeros(len(x), np.int64)  # the control: about 1 in 10 right
            etiquetas[:n] = y[:n] if self.acierta[0] else (y[:n] + 1) % 10
            etiquetas[n:len(y)] = y[n:] if self.acierta[1] else (y[n:] + 1) % 10
            descripcion["predicciones"] = np.eye(10, dtype=np.float32)[etiquetas]
        return descripcion

    def archivo_entregado(self, nombre):
        return b"modelo de prueba"


def test_12_validacion_guardada_o_entrenamiento_falseado_no_dan_puntos():
    """¿Acertar en validación mucho más que en imágenes nuevas, o fallar las de entrenamiento, da 0 con su pista?"""
    from autograder.calificadores.sobreajuste import casos_modelo_entrenado as casos

    for caso in (casos.test_exactitud_de_validacion_no_peor_que_la_base, casos.test_brecha_menor_que_la_base):
        with pytest.raises(Fallo, match=r"acierta 1\.0000 en las 10000 imágenes de validación pero solo 0\.\d{4}"):
            caso(AlumnoConPredicciones(acierta_entrenamiento=True, acierta_validacion=True))
    with pytest.raises(Fallo, match=r"acierta solo 0\.0000 en las 1000 imágenes de entrenamiento"):
        casos.test_brecha_menor_que_la_base(AlumnoConPredicciones(acierta_entrenamiento=False,
                                                                  acierta_validacion=False))
