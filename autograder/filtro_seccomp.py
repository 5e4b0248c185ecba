"""El filtro seccomp de la jaula: llamadas al sistema que el código del alumno no necesita.

A deny-list compiled with libseccomp (through ``pyseccomp``) into the BPF
program that bubblewrap loads with ``--seccomp FD`` right before it runs the
worker. Namespaces already hide the host; this filter removes the kernel
surface that could reach across them (ptrace, other processes' memory, new
namespaces or mounts, keyrings, eBPF, io_uring) and every socket family but
AF_UNIX.
"""
from __future__ import annotations

import errno
import functools
import tempfile

PROHIBIDAS = (
    "ptrace", "process_vm_readv", "process_vm_writev", "pidfd_getfd", "kcmp",
    "mount", "umount2", "pivot_root", "chroot", "move_mount", "open_tree", "fsopen", "fsconfig", "fsmount",
    "fspick", "mount_setattr", "unshare", "setns",
    "keyctl", "add_key", "request_key", "bpf", "perf_event_open", "userfaultfd",
    "io_uring_setup", "io_uring_enter", "io_uring_register",
    "kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module", "reboot",
    "swapon", "swapoff", "acct", "quotactl", "syslog", "iopl", "ioperm",
    "open_by_handle_at", "name_to_handle_at", "settimeofday", "clock_settime", "adjtimex", "vhangup",
)
# clone() flags that create namespaces; clone3 passes its flags in memory, so it is refused with ENOSYS
# and the C library falls back to clone(), whose flags the filter can see.
BANDERAS_ESPACIOS = (0x00020000, 0x02000000, 0x04000000, 0x08000000, 0x10000000, 0x20000000, 0x40000000)
AF_UNIX = 1
CLONE_THREAD = 0x00010000


@functools.lru_cache(maxsize=2)
def programa_bpf(sin_procesos: bool = False) -> bytes:
    """El filtro compilado (se construye una vez por proceso).

    ``sin_procesos`` also refuses new processes (threads are still allowed): the Landlock
    fallback has no pid namespace, so nothing may be started that could outlive the grading.
    """
    import pyseccomp as sc

    filtro = sc.SyscallFilter(defaction=sc.ALLOW)
    for llamada in PROHIBIDAS:
        try:
            filtro.add_rule(sc.ERRNO(errno.EPERM), llamada)
        except (RuntimeError, ValueError, OSError):  # a syscall this architecture does not have
            continue
    filtro.add_rule(sc.ERRNO(errno.ENOSYS), "clone3")
    for bandera in BANDERAS_ESPACIOS:
        filtro.add_rule(sc.ERRNO(errno.EPERM), "clone", sc.Arg(0, sc.MASKED_EQ, bandera, bandera))
    filtro.add_rule(sc.ERRNO(errno.EAFNOSUPPORT), "socket", sc.Arg(0, sc.NE, AF_UNIX))
    if sin_procesos:
        for llamada in ("fork", "vfork"):
            filtro.add_rule(sc.ERRNO(errno.EPERM), llamada)
        filtro.add_rule(sc.ERRNO(errno.EPERM), "clone", sc.Arg(0, sc.MASKED_EQ, CLONE_THREAD, 0))
    with tempfile.TemporaryFile() as archivo:
        filtro.export_bpf(archivo)
        archivo.seek(0)
        return archivo.read()
