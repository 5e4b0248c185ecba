"""Alumnos simulados para la demo y las pruebas del ciclo de nbgrader.

Each profile takes the notebook a student fetched (the release) and the
source notebook, and returns what that student submits. What each task's profiles get wrong
lives in ``herramientas/simulados/<paquete>.py``.
"""
from __future__ import annotations

from autograder.cuaderno import metadatos_nbgrader

TRAMPA_NUMPY = '''# Intento de trampa: falsear NumPy, las comprobaciones y el gradebook.
import numpy as np, glob, os
np.allclose = lambda *a, **k: True
np.testing.assert_allclose = lambda *a, **k: None
for ruta in glob.glob("../../../gradebook.db") + glob.glob("/tmp/*/gradebook.db") + ["gradebook.db"]:
    try:
        open(ruta, "ab").write(b"trampa")
    except OSError:
        pass
print("Puntaje: 100/100")
'''
TRAMPA_KERAS = '''
import keras
keras.Model.predict = lambda self, x, **k: np.eye(10)[np.zeros(len(x), dtype=int)]
keras.Model.evaluate = lambda self, *a, **k: [0.0, 1.0]
'''


def _por_id(nb) -> dict:
    return {metadatos_nbgrader(c).get("grade_id"): c for c in nb.cells if metadatos_nbgrader(c).get("grade_id")}


def completar(nb, fuente):
    """Rellena cada celda de solución con la de la fuente."""
    soluciones = _por_id(fuente)
    for celda in nb.cells:
        meta = metadatos_nbgrader(celda)
        if meta.get("solution") and meta.get("grade_id") in soluciones:
            celda.source = soluciones[meta["grade_id"]].source
    return nb


def _reemplazar(nb, grade_id: str, viejo: str, nuevo: str) -> None:
    celda = _por_id(nb)[grade_id]
    if viejo not in celda.source:
        raise ValueError(f"no encontré {viejo!r} en la celda {grade_id}")
    celda.source = celda.source.replace(viejo, nuevo)


def hacer_trampa(nb, keras: bool = False):
    """Parchea NumPy (y Keras), marca las pruebas `skip-execution` y falsea sus salidas."""
    from nbformat.v4 import new_code_cell, new_output

    nb.cells.insert(1, new_code_cell(TRAMPA_NUMPY + (TRAMPA_KERAS if keras else "")))
    for celda in nb.cells:
        if celda.cell_type == "code" and metadatos_nbgrader(celda).get("grade"):
            celda.metadata.setdefault("tags", []).append("skip-execution")
            celda.source = "pass  # pruebas desactivadas"
            celda.outputs = [new_output("execute_result", data={"text/plain": "100"}, execution_count=1)]
    return nb


def romper(nb, fuente, celda_que_falta: str):
    """Solución completa, pero una celda lanza un error y falta una función."""
    from nbformat.v4 import new_code_cell

    completar(nb, fuente)
    _por_id(nb)[celda_que_falta].source = "# (el alumno borró esta función)"
    nb.cells.insert(2, new_code_cell('raise RuntimeError("una celda que falla")'))
    return nb


def perfiles(errores: list, keras: bool, celda_que_falta: str) -> dict:
    """The five profiles; `errores` are (grade_id, old, new) edits that make the partial student wrong."""
    def parcial(nb, fuente):
        completar(nb, fuente)
        for grade_id, viejo, nuevo in errores:
            _reemplazar(nb, grade_id, viejo, nuevo)
        return nb

    return {
        "completo": lambda nb, fuente: completar(nb, fuente),
        "en_blanco": lambda nb, fuente: nb,
        "parcial": parcial,
        "tramposo": lambda nb, fuente: hacer_trampa(nb, keras=keras),
        "roto": lambda nb, fuente: romper(nb, fuente, celda_que_falta),
    }
