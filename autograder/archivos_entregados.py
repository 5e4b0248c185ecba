"""Lectura segura de los archivos que el alumno entrega junto al cuaderno (`modelo.keras`, `*.json`).

The trusted side reads them once, before any student code runs: never
through a symbolic link, never a FIFO or device, never more than the stated
size. A ``.keras`` file is also checked as a zip (no bomb, only the members
Keras writes, no absolute or ``..`` names) and its ``config.json`` must name
only standard Keras classes (no ``Lambda``, no custom class, no module path
outside ``keras``) before a jailed evaluator loads it in safe mode.
"""
from __future__ import annotations

import io
import json
import os
import stat
import struct
import zipfile
from pathlib import Path

LIMITES = {".keras": 100 * 2**20, ".json": 2**20}  # bytes; anything else: LIMITE_OTROS
LIMITE_OTROS = 10 * 2**20
MIEMBROS_KERAS = {"metadata.json", "config.json", "model.weights.h5"}
LIMITE_DESCOMPRIMIDO = 400 * 2**20
# The trusted side parses these before anything else: every central-directory entry becomes an object
# and config.json becomes a JSON tree, so both are capped (a Keras file has 3 entries and a config of
# a few KB; 60 000 empty members or 9 MB of "{}," took 13 s / 40 s and gigabytes to check).
LIMITE_DIRECTORIO_ZIP = 256 * 2**10
LIMITE_CONFIG = 2**20
PROPORCION_MAXIMA = 200  # uncompressed/compressed; weights compress little, a bomb compresses a lot
CLASES_PROHIBIDAS = {"Lambda", "TFSMLayer", "__lambda__", "function"}


class ArchivoRechazado(Exception):
    """El archivo entregado no se puede usar; el mensaje (en español) explica por qué."""


def limite_de(nombre: str) -> int:
    return LIMITES.get(Path(nombre).suffix, LIMITE_OTROS)


def leer(directorio: Path | str, nombre: str) -> bytes:
    """Los bytes de `directorio/nombre`, o ArchivoRechazado (enlace simbólico, no regular, demasiado grande)."""
    if "/" in nombre or nombre in ("", ".", ".."):
        raise ArchivoRechazado(f"`{nombre}` no es un nombre de archivo válido.")
    limite = limite_de(nombre)
    try:
        fd = os.open(Path(directorio) / nombre, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise
    except OSError as exc:
        if os.path.islink(Path(directorio) / nombre):
            raise ArchivoRechazado(f"`{nombre}` es un enlace simbólico; entrega el archivo mismo, no un enlace.") from None
        raise ArchivoRechazado(f"no se pudo abrir `{nombre}` ({exc.strerror}).") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise ArchivoRechazado(f"`{nombre}` no es un archivo normal.")
    with os.fdopen(fd, "rb") as archivo:
        if info.st_size > limite:
            raise ArchivoRechazado(f"`{nombre}` ocupa {info.st_size / 2**20:.1f} MB y el máximo es "
                                   f"{limite / 2**20:g} MB.")
        datos = archivo.read(limite + 1)
    if len(datos) > limite:
        raise ArchivoRechazado(f"`{nombre}` supera el máximo de {limite / 2**20:g} MB.")
    return datos


def revisar_keras(datos: bytes, nombre: str = "modelo.keras") -> None:
    """ArchivoRechazado si `datos` no es un .keras que se pueda cargar sin riesgo."""
    if len(datos) > LIMITES[".keras"]:  # a model saved by construir_modelo() never went through `leer`
        raise ArchivoRechazado(f"`{nombre}` ocupa {len(datos) / 2**20:.1f} MB y el máximo es "
                               f"{LIMITES['.keras'] / 2**20:g} MB.")
    _revisar_directorio_zip(datos, nombre)
    try:
        with zipfile.ZipFile(io.BytesIO(datos)) as zip_:
            miembros = zip_.infolist()
            _revisar_miembros(miembros, nombre)
            config = zip_.read("config.json")
    except ArchivoRechazado:
        raise
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, RuntimeError, NotImplementedError, ValueError):
        raise ArchivoRechazado(f"`{nombre}` no es un modelo de Keras válido (un .keras es un zip con config.json); "
                               "guárdalo con `modelo.save(\"modelo.keras\")`.") from None
    try:
        _revisar_config(json.loads(config), nombre, 0)
    except (ValueError, RecursionError):
        raise ArchivoRechazado(f"el config.json de `{nombre}` no es JSON válido.") from None


def _revisar_directorio_zip(datos: bytes, nombre: str) -> None:
    """Rejects a zip whose central directory is too big before ``zipfile`` builds one object per entry."""
    fin_del_zip = getattr(zipfile, "_EndRecData", None)  # what ZipFile itself reads; absent: no early check
    try:
        registro = fin_del_zip(io.BytesIO(datos)) if fin_del_zip else None
    except (OSError, ValueError, struct.error):
        registro = None  # not a zip: ZipFile says so below
    if registro and registro[zipfile._ECD_SIZE] > LIMITE_DIRECTORIO_ZIP:
        raise ArchivoRechazado(f"`{nombre}` tiene demasiados archivos dentro; guarda el modelo con "
                               "`modelo.save(\"modelo.keras\")` y no añadas nada al archivo.")


def _revisar_miembros(miembros, nombre: str) -> None:
    total = 0
    for miembro in miembros:
        ruta = miembro.filename
        if ruta.startswith("/") or ".." in ruta.split("/") or "\\" in ruta:
            raise ArchivoRechazado(f"`{nombre}` contiene una ruta no permitida: {ruta[:80]!r}.")
        if ruta not in MIEMBROS_KERAS and not ruta.startswith("assets/"):
            raise ArchivoRechazado(f"`{nombre}` contiene un archivo inesperado ({ruta[:80]!r}); "
                                   "guarda el modelo con `modelo.save(...)` y no añadas nada al archivo.")
        if ruta in ("config.json", "metadata.json") and miembro.file_size > LIMITE_CONFIG:
            raise ArchivoRechazado(f"el {ruta} de `{nombre}` ocupa {miembro.file_size / 2**20:.1f} MB; el de un "
                                   "modelo guardado con `modelo.save(...)` ocupa unos pocos KB.")
        total += miembro.file_size
        if miembro.file_size > PROPORCION_MAXIMA * max(miembro.compress_size, 1024) or total > LIMITE_DESCOMPRIMIDO:
            raise ArchivoRechazado(f"`{nombre}` se descomprime a un tamaño desproporcionado (¿una bomba zip?).")
    if "config.json" not in {m.filename for m in miembros}:
        raise ArchivoRechazado(f"`{nombre}` no tiene config.json; guárdalo con `modelo.save(\"modelo.keras\")`.")


def _revisar_config(nodo, nombre: str, profundidad: int) -> None:
    if profundidad > 60:
        raise ArchivoRechazado(f"el config.json de `{nombre}` está demasiado anidado.")
    if isinstance(nodo, list):
        for hijo in nodo:
            _revisar_config(hijo, nombre, profundidad + 1)
        return
    if not isinstance(nodo, dict):
        return
    clase, modulo = nodo.get("class_name"), nodo.get("module")
    if isinstance(clase, str) and clase in CLASES_PROHIBIDAS:
        raise ArchivoRechazado(f"`{nombre}` usa {clase}: al calificar solo se cargan capas estándar de Keras "
                               "(sin Lambda ni capas propias).")
    if isinstance(clase, str) and modulo is not None and not (isinstance(modulo, str) and
                                                                (modulo == "keras" or modulo.startswith("keras."))):
        raise ArchivoRechazado(f"`{nombre}` usa la clase {clase} del módulo {str(modulo)[:60]!r}: al calificar solo "
                               "se cargan clases de Keras.")
    registrado = nodo.get("registered_name")
    if isinstance(clase, str) and registrado not in (None, clase) and not str(registrado).startswith("keras"):
        raise ArchivoRechazado(f"`{nombre}` usa una clase registrada por el usuario ({str(registrado)[:60]}): "
                               "al calificar solo se cargan clases de Keras.")
    for hijo in nodo.values():
        _revisar_config(hijo, nombre, profundidad + 1)
