"""Construcción de los cuadernos fuente de nbgrader a partir de las soluciones de referencia.

Each ``construir_<tarea>.py`` in this folder lists a notebook's cells with
these helpers and writes ``assignments/<tarea>/<tarea>.ipynb``. Solution cells
are the reference functions' source, verbatim, so the notebook and
``solutions/`` cannot drift apart (``tests/test_cuadernos.py`` checks it).
"""
from __future__ import annotations

import inspect
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

RAIZ = Path(__file__).resolve().parents[1]


def _meta(grade_id: str, *, solucion=False, calificada=False, bloqueada=True, puntos=None) -> dict:
    meta = {"grade": calificada, "solution": solucion, "locked": bloqueada, "grade_id": grade_id, "schema_version": 3}
    if calificada:
        meta["points"] = puntos
    return {"nbgrader": meta}


class Cuaderno:
    def __init__(self, tarea):
        self.tarea = tarea
        self.celdas: list = []
        self._n = 0

    def _id(self, prefijo: str) -> str:
        self._n += 1
        return f"{prefijo}_{self._n:02d}"

    def texto(self, markdown: str) -> None:
        """Celda de texto bloqueada."""
        self.celdas.append(new_markdown_cell(inspect.cleandoc(markdown), metadata=_meta(self._id("texto"))))

    def codigo(self, fuente: str, al_calificar: bool = True) -> None:
        """Celda de código provista (bloqueada, no calificada).

        ``al_calificar=False`` for cells that only load data, train or plot: the grader skips
        them (``autograder.cuaderno.se_omite_al_calificar``). Nothing graded may depend on them.
        """
        metadatos = _meta(self._id("codigo"))
        if not al_calificar:
            metadatos["curso_dl"] = {"omitir_al_calificar": True}
        self.celdas.append(new_code_cell(inspect.cleandoc(fuente), metadata=metadatos))

    def demostracion(self, fuente: str) -> None:
        """Celda libre para que el alumno pruebe su función (no bloqueada, no calificada)."""
        self.celdas.append(new_code_cell(inspect.cleandoc(fuente), metadata={}))

    def solucion(self, funcion) -> None:
        """Celda de solución: el código fuente exacto de la función de referencia."""
        fuente = inspect.getsource(funcion).rstrip("\n")
        self.celdas.append(new_code_cell(fuente, metadata=_meta(funcion.__name__, solucion=True, bloqueada=False)))

    def respuestas(self, grade_id: str, fuente: str) -> None:
        """Celda de solución con un código dado (p. ej. las respuestas de un cuestionario).

        ``fuente`` must hold one ``### BEGIN SOLUTION`` / ``### END SOLUTION`` region: what
        precedes it (e.g. ``respuesta_01 = None``) is what the student receives besides the stub.
        """
        if fuente.count("### BEGIN SOLUTION") != 1 or fuente.count("### END SOLUTION") != 1:
            raise ValueError(f"la celda {grade_id} debe tener exactamente una región BEGIN/END SOLUTION")
        self.celdas.append(new_code_cell(fuente.rstrip("\n"),
                                         metadata=_meta(grade_id, solucion=True, bloqueada=False)))

    def prueba(self, ejercicio: str, *funciones: str, valores: tuple = ()) -> None:
        """Celda de prueba calificada: llama a las comprobaciones públicas del ejercicio.

        ``valores`` are variable names passed by keyword (``respuesta_01=respuesta_01``), one per line.
        """
        argumentos = "".join(f", {f}" for f in funciones)
        argumentos += "".join(f",\n          {v}={v}" for v in valores)
        fuente = (f"# Comprobaciones públicas de `{ejercicio}`. Al calificar se usan además casos ocultos.\n"
                  f'comprobar("{ejercicio}"{argumentos})')
        puntos = self.tarea.puntos(ejercicio)
        self.celdas.append(new_code_cell(fuente, metadata=_meta(self.tarea.id_celda(ejercicio), calificada=True,
                                                                   puntos=puntos)))

    def notebook(self):
        """The notebook, with stable cell ids (the grade id, or ``libre_NN``) so that rebuilding changes nothing."""
        libres = 0
        for celda in self.celdas:
            grade_id = celda.metadata.get("nbgrader", {}).get("grade_id")
            if grade_id is None:
                libres += 1
                grade_id = f"libre_{libres:02d}"
            celda["id"] = grade_id
        nb = new_notebook(cells=self.celdas)
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nb.metadata["language_info"] = {"name": "python"}
        nb.metadata["curso_dl"] = {"tarea": self.tarea.id}
        return nb

    def ruta(self) -> Path:
        return RAIZ / "assignments" / self.tarea.id / f"{self.tarea.id}.ipynb"

    def guardar(self) -> Path:
        nb = self.notebook()
        ruta = self.ruta()
        ruta.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, ruta)
        return ruta
