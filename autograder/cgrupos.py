"""Un cgroup por jaula: la memoria y el número de procesos de todo lo que corre dentro, sumados.

``RLIMIT_AS`` caps one process; a student who forks could add many of them up.
A cgroup caps the whole jail. It needs write access to the cgroup file system
(a root grader, or a delegated subtree); where there is none, ``crear`` returns
None and only the rlimits apply (the README says so). Both layouts are
supported: cgroup v2 (``/sys/fs/cgroup/cgroup.controllers``) and v1 (one
hierarchy per controller, ``/sys/fs/cgroup/memory`` and ``/sys/fs/cgroup/pids``).
"""
from __future__ import annotations

import os
import secrets
import time
from pathlib import Path

RAIZ = Path("/sys/fs/cgroup")
GRUPO = "curso_dl"


class Cgrupo:
    def __init__(self, carpetas: list[Path]):
        self.carpetas = carpetas

    def unir(self, pid: int | None = None) -> None:
        """Put `pid` (default: this process, e.g. from a ``preexec_fn``) in every hierarchy of the jail."""
        for carpeta in self.carpetas:
            with open(carpeta / "cgroup.procs", "w") as archivo:
                archivo.write(str(pid or os.getpid()))

    def borrar(self) -> None:
        """Remove the jail's cgroups once its processes are gone (they die a moment after the jail)."""
        for carpeta in self.carpetas:
            for _ in range(50):
                try:
                    carpeta.rmdir()
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    time.sleep(0.02)


def _escribir(archivo: Path, valor: str) -> None:
    with open(archivo, "w") as destino:
        destino.write(valor)


def crear(memoria_bytes: int, procesos: int) -> Cgrupo | None:
    """A new cgroup with these limits, or None where this process cannot create one."""
    nombre = f"{os.getpid()}-{secrets.token_hex(4)}"
    creadas: list[Path] = []
    try:
        if (RAIZ / "cgroup.controllers").exists():
            base = RAIZ / GRUPO
            base.mkdir(exist_ok=True)
            for carpeta in (RAIZ, base):
                _escribir(carpeta / "cgroup.subtree_control", "+memory +pids")
            carpeta = base / nombre
            carpeta.mkdir()
            creadas.append(carpeta)
            _escribir(carpeta / "memory.max", str(memoria_bytes))
            if (carpeta / "memory.swap.max").exists():
                _escribir(carpeta / "memory.swap.max", "0")
            _escribir(carpeta / "pids.max", str(procesos))
        else:
            for controlador, archivo, valor in (("memory", "memory.limit_in_bytes", memoria_bytes),
                                                ("pids", "pids.max", procesos)):
                carpeta = RAIZ / controlador / GRUPO / nombre
                carpeta.mkdir(parents=True)
                creadas.append(carpeta)
                _escribir(carpeta / archivo, str(valor))
    except OSError:
        Cgrupo(creadas).borrar()
        return None
    return Cgrupo(creadas)
