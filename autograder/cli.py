"""Línea de órdenes: `python -m autograder comprobar|calificar CUADERNO.ipynb`."""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from .calificadores import cargar_tarea, tareas_disponibles
from .cuaderno import identificar_tarea, leer_cuaderno
from .errores import ErrorCalificador
from .motor import calificar_cuaderno
from .resultados import texto_resultado


def _analizador() -> argparse.ArgumentParser:
    analizador = argparse.ArgumentParser(
        prog="python -m autograder",
        description="Calificador del curso de aprendizaje profundo. Ejecuta el cuaderno en un proceso "
                    "aislado y lo compara con los casos de prueba de la tarea.")
    ordenes = analizador.add_subparsers(dest="orden", required=True, metavar="ORDEN")
    for nombre, ayuda in (
        ("comprobar", "autocomprobación del alumno: solo las comprobaciones públicas"),
        ("calificar", "calificación completa (casos públicos y ocultos), como en nbgrader autograde"),
    ):
        orden = ordenes.add_parser(nombre, help=ayuda, description=ayuda)
        orden.add_argument("cuaderno", type=Path, help="ruta del cuaderno .ipynb")
        orden.add_argument("--tarea", help="id de la tarea (por defecto se deduce del cuaderno)")
        orden.add_argument("--json", action="store_true", help="imprime el resultado en JSON")
        if nombre == "calificar":
            orden.add_argument("--alumno", default="anonimo",
                               help="id del alumno; fija la semilla de las entradas ocultas (por defecto: anonimo)")
    return analizador


def main(argv: list[str] | None = None) -> int:
    argumentos = _analizador().parse_args(argv)
    inicio = time.perf_counter()
    try:
        nb = leer_cuaderno(argumentos.cuaderno)
        tarea_id = argumentos.tarea or identificar_tarea(nb, argumentos.cuaderno, tareas_disponibles())
        tarea = cargar_tarea(tarea_id)
        publicas = argumentos.orden == "comprobar"
        resultado = calificar_cuaderno(nb, tarea, getattr(argumentos, "alumno", "publico"),
                                       argumentos.cuaderno.resolve().parent, solo_publicas=publicas)
    except ErrorCalificador as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if argumentos.json:
        print(json.dumps(resultado.a_json(), ensure_ascii=False, indent=2))
    else:
        titulo = "Comprobaciones públicas" if publicas else "Calificación"
        print(texto_resultado(resultado, titulo))
        print(f"({time.perf_counter() - inicio:.1f} s)")
    return 0
