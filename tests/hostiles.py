"""Piezas del corpus hostil (``tests/test_hostil.py``): entregas que atacan la calificación y cómo observarlas.

Every attack runs through the real grading path (``autograder.motor.calificar_cuaderno`` in the
kernel's jail, as ``python -m autograder calificar`` does). Most of them first switch off the
worker's audit hook (``APAGAR_GANCHO``, the trick of issue 8), so what is tested is the jail, not
the hook, which is only a second layer.
"""
from __future__ import annotations

import copy
import hashlib
import json
import os
import queue
import subprocess
import threading
import time
import uuid
from pathlib import Path

from autograder.cuaderno import Nodo, metadatos_nbgrader
from autograder.motor import calificar_cuaderno

RAIZ = Path(__file__).resolve().parents[1]

# The start of a hostile cell: empties the worker's forbidden-event sets (found through
# sys.modules["__main__"]) and the closure lists of the hook (found through gc), then proves the
# hook is off by loading libc with ctypes, which the hook refuses.
APAGAR_GANCHO = '''
import gc as _gc, sys as _sys
_t = _sys.modules["__main__"]
for _n in ("_EVENTOS_PROHIBIDOS", "_EVENTOS_ESCRITURA"):
    getattr(_t, _n).clear()
for _f in _gc.get_objects():
    if type(_f).__name__ == "function" and _f.__name__ in ("gancho", "verificar") and _f.__closure__:
        for _libre, _c in zip(_f.__code__.co_freevars, _f.__closure__):
            if _libre == "escritura_ok":
                _c.cell_contents[:] = ["/"]
            elif _libre == "prohibidos":
                _c.cell_contents.clear()
import ctypes as _ctypes
_ctypes.CDLL(None)  # raises PermissionError while the hook is still on
'''

# Writes one raw frame of the channel (u64 length + body) into the worker's own reply pipe.
ESCRIBIR_EN_EL_CANAL = '''
import os as _os, struct as _struct, sys as _sys
_FD = int(_sys.argv[2])
def _escribir(datos):
    vista = memoryview(datos)
    while vista:
        vista = vista[_os.write(_FD, vista):]
def _cuerpo(cabecera, blob=b""):
    return _struct.pack("<I", len(cabecera)) + cabecera + blob
def _marco(cuerpo):
    return _struct.pack("<Q", len(cuerpo)) + cuerpo
'''


def marca_unica(prefijo: str = "marca-hostil") -> str:
    return f"{prefijo}-{uuid.uuid4().hex[:12]}"


def celda_nueva(codigo: str) -> Nodo:
    return Nodo({"cell_type": "code", "source": codigo, "metadata": Nodo({}), "outputs": [],
                 "execution_count": None})


def con_celda_extra(nb, codigo: str, posicion: int = 2):
    """Copia del cuaderno con una celda de código nueva (sin metadatos de nbgrader) en `posicion`."""
    nuevo = copy.deepcopy(nb)
    nuevo.cells.insert(posicion, celda_nueva(codigo))
    return nuevo


def con_celdas(nb, **fuentes):
    """Copia del cuaderno con las celdas `grade_id=fuente` sustituidas."""
    nuevo = copy.deepcopy(nb)
    for celda in nuevo.cells:
        grade_id = metadatos_nbgrader(celda).get("grade_id")
        if grade_id in fuentes:
            celda["source"] = fuentes.pop(grade_id)
    assert not fuentes, f"celdas que no existen: {list(fuentes)}"
    return nuevo


class Calificacion:
    """Lo que dejó una calificación hostil: el resultado, su duración y todo su texto visible."""

    def __init__(self, resultado, segundos: float):
        self.resultado = resultado
        self.segundos = segundos

    @property
    def puntaje(self) -> float:
        return self.resultado.puntaje

    def ejercicio(self, nombre: str) -> float:
        return self.resultado.puntaje_ejercicio(nombre)

    def por_ejercicio(self) -> dict:
        ejercicios = dict.fromkeys(c.ejercicio for c in self.resultado.casos)
        return {e: self.resultado.puntaje_ejercicio(e) for e in ejercicios}

    def salida(self, indice: int | None = None) -> str:
        """Lo que imprimieron las celdas (todas, o la de índice `indice`), con sus errores."""
        partes = []
        for s in self.resultado.salidas_celdas:
            if indice is None or s["indice"] == indice:
                partes.append(s["salida"] + "\n" + (s["error"] or ""))
        return "\n".join(partes)

    def texto(self) -> str:
        """Todo lo que el alumno o nbgrader podrían llegar a ver: mensajes de los casos y salidas de celdas."""
        return json.dumps(self.resultado.a_json(), ensure_ascii=False) + "\n" + self.salida()

    def mensajes(self, ejercicio: str) -> str:
        return "\n".join(c.mensaje for c in self.resultado.del_ejercicio(ejercicio))


class _Ejecutor:
    """One long-lived thread that runs gradings one after another.

    bwrap's --die-with-parent is a parent-death signal, which Linux sends when the *thread* that
    started the process ends. A thread per grading would kill every jail it started when it ends,
    and hide a jail that ``cerrar`` failed to kill; this thread outlives the gradings.
    """

    def __init__(self):
        self.ordenes: queue.Queue = queue.Queue()
        self.ocupado = False
        threading.Thread(target=self._bucle, daemon=True, name="calificaciones-hostiles").start()

    def _bucle(self):
        while True:
            funcion, respuesta = self.ordenes.get()
            try:
                respuesta.put((True, funcion()))
            except BaseException as exc:  # noqa: BLE001 - re-raised in the test's thread
                respuesta.put((False, exc))


_EJECUTOR: _Ejecutor | None = None


def _ejecutar_con_plazo(funcion, plazo: float):
    global _EJECUTOR
    if _EJECUTOR is None or _EJECUTOR.ocupado:  # a hung grading keeps its thread: use a new one
        _EJECUTOR = _Ejecutor()
    ejecutor, respuesta = _EJECUTOR, queue.Queue()
    ejecutor.ocupado = True
    ejecutor.ordenes.put((funcion, respuesta))
    try:
        correcto, valor = respuesta.get(timeout=plazo)
    except queue.Empty:
        raise AssertionError(f"la calificación no terminó en {plazo:g} s: se colgó") from None
    ejecutor.ocupado = False
    if not correcto:
        raise valor
    return valor


def calificar_con_plazo(nb, tarea, alumno: str = "hostil", directorio=None, plazo: float = 120.0,
                        **opciones) -> Calificacion:
    """``calificar_cuaderno`` (con la jaula) vigilado: si no termina en `plazo` s, la prueba falla.

    A crash is re-raised as it is: the engine must always produce a score.
    """
    inicio = time.monotonic()
    resultado = _ejecutar_con_plazo(lambda: calificar_cuaderno(nb, tarea, alumno, directorio, **opciones), plazo)
    assert resultado.aislado is opciones.get("aislar", True), "la calificación no usó la jaula"
    return Calificacion(resultado, time.monotonic() - inicio)


def procesos(filtro) -> list[str]:
    """Líneas `pid uid args` de `ps` que cumplen `filtro(uid, args)` (sin contar este `ps`)."""
    salida = subprocess.run(["ps", "-eo", "pid=,uid=,args="], capture_output=True, text=True, check=True).stdout
    lineas = []
    for linea in salida.splitlines():
        partes = linea.split(None, 2)
        if len(partes) >= 2 and filtro(int(partes[1]), partes[2] if len(partes) > 2 else ""):
            lineas.append(linea.strip())
    return lineas


def procesos_con(marca: str) -> list[str]:
    return procesos(lambda uid, args: marca in args and "ps -eo" not in args)


def procesos_del_uid(uid: int) -> list[str]:
    """Processes of that uid, except the warm server (``caliente.py``), which shares it and outlives each grading."""
    return procesos(lambda u, args: u == uid and "/trabajador/cigoto.py" not in args)


def esperar_sin_procesos(buscar, segundos: float = 5.0) -> list[str]:
    """Los procesos que `buscar()` sigue encontrando tras esperar hasta `segundos` (el núcleo reparte SIGKILL)."""
    fin = time.monotonic() + segundos
    while True:
        vivos = buscar()
        if not vivos or time.monotonic() > fin:
            return vivos
        time.sleep(0.1)


def huella(directorio: Path) -> str:
    """Resumen del contenido de un árbol de archivos (nombres, modos y bytes)."""
    resumen = hashlib.sha256()
    for ruta in sorted(Path(directorio).rglob("*")):
        if "__pycache__" in ruta.parts:
            continue
        info = ruta.lstat()
        resumen.update(f"{ruta.relative_to(directorio)}|{info.st_mode:o}".encode())
        if ruta.is_file() and not ruta.is_symlink():
            resumen.update(ruta.read_bytes())
    return resumen.hexdigest()


def uid_impreso(texto: str) -> int:
    """El uid que una celda imprimió como `uid=NNN`."""
    for palabra in texto.split():
        if palabra.startswith("uid="):
            return int(palabra[4:])
    raise AssertionError(f"la celda no imprimió su uid: {texto[:300]!r}")


def linea_distintiva(ruta: Path) -> str:
    """Una línea larga y única de un archivo oculto, para buscarla en lo que vio el alumno."""
    lineas = [l.strip() for l in Path(ruta).read_text(encoding="utf-8").splitlines()]
    candidatas = [l for l in lineas if len(l) > 40 and lineas.count(l) == 1 and not l.startswith(("#", '"""'))]
    assert candidatas, ruta
    return max(candidatas, key=len)


def entorno_nbgrader() -> dict:
    import sys

    return {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
            "PYTHONPATH": str(RAIZ)}
