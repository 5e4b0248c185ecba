"""Lanza y controla el proceso aislado donde corre el código del alumno.

The worker (``trabajador.py``) runs in a fresh temporary directory that holds
only the worker script and the files we copy on purpose (the submitted
``modelo.keras``, the public kit). It gets a scrubbed environment, an address
space limit, a file size limit, a wall-clock deadline per request and an audit
hook that forbids reading the project, the course directory (gradebook,
source notebooks, hidden graders) and starting processes.
"""
from __future__ import annotations

import os
import resource
import select
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import trabajador
from .errores import ErrorAislamiento, TiempoAgotado

RAIZ_PROYECTO = Path(__file__).resolve().parents[1]
GIB = 2**30


@dataclass
class LimitesAislamiento:
    """Recursos máximos del proceso aislado."""

    memoria_gib: float = 3.0
    segundos_inicio: float = 120.0
    segundos_llamada: float = 30.0
    segundos_celda: float = 60.0
    archivo_max_mib: int = 512


@dataclass
class ConfiguracionAislamiento:
    limites: LimitesAislamiento = field(default_factory=LimitesAislamiento)
    archivos: dict = field(default_factory=dict)  # name in the sandbox → source path (file or folder)
    prohibidos: list = field(default_factory=list)  # extra paths the worker may not read
    precargar: tuple = ("numpy",)
    entorno_extra: dict = field(default_factory=dict)


def _rutas_prohibidas(extra) -> list:
    """The project (graders, solutions, source notebooks) and any course directory."""
    rutas = [RAIZ_PROYECTO, *extra]
    return [str(Path(r).resolve()) for r in rutas]


def _entorno(directorio: Path, extra: dict) -> dict:
    entorno = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(directorio),
        "TMPDIR": str(directorio / "tmp"),
        "LANG": "C.UTF-8",
        "MPLBACKEND": "Agg",
        "PYTHONHASHSEED": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
        "TF_CPP_MIN_LOG_LEVEL": "3",
        "KERAS_BACKEND": "tensorflow",
        "CURSO_DL_CALIFICANDO": "1",
        "CURSO_DL_SIN_DESCARGA": "1",
    }
    datos = os.environ.get("CURSO_DL_DATOS")
    if datos:
        entorno["CURSO_DL_DATOS"] = str(Path(datos).resolve())
    entorno.update(extra)
    return entorno


class ProcesoAislado:
    """Un proceso trabajador con su directorio temporal. Úsese como gestor de contexto."""

    def __init__(self, configuracion: ConfiguracionAislamiento):
        self.configuracion = configuracion
        self.directorio = Path(tempfile.mkdtemp(prefix="calificacion_"))
        self.proceso: subprocess.Popen | None = None
        self._leer = self._escribir = -1

    # -- lifecycle -----------------------------------------------------------
    def __enter__(self) -> "ProcesoAislado":
        return self

    def __exit__(self, *exc) -> None:
        self.cerrar()

    def arrancar(self) -> None:
        (self.directorio / "tmp").mkdir(exist_ok=True)
        shutil.copy(trabajador.__file__, self.directorio / "trabajador.py")
        for nombre, origen in self.configuracion.archivos.items():
            destino = self.directorio / nombre
            if Path(origen).is_dir():
                shutil.copytree(origen, destino, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy(origen, destino)
        hijo_lee, padre_escribe = os.pipe()
        padre_lee, hijo_escribe = os.pipe()
        limites = self.configuracion.limites
        with open(self.directorio / "salida_trabajador.txt", "wb") as salida:
            self.proceso = subprocess.Popen(
                [sys.executable, "-I", "trabajador.py", str(hijo_lee), str(hijo_escribe)],
                cwd=self.directorio,
                env=_entorno(self.directorio, self.configuracion.entorno_extra),
                stdin=subprocess.DEVNULL, stdout=salida, stderr=subprocess.STDOUT,
                pass_fds=(hijo_lee, hijo_escribe),
                preexec_fn=lambda: _aplicar_limites(limites),
                start_new_session=True,
            )
        os.close(hijo_lee)
        os.close(hijo_escribe)
        self._leer, self._escribir = padre_lee, padre_escribe

    def iniciar(self, celdas: list) -> list:
        """Arranca el trabajador, ejecuta las celdas del alumno y devuelve lo que produjo cada una."""
        self.arrancar()
        respuesta = self.pedir(
            {
                "orden": "iniciar",
                "celdas": celdas,
                "precargar": list(self.configuracion.precargar),
                "prohibidos": _rutas_prohibidas(self.configuracion.prohibidos),
                "excepciones": [sys.prefix, sys.base_prefix],
                "segundos_celda": self.configuracion.limites.segundos_celda,
            },
            self.configuracion.limites.segundos_inicio,
        )
        return respuesta["celdas"]

    def cerrar(self) -> None:
        if self.proceso is not None and self.proceso.poll() is None:
            try:
                os.killpg(self.proceso.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proceso.wait()
        for fd in (self._leer, self._escribir):
            if fd >= 0:
                os.close(fd)
        self._leer = self._escribir = -1
        self.proceso = None
        shutil.rmtree(self.directorio, ignore_errors=True)

    @property
    def vivo(self) -> bool:
        return self.proceso is not None and self.proceso.poll() is None

    # -- requests ------------------------------------------------------------
    def pedir(self, orden: dict, segundos: float) -> dict:
        """Envía una orden y espera la respuesta como mucho `segundos`."""
        if not self.vivo:
            raise ErrorAislamiento("el proceso aislado no está en marcha")
        try:
            trabajador.enviar(self._escribir, orden)
            return self._recibir_con_plazo(segundos)
        except TiempoAgotado:
            self.cerrar()
            raise
        except (EOFError, BrokenPipeError, ValueError, OSError) as exc:
            detalle = self._ultimas_lineas()
            self.cerrar()
            raise ErrorAislamiento(
                "el proceso que ejecutaba tu código terminó de forma inesperada"
                " (¿se quedó sin memoria o llamó a exit()?)" + (f": {detalle}" if detalle else "")
            ) from exc

    def _recibir_con_plazo(self, segundos: float) -> dict:
        listos, _, _ = select.select([self._leer], [], [], segundos)
        if not listos:
            raise TiempoAgotado(segundos)
        return trabajador.recibir(self._leer)

    def _ultimas_lineas(self) -> str:
        try:
            texto = (self.directorio / "salida_trabajador.txt").read_text(errors="replace")
        except OSError:
            return ""
        lineas = [l for l in texto.strip().splitlines() if l.strip()]
        return lineas[-1][:300] if lineas else ""


def _aplicar_limites(limites: LimitesAislamiento) -> None:
    memoria = int(limites.memoria_gib * GIB)
    resource.setrlimit(resource.RLIMIT_AS, (memoria, memoria))
    archivo = limites.archivo_max_mib * 2**20
    resource.setrlimit(resource.RLIMIT_FSIZE, (archivo, archivo))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
