"""Variables de entorno que gobiernan dónde se buscan los datos.

- ``CURSO_DL_DATOS``: carpeta con la copia verificada (estructura de
  ``shared/datasets``: ``mnist/``, ``fashion-mnist/``, ``imdb/``, ...).
- ``KERAS_HOME``: raíz de la caché de Keras (por defecto ``~/.keras``); los
  datos están en su subcarpeta ``datasets/``.
- ``CURSO_DL_CACHE``: caché propia del curso (por defecto ``~/.cache/curso_dl``):
  secuencias IMDB ya construidas y optdigits descargado.
- ``CURSO_DL_SIN_DESCARGA``: si vale ``1`` (o ``true``/``si``/``yes``) nunca se
  intenta descargar nada de internet.

Todas se leen en cada llamada (no al importar), para que los tests y los
cuadernos puedan cambiarlas sobre la marcha.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

VAR_DATOS = "CURSO_DL_DATOS"
VAR_CACHE = "CURSO_DL_CACHE"
VAR_SIN_DESCARGA = "CURSO_DL_SIN_DESCARGA"
VAR_KERAS_HOME = "KERAS_HOME"


def directorio_datos() -> Optional[Path]:
    """Carpeta de datos verificada indicada por ``CURSO_DL_DATOS``.

    Devuelve ``pathlib.Path`` (con ``~`` expandido) o ``None`` si la variable no
    está definida o está vacía.  No comprueba que la carpeta exista.
    """
    valor = os.environ.get(VAR_DATOS, "").strip()
    if not valor:
        return None
    return Path(valor).expanduser()


def directorios_keras() -> list[Path]:
    """Carpetas ``datasets/`` de la caché de Keras, en orden de preferencia.

    Igual que Keras: ``$KERAS_HOME`` si está definida, si no ``~/.keras``; si esa
    raíz no admite escritura Keras usa ``/tmp/.keras``, que se añade también.
    """
    valor = os.environ.get(VAR_KERAS_HOME, "").strip()
    if valor:
        raiz = Path(valor).expanduser()
    else:
        raiz = Path("~").expanduser() / ".keras"
    carpetas = [raiz / "datasets"]
    if raiz.exists() and not os.access(raiz, os.W_OK):
        carpetas.append(Path("/tmp/.keras/datasets"))
    return carpetas


def directorio_cache() -> Path:
    """Caché propia del curso: ``$CURSO_DL_CACHE`` o ``~/.cache/curso_dl``."""
    valor = os.environ.get(VAR_CACHE, "").strip()
    if valor:
        return Path(valor).expanduser()
    return Path("~").expanduser() / ".cache" / "curso_dl"


def descargas_desactivadas() -> bool:
    """``True`` si ``CURSO_DL_SIN_DESCARGA`` pide no usar la red."""
    valor = os.environ.get(VAR_SIN_DESCARGA, "").strip().lower()
    return valor not in ("", "0", "false", "no")
