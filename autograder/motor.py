"""El motor de calificación: uno solo para la CLI, nbgrader, la autocomprobación y las pruebas."""
from __future__ import annotations

import importlib
import os
import threading
import time
from pathlib import Path

from . import archivos_entregados, caliente, jaula
from .aislamiento import ConfiguracionAislamiento
from .alumno import AlumnoAislado, AlumnoEnEsteProceso
from .casos import Caso, puntos_al_calificar
from .cuaderno import celdas_del_alumno
from .errores import Fallo, ServidorCalienteCaido
from .resultados import ResultadoCalificacion, ResultadoCaso
from .semillas import ALUMNO_PUBLICO, generador
from .tareas import Tarea

RAIZ_PAQUETE = Path(__file__).resolve().parent
EN_ESTE_PROCESO = os.name == "nt"  # Windows cannot hand pipes to a worker: the self-check runs in-process


LARGO_DETALLE = 200  # characters of an unexpected exception's text kept in the message


class _AlumnoObservado:
    """The ``alumno`` a case receives: delegates everything and remembers the last name it asked for.

    Only used to word the message when a case raises something unexpected ("lo que devolvió
    `softmax`"); values that cross from the student's process are plain data, so nothing here
    runs student code.
    """

    def __init__(self, alumno):
        self._alumno = alumno
        self.ultimo: tuple | None = None

    def llamar(self, nombre: str, *args, **kwargs):
        self.ultimo = ("función", nombre)
        return self._alumno.llamar(nombre, *args, **kwargs)

    def valor(self, nombre: str):
        self.ultimo = ("variable", nombre)
        return self._alumno.valor(nombre)

    def __getattr__(self, nombre: str):
        return getattr(self._alumno, nombre)


def _detalle(excepcion: BaseException) -> str:
    try:
        texto = str(excepcion)
    except Exception:  # noqa: BLE001 - a message must come out whatever the exception is
        texto = ""
    texto = " ".join(texto.split())
    if len(texto) > LARGO_DETALLE:
        texto = texto[:LARGO_DETALLE] + "…"
    return f"{type(excepcion).__name__}: {texto}" if texto else type(excepcion).__name__


def _mensaje_inesperado(excepcion: BaseException, ultimo: tuple | None) -> str:
    """Spanish message for an exception that is not a ``Fallo``: what could not be checked, and why."""
    detalle = _detalle(excepcion)
    if ultimo is None:
        return (f"Este caso no se pudo completar por un error del calificador ({detalle}). "
                "Avisa al profesor. (0 puntos en este caso).")
    clase, nombre = ultimo
    que = f"lo que devolvió `{nombre}`" if clase == "función" else f"el valor de `{nombre}`"
    if isinstance(excepcion, MemoryError):
        causa = "es demasiado grande para compararlo"
    elif isinstance(excepcion, RecursionError):
        causa = "está anidado demasiadas veces"
    else:
        causa = "revisa su tipo y su forma"
    return f"No se pudo comparar {que} ({detalle}): {causa}. (0 puntos en este caso)."


def ejecutar_caso(caso: Caso, tarea: Tarea, ejercicio: str, alumno, alumno_id: str,
                  puntos: float | None = None) -> ResultadoCaso:
    """Runs one case with the fixtures it asks for; it is worth ``puntos`` (default: its declared points).

    The engine owns failure: whatever the case raises (a ``Fallo``, an ``AssertionError`` or any
    other ``Exception``, such as a ValueError from comparing a string, a MemoryError or a
    RecursionError) is 0 points for this case with a Spanish message, and the caller goes on with
    the next case.
    """
    puntos = caso.puntos if puntos is None else puntos
    identificador = f"{ejercicio}/{caso.nombre}"
    observado = _AlumnoObservado(alumno)

    def resultado(aprobada: bool, mensaje: str) -> ResultadoCaso:
        return ResultadoCaso(identificador, ejercicio, puntos if aprobada else 0.0, puntos, aprobada, mensaje,
                             caso.oculta)

    try:
        dueno = alumno_id if caso.oculta else ALUMNO_PUBLICO
        disponibles = {
            "alumno": lambda: observado,
            "rng": lambda: generador(tarea.id, dueno, identificador),
            "referencia": lambda: importlib.import_module(tarea.referencia),
        }
        caso.funcion(**{p: disponibles[p]() for p in caso.parametros})
    except Fallo as fallo:
        return resultado(False, str(fallo) or caso.descripcion)
    except AssertionError as fallo:
        return resultado(False, str(fallo) or caso.descripcion)
    except ServidorCalienteCaido:  # the grader's failure, not the case's: calificar_cuaderno grades again
        raise
    except Exception as excepcion:  # noqa: BLE001 - see the docstring
        return resultado(False, _mensaje_inesperado(excepcion, observado.ultimo))
    return resultado(True, caso.exito)


def ejecutar_casos(tarea: Tarea, alumno, alumno_id: str, solo_publicas: bool = False,
                   ejercicios: tuple | None = None, al_terminar=None) -> list[ResultadoCaso]:
    """Runs the cases of each exercise, in order.

    Self-check (``solo_publicas``): only public cases, with their declared points. Grading:
    every case, with the points of ``casos.puntos_al_calificar`` (public cases give feedback
    and no points; the hidden ones carry the exercise total). ``al_terminar(ejercicio, resultados)``,
    if given, runs after each exercise, before the next one starts.
    """
    resultados = []
    for ejercicio in ejercicios or tarea.ejercicios:
        casos = tarea.casos(ejercicio)
        if solo_publicas:
            casos = [c for c in casos if not c.oculta]
            puntos = [c.puntos for c in casos]
        else:
            puntos = puntos_al_calificar(casos)
        del_ejercicio = [ejecutar_caso(c, tarea, ejercicio, alumno, alumno_id, p) for c, p in zip(casos, puntos)]
        if al_terminar is not None:
            al_terminar(ejercicio, del_ejercicio)
        resultados += del_ejercicio
    return resultados


class Referencias:
    """Which reference functions replace the student's in each call, given what the student already passed.

    ``dependencias`` is ``{función llamada: {dependencia: función de referencia}}`` (see
    ``Tarea.dependencias_de_referencia``). A dependency whose own exercise the student passed
    entirely (every case, public and hidden), graded before the call, stays the student's: no round
    trip to the trusted side. Its own dependencies are then injected as they would be for it,
    so it runs as it did when it passed. A dependency not yet graded, failed in any case, or not
    an exercise at all is still the reference.
    """

    def __init__(self, dependencias: dict):
        self.dependencias = dependencias
        self.aprobados: set = set()

    def aprobar(self, ejercicio: str, resultados: list) -> bool:
        """Records an exercise just graded; True when that changes some injection."""
        if not (resultados and all(r.aprobada for r in resultados)):
            return False
        self.aprobados.add(ejercicio)
        return any(ejercicio in dependencias for dependencias in self.dependencias.values())

    def inyecciones(self) -> dict:
        """The map ``AlumnoAislado`` uses for the next calls."""
        return {funcion: self._de(funcion, frozenset()) for funcion in self.dependencias}

    def _de(self, funcion: str, vistas: frozenset) -> dict:
        inyectar = {}
        for nombre, referencia in self.dependencias.get(funcion, {}).items():
            if nombre not in self.aprobados:
                inyectar[nombre] = referencia
            elif nombre not in vistas:  # a cycle of passed functions needs nothing more
                inyectar.update(self._de(nombre, vistas | {funcion}))
        return inyectar

    def al_terminar_para(self, alumno):
        """The ``al_terminar`` of ``ejecutar_casos``: keeps ``alumno.inyecciones`` up to date after each exercise."""
        def al_terminar(ejercicio: str, resultados: list) -> None:
            if self.aprobar(ejercicio, resultados):
                alumno.inyecciones = self.inyecciones()
        return al_terminar


def artefactos_entregados(tarea: Tarea, directorio_entrega: Path | None) -> dict:
    """{name: bytes} of the declared artifacts that exist and are acceptable (see ``archivos_entregados``).

    Read once, before any student code runs, so every jail gets the same untouched copy. A
    rejected file (a link, not a regular file, too big) is left out; the case that needs it
    reads it again through ``alumno.archivo_entregado`` and reports why.
    """
    artefactos = {}
    for nombre in tarea.artefactos if directorio_entrega is not None else ():
        try:
            artefactos[nombre] = archivos_entregados.leer(directorio_entrega, nombre)
        except (FileNotFoundError, archivos_entregados.ArchivoRechazado):
            continue
    return artefactos


def configuracion_para(tarea: Tarea, directorio_entrega: Path | None, prohibidos=(), kit: Path | None = None,
                       aislar: bool = True) -> ConfiguracionAislamiento:
    """What the worker gets: the public kit (so notebook imports work) and the declared artifacts."""
    precargar = (*tarea.precargar, "keras") if tarea.usa_keras else tarea.precargar
    return ConfiguracionAislamiento(limites=tarea.limites, kit=kit,
                                    artefactos=artefactos_entregados(tarea, directorio_entrega),
                                    prohibidos=list(prohibidos), precargar=precargar, aislar=aislar)


def _cargar_en_segundo_plano(cargadores: list) -> threading.Thread | None:
    """Calls the task's trusted-data loaders in a thread while the notebook's worker starts.

    A cold grade waits seconds there for the jail to import Keras, with one core idle, and the cases
    would then spend most of a second loading and reshaping the test set. The loaders are cached, so
    in a batch only the first notebook of each task loads anything. A loader that fails is left to
    the case that needs it, which calls it again and reports why."""
    if not cargadores:
        return None

    def cargar() -> None:
        for cargador in cargadores:
            try:
                cargador()
            except Exception:  # noqa: BLE001, S110 - see the docstring
                pass

    hilo = threading.Thread(target=cargar, name="datos de confianza", daemon=True)
    hilo.start()
    return hilo


def calificar_cuaderno(nb, tarea: Tarea, alumno_id: str, directorio_entrega: Path | None = None,
                       solo_publicas: bool = False, prohibidos=(), aislar: bool | None = None) -> ResultadoCalificacion:
    """Ejecuta el cuaderno y corre los casos de la tarea contra él.

    ``aislar`` (default: True when grading, False for the public self-check) runs every piece of
    the student's work in the kernel-enforced jail; if the machine cannot make one, this raises
    ``ErrorAislamientoNoDisponible`` instead of grading unprotected.
    """
    aislar = (not solo_publicas) if aislar is None else aislar
    if aislar:
        jaula.exigir_disponible()
        caliente.activar()  # workers forked from a preloaded server in the jail (caliente.py), where possible
    try:
        return _calificar_una_vez(nb, tarea, alumno_id, directorio_entrega, solo_publicas, prohibidos, aislar)
    except ServidorCalienteCaido:  # not the student's doing: this thread's workers now start cold
        return _calificar_una_vez(nb, tarea, alumno_id, directorio_entrega, solo_publicas, prohibidos, aislar)


def _calificar_una_vez(nb, tarea: Tarea, alumno_id: str, directorio_entrega: Path | None, solo_publicas: bool,
                       prohibidos, aislar: bool) -> ResultadoCalificacion:
    from .kit import kit_de_tarea

    inicio = time.perf_counter()
    en_este_proceso = not aislar and EN_ESTE_PROCESO
    # The self-check runs the student's code as it is (the reference is not in the student's kit).
    referencias = Referencias({} if solo_publicas or en_este_proceso else tarea.dependencias_de_referencia())
    if en_este_proceso:
        alumno = AlumnoEnEsteProceso(celdas_del_alumno(nb), directorio_entrega or Path.cwd())
    else:
        configuracion = configuracion_para(tarea, directorio_entrega, prohibidos, kit_de_tarea(tarea), aislar)
        alumno = AlumnoAislado(celdas_del_alumno(nb), configuracion, referencias.inyecciones(), directorio_entrega)
    # Grading runs every case, so every declared loader will be needed; the self-check skips the hidden cases.
    datos = None if solo_publicas else _cargar_en_segundo_plano(tarea.datos_de_confianza())
    with alumno:
        salidas = alumno.ejecutar_cuaderno()
        if datos is not None:
            datos.join()
        casos = ejecutar_casos(tarea, alumno, alumno_id, solo_publicas, al_terminar=referencias.al_terminar_para(alumno))
    resultado = ResultadoCalificacion(tarea.id, alumno_id, casos, salidas, time.perf_counter() - inicio)
    resultado.aislado = aislar
    return resultado
