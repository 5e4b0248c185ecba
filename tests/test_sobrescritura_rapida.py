"""OverwriteKernelspec y OverwriteCells con una sola lectura del gradebook: el mismo cuaderno que nbgrader.

``autograder.nbgrader_rapido.SobrescrituraKernelspec`` / ``SobrescrituraCeldas`` run nbgrader's own
per-cell code on the answers of one read of the source notebook. Each tampering below goes through
nbgrader's preprocessor and ours, on a real gradebook made by ``nbgrader generate_assignment``; the
resulting notebooks (and the errors, if any) must be identical.
"""
from __future__ import annotations

import copy
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook
from nbgrader.preprocessors import OverwriteCells, OverwriteKernelspec

from autograder.nbgrader_rapido import (RECURSO_INSTANTANEA, SobrescrituraCeldas, SobrescrituraKernelspec,
                                        instantanea)
from conftest import curso_generado

TAREA = "01_perceptron"


@pytest.fixture(scope="module")
def curso(tmp_path_factory):
    return curso_generado(tmp_path_factory.mktemp("sobrescritura") / "curso", TAREA)


def _publicado(curso: Path):
    return nbformat.read(curso / "release" / TAREA / f"{TAREA}.ipynb", as_version=4)


def _recursos(curso: Path) -> dict:
    return {"nbgrader": {"db_url": f"sqlite:///{curso / 'gradebook.db'}", "notebook": TAREA, "assignment": TAREA}}


def _celdas(nb, que):
    return [c for c in nb.cells if c.metadata.get("nbgrader", {}).get(que)]


def _bloqueada_no_calificada(nb):
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("locked")
                and not c.metadata["nbgrader"].get("grade"))


ALTERACIONES = {
    "sin cambios": lambda nb: None,
    "fuente de celda bloqueada": lambda nb: _bloqueada_no_calificada(nb).update(source="print('otra cosa')"),
    "fuente de celda de prueba": lambda nb: _celdas(nb, "grade")[0].update(source="assert True"),
    "puntos": lambda nb: _celdas(nb, "grade")[0].metadata.nbgrader.update(points=1000),
    "desbloqueada": lambda nb: _bloqueada_no_calificada(nb).metadata.nbgrader.update(locked=False),
    "bloqueada la solución": lambda nb: _celdas(nb, "solution")[0].metadata.nbgrader.update(locked=True),
    "tipo de celda": lambda nb: _celdas(nb, "solution")[0].update(cell_type="markdown"),
    "grade_id desconocido": lambda nb: _celdas(nb, "grade")[0].metadata.nbgrader.update(grade_id="inventada"),
    "suma de control": lambda nb: _celdas(nb, "grade")[0].metadata.nbgrader.update(checksum="0" * 32),
    "otro kernel": lambda nb: nb.metadata.update(kernelspec={"name": "r", "display_name": "R", "language": "R"}),
    "sin kernel": lambda nb: nb.metadata.pop("kernelspec", None),
}


def _resultado(clases, nb, recursos):
    try:
        for clase in clases:
            nb, recursos = clase()(nb, recursos)
    except Exception as error:  # noqa: BLE001 - the outcome is what is compared
        return f"{type(error).__name__}: {error}"
    return nbformat.writes(nb)


@pytest.mark.parametrize("alteracion", ALTERACIONES)
def test_el_mismo_cuaderno_que_nbgrader(curso, alteracion):
    nb = _publicado(curso)
    ALTERACIONES[alteracion](nb)
    esperado = _resultado((OverwriteKernelspec, OverwriteCells), copy.deepcopy(nb), _recursos(curso))
    obtenido = _resultado((SobrescrituraKernelspec, SobrescrituraCeldas), copy.deepcopy(nb), _recursos(curso))
    assert obtenido == esperado
    assert (nbformat.writes(nb) == nbformat.writes(_publicado(curso))) == (alteracion == "sin cambios")


def test_una_sola_lectura_del_gradebook_por_conversion(curso, monkeypatch):
    lecturas = []
    original = Gradebook.__init__

    def contar(self, *argumentos, **opciones):
        lecturas.append(1)
        original(self, *argumentos, **opciones)

    monkeypatch.setattr(Gradebook, "__init__", contar)
    recursos = _recursos(curso)
    nb = _publicado(curso)
    for clase in (SobrescrituraKernelspec, SobrescrituraCeldas):
        nb, recursos = clase()(nb, recursos)
    assert len(lecturas) == 1
    assert recursos[RECURSO_INSTANTANEA] is instantanea(recursos)
    otro = {"nbgrader": {**recursos["nbgrader"]}, RECURSO_INSTANTANEA: recursos[RECURSO_INSTANTANEA]}
    otro["nbgrader"]["notebook"] = "otro"
    with pytest.raises(Exception):  # a snapshot of another notebook is never reused
        instantanea(otro)
    assert len(lecturas) == 2


def test_un_motor_por_url_e_hilo_y_el_gradebook_sigue_igual(curso):
    import threading

    from autograder.nbgrader_rapido import reutilizar_motores_del_gradebook

    reutilizar_motores_del_gradebook()
    reutilizar_motores_del_gradebook()  # idempotent
    url = _recursos(curso)["nbgrader"]["db_url"]
    with Gradebook(url) as gb:
        motor = gb.engine
        puntos = gb.find_assignment(TAREA).max_score
    with Gradebook(url) as gb:  # after close(): the same engine, a new pool, the same answers
        assert gb.engine is motor
        assert gb.find_assignment(TAREA).max_score == puntos > 0
    otro_hilo = []
    hilo = threading.Thread(target=lambda: otro_hilo.append(Gradebook(url).engine))
    hilo.start()
    hilo.join()
    assert otro_hilo[0] is not motor  # SQLite connections belong to the thread that opened them
