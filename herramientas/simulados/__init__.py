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

A Keras task declares ``KERAS, PUNTOS_DEL_TRAMPOSO, CELDA_QUE_FALTA = preajuste_keras()`` and
``artefactos = artefactos_keras(...)``: completo/roto submit the reference model (the committed
``solutions/modelos/<tarea>`` files, or one trained here by ``entrenar_referencia``), parcial/tramposo
an untrained model with the right layers. That file earns the architecture point by itself
(``PUNTOS_DEL_TRAMPOSO = 1``); patching keras.Model.predict in the notebook must earn nothing more.
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


MODELOS = Path(__file__).resolve().parents[2] / "solutions" / "modelos"
CON_ENTRENAMIENTO = ("modelo.keras", "historial.json", "entrenamiento.json")


def preajuste_keras(celda_que_falta: str = "construir_modelo") -> tuple:
    """(KERAS, PUNTOS_DEL_TRAMPOSO, CELDA_QUE_FALTA) of a Keras task: see this module's docstring."""
    return True, 1, celda_que_falta


def artefactos_keras(solucion: str, comprometido: str | None = None, construir: str = "construir_modelo",
                     nombres: tuple = ("modelo.keras", "historial.json")):
    """The ``artefactos(directorio)`` of a Keras task: the reference model of ``solutions.<solucion>`` (the
    committed ``MODELOS / comprometido`` files, or, without it, trained here by its ``entrenar_referencia``)
    for completo/roto; an untrained ``<construir>()`` for parcial/tramposo."""
    def artefactos(directorio: Path) -> dict:
        modulo_solucion = importlib.import_module(f"solutions.{solucion}")
        if comprometido:
            carpeta = MODELOS / comprometido
        else:
            ruta, _ = modulo_solucion.entrenar_referencia(Path(directorio) / "referencia")
            carpeta = Path(ruta).parent
        return artefactos_de_modelos(directorio, getattr(modulo_solucion, construir), archivos_de(carpeta, nombres))

    return artefactos


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
