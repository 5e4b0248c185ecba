"""Cuánto tarda calificar una clase: `python -m herramientas.medir_lote [--alumnos 40] [--tareas ...] [--rapido]`.

Builds, in a temporary folder, an nbgrader course with N simulated students (the five profiles
of ``herramientas/simulados`` in turn: completo, en_blanco, parcial, tramposo, roto) and measures,
in one run, what the issue asks of ``python -m autograder lote``:

1. ``python -m autograder calificar`` of the 09_cnn_mnist reference notebook with its committed
   model, in a fresh process (cold start of the CLI);
2. the whole class in three chunks of students (¼, ¼ and ½ of them), each chunk as two batches,
   NumPy tasks and Keras tasks, so the seconds per notebook of each kind are batch wall times
   divided by notebooks; the mean time per student × 300 (plus autograde) extrapolates to the
   class of 300, and the per-student time of each chunk and a linear fit ``t = a + b·alumnos``
   show whether the time grows linearly (``fila_de_la_clase``);
3. ``nbgrader autograde`` once the cache is full, as the batch runs it (``lote.autograde_de_la_clase``:
   one ``nbgrader autograde '*'`` for every task): nbgrader's bookkeeping per notebook, each result
   taken from the cache;
3b. the instructor's single command on the whole class, cache emptied (``medir_una_orden``): grading
   and autograde together, as an instructor waits for them, × 300 / students;
4. on a small subset (``--alumnos-extra`` students × ``--tareas-extra`` tasks, after one untimed
   batch and with the cache emptied before each run): 2 threads (warm workers), 1 thread, 2
   threads with ``CURSO_DL_CALIENTE=0`` (cold: a fresh jailed Python per worker), and a real
   ``dask.distributed.LocalCluster(n_workers=2, threads_per_worker=1)``, whose results are
   compared with the threaded run.

No model is trained: tasks with a committed reference model (``solutions/modelos/<tarea>``) use
``herramientas.simulados`` (reference for completo/roto, an untrained model for the others);
05–07, whose reference is trained on demand, get an untrained model (``construir_modelo().save``)
for every profile that submits one. They are built in a subprocess with
``CURSO_DL_CALIFICANDO=1``, where any ``entrenar_referencia`` raises instead of training.

Prints a Markdown table (target, measured, ``uptime`` at each measurement) between two
``uptime`` lines; ``--salida medidas.json`` also writes every row as JSON, after each one. Ctrl-C
prints the table of what was measured so far. Run it from a checkout nobody edits meanwhile: the
cache keys cover ``autograder/`` and ``solutions/``, so an edit makes autograde grade again.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[1]
PERFILES = ("completo", "en_blanco", "parcial", "tramposo", "roto")
MARCA_DE_TIEMPO = "2026-01-15 10:00:00.000000 UTC"
TAREA_CLI = "09_cnn_mnist"
TAREAS_EXTRA = ["01_perceptron", "09_cnn_mnist"]  # one NumPy task and one Keras task
RAPIDO = {"alumnos": 4, "tareas": ["01_perceptron", "09_cnn_mnist", "13_autoevaluacion"], "alumnos_extra": 2,
          "tareas_extra": ["01_perceptron", "13_autoevaluacion"], "repeticiones_cli": 1}
ALUMNOS_OBJETIVO = 300
OBJETIVOS = {  # clave: (qué, objetivo, máximo, unidad)
    "keras": ("un cuaderno de Keras, en lote (s por cuaderno, tiempo de pared / cuadernos)", "≤ 1.5 s", 1.5, "s"),
    "numpy": ("un cuaderno de NumPy, en lote", "≤ 0.3 s", 0.3, "s"),
    "alumno": ("los cuadernos de un alumno (tiempo de pared del lote / alumnos)", "≤ 12 s", 12.0, "s"),
    "cli": ("`python -m autograder calificar` de un cuaderno de Keras (CLI, en frío)", "≤ 5 s", 5.0, "s"),
    "clase": (f"{ALUMNOS_OBJETIVO} alumnos × 13 tareas, 2 núcleos (extrapolado)", "≤ 45 min", 45.0, "min"),
    "nbgrader": ("contabilidad de nbgrader por cuaderno con el resultado en caché", "≤ 0.15 s", 0.15, "s"),
    "una_orden": (f"{ALUMNOS_OBJETIVO} alumnos × 13 tareas con la orden del profesor (calificar y autograde "
                  "juntos, extrapolado)", "≤ 45 min", 45.0, "min"),
}


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def _carga(texto_uptime: str) -> str:
    """The three load averages of an ``uptime`` line."""
    return texto_uptime.rsplit("load average:", 1)[-1].strip()


def _aviso(texto: str) -> None:
    print(f"· {texto}", flush=True)


# --------------------------------------------------------------------------------------------
# The course
# --------------------------------------------------------------------------------------------

PROGRAMA_ARTEFACTOS = r'''
import json, sys
from pathlib import Path
from autograder.calificadores import cargar_tarea
from herramientas.simulados import archivos_de, artefactos_de_modelos, modulo
import importlib

raiz, carpeta, tareas = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:]
resultado = {}
for tarea in tareas:
    m = modulo(tarea)
    if not hasattr(m, "artefactos"):
        continue
    destino = carpeta / tarea
    destino.mkdir(parents=True, exist_ok=True)
    if (raiz / "solutions" / "modelos" / tarea).is_dir():
        perfiles = m.artefactos(destino)  # committed reference + untrained models: nothing is trained
    else:  # its reference is trained on demand: every profile submits an untrained model instead
        solucion = importlib.import_module(cargar_tarea(tarea).referencia)
        perfiles = artefactos_de_modelos(destino, solucion.construir_modelo, {})
        perfiles["completo"] = perfiles["roto"] = perfiles["parcial"]
    resultado[tarea] = {perfil: {n: str(r) for n, r in archivos.items()} for perfil, archivos in perfiles.items()}
print(json.dumps(resultado))
'''


def _artefactos(tareas: list[str], carpeta: Path) -> dict:
    """{tarea: {perfil: {nombre: ruta}}}, built in a subprocess where training raises (see the docstring)."""
    entorno = {**os.environ, "CURSO_DL_CALIFICANDO": "1", "TF_CPP_MIN_LOG_LEVEL": "3",
               "PYTHONPATH": f"{RAIZ}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    proceso = subprocess.run([sys.executable, "-c", PROGRAMA_ARTEFACTOS, str(RAIZ), str(carpeta), *tareas], cwd=RAIZ,
                             env=entorno, capture_output=True, text=True)
    if proceso.returncode != 0:
        sys.stderr.write(proceso.stderr[-3000:])
        raise SystemExit("falló la preparación de los modelos de los alumnos simulados")
    return json.loads(proceso.stdout.strip().splitlines()[-1])


def nombres_de_alumnos(cuantos: int) -> list[str]:
    return [f"alumno{i:03d}" for i in range(1, cuantos + 1)]


def perfil_de(alumno: str) -> str:
    return PERFILES[(int(alumno.removeprefix("alumno")) - 1) % len(PERFILES)]


def construir_curso(directorio: Path, tareas: list[str], alumnos: list[str]) -> Path:
    """generate_assignment of every task, the students in the gradebook, and each submission copied into
    ``submitted/<alumno>/<tarea>/`` (the release folder, the profile's notebook, its artifacts and
    ``timestamp.txt``): what ``nbgrader collect`` leaves, without the exchange round trips."""
    import nbformat

    from autograder.curso import preparar_curso
    from herramientas.demo import nbgrader
    from herramientas.simulados import perfiles_de

    directorio = preparar_curso(directorio, tareas)
    lista = directorio / "alumnos.csv"
    lista.write_text("id,first_name,last_name\n" + "".join(f"{a},Alumno,{a[-3:]}\n" for a in alumnos), encoding="utf-8")
    nbgrader("db", "student", "import", str(lista), cwd=directorio)
    artefactos = _artefactos(tareas, directorio.parent / "artefactos")
    plantillas = directorio.parent / "plantillas"
    nbgrader("generate_assignment", "*", "--force", cwd=directorio)  # every task in source/, one process
    for tarea in tareas:
        publicado = directorio / "release" / tarea
        fuente = nbformat.read(directorio / "source" / tarea / f"{tarea}.ipynb", as_version=4)
        perfiles = perfiles_de(tarea)
        for perfil in PERFILES:  # one folder per profile; each student's is hard-linked from it
            plantilla = plantillas / tarea / perfil
            shutil.copytree(publicado, plantilla)
            nb = perfiles[perfil](nbformat.read(plantilla / f"{tarea}.ipynb", as_version=4), fuente)
            nbformat.write(nb, plantilla / f"{tarea}.ipynb")
            for nombre, origen in artefactos.get(tarea, {}).get(perfil, {}).items():
                shutil.copy(origen, plantilla / nombre)
            (plantilla / "timestamp.txt").write_text(MARCA_DE_TIEMPO)
        for alumno in alumnos:
            shutil.copytree(plantillas / tarea / perfil_de(alumno), directorio / "submitted" / alumno / tarea,
                            copy_function=os.link)
    return directorio


# --------------------------------------------------------------------------------------------
# Batches
# --------------------------------------------------------------------------------------------

class Bifurcaciones:
    """Counts the workers forked warm (``caliente.ServidorCaliente.bifurcar``) in this process."""

    def __init__(self):
        self.cuantas = 0

    @contextlib.contextmanager
    def contando(self):
        from autograder import caliente

        original = caliente.ServidorCaliente.bifurcar

        def bifurcar(servidor, *args, **kwargs):
            hijo = original(servidor, *args, **kwargs)
            self.cuantas += hijo is not None
            return hijo

        caliente.ServidorCaliente.bifurcar = bifurcar
        try:
            yield self
        finally:
            caliente.ServidorCaliente.bifurcar = original


@contextlib.contextmanager
def solo_alumnos(alumnos: list[str]):
    """``calificar_clase`` grades every submission it finds: here, only those of ``alumnos``."""
    from autograder import lote

    original, elegidos = lote.buscar_entregas, set(alumnos)
    lote.buscar_entregas = lambda curso, tareas=None: [e for e in original(curso, tareas) if e[1] in elegidos]
    try:
        yield
    finally:
        lote.buscar_entregas = original


@contextlib.contextmanager
def en_frio():
    """``CURSO_DL_CALIENTE=0`` for this process, and warm workers refused outright: the batch itself
    activates them (``caliente.calentado()``) whatever that variable says (see ``Bifurcaciones``)."""
    from autograder import caliente

    anterior, disponible = os.environ.get("CURSO_DL_CALIENTE"), caliente.disponible
    os.environ["CURSO_DL_CALIENTE"] = "0"
    caliente.desactivar()
    caliente.disponible = lambda: False  # activar() then leaves them off
    try:
        yield
    finally:
        caliente.disponible = disponible
        if anterior is None:
            os.environ.pop("CURSO_DL_CALIENTE", None)
        else:
            os.environ["CURSO_DL_CALIENTE"] = anterior


def vaciar_cache(curso: Path) -> None:
    from autograder.cache_calificaciones import CARPETA

    shutil.rmtree(curso / CARPETA, ignore_errors=True)


def lote_medido(curso: Path, tareas: list[str], alumnos: list[str], trabajadores: int = 2, dask: str | None = None):
    """(seconds, Resumen, warm forks) of ``calificar_clase`` over these students' submissions, without autograde."""
    from autograder.lote import calificar_clase

    with solo_alumnos(alumnos), Bifurcaciones().contando() as bifurcaciones:
        inicio = time.perf_counter()
        resumen = calificar_clase(curso, tareas, trabajadores, dask=dask, autograde=False, barra=False)
        segundos = time.perf_counter() - inicio
    if resumen.fallos:
        for (tarea, alumno), mensaje in sorted(resumen.fallos.items())[:5]:
            _aviso(f"error en {tarea} de {alumno}: {mensaje}")
    return segundos, resumen, bifurcaciones.cuantas


def _pruebas(resumen) -> dict:
    """{(tarea, alumno): (estado, cases)} without the seconds: what must not depend on how it was graded."""
    campos = ("id", "puntaje", "puntaje_max", "aprobada", "mensaje")
    return {entrega: (datos["estado"], [{k: p[k] for k in campos} for p in (datos["resultado"] or {}).get("pruebas", [])])
            for entrega, datos in resumen.resultados.items()}


def _claves(resumen) -> dict:
    return {entrega: datos["clave"] for entrega, datos in resumen.resultados.items()}


def version_del_calificador() -> str:
    """The grader version the cache keys use, read again from disk (not the one cached in this process)."""
    from autograder import cache_calificaciones

    cache_calificaciones._version_base.cache_clear()
    cache_calificaciones._version_de_tarea.cache_clear()
    return cache_calificaciones._version_base()


# --------------------------------------------------------------------------------------------
# Measurements
# --------------------------------------------------------------------------------------------

class Medidas:
    """The rows, comparisons and details; written to ``salida`` (JSON) after each one, so a cut run keeps them."""

    def __init__(self, salida: Path | None = None, general: dict | None = None):
        self.salida, self.general = salida, dict(general or {})
        self.filas: list[dict] = []
        self.comparaciones: list[dict] = []
        self.detalle: dict = {}

    def guardar(self) -> None:
        if self.salida is not None:
            datos = {**self.general, "filas": self.filas, "comparaciones": self.comparaciones, "detalle": self.detalle}
            self.salida.write_text(json.dumps(datos, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    def fila(self, clave: str, medido: float, detalle: str) -> dict:
        que, objetivo, maximo, unidad = OBJETIVOS[clave]
        fila = {"clave": clave, "que": que, "objetivo": objetivo, "medido": round(medido, 3), "unidad": unidad,
                "cumple": medido <= maximo, "detalle": detalle, "uptime": uptime()}
        self.filas = [f for f in self.filas if f["clave"] != clave] + [fila]
        self.guardar()
        _aviso(f"{que}: {medido:.3g} {unidad} ({detalle}) — uptime: {fila['uptime']}")
        return fila

    def comparacion(self, clave: str, que: str, valor: str, detalle: str) -> None:
        self.comparaciones.append({"clave": clave, "que": que, "valor": valor, "detalle": detalle, "uptime": uptime()})
        self.guardar()
        _aviso(f"{que}: {valor} ({detalle}) — uptime: {self.comparaciones[-1]['uptime']}")

    def tabla(self) -> str:
        lineas = ["| qué | objetivo | medido | ¿cumple? | carga (1, 5, 15 min) |", "|---|---|---|---|---|"]
        for f in sorted(self.filas, key=lambda f: list(OBJETIVOS).index(f["clave"])):
            lineas.append(f"| {f['que']} | {f['objetivo']} | {f['medido']:.3g} {f['unidad']} ({f['detalle']}) | "
                          f"{'sí' if f['cumple'] else '**no**'} | {_carga(f['uptime'])} |")
        motor = self.detalle.get("motor_por_tarea")
        if motor:
            lineas += ["", "| tarea | cuadernos | s en el motor por cuaderno (media, máx.) |", "|---|---|---|"]
            lineas += [f"| {t} | {d['cuadernos']} | {d['media_s']:.2f}, {d['max_s']:.2f} |" for t, d in motor.items()]
        if self.comparaciones:
            lineas += ["", "| comparación (misma ejecución) | resultado | carga (1, 5, 15 min) |", "|---|---|---|"]
            for c in self.comparaciones:
                lineas.append(f"| {c['que']} | {c['valor']} ({c['detalle']}) | {_carga(c['uptime'])} |")
        return "\n".join(lineas)


def medir_cli(repeticiones: int, medidas: Medidas, carpeta: Path) -> None:
    """`python -m autograder calificar` of the reference 09_cnn_mnist notebook and model, each time a new process."""
    destino = carpeta / "cli"
    destino.mkdir(parents=True)
    shutil.copy(RAIZ / "assignments" / TAREA_CLI / f"{TAREA_CLI}.ipynb", destino)
    for archivo in (RAIZ / "solutions" / "modelos" / TAREA_CLI).iterdir():
        shutil.copy(archivo, destino)
    tiempos, arranques, importaciones = [], [], []
    for _ in range(repeticiones):
        inicio = time.perf_counter()  # `--help`: Python and the CLI's imports, nothing graded
        subprocess.run([sys.executable, "-m", "autograder", "--help"], cwd=RAIZ, capture_output=True, check=True)
        arranques.append(time.perf_counter() - inicio)
        inicio = time.perf_counter()  # the floor of any cold grade of a Keras notebook: one `import keras`
        subprocess.run([sys.executable, "-c", "import keras"], cwd=RAIZ, capture_output=True, check=True,
                       env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "TF_ENABLE_ONEDNN_OPTS": "1"})
        importaciones.append(time.perf_counter() - inicio)
        inicio = time.perf_counter()
        proceso = subprocess.run([sys.executable, "-m", "autograder", "calificar", "--json",
                                  str(destino / f"{TAREA_CLI}.ipynb")], cwd=RAIZ, capture_output=True, text=True)
        tiempos.append(time.perf_counter() - inicio)
        if proceso.returncode != 0:
            sys.stderr.write(proceso.stderr[-3000:])
            raise SystemExit("falló python -m autograder calificar")
        datos = json.loads(proceso.stdout)
        if datos["puntaje"] != datos["puntaje_max"]:
            _aviso(f"aviso: la referencia de {TAREA_CLI} sacó {datos['puntaje']}/{datos['puntaje_max']}")
    medidas.detalle["cli_segundos"] = [round(t, 2) for t in tiempos]
    medidas.detalle["cli_arranque_segundos"] = [round(t, 2) for t in arranques]
    medidas.detalle["importar_keras_segundos"] = [round(t, 2) for t in importaciones]
    medidas.fila("cli", statistics.median(tiempos),
                 f"{TAREA_CLI}, mediana de {repeticiones}: " + ", ".join(f"{t:.1f}" for t in tiempos)
                 + f" s; de ellos, arrancar Python y la CLI (`--help`): {statistics.median(arranques):.1f} s; "
                 f"`python -c \"import keras\"` solo, en la misma ronda: {statistics.median(importaciones):.1f} s")


def medir_subconjunto(curso: Path, tareas: list[str], alumnos: list[str], medidas: Medidas) -> None:
    """1 vs 2 threads, warm vs cold and Dask vs threads on the same submissions, the cache emptied each time."""
    from distributed import LocalCluster

    n = len(tareas) * len(alumnos)
    subconjunto = f"{len(alumnos)} alumnos × {', '.join(tareas)} = {n} cuadernos"
    _aviso(f"subconjunto: {subconjunto}")
    tiempos = {}
    vaciar_cache(curso)
    lote_medido(curso, tareas, alumnos[:1], 2)  # untimed: what this process does once (kits, imports) is not in t₂
    vaciar_cache(curso)
    tiempos["2"], hilos, calientes = lote_medido(curso, tareas, alumnos, 2)
    vaciar_cache(curso)
    tiempos["1"], _, _ = lote_medido(curso, tareas, alumnos, 1)
    vaciar_cache(curso)
    with en_frio():
        tiempos["frio"], _, frias = lote_medido(curso, tareas, alumnos, 2)
    vaciar_cache(curso)
    inicio = time.perf_counter()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        arranque = time.perf_counter() - inicio
        tiempos["dask"], con_dask, _ = lote_medido(curso, tareas, alumnos, 2, dask=cluster.scheduler_address)
    vaciar_cache(curso)
    medidas.detalle["subconjunto"] = {"tareas": tareas, "alumnos": len(alumnos), "cuadernos": n,
                                      "segundos": {k: round(v, 2) for k, v in tiempos.items()},
                                      "bifurcaciones_calientes": {"2": calientes, "frio": frias},
                                      "arranque_dask": round(arranque, 2)}
    medidas.comparacion("hilos", "aceleración de 1 a 2 trabajadores (t₁ / t₂)", f"{tiempos['1'] / tiempos['2']:.2f}×",
                        f"{subconjunto}: {tiempos['1']:.1f} s con 1, {tiempos['2']:.1f} s con 2")
    medidas.comparacion("caliente", "en frío / en caliente (`CURSO_DL_CALIENTE=0`, 2 trabajadores)",
                        f"{tiempos['frio'] / tiempos['2']:.2f}×",
                        f"{tiempos['frio']:.1f} s en frío ({frias} bifurcados en caliente), {tiempos['2']:.1f} s en "
                        f"caliente ({calientes} bifurcados)")
    identicos = (_pruebas(con_dask) == _pruebas(hilos) and len(hilos.resultados) == n
                 and not con_dask.fallos and not hilos.fallos)
    claves = _claves(con_dask) == _claves(hilos)
    medidas.detalle["dask_identicos"] = identicos
    medidas.detalle["dask_claves_identicas"] = claves
    medidas.comparacion("dask", "Dask `LocalCluster(n_workers=2, threads_per_worker=1)` frente a 2 hilos",
                        f"idénticos: {'sí' if identicos else 'no'}",
                        f"{n} resultados; claves de caché {'iguales' if claves else 'DISTINTAS'}; "
                        f"{tiempos['dask']:.1f} s con Dask (+{arranque:.1f} s de arranque del clúster), "
                        f"{tiempos['2']:.1f} s con hilos; t_dask / t_hilos = {tiempos['dask'] / tiempos['2']:.2f}")


def _ajuste(puntos: list[tuple[int, float]]) -> tuple[float, float]:
    """Least squares t = a + b·n."""
    if len({n for n, _ in puntos}) < 2:
        n, t = puntos[0]
        return 0.0, t / n
    media_n = statistics.fmean(n for n, _ in puntos)
    media_t = statistics.fmean(t for _, t in puntos)
    b = sum((n - media_n) * (t - media_t) for n, t in puntos) / sum((n - media_n) ** 2 for n, _ in puntos)
    return media_t - b * media_n, b


def trozos(alumnos: list[str]) -> list[list[str]]:
    """¼, ¼ and ½ of the students (10, 10 and 20 of 40): cumulative 10, 20 and 40."""
    cuarto = max(1, len(alumnos) // 4)
    cortes = [0, cuarto, min(len(alumnos), 2 * cuarto), len(alumnos)]
    return [alumnos[a:b] for a, b in zip(cortes, cortes[1:]) if b > a]


def medir_clase(curso: Path, tareas: list[str], alumnos: list[str], trabajadores: int, medidas: Medidas) -> None:
    from autograder.calificadores import cargar_tarea
    from autograder.lote import CALIFICADA, autograde_de_la_clase, buscar_entregas, cargar_curso, ordenes_a_la_vez

    de_keras = [t for t in tareas if cargar_tarea(t).usa_keras]
    de_numpy = [t for t in tareas if t not in de_keras]
    vaciar_cache(curso)
    version = version_del_calificador()
    por_trozo, segundos, motor = [], {"keras": 0.0, "numpy": 0.0}, {}
    fallos = 0
    for trozo in trozos(alumnos):
        fila = {"alumnos": len(trozo)}
        for clase, tareas_de_clase in (("numpy", de_numpy), ("keras", de_keras)):
            if not tareas_de_clase:
                continue
            t, resumen, _ = lote_medido(curso, tareas_de_clase, trozo, trabajadores)
            for (tarea, _alumno), datos in resumen.resultados.items():
                if datos["estado"] == CALIFICADA:
                    motor.setdefault(tarea, []).append(datos["resultado"]["segundos"])
            fila[clase] = round(t, 2)
            segundos[clase] += t
            fallos += len(resumen.fallos)
        fila["segundos"] = round(fila.get("numpy", 0) + fila.get("keras", 0), 2)
        fila["por_alumno"] = round(fila["segundos"] / len(trozo), 3)
        fila["uptime"] = uptime()
        por_trozo.append(fila)
        _aviso(f"{len(trozo)} alumnos: {fila['segundos']:.1f} s ({fila['por_alumno']:.2f} s por alumno; "
               f"NumPy {fila.get('numpy', 0):.1f} s, Keras {fila.get('keras', 0):.1f} s) — uptime: {fila['uptime']}")
        medidas.detalle.update(trozos=por_trozo, fallos=fallos, motor_por_tarea={
            t: {"cuadernos": len(v), "media_s": round(statistics.fmean(v), 2), "max_s": round(max(v), 2)}
            for t, v in sorted(motor.items())})
        # the rows so far (rewritten after each chunk: a run cut short keeps the chunks it finished)
        hechos = sum(f["alumnos"] for f in por_trozo)
        total = sum(f["segundos"] for f in por_trozo)
        n_keras, n_numpy = len(de_keras) * hechos, len(de_numpy) * hechos
        if n_keras:
            medidas.fila("keras", segundos["keras"] / n_keras,
                         f"{segundos['keras']:.0f} s / {n_keras} cuadernos, {len(de_keras)} tareas"
                         + (f"; {fallos} con error" if fallos else ""))
        if n_numpy:
            medidas.fila("numpy", segundos["numpy"] / n_numpy,
                         f"{segundos['numpy']:.0f} s / {n_numpy} cuadernos, {len(de_numpy)} tareas")
        medidas.fila("alumno", total / hechos, f"{total:.0f} s / {hechos} alumnos × {len(tareas)} tareas")

    if version_del_calificador() != version:
        medidas.detalle["calificador_cambio"] = True
        _aviso("aviso: autograder/ o solutions/ cambiaron durante la medida: nbgrader autograde no encontrará "
               "los resultados en la caché y calificará otra vez (mide desde una copia quieta del repositorio)")

    # nbgrader autograde with the cache full, as the batch runs it (one order for every task when it
    # touches exactly these submissions): every result must come from the cache
    curso_ = cargar_curso(str(curso))
    elegidos = set(alumnos)
    entregas = [e for e in buscar_entregas(curso_, tareas) if e[1] in elegidos]
    resultados, juntas = autograde_de_la_clase(curso_, entregas, todas=True, a_la_vez=ordenes_a_la_vez(trabajadores))
    fallidas = [tarea for tarea, datos in resultados.items() if not datos["ok"]]
    if fallidas:
        raise SystemExit(f"falló nbgrader autograde {', '.join(fallidas)}")
    por_tarea = {tarea: {"segundos": None if datos["segundos"] is None else round(datos["segundos"], 2),
                         "en_cache": datos["en_cache"]} for tarea, datos in resultados.items()}
    ag_segundos = juntas["segundos"] if juntas is not None else sum(d["segundos"] for d in resultados.values())
    ag_cache = sum(d["en_cache"] for d in resultados.values())
    ag_cuadernos = len(entregas)
    medidas.detalle["autograde"] = por_tarea
    sin_cache = ag_cuadernos - ag_cache
    por_cuaderno = ag_segundos / ag_cuadernos
    ordenes = 1 if juntas is not None else len(tareas)
    a_la_vez = juntas["ordenes"] if juntas is not None else max(d["ordenes"] for d in resultados.values())
    medidas.fila("nbgrader", por_cuaderno, f"{ag_segundos:.0f} s / {ag_cuadernos} cuadernos, {ordenes} órdenes"
                 + (f", cada una repartida en {a_la_vez} a la vez por grupos de alumnos" if a_la_vez > 1 else "")
                 + (f"; **{sin_cache} no estaban en la caché**" if sin_cache else ""))

    fila_de_la_clase(medidas, por_trozo, por_cuaderno, len(tareas))


def medir_una_orden(curso: Path, tareas: list[str], alumnos: list[str], trabajadores: int, medidas: Medidas) -> None:
    """The instructor's command on the whole class with the cache emptied, ``python -m autograder lote CURSO``
    in a fresh process: grading, then nbgrader autograde, start-ups included; × 300 / alumnos."""
    vaciar_cache(curso)
    # No TAREA, as an instructor runs it: the course holds only these tasks' submissions (construir_curso), so
    # the batch grades exactly them and runs one `nbgrader autograde '*'`, not one command per task.
    orden = [sys.executable, "-m", "autograder", "lote", str(curso), "--trabajadores", str(trabajadores)]
    inicio = time.perf_counter()
    proceso = subprocess.run(orden, cwd=RAIZ, capture_output=True, text=True)  # -m from RAIZ: this checkout
    segundos = time.perf_counter() - inicio
    if proceso.returncode != 0:
        raise SystemExit(f"falló la orden del profesor:\n{proceso.stdout[-2000:]}{proceso.stderr[-2000:]}")
    medidas.detalle["una_orden"] = {"segundos": round(segundos, 1), "salida": proceso.stdout.strip().splitlines()}
    escala = 13 / len(tareas)
    medidas.fila("una_orden", segundos / len(alumnos) * ALUMNOS_OBJETIVO * escala / 60,
                 f"{segundos:.0f} s / {len(alumnos)} alumnos = {segundos / len(alumnos):.2f} s por alumno × "
                 f"{ALUMNOS_OBJETIVO}" + (f"; medido con {len(tareas)} tareas, escalado × 13/{len(tareas)}"
                                          if len(tareas) != 13 else ""))


def fila_de_la_clase(medidas: Medidas, por_trozo: list[dict], por_cuaderno: float, n_tareas: int) -> dict:
    """300 students: the mean seconds per student measured × 300, plus autograde's seconds per notebook × 3900.

    The mean includes one warm-up per chunk batch, so it bounds the marginal cost from above. The
    linear fit ``t = a + b·alumnos`` of the chunks and the per-student time of each chunk (with the
    load when it ended) are reported as the evidence of linear scaling; on a shared machine the
    load can change between chunks, and then the fit is not used (it is said so).
    """
    alumnos = sum(f["alumnos"] for f in por_trozo)
    media = sum(f["segundos"] for f in por_trozo) / alumnos
    a, b = _ajuste([(f["alumnos"], f["segundos"]) for f in por_trozo])
    acumulado, puntos = 0.0, []
    for f in por_trozo:
        acumulado += f["segundos"]
        puntos.append((sum(g["alumnos"] for g in por_trozo[:len(puntos) + 1]), acumulado))
    razones = ", ".join(f"t({n2})/t({n1}) = {t2 / t1:.2f}" for (n1, t1), (n2, t2) in zip(puntos, puntos[1:]))
    lotes = ", ".join(f"{f['por_alumno']:.1f} ({f['alumnos']} alumnos, carga {_carga(f['uptime']).split(',')[0]})"
                      for f in por_trozo)
    tareas_objetivo = 13
    escala = tareas_objetivo / n_tareas
    clase = media * ALUMNOS_OBJETIVO * escala + por_cuaderno * ALUMNOS_OBJETIVO * tareas_objetivo
    fiable = len(por_trozo) > 1 and b > 0 and abs(b - media) <= 0.25 * media
    medidas.detalle["ajuste"] = {"a_segundos": round(a, 2), "b_segundos_por_alumno": round(b, 3),
                                 "media_por_alumno": round(media, 3), "ajuste_fiable": fiable,
                                 "acumulado": [(n, round(t, 1)) for n, t in puntos], "escala_tareas": round(escala, 3)}
    return medidas.fila(
        "clase", clase / 60,
        f"{media:.1f} s por alumno (media de {alumnos}) × {ALUMNOS_OBJETIVO} + autograde {por_cuaderno:.3f} s × "
        f"{ALUMNOS_OBJETIVO * tareas_objetivo} cuadernos; s por alumno en cada lote: {lotes}; acumulado {razones}; "
        f"ajuste t = {a:.0f} s + {b:.2f} s·alumnos"
        + ("" if fiable else " (no vale para extrapolar: la carga de la máquina cambió entre lotes)")
        + (f"; medido con {n_tareas} tareas, escalado × 13/{n_tareas}" if n_tareas != tareas_objetivo else ""))


def main(argv=None) -> int:
    from autograder.calificadores import tareas_disponibles
    from autograder.lote import Interrumpido

    analizador = argparse.ArgumentParser(prog="python -m herramientas.medir_lote", description=__doc__.splitlines()[0])
    analizador.add_argument("--alumnos", type=int, default=40, help="alumnos simulados (por defecto 40)")
    analizador.add_argument("--tareas", nargs="+", help="tareas (por defecto, las 13)")
    analizador.add_argument("--alumnos-extra", type=int, default=10,
                            help="alumnos del subconjunto de 1 frente a 2 trabajadores, frío/caliente y Dask (10)")
    analizador.add_argument("--tareas-extra", nargs="+", default=TAREAS_EXTRA,
                            help=f"tareas de ese subconjunto (por defecto {' '.join(TAREAS_EXTRA)})")
    analizador.add_argument("--trabajadores", type=int, default=2, help="hilos del lote principal (por defecto 2)")
    analizador.add_argument("--repeticiones-cli", type=int, default=3, help="veces que se mide la CLI (por defecto 3)")
    analizador.add_argument("--rapido", action="store_true",
                            help="versión mínima: 4 alumnos, 3 tareas, subconjunto de 2 alumnos (2–3 min)")
    analizador.add_argument("--salida", type=Path, help="escribe también las medidas en este JSON")
    analizador.add_argument("--conservar", action="store_true", help="no borra el curso temporal al terminar")
    argumentos = analizador.parse_args(argv)
    if argumentos.rapido:
        for nombre, valor in RAPIDO.items():
            setattr(argumentos, nombre, valor)
    tareas = argumentos.tareas or tareas_disponibles()
    alumnos = nombres_de_alumnos(argumentos.alumnos)
    tareas_extra = [t for t in argumentos.tareas_extra if t in tareas] or tareas[:2]
    alumnos_extra = alumnos[:max(1, min(argumentos.alumnos_extra, len(alumnos)))]
    os.environ.setdefault("CURSO_DL_DATOS", str(RAIZ.parent / "shared" / "datasets"))

    inicio_total = time.perf_counter()
    al_empezar = uptime()
    medidas = Medidas(argumentos.salida, {
        "alumnos": len(alumnos), "tareas": tareas, "trabajadores": argumentos.trabajadores, "nucleos": os.cpu_count(),
        "rapido": argumentos.rapido, "alumnos_extra": len(alumnos_extra), "tareas_extra": tareas_extra,
        "uptime_inicio": al_empezar})
    print(f"uptime: {al_empezar}", flush=True)
    temporal = Path(tempfile.mkdtemp(prefix="medir_lote_"))
    interrumpido = None
    try:
        inicio = time.perf_counter()
        curso = construir_curso(temporal / "curso", tareas, alumnos)
        medidas.detalle["construir_curso_segundos"] = round(time.perf_counter() - inicio, 1)
        _aviso(f"curso de {len(alumnos)} alumnos × {len(tareas)} tareas en {curso} "
               f"({medidas.detalle['construir_curso_segundos']:.0f} s) — uptime: {uptime()}")
        medir_cli(argumentos.repeticiones_cli, medidas, temporal)
        medir_clase(curso, tareas, alumnos, argumentos.trabajadores, medidas)
        medir_una_orden(curso, tareas, alumnos, argumentos.trabajadores, medidas)
        medir_subconjunto(curso, tareas_extra, alumnos_extra, medidas)
    except (KeyboardInterrupt, Interrumpido) as error:  # Ctrl-C: the table of what was measured so far
        interrumpido = type(error).__name__
        medidas.detalle["interrumpido"] = True
    finally:
        if argumentos.conservar:
            print(f"curso conservado en {temporal}")
        else:
            shutil.rmtree(temporal, ignore_errors=True)
    al_terminar = uptime()
    segundos_total = time.perf_counter() - inicio_total
    print()
    print(f"uptime: {al_empezar}")
    print()
    print(f"{len(alumnos)} alumnos simulados × {len(tareas)} tareas, {argumentos.trabajadores} trabajadores, "
          f"{os.cpu_count()} núcleos; perfiles {', '.join(PERFILES)} por turnos.")
    print()
    print(medidas.tabla())
    print()
    print(f"uptime: {al_terminar}")
    print(f"(medición {'INTERRUMPIDA' if interrumpido else 'completa'} en {segundos_total / 60:.1f} min)")
    medidas.general.update(uptime_fin=al_terminar, segundos_total=round(segundos_total, 1))
    medidas.guardar()
    return 130 if interrumpido else 0


if __name__ == "__main__":
    raise SystemExit(main())
