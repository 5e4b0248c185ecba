"""Prepara un directorio de curso de nbgrader: `python -m autograder.curso DIR [TAREA ...]`.

Each ``DIR/source/<tarea>/`` gets the source notebook plus the public kit
(``autograder/`` with public cases only, and ``source_data/``), so the release
students fetch can self-check and load data. ``DIR/nbgrader_config.py`` loads
the repository's ``nbgrader_config.py`` and sets the course id and exchange.
"""
from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from .calificadores import cargar_tarea, tareas_disponibles
from .kit import RAIZ, escribir_kit

CONFIGURACION = '''# Generado por `python -m autograder.curso`. La configuración común está en el repositorio.
import sys

sys.path.insert(0, {raiz!r})
load_subconfig({config!r})  # noqa: F821
c = get_config()  # noqa: F821
c.CourseDirectory.course_id = {curso!r}
c.Exchange.root = {intercambio!r}
c.Exchange.path_includes_course = True
'''


def preparar_curso(destino: Path, tareas: list[str], curso: str = "curso_dl", intercambio: Path | None = None) -> Path:
    destino = Path(destino).resolve()
    intercambio = Path(intercambio or destino / "intercambio").resolve()
    intercambio.mkdir(parents=True, exist_ok=True)
    intercambio.chmod(0o777)
    for tarea_id in tareas:
        tarea = cargar_tarea(tarea_id)
        fuente = destino / "source" / tarea_id
        if fuente.exists():
            shutil.rmtree(fuente)
        fuente.mkdir(parents=True)
        shutil.copy(RAIZ / "assignments" / tarea_id / f"{tarea_id}.ipynb", fuente)
        escribir_kit(tarea, fuente)
    (destino / "nbgrader_config.py").write_text(CONFIGURACION.format(
        raiz=str(RAIZ), config=str(RAIZ / "nbgrader_config.py"), curso=curso, intercambio=str(intercambio)))
    return destino


def main(argv=None) -> int:
    analizador = argparse.ArgumentParser(prog="python -m autograder.curso",
                                         description="Prepara un directorio de curso de nbgrader con las tareas.")
    analizador.add_argument("destino", type=Path, help="directorio del curso (se crea si no existe)")
    analizador.add_argument("tareas", nargs="*", help="ids de las tareas (por defecto, todas)")
    analizador.add_argument("--curso", default="curso_dl", help="id del curso en nbgrader (por defecto: curso_dl)")
    argumentos = analizador.parse_args(argv)
    destino = preparar_curso(argumentos.destino, argumentos.tareas or tareas_disponibles(), argumentos.curso)
    print(f"Curso preparado en {destino}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
