"""Una declaración por tarea: las tareas se descubren, los presets dan lo común y los casos no se llaman test_*."""
import sys
from pathlib import Path

import pytest

import autograder.calificadores as calificadores
from autograder.aislamiento import LimitesAislamiento
from autograder.calificadores import cargar_tarea, tareas_disponibles
from autograder.errores import ErrorCalificador
from autograder.tareas import tarea_keras, tarea_numpy

RAIZ = Path(__file__).resolve().parents[1]
# Every task has a notebook source and a grader: the sources list the tasks the grader must discover.
TAREAS = sorted(p.stem for p in (RAIZ / "fuentes_cuadernos").glob("[0-9][0-9]_*.py"))
CALIFICADORES = Path(calificadores.__file__).parent


def test_se_descubren_todas_las_tareas_en_orden_de_id():
    assert len(TAREAS) >= 13 and TAREAS[:13] == [
        "01_perceptron", "02_descenso_gradiente", "03_softmax_entropia", "04_backprop", "05_keras_iris",
        "06_keras_digitos", "07_keras_mnist", "08_fashion_mnist", "09_cnn_mnist", "10_cnn_cifar10",
        "11_lstm_imdb", "12_sobreajuste", "13_autoevaluacion"]
    assert tareas_disponibles() == TAREAS
    for tarea_id in TAREAS:
        tarea = cargar_tarea(tarea_id)
        assert tarea.id == tarea_id and tarea.paquete == tarea_id[3:]
        assert tarea.referencia == f"solutions.{tarea.paquete}"


def test_una_tarea_desconocida_da_el_error_de_siempre():
    with pytest.raises(ErrorCalificador, match=r"tarea desconocida: '99_nada'\. Tareas disponibles: 01_perceptron, "):
        cargar_tarea("99_nada")


def test_ningun_archivo_de_casos_se_llama_test():
    """pytest would collect a test_*.py here and fail on the missing «alumno» fixture."""
    assert sorted(CALIFICADORES.rglob("test_*.py")) == []
    for tarea_id in TAREAS:
        tarea = cargar_tarea(tarea_id)
        for ejercicio in tarea.ejercicios:
            assert (CALIFICADORES / tarea.paquete / f"casos_{ejercicio}.py").is_file()
            assert tarea.casos(ejercicio), ejercicio


def test_pytest_no_reescribe_los_asserts_de_los_casos():
    """Only test_*.py get pytest's assert rewriting: a case's AssertionError is its own message, also here."""
    for tarea_id in TAREAS:
        tarea = cargar_tarea(tarea_id)
        for ejercicio in tarea.ejercicios:
            assert "@pytest_ar" not in vars(tarea.modulo_casos(ejercicio)), (tarea_id, ejercicio)


# The values every task declared explicitly before the presets (Tarea(..., precargar=..., limites=...)).
ANTES_NUMPY = (False, (), ("numpy",), LimitesAislamiento(memoria_gib=3.0, segundos_inicio=60.0,
                                                          segundos_llamada=10.0, segundos_celda=10.0))
ANTES_KERAS = (True, ("modelo.keras", "historial.json"), ("numpy", "matplotlib.pyplot"),
               LimitesAislamiento(memoria_gib=8.0, segundos_inicio=240.0, segundos_llamada=120.0))


def _comun(tarea) -> tuple:
    return tarea.usa_keras, tarea.artefactos, tarea.precargar, tarea.limites


def test_los_presets_dan_lo_que_declaraban_las_tareas():
    assert _comun(tarea_numpy("x.y.z", 1, ("a",))) == ANTES_NUMPY
    assert _comun(tarea_keras("x.y.z", 1, ("a",))) == ANTES_KERAS
    for tarea_id in ("01_perceptron", "02_descenso_gradiente", "03_softmax_entropia"):
        assert _comun(cargar_tarea(tarea_id)) == ANTES_NUMPY, tarea_id
    for tarea_id in ("06_keras_digitos", "07_keras_mnist", "08_fashion_mnist", "09_cnn_mnist", "10_cnn_cifar10",
                     "11_lstm_imdb"):
        assert _comun(cargar_tarea(tarea_id)) == ANTES_KERAS, tarea_id
    # what differs from a preset, and only that
    backprop = cargar_tarea("04_backprop")
    assert backprop.limites == LimitesAislamiento(memoria_gib=3.0, segundos_inicio=60.0, segundos_llamada=20.0,
                                                  segundos_celda=10.0)
    for tarea_id in ("05_keras_iris", "12_sobreajuste"):
        assert cargar_tarea(tarea_id).artefactos == ("modelo.keras", "historial.json", "entrenamiento.json")
    cuestionario = cargar_tarea("13_autoevaluacion")
    assert cuestionario.precargar == ("numpy",)
    assert cuestionario.limites == LimitesAislamiento(memoria_gib=1.0, segundos_inicio=30.0, segundos_llamada=5.0,
                                                      segundos_celda=5.0)


def test_los_presets_no_comparten_limites_mutables():
    una, otra = tarea_numpy("a.b", 1, ("x",)), tarea_numpy("a.c", 2, ("x",))
    assert una.limites == otra.limites and una.limites is not otra.limites


@pytest.fixture
def tarea_falsa(tmp_path, monkeypatch):
    """A minimal task package «mi_tarea» (task 42) in tmp_path, added to the package path."""
    paquete = tmp_path / "mi_tarea"
    paquete.mkdir()
    (paquete / "__init__.py").write_text(
        "from autograder.tareas import tarea_numpy\n\nTAREA = tarea_numpy(__name__, 42, ejercicios=('doble',))\n",
        encoding="utf-8")
    (paquete / "casos_doble.py").write_text('''from autograder.casos import caso


@caso(puntos=2)
def test_doble_de_tres(alumno):
    """doble(3) == 6."""
    assert alumno.llamar("doble", 3) == 6


@caso(puntos=1, oculta=True)
def test_doble_de_cero(alumno):
    assert alumno.llamar("doble", 0) == 0
''', encoding="utf-8")
    monkeypatch.setattr(calificadores, "__path__", [*calificadores.__path__, str(tmp_path)])
    yield "42_mi_tarea"
    for nombre in [m for m in sys.modules if m.startswith("autograder.calificadores.mi_tarea")]:
        del sys.modules[nombre]


def test_una_tarea_nueva_solo_declara_lo_que_difiere(tarea_falsa):
    from autograder.alumno import AlumnoLocal
    from autograder.motor import ejecutar_casos

    assert tareas_disponibles() == [*TAREAS, tarea_falsa]  # in id order: the others < 42
    tarea = cargar_tarea(tarea_falsa)
    assert (tarea.id, tarea.paquete, tarea.ejercicios, tarea.referencia) == \
        ("42_mi_tarea", "mi_tarea", ("doble",), "solutions.mi_tarea")
    assert _comun(tarea) == ANTES_NUMPY
    assert tarea.puntos("doble") == 3.0 and tarea.id_celda("doble") == "pruebas_doble"
    assert [c.nombre for c in tarea.casos("doble")] == ["doble_de_tres", "doble_de_cero"]
    assert tarea.dependencias_de_referencia() == {}
    resultados = ejecutar_casos(tarea, AlumnoLocal({"doble": lambda x: 2 * x}), "alumno1", solo_publicas=True)
    assert [r.aprobada for r in resultados] == [True]


def test_sin_su_subpaquete_una_tarea_no_esta_disponible(tmp_path, monkeypatch):
    """As in a student kit, which carries one task's package: only the tasks present are found."""
    monkeypatch.setattr(calificadores, "__path__", [str(tmp_path)])
    assert tareas_disponibles() == []
    with pytest.raises(ErrorCalificador, match="tarea desconocida: '07_keras_mnist'"):
        cargar_tarea("07_keras_mnist")
