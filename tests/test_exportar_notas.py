"""Exportadores de notas (autograder.exportar_notas) sobre un gradebook real de nbgrader.

The gradebook is built with nbgrader's API on a sqlite file in a course directory whose
nbgrader_config.py points at it; there the per-question exporter runs as the ``nbgrader export
--exporter ...`` command and the Moodle and Canvas ones through nbgrader's ExportApp with the same
arguments, and each CSV is compared byte for byte. Includes a missing submission, partial credit, a manual
score over the automatic one, extra credit, a late penalty, a grade_id repeated in two notebooks
and names with accents and commas.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from autograder.exportar_notas import ExportadorCanvas, ExportadorPorPregunta, formatear_puntos

RAIZ = Path(__file__).resolve().parents[1]
# nbgrader's own Gradebook.add_submission triggers these SQLAlchemy autoflush warnings.
pytestmark = pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning")


@pytest.fixture(scope="module")
def curso(tmp_path_factory):
    """Course dir with gradebook.db: ps1 (ej1 2 pts, ej2 3 pts, task t1 1 pt), ps2 (notebooks a, b, each with ej1)."""
    directorio = tmp_path_factory.mktemp("curso")
    db_url = f"sqlite:///{directorio / 'gradebook.db'}"
    (directorio / "nbgrader_config.py").write_text(
        f"c = get_config()\nc.CourseDirectory.db_url = {db_url!r}\n", encoding="utf-8")
    with Gradebook(db_url) as gb:
        gb.add_assignment("ps1", duedate="2026-10-01 12:00:00 UTC")
        gb.add_notebook("p1", "ps1")
        gb.add_grade_cell("ej1", "p1", "ps1", max_score=2, cell_type="code")
        gb.add_grade_cell("ej2", "p1", "ps1", max_score=3, cell_type="markdown")
        gb.add_task_cell("t1", "p1", "ps1", max_score=1, cell_type="markdown")
        gb.add_assignment("ps2", duedate="2026-11-01 12:00:00 UTC")
        for cuaderno, maximo in (("a", 4), ("b", 1)):
            gb.add_notebook(cuaderno, "ps2")
            gb.add_grade_cell("ej1", cuaderno, "ps2", max_score=maximo, cell_type="code")

        gb.add_student("ana", first_name="Ana María", last_name="Núñez, de la Peña", email="ana@uni.es")
        gb.add_student("bruno", first_name="Bruno", last_name="Álvarez", email="bruno@uni.es")
        gb.add_student("carla", lms_user_id="777")

        def puntuar(tarea, alumno, puntos, penalizacion=0.0):
            gb.add_submission(tarea, alumno)
            for (cuaderno, celda), (automatica, manual, extra) in puntos.items():
                nota = gb.find_grade(celda, cuaderno, tarea, alumno)
                nota.auto_score, nota.manual_score, nota.extra_credit = automatica, manual, extra
                nota.notebook.late_submission_penalty = penalizacion
            gb.db.commit()

        # ana: partial credit (1.5/2), manual 2.5 over automatic 0, extra credit 0.25; ps2 late: 0.5 per notebook.
        puntuar("ps1", "ana", {("p1", "ej1"): (1.5, None, None), ("p1", "ej2"): (0, 2.5, None),
                               ("p1", "t1"): (None, 1, 0.25)})
        puntuar("ps2", "ana", {("a", "ej1"): (4, None, None), ("b", "ej1"): (0, None, None)}, penalizacion=0.5)
        # bruno: ps1 ungraded cells count 0, no submission of ps2.
        puntuar("ps1", "bruno", {("p1", "ej1"): (2, None, None)})
        # carla: only ps2, one third of a point.
        puntuar("ps2", "carla", {("a", "ej1"): (1 / 3, None, None), ("b", "ej1"): (1, None, None)})
    return directorio, db_url


OPCIONES_CANVAS = ["--ExportadorCanvas.ids_canvas", "ps2=4321", "--ExportadorCanvas.columna_id=SIS User ID",
                   "--ExportadorCanvas.seccion=Grupo A"]


@pytest.fixture(scope="module")
def exportados(curso):
    """The per-question file from the `nbgrader export` command; Moodle and Canvas from the same app in-process.

    Each `nbgrader export` process spends about 3 s of CPU importing nbgrader, so only one runs (while
    the other two are exported here, through nbgrader's ExportApp with the same command-line arguments).
    """
    from nbgrader.apps.exportapp import ExportApp

    directorio = curso[0]
    entorno = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(RAIZ), os.environ.get("PYTHONPATH")])))
    proceso = subprocess.Popen(
        [str(Path(sys.executable).with_name("nbgrader")), "export",
         "--exporter", "autograder.exportar_notas.ExportadorPorPregunta", "--to", "ExportadorPorPregunta.csv"],
        cwd=directorio, env=entorno, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    anterior = os.getcwd()
    os.chdir(directorio)
    try:
        for exportador, opciones in (("ExportadorMoodle", []), ("ExportadorCanvas", OPCIONES_CANVAS)):
            app = ExportApp()
            app.initialize(["--exporter", f"autograder.exportar_notas.{exportador}", "--to", f"{exportador}.csv",
                            *opciones])
            app.start()
    finally:
        os.chdir(anterior)
    salida, _ = proceso.communicate(timeout=120)
    assert proceso.returncode == 0, salida
    return {exportador: (directorio / f"{exportador}.csv").read_bytes().decode("utf-8")
            for exportador in ("ExportadorPorPregunta", "ExportadorMoodle", "ExportadorCanvas")}


def test_por_pregunta_con_nbgrader_export(exportados):
    assert exportados["ExportadorPorPregunta"] == (
        "id,apellidos,nombre,ps1:ej1,ps1:ej2,ps1:t1,ps2:a:ej1,ps2:b:ej1,ps1:total,ps2:total,total,máximo\n"
        "bruno,Álvarez,Bruno,2,0,0,,,2,,2,11\n"
        "carla,,,,,,0.3333,1,,1.3333,1.3333,11\n"
        'ana,"Núñez, de la Peña",Ana María,1.5,2.5,1.25,4,0,5.25,3,8.25,11\n'
    )


def test_moodle_con_nbgrader_export(exportados):
    assert exportados["ExportadorMoodle"] == (
        "Número de ID,Dirección de correo,Nombre,Apellido(s),ps1,ps2\n"
        "bruno,bruno@uni.es,Bruno,Álvarez,2,\n"
        "carla,,,,,1.3333\n"
        'ana,ana@uni.es,Ana María,"Núñez, de la Peña",5.25,3\n'
    )


def test_canvas_con_nbgrader_export_y_opciones(exportados):
    assert exportados["ExportadorCanvas"] == (
        "Student,ID,SIS User ID,SIS Login ID,Section,ps1,ps2 (4321)\n"
        "    Points Possible,,,,,6,5\n"
        "\"Álvarez, Bruno\",,bruno,,Grupo A,2,\n"
        "carla,777,carla,,Grupo A,,1.3333\n"
        '"Núñez, de la Peña, Ana María",,ana,,Grupo A,5.25,3\n'
    )


def test_filtros_de_tarea_y_alumno_y_valores_por_defecto(curso, tmp_path):
    destino = tmp_path / "canvas.csv"
    with Gradebook(curso[1]) as gb:
        ExportadorCanvas(to=str(destino), assignment=["ps2"], student=["ana", "carla"]).export(gb)
        assert ExportadorPorPregunta(assignment=["ps1"], student=["carla"]).filas(gb) == [
            ["id", "apellidos", "nombre", "ps1:ej1", "ps1:ej2", "ps1:t1", "ps1:total", "total", "máximo"],
            ["carla", "", "", "", "", "", "", "0", "6"],
        ]
    assert destino.read_text(encoding="utf-8") == (
        "Student,ID,SIS User ID,SIS Login ID,Section,ps2\n"
        "    Points Possible,,,,,5\n"
        "carla,777,,carla,,1.3333\n"
        '"Núñez, de la Peña, Ana María",,,ana,,3\n'
    )


@pytest.mark.parametrize("valor, texto", [(None, ""), (0, "0"), (-0.0, "0"), (2.0, "2"), (1.5, "1.5"),
                                          (0.1 + 0.2, "0.3"), (10, "10"), (2 / 3, "0.6667")])
def test_formato_de_los_puntos(valor, texto):
    assert formatear_puntos(valor) == texto
