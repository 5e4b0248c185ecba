"""Lectura en el lado de confianza de los JSON que el alumno entrega junto al modelo (copia de keras_iris).

The grading engine gives cases the submission folder through the ``alumno`` object
(``directorio_entrega`` when grading, ``directorio`` in the student's own kernel).
These files are written by ``entrenar_y_guardar`` but the student controls them,
so checks based on them are soft checks: they confirm the declared training
recipe, they cannot prove it.
"""
from __future__ import annotations

import json
from pathlib import Path

from autograder.errores import Fallo

TAMANO_MAXIMO = 1_000_000  # bytes; a training description is a few hundred


def carpeta_de_entrega(alumno) -> Path | None:
    carpeta = getattr(alumno, "directorio_entrega", None) or getattr(alumno, "directorio", None)
    return Path(carpeta) if carpeta else None


def leer_json_entregado(alumno, archivo: str, que: str, pista_si_falta: str) -> dict:
    """El dict de `archivo` en la carpeta de la entrega; Fallo con `pista_si_falta` si falta o no es válido."""
    carpeta = carpeta_de_entrega(alumno)
    ruta = carpeta / archivo if carpeta else None
    if ruta is None or not ruta.is_file():
        raise Fallo(f"{que}: no encontré `{archivo}` junto a tu cuaderno. {pista_si_falta}")
    if ruta.stat().st_size > TAMANO_MAXIMO:
        raise Fallo(f"{que}: `{archivo}` es demasiado grande para ser la descripción de un entrenamiento.")
    try:
        datos = json.loads(ruta.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        datos = None
    if not isinstance(datos, dict):
        raise Fallo(f"{que}: `{archivo}` no es un JSON válido. {pista_si_falta}")
    return datos
