"""Los datos de confianza que leen los casos se cargan mientras arranca el trabajador (``Tarea.datos_de_confianza``).

A cold grade of a Keras notebook waits seconds for the jail to import Keras; meanwhile the engine
loads, in a thread, the trusted data the task's cases will read (test sets, control samples),
which each case module declares in ``DATOS_DE_CONFIANZA``. These tests check that the declarations
cover every read of ``source_data`` by the cases, that each declared loader is cached and used, and
that the engine calls them before the cases without changing any grade.
"""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from autograder import motor
from autograder.calificadores import tareas_disponibles
from autograder.tareas import Tarea
from conftest import RAIZ, calificar, cuaderno_fuente

# Runs every case of every task against a stand-in for a submission (no notebook, no Keras): it
# defines nothing and brings a model file with no parameters whose predictions are zeros, which is
# enough for each case to reach the data it reads before failing. In a fresh process, so that no
# cache is warm: first with the declared loaders called beforehand, counting the reads of
# `source_data` the cases still make; then with those loaders' caches emptied, to see that the
# cases do go through each of them.
LECTURAS = textwrap.dedent("""
    import json

    import numpy as np

    import source_data

    lecturas = []
    for nombre in [n for n in dir(source_data) if n.startswith("cargar_")]:
        def contado(*args, _original=getattr(source_data, nombre), _nombre=nombre, **kwargs):
            lecturas.append(_nombre)
            return _original(*args, **kwargs)
        setattr(source_data, nombre, contado)

    from autograder.calificadores import cargar_tarea, tareas_disponibles
    from autograder.errores import ErrorDelAlumno
    from autograder.motor import ejecutar_casos


    class EntregaVacia:
        def llamar(self, nombre, *args, **kwargs):
            raise ErrorDelAlumno("no definida")

        def valor(self, nombre):
            raise ErrorDelAlumno("no definida")

        def modelo_construido(self, *args):
            raise ErrorDelAlumno("no definida")

        def archivo_entregado(self, nombre):
            return b"{}"

        def modelo_guardado(self, archivo="modelo.keras", x=None):
            return {"parametros": 0, "entrada": "null", "salida": "null", "capas": [], "compilado": True,
                    "perdida": "", "optimizador": "",
                    "predicciones": None if x is None else np.zeros((len(x), 1), np.float32)}


    resultado = {}
    for tarea_id in tareas_disponibles():
        tarea = cargar_tarea(tarea_id)
        cargadores = tarea.datos_de_confianza()
        for cargador in cargadores:
            cargador()
        del lecturas[:]
        ejecutar_casos(tarea, EntregaVacia(), "alguien")
        tras_cargar = list(lecturas)
        en_cache = [hasattr(cargador, "cache_clear") for cargador in cargadores]
        for cargador, cacheado in zip(cargadores, en_cache):
            if cacheado:
                cargador.cache_clear()
        ejecutar_casos(tarea, EntregaVacia(), "alguien")
        usados = [cacheado and cargador.cache_info().misses > 0 for cargador, cacheado in zip(cargadores, en_cache)]
        resultado[tarea_id] = {"cargadores": [c.__qualname__ for c in cargadores], "tras_cargar": tras_cargar,
                               "en_cache": en_cache, "usados": usados}
    print(json.dumps(resultado))
    """)


@pytest.fixture(scope="module")
def lecturas() -> dict:
    proceso = subprocess.run([sys.executable, "-c", LECTURAS], cwd=RAIZ, capture_output=True, text=True, timeout=600)
    assert proceso.returncode == 0, proceso.stderr[-3000:]
    return json.loads(proceso.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("tarea_id", tareas_disponibles())
def test_tras_cargar_los_datos_de_confianza_los_casos_no_leen_mas_datos(lecturas, tarea_id):
    assert lecturas[tarea_id]["tras_cargar"] == [], (
        f"los casos de {tarea_id} leen {lecturas[tarea_id]['tras_cargar']} fuera de DATOS_DE_CONFIANZA")


@pytest.mark.parametrize("tarea_id", tareas_disponibles())
def test_cada_cargador_declarado_guarda_su_resultado_y_los_casos_lo_usan(lecturas, tarea_id):
    datos = lecturas[tarea_id]
    assert all(datos["en_cache"]), f"{tarea_id}: cargadores sin caché en {datos['cargadores']}"
    assert all(datos["usados"]), f"{tarea_id}: ningún caso usa alguno de {datos['cargadores']}"


def test_las_tareas_que_leen_datos_los_declaran(lecturas):
    """The tasks whose cases load a data set (the test above catches an undeclared read of `source_data`;
    this one also keeps 05's, whose flowers come from scikit-learn)."""
    con_datos = {t for t, d in lecturas.items() if d["cargadores"]}
    assert con_datos == {"04_backprop", "05_keras_iris", "06_keras_digitos", "07_keras_mnist", "08_fashion_mnist",
                         "09_cnn_mnist", "10_cnn_cifar10", "11_lstm_imdb", "12_sobreajuste", "17_clases_desbalanceadas"}


PAUSA = 1.5  # longer than the notebook of 01 takes to start and run, so a missing wait would show


def _con_cargadores(monkeypatch, *cargadores) -> list:
    """Replaces every task's loaders with `cargadores` and records, in order, each case run's thread."""
    eventos = []
    monkeypatch.setattr(Tarea, "datos_de_confianza", lambda self: list(cargadores))
    original = motor.ejecutar_casos

    def ejecutar_casos(*args, **kwargs):
        eventos.append(("casos", threading.current_thread().name))
        return original(*args, **kwargs)

    monkeypatch.setattr(motor, "ejecutar_casos", ejecutar_casos)
    return eventos


def test_al_calificar_los_datos_se_cargan_en_otro_hilo_y_los_casos_los_esperan(monkeypatch):
    def cargador():
        time.sleep(PAUSA)
        eventos.append(("cargador", threading.current_thread().name))

    eventos = _con_cargadores(monkeypatch, cargador)
    resultado = calificar(cuaderno_fuente("01_perceptron"), "01_perceptron", aislar=False)
    assert eventos == [("cargador", "datos de confianza"), ("casos", "MainThread")]
    assert resultado.puntaje == resultado.puntaje_max


def test_un_cargador_que_falla_no_cambia_la_calificacion(monkeypatch):
    def roto():
        raise OSError("no están los datos")

    eventos = _con_cargadores(monkeypatch, roto)
    resultado = calificar(cuaderno_fuente("01_perceptron"), "01_perceptron", aislar=False)
    assert eventos == [("casos", "MainThread")]
    assert resultado.puntaje == resultado.puntaje_max


def test_la_autocomprobacion_no_carga_los_datos_de_los_casos_ocultos(monkeypatch):
    llamadas = []
    _con_cargadores(monkeypatch, lambda: llamadas.append(1))
    resultado = calificar(cuaderno_fuente("01_perceptron"), "01_perceptron", solo_publicas=True)
    assert llamadas == []
    assert resultado.casos
