"""Lectura restringida de pickles de la caché de Keras.

Solo se usa para formatos propios de Keras que no existen sin pickle:
``imdb.npz`` (arrays de objetos con listas) y los lotes ``cifar-10-batches-py``.
Como en ``keras.src.datasets.npz_utils``, el unpickler solo permite reconstruir
arrays de NumPy; cualquier otro global (``os.system``, ``eval``...) se rechaza.
Nunca se usa pickle para la caché propia del curso.
"""

from __future__ import annotations

import io
import pickle
import zipfile
from pathlib import Path

import numpy as np

__all__ = ["UnpicklerRestringido", "cargar_npz_seguro", "cargar_pickle_seguro"]

_PERMITIDOS = frozenset({
    ("numpy", "ndarray"),
    ("numpy", "dtype"),
    ("numpy.core.multiarray", "_reconstruct"),
    ("numpy._core.multiarray", "_reconstruct"),
})


class UnpicklerRestringido(pickle.Unpickler):
    """Unpickler que solo reconstruye arrays de NumPy."""

    def find_class(self, module, name):  # noqa: D401
        if (module, name) in _PERMITIDOS:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(
            f"Se rechaza deserializar '{module}.{name}': el archivo puede estar "
            "dañado o manipulado."
        )


def _leer_npy(fp: io.BytesIO) -> np.ndarray:
    try:
        return np.lib.format.read_array(fp, allow_pickle=False)
    except ValueError:
        fp.seek(0)
        version = np.lib.format.read_magic(fp)
        if version[0] == 1:
            np.lib.format.read_array_header_1_0(fp)
        elif version[0] in (2, 3):
            np.lib.format.read_array_header_2_0(fp)
        else:
            raise ValueError(f"Versión .npy no soportada: {version}")
        return UnpicklerRestringido(fp).load()


def cargar_npz_seguro(ruta: Path) -> dict[str, np.ndarray]:
    """Lee todos los arrays de un ``.npz`` (admite arrays de objetos, sin riesgo)."""
    arrays = {}
    with zipfile.ZipFile(ruta) as z:
        for miembro in z.namelist():
            if miembro.endswith(".npy"):
                with z.open(miembro) as f:
                    arrays[miembro[:-4]] = _leer_npy(io.BytesIO(f.read()))
    return arrays


def cargar_pickle_seguro(ruta: Path):
    """Lee un pickle (p. ej. un lote de CIFAR-10 de Python 2) con claves en bytes."""
    with open(ruta, "rb") as f:
        return UnpicklerRestringido(f, encoding="bytes").load()
