"""Las piezas de la contabilidad rápida de autograde, una a una, frente a las de nbgrader (issue 10).

- ``archivos_como_nbgrader``: the same list as ``nbgrader.utils.find_all_files`` on an awkward tree;
- ``GuardadoNotas``: the same grades, ``needs_manual_grade`` flags and comments as ``SaveAutoGrades``,
  also where a grader already left a manual score, and the same error for an unknown grade id;
- the engine shared by ``Gradebook``s: a new gradebook still gets every table; an existing one is
  not asked about its tables again;
- the outputs ``CalificacionAislada`` writes: the same as ``nbformat.v4.new_output``'s;
- the source notebook's snapshot: read once per autograde command, not once per submission.
"""
from __future__ import annotations

import copy
import os
import shutil
import sqlite3
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_output
from nbgrader.api import Base, Gradebook, MissingEntry
from nbgrader.preprocessors import SaveAutoGrades
from nbgrader.utils import find_all_files
from sqlalchemy import create_engine, event

from autograder.nbgrader_rapido import GuardadoNotas, archivos_como_nbgrader, reutilizar_motores_del_gradebook
from conftest import curso_generado

TAREA = "01_perceptron"
PATRONES = [
    [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "*.ipynb"],  # nbgrader's default and autograde's
    [".*", "[ab].py", "?", "sub/feedback", "datos.csv"],  # hidden, classes, a separator (nbgrader decides)
    ["*", ""],
    [],
]


@pytest.fixture(scope="module")
def arbol(tmp_path_factory):
    raiz = tmp_path_factory.mktemp("arbol")
    for ruta in ["a.py", "b.pyc", ".oculto.pyc", ".env", "n.ipynb", "x", "datos.csv", "__pycache__/m.pyc",
                 "feedback/f.html", "sub/feedback", "sub/a.py", ".ipynb_checkpoints/n-checkpoint.ipynb",
                 "[x]/y.pyc", "[x]/a.py", ".oculta/z.py", "*.pyc", "otra/__pycache__/k.py", "otra/b.py"]:
        (raiz / ruta).parent.mkdir(parents=True, exist_ok=True)
        (raiz / ruta).write_text("x", encoding="utf-8")
    os.symlink(raiz / "no_existe", raiz / "roto.pyc")
    return raiz


@pytest.mark.parametrize("patrones", PATRONES, ids=["defecto", "ocultos", "todo", "nada"])
def test_la_misma_lista_que_find_all_files(arbol, patrones):
    assert archivos_como_nbgrader(str(arbol), patrones) == find_all_files(str(arbol), patrones)
    assert archivos_como_nbgrader(str(arbol / "[x]"), patrones) == find_all_files(str(arbol / "[x]"), patrones)


# -- GuardadoNotas ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def curso(tmp_path_factory):
    directorio = curso_generado(tmp_path_factory.mktemp("guardado") / "curso", TAREA)
    with Gradebook(f"sqlite:///{directorio / 'gradebook.db'}") as gb:
        gb.add_student("ana")
        gb.add_submission(TAREA, "ana")
    return directorio


def _calificado(curso: Path):
    """The released notebook with nbgrader-style outputs: partial points, an error, full marks (no output)."""
    nb = nbformat.read(curso / "release" / TAREA / f"{TAREA}.ipynb", as_version=4)
    calificadas = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")]
    calificadas[0].outputs = [new_output("execute_result", data={"text/plain": "1.5"}, execution_count=1)]
    calificadas[1].outputs = [new_output("error", ename="AssertionError", evalue="", traceback=[])]
    soluciones = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution")]
    soluciones[0].source = "w = 1  # respuesta del alumno"
    return nb


def _tablas(db: Path) -> dict:
    conexion = sqlite3.connect(db)
    try:
        return {
            "notas": sorted(conexion.execute(
                "SELECT bc.name, g.auto_score, g.manual_score, g.needs_manual_grade FROM grade g "
                "JOIN base_cell bc ON bc.id = g.cell_id").fetchall()),
            "comentarios": sorted(conexion.execute(
                "SELECT bc.name, c.auto_comment, c.manual_comment FROM comment c "
                "JOIN base_cell bc ON bc.id = c.cell_id").fetchall(), key=repr),
        }
    finally:
        conexion.close()


def _guardar(curso: Path, tmp_path: Path, clase, nombre: str, nb, manual: bool):
    db = tmp_path / f"{nombre}.db"
    shutil.copy(curso / "gradebook.db", db)
    url = f"sqlite:///{db}"
    if manual:  # a grader already scored one cell by hand: nbgrader flags it for review
        with Gradebook(url) as gb:
            nota = gb.find_submission_notebook(TAREA, TAREA, "ana").grades[0]
            nota.manual_score = 0.5
            gb.db.commit()
    recursos = {"nbgrader": {"notebook": TAREA, "assignment": TAREA, "student": "ana", "db_url": url}}
    try:
        clase()(copy.deepcopy(nb), recursos)
    except Exception as error:  # noqa: BLE001 - the outcome is what is compared
        return f"{type(error).__name__}: {error}", _tablas(db)
    return "bien", _tablas(db)


@pytest.mark.parametrize("manual", [False, True], ids=["sin_nota_manual", "con_nota_manual"])
def test_guardado_notas_deja_lo_mismo_que_save_autogrades(curso, tmp_path, manual):
    nb = _calificado(curso)
    esperado = _guardar(curso, tmp_path, SaveAutoGrades, "nbgrader", nb, manual)
    obtenido = _guardar(curso, tmp_path, GuardadoNotas, "curso_dl", nb, manual)
    assert obtenido == esperado
    assert esperado[0] == "bien"
    notas = {nombre: (auto, revisar) for nombre, auto, _, revisar in obtenido[1]["notas"]}
    assert sorted(auto for auto, _ in notas.values())[:2] == [0.0, 1.5]  # the error and the partial credit
    assert any(revisar for _, revisar in notas.values()) == manual
    assert {c[1] for c in obtenido[1]["comentarios"]} == {None, "No response."}


def test_un_grade_id_desconocido_falla_igual(curso, tmp_path):
    nb = _calificado(curso)
    next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")).metadata.nbgrader["grade_id"] = "otra"
    esperado = _guardar(curso, tmp_path, SaveAutoGrades, "nbgrader", nb, False)
    obtenido = _guardar(curso, tmp_path, GuardadoNotas, "curso_dl", nb, False)
    assert obtenido[0] == esperado[0] and obtenido[0].startswith(MissingEntry.__name__)


# -- the shared engine remembers the tables it has seen -------------------------------------------------
def test_un_gradebook_nuevo_tiene_todas_las_tablas_y_no_se_preguntan_dos_veces(tmp_path):
    reutilizar_motores_del_gradebook()
    url = f"sqlite:///{tmp_path / 'nuevo.db'}"
    for _ in range(2):  # the first creates the tables (then missing: not remembered), the second sees them
        with Gradebook(url) as gb:
            motor = gb.engine
    conexion = sqlite3.connect(tmp_path / "nuevo.db")
    tablas = {fila[0] for fila in conexion.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conexion.close()
    referencia = tmp_path / "referencia.db"
    Base.metadata.create_all(bind=create_engine(f"sqlite:///{referencia}"))
    conexion = sqlite3.connect(referencia)
    esperadas = {fila[0] for fila in conexion.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conexion.close()
    assert esperadas <= tablas and "grade" in tablas
    preguntas = []

    def anotar(conn, cursor, sentencia, *argumentos):
        if "table_info" in sentencia or "table_xinfo" in sentencia:
            preguntas.append(sentencia)

    event.listen(motor, "before_cursor_execute", anotar)
    try:
        with Gradebook(url) as gb:
            assert gb.engine is motor
            assert gb.students == []
    finally:
        event.remove(motor, "before_cursor_execute", anotar)
    assert preguntas == []


def test_las_salidas_sin_validar_son_las_de_nbformat():
    """``_salida_puntos`` and ``_texto`` build, without validating each one, what ``new_output`` builds."""
    from autograder.nbgrader_integracion import _salida_puntos, _texto

    assert _salida_puntos(2.5) == new_output("execute_result", data={"text/plain": "2.5"}, execution_count=None)
    assert _texto("bien") == new_output("stream", name="stdout", text="bien\n")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x", outputs=[_texto("a\n"), _salida_puntos(0)])])
    nbformat.validate(nb)


def test_el_cuaderno_fuente_se_lee_una_vez_por_orden(monkeypatch):
    """Under ``AutogradeContable`` the source notebook's snapshot survives nbconvert's deep copy of the resources."""
    from autograder import nbgrader_rapido

    leidas = []

    class Contada(nbgrader_rapido.InstantaneaCuaderno):
        def __init__(self, *clave):
            leidas.append(clave)
            self.clave = clave

    monkeypatch.setattr(nbgrader_rapido, "InstantaneaCuaderno", Contada)
    orden = nbgrader_rapido.InstantaneasDeLaOrden()
    for alumno in ("ana", "beto"):
        datos = {"db_url": "sqlite:///g.db", "notebook": TAREA, "assignment": TAREA, "student": alumno}
        recursos = copy.deepcopy({"nbgrader": datos, nbgrader_rapido.RECURSO_INSTANTANEAS: orden})
        assert recursos[nbgrader_rapido.RECURSO_INSTANTANEAS] is orden
        assert nbgrader_rapido.instantanea(recursos) is nbgrader_rapido.instantanea(recursos)
    assert leidas == [("sqlite:///g.db", TAREA, TAREA)]
    nbgrader_rapido.instantanea({"nbgrader": datos})  # outside AutogradeContable: once per conversion, as before
    assert len(leidas) == 2
