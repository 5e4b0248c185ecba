"""¿Resiste `nbgrader autograde` las trampas con los metadatos de nbgrader, sin detener a la clase?

One course, one NumPy task and one `nbgrader autograde` run for the whole class: two honest
students (graded first alone, as the baseline) and one student per trick. For each trick the
gradebook (read through nbgrader's API) must show that the cheater got no more than the honest
points of what he submitted, that every graded cell of his has a score, that the other students
got exactly their baseline grades, and that the maximum points did not move.
"""
from __future__ import annotations

import copy
import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_output
from nbgrader.api import Gradebook

from autograder import nbgrader_integracion
from autograder.curso import preparar_curso
from autograder.errores import ErrorCalificador
from autograder.nbgrader_integracion import CalificacionAislada
from conftest import RAIZ
from herramientas.alumnos_simulados import completar, perfiles
from herramientas.simulados import modulo

TAREA = "01_perceptron"
MAXIMO = 23.0
OTRA = "03_softmax_entropia"
CELDA_PROVISTA = "codigo_02"  # locked: imports NumPy and creates `comprobar`


def _calificadas(nb):
    return [c for c in nb.cells if c.get("metadata", {}).get("nbgrader", {}).get("grade")]


def _puntos_falsos(celda, puntos="100"):
    celda.outputs = [new_output("execute_result", data={"text/plain": puntos}, execution_count=1)]
    celda.execution_count = 1


def _skip_execution(nb, fuente):
    for celda in _calificadas(nb):
        celda.metadata.setdefault("tags", []).append("skip-execution")
        _puntos_falsos(celda)
    return nb


def _prueba_editada(nb, fuente):
    for celda in _calificadas(nb):
        celda.source = "print('todas las comprobaciones pasan')"
        _puntos_falsos(celda, "4")
    return nb


def _pruebas_borradas(nb, fuente):
    nb.cells = [c for c in nb.cells if c not in _calificadas(nb)]
    return nb


def _una_prueba_borrada(nb, fuente):
    completar(nb, fuente)
    nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") != "pruebas_red_xor"]
    return nb


def _prueba_duplicada(nb, fuente):
    for celda in _calificadas(nb):
        copia = copy.deepcopy(celda)
        copia.metadata.nbgrader["points"] = 100.0
        copia.source = "pass"
        _puntos_falsos(copia)
        nb.cells.insert(nb.cells.index(celda), copia)
    return nb


def _puntos_cambiados(nb, fuente):
    for celda in _calificadas(nb):
        celda.metadata.nbgrader["points"] = 1000.0
        _puntos_falsos(celda, "1000")
    return nb


def _grade_id_renombrado(nb, fuente):
    for celda in _calificadas(nb):
        celda.metadata.nbgrader["grade_id"] += "_mia"
        _puntos_falsos(celda)
    return nb


def _banderas_invertidas(nb, fuente):
    for celda in nb.cells:
        meta = celda.metadata.get("nbgrader")
        if meta and (meta["grade"] or meta["solution"]):
            meta["grade"], meta["solution"] = meta["solution"], meta["grade"]
            meta["points"] = 100.0
            if meta["grade"]:
                _puntos_falsos(celda)
    return nb


def _sin_locked(nb, fuente):
    for celda in nb.cells:
        meta = celda.metadata.get("nbgrader")
        if meta and meta["locked"]:
            meta["locked"] = False
            if meta["grade"]:
                celda.source = "print(4)"
            elif meta["grade_id"] == CELDA_PROVISTA:
                celda.source = "import numpy as np\nnp.allclose = lambda *a, **k: True\ncomprobar = print"
    return nb


def _metadatos_de_otra_tarea(nb, fuente):
    completar(nb, fuente)
    nb.metadata["curso_dl"] = {"tarea": "13_autoevaluacion"}
    return nb


def _cuaderno_de_otra_tarea(nb, fuente):
    """A solved 03 (its own metadata says 03) submitted as 01: graded as 01, the assignment."""
    return nbformat.read(RAIZ / "assignments" / OTRA / f"{OTRA}.ipynb", as_version=4)


def _esquema_cambiado(nb, fuente):
    completar(nb, fuente)
    for celda in _calificadas(nb):
        celda.metadata.nbgrader["schema_version"] = 4  # SchemaTooNewError stopped the whole class
    return nb


def _metadatos_rotos(nb, fuente):
    completar(nb, fuente)
    por_id = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in nb.cells}
    por_id["escalon"].metadata["nbgrader"] = "no soy un diccionario"
    por_id["pruebas_escalon"].metadata["nbgrader"] = {"grade": True}
    del por_id["pruebas_red_xor"].metadata.nbgrader["points"]
    nb.metadata["language"] = 5  # nbconvert calls .lower() on it
    return nb


def _tipo_cambiado(nb, fuente):
    for celda in _calificadas(nb):
        celda.cell_type = "markdown"
        del celda["outputs"], celda["execution_count"]
        celda.source = "100"
    return nb


def _celda_ajena(nb, fuente):
    """A new graded cell the assignment does not have, with its own points."""
    celda = new_code_cell("pass", metadata={"nbgrader": {
        "grade": True, "solution": False, "locked": True, "grade_id": "pruebas_regalo", "points": 50.0,
        "schema_version": 3}})
    _puntos_falsos(celda, "50")
    nb.cells.insert(1, celda)
    return nb


NO_ES_UN_CUADERNO = b'{"hola": "no soy un cuaderno"}'
BINARIO = bytes(range(256)) * 4

# alumno: (cómo hace trampa, puntos honestos de lo que entrega)
TRAMPAS = {
    "skip_execution": (_skip_execution, 0),
    "prueba_editada": (_prueba_editada, 0),
    "pruebas_borradas": (_pruebas_borradas, 0),
    "una_prueba_borrada": (_una_prueba_borrada, MAXIMO),
    "prueba_duplicada": (_prueba_duplicada, 0),
    "puntos_cambiados": (_puntos_cambiados, 0),
    "grade_id_renombrado": (_grade_id_renombrado, 0),
    "banderas_invertidas": (_banderas_invertidas, 0),
    "sin_locked": (_sin_locked, 0),
    "metadatos_de_otra_tarea": (_metadatos_de_otra_tarea, MAXIMO),
    "cuaderno_de_otra_tarea": (_cuaderno_de_otra_tarea, 0),
    "esquema_cambiado": (_esquema_cambiado, MAXIMO),
    "metadatos_rotos": (_metadatos_rotos, MAXIMO),
    "tipo_cambiado": (_tipo_cambiado, 0),
    "celda_ajena": (_celda_ajena, 0),
    "no_es_un_cuaderno": (NO_ES_UN_CUADERNO, 0),
    "binario": (BINARIO, 0),
}
HONESTOS = ("ana_completo", "carla_parcial")


def nbgrader(*argumentos, cwd: Path, entorno: dict | None = None) -> subprocess.CompletedProcess:
    entorno = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
               **(entorno or {})}
    return subprocess.run([sys.executable, "-m", "nbgrader", *argumentos], cwd=cwd, env=entorno,
                          capture_output=True, text=True, timeout=600)


def entregar(directorio: Path, alumno: str, contenido) -> None:
    carpeta = directorio / "submitted" / alumno / TAREA
    carpeta.mkdir(parents=True, exist_ok=True)
    ruta = carpeta / f"{TAREA}.ipynb"
    if isinstance(contenido, bytes):
        ruta.write_bytes(contenido)
    else:
        ruta.write_text(json.dumps(contenido))  # not nbformat.write: it would refuse some of the tricks


def notas(directorio: Path) -> dict:
    """{alumno: {grade_id: (auto_score, needs_manual_grade)}}, {grade_id: max}, total max, from the gradebook."""
    with Gradebook(f"sqlite:///{directorio / 'gradebook.db'}") as gb:
        tarea = gb.find_assignment(TAREA)
        maximos = {c.name: c.max_score for c in tarea.notebooks[0].grade_cells}
        por_alumno = {}
        for envio in tarea.submissions:
            por_alumno[envio.student.id] = {g.name: (g.auto_score, g.needs_manual_grade)
                                            for g in envio.notebooks[0].grades}
        return por_alumno, maximos, tarea.max_score


@pytest.fixture(scope="module")
def clase(tmp_path_factory):
    directorio = preparar_curso(tmp_path_factory.mktemp("trampas") / "curso", [TAREA])
    generado = nbgrader("generate_assignment", TAREA, "--force", cwd=directorio)
    assert generado.returncode == 0, generado.stdout + generado.stderr
    publicado = nbformat.read(directorio / "release" / TAREA / f"{TAREA}.ipynb", as_version=4)
    fuente = nbformat.read(directorio / "source" / TAREA / f"{TAREA}.ipynb", as_version=4)
    m = modulo(TAREA)
    perfil = perfiles(m.ERRORES, keras=m.KERAS, celda_que_falta=m.CELDA_QUE_FALTA)
    entregar(directorio, "ana_completo", perfil["completo"](copy.deepcopy(publicado), fuente))
    entregar(directorio, "carla_parcial", perfil["parcial"](copy.deepcopy(publicado), fuente))
    solos = nbgrader("autograde", TAREA, cwd=directorio)
    assert solos.returncode == 0, solos.stdout + solos.stderr
    base = notas(directorio)
    for alumno, (trampa, _) in TRAMPAS.items():
        entregar(directorio, alumno, trampa if isinstance(trampa, bytes) else trampa(copy.deepcopy(publicado), fuente))
    todos = nbgrader("autograde", TAREA, "--force", cwd=directorio)
    return SimpleNamespace(directorio=directorio, base=base, notas=notas(directorio), proceso=todos,
                           completo=perfil["completo"](copy.deepcopy(publicado), fuente))


def test_la_clase_entera_se_califica_sin_errores(clase):
    por_alumno, _, _ = clase.notas
    assert clase.proceso.returncode == 0, clase.proceso.stderr[-3000:]
    assert set(por_alumno) == set(TRAMPAS) | set(HONESTOS)


@pytest.mark.parametrize("alumno", TRAMPAS)
def test_la_trampa_no_da_puntos_ni_detiene_a_la_clase(clase, alumno):
    (base, maximos_antes, maximo_antes), (por_alumno, maximos, maximo) = clase.base, clase.notas
    notas_alumno = por_alumno[alumno]
    assert set(notas_alumno) == set(maximos_antes), "celdas calificadas distintas de las de la tarea"
    for grade_id, (puntos, manual) in notas_alumno.items():
        assert puntos is not None and not manual, f"{grade_id} quedó sin puntaje automático"
    assert sum(p for p, _ in notas_alumno.values()) == TRAMPAS[alumno][1]
    assert maximos == maximos_antes and maximo == maximo_antes == MAXIMO
    for honesto in HONESTOS:
        assert por_alumno[honesto] == base[honesto]


def test_los_honestos_tienen_notas_distintas(clase):
    """The baseline is meaningful: one full score, one partial."""
    base = clase.base[0]
    totales = {alumno: sum(p for p, _ in base[alumno].values()) for alumno in HONESTOS}
    assert totales["ana_completo"] == MAXIMO and 0 < totales["carla_parcial"] < MAXIMO


@pytest.mark.parametrize("alumno", ["no_es_un_cuaderno", "binario"])
def test_lo_que_no_es_un_cuaderno_recibe_0_con_el_motivo(clase, alumno):
    nb = nbformat.read(clase.directorio / "autograded" / alumno / TAREA / f"{TAREA}.ipynb", as_version=4)
    calificadas = _calificadas(nb)
    assert len(calificadas) == 4
    for celda in calificadas:
        texto = "".join(s.text for s in celda.outputs if s.output_type == "stream")
        assert "no se pudo leer como cuaderno de Jupyter" in texto and "0 puntos" in texto


def test_una_celda_de_prueba_borrada_se_restaura_y_se_califica(clase):
    nb = nbformat.read(clase.directorio / "autograded" / "una_prueba_borrada" / TAREA / f"{TAREA}.ipynb", as_version=4)
    ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells]
    assert ids.index("pruebas_red_xor") == ids.index("red_xor") + 2  # after its exercise and the note
    assert "faltaba en tu entrega" in nb.cells[ids.index("pruebas_red_xor") - 1].source


def test_sin_jaula_autograde_da_0_con_el_motivo_salvo_con_sin_aislamiento(clase):
    """Fail closed: without bubblewrap every submission gets 0 and the reason; the explicit option grades."""
    entregar(clase.directorio, "eva_sin_jaula", clase.completo)
    sin_jaula = {"CURSO_DL_BWRAP": "/no/existe/bwrap"}
    negado = nbgrader("autograde", TAREA, "--student=eva_sin_jaula", cwd=clase.directorio, entorno=sin_jaula)
    assert negado.returncode == 0, negado.stderr[-3000:]
    assert f"ERROR] No se calificó {TAREA} de eva_sin_jaula: No se puede calificar sin aislamiento" in negado.stderr
    assert set(notas(clase.directorio)[0]["eva_sin_jaula"].values()) == {(0.0, False)}
    nb = nbformat.read(clase.directorio / "autograded" / "eva_sin_jaula" / TAREA / f"{TAREA}.ipynb", as_version=4)
    assert all("falta bubblewrap" in texto for texto, _ in _salidas(nb))
    forzado = nbgrader("autograde", TAREA, "--student=eva_sin_jaula", "--force",
                       "--CalificacionAislada.sin_aislamiento=True", cwd=clase.directorio, entorno=sin_jaula)
    assert forzado.returncode == 0, forzado.stderr[-3000:]
    assert "eva_sin_jaula se califica SIN AISLAMIENTO" in forzado.stderr
    assert sum(p for p, _ in notas(clase.directorio)[0]["eva_sin_jaula"].values()) == MAXIMO


# CalificacionAislada on its own: whatever the engine raises, every graded cell gets 0 and a message.

def _preprocesar(monkeypatch, tmp_path, caplog, motor, **opciones):
    monkeypatch.setattr(nbgrader_integracion, "calificar_cuaderno", motor)
    registro = logging.getLogger("prueba_calificacion_aislada")
    nb = nbformat.read(RAIZ / "assignments" / TAREA / f"{TAREA}.ipynb", as_version=4)
    recursos = {"nbgrader": {"assignment": TAREA, "student": "alguien"}, "metadata": {"path": str(tmp_path)}}
    with caplog.at_level(logging.INFO, logger=registro.name):
        nb, _ = CalificacionAislada(log=registro, raiz_curso=str(tmp_path), **opciones).preprocess(nb, recursos)
    return nb


def _salidas(nb):
    return [("".join(s.get("text", "") for s in c.outputs if s.output_type == "stream"),
             [s.data["text/plain"] for s in c.outputs if s.output_type == "execute_result"])
            for c in _calificadas(nb)]


@pytest.mark.parametrize("excepcion", [RuntimeError("fallo interno"), ErrorCalificador("tarea desconocida: x"),
                                       MemoryError(), KeyError("grade_id")])
def test_calificacion_aislada_nunca_lanza(monkeypatch, tmp_path, caplog, excepcion):
    def motor(*args, aislar=True, **kwargs):
        raise excepcion

    nb = _preprocesar(monkeypatch, tmp_path, caplog, motor)
    salidas = _salidas(nb)
    assert len(salidas) == 4
    for texto, puntos in salidas:
        assert puntos == ["0"] and ("No se pudo calificar" in texto or "Error interno del calificador" in texto)
    assert any(r.levelno == logging.ERROR and "alguien" in r.getMessage() for r in caplog.records)
