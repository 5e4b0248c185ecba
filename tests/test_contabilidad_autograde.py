"""La contabilidad rápida de ``nbgrader autograde`` deja lo mismo que el camino de nbgrader (issue 10).

``nbgrader_config.py`` replaces three pieces of nbgrader's bookkeeping: ``SaveAutoGrades`` and
``AssignLatePenalties`` by ``GuardadoNotas`` (the notebook's grades read at once, one session, one commit), ``Autograde`` by
``AutogradeContable`` (the kit files that ``source/`` overwrites are not copied from ``submitted/``
first) and per-preprocessor validation by ``optimistic_validation``. A small class (the five
simulated profiles, a student's own extra file, a kit file edited by the student, late submissions
under nbgrader's "zero" penalty) is autograded
twice from the same cache: once with nbgrader's own classes back in place, once as configured.
The autograded folders must hold the same files with the same bytes and permissions (cell ids
aside: nbformat draws them at random) and the gradebooks the same grades, comments and submissions.
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from autograder import cache_calificaciones

RAIZ = Path(__file__).resolve().parents[1]
TAREAS = ["01_perceptron", "13_autoevaluacion"]
ALUMNOS = [f"alumno{i:03d}" for i in range(1, 7)]  # the five profiles, and the first one again

# nbgrader's own pieces back in place (the rest of the repository's configuration stays)
CONFIGURACION_DE_NBGRADER = '''
from nbconvert.preprocessors import ClearMetadataPreprocessor
from nbgrader.apps import autogradeapp
from nbgrader.converters import Autograde
from nbgrader.preprocessors import (AssignLatePenalties, CheckCellMetadata, IgnorePattern, LimitOutput,
                                    SaveAutoGrades)
from autograder.nbgrader_integracion import CalificacionAislada
autogradeapp.Autograde = Autograde
c.ExportadorTolerante.optimistic_validation = False
c.Autograde.autograde_preprocessors = [CalificacionAislada, IgnorePattern, ClearMetadataPreprocessor, LimitOutput,
                                       SaveAutoGrades, AssignLatePenalties, CheckCellMetadata]
'''


# late submissions lose all their points (nbgrader's "zero" method), so the late penalty has a value to compare
PENALIZACION = "\nc.LateSubmissionPlugin.penalty_method = 'zero'\n"
VENCIMIENTO = "2026-01-15 09:00:00 UTC"  # the simulated submissions are stamped 2026-01-15 10:00:00 UTC


def _con_retrasos(curso: Path) -> None:
    """A due date for the first task, met by one student (stamped earlier) and missed by the others."""
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{curso / 'gradebook.db'}") as gb:
        gb.update_or_create_assignment(TAREAS[0], duedate=VENCIMIENTO)
    marca = curso / "submitted" / ALUMNOS[0] / TAREAS[0] / "timestamp.txt"
    marca.unlink()  # hard-linked from the profile's template, which the last student shares
    marca.write_text("2026-01-15 08:00:00.000000 UTC", encoding="utf-8")


def _entorno() -> dict:
    return {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
            "PYTHONPATH": f"{RAIZ}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}


def _ejecutar(orden: list, cwd: Path) -> str:
    proceso = subprocess.run(orden, cwd=cwd, env=_entorno(), capture_output=True, text=True, timeout=1200)
    assert proceso.returncode == 0, proceso.stdout[-3000:] + proceso.stderr[-3000:]
    return proceso.stdout + proceso.stderr


@pytest.fixture(scope="module")
def cursos(tmp_path_factory):
    from herramientas.medir_lote import construir_curso

    base = tmp_path_factory.mktemp("contabilidad")
    curso = construir_curso(base / "curso", TAREAS, ALUMNOS)
    # a student's own file (kept from submitted/) and a kit file the student edited (replaced from source/)
    propio = curso / "submitted" / ALUMNOS[0] / TAREAS[0] / "mis_notas.txt"
    propio.write_text("apuntes del alumno\n", encoding="utf-8")
    editado = curso / "submitted" / ALUMNOS[1] / TAREAS[0] / "autograder" / "motor.py"
    editado.unlink()  # hard-linked from the profile's template: a new file, not an edit of the shared one
    editado.write_text("PUNTOS = 'todos'\n", encoding="utf-8")
    _con_retrasos(curso)  # before grading: the cache key covers the submitted folder, timestamp.txt included
    _ejecutar([sys.executable, "-m", "autograder", "lote", str(curso), "--sin-autograde"], RAIZ)
    resultado = {}
    for nombre in ("nbgrader", "curso_dl"):
        copia = shutil.copytree(curso, base / nombre / "curso", symlinks=True)
        with open(copia / "nbgrader_config.py", "a", encoding="utf-8") as archivo:
            archivo.write(PENALIZACION + (CONFIGURACION_DE_NBGRADER if nombre == "nbgrader" else ""))
        salida = _ejecutar([sys.executable, "-m", "nbgrader", "autograde", "*", "--force"], copia)
        resultado[nombre] = (copia, salida)
    return resultado


def _archivos(curso: Path) -> dict:
    raiz, archivos = curso / "autograded", {}
    for carpeta, _, nombres in os.walk(raiz):
        for nombre in nombres:
            ruta = Path(carpeta) / nombre
            datos = ruta.read_bytes()
            if nombre.endswith(".ipynb"):
                nb = json.loads(datos)
                for celda in nb["cells"]:
                    celda.pop("id", None)
                datos = json.dumps(nb, sort_keys=True)
            archivos[str(ruta.relative_to(raiz))] = (oct(ruta.stat().st_mode & 0o777), datos)
    return archivos


def _gradebook(curso: Path) -> dict:
    conexion = sqlite3.connect(curso / "gradebook.db")
    entrega = (" JOIN submitted_notebook sn ON sn.id = x.notebook_id"
               " JOIN submitted_assignment sa ON sa.id = sn.assignment_id"
               " JOIN notebook n ON n.id = sn.notebook_id JOIN assignment a ON a.id = sa.assignment_id")
    consultas = {
        "notas": "SELECT sa.student_id, a.name, n.name, bc.name, x.auto_score, x.manual_score, x.extra_credit, "
                 "x.needs_manual_grade FROM grade x JOIN base_cell bc ON bc.id = x.cell_id" + entrega,
        "comentarios": "SELECT sa.student_id, a.name, n.name, bc.name, x.auto_comment, x.manual_comment "
                       "FROM comment x JOIN base_cell bc ON bc.id = x.cell_id" + entrega,
        "cuadernos": "SELECT sa.student_id, a.name, n.name, sn.flagged, sn.late_submission_penalty "
                     "FROM submitted_notebook sn JOIN submitted_assignment sa ON sa.id = sn.assignment_id "
                     "JOIN notebook n ON n.id = sn.notebook_id JOIN assignment a ON a.id = sa.assignment_id",
        "entregas": "SELECT sa.student_id, a.name, sa.timestamp, sa.extension FROM submitted_assignment sa "
                    "JOIN assignment a ON a.id = sa.assignment_id",
    }
    try:
        return {clave: sorted(conexion.execute(sql).fetchall(), key=repr) for clave, sql in consultas.items()}
    finally:
        conexion.close()


def test_todas_las_entregas_salen_de_la_cache(cursos):
    for _, salida in cursos.values():
        assert salida.count("resultado en caché") == len(TAREAS) * len(ALUMNOS)


def test_la_carpeta_autograded_es_la_de_nbgrader(cursos):
    esperado, obtenido = _archivos(cursos["nbgrader"][0]), _archivos(cursos["curso_dl"][0])
    assert sorted(obtenido) == sorted(esperado)
    distintos = [ruta for ruta in esperado if esperado[ruta] != obtenido[ruta]]
    assert distintos == []
    curso = cursos["curso_dl"][0]
    propio = curso / "autograded" / ALUMNOS[0] / TAREAS[0] / "mis_notas.txt"
    assert propio.read_text(encoding="utf-8") == "apuntes del alumno\n"  # the student's own file, from submitted/
    motor = curso / "autograded" / ALUMNOS[1] / TAREAS[0] / "autograder" / "motor.py"
    assert motor.read_bytes() == (curso / "source" / TAREAS[0] / "autograder" / "motor.py").read_bytes()


def test_el_gradebook_es_el_de_nbgrader(cursos):
    esperado, obtenido = _gradebook(cursos["nbgrader"][0]), _gradebook(cursos["curso_dl"][0])
    assert obtenido == esperado
    assert len(obtenido["entregas"]) == len(TAREAS) * len(ALUMNOS)
    assert any(fila[4] for fila in obtenido["notas"])  # real scores, not all zero
    penalizaciones = {(fila[0], fila[1]): fila[4] for fila in obtenido["cuadernos"]}
    assert penalizaciones[(ALUMNOS[0], TAREAS[0])] is None  # on time
    assert all(penalizaciones[(alumno, TAREAS[0])] is not None for alumno in ALUMNOS[1:])  # late: penalized
    assert any(penalizaciones[(alumno, TAREAS[0])] > 0 for alumno in ALUMNOS[1:])
    assert all(penalizaciones[(alumno, TAREAS[1])] is None for alumno in ALUMNOS)  # no due date
    assert {fila[4] for fila in obtenido["comentarios"]} >= {"No response."}


def test_la_copia_no_lee_del_alumno_lo_que_source_reemplaza(cursos):
    salida = cursos["curso_dl"][1]
    enviados = [linea for linea in salida.splitlines() if "Copying" in linea and "/submitted/" in linea]
    assert not any("/autograder/" in linea or "/source_data/" in linea for linea in enviados)
    assert any("mis_notas.txt" in linea for linea in enviados)
    assert any("timestamp.txt" in linea for linea in enviados)
    de_nbgrader = [linea for linea in cursos["nbgrader"][1].splitlines()
                   if "Copying" in linea and "/submitted/" in linea]
    assert any("/autograder/" in linea for linea in de_nbgrader)  # the comparison is with the real double copy


def test_la_cache_sigue_valiendo(cursos):
    curso = cursos["curso_dl"][0]
    assert len(list((curso / cache_calificaciones.CARPETA).glob("*.json"))) == len(TAREAS) * len(ALUMNOS)
