"""Calificadores por tarea: un subpaquete por tarea, un archivo ``casos_<ejercicio>.py`` por ejercicio.

Tasks are discovered, not listed: every subpackage here that declares ``TAREA`` (see
``autograder.tareas.tarea_numpy`` / ``tarea_keras``) is a task, keyed by ``TAREA.id``. A task whose
subpackage is not present (e.g. not yet written, or cut from a student kit) is simply not available.
"""
from __future__ import annotations

import importlib
import pkgutil

from ..errores import ErrorCalificador


def _tareas() -> dict:
    """{id: Tarea} of the subpackages on this package's path, in id order."""
    tareas = {}
    for subpaquete in pkgutil.iter_modules(__path__):
        if subpaquete.ispkg:
            tarea = getattr(importlib.import_module(f"{__name__}.{subpaquete.name}"), "TAREA", None)
            if tarea is not None:
                tareas[tarea.id] = tarea
    return dict(sorted(tareas.items()))


def cargar_tarea(tarea_id: str):
    """La ``Tarea`` con ese id, o un error en español si no existe aquí."""
    tareas = _tareas()
    if tarea_id not in tareas:
        raise ErrorCalificador(f"tarea desconocida: '{tarea_id}'. Tareas disponibles: {', '.join(tareas)}")
    return tareas[tarea_id]


def tareas_disponibles() -> list[str]:
    return list(_tareas())
