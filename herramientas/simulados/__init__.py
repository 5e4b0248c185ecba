"""Alumnos simulados por tarea: un módulo por subpaquete del calificador (mismo nombre).

Each module ``herramientas/simulados/<paquete>.py`` declares:

- ``ERRORES``: ``[(grade_id, viejo, nuevo), ...]`` text edits on the reference solution cells
  that make the *parcial* student wrong in some exercises (and right in others);
- ``CELDA_QUE_FALTA``: the solution cell the *roto* student deletes (he loses exactly the points
  of that exercise);
- ``KERAS``: whether the *tramposo* also patches ``keras.Model.predict``/``evaluate``;
- ``PUNTOS_DEL_TRAMPOSO``: the points the cheater earns honestly (usually 0);
- optionally ``artefactos(directorio) -> {perfil: {nombre_de_archivo: ruta}}``: files each
  profile submits beside the notebook (e.g. ``modelo.keras``), built under ``directorio``.
"""
from __future__ import annotations

import importlib
from pathlib import Path

from autograder.calificadores import cargar_tarea
from herramientas.alumnos_simulados import perfiles


def modulo(tarea_id: str):
    return importlib.import_module(f"{__name__}.{cargar_tarea(tarea_id).paquete}")


def perfiles_de(tarea_id: str) -> dict:
    """{perfil: función(nb_publicado, nb_fuente) → nb entregado} para la tarea."""
    m = modulo(tarea_id)
    return perfiles(m.ERRORES, keras=m.KERAS, celda_que_falta=m.CELDA_QUE_FALTA)


def puntos_del_tramposo(tarea_id: str) -> float:
    return modulo(tarea_id).PUNTOS_DEL_TRAMPOSO


def celda_que_falta(tarea_id: str) -> str:
    return modulo(tarea_id).CELDA_QUE_FALTA


def archivos_de(carpeta: Path, nombres=("modelo.keras", "historial.json")) -> dict:
    return {nombre: Path(carpeta) / nombre for nombre in nombres}


def artefactos_de_modelos(directorio: Path, construir_modelo, buenos: dict) -> dict:
    """Keras profiles: completo/roto submit `buenos` ({nombre: ruta}); parcial/tramposo an untrained model."""
    sin_entrenar = Path(directorio) / "sin_entrenar" / "modelo.keras"
    sin_entrenar.parent.mkdir(parents=True, exist_ok=True)
    construir_modelo().save(sin_entrenar)
    malos = {"modelo.keras": sin_entrenar}
    return {"completo": buenos, "roto": buenos, "parcial": malos, "tramposo": malos}


def artefactos_para(tareas: list[str], directorio: Path) -> dict:
    """{(tarea, perfil): {nombre: ruta}} para las tareas que entregan archivos además del cuaderno."""
    resultado = {}
    for tarea_id in tareas:
        m = modulo(tarea_id)
        if hasattr(m, "artefactos"):
            carpeta = Path(directorio) / tarea_id
            carpeta.mkdir(parents=True, exist_ok=True)
            for perfil, archivos in m.artefactos(carpeta).items():
                resultado[(tarea_id, perfil)] = archivos
    return resultado
