"""Calificar una clase entera: ``python -m autograder lote CURSO [TAREAS...]``.

Finds every submission ``CURSO/submitted/<alumno>/<tarea>/<tarea>.ipynb`` (nbgrader's
``CourseDirectory`` settings from ``CURSO/nbgrader_config.py``), grades N at a time (threads in
this trusted process, each driving jailed subprocesses; or one task per submission on a
dask.distributed cluster), stores each result in the cache (``cache_calificaciones``), and then
runs ``nbgrader autograde TAREA --force``, whose ``CalificacionAislada`` takes every result from
the cache instead of grading again: one instructor command does both steps.

The notebook graded here is the one autograde grades. ``nbgrader autograde`` does not grade the
submitted file: a first conversion runs ``Autograde.sanitize_preprocessors``
(``SaneamientoEntrega``, which rebuilds every cell's nbgrader metadata and the locked cells from
the gradebook), writes the result to ``autograded/`` and a second conversion grades that. This
module runs the *same* first conversion with nbgrader's own code: an ``Autograde`` converter built
from the course's configuration gives the exporter class (``ExportadorTolerante``), the sanitize
preprocessors and the resources (``init_single_notebook_resources``: student, assignment,
notebook, ``db_url``), and ``exporter.from_filename`` produces the same JSON that autograde writes
and reads back. The declared artifacts are read from the folder as autograde builds it (files
from ``source/`` overwrite the submission's; ignored names are not copied).

Reproducing the sanitizing is not trusted blindly: the cache key also covers what the engine is
given (the cells it runs and the artifact bytes, ``huella_calificado``), computed here on the
rebuilt notebook and in ``CalificacionAislada`` on the notebook nbgrader hands it. If the two ever
differed (another nbgrader, a course configuration this module does not reproduce, a gradebook
changed in between), autograde would simply miss the cache and grade that submission itself: a
cached result is never applied to a notebook other than the one it was computed on.

``calificar_entrega(curso, tarea, alumno)`` is the unit of work: plain strings in, a JSON dict
out, importable on any dask worker that has this repository on its path. The cache is written
only on the trusted side that launched the batch (this process or the dask client), never by the
graded code. Interrupting (Ctrl-C) keeps what is already cached; the same command resumes.
"""
from __future__ import annotations

import contextlib
import functools
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import as_completed as hilos_completados
from dataclasses import dataclass, field
from glob import glob
from pathlib import Path

from . import cache_calificaciones, caliente
from .aislamiento import hilos_de_calculo
from .cache_calificaciones import CacheCalificaciones, a_json_completo, huella_calificado
from .calificadores import cargar_tarea
from .motor import calificar_cuaderno


CALIFICADA, EN_CACHE, NO_CALIFICABLE = "calificada", "en_cache", "no_calificable"
MARCA_CACHE_AUTOGRADE = "resultado en caché"  # what CalificacionAislada logs for each cached result

# The first conversion reads the gradebook (sqlite): one at a time per process.
_CERROJO_SANEAMIENTO = threading.Lock()
_CERROJO_TAREA = threading.Lock()
_REGISTRO = logging.getLogger("autograder.lote")
_REGISTRO.addHandler(logging.NullHandler())
_REGISTRO.propagate = False  # the sanitizer's warnings are logged again, in full, by nbgrader autograde


class Interrumpido(Exception):
    """Ctrl-C during a batch: what finished is in the cache; ``resumen`` says how far it got."""

    def __init__(self, resumen):
        super().__init__("calificación interrumpida")
        self.resumen = resumen


@dataclass
class Curso:
    """An nbgrader course read once: its root, configuration and ``CourseDirectory``."""

    raiz: Path
    config: object
    coursedir: object
    exclude_overwriting: dict

    def directorio_enviado(self, tarea_id: str, alumno: str) -> Path:
        return Path(self.coursedir.format_path(self.coursedir.submitted_directory, alumno, tarea_id))

    def autograde(self):
        """An nbgrader ``Autograde`` converter ready for its first (sanitizing) conversion."""
        from nbgrader.converters import Autograde

        conversor = Autograde(coursedir=self.coursedir, config=self.config, log=_REGISTRO)
        conversor.exporter = conversor.exporter_class(parent=conversor, config=conversor.config)
        conversor._sanitizing = True
        conversor._init_preprocessors()
        return conversor


@functools.lru_cache(maxsize=8)
def cargar_curso(curso: str) -> Curso:
    """The course at ``curso`` with nbgrader's settings from its ``nbgrader_config.py`` (if any)."""
    from nbgrader.converters import Autograde
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config import Config, PyFileConfigLoader

    raiz = Path(curso).resolve()
    if not raiz.is_dir():
        raise FileNotFoundError(f"no existe el directorio del curso {raiz}")
    config = Config()
    if (raiz / "nbgrader_config.py").is_file():
        config = PyFileConfigLoader("nbgrader_config.py", path=str(raiz)).load_config()
    coursedir = CourseDirectory(config=config, root=str(raiz), log=_REGISTRO)
    excluir = Autograde(coursedir=coursedir, config=config, log=_REGISTRO).exclude_overwriting
    return Curso(raiz, config, coursedir, dict(excluir))


def excluidos_por_configuracion(curso: Curso) -> set[str]:
    """The students of nbgrader's ``student_id_exclude`` in the course's configuration."""
    return set(filter(None, curso.coursedir.student_id_exclude.split(",")))


def buscar_entregas(curso: Curso, tareas: list[str] | None = None) -> list[tuple[str, str]]:
    """[(tarea, alumno)] of every ``submitted/<alumno>/<tarea>/<tarea>.ipynb``, sorted by task then student."""
    import re

    coursedir = curso.coursedir
    patron = re.compile(coursedir.format_path(coursedir.submitted_directory, "(?P<alumno>[^/]+)",
                                              "(?P<tarea>[^/]+)", escape=True) + "$")
    excluidos = excluidos_por_configuracion(curso)
    entregas = set()
    for tarea_id in tareas or ["*"]:
        for carpeta in glob(coursedir.format_path(coursedir.submitted_directory, "*", tarea_id)):
            encontrada = patron.match(carpeta)
            if encontrada is None or encontrada["alumno"] in excluidos:
                continue
            if os.path.isfile(os.path.join(carpeta, f"{encontrada['tarea']}.ipynb")):
                entregas.add((encontrada["tarea"], encontrada["alumno"]))
    return sorted(entregas)


@dataclass
class EntregaPreparada:
    """One submission as autograde will grade it: the sanitized notebook, the artifact folder and the key."""

    tarea: object
    alumno: str
    nb: object
    directorio: Path
    clave: str
    no_calificable: str | None = None
    _temporal: tempfile.TemporaryDirectory | None = None

    def cerrar(self) -> None:
        if self._temporal is not None:
            self._temporal.cleanup()


def _vista_de_autograde(curso: Curso, tarea, enviado: Path):
    """The folder autograde reads the artifacts from, or a copy of just those files when it differs.

    autograde copies the submission to ``autograded/`` without ignored names and ``*.ipynb``, then
    copies ``source/<tarea>/`` over it (except ``Autograde.exclude_overwriting``). Only the
    declared artifacts reach the engine, so only they are resolved. Returns (folder, temporary).
    """
    from nbgrader.utils import find_all_files

    if not tarea.artefactos:
        return enviado, None
    excluir = list(curso.coursedir.ignore) + ["*.ipynb"]
    fuente = Path(curso.coursedir.format_path(curso.coursedir.source_directory, ".", tarea.id))
    no_sobrescribir = {os.path.join(str(fuente), x) for x in curso.exclude_overwriting.get(tarea.id, [])}
    de_fuente = set(find_all_files(str(fuente), excluir)) - no_sobrescribir
    de_entrega = set(find_all_files(str(enviado), excluir))
    origen = {}
    for nombre in tarea.artefactos:
        if os.path.join(str(fuente), nombre) in de_fuente:
            origen[nombre] = fuente / nombre
        elif os.path.join(str(enviado), nombre) in de_entrega:
            origen[nombre] = enviado / nombre
    igual = all(origen.get(n) == enviado / n and not os.path.islink(enviado / n) if n in origen
                else not os.path.lexists(enviado / n) for n in tarea.artefactos)
    if igual:
        return enviado, None
    temporal = tempfile.TemporaryDirectory(prefix="lote_artefactos_")
    for nombre, ruta in origen.items():
        destino = Path(temporal.name) / nombre
        destino.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ruta, destino)  # like nbgrader: follows links
    return Path(temporal.name), temporal


def preparar_entrega(curso: Curso, tarea_id: str, alumno: str) -> EntregaPreparada:
    """Runs autograde's sanitizing conversion on one submission and computes its cache key."""
    import nbformat

    from .nbgrader_integracion import METADATO_NO_CALIFICABLE

    tarea = cargar_tarea(tarea_id)
    enviado = curso.directorio_enviado(tarea_id, alumno)
    ruta = str(enviado / f"{tarea_id}.ipynb")
    with _CERROJO_SANEAMIENTO:
        conversor = curso.autograde()
        recursos = conversor.init_single_notebook_resources(ruta)
        salida, _ = conversor.exporter.from_filename(ruta, resources=recursos)
    nb = nbformat.reads(salida, as_version=4)  # what autograde's second conversion reads back
    motivo = nb.metadata.get(METADATO_NO_CALIFICABLE)
    directorio, temporal = _vista_de_autograde(curso, tarea, enviado)
    try:
        clave = cache_calificaciones.clave(enviado, tarea, alumno, huella_calificado(nb, tarea, directorio))
    except BaseException:
        if temporal is not None:
            temporal.cleanup()
        raise
    return EntregaPreparada(tarea, alumno, nb, directorio, clave,
                            str(motivo.get("motivo")) if isinstance(motivo, dict) else None, temporal)


def _cargar_una_vez(tarea) -> None:
    """The task's case modules, imported by one thread at a time (once per task and process).

    CPython 3.11's ``ast.parse`` is not thread-safe ("AST constructor recursion depth mismatch"):
    an import hook such as pytest's assertion rewriting parses the case files (``kit_de_tarea``,
    which parses them too, has its own lock).
    """
    with _CERROJO_TAREA:
        for ejercicio in tarea.ejercicios:
            tarea.casos(ejercicio)


def _calificar_entrega(curso: str, tarea_id: str, alumno: str, antes_de_calificar=None) -> dict:
    curso_ = cargar_curso(curso)
    preparada = preparar_entrega(curso_, tarea_id, alumno)
    try:
        datos = {"tarea": tarea_id, "alumno": alumno, "clave": preparada.clave}
        if preparada.no_calificable is not None:  # CalificacionAislada gives it 0 without grading
            return {**datos, "estado": NO_CALIFICABLE, "motivo": preparada.no_calificable, "resultado": None}
        guardado = CacheCalificaciones(curso_.raiz).leer(preparada.clave)
        if guardado is not None:
            return {**datos, "estado": EN_CACHE, "resultado": guardado}
        if antes_de_calificar is not None:
            antes_de_calificar()
        _cargar_una_vez(preparada.tarea)
        resultado = calificar_cuaderno(preparada.nb, preparada.tarea, alumno, preparada.directorio,
                                       prohibidos=[curso_.raiz], aislar=True)
        return {**datos, "estado": CALIFICADA, "resultado": a_json_completo(resultado)}
    finally:
        preparada.cerrar()


def calificar_entrega(curso: str, tarea: str, alumno: str) -> dict:
    """Grades one submission (the dask task): plain strings in, a JSON dict out.

    ``{"tarea", "alumno", "clave", "estado": "calificada" | "en_cache" | "no_calificable",
    "resultado": ResultadoCalificacion JSON (``desde_json`` rebuilds it) or None, "motivo"?}``.
    Reads the cache but never writes it: the caller (the trusted side of the batch) does.
    """
    # warm workers: once per worker process (idempotent), and only if something is graded there
    return _calificar_entrega(curso, tarea, alumno, caliente.activar)


@dataclass
class Resumen:
    """What a batch did; ``resultados[(tarea, alumno)]`` is the dict ``calificar_entrega`` returned."""

    total: int = 0
    resultados: dict = field(default_factory=dict)
    fallos: dict = field(default_factory=dict)  # (tarea, alumno) -> Spanish message
    autograde: dict = field(default_factory=dict)  # tarea -> {"ok": bool, "en_cache": int, "segundos": float | None}
    segundos_autograde: float | None = None  # when one nbgrader command graded every task
    ordenes_autograde: int = 1  # nbgrader commands run at once on disjoint groups of students
    segundos: float = 0.0

    def contar(self, estado: str) -> int:
        return sum(1 for d in self.resultados.values() if d["estado"] == estado)

    @property
    def calificadas(self) -> int:
        return self.contar(CALIFICADA)

    @property
    def en_cache(self) -> int:
        return self.contar(EN_CACHE)

    def texto(self) -> str:
        lineas = [f"{len(self.resultados)} de {self.total} entregas: {self.calificadas} calificadas ahora, "
                  f"{self.en_cache} ya en la caché, {self.contar(NO_CALIFICABLE)} no calificables (0 puntos), "
                  f"{len(self.fallos)} con error ({self.segundos:.1f} s)."]
        lineas += [f"  error en {tarea} de {alumno}: {mensaje}" for (tarea, alumno), mensaje in sorted(self.fallos.items())]
        for tarea, datos in self.autograde.items():
            estado = "bien" if datos["ok"] else "FALLÓ (salida arriba)"
            tiempo = "" if datos["segundos"] is None else f" ({datos['segundos']:.1f} s)"
            lineas.append(f"nbgrader autograde {tarea}: {estado}; {datos['en_cache']} resultados tomados de la caché"
                          f"{tiempo}.")
        if self.segundos_autograde is not None:
            a_la_vez = (f", repartida en {self.ordenes_autograde} órdenes a la vez (un grupo de alumnos cada una)"
                        if self.ordenes_autograde > 1 else "")
            lineas.append(f"nbgrader autograde de todas las tareas en una sola orden{a_la_vez}: "
                          f"{self.segundos_autograde:.1f} s.")
        return "\n".join(lineas)


def _barra(total: int, forzar: bool | None):
    from tqdm import tqdm

    return tqdm(total=total, desc="Calificando", unit="entrega", file=sys.stderr, dynamic_ncols=True,
                postfix=_postfix(0, 0), disable=None if forzar is None else not forzar)  # None: only on a terminal


def _postfix(fallos: int, en_cache: int) -> str:
    return f"fallos={fallos}, en caché={en_cache}"


def _mensaje_de_error(error: BaseException) -> str:
    texto = " ".join(str(error).split())
    return f"{type(error).__name__}: {texto}" if texto else type(error).__name__


def _trabajo_local(curso: str, tarea: str, alumno: str, cache: CacheCalificaciones,
                   cerrado: threading.Event) -> dict:
    datos = _calificar_entrega(curso, tarea, alumno)
    # Written here, as soon as it is done: Ctrl-C keeps it. Not once the batch has closed: its jails
    # were killed under this grade, and the result would say so instead of grading what the student wrote.
    if datos["estado"] == CALIFICADA and not cerrado.is_set():
        cache.escribir(datos["clave"], datos["resultado"])
    return datos


def _terminar_las_empezadas(ejecutor: ThreadPoolExecutor, futuros: dict, anotar, resumen: Resumen) -> None:
    """After Ctrl-C the submissions being graded finish, save themselves and are noted, before the warm
    server closes; a second Ctrl-C abandons them unsaved."""
    try:
        print("\nCtrl-C: termino las entregas que se están calificando (otro Ctrl-C las abandona sin "
              "guardarlas)…", file=sys.stderr, flush=True)
        ejecutor.shutdown(wait=True)
    except KeyboardInterrupt:
        return
    anotadas = resumen.resultados.keys() | resumen.fallos.keys()
    for futuro, entrega in futuros.items():
        if futuro.done() and not futuro.cancelled() and entrega not in anotadas:
            anotar(entrega, futuro)


@contextlib.contextmanager
def _cliente_dask(dask, trabajadores: int):
    """A dask.distributed Client: ``"local"`` (a LocalCluster here), a scheduler address, or a Client given."""
    from distributed import Client, LocalCluster

    if not isinstance(dask, str):  # a Client of the caller's (e.g. dask-gateway's cluster.get_client())
        yield dask
    elif dask == "local":
        with LocalCluster(n_workers=trabajadores, threads_per_worker=1, processes=True) as cluster, \
                Client(cluster) as cliente:
            yield cliente
    else:
        with Client(dask) as cliente:
            yield cliente


def _esperar(futuros: dict, completados, anotar, cancelar, resumen: Resumen) -> None:
    """Notes each result as it completes; Ctrl-C cancels what has not started and raises ``Interrumpido``."""
    try:
        for futuro in completados(futuros):
            anotar(futuros[futuro], futuro)
    except KeyboardInterrupt:
        cancelar()
        raise Interrumpido(resumen) from None


def _calificar_todas(curso: Curso, entregas: list, trabajadores: int, dask, barra, resumen: Resumen):
    cache = CacheCalificaciones(curso.raiz)
    raiz = str(curso.raiz)

    def anotar(clave_entrega, futuro):
        try:
            datos = futuro.result()
        except Exception as error:  # noqa: BLE001 - one submission never stops the class
            resumen.fallos[clave_entrega] = _mensaje_de_error(error)
        else:
            if dask is not None and datos["estado"] == CALIFICADA:
                cache.escribir(datos["clave"], datos["resultado"])
            resumen.resultados[clave_entrega] = datos
        barra.set_postfix_str(_postfix(len(resumen.fallos), resumen.en_cache), refresh=False)
        barra.update(1)

    if dask is not None:
        from distributed import as_completed

        with _cliente_dask(dask, trabajadores) as cliente:
            futuros = {cliente.submit(calificar_entrega, raiz, tarea, alumno, pure=False): (tarea, alumno)
                       for tarea, alumno in entregas}
            _esperar(futuros, as_completed, anotar, lambda: cliente.cancel(list(futuros)), resumen)
        return
    cerrado = threading.Event()
    with caliente.calentado():
        ejecutor = ThreadPoolExecutor(max_workers=trabajadores, thread_name_prefix="lote")
        futuros = {ejecutor.submit(_trabajo_local, raiz, tarea, alumno, cache, cerrado): (tarea, alumno)
                   for tarea, alumno in entregas}
        try:
            try:  # on Ctrl-C pending submissions are dropped
                _esperar(futuros, hilos_completados, anotar,
                         lambda: ejecutor.shutdown(wait=False, cancel_futures=True), resumen)
            except Interrumpido:
                _terminar_las_empezadas(ejecutor, futuros, anotar, resumen)
                raise
            ejecutor.shutdown()
        finally:  # before the warm server closes: whatever is still being graded is not saved
            cerrado.set()


def entorno_nbgrader() -> dict:
    """This environment with this Python's scripts first on PATH (nbgrader runs some of its commands by name)."""
    return {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}


def nbgrader_autograde(curso: Path, tarea: str, excluir: list[str] | None = None) -> dict:
    """``nbgrader autograde TAREA --force`` in the course (``TAREA`` may be nbgrader's ``*``); its output is
    shown only if it fails. ``excluir``: the students it leaves out (nbgrader's ``student_id_exclude``)."""
    inicio = time.perf_counter()
    orden = [sys.executable, "-m", "nbgrader", "autograde", tarea, "--force"]
    if excluir:
        orden.append(f"--CourseDirectory.student_id_exclude={','.join(excluir)}")
    proceso = subprocess.run(orden, cwd=curso, env=entorno_nbgrader(), stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)
    if proceso.returncode != 0:
        sys.stderr.write(proceso.stdout)
    return {"ok": proceso.returncode == 0, "en_cache": proceso.stdout.count(MARCA_CACHE_AUTOGRADE),
            "segundos": time.perf_counter() - inicio, "salida": proceso.stdout, "ordenes": 1}


def _carpetas_enviadas(curso: Curso) -> list[str]:
    """Every ``submitted/<alumno>/<tarea>`` path: what ``nbgrader autograde '*'`` looks at."""
    coursedir = curso.coursedir
    return glob(coursedir.format_path(coursedir.submitted_directory, "*", "*"))


def ordenes_a_la_vez(trabajadores: int) -> int:
    """How many ``nbgrader autograde`` commands a batch of ``trabajadores`` runs at once: up to the cores."""
    return max(1, min(trabajadores, os.cpu_count() or 1))


def autograde_repartido(curso: Curso, tarea: str, alumnos: list[str], a_la_vez: int) -> dict:
    """``nbgrader autograde TAREA`` for ``alumnos`` as up to ``a_la_vez`` commands running at once, each on
    its own group of students (the others go to its ``student_id_exclude``).

    With every result cached, autograde's bookkeeping is single-threaded Python (conversions, gradebook),
    so one command per core divides its time. The groups touch disjoint rows of the gradebook (their own
    students and submissions); SQLite serializes the commits, each command waiting for the other's lock.
    A group whose command fails is run again alone, once, so a lock given up under load costs time, not grades.
    """
    grupos = [g for g in (sorted(alumnos)[i::max(1, a_la_vez)] for i in range(max(1, a_la_vez))) if g]
    if len(grupos) <= 1:
        return nbgrader_autograde(curso.raiz, tarea)
    todos = {Path(carpeta).parent.name for carpeta in _carpetas_enviadas(curso)} | set(alumnos)
    exclusiones = [sorted(excluidos_por_configuracion(curso) | (todos - set(grupo))) for grupo in grupos]
    inicio = time.perf_counter()
    with ThreadPoolExecutor(max_workers=len(grupos), thread_name_prefix="autograde") as ejecutor:
        datos = list(ejecutor.map(lambda excluir: nbgrader_autograde(curso.raiz, tarea, excluir), exclusiones))
    repetidas = [i for i, d in enumerate(datos) if not d["ok"]]
    for i in repetidas:
        print(f"nbgrader autograde {tarea}: la orden del grupo {i + 1} de {len(grupos)} falló junto a las otras; "
              "se repite sola.", file=sys.stderr, flush=True)
        datos[i] = nbgrader_autograde(curso.raiz, tarea, exclusiones[i])
    nota = "".join(f"\n(la orden del grupo {i + 1} de {len(grupos)} falló junto a las otras y se repitió sola)"
                   for i in repetidas)
    return {"ok": all(d["ok"] for d in datos), "en_cache": sum(d["en_cache"] for d in datos),
            "segundos": time.perf_counter() - inicio, "salida": "\n".join(d["salida"] for d in datos) + nota,
            "ordenes": len(grupos)}


def _solo_entregas(curso: Curso, entregas: list[tuple[str, str]]) -> bool:
    """Whether ``nbgrader autograde '*'`` would touch exactly these submissions (no stray folder in submitted/)."""
    carpetas = {os.path.normpath(c) for c in _carpetas_enviadas(curso) if os.path.isdir(c)}
    excluidos = excluidos_por_configuracion(curso)
    carpetas = {c for c in carpetas if Path(c).parent.name not in excluidos}
    return carpetas == {os.path.normpath(curso.directorio_enviado(tarea, alumno)) for tarea, alumno in entregas}


def autograde_de_la_clase(curso: Curso, entregas: list[tuple[str, str]], todas: bool,
                          a_la_vez: int = 1) -> tuple[dict, dict | None]:
    """({tarea: {"ok", "en_cache", "segundos"}}, the single command's data or None).

    Each ``nbgrader`` command pays its start-up (imports, configuration, gradebook) again: when the
    batch covers every submission in the course, one ``nbgrader autograde '*'`` grades them all. Each
    command runs as ``a_la_vez`` commands at once on disjoint groups of students (``autograde_repartido``).
    """
    tareas = list(dict.fromkeys(t for t, _ in entregas))
    if not (todas and len(tareas) > 1 and _solo_entregas(curso, entregas)):
        return {tarea: autograde_repartido(curso, tarea, sorted({a for t, a in entregas if t == tarea}), a_la_vez)
                for tarea in tareas}, None
    datos = autograde_repartido(curso, "*", sorted({a for _, a in entregas}), a_la_vez)
    lineas = [linea for linea in datos["salida"].splitlines() if MARCA_CACHE_AUTOGRADE in linea]
    return ({tarea: {"ok": datos["ok"], "en_cache": sum(f"] {tarea} de " in linea for linea in lineas),
                     "segundos": None} for tarea in tareas}, datos)


def calificar_clase(curso: Path | str, tareas: list[str] | None = None, trabajadores: int | None = None,
                    dask=None, autograde: bool = True, barra: bool | None = None) -> Resumen:
    """Grades every submission of ``tareas`` (default: all) in the course, then runs nbgrader autograde.

    ``trabajadores``: submissions graded at once (default ``os.cpu_count()``; with ``dask="local"``,
    the LocalCluster's worker processes). ``dask``: a scheduler address (``tcp://host:8786``),
    ``"local"``, or a ``distributed.Client`` (left open). ``barra``: the progress bar (None: only on a terminal). Ctrl-C raises
    ``Interrumpido`` after saving what finished.
    """
    from nbgrader.api import Gradebook

    inicio = time.perf_counter()
    curso_ = cargar_curso(str(curso))
    trabajadores = max(1, trabajadores or os.cpu_count() or 1)
    entregas = buscar_entregas(curso_, tareas)
    resumen = Resumen(total=len(entregas))
    # Gradebook(db_url) adds its default course on first use: once here, before any concurrent reader.
    for curso_id in ("default_course", curso_.coursedir.course_id):
        Gradebook(curso_.coursedir.db_url, curso_id).close()
    with _barra(len(entregas), barra) as progreso, hilos_de_calculo(trabajadores):
        try:
            _calificar_todas(curso_, entregas, trabajadores, dask, progreso, resumen)
        finally:
            resumen.segundos = time.perf_counter() - inicio
    if autograde:
        # the bookkeeping runs here, whatever ran the grading (local threads or Dask)
        resumen.autograde, juntas = autograde_de_la_clase(curso_, entregas, todas=not tareas,
                                                          a_la_vez=ordenes_a_la_vez(trabajadores))
        if juntas is not None:
            resumen.segundos_autograde, resumen.ordenes_autograde = juntas["segundos"], juntas["ordenes"]
    resumen.segundos = time.perf_counter() - inicio
    return resumen


def main(argumentos) -> int:
    """The ``lote`` subcommand of ``python -m autograder`` (see ``cli.py``)."""
    try:
        resumen = calificar_clase(argumentos.curso, argumentos.tareas or None, argumentos.trabajadores,
                                  argumentos.dask, autograde=not argumentos.sin_autograde)
    except Interrumpido as interrupcion:
        r = interrupcion.resumen
        print(f"Interrumpido: {r.calificadas + r.en_cache} de {r.total} entregas están en la caché "
              f"({Path(argumentos.curso) / cache_calificaciones.CARPETA}). Vuelve a ejecutar la misma orden "
              "para seguir.", file=sys.stderr, flush=True)
        return 130
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(resumen.texto())
    if not resumen.total:
        print(f"aviso: no hay entregas en {Path(argumentos.curso) / 'submitted'}", file=sys.stderr)
    return 0 if not resumen.fallos and all(d["ok"] for d in resumen.autograde.values()) else 1
