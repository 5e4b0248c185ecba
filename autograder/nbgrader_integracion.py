"""Integración con nbgrader: el preprocesador que sustituye a `Execute` en `nbgrader autograde`.

nbgrader 0.9.6 grades a test cell from its outputs (``utils.determine_grade``):
an error or *any* stderr output is 0, the last ``execute_result`` is parsed as
partial points, and a cell with no output gets full marks. It also runs the
student's notebook in a kernel that could rewrite the gradebook. So we never
let nbgrader execute the submission: this preprocessor grades it out of the
kernel with ``autograder.motor`` and writes, in every graded cell, the Spanish
feedback as stdout plus the trusted points as a plain ``execute_result``
(``"1.5"``). A graded cell we have no grader for gets 0, never full marks.
"""
from __future__ import annotations

import os
from pathlib import Path

from nbformat.v4 import new_output
from traitlets import Unicode

from nbgrader.preprocessors import NbGraderPreprocessor

from .calificadores import cargar_tarea
from .cuaderno import metadatos_nbgrader
from .errores import ErrorCalificador
from .motor import calificar_cuaderno
from .resultados import texto_ejercicio
from .tareas import PREFIJO_CELDA


def _salida_puntos(puntos: float):
    return new_output("execute_result", data={"text/plain": f"{puntos:g}"}, execution_count=None)


def _texto(texto: str):
    return new_output("stream", name="stdout", text=texto if texto.endswith("\n") else texto + "\n")


class CalificacionAislada(NbGraderPreprocessor):
    """Califica el cuaderno fuera del núcleo del alumno y escribe los puntajes en las celdas calificadas."""

    raiz_curso = Unicode(
        "",
        help="Directorio del curso (gradebook, fuentes, entregas); el proceso aislado no puede leerlo. "
             "Por defecto, el directorio de trabajo de nbgrader.",
    ).tag(config=True)

    def preprocess(self, nb, resources):
        tarea_id = resources["nbgrader"]["assignment"]
        alumno = resources["nbgrader"]["student"]
        directorio = Path(resources.get("metadata", {}).get("path") or ".")
        raiz = Path(self.raiz_curso or os.getcwd()).resolve()
        try:
            tarea = cargar_tarea(tarea_id)
        except ErrorCalificador as error:
            self.log.error("No hay calificador para %s: %s", tarea_id, error)
            return self._anotar_sin_calificador(nb, str(error)), resources
        self.log.info("Calificando %s de %s fuera del núcleo", tarea_id, alumno)
        resultado = calificar_cuaderno(nb, tarea, alumno, directorio, prohibidos=[raiz])
        salidas = {s["indice"]: s for s in resultado.salidas_celdas}
        for indice, celda in enumerate(nb.cells):
            if celda.cell_type != "code":
                continue
            celda.outputs = []
            meta = metadatos_nbgrader(celda)
            if meta.get("grade"):
                celda.outputs = self._salidas_de_prueba(resultado, str(meta.get("grade_id", "")))
            elif indice in salidas:
                celda.outputs = self._salidas_de_celda(salidas[indice])
        self.log.info("%s de %s: %g/%g puntos (%.1f s)", tarea_id, alumno, resultado.puntaje,
                      resultado.puntaje_max, resultado.segundos)
        return nb, resources

    @staticmethod
    def _salidas_de_prueba(resultado, grade_id: str) -> list:
        ejercicio = grade_id.removeprefix(PREFIJO_CELDA)
        casos = resultado.del_ejercicio(ejercicio) if grade_id.startswith(PREFIJO_CELDA) else []
        if not casos:
            return [_texto(f"No hay calificador para la celda '{grade_id}': 0 puntos. Avisa al profesor."),
                    _salida_puntos(0)]
        return [_texto(texto_ejercicio(casos)), _salida_puntos(resultado.puntaje_ejercicio(ejercicio))]

    @staticmethod
    def _salidas_de_celda(salida: dict) -> list:
        texto = salida.get("salida") or ""
        if salida.get("error"):
            texto += f"\n[Al calificar, esta celda lanzó un error: {salida['error']}]"
        return [_texto(texto)] if texto.strip() else []

    @staticmethod
    def _anotar_sin_calificador(nb, motivo: str):
        for celda in nb.cells:
            if celda.cell_type == "code" and metadatos_nbgrader(celda).get("grade"):
                celda.outputs = [_texto(f"No se pudo calificar: {motivo}"), _salida_puntos(0)]
        return nb
