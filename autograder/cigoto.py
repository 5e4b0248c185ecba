"""Servidor caliente: importa NumPy (y Keras cuando se pide) una vez y bifurca un trabajador por petición.

Runs inside the bubblewrap jail (``jaula.argumentos``, started by ``autograder.caliente``) as
``python -I /trabajador/cigoto.py FD``: its own pid, network, ipc and mount namespaces, a
read-only view of Python, the datasets and every task's public kit (``/kits/<task>``), a
size-limited tmpfs ``/trabajo``, an unprivileged uid, no capabilities and the jail's seccomp
filter. FD is a ``SOCK_SEQPACKET`` socket to the trusted grader.

Each request is one JSON message with the worker's three pipes (input, output, stdout/stderr)
and one memfd per submitted artifact. The server makes ``/trabajo/<n>`` (links to the task's
kit, the artifacts, ``tmp/``), forks, and replies ``{"ok": true}`` plus a pidfd of the child,
or ``{"ok": false, "motivo"}``. It removes a child's folder once the child has exited.

It never runs student code and never runs a TensorFlow op: TensorFlow starts its thread pools
at the first op, and forking after that deadlocks. Before every fork it checks that it has no
more threads than right after its last import; otherwise it refuses, and the grader starts a
fresh jailed worker instead.

The child dies with the server (``PR_SET_PDEATHSIG``), keeps only its three descriptors, and
takes its folder, environment and rlimits. On its first order (``iniciar``) the worker applies
Landlock (read-only: Python, datasets, its task's kit; read-write: its own folder; signals and
abstract sockets scoped to itself) and the seccomp filter without new processes, exactly as the
Landlock jail does, before any student code runs. Sibling children share the uid but not a
Landlock domain: they cannot read, signal or trace one another.

Standard library and NumPy only: this file is not imported by the trusted side.
"""
from __future__ import annotations

import ctypes
import json
import os
import re
import resource
import select
import shutil
import signal
import socket
import sys

PR_SET_PDEATHSIG = 1
TRABAJO, KITS = "/trabajo", "/kits"
MAXIMO_ARTEFACTOS = 16
MODULOS_PERMITIDOS = {"numpy", "keras", "matplotlib", "matplotlib.pyplot", "tensorflow"}


def _hilos() -> int:
    return len(os.listdir("/proc/self/task"))


def _responder(control: socket.socket, datos: dict, fds=()) -> None:
    socket.send_fds(control, [json.dumps(datos).encode()], list(fds))


def _cerrar_los_demas(conservar: set) -> None:
    for nombre in os.listdir("/proc/self/fd"):
        fd = int(nombre)
        if fd not in conservar:
            try:
                os.close(fd)
            except OSError:
                pass


def _hijo(padre: int, fds: list, peticion: dict) -> None:
    import tempfile

    import trabajador

    ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != padre:  # the server died between fork and prctl
        os._exit(0)
    os.setsid()
    for senal in (signal.SIGCHLD, signal.SIGINT, signal.SIGTERM, signal.SIGPIPE):
        signal.signal(senal, signal.SIG_DFL)
    entrada, salida, registro = fds
    nulo = os.open(os.devnull, os.O_RDONLY)
    os.dup2(nulo, 0)
    os.dup2(registro, 1)
    os.dup2(registro, 2)
    _cerrar_los_demas({0, 1, 2, entrada, salida})
    os.chdir(peticion["carpeta"])
    os.environ.clear()
    os.environ.update(peticion["entorno"])
    tempfile.tempdir = None  # computed again from TMPDIR
    memoria, archivo, procesos = peticion["limites"]
    resource.setrlimit(resource.RLIMIT_AS, (memoria, memoria))
    resource.setrlimit(resource.RLIMIT_FSIZE, (archivo, archivo))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_NPROC, (procesos, procesos))
    sys.modules["__main__"] = trabajador  # the same layout as a worker started as a script
    sys.argv = [trabajador.__file__, str(entrada), str(salida)]
    trabajador.Trabajador(entrada, salida).bucle()


def _preparar_carpeta(peticion: dict, artefactos: list) -> str:
    """/trabajo/<n>: links to the task's kit, the submitted artifacts and tmp/."""
    nombre, tarea = str(peticion["n"]), str(peticion.get("kit") or "")
    if not re.fullmatch(r"[0-9a-z_]+", nombre) or (tarea and not re.fullmatch(r"[0-9a-z_]+", tarea)):
        raise ValueError("nombre de carpeta o de kit no válido")
    carpeta = os.path.join(TRABAJO, nombre)
    os.mkdir(carpeta, 0o700)
    try:
        _llenar_carpeta(carpeta, tarea, peticion.get("artefactos", []), artefactos)
    except BaseException:
        shutil.rmtree(carpeta, ignore_errors=True)
        raise
    return carpeta


def _llenar_carpeta(carpeta: str, tarea: str, nombres: list, artefactos: list) -> None:
    os.mkdir(os.path.join(carpeta, "tmp"))
    if tarea:
        for entrada in os.listdir(os.path.join(KITS, tarea)):
            os.symlink(os.path.join(KITS, tarea, entrada), os.path.join(carpeta, entrada))
    if len(nombres) != len(artefactos):
        raise ValueError("faltan artefactos")
    for archivo, fd in zip(nombres, artefactos):
        if not re.fullmatch(r"[\w.-]+", str(archivo)) or archivo.startswith("."):
            raise ValueError(f"nombre de artefacto no válido: {archivo!r}")
        with os.fdopen(os.dup(fd), "rb") as origen, open(os.path.join(carpeta, archivo), "xb") as destino:
            origen.seek(0)
            shutil.copyfileobj(origen, destino)


def _limpiar(hijos: dict) -> None:
    """Remove the folders of the children that have exited."""
    for pidfd, carpeta in list(hijos.items()):
        if select.select([pidfd], [], [], 0)[0]:
            os.close(pidfd)
            shutil.rmtree(carpeta, ignore_errors=True)
            del hijos[pidfd]


def main() -> None:
    control = socket.socket(fileno=int(sys.argv[1]))
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # -I leaves the script's folder out
    import numpy  # noqa: F401
    import trabajador  # noqa: F401

    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel; pidfds tell who exited
    base = _hilos()
    hijos: dict = {}  # pidfd → folder
    _responder(control, {"ok": True, "hilos": base})
    while True:
        try:
            datos, fds, _, _ = socket.recv_fds(control, 1 << 20, 3 + MAXIMO_ARTEFACTOS)
        except (OSError, ValueError):
            break
        if not datos:
            break  # the grader closed the socket (or died): the children die with this process
        _limpiar(hijos)
        carpeta = None
        try:
            peticion = json.loads(datos)
            if len(fds) < 3:
                raise ValueError(f"se esperaban al menos 3 descriptores y llegaron {len(fds)}")
            for modulo in peticion.get("precargar", []):
                if modulo in MODULOS_PERMITIDOS and modulo not in sys.modules:
                    __import__(modulo)
                    base = max(base, _hilos())  # threads an import starts are safe; an op's are not
            if _hilos() > base:
                raise RuntimeError(f"el servidor tiene {_hilos()} hilos (más que los {base} tras importar)")
            carpeta = _preparar_carpeta(peticion, fds[3:])
            peticion["carpeta"] = carpeta
        except Exception as exc:  # noqa: BLE001 - the grader falls back to a fresh worker
            for fd in fds:
                os.close(fd)
            _responder(control, {"ok": False, "motivo": f"{type(exc).__name__}: {exc}"[:300]})
            continue
        padre = os.getpid()
        pid = os.fork()
        if pid == 0:
            codigo = 0
            try:
                control.close()
                _hijo(padre, fds[:3], peticion)
            except BaseException:  # noqa: BLE001 - reported on the worker's stdout, read by the grader
                import traceback
                traceback.print_exc()
                codigo = 70
            finally:
                os._exit(codigo)
        for fd in fds:
            os.close(fd)
        pidfd = os.pidfd_open(pid)
        hijos[pidfd] = carpeta
        _responder(control, {"ok": True}, [pidfd])


if __name__ == "__main__":
    main()
