"""Verificación sha256 de archivos de datos.

El hash se calcula leyendo por bloques (no se carga el archivo entero en
memoria).  Las verificaciones correctas se recuerdan durante el proceso por
(ruta, tamaño, mtime), así que cargar dos veces el mismo conjunto no vuelve a
calcular el hash; si el archivo cambia (tamaño o fecha) se recalcula.
"""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path
from typing import Optional, Union

from .errores import ErrorDatos

__all__ = ["sha256_archivo", "verificar_archivo", "olvidar_verificaciones"]

_BLOQUE = 1 << 20  # 1 MiB
_verificados: set[tuple[str, int, int, str]] = set()
_cerrojo = threading.Lock()

COMO_VERIFICAR = (
    "desde la carpeta que contiene datasets/, ejecuta "
    "`sha256sum -c datasets/SHA256SUMS`"
)


def sha256_archivo(ruta: Union[str, os.PathLike]) -> str:
    """sha256 (hex, minúsculas) del archivo ``ruta``, leído en bloques de 1 MiB."""
    h = hashlib.sha256()
    with open(ruta, "rb") as f:
        while True:
            bloque = f.read(_BLOQUE)
            if not bloque:
                break
            h.update(bloque)
    return h.hexdigest()


def _clave(ruta: Path, sha: str) -> tuple[str, int, int, str]:
    st = ruta.stat()
    return (str(ruta.resolve()), st.st_size, st.st_mtime_ns, sha)


def mensaje_suma_incorrecta(ruta: Path, esperado: str, encontrado: str,
                            origen: Optional[str] = None) -> str:
    """Texto en español para un archivo cuyo sha256 no coincide."""
    lineas = [
        f"El archivo de datos '{ruta.name}' está dañado o no es la versión "
        f"verificada: su sha256 no coincide.",
        f"  archivo:           {ruta}",
        f"  sha256 esperado:   {esperado}",
        f"  sha256 encontrado: {encontrado}",
        "No se usa ninguna otra copia en su lugar: hay que arreglar esta.",
        "Cómo arreglarlo:",
        "  - borra ese archivo y descárgalo de nuevo"
        + (f" (origen oficial: {origen})" if origen else "") + ", o",
        "  - apunta CURSO_DL_DATOS a una copia verificada de los datos "
        "(export CURSO_DL_DATOS=/ruta/a/datasets) y compruébala: "
        + COMO_VERIFICAR + ".",
    ]
    return "\n".join(lineas)


def verificar_archivo(ruta: Union[str, os.PathLike], sha256_esperado: str,
                      *, origen: Optional[str] = None) -> Path:
    """Comprueba que el sha256 de ``ruta`` es ``sha256_esperado``.

    Parámetros:
        ruta: archivo a comprobar.
        sha256_esperado: 64 caracteres hexadecimales.
        origen: (opcional) URL oficial, para el mensaje de error.

    Devuelve la ruta como ``pathlib.Path`` si coincide.  Lanza ``ErrorDatos``
    si el archivo no existe o si el hash no coincide (el mensaje nombra el
    archivo, el hash esperado, el encontrado y cómo arreglarlo).
    """
    ruta = Path(ruta)
    esperado = sha256_esperado.strip().lower()
    if not ruta.is_file():
        raise ErrorDatos(
            f"No existe el archivo de datos '{ruta.name}' ({ruta}); "
            f"sha256 esperado: {esperado}. Apunta CURSO_DL_DATOS a una copia "
            f"verificada de los datos (export CURSO_DL_DATOS=/ruta/a/datasets)."
        )
    clave = _clave(ruta, esperado)
    with _cerrojo:
        if clave in _verificados:
            return ruta
    encontrado = sha256_archivo(ruta)
    if encontrado != esperado:
        raise ErrorDatos(mensaje_suma_incorrecta(ruta, esperado, encontrado, origen))
    with _cerrojo:
        _verificados.add(clave)
    return ruta


def olvidar_verificaciones() -> None:
    """Vacía la memoria de verificaciones (útil en tests)."""
    with _cerrojo:
        _verificados.clear()
