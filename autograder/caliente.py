"""Trabajadores calientes: un servidor precargado bifurca un trabajador enjaulado por proceso aislado.

Starting Python and importing TensorFlow costs seconds; grading a submission costs tenths of a
second. Inside ``calentado()`` (or after ``activar()``), every jailed ``ProcesoAislado`` of this
process is forked from a preloaded server (``cigoto.py``, one per grading thread) instead of
starting a fresh Python, so a batch pays the imports once per thread, not once per notebook.

The server runs in the bubblewrap jail of ``jaula.py`` (namespaces, read-only system, tmpfs
``/trabajo``, unprivileged uid, no capabilities, seccomp) with a clean environment, and holds
nothing secret: the worker's public files, NumPy, and Keras once a Keras task asks for it. It
never runs student code or a TensorFlow op. Each forked child then applies Landlock and the
seccomp filter without new processes to itself before any student code runs, as the Landlock
jail does, gets its own cgroup (joined here by pid) and rlimits, and can only write its own
folder. Landlock ABI ≥ 6 is required, because siblings share the server's uid and must not be
able to signal one another. Where either jail is missing, or the server refuses or fails, the
grader starts a fresh jailed worker as before.

The trusted side talks to the server over an anonymous ``SOCK_SEQPACKET`` socket, passes the
child's pipes and artifacts as descriptors, and receives a pidfd (signals never reach a recycled
pid). If the grader's thread or process ends, bwrap (``--die-with-parent``) ends the server, and
the children die with it (``PR_SET_PDEATHSIG``).
"""
from __future__ import annotations

import atexit
import contextlib
import itertools
import json
import os
import select
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

from . import jaula

SEGUNDOS_PRECARGA = 180.0  # importing Keras on a loaded machine
TRABAJO_MIB = 1024  # the server's /trabajo: one submission's notebook and model workers at a time
MAXIMO_ARTEFACTOS = 16


class HijoCaliente:
    """Un trabajador bifurcado por el servidor: la parte de ``subprocess.Popen`` que usa ``ProcesoAislado``."""

    def __init__(self, pid: int, pidfd: int):
        self.pid, self._pidfd, self.returncode = pid, pidfd, None

    def poll(self):
        if self.returncode is None and select.select([self._pidfd], [], [], 0)[0]:
            self.returncode = 0  # the server reaps it; the exit status is not needed
        return self.returncode

    def matar(self) -> None:
        if self.returncode is None:
            try:
                signal.pidfd_send_signal(self._pidfd, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def wait(self, timeout: float | None = None):
        if self.returncode is None:
            select.select([self._pidfd], [], [], timeout)
            self.poll()
        if self.returncode is not None and self._pidfd >= 0:
            os.close(self._pidfd)
            self._pidfd = -1
        return self.returncode


class ServidorCaliente:
    """El servidor precargado de un hilo: se arranca en la jaula de bubblewrap la primera vez que se usa."""

    def __init__(self):
        self._proceso: subprocess.Popen | None = None
        self._control: socket.socket | None = None
        self._kits: dict = {}  # host kit folder → task id (its entries are under /kits/<task id>)
        self._numeros = itertools.count()
        self.motivo_fallo: str | None = None

    def _arrancar(self) -> None:
        from .aislamiento import _entorno
        from .calificadores import cargar_tarea, tareas_disponibles
        from .filtro_seccomp import programa_bpf
        from .kit import kit_de_tarea

        kits = {}
        for tarea_id in tareas_disponibles():
            if _tareas is not None and tarea_id not in _tareas:
                continue  # a task of no use here (activar(tareas=...)): its kit is not written nor mounted
            carpeta = kit_de_tarea(cargar_tarea(tarea_id))
            self._kits[carpeta.resolve()] = tarea_id
            kits[tarea_id] = {p.name: p for p in sorted(carpeta.iterdir())}
        nuestro, suyo = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        datos = os.environ.get("CURSO_DL_DATOS")
        with suyo, _memfd(programa_bpf()) as seccomp:
            argv = jaula.argumentos(
                [sys.executable, "-I", f"{jaula.PROGRAMA}/cigoto.py", str(suyo.fileno())],
                _entorno(jaula.TRABAJO, "/tmp", {}), {}, {}, lecturas_extra=(datos,) if datos else (),
                tamanos=jaula.Tamanos(trabajo_mib=TRABAJO_MIB), fd_seccomp=seccomp,
                programa_extra=("cigoto.py", "landlock.py"), kits=kits)
            # bwrap --die-with-parent follows the thread that starts it: this one, which owns this server
            self._proceso = subprocess.Popen(argv, pass_fds=(suyo.fileno(), seccomp), stdin=subprocess.DEVNULL,
                                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                             start_new_session=True)
        self._control = nuestro
        if self._recibir(SEGUNDOS_PRECARGA)[0].get("ok") is not True:
            raise OSError("el servidor caliente no arrancó")

    def _recibir(self, segundos: float) -> tuple[dict, list]:
        self._control.settimeout(segundos)
        datos, fds, _, _ = socket.recv_fds(self._control, 65536, 1)
        try:
            respuesta = json.loads(datos) if datos else None
        except ValueError:
            respuesta = None
        if not isinstance(respuesta, dict):
            for fd in fds:
                os.close(fd)
            raise EOFError("el servidor caliente terminó o respondió mal")
        return respuesta, fds

    def bifurcar(self, fds: list, configuracion) -> tuple[HijoCaliente, str, str] | None:
        """A worker with these three descriptors for a ``ConfiguracionAislamiento``: (child, its folder,
        its kit) as the jail sees them, or None if it must be started cold."""
        from .aislamiento import GIB, PROCESOS_MAXIMOS, _entorno

        if self.motivo_fallo is not None:
            return None
        try:
            if self._proceso is None:
                self._arrancar()
            kit = configuracion.kit
            tarea_id = self._kits.get(Path(kit).resolve()) if kit is not None else ""
            if tarea_id is None or len(configuracion.artefactos) > MAXIMO_ARTEFACTOS:
                return None  # a kit this server does not mount: start cold
            carpeta = f"{jaula.TRABAJO}/t{next(self._numeros)}"
            limites = configuracion.limites
            mensaje = {
                "n": os.path.basename(carpeta), "kit": tarea_id, "artefactos": list(configuracion.artefactos),
                "entorno": _entorno(carpeta, f"{carpeta}/tmp", configuracion.entorno_extra),
                "limites": [int(limites.memoria_gib * GIB), limites.archivo_max_mib * 2**20, PROCESOS_MAXIMOS],
                "precargar": list(configuracion.precargar),
            }
            with contextlib.ExitStack() as pila:
                memorias = [pila.enter_context(_memfd(datos)) for datos in configuracion.artefactos.values()]
                socket.send_fds(self._control, [json.dumps(mensaje).encode()], [*fds, *memorias])
            respuesta, recibidos = self._recibir(SEGUNDOS_PRECARGA)
        except (OSError, EOFError, ValueError) as exc:
            self.motivo_fallo = f"{type(exc).__name__}: {exc}"  # never again in this thread: start cold
            self.parar()
            return None
        if respuesta.get("ok") is not True or len(recibidos) != 1:
            for fd in recibidos:
                os.close(fd)
            return None
        pid = _pid_de(recibidos[0])
        if pid is None:
            os.close(recibidos[0])
            return None
        return HijoCaliente(pid, recibidos[0]), carpeta, f"{jaula.KITS}/{tarea_id}" if tarea_id else ""

    def murio(self) -> bool:
        """Whether this server died on its own, not stopped by ``parar``: its jail exited or the control socket
        hung up. A dead server's children die with it (PDEATHSIG), after its descriptors are closed, so this
        answers at once for a worker that just vanished. From then on this thread starts workers cold."""
        control, proceso = self._control, self._proceso
        if control is None:
            return False
        sondeo = select.poll()
        try:
            sondeo.register(control, select.POLLIN | select.POLLRDHUP)
        except ValueError:  # closed meanwhile by parar() (desactivar, from another thread): stopped, not dead
            return False
        colgado = any(eventos & (select.POLLHUP | select.POLLRDHUP | select.POLLERR) for _, eventos in sondeo.poll(0))
        if not colgado and (proceso is None or proceso.poll() is None):
            return False
        self.motivo_fallo = "el servidor caliente murió"
        self.parar()
        return True

    def parar(self) -> None:
        if self._control is not None:
            self._control.close()
            self._control = None
        if self._proceso is not None:
            # Killed, not left to exit: the server holds no state, its children die with it (PDEATHSIG), and
            # a Python that imported TensorFlow takes about 2 s to exit on its own (measured on the cold CLI).
            try:
                os.killpg(self._proceso.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self._proceso.wait()
            self._proceso = None


@contextlib.contextmanager
def _memfd(datos: bytes):
    fd = jaula.archivo_en_memoria(datos)
    try:
        yield fd
    finally:
        os.close(fd)


def _pid_de(pidfd: int) -> int | None:
    """The child's pid in this process's pid namespace (the server sees another one)."""
    try:
        with open(f"/proc/self/fdinfo/{pidfd}") as info:
            for linea in info:
                if linea.startswith("Pid:"):
                    pid = int(linea.split()[1])
                    return pid if pid > 1 else None
    except (OSError, ValueError):
        return None
    return None


_activo = False
_tareas: frozenset | None = None  # the tasks whose kits the servers mount (None: all of them)
_por_hilo = threading.local()
_servidores: list = []
_cerrojo = threading.Lock()


def _apagados() -> bool:
    return os.environ.get("CURSO_DL_CALIENTE", "1") == "0"  # a fresh jailed worker every time, from now on


def disponible() -> bool:
    """¿Puede este proceso usar trabajadores calientes? (bubblewrap y Landlock ABI ≥ 6 disponibles)."""
    if _apagados():
        return False
    if os.environ.get("CURSO_DL_JAULA") == "landlock" or not hasattr(os, "pidfd_open"):
        return False
    from .landlock import version_abi

    return jaula.motivo_no_disponible() is None and jaula.modo() == "bwrap" and version_abi() >= 6


def servidor() -> ServidorCaliente | None:
    """El servidor de este hilo si los trabajadores calientes están activados aquí; si no, None."""
    if not _activo or _apagados():  # CURSO_DL_CALIENTE=0 also applies to a process already activated
        return None
    actual = getattr(_por_hilo, "servidor", None)
    with _cerrojo:
        if actual is None or actual not in _servidores:  # none yet, or one a desactivar() already stopped
            actual = _por_hilo.servidor = ServidorCaliente()
            _servidores.append(actual)
    return actual


def activar(tareas=None) -> bool:
    """Activa los trabajadores calientes en este proceso (idempotente); False si aquí no son posibles.

    ``tareas``: the only task ids this process will grade (the CLI grades one); its servers then write and
    mount only those kits, not every task's. Ignored once active."""
    global _activo, _tareas
    with _cerrojo:
        if not _activo and disponible():
            _activo = True
            _tareas = frozenset(tareas) if tareas is not None else None
            atexit.register(desactivar)
    return _activo


def desactivar() -> None:
    global _activo
    with _cerrojo:
        _activo = False
        servidores = list(_servidores)
        _servidores.clear()
    for uno in servidores:
        uno.parar()


@contextlib.contextmanager
def calentado():
    """Dentro, cada ProcesoAislado enjaulado de este proceso se bifurca de un servidor precargado (uno por hilo)."""
    ya_estaba = _activo
    activar()
    try:
        yield
    finally:
        if not ya_estaba:
            desactivar()
