"""Caché de calificaciones de una clase: un JSON por entrega en ``CURSO/.cache_calificaciones/``.

``python -m autograder lote`` (``autograder/lote.py``) writes one file per graded submission;
``CalificacionAislada`` (``nbgrader autograde``) reads it and skips the engine when the key matches.

The key (``clave``) is a sha256 over, length-prefixed so that no two inputs can collide:

- every file of the submission directory ``CURSO/submitted/<alumno>/<tarea>/`` (relative path and
  bytes, in sorted order; a link counts by its target text, never followed);
- the grader version: a sha256 of every file under ``autograder/`` and ``solutions/`` (cases,
  engine, jail, reference solutions and models) and of the task's own case files, computed once
  per process;
- the task id and the student id;
- what the engine is actually given (``huella_calificado``): the cells it runs, taken from the
  notebook *after* ``SaneamientoEntrega`` rebuilt it from the gradebook, and the declared
  artifacts as the jail receives them. So a regenerated assignment (other locked cells, other
  gradebook) or a file that autograde overwrites from ``source/`` never reuses an old result.

A file is used only if it is named after the key *and* records that same key inside; anything
else (another version, other files, an edited or renamed file, broken JSON) is a miss and the
submission is graded again. Files are written only by the trusted side, atomically (a temporary
file in the same folder, then ``os.replace``). To force a regrade, delete the folder.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import threading
from pathlib import Path

from .cuaderno import celdas_del_alumno

CARPETA = ".cache_calificaciones"
FORMATO = "curso_dl/cache_calificaciones/1"
RAIZ_REPOSITORIO = Path(__file__).resolve().parents[1]
FUENTES_DEL_CALIFICADOR = ("autograder", "solutions")


class _Suma:
    """sha256 over length-prefixed fields: ("ab", "c") and ("a", "bc") give different sums."""

    def __init__(self):
        self._h = hashlib.sha256(FORMATO.encode())

    def campo(self, dato: bytes | str) -> "_Suma":
        dato = dato.encode("utf-8", "surrogateescape") if isinstance(dato, str) else bytes(dato)
        self._h.update(len(dato).to_bytes(8, "big"))
        self._h.update(dato)
        return self

    def archivo(self, ruta: Path) -> "_Suma":
        self._h.update(b"\x00archivo")
        with open(ruta, "rb") as archivo:
            tamano = os.fstat(archivo.fileno()).st_size
            self._h.update(tamano.to_bytes(8, "big"))
            for bloque in iter(lambda: archivo.read(1 << 20), b""):
                self._h.update(bloque)
        return self

    def hex(self) -> str:
        return self._h.hexdigest()


def _sumar_carpeta(suma: _Suma, carpeta: Path, omitir_cache_python: bool = False) -> None:
    """Every entry under ``carpeta`` in sorted order: relative path and bytes (a link: its target text)."""
    carpeta = Path(carpeta)
    entradas = []
    for actual, subcarpetas, archivos in os.walk(carpeta):  # os.walk does not follow links to folders
        if omitir_cache_python:
            subcarpetas[:] = [s for s in subcarpetas if s != "__pycache__"]
        for nombre in archivos + [s for s in subcarpetas if os.path.islink(os.path.join(actual, s))]:
            if omitir_cache_python and nombre.endswith(".pyc"):
                continue
            entradas.append(os.path.relpath(os.path.join(actual, nombre), carpeta))
    for relativa in sorted(entradas):
        ruta = carpeta / relativa
        suma.campo(relativa.replace(os.sep, "/"))
        if ruta.is_symlink() or not ruta.is_file():
            suma.campo("enlace:" + (os.readlink(ruta) if ruta.is_symlink() else "especial"))
        else:
            suma.archivo(ruta)


@functools.lru_cache(maxsize=None)
def _version_base() -> str:
    suma = _Suma()
    for nombre in FUENTES_DEL_CALIFICADOR:
        suma.campo(nombre)
        _sumar_carpeta(suma, RAIZ_REPOSITORIO / nombre, omitir_cache_python=True)
    return suma.hex()


def version_calificador(tarea) -> str:
    """The grader version for ``tarea``: its case files on top of all of ``autograder/`` and ``solutions/``."""
    return _version_de_tarea(tarea.id, tarea.paquete)


@functools.lru_cache(maxsize=None)
def _version_de_tarea(tarea_id: str, paquete: str) -> str:
    suma = _Suma().campo(_version_base()).campo(tarea_id).campo(paquete)
    _sumar_carpeta(suma, RAIZ_REPOSITORIO / "autograder" / "calificadores" / paquete, omitir_cache_python=True)
    return suma.hex()


def huella_calificado(nb, tarea, directorio_entrega: Path | None) -> str:
    """What the engine is given: the cells it runs (``celdas_del_alumno``) and the artifacts the jail gets."""
    from .motor import artefactos_entregados

    suma = _Suma().campo(json.dumps(celdas_del_alumno(nb), ensure_ascii=False, sort_keys=True))
    for nombre, contenido in sorted(artefactos_entregados(tarea, directorio_entrega).items()):
        suma.campo(nombre).campo(contenido)
    return suma.hex()


def clave(directorio_enviado: Path, tarea, alumno_id: str, huella: str) -> str:
    """The cache key of one submission (see the module docstring)."""
    directorio_enviado = Path(directorio_enviado)
    if not directorio_enviado.is_dir():
        raise FileNotFoundError(f"no existe la entrega {directorio_enviado}")
    suma = _Suma().campo(version_calificador(tarea)).campo(tarea.id).campo(alumno_id).campo(huella)
    _sumar_carpeta(suma, directorio_enviado)
    return suma.hex()


def a_json_completo(resultado) -> dict:
    """``resultado.a_json()`` plus what ``ResultadoCalificacion.desde_json`` needs to rebuild it whole."""
    datos = resultado.a_json()
    for prueba, caso in zip(datos["pruebas"], resultado.casos):
        prueba.update(ejercicio=caso.ejercicio, oculta=caso.oculta)
    datos.update(alumno=resultado.alumno, segundos=resultado.segundos,
                 aislado=bool(getattr(resultado, "aislado", True)),
                 salidas_celdas=[dict(s) for s in resultado.salidas_celdas])
    return datos


class CacheCalificaciones:
    """The cache folder of one course; counts its hits (``aciertos``) and misses (``faltas``)."""

    def __init__(self, curso: Path | str):
        self.carpeta = Path(curso) / CARPETA
        self.aciertos = 0
        self.faltas = 0
        self._cerrojo = threading.Lock()

    def ruta(self, clave_: str) -> Path:
        if len(clave_) != 64 or any(c not in "0123456789abcdef" for c in clave_):
            raise ValueError(f"clave de caché no válida: {clave_!r}")
        return self.carpeta / f"{clave_}.json"

    def leer(self, clave_: str) -> dict | None:
        """The cached JSON for this key, or None (missing, unreadable, or recorded under another key)."""
        try:
            datos = json.loads(self.ruta(clave_).read_text(encoding="utf-8"))
            valido = isinstance(datos, dict) and datos.get("clave") == clave_ and isinstance(datos.get("resultado"), dict)
        except (OSError, ValueError):
            datos, valido = None, False
        with self._cerrojo:
            if valido:
                self.aciertos += 1
            else:
                self.faltas += 1
        return datos["resultado"] if valido else None

    def escribir(self, clave_: str, resultado: dict) -> Path:
        """Saves ``resultado`` (a JSON dict) under ``clave_``: a temporary file, then an atomic rename."""
        destino = self.ruta(clave_)
        self.carpeta.mkdir(parents=True, exist_ok=True)
        temporal = self.carpeta / f".{clave_}.{os.getpid()}.{threading.get_ident()}.tmp"
        try:
            with open(temporal, "w", encoding="utf-8") as archivo:
                json.dump({"clave": clave_, "resultado": resultado}, archivo, ensure_ascii=False)
                archivo.flush()
                os.fsync(archivo.fileno())
            os.replace(temporal, destino)
        finally:
            temporal.unlink(missing_ok=True)
        return destino
