"""Lectura de cuadernos y selección de las celdas que se ejecutan al calificar."""
from __future__ import annotations

import json
from pathlib import Path

from .errores import ErrorCalificador
from .tareas import PREFIJO_CELDA

LIMITE_BYTES_CUADERNO = 64 * 2**20  # a notebook with plots is a few MB; anything bigger is not a submission


def leer_cuaderno(ruta: Path | str):
    """Lee un .ipynb; cualquier problema es un ErrorCalificador de una línea."""
    ruta = Path(ruta)
    if not ruta.is_file():
        raise ErrorCalificador(f"no existe el archivo '{ruta}'")
    if ruta.suffix != ".ipynb":
        raise ErrorCalificador(f"'{ruta.name}' no es un cuaderno de Jupyter (se esperaba la extensión .ipynb)")
    if ruta.stat().st_size > LIMITE_BYTES_CUADERNO:
        raise ErrorCalificador(f"'{ruta.name}' pesa más de {LIMITE_BYTES_CUADERNO // 2**20} MB; no parece un cuaderno")
    datos = validar_cuaderno(ruta.read_bytes(), ruta.name)
    celdas = []
    for celda in datos["cells"]:
        fuente = celda.get("source", "")
        celdas.append(Nodo({**celda, "source": "".join(fuente) if isinstance(fuente, list) else str(fuente),
                            "metadata": Nodo(celda.get("metadata") or {})}))
    return Nodo({**datos, "cells": celdas, "metadata": Nodo(datos.get("metadata") or {})})


def validar_cuaderno(contenido: bytes, nombre: str) -> dict:
    """The JSON of a notebook, checked just enough to read it; otherwise an ErrorCalificador of one line."""
    try:
        datos = json.loads(contenido.decode("utf-8"))
    except UnicodeDecodeError:
        raise ErrorCalificador(f"'{nombre}' no es texto UTF-8; ¿es realmente un cuaderno?") from None
    except json.JSONDecodeError as exc:
        raise ErrorCalificador(f"'{nombre}' tiene JSON mal formado (línea {exc.lineno}, columna {exc.colno})") from None
    except RecursionError:
        raise ErrorCalificador(f"'{nombre}' tiene JSON anidado demasiadas veces; no es un cuaderno") from None
    if not isinstance(datos, dict) or not isinstance(datos.get("cells"), list):
        raise ErrorCalificador(f"'{nombre}' no tiene la estructura de un cuaderno (falta la lista 'cells')")
    if datos.get("nbformat") != 4:
        raise ErrorCalificador(f"'{nombre}' usa el formato de cuaderno {datos.get('nbformat')}; se espera el 4")
    for i, celda in enumerate(datos["cells"]):
        if not isinstance(celda, dict) or "cell_type" not in celda:
            raise ErrorCalificador(f"'{nombre}': la celda {i} está mal formada")
    return datos


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


def identificar_tarea(ruta: Path | str, disponibles: list[str]) -> str:
    """Tarea de un cuaderno por el nombre del archivo (``01_perceptron.ipynb``), o error.

    Never from the notebook's own metadata (``curso_dl.tarea``): the student controls it, and a
    solved 01 saved as ``13_autoevaluacion.ipynb`` must be graded as 13. The command line's
    ``--tarea`` and nbgrader's assignment id take precedence over the file name.
    """
    ruta = Path(ruta)
    if ruta.stem in disponibles:
        return ruta.stem
    raise ErrorCalificador(
        f"no sé a qué tarea pertenece '{ruta.name}' (tareas conocidas: {', '.join(disponibles)}); "
        "usa --tarea ID o llama al archivo como la tarea (p. ej. 01_perceptron.ipynb)")


def tarea_declarada(nb) -> str | None:
    """The task the notebook's metadata claims; only ever used to warn, never to choose the grader."""
    metadatos = nb.get("metadata") if isinstance(nb, dict) else None
    propios = metadatos.get("curso_dl") if isinstance(metadatos, dict) else None
    declarada = propios.get("tarea") if isinstance(propios, dict) else None
    return declarada if isinstance(declarada, str) else None


def aviso_de_tarea(nb, tarea_id: str) -> str | None:
    """A Spanish warning when the notebook's metadata names another task than the one being graded."""
    declarada = tarea_declarada(nb)
    if declarada is None or declarada == tarea_id:
        return None
    return (f"los metadatos del cuaderno dicen que es de la tarea '{declarada[:80]}', pero se califica como "
            f"'{tarea_id}' (los metadatos no eligen la tarea)")
