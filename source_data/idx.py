"""Lectura de archivos IDX comprimidos con gzip (formato de MNIST/Fashion-MNIST).

Formato: 4 bytes de número mágico big-endian (``0x00000803`` = 2051 para
imágenes idx3, ``0x00000801`` = 2049 para etiquetas idx1; el tercer byte 0x08
indica uint8 y el cuarto el número de dimensiones), después una dimensión
uint32 big-endian por eje y por último los datos uint8.  La cabecera ocupa 16
bytes en imágenes y 8 en etiquetas.
"""

from __future__ import annotations

import gzip
import os
import struct
import zlib
from pathlib import Path
from typing import Sequence, Union

import numpy as np

from .errores import ErrorDatos

__all__ = ["MAGICO_IMAGENES", "MAGICO_ETIQUETAS", "leer_idx_gz"]

MAGICO_IMAGENES = 2051  # idx3, uint8
MAGICO_ETIQUETAS = 2049  # idx1, uint8


def leer_idx_gz(ruta: Union[str, os.PathLike], magico: int,
                forma: Sequence[int]) -> np.ndarray:
    """Lee un ``.gz`` IDX uint8 y valida número mágico y dimensiones.

    Parámetros:
        ruta: archivo ``*-idx3-ubyte.gz`` o ``*-idx1-ubyte.gz``.
        magico: 2051 (imágenes) o 2049 (etiquetas).
        forma: dimensiones esperadas, p. ej. ``(60000, 28, 28)`` o ``(60000,)``.

    Devuelve un ``np.ndarray`` uint8 de forma ``forma`` (copia escribible).
    Lanza ``ErrorDatos`` si el contenido no es el esperado.
    """
    ruta = Path(ruta)
    forma = tuple(int(d) for d in forma)
    try:
        datos = gzip.decompress(ruta.read_bytes())
    except (OSError, EOFError, zlib.error) as e:
        raise ErrorDatos(f"No se pudo descomprimir '{ruta.name}' ({ruta}): {e}") from e
    if len(datos) < 4:
        raise ErrorDatos(f"'{ruta.name}' es demasiado corto para ser un archivo IDX.")
    encontrado = struct.unpack(">I", datos[:4])[0]
    if encontrado != magico:
        raise ErrorDatos(
            f"'{ruta.name}': número mágico IDX {encontrado}, se esperaba {magico}."
        )
    ndim = datos[3]
    cabecera = 4 + 4 * ndim
    dims = struct.unpack(f">{ndim}I", datos[4:cabecera])
    if dims != forma:
        raise ErrorDatos(
            f"'{ruta.name}': dimensiones {dims} en la cabecera IDX, "
            f"se esperaban {forma}."
        )
    n = int(np.prod(forma))
    if len(datos) != cabecera + n:
        raise ErrorDatos(
            f"'{ruta.name}': {len(datos) - cabecera} bytes de datos tras la "
            f"cabecera, se esperaban {n}."
        )
    return np.frombuffer(datos, dtype=np.uint8, offset=cabecera).reshape(forma).copy()
