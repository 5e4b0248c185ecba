"""Demo del ciclo completo de nbgrader con una clase de ejemplo.

generate_assignment → release_assignment → fetch_assignment → submit → collect
→ autograde → generate_feedback → export, for five simulated students, and
finally the grade table. Autograde is ``python -m autograder lote`` (``autograder.lote``): the
collected submissions are graded in parallel into the cache, then ``nbgrader autograde`` takes
every result from it. Usage: ``python -m herramientas.demo [DIR] [TAREA ...]``.
"""
from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from autograder.curso import preparar_curso
from autograder.lote import calificar_clase, entorno_nbgrader
from autograder.calificadores import tareas_disponibles
from herramientas.simulados import artefactos_para, perfiles_de

RAIZ = Path(__file__).resolve().parents[1]
ALUMNOS = {"ana": "completo", "beto": "en_blanco", "carla": "parcial", "dario": "tramposo", "eva": "roto"}
# (nombre, apellido) of each simulated student, so the Formgrader does not list them as "None, None".
NOMBRES = {"ana": ("Ana", "García"), "beto": ("Beto", "López"), "carla": ("Carla", "Martínez"),
           "dario": ("Darío", "Pérez"), "eva": ("Eva", "Sánchez")}
CURSO = "curso_dl"


def nbgrader(*argumentos: str, cwd: Path) -> None:
    nbgrader_en_paralelo([(argumentos, cwd)])


def nbgrader_en_paralelo(ordenes: list) -> None:
    """Runs several nbgrader commands at once (the students act independently)."""
    entorno = entorno_nbgrader()
    procesos = [(argumentos, subprocess.Popen([sys.executable, "-m", "nbgrader", *argumentos], cwd=cwd, env=entorno,
                                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True))
                for argumentos, cwd in ordenes]
    for argumentos, proceso in procesos:
        salida, _ = proceso.communicate()
        if proceso.returncode != 0:
            sys.stderr.write(salida)
            raise SystemExit(f"falló: nbgrader {' '.join(argumentos)}")


def _intercambio(directorio: Path) -> list[str]:
    return [f"--course={CURSO}", f"--Exchange.root={directorio / 'intercambio'}", "--Exchange.path_includes_course=True"]


def ciclo(directorio: Path, tareas: list[str], artefactos_por_perfil=None) -> Path:
    """Ejecuta el ciclo completo y devuelve la ruta del CSV exportado."""
    directorio = preparar_clase(directorio, tareas)
    for tarea in tareas:
        entregar_y_recoger(directorio, tarea, artefactos_por_perfil)
        inicio = time.perf_counter()
        calificar(directorio, tarea)
        _paso(f"{tarea}: autograde de {len(ALUMNOS)} alumnos en {time.perf_counter() - inicio:.1f} s")
        nbgrader("generate_feedback", tarea, "--force", cwd=directorio)
    csv_notas = directorio / "notas.csv"
    nbgrader("export", f"--to={csv_notas}", cwd=directorio)
    return csv_notas


def preparar_clase(directorio: Path, tareas: list[str]) -> Path:
    """Un curso nuevo en ``directorio`` (se borra si existía) con los alumnos simulados en el gradebook."""
    directorio = Path(directorio).resolve()
    if directorio.exists():
        shutil.rmtree(directorio)
    preparar_curso(directorio, list(tareas), CURSO)
    nbgrader("db", "student", "import", str(_lista_de_alumnos(directorio)), cwd=directorio)
    return directorio


def entregar_y_recoger(directorio: Path, tarea: str, artefactos_por_perfil=None) -> None:
    """generate_assignment → release → fetch → cada perfil resuelve → submit → collect de una tarea."""
    _paso(f"{tarea}: generate_assignment + release_assignment")
    nbgrader("generate_assignment", tarea, "--force", cwd=directorio)
    nbgrader("release_assignment", tarea, "--force", cwd=directorio)
    fuente = nbformat.read(directorio / "source" / tarea / f"{tarea}.ipynb", as_version=4)
    perfiles = perfiles_de(tarea)
    casas = {alumno: directorio / "alumnos" / alumno for alumno in ALUMNOS}
    for casa in casas.values():
        casa.mkdir(parents=True, exist_ok=True)
    nbgrader_en_paralelo([(("fetch_assignment", tarea, *_intercambio(directorio)), casa) for casa in casas.values()])
    for alumno, perfil in ALUMNOS.items():
        carpeta = casas[alumno] / CURSO / tarea
        ruta = carpeta / f"{tarea}.ipynb"
        nb = perfiles[perfil](nbformat.read(ruta, as_version=4), fuente)
        nbformat.write(nb, ruta)
        for nombre, origen in ((artefactos_por_perfil or {}).get((tarea, perfil)) or {}).items():
            shutil.copy(origen, carpeta / nombre)
    nbgrader_en_paralelo([(("submit", tarea, f"--student={alumno}", *_intercambio(directorio)), casa)
                          for alumno, casa in casas.items()])
    _paso(f"{tarea}: collect + autograde + generate_feedback")
    nbgrader("collect", tarea, "--update", cwd=directorio)


def calificar(directorio: Path, tarea: str) -> None:
    """``python -m autograder lote`` de lo recogido: califica en paralelo y luego nbgrader autograde usa la caché."""
    resumen = calificar_clase(directorio, [tarea], barra=False)
    if not all(datos["ok"] for datos in resumen.autograde.values()):
        raise SystemExit(f"falló: nbgrader autograde {tarea} --force")


def _lista_de_alumnos(directorio: Path) -> Path:
    ruta = directorio / "alumnos.csv"
    ruta.write_text("id,first_name,last_name\n"
                    + "".join(f"{alumno},{NOMBRES[alumno][0]},{NOMBRES[alumno][1]}\n" for alumno in ALUMNOS),
                    encoding="utf-8")
    return ruta


def _paso(texto: str) -> None:
    print(f"· {texto}", flush=True)


def tabla_de_notas(csv_notas: Path) -> str:
    with open(csv_notas, newline="") as archivo:
        filas = list(csv.DictReader(archivo))
    lineas = [f"{'tarea':<22} {'alumno':<7} {'perfil':<10} {'puntaje':>8} {'máximo':>7}"]
    for fila in sorted(filas, key=lambda f: (f["assignment"], list(ALUMNOS).index(f["student_id"]))):
        lineas.append(f"{fila['assignment']:<22} {fila['student_id']:<7} {ALUMNOS[fila['student_id']]:<10} "
                      f"{float(fila['raw_score']):>8g} {float(fila['max_score']):>7g}")
    return "\n".join(lineas)


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    directorio = Path(argv.pop(0)) if argv else RAIZ / "demo_curso"
    tareas = argv or tareas_disponibles()
    os.environ.setdefault("CURSO_DL_DATOS", str(RAIZ.parent / "shared" / "datasets"))
    with tempfile.TemporaryDirectory(prefix="artefactos_demo_") as artefactos:
        csv_notas = ciclo(directorio, tareas, artefactos_para(tareas, Path(artefactos)))
    print()
    print(tabla_de_notas(csv_notas))
    print(f"\nRetroalimentación HTML en {directorio / 'feedback'}; notas en {csv_notas}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
