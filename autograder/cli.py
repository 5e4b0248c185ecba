"""Línea de órdenes: `python -m autograder comprobar|calificar CUADERNO.ipynb` y `python -m autograder lote CURSO`."""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from . import caliente
from .calificadores import cargar_tarea, tareas_disponibles
from .cuaderno import aviso_de_tarea, identificar_tarea, leer_cuaderno
from .errores import ErrorCalificador
from .motor import calificar_cuaderno
from .resultados import texto_resultado

AVISO_SIN_AISLAMIENTO = ("se califica SIN AISLAMIENTO (--sin-aislamiento): el código de la entrega se ejecuta con "
                         "tus permisos y puede leer o cambiar tus archivos; úsalo solo con entregas de confianza")


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
        orden.add_argument("--tarea", help="id de la tarea (por defecto, el nombre del archivo: "
                                           "01_perceptron.ipynb es la tarea 01_perceptron)")
        orden.add_argument("--json", action="store_true", help="imprime el resultado en JSON")
        if nombre == "calificar":
            orden.add_argument("--alumno", default="anonimo",
                               help="id del alumno; fija la semilla de las entradas ocultas (por defecto: anonimo)")
            orden.add_argument("--sin-aislamiento", action="store_true",
                               help="califica aunque esta máquina no pueda aislar la entrega con el núcleo "
                                    "(bubblewrap o Landlock); solo para entregas de confianza. El resultado "
                                    "y el JSON (\"aislado\": false) lo indican")
    lote = ordenes.add_parser(
        "lote", help="califica todas las entregas de un curso de nbgrader y luego ejecuta nbgrader autograde",
        description="Califica en paralelo cada entrega recogida (CURSO/submitted/<alumno>/<tarea>/), guarda cada "
                    "resultado en CURSO/.cache_calificaciones/ y luego ejecuta `nbgrader autograde TAREA --force`, "
                    "que toma los resultados de la caché. Si se interrumpe (Ctrl-C), la misma orden sigue donde "
                    "se quedó; para volver a calificarlo todo, borra la carpeta de la caché.")
    lote.add_argument("curso", type=Path, help="directorio del curso de nbgrader (el de gradebook.db)")
    lote.add_argument("tareas", nargs="*", help="tareas que calificar (por defecto, todas las que tienen entregas)")
    lote.add_argument("--trabajadores", type=int, default=None, metavar="N",
                      help="entregas que se califican a la vez (por defecto, los núcleos de esta máquina)")
    lote.add_argument("--dask", metavar="DIRECCION",
                      help="reparte las entregas en un clúster de Dask: la dirección de su scheduler "
                           "(tcp://host:8786) o `local` para un LocalCluster en esta máquina")
    lote.add_argument("--sin-autograde", action="store_true",
                      help="solo califica y llena la caché; no ejecuta nbgrader autograde")
    return analizador


def main(argv: list[str] | None = None) -> int:
    argumentos = _analizador().parse_args(argv)
    if argumentos.orden == "lote":
        from . import lote

        return lote.main(argumentos)
    inicio = time.perf_counter()
    publicas = argumentos.orden == "comprobar"
    sin_aislamiento = getattr(argumentos, "sin_aislamiento", False)
    aislar = not publicas and not sin_aislamiento  # the self-check runs the student's own code: no jail needed
    try:
        nb = leer_cuaderno(argumentos.cuaderno)
        tarea_id = argumentos.tarea or identificar_tarea(argumentos.cuaderno, tareas_disponibles())
        tarea = cargar_tarea(tarea_id)
        aviso = aviso_de_tarea(nb, tarea.id)
        if aviso:
            print(f"aviso: {aviso}", file=sys.stderr)
        if sin_aislamiento:
            print(f"aviso: {AVISO_SIN_AISLAMIENTO}", file=sys.stderr)
        if aislar:
            caliente.activar(tareas={tarea.id})  # one notebook: its server writes and mounts only this task's kit
        resultado = calificar_cuaderno(nb, tarea, getattr(argumentos, "alumno", "publico"),
                                       argumentos.cuaderno.resolve().parent, solo_publicas=publicas, aislar=aislar)
    except ErrorCalificador as error:  # includes ErrorAislamientoNoDisponible: one Spanish line, exit 2
        print(f"error: {error}", file=sys.stderr)
        return 2
    aislado = bool(getattr(resultado, "aislado", aislar))
    if argumentos.json:
        print(json.dumps({**resultado.a_json(), "aislado": aislado}, ensure_ascii=False, indent=2))
    else:
        titulo = "Comprobaciones públicas" if publicas else "Calificación"
        print(texto_resultado(resultado, titulo if aislado or publicas else f"{titulo} SIN AISLAMIENTO"))
        if sin_aislamiento:
            print(f"Atención: {AVISO_SIN_AISLAMIENTO}.")
        print(f"({time.perf_counter() - inicio:.1f} s)")
    return 0
