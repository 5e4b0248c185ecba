"""Calificadores por tarea: un subpaquete por tarea, un archivo ``test_<ejercicio>.py`` por ejercicio."""
from __future__ import annotations

import importlib
import importlib.util

from ..errores import ErrorCalificador

PAQUETES = {
    "03_softmax_entropia": "softmax_entropia",
    "07_keras_mnist": "keras_mnist",
}


def cargar_tarea(tarea_id: str):
    """La ``Tarea`` con ese id, o un error en español si no existe aquí."""
    paquete = PAQUETES.get(tarea_id)
    if paquete is None:
        raise ErrorCalificador(f"tarea desconocida: '{tarea_id}'. Tareas disponibles: {', '.join(tareas_disponibles())}")
    try:
        modulo = importlib.import_module(f"{__name__}.{paquete}")
    except ModuleNotFoundError as exc:
        raise ErrorCalificador(f"la tarea '{tarea_id}' no está incluida en esta copia del calificador") from exc
    return modulo.TAREA


def tareas_disponibles() -> list[str]:
    disponibles = []
    for tarea_id, paquete in PAQUETES.items():
        if importlib.util.find_spec(f"{__name__}.{paquete}") is not None:
            disponibles.append(tarea_id)
    return disponibles
