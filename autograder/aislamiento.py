"""Lanza y controla el proceso donde corre el código del alumno, y habla con él por el canal.

Grading someone else's code (``aislar=True``) runs the worker inside the
kernel-enforced jail of ``jaula.py``; if this machine cannot make one,
``ProcesoAislado`` refuses (``ErrorAislamientoNoDisponible``). A student's own
self-check (``aislar=False``) runs the worker as a plain child process in a
temporary directory, with rlimits where the platform has them.

Either way the trusted side only exchanges plain data with the worker
(``canal.py``): every reply has a deadline, a size cap and the sequence
number of its request, and is type-checked by the caller.
"""
from __future__ import annotations

import collections
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import caliente, canal, cgrupos, jaula
from .errores import ErrorAislamiento, ServidorCalienteCaido, TiempoAgotado

try:
    import resource
except ImportError:  # Windows: the self-check runs without rlimits
    resource = None

RAIZ_PROYECTO = Path(__file__).resolve().parents[1]
GIB = 2**30
# Landlock fallback: the worker's own /proc entry (resolved by the worker itself) and a few system files,
# never /proc as a whole: another process's environ of the same uid would be readable.
LECTURAS_PROC = ("/proc/self", "/proc/cpuinfo", "/proc/meminfo", "/proc/stat")
VARIABLE_HILOS = "CURSO_DL_HILOS"  # TensorFlow threads per worker (a Dask worker's administrator may set it)
PROCESOS_MAXIMOS = 512  # processes and threads per jail (TensorFlow starts a few dozen threads)


@dataclass
class LimitesAislamiento:
    """Recursos máximos del proceso aislado."""

    memoria_gib: float = 3.0
    segundos_inicio: float = 120.0
    segundos_llamada: float = 30.0
    segundos_celda: float = 60.0
    archivo_max_mib: int = 512
    segundos_total: float = 300.0  # the whole submission: every case, restart and model evaluation together


@dataclass
class ConfiguracionAislamiento:
    limites: LimitesAislamiento = field(default_factory=LimitesAislamiento)
    kit: Path | None = None  # public kit folder: its entries appear read-only in the worker's directory
    artefactos: dict = field(default_factory=dict)  # name → bytes, copied in before any student code runs
    prohibidos: list = field(default_factory=list)  # unjailed mode only: paths the audit hook refuses
    precargar: tuple = ("numpy",)
    entorno_extra: dict = field(default_factory=dict)
    aislar: bool = True


def _entorno(hogar: str, temporal: str, extra: dict) -> dict:
    entorno = {
        "PATH": "/usr/bin:/bin",
        "HOME": hogar,
        "TMPDIR": temporal,
        "MPLCONFIGDIR": os.path.join(hogar, ".matplotlib"),
        "LANG": "C.UTF-8",
        "MPLBACKEND": "Agg",
        "PYTHONHASHSEED": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
        "TF_CPP_MIN_LOG_LEVEL": "3",
        # oneDNN's kernels are off by default on CPUs without AVX-512 (this AMD EPYC): the 09 CNN predicts
        # its test set with 40 % less CPU with them on. Read when TensorFlow is imported.
        "TF_ENABLE_ONEDNN_OPTS": "1",
        "KERAS_BACKEND": "tensorflow",
        "CURSO_DL_CALIFICANDO": "1",
        "CURSO_DL_SIN_DESCARGA": "1",
    }
    datos = os.environ.get("CURSO_DL_DATOS")
    if datos:
        entorno["CURSO_DL_DATOS"] = str(Path(datos).resolve())
    hilos = os.environ.get(VARIABLE_HILOS, "")
    if hilos.isdigit() and int(hilos) > 0:  # TensorFlow reads them at its first op, in the worker
        entorno["TF_NUM_INTRAOP_THREADS"] = entorno["TF_NUM_INTEROP_THREADS"] = hilos
    entorno.update(extra)
    return entorno


@contextlib.contextmanager
def hilos_de_calculo(trabajadores: int):
    """Inside, each worker's TensorFlow uses ``núcleos // trabajadores`` threads (unless ``CURSO_DL_HILOS``
    is already set), so N workers grading at once share the cores instead of each starting one thread per
    core. For the LocalCluster's worker processes too, which inherit this environment."""
    if os.environ.get(VARIABLE_HILOS):
        yield
        return
    os.environ[VARIABLE_HILOS] = str(max(1, (os.cpu_count() or 1) // max(1, trabajadores)))
    try:
        yield
    finally:
        os.environ.pop(VARIABLE_HILOS, None)


class _Cola:
    """Drains the worker's stdout/stderr so it never blocks; keeps only the last bytes for error messages."""

    def __init__(self, fd: int, maximo: int = 4096):
        self._ultimos = collections.deque(maxlen=maximo)
        self._hilo = threading.Thread(target=self._leer, args=(fd,), daemon=True)
        self._hilo.start()

    def _leer(self, fd: int) -> None:
        with os.fdopen(fd, "rb", buffering=0) as flujo:
            while trozo := flujo.read(65536):
                self._ultimos.extend(trozo)

    def ultima_linea(self) -> str:
        texto = bytes(self._ultimos).decode("utf-8", errors="replace")
        lineas = [l for l in texto.strip().splitlines() if l.strip()]
        return lineas[-1][:300] if lineas else ""


class ProcesoAislado:
    """Un proceso trabajador (en la jaula, o simple para la autocomprobación). Úsese como gestor de contexto."""

    def __init__(self, configuracion: ConfiguracionAislamiento):
        self.configuracion = configuracion
        self.proceso: subprocess.Popen | None = None
        self.directorio: Path | None = None  # unjailed mode only
        self._leer = self._escribir = -1
        self._salida: _Cola | None = None
        self._secuencia = 0
        self.modo = "sin_jaula"  # "bwrap" or "landlock" once started in a jail
        self._servidor = None  # the warm server this worker was forked from ("caliente")

    def __enter__(self) -> "ProcesoAislado":
        return self

    def __exit__(self, *exc) -> None:
        self.cerrar()

    # -- lifecycle -----------------------------------------------------------
    def arrancar(self) -> None:
        hijo_lee, padre_escribe = os.pipe()
        padre_lee, hijo_escribe = os.pipe()
        canal.agrandar_tuberia(padre_escribe)  # a test set of 150 MB crosses in 1 MiB steps, not 64 KiB ones
        canal.agrandar_tuberia(hijo_escribe)
        salida_lee, salida_escribe = os.pipe()
        canales = [str(hijo_lee), str(hijo_escribe)]
        limites = self.configuracion.limites
        abiertos = [hijo_lee, hijo_escribe, salida_escribe]
        self.modo = jaula.modo() if self.configuracion.aislar else "sin_jaula"
        self._cgrupo = cgrupos.crear(int(limites.memoria_gib * GIB), PROCESOS_MAXIMOS) if self.configuracion.aislar else None
        en_el_hijo = self._cgrupo if self.modo == "bwrap" else None  # bwrap forks early: join before it runs
        usuario = {}
        try:
            servidor = caliente.servidor() if self.configuracion.aislar else None
            if servidor is not None and self._bifurcar_caliente(servidor, [hijo_lee, hijo_escribe, salida_escribe]):
                self.modo = "caliente"
                try:
                    self._cgrupo.unir(self.proceso.pid)  # the worker waits for "iniciar" before running anything
                except ProcessLookupError as exc:  # gone before running anything: its server died under it
                    servidor.murio()
                    raise ServidorCalienteCaido("el servidor caliente murió al bifurcar") from exc
            elif self.modo == "bwrap":
                argv, pasar = self._orden_en_jaula(canales, abiertos)
                cwd, entorno = None, None
            else:
                argv, pasar, cwd = self._orden_sin_jaula(canales), (hijo_lee, hijo_escribe), self.directorio
                entorno = _entorno(str(cwd), str(cwd / "tmp"), self.configuracion.entorno_extra)
                if self.modo == "landlock":
                    usuario = self._preparar_landlock(entorno)
            if self.modo != "caliente":
                self._arrancar_en_frio(argv, cwd, entorno, pasar, salida_escribe, usuario, en_el_hijo)
        finally:
            for fd in abiertos:
                os.close(fd)
        self._salida = _Cola(salida_lee)
        self._leer, self._escribir = padre_lee, padre_escribe

    def _arrancar_en_frio(self, argv, cwd, entorno, pasar, salida_escribe, usuario, en_el_hijo) -> None:
        limites = self.configuracion.limites
        self.proceso = subprocess.Popen(
            argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=salida_escribe, stderr=salida_escribe,
            pass_fds=pasar, start_new_session=True, env=entorno, **usuario,
            preexec_fn=(lambda: _aplicar_limites(limites, en_el_hijo)) if resource is not None else None,
        )
        if self._cgrupo is not None and en_el_hijo is None:
            self._cgrupo.unir(self.proceso.pid)  # the worker waits for "iniciar" before running anything

    def _bifurcar_caliente(self, servidor, fds: list) -> bool:
        """The warm path (``caliente.py``): a worker forked from a preloaded server inside the bubblewrap jail."""
        from .filtro_seccomp import programa_bpf

        bifurcado = servidor.bifurcar(fds, self.configuracion)
        if bifurcado is None:
            return False
        self.proceso, carpeta, kit = bifurcado
        self._servidor = servidor
        datos = os.environ.get("CURSO_DL_DATOS")
        self._landlock = {
            "lectura": [*jaula.lecturas((datos,) if datos else ()), *([kit] if kit else []), *LECTURAS_PROC,
                        "/dev/urandom"],
            "escritura": [carpeta, "/dev/null"],
            "seccomp": programa_bpf(sin_procesos=True),
        }
        return True

    def _orden_en_jaula(self, canales: list, abiertos: list) -> tuple[list, tuple]:
        from .filtro_seccomp import programa_bpf

        jaula.exigir_disponible()
        pasar = []

        def memoria(datos: bytes) -> int:
            fd = jaula.archivo_en_memoria(datos)
            abiertos.append(fd)
            pasar.append(fd)
            return fd

        fd_seccomp = memoria(programa_bpf())
        archivos = {nombre: memoria(datos) for nombre, datos in self.configuracion.artefactos.items()}
        kit = {p.name: p for p in sorted(self.configuracion.kit.iterdir())} if self.configuracion.kit else {}
        entorno = _entorno(jaula.TRABAJO, "/tmp", self.configuracion.entorno_extra)
        datos = entorno.get("CURSO_DL_DATOS")
        programa = [sys.executable, "-I", f"{jaula.PROGRAMA}/trabajador.py", *canales]
        argv = jaula.argumentos(programa, entorno, kit, archivos, lecturas_extra=(datos,) if datos else (),
                                tamanos=jaula.Tamanos(trabajo_mib=self.configuracion.limites.archivo_max_mib),
                                fd_seccomp=fd_seccomp)
        return argv, tuple(int(c) for c in canales) + tuple(pasar)

    def _orden_sin_jaula(self, canales: list) -> list:
        self.directorio = Path(tempfile.mkdtemp(prefix="comprobacion_"))
        (self.directorio / "tmp").mkdir()
        if self.configuracion.kit is not None:
            for entrada in self.configuracion.kit.iterdir():
                if entrada.is_dir():
                    shutil.copytree(entrada, self.directorio / entrada.name,
                                    ignore=shutil.ignore_patterns("__pycache__"))
        for nombre, datos in self.configuracion.artefactos.items():
            (self.directorio / nombre).write_bytes(datos)
        programa = self.directorio / ".trabajador"
        programa.mkdir()
        for nombre in (*jaula.ARCHIVOS_PROGRAMA, "landlock.py"):
            shutil.copy(Path(__file__).resolve().parent / nombre, programa / nombre)
        return [sys.executable, "-I", str(programa / "trabajador.py"), *canales]

    def _preparar_landlock(self, entorno: dict) -> dict:
        """Fallback jail: the worker restricts itself (Landlock + seccomp) before running any student code."""
        from .filtro_seccomp import programa_bpf

        datos = entorno.get("CURSO_DL_DATOS")
        self._landlock = {
            "lectura": [*jaula.lecturas((datos,) if datos else ()), *LECTURAS_PROC, "/dev/urandom"],
            "escritura": [str(self.directorio), "/dev/null"],
            "seccomp": programa_bpf(sin_procesos=True),
        }
        uid = jaula.uid_para_landlock()
        if uid is None:
            return {}
        for carpeta, subcarpetas, archivos in os.walk(self.directorio):
            for nombre in (carpeta, *(os.path.join(carpeta, a) for a in subcarpetas + archivos)):
                os.lchown(nombre, uid, uid)
        return {"user": uid, "group": uid, "extra_groups": []}

    def iniciar(self, celdas: list, segundos: float | None = None) -> list:
        """Arranca el trabajador, ejecuta las celdas del alumno y devuelve lo que produjo cada una."""
        self.arrancar()
        respuesta = self.pedir(
            {
                "orden": "iniciar",
                "celdas": celdas,
                "precargar": list(self.configuracion.precargar),
                "prohibidos": [] if self.configuracion.aislar else
                [str(Path(r).resolve()) for r in (RAIZ_PROYECTO, *self.configuracion.prohibidos)],
                "excepciones": [sys.prefix, sys.base_prefix],
                "en_jaula": self.configuracion.aislar,
                "landlock": getattr(self, "_landlock", None) if self.modo in ("landlock", "caliente") else None,
                "segundos_celda": self.configuracion.limites.segundos_celda,
            },
            self.configuracion.limites.segundos_inicio if segundos is None else segundos,
        )
        celdas_validas = _celdas_validas(respuesta.get("celdas"))
        if celdas_validas is None:
            self.cerrar()
            raise ErrorAislamiento("el proceso que ejecutaba tu cuaderno respondió con datos mal formados")
        return celdas_validas

    def _fallo_del_servidor(self) -> None:
        """A warm worker that vanished because its server died is the grader's failure, not the student's."""
        if self._servidor is not None and self._servidor.murio():
            raise ServidorCalienteCaido("el servidor caliente murió mientras calificaba")

    def cerrar(self) -> None:
        if self.proceso is not None:
            if isinstance(self.proceso, caliente.HijoCaliente):
                self.proceso.matar()  # by pidfd: a recycled pid is never signalled
            else:
                try:
                    os.killpg(self.proceso.pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
            self.proceso.wait()
        for fd in (self._leer, self._escribir):
            if fd >= 0:
                os.close(fd)
        self._leer = self._escribir = -1
        self.proceso = None
        if getattr(self, "_cgrupo", None) is not None:
            self._cgrupo.borrar()
            self._cgrupo = None
        if self.directorio is not None:
            shutil.rmtree(self.directorio, ignore_errors=True)
            self.directorio = None

    @property
    def vivo(self) -> bool:
        return self.proceso is not None and self.proceso.poll() is None

    # -- requests ------------------------------------------------------------
    def pedir(self, orden: dict, segundos: float, atender=None) -> dict:
        """Envía una orden y espera su respuesta (un dict) como mucho `segundos`.

        Meanwhile ``atender(peticion) -> dict`` answers the worker's requests for reference
        dependencies (see ``trabajador._inyectar``); without it such a request is refused.
        """
        if not self.vivo:
            self._fallo_del_servidor()
            raise ErrorAislamiento("el proceso aislado no está en marcha")
        self._secuencia += 1
        fin = time.monotonic() + segundos
        try:
            canal.enviar(self._escribir, {**orden, "n": self._secuencia})
            respuesta = canal.recibir(self._leer, segundos)
            while isinstance(respuesta, dict) and "dependencia" in respuesta and "ok" not in respuesta:
                canal.enviar(self._escribir, atender(respuesta) if atender else {"ok": False, "mensaje": "no disponible"})
                respuesta = canal.recibir(self._leer, max(fin - time.monotonic(), 0.001))
        except canal.PlazoAgotado:
            self.cerrar()
            raise TiempoAgotado(segundos) from None
        except canal.MensajeInvalido as exc:
            self.cerrar()
            raise ErrorAislamiento(f"el proceso aislado envió un mensaje no válido ({exc})") from None
        except (EOFError, OSError) as exc:
            detalle = self._salida.ultima_linea() if self._salida else ""
            self.cerrar()
            self._fallo_del_servidor()
            raise ErrorAislamiento(
                "el proceso que ejecutaba tu código terminó de forma inesperada"
                " (¿se quedó sin memoria o llamó a exit()?)" + (f": {detalle}" if detalle else "")) from exc
        if (not isinstance(respuesta, dict) or type(respuesta.get("n")) is not int or respuesta["n"] != self._secuencia
                or type(respuesta.get("ok")) is not bool):
            self.cerrar()
            raise ErrorAislamiento("el proceso aislado respondió fuera de orden o con datos mal formados")
        return _limpiar_respuesta(respuesta)


def _texto(valor, maximo: int = 20_000) -> str:
    return valor[:maximo] if isinstance(valor, str) else ""


def _limpiar_respuesta(respuesta: dict) -> dict:
    """Only known fields with the right types cross into the trusted side."""
    limpia = {"ok": respuesta["ok"], "tipo": _texto(respuesta.get("tipo"), 40),
              "mensaje": _texto(respuesta.get("mensaje"), 2000), "salida": _texto(respuesta.get("salida"))}
    for clave in ("valor", "args_despues", "celdas", "predicciones"):
        if clave in respuesta:
            limpia[clave] = respuesta[clave]
    segundos = respuesta.get("segundos")
    limpia["segundos"] = segundos if type(segundos) is float and 0 <= segundos < 1e6 else 0.0
    return limpia


def _celdas_validas(celdas) -> list | None:
    if not isinstance(celdas, list):
        return None
    validas = []
    for celda in celdas:
        if not (isinstance(celda, dict) and type(celda.get("indice")) is int):
            return None
        error = celda.get("error")
        validas.append({"indice": celda["indice"], "salida": _texto(celda.get("salida")),
                        "error": error[:2000] if isinstance(error, str) else None})
    return validas


def _aplicar_limites(limites: LimitesAislamiento, cgrupo=None) -> None:
    if cgrupo is not None:
        cgrupo.unir()
    memoria = int(limites.memoria_gib * GIB)
    resource.setrlimit(resource.RLIMIT_AS, (memoria, memoria))
    archivo = limites.archivo_max_mib * 2**20
    resource.setrlimit(resource.RLIMIT_FSIZE, (archivo, archivo))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if hasattr(resource, "RLIMIT_NPROC"):
        resource.setrlimit(resource.RLIMIT_NPROC, (PROCESOS_MAXIMOS, PROCESOS_MAXIMOS))
