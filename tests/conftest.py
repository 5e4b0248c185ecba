"""Utilidades comunes de las pruebas: cuadernos fuente, variantes de alumnos y calificación real."""
from __future__ import annotations

import copy
import os
from pathlib import Path

import pytest

from autograder.calificadores import cargar_tarea
from autograder.cuaderno import leer_cuaderno, metadatos_nbgrader
from autograder.motor import calificar_cuaderno

RAIZ = Path(__file__).resolve().parents[1]
os.environ.setdefault("CURSO_DL_DATOS", str(RAIZ.parent / "shared" / "datasets"))


def cuaderno_fuente(tarea_id: str):
    return leer_cuaderno(RAIZ / "assignments" / tarea_id / f"{tarea_id}.ipynb")


def celda(nb, grade_id: str):
    for c in nb.cells:
        if metadatos_nbgrader(c).get("grade_id") == grade_id:
            return c
    raise KeyError(grade_id)


def con_celda(nb, grade_id: str, fuente: str):
    """Copia del cuaderno con la celda `grade_id` sustituida por `fuente`."""
    nuevo = copy.deepcopy(nb)
    celda(nuevo, grade_id)["source"] = fuente
    return nuevo


def en_blanco(nb):
    """El cuaderno tal como lo recibe el alumno: cada solución sustituida por el esbozo de nbgrader."""
    nuevo = copy.deepcopy(nb)
    for c in nuevo.cells:
        if metadatos_nbgrader(c).get("solution"):
            lineas, dentro = [], False
            for linea in c.source.split("\n"):
                if "### BEGIN SOLUTION" in linea:
                    dentro = True
                    sangria = linea[: len(linea) - len(linea.lstrip())]
                    lineas += [f"{sangria}# TU CÓDIGO AQUÍ", f"{sangria}raise NotImplementedError()"]
                elif "### END SOLUTION" in linea:
                    dentro = False
                elif not dentro:
                    lineas.append(linea)
            c["source"] = "\n".join(lineas)
    return nuevo


def calificar(nb, tarea_id: str, alumno: str = "alumno_prueba", directorio=None, **opciones):
    return calificar_cuaderno(nb, cargar_tarea(tarea_id), alumno, directorio, **opciones)


@pytest.fixture(scope="session")
def tarea03():
    return cargar_tarea("03_softmax_entropia")


@pytest.fixture(scope="session")
def fuente03():
    return cuaderno_fuente("03_softmax_entropia")


@pytest.fixture(scope="session")
def resultado_referencia03(fuente03):
    return calificar(fuente03, "03_softmax_entropia")
