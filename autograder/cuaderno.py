"""Lectura de cuadernos y selección de las celdas que se ejecutan al calificar."""
from __future__ import annotations

import json
from pathlib import Path

from .errores import ErrorCalificador
from .tareas import PREFIJO_CELDA


def leer_cuaderno(ruta: Path | str):
    """Lee un .ipynb; cualquier problema es un ErrorCalificador de una línea."""
    ruta = Path(ruta)
    if not ruta.is_file():
        raise ErrorCalificador(f"no existe el archivo '{ruta}'")
    if ruta.suffix != ".ipynb":
        raise ErrorCalificador(f"'{ruta.name}' no es un cuaderno de Jupyter (se esperaba la extensión .ipynb)")
    try:
        datos = json.loads(ruta.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ErrorCalificador(f"'{ruta.name}' no es texto UTF-8; ¿es realmente un cuaderno?") from None
    except json.JSONDecodeError as exc:
        raise ErrorCalificador(f"'{ruta.name}' tiene JSON mal formado (línea {exc.lineno}, columna {exc.colno})") from None
    if not isinstance(datos, dict) or not isinstance(datos.get("cells"), list):
        raise ErrorCalificador(f"'{ruta.name}' no tiene la estructura de un cuaderno (falta la lista 'cells')")
    if datos.get("nbformat") != 4:
        raise ErrorCalificador(f"'{ruta.name}' usa el formato de cuaderno {datos.get('nbformat')}; se espera el 4")
    celdas = []
    for i, celda in enumerate(datos["cells"]):
        if not isinstance(celda, dict) or "cell_type" not in celda:
            raise ErrorCalificador(f"'{ruta.name}': la celda {i} está mal formada")
        fuente = celda.get("source", "")
        celdas.append(Nodo({**celda, "source": "".join(fuente) if isinstance(fuente, list) else str(fuente),
                            "metadata": Nodo(celda.get("metadata") or {})}))
    return Nodo({**datos, "cells": celdas, "metadata": Nodo(datos.get("metadata") or {})})


class Nodo(dict):
    """Diccionario con acceso por atributo, como nbformat.NotebookNode (whose import costs ~2.5 s)."""

    def __getattr__(self, nombre):
        try:
            return self[nombre]
        except KeyError:
            raise AttributeError(nombre) from None


def metadatos_nbgrader(celda) -> dict:
    return celda.get("metadata", {}).get("nbgrader", {}) or {}


def es_celda_de_prueba(celda) -> bool:
    """A graded test cell (by its metadata or by its grade id): never executed by the grader."""
    meta = metadatos_nbgrader(celda)
    grade_id = str(meta.get("grade_id", ""))
    return bool(meta.get("grade") and not meta.get("solution")) or grade_id.startswith(PREFIJO_CELDA)


def se_omite_al_calificar(celda) -> bool:
    """Provided cells that only load data, train or plot are marked ``curso_dl.omitir_al_calificar``.

    Grading calls the student's functions and reads the submitted files, so these cells
    would only cost time. Removing the mark only makes one's own grading slower.
    """
    propios = celda.get("metadata", {}).get("curso_dl") or {}
    return isinstance(propios, dict) and bool(propios.get("omitir_al_calificar"))


def celdas_del_alumno(nb) -> list[dict]:
    """Las celdas de código que se ejecutan en el proceso aislado, en orden."""
    return [
        {"indice": i, "codigo": celda.source}
        for i, celda in enumerate(nb.cells)
        if celda.cell_type == "code" and not es_celda_de_prueba(celda) and not se_omite_al_calificar(celda)
    ]


def identificar_tarea(nb, ruta: Path | str | None, disponibles: list[str]) -> str:
    """Tarea de un cuaderno: metadatos ``curso_dl.tarea``, o el nombre del archivo, o error."""
    declarada = nb.metadata.get("curso_dl", {}).get("tarea") if isinstance(nb.metadata.get("curso_dl"), dict) else None
    if declarada in disponibles:
        return declarada
    if ruta is not None and Path(ruta).stem in disponibles:
        return Path(ruta).stem
    nombre = Path(ruta).name if ruta is not None else "el cuaderno"
    raise ErrorCalificador(
        f"no sé a qué tarea pertenece '{nombre}' (tareas conocidas: {', '.join(disponibles)}); "
        "usa --tarea ID o no cambies los metadatos del cuaderno")
