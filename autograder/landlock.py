"""Landlock y seccomp aplicados por el propio trabajador, antes de ejecutar nada del alumno.

The fallback jail for machines where bubblewrap cannot create namespaces. The
worker (trusted code at that point) calls ``restringir`` on itself; both
restrictions are enforced by the kernel, cannot be undone and are inherited:

- Landlock: read-only access to the listed paths, read-write to the scratch
  directory, nothing else; no TCP (ABI ≥ 4); no signals to, or abstract
  sockets of, processes outside the domain (ABI ≥ 6). Ptrace across the
  domain boundary (and so ``/proc/<pid>/mem`` or ``environ`` of the grader)
  is always refused.
- seccomp: the BPF program built by ``filtro_seccomp.programa_bpf(sin_procesos=True)``.

Standard library only (ctypes): this file runs inside the worker.
"""
from __future__ import annotations

import ctypes
import os
import struct

SYS_CREATE_RULESET, SYS_ADD_RULE, SYS_RESTRICT_SELF = 444, 445, 446  # same numbers on x86_64 and aarch64
CREATE_RULESET_VERSION = 1
RULE_PATH_BENEATH = 1
PR_SET_NO_NEW_PRIVS, PR_SET_SECCOMP, SECCOMP_MODE_FILTER = 38, 22, 2

EXECUTE, WRITE_FILE, READ_FILE, READ_DIR = 1 << 0, 1 << 1, 1 << 2, 1 << 3
TODO_ABI1 = (1 << 13) - 1
REFER, TRUNCATE, IOCTL_DEV = 1 << 13, 1 << 14, 1 << 15
SOLO_ARCHIVOS = EXECUTE | WRITE_FILE | READ_FILE | TRUNCATE | IOCTL_DEV
LECTURA = EXECUTE | READ_FILE | READ_DIR
NET_BIND_TCP, NET_CONNECT_TCP = 1 << 0, 1 << 1
SCOPE_ABSTRACT_UNIX, SCOPE_SIGNAL = 1 << 0, 1 << 1

_libc = ctypes.CDLL(None, use_errno=True)
_libc.syscall.restype = ctypes.c_long


def _llamar(*argumentos) -> int:
    resultado = _libc.syscall(*argumentos)
    if resultado < 0:
        error = ctypes.get_errno()
        raise OSError(error, os.strerror(error))
    return resultado


def version_abi() -> int:
    """0 if the kernel has no Landlock (or it is disabled)."""
    try:
        return _llamar(SYS_CREATE_RULESET, None, ctypes.c_size_t(0), CREATE_RULESET_VERSION)
    except OSError:
        return 0


def _derechos_fs(abi: int) -> int:
    return TODO_ABI1 | (REFER if abi >= 2 else 0) | (TRUNCATE if abi >= 3 else 0) | (IOCTL_DEV if abi >= 5 else 0)


def restringir(lectura: list, escritura: list, programa_seccomp: bytes | None) -> int:
    """Apply Landlock (and seccomp) to this process; returns the Landlock ABI used."""
    abi = version_abi()
    if abi < 1:
        raise OSError("Landlock no está disponible en este núcleo")
    fs = _derechos_fs(abi)
    red = NET_BIND_TCP | NET_CONNECT_TCP if abi >= 4 else 0
    alcance = SCOPE_ABSTRACT_UNIX | SCOPE_SIGNAL if abi >= 6 else 0
    atributos = struct.pack("<QQQ", fs, red, alcance)
    tamano = 8 if abi < 4 else (16 if abi < 6 else 24)
    conjunto = _llamar(SYS_CREATE_RULESET, ctypes.c_char_p(atributos), ctypes.c_size_t(tamano), 0)
    try:
        for rutas, derechos in ((lectura, LECTURA), (escritura, fs)):
            for ruta in rutas:
                _permitir(conjunto, ruta, derechos & fs)
        _libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
        _llamar(SYS_RESTRICT_SELF, conjunto, 0)
    finally:
        os.close(conjunto)
    if programa_seccomp:
        _cargar_seccomp(programa_seccomp)
    return abi


def _permitir(conjunto: int, ruta: str, derechos: int) -> None:
    try:
        fd = os.open(ruta, os.O_PATH | os.O_CLOEXEC)
    except OSError:
        return  # a path this machine does not have
    try:
        if not os.path.isdir(ruta):
            derechos &= SOLO_ARCHIVOS
        regla = struct.pack("<Qi", derechos, fd)  # struct landlock_path_beneath_attr is packed
        _llamar(SYS_ADD_RULE, conjunto, RULE_PATH_BENEATH, ctypes.c_char_p(regla), 0)
    finally:
        os.close(fd)


def _cargar_seccomp(programa: bytes) -> None:
    instrucciones = ctypes.create_string_buffer(programa, len(programa))

    class SockFprog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    fprog = SockFprog(len(programa) // 8, ctypes.cast(instrucciones, ctypes.c_void_p))
    if _libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) != 0:
        error = ctypes.get_errno()
        raise OSError(error, "no se pudo cargar el filtro seccomp: " + os.strerror(error))
