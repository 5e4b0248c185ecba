"""Calificar una clase entera (`python -m autograder lote`): mismo resultado, caché, Dask, reanudar y autograde."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from autograder import lote
from autograder.cache_calificaciones import CARPETA, CacheCalificaciones, a_json_completo
from autograder.calificadores import cargar_tarea
from autograder.cuaderno import leer_cuaderno
from autograder.motor import calificar_cuaderno
from autograder.resultados import ResultadoCalificacion
from herramientas.demo import ALUMNOS, nbgrader, preparar_clase
from herramientas.simulados import perfiles_de

RAIZ = Path(__file__).resolve().parents[1]
TAREAS = ["01_perceptron", "13_autoevaluacion"]  # NumPy and the quiz: fast to grade
TOTAL = len(TAREAS) * len(ALUMNOS)


@pytest.fixture(scope="module")
def curso(tmp_path_factory) -> Path:
    """A course with the simulated class's submissions already collected.

    generate_assignment makes the gradebook and the release; each student's submission is then
    written where `nbgrader collect` puts it (the release folder, the profile's notebook and
    timestamp.txt), which saves the fetch/submit/collect round trips of `herramientas.demo.ciclo`.
    """
    directorio = preparar_clase(tmp_path_factory.mktemp("lote") / "curso", TAREAS)
    for tarea in TAREAS:
        nbgrader("generate_assignment", tarea, "--force", cwd=directorio)
        publicado = directorio / "release" / tarea
        fuente = nbformat.read(directorio / "source" / tarea / f"{tarea}.ipynb", as_version=4)
        perfiles = perfiles_de(tarea)
        for alumno, perfil in ALUMNOS.items():
            carpeta = directorio / "submitted" / alumno / tarea
            shutil.copytree(publicado, carpeta)
            nb = perfiles[perfil](nbformat.read(carpeta / f"{tarea}.ipynb", as_version=4), fuente)
            nbformat.write(nb, carpeta / f"{tarea}.ipynb")
            (carpeta / "timestamp.txt").write_text("2026-01-15 10:00:00.000000 UTC")
    return directorio


def _vaciar_cache(directorio: Path) -> None:
    shutil.rmtree(directorio / CARPETA, ignore_errors=True)


def _entorno() -> dict:
    return {**os.environ, "PYTHONPATH": f"{RAIZ}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}


def _pruebas(datos: dict) -> list:
    return [{k: p[k] for k in ("id", "puntaje", "puntaje_max", "aprobada", "mensaje")} for p in datos["pruebas"]]


def _por_entrega(resumen) -> dict:
    return {entrega: _pruebas(datos["resultado"]) for entrega, datos in resumen.resultados.items()}


@pytest.fixture
def contar_calificaciones(monkeypatch):
    """How many times the batch calls the engine (threads of this process)."""
    llamadas = []

    def contando(*args, **kwargs):
        llamadas.append(args[2])
        return calificar_cuaderno(*args, **kwargs)

    monkeypatch.setattr(lote, "calificar_cuaderno", contando)
    return llamadas


@pytest.fixture(scope="module")
def lote_local(curso):
    _vaciar_cache(curso)
    return lote.calificar_clase(curso, trabajadores=2, autograde=False, barra=False)


def test_el_lote_da_lo_mismo_que_calificar_una_por_una(curso, lote_local, capsys):
    assert lote_local.total == TOTAL and not lote_local.fallos
    assert lote_local.calificadas == TOTAL and lote_local.en_cache == 0
    assert len(list((curso / CARPETA).glob("*.json"))) == TOTAL
    for tarea in TAREAS:
        for alumno in ALUMNOS:
            carpeta = curso / "submitted" / alumno / tarea
            uno = calificar_cuaderno(leer_cuaderno(carpeta / f"{tarea}.ipynb"), cargar_tarea(tarea), alumno, carpeta,
                                     prohibidos=[curso], aislar=True)
            assert _pruebas(lote_local.resultados[(tarea, alumno)]["resultado"]) == _pruebas(uno.a_json()), \
                (tarea, alumno)
    # desde_json rebuilds what a_json_completo stored
    datos = lote_local.resultados[("01_perceptron", "carla")]["resultado"]
    reconstruido = ResultadoCalificacion.desde_json(datos)
    assert a_json_completo(reconstruido) == datos and reconstruido.alumno == "carla"
    # the progress bar (forced: stderr is not a terminal here): done/total, failures, and everything cached
    lote.calificar_clase(curso, TAREAS[:1], trabajadores=2, autograde=False, barra=True)
    barra = capsys.readouterr().err
    assert f"{len(ALUMNOS)}/{len(ALUMNOS)}" in barra and f"fallos=0, en caché={len(ALUMNOS)}" in barra


def test_dask_local_cluster_da_lo_mismo(curso, lote_local):
    from distributed import LocalCluster

    _vaciar_cache(curso)
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        resumen = lote.calificar_clase(curso, dask=cluster.scheduler_address, autograde=False, barra=False)
    assert not resumen.fallos and resumen.calificadas == TOTAL
    assert _por_entrega(resumen) == _por_entrega(lote_local)
    assert {d["clave"] for d in resumen.resultados.values()} == {d["clave"] for d in lote_local.resultados.values()}
    assert len(list((curso / CARPETA).glob("*.json"))) == TOTAL  # written by the client


def _interrumpir_el_lote(curso: Path, veces: int) -> str:
    """Runs the batch command with one worker and presses Ctrl-C ``veces`` times once two results are cached."""
    _vaciar_cache(curso)
    proceso = subprocess.Popen([sys.executable, "-m", "autograder", "lote", str(curso), "--trabajadores", "1",
                                "--sin-autograde"], cwd=RAIZ, env=_entorno(), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    limite = time.monotonic() + 120
    while len(list((curso / CARPETA).glob("*.json"))) < 2 and time.monotonic() < limite and proceso.poll() is None:
        time.sleep(0.1)
    for _ in range(veces):
        proceso.send_signal(signal.SIGINT)
        time.sleep(0.5)
    _, errores = proceso.communicate(timeout=120)
    assert proceso.returncode == 130, errores
    assert "Interrumpido" in errores and "Vuelve a ejecutar la misma orden" in errores
    assert not list((curso / CARPETA).glob(".*.tmp"))
    return errores


def _la_cache_es_la_del_lote(curso: Path, lote_local) -> int:
    """Every cached result is the one the uninterrupted batch computed (no jail killed under a grade)."""
    por_clave = {datos["clave"]: _pruebas(datos["resultado"]) for datos in lote_local.resultados.values()}
    guardadas = list((curso / CARPETA).glob("*.json"))
    for archivo in guardadas:
        guardado = json.loads(archivo.read_text())
        assert _pruebas(guardado["resultado"]) == por_clave[guardado["clave"]], archivo
    return len(guardadas)


def test_un_segundo_ctrl_c_no_guarda_lo_que_se_estaba_calificando(curso, lote_local):
    errores = _interrumpir_el_lote(curso, veces=2)
    assert "otro Ctrl-C las abandona sin guardarlas" in errores
    assert 2 <= _la_cache_es_la_del_lote(curso, lote_local) < TOTAL


def test_interrumpir_y_reanudar_no_califica_dos_veces(curso, lote_local, contar_calificaciones):
    errores = _interrumpir_el_lote(curso, veces=1)
    guardadas = _la_cache_es_la_del_lote(curso, lote_local)
    assert 2 <= guardadas < TOTAL
    assert f"Interrumpido: {guardadas} de {TOTAL} entregas están en la caché" in errores
    resumen = lote.calificar_clase(curso, trabajadores=2, autograde=False, barra=False)
    assert len(contar_calificaciones) == TOTAL - guardadas
    assert resumen.en_cache == guardadas and resumen.calificadas == TOTAL - guardadas
    assert _por_entrega(resumen) == _por_entrega(lote_local)
    resumen = lote.calificar_clase(curso, trabajadores=2, autograde=False, barra=False)
    assert len(contar_calificaciones) == TOTAL - guardadas and resumen.en_cache == TOTAL


def _notas_del_gradebook(directorio: Path) -> dict:
    from nbgrader.api import Gradebook

    notas = {}
    with Gradebook(f"sqlite:///{directorio / 'gradebook.db'}", "curso_dl") as gb:
        for tarea in TAREAS:
            for alumno in ALUMNOS:
                entrega = gb.find_submission_notebook(tarea, tarea, alumno)
                notas[(tarea, alumno)] = sorted((g.name, g.auto_score) for g in entrega.grades)
    return notas


def test_autograde_usa_la_cache_y_da_las_mismas_notas(curso, lote_local, tmp_path):
    apartada = tmp_path / "cache_apartada"
    if (curso / CARPETA).exists():
        (curso / CARPETA).rename(apartada)
    for tarea in TAREAS:  # autograde alone: every submission graded by CalificacionAislada itself
        sola = lote.nbgrader_autograde(curso, tarea)
        assert sola["ok"] and sola["en_cache"] == 0, sola["salida"][-2000:]
        assert f"{tarea} de ana: resultado en caché" not in sola["salida"]
    sin_cache = _notas_del_gradebook(curso)
    if apartada.exists():
        apartada.rename(curso / CARPETA)
    # The instructor's one command, in a fresh process like autograde's. It grades again only what this
    # test process did not cache with the same grader version (its files may have changed since it started).
    orden = subprocess.run([sys.executable, "-m", "autograder", "lote", str(curso), "--trabajadores", "2"], cwd=RAIZ,
                           env=_entorno(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=300)
    assert orden.returncode == 0, orden.stdout + orden.stderr[-3000:]
    assert f"{TOTAL} de {TOTAL} entregas:" in orden.stdout and "0 con error" in orden.stdout
    for tarea in TAREAS:  # CalificacionAislada logged "resultado en caché" for every submission
        assert (f"nbgrader autograde {tarea}: bien; {len(ALUMNOS)} resultados tomados de la caché" in orden.stdout), \
            orden.stdout
    assert "nbgrader autograde de todas las tareas en una sola orden" in orden.stdout, orden.stdout
    if (os.cpu_count() or 1) >= 2:  # the bookkeeping ran as two commands at once, one per group of students
        assert "repartida en 2 órdenes a la vez" in orden.stdout, orden.stdout
    assert _notas_del_gradebook(curso) == sin_cache
    for (tarea, alumno), grados in sin_cache.items():  # and they are the engine's scores
        puntos = ResultadoCalificacion.desde_json(lote_local.resultados[(tarea, alumno)]["resultado"])
        for celda, nota in grados:
            if celda.startswith("pruebas_"):
                assert nota == puntos.puntaje_ejercicio(celda.removeprefix("pruebas_")), (tarea, alumno, celda)


def test_una_entrada_alterada_de_otra_clave_no_se_usa(curso, lote_local, contar_calificaciones):
    lote.calificar_clase(curso, trabajadores=2, autograde=False, barra=False)  # everything cached
    contar_calificaciones.clear()
    cache = CacheCalificaciones(curso)
    original = lote_local.resultados[("01_perceptron", "ana")]
    ruta = cache.ruta(original["clave"])
    alterado = json.loads(ruta.read_text())
    for prueba in alterado["resultado"]["pruebas"]:
        prueba["puntaje"] = 0.0
    ruta.write_text(json.dumps(alterado))
    # another submission's result copied under this key (a renamed file) is not used either
    otra = cache.ruta(lote_local.resultados[("01_perceptron", "beto")]["clave"])
    shutil.copy(ruta, otra)
    assert cache.leer(lote_local.resultados[("01_perceptron", "beto")]["clave"]) is None
    cuaderno = curso / "submitted" / "ana" / "01_perceptron" / "01_perceptron.ipynb"
    contenido = cuaderno.read_bytes()
    try:
        cuaderno.write_bytes(contenido + b" ")  # one byte more: another key
        resumen = lote.calificar_clase(curso, TAREAS[:1], trabajadores=2, autograde=False, barra=False)
    finally:
        cuaderno.write_bytes(contenido)
        for entrega in (original, lote_local.resultados[("01_perceptron", "beto")]):
            cache.escribir(entrega["clave"], entrega["resultado"])
    assert sorted(contar_calificaciones) == ["ana", "beto"]
    nuevo = resumen.resultados[("01_perceptron", "ana")]
    assert nuevo["estado"] == lote.CALIFICADA and nuevo["clave"] != original["clave"]
    assert _pruebas(nuevo["resultado"]) == _pruebas(original["resultado"])
    assert _pruebas(resumen.resultados[("01_perceptron", "beto")]["resultado"]) == \
        _pruebas(lote_local.resultados[("01_perceptron", "beto")]["resultado"])


def _autograde_simulado(llamadas: list, falla_sin: str | None = None):
    """Stands for ``nbgrader_autograde``: notes whom each command leaves out. The first command that leaves
    out ``falla_sin`` fails (decided by its group, not by which thread calls first)."""
    def orden(raiz, tarea, excluir=None):
        ok = not (falla_sin in (excluir or ()) and excluir not in llamadas)
        llamadas.append(excluir)
        return {"ok": ok, "en_cache": 1, "segundos": 0.0, "salida": "", "ordenes": 1}
    return orden


def test_autograde_repartido_da_cada_alumno_a_una_sola_orden(curso, monkeypatch):
    """Two commands at once: each student in exactly one group, the configured exclusions kept in both."""
    curso_ = lote.cargar_curso(str(curso))
    monkeypatch.setattr(curso_.coursedir, "student_id_exclude", "profesora")
    llamadas = []
    monkeypatch.setattr(lote, "nbgrader_autograde", _autograde_simulado(llamadas))
    alumnos = sorted(ALUMNOS)
    datos = lote.autograde_repartido(curso_, "*", alumnos, 2)
    assert datos["ok"] and datos["ordenes"] == 2 and datos["en_cache"] == 2 and len(llamadas) == 2
    assert all("profesora" in excluidos for excluidos in llamadas)
    de_cada_orden = [set(alumnos) - set(excluidos) for excluidos in llamadas]
    assert all(de_cada_orden) and de_cada_orden[0].isdisjoint(de_cada_orden[1])
    assert de_cada_orden[0] | de_cada_orden[1] == set(alumnos)
    llamadas.clear()  # one at a time: nbgrader's own command, nobody left out
    assert lote.autograde_repartido(curso_, "*", alumnos, 1)["ordenes"] == 1 and llamadas == [None]


def test_autograde_repartido_repite_sola_la_orden_que_fallo(curso, monkeypatch, capsys):
    """A group's command that fails (a lock given up under load) runs again alone, with the same group, and
    the instructor is told."""
    curso_ = lote.cargar_curso(str(curso))
    llamadas = []
    alumnos = sorted(ALUMNOS)
    monkeypatch.setattr(lote, "nbgrader_autograde", _autograde_simulado(llamadas, falla_sin=alumnos[0]))
    datos = lote.autograde_repartido(curso_, "*", alumnos, 2)
    assert datos["ok"] and len(llamadas) == 3
    assert alumnos[0] in llamadas[2] and llamadas.count(llamadas[2]) == 2  # the same group, run again
    assert "se repitió sola" in datos["salida"]
    assert "se repite sola" in capsys.readouterr().err


def test_una_sola_orden_de_autograde_solo_si_toca_exactamente_las_entregas(curso):
    """`nbgrader autograde '*'` would also try a stray folder in submitted/: then one order per task."""
    curso_ = lote.cargar_curso(str(curso))
    entregas = lote.buscar_entregas(curso_)
    assert lote._solo_entregas(curso_, entregas)
    assert not lote._solo_entregas(curso_, entregas[1:])
    extraviada = curso / "submitted" / "ana" / "apuntes_viejos"
    extraviada.mkdir()
    try:
        assert lote.buscar_entregas(curso_) == entregas
        assert not lote._solo_entregas(curso_, entregas)
    finally:
        extraviada.rmdir()
