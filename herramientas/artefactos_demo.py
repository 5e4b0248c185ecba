"""Archivos que los alumnos simulados entregan junto al cuaderno (modelos Keras entrenados)."""
from __future__ import annotations

from pathlib import Path


def artefactos_para(tareas: list[str], directorio: Path) -> dict:
    """{(tarea, perfil): {nombre: ruta}}; entrena los modelos que hagan falta."""
    return {}
