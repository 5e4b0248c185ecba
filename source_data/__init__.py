"""Datos del curso: manifiesto, verificación sha256 y cargadores sin conexión.

Uso típico::

    import source_data as sd
    (x_train, y_train), (x_test, y_test) = sd.cargar_mnist()

Los cargadores devuelven lo mismo que ``keras.datasets.<nombre>.load_data()``
y buscan cada archivo en este orden: ``$CURSO_DL_DATOS`` (copia verificada con
la estructura de ``shared/datasets``), la caché de Keras y la descarga oficial
(desactivable con ``CURSO_DL_SIN_DESCARGA=1``).  Ver ``MANIFEST.md``.

Al importar este paquete solo se importa NumPy (nunca Keras ni TensorFlow).
"""

from .cargadores import (cargar_cifar10, cargar_fashion_mnist, cargar_imdb,
                         cargar_mnist, cargar_optdigits, indice_palabras_imdb,
                         origen_cifar10)
from . import cargadores
from .config import directorio_datos
from .errores import ErrorDatos
from .imdb import tokenizar_imdb
from .manifiesto import ARCHIVOS, ArchivoDatos
from .verificacion import verificar_archivo

__all__ = [
    "directorio_datos",
    *cargadores.__all__,
    "tokenizar_imdb",
    "verificar_archivo",
    "ErrorDatos",
    "ARCHIVOS",
    "ArchivoDatos",
]
