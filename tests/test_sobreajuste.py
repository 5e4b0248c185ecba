"""Pruebas de 12_sobreajuste: la referencia, el calificador por el motor real y sus pistas.

The regularized reference trains in about 90 s, so it is committed in
``solutions/modelos/12_sobreajuste`` (``solutions.sobreajuste.entrenar_referencia``
with ``sin_optimizador=True``); a default-tier test checks that its architecture is
``construir_modelo_regularizado()``'s. An overfit model (the provided baseline
trained on the 1000 images without validation, a few seconds) and an untrained one
stand for the wrong submissions. Five submissions are graded with
``autograder.motor.calificar_cuaderno``. The slow tier (``-m lento``) retrains the
reference and the baseline with the notebook's exact recipes and checks them
against the calibrated constants.
"""
import functools
import json
import os
import re
import shutil

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import keras  # noqa: E402
import pytest  # noqa: E402

from autograder.alumno import AlumnoLocal  # noqa: E402
from autograder.calificadores import cargar_tarea  # noqa: E402
from autograder.calificadores.sobreajuste import casos_modelo_entrenado as casos_modelo  # noqa: E402
from autograder.entrenamiento import diferencia_de_arquitectura, entrenar_y_guardar  # noqa: E402
from autograder.errores import Fallo  # noqa: E402
from ayudas_keras import caso as _caso, calificar_entregas, comprobar_referencia_calificada  # noqa: E402
from ayudas_keras import puntos_por_ejercicio  # noqa: E402
from conftest import con_celda, cuaderno_fuente, en_blanco  # noqa: E402
from solutions import sobreajuste as referencia  # noqa: E402

TAREA_ID = "12_sobreajuste"
TAREA = cargar_tarea(TAREA_ID)
SEGUNDOS_MAXIMOS_CALIFICAR = 60  # target < 30 s on an idle machine; other helpers share the CPUs

SIN_REGULARIZAR = '''import keras
from keras import layers
def construir_modelo_regularizado():
    modelo = keras.Sequential([keras.Input(shape=(784,)), layers.Dense(256, activation="relu"),
                               layers.Dense(256, activation="relu"), layers.Dense(10, activation="softmax")])
    modelo.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    return modelo
'''


# -- fixtures ------------------------------------------------------------------

@pytest.fixture(scope="module")
def modelo_referencia(tmp_path_factory):
    """Una copia de la referencia entrenada que está en el repositorio (modelo.keras y sus dos JSON)."""
    directorio = tmp_path_factory.mktemp("referencia")
    for nombre in ("modelo.keras", "historial.json", "entrenamiento.json"):
        shutil.copy(referencia.DIRECTORIO_MODELO / nombre, directorio / nombre)
    return directorio


def _sobreajustado(directorio):
    """El modelo base entrenado 40 épocas con las 1000 imágenes, sin validación ni parada temprana."""
    (X_train, Y_train, _), _ = referencia.subconjuntos()
    keras.utils.set_random_seed(0)
    entrenar_y_guardar(referencia.construir_modelo_base(), X_train, Y_train, ruta=directorio / "modelo.keras",
                       epochs=referencia.EPOCAS_BASE, batch_size=referencia.TAM_LOTE, verbose=0)
    return directorio


def _sin_entrenar(directorio):
    """El modelo regularizado sin entrenar, con un entrenamiento.json que declara EarlyStopping."""
    directorio.mkdir(parents=True, exist_ok=True)
    referencia.construir_modelo_regularizado().save(directorio / "modelo.keras")
    declarado = {"callbacks": [{"clase": "EarlyStopping", "monitor": "val_accuracy", "patience": 15}]}
    (directorio / "entrenamiento.json").write_text(json.dumps(declarado))
    return directorio


@pytest.fixture(scope="module")
def calificaciones(modelo_referencia, tmp_path_factory):
    """Five gradings by the real engine (≈ 20 s each on an idle machine)."""
    fuente = cuaderno_fuente(TAREA_ID)
    base = tmp_path_factory.mktemp("entregas")
    directorio_referencia = modelo_referencia
    vacio = base / "vacio"
    vacio.mkdir()
    entregas = {
        "referencia": (fuente, directorio_referencia),
        "en_blanco": (en_blanco(fuente), vacio),
        "sin_regularizar": (con_celda(fuente, "construir_modelo_regularizado", SIN_REGULARIZAR),
                            directorio_referencia),
        "sobreajustado": (fuente, _sobreajustado(base / "sobreajustado")),
        "sin_entrenar": (fuente, _sin_entrenar(base / "sin_entrenar")),
    }
    return calificar_entregas(entregas, TAREA_ID)


_puntos_por_ejercicio = functools.partial(puntos_por_ejercicio, TAREA)


# -- reference -----------------------------------------------------------------

def _exigir_margen_sobre_la_base(directorio):
    entrenamiento, validacion = casos_modelo.exactitudes(AlumnoLocal({}, directorio))
    print(f"referencia: entrenamiento {entrenamiento:.4f}, validación {validacion:.4f}")
    assert validacion >= casos_modelo.EXACTITUD_VALIDACION_BASE + 0.02
    assert entrenamiento - validacion <= casos_modelo.BRECHA_BASE - 0.03
    (parada,) = json.loads((directorio / "entrenamiento.json").read_text())["callbacks"]
    assert parada["clase"] == "EarlyStopping" and parada["restore_best_weights"] is True


def test_referencia_guardada_supera_a_la_base_con_margen(modelo_referencia):
    """¿La referencia del repositorio supera la validación de la base y tiene una brecha claramente menor?"""
    _exigir_margen_sobre_la_base(modelo_referencia)


def test_referencia_guardada_tiene_la_arquitectura_de_construir_modelo_regularizado(modelo_referencia):
    """¿El modelo.keras del repositorio corresponde a construir_modelo_regularizado() y pesa ≤ 1.5 MB?"""
    guardado = keras.saving.load_model(modelo_referencia / "modelo.keras", safe_mode=True)
    assert diferencia_de_arquitectura(referencia.construir_modelo_regularizado(), guardado) == ""
    for nombre in ("modelo.keras", "historial.json", "entrenamiento.json"):
        assert (referencia.DIRECTORIO_MODELO / nombre).stat().st_size <= 1_500_000, nombre


def test_la_celda_provista_es_el_modelo_base_de_la_referencia():
    """¿El cuaderno muestra construir_modelo_base tal cual, y el calificador usa los subconjuntos de la referencia?"""
    from herramientas.construir_cuadernos import ganchos

    celda_modelo_base = ganchos(TAREA_ID).celda_modelo_base

    fuentes = [c.source for c in cuaderno_fuente(TAREA_ID).cells if c.cell_type == "code"]
    assert celda_modelo_base() in fuentes
    X, y, n = casos_modelo.subconjuntos()
    (X_train, _, y_train), (X_val, _, y_val) = referencia.subconjuntos()
    assert n == len(X_train) == 1000 and len(X_val) == 10000
    assert (X[:n] == X_train).all() and (X[n:] == X_val).all()
    assert (y[:n] == y_train).all() and (y[n:] == y_val).all()


# -- grading through the engine ------------------------------------------------

def test_referencia_obtiene_todos_los_puntos_rapido(calificaciones):
    """¿El cuaderno fuente con el modelo de referencia saca 10/10, sin errores de celda y a tiempo?"""
    resultado = calificaciones["referencia"]
    comprobar_referencia_calificada(resultado, 10)
    assert resultado.segundos < SEGUNDOS_MAXIMOS_CALIFICAR


def test_en_blanco_sin_archivos_obtiene_cero(calificaciones):
    resultado = calificaciones["en_blanco"]
    assert resultado.puntaje == 0
    assert all("No encontré `modelo.keras`" in c.mensaje or "no encontré `entrenamiento.json`" in c.mensaje
               for c in resultado.del_ejercicio("modelo_entrenado"))


def test_modelo_sin_regularizar_pierde_solo_la_regularizacion(calificaciones):
    """¿Devolver el modelo base cuesta solo el caso de regularización, con su pista?"""
    resultado = calificaciones["sin_regularizar"]
    caso = _caso(resultado, "construir_modelo_regularizado/tiene_dropout_o_regularizador")
    assert not caso.aprobada and "Dropout" in caso.mensaje and "kernel_regularizer" in caso.mensaje
    assert resultado.puntaje == resultado.puntaje_max - caso.puntaje_max
    assert _puntos_por_ejercicio(resultado)["modelo_entrenado"] == TAREA.puntos("modelo_entrenado")


def test_modelo_sobreajustado_falla_la_arquitectura_y_la_brecha(calificaciones):
    """¿El modelo base entregado tal cual falla por no regularizar y por su brecha, con los valores?"""
    resultado = calificaciones["sobreajustado"]
    arquitectura = _caso(resultado, "modelo_entrenado/arquitectura_regularizada_del_modelo_entregado")
    assert not arquitectura.aprobada and "ninguna capa Dropout" in arquitectura.mensaje
    brecha = _caso(resultado, "modelo_entrenado/brecha_menor_que_la_base")
    assert not brecha.aprobada
    assert re.search(r"la brecha de generalización es 0\.\d{4} \(entrenamiento 0\.9\d{3}", brecha.mensaje)
    parada = _caso(resultado, "modelo_entrenado/entrenado_con_parada_temprana")
    assert "no se usó EarlyStopping (callbacks usados: ninguno)" in parada.mensaje
    assert _puntos_por_ejercicio(resultado)["construir_modelo_regularizado"] == TAREA.puntos(
        "construir_modelo_regularizado")


def test_modelo_sin_entrenar_falla_validacion_y_brecha_con_su_mensaje(calificaciones):
    """¿Un modelo sin entrenar (brecha ≈ 0 sin mérito) no gana los puntos de la brecha ni de la validación?"""
    resultado = calificaciones["sin_entrenar"]
    validacion = _caso(resultado, "modelo_entrenado/exactitud_de_validacion_no_peor_que_la_base")
    assert not validacion.aprobada
    assert re.search(r"la exactitud en las 10000 imágenes de validación es 0\.\d{4}", validacion.mensaje)
    brecha = _caso(resultado, "modelo_entrenado/brecha_menor_que_la_base")
    assert not brecha.aprobada and "el modelo no aprendió" in brecha.mensaje
    perdidos = validacion.puntaje_max + brecha.puntaje_max
    assert resultado.puntaje == resultado.puntaje_max - perdidos


# -- regularisation that is real: Dropout(0) and L2(0) --------------------------

def _regularizado_de_mentira(regularizador: str):
    """construir_modelo_regularizado with the reference's layers, but Dropout(0) or L2(0): it regularizes nothing."""
    def construir():
        l2 = keras.regularizers.L2(0.0) if regularizador == "l2" else None
        tasa = 0.0 if regularizador == "dropout" else None
        capas = [keras.Input(shape=(784,))]
        for _ in range(2):
            capas.append(keras.layers.Dense(256, activation="relu", kernel_regularizer=l2))
            if tasa is not None:
                capas.append(keras.layers.Dropout(tasa))
        modelo = keras.Sequential([*capas, keras.layers.Dense(10, activation="softmax")])
        modelo.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
        return modelo
    return construir


@pytest.mark.parametrize("regularizador, pista", [
    ("dropout", "Dropout(0) no apaga ninguna neurona"),
    ("l2", "L2(0) suma una penalización nula"),
])
def test_dropout_cero_o_l2_cero_no_ganan_la_regularizacion(tmp_path, regularizador, pista):
    """¿Un modelo real con Dropout(0) o L2(0), construido y guardado, pierde los casos de regularización con su pista?"""
    from autograder.motor import ejecutar_caso

    construir = _regularizado_de_mentira(regularizador)
    construir().save(tmp_path / "modelo.keras")
    alumno = AlumnoLocal({"construir_modelo_regularizado": construir}, tmp_path)
    for ejercicio, nombre in (("construir_modelo_regularizado", "tiene_dropout_o_regularizador"),
                              ("modelo_entrenado", "arquitectura_regularizada_del_modelo_entregado")):
        (caso,) = [c for c in TAREA.casos(ejercicio) if c.nombre == nombre]
        resultado = ejecutar_caso(caso, TAREA, ejercicio, alumno, "alumno1")
        assert not resultado.aprobada and pista in resultado.mensaje and "mayor que 0" in resultado.mensaje, \
            resultado.mensaje


# -- the EarlyStopping soft check ---------------------------------------------

@pytest.mark.parametrize("contenido, pista", [
    (None, "no encontré `entrenamiento.json`"),
    (json.dumps({"callbacks": [{"clase": "ReduceLROnPlateau", "monitor": "val_loss"}]}),
     "no se usó EarlyStopping (callbacks usados: ReduceLROnPlateau)"),
    (json.dumps({"callbacks": [{"clase": "EarlyStopping", "monitor": "accuracy"}]}), "vigila 'accuracy'"),
])
def test_parada_temprana_ausente_o_mal_configurada_recibe_su_pista(tmp_path, contenido, pista):
    if contenido is not None:
        (tmp_path / "entrenamiento.json").write_text(contenido)
    with pytest.raises(Fallo) as fallo:
        casos_modelo.test_entrenado_con_parada_temprana(AlumnoLocal({}, tmp_path))
    assert pista in str(fallo.value)


# -- slow tier: the calibrated constants ----------------------------------------

@pytest.mark.lento
def test_la_referencia_reentrenada_supera_a_la_base(tmp_path):
    """¿Entrenada de cero con la receta del cuaderno (≈ 90 s), la referencia sigue superando a la base?"""
    referencia.entrenar_referencia(tmp_path)
    _exigir_margen_sobre_la_base(tmp_path)


@pytest.mark.lento
def test_la_receta_del_cuaderno_reproduce_las_constantes_de_la_base(tmp_path):
    """¿El modelo base, entrenado con la receta del cuaderno (semilla 0), da las constantes calibradas?"""
    ruta, _ = referencia.entrenar_base(tmp_path)
    entrenamiento, validacion = casos_modelo.exactitudes(AlumnoLocal({}, ruta.parent))
    assert validacion == pytest.approx(casos_modelo.EXACTITUD_VALIDACION_BASE, abs=0.01)
    assert entrenamiento - validacion == pytest.approx(casos_modelo.BRECHA_BASE, abs=0.02)
