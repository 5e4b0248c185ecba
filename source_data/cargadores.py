"""Cargadores públicos de los conjuntos de datos del curso.

Orden de búsqueda de cada archivo (el primero que exista gana):

1. ``$CURSO_DL_DATOS/<subcarpeta>/<archivo>`` (estructura de
   ``shared/datasets``), verificado con sha256.
2. La caché de Keras (``$KERAS_HOME/datasets`` o ``~/.keras/datasets``) —
   para optdigits, la caché del curso ``$CURSO_DL_CACHE/optdigits/``.
3. La descarga oficial (``keras.datasets.<nombre>.load_data()``, o la web de
   UCI para optdigits), salvo con ``CURSO_DL_SIN_DESCARGA=1``.

Un sha256 que no coincide lanza ``ErrorDatos`` en el acto (nunca se pasa en
silencio a la siguiente opción).  Si nada funciona, ``ErrorDatos`` dice qué
archivo falta, su sha256, dónde se buscó y cómo arreglarlo.

Keras/TensorFlow solo se importan dentro de la descarga (paso 3), nunca al
importar este módulo.
"""

from __future__ import annotations

import json
import os
import tempfile
import urllib.error
import urllib.request
from pathlib import Path
from typing import Optional, Sequence

import numpy as np

from . import config
from . import imdb as _imdb
from .errores import ErrorDatos
from .idx import MAGICO_ETIQUETAS, MAGICO_IMAGENES, leer_idx_gz
from .manifiesto import (ARCHIVOS, CONJUNTOS, KERAS_CIFAR10_TAR,
                         KERAS_FASHION_MNIST, KERAS_IMDB_INDICE,
                         KERAS_IMDB_NPZ, KERAS_MNIST_NPZ, OPTDIGITS_URL_BASE,
                         ArchivoDatos)
from .pickle_seguro import cargar_npz_seguro, cargar_pickle_seguro
from .verificacion import COMO_VERIFICAR, verificar_archivo

__all__ = [
    "cargar_mnist",
    "cargar_fashion_mnist",
    "cargar_optdigits",
    "cargar_cifar10",
    "origen_cifar10",
    "cargar_imdb",
    "indice_palabras_imdb",
]



# --------------------------------------------------------------------------
# Búsqueda genérica
# --------------------------------------------------------------------------

class _Busqueda:
    """Lleva la cuenta de los archivos buscados y de los lugares consultados."""

    def __init__(self, conjunto: str):
        self.conjunto = conjunto
        self.archivos: list[ArchivoDatos] = []
        self.lugares: list[str] = []

    def buscar(self, etiqueta: str, carpeta: Optional[Path],
               archivos: Sequence[ArchivoDatos],
               rutas: Optional[Sequence[str]] = None) -> Optional[list[Path]]:
        """Busca ``archivos`` en ``carpeta``; verifica los que existan.

        Devuelve la lista de rutas si están todos (y todos verifican), ``None``
        si falta alguno.  Un sha256 incorrecto lanza ``ErrorDatos``.
        """
        for a in archivos:
            if a not in self.archivos:
                self.archivos.append(a)
        if carpeta is None:
            self.lugares.append(f"{etiqueta}: no definida")
            return None
        rutas = list(rutas) if rutas is not None else [a.ruta for a in archivos]
        candidatos = [carpeta.joinpath(*r.split("/")) for r in rutas]
        presentes = [(p, a) for p, a in zip(candidatos, archivos) if p.is_file()]
        for p, a in presentes:  # verificar primero: un archivo dañado es un error
            verificar_archivo(p, a.sha256, origen=a.origen)
        faltan = [p for p in candidatos if not p.is_file()]
        if faltan:
            if not carpeta.is_dir():
                detalle = f"la carpeta {carpeta} no existe"
            else:
                detalle = "no existe " + ", ".join(str(p) for p in faltan)
            self.lugares.append(f"{etiqueta}: {detalle}")
            return None
        return candidatos

    def anotar(self, texto: str) -> None:
        self.lugares.append(texto)

    def error(self, motivo_descarga: Optional[str] = None) -> ErrorDatos:
        """``ErrorDatos`` de "no encontrado" con todo lo consultado."""
        if motivo_descarga is None:
            if config.descargas_desactivadas():
                motivo_descarga = (f"descarga oficial: desactivada "
                                   f"({config.VAR_SIN_DESCARGA}=1)")
            else:
                motivo_descarga = "descarga oficial: no disponible"
        faltan = "\n".join(
            f"  - {a.nombre}  (sha256 {a.sha256}; origen {a.origen})"
            for a in self.archivos)
        lugares = "\n".join(
            f"  {i}. {l}" for i, l in enumerate(self.lugares + [motivo_descarga], 1))
        return ErrorDatos(
            f"No se encontraron los datos de {self.conjunto}. Archivos buscados:\n"
            f"{faltan}\n"
            f"Lugares consultados:\n{lugares}\n"
            "Cómo arreglarlo:\n"
            f"  - define {config.VAR_DATOS}=/ruta/a/datasets (la carpeta con "
            "mnist/, fashion-mnist/, imdb/, cifar10/, optdigits/) y compruébala: "
            f"{COMO_VERIFICAR}; o\n"
            "  - conéctate a internet (y no definas "
            f"{config.VAR_SIN_DESCARGA}) para descargar los datos oficiales."
        )


def _etiqueta_datos() -> tuple[str, Optional[Path]]:
    base = config.directorio_datos()
    return f"${config.VAR_DATOS}" + (f"={base}" if base else ""), base


def _descargar_con_keras(busqueda: _Busqueda, nombre_modulo: str, **kwargs):
    """Paso 3 con Keras (import perezoso).  Lanza el "no encontrado" si falla."""
    if config.descargas_desactivadas():
        raise busqueda.error()
    try:
        import importlib
        modulo = importlib.import_module(f"keras.datasets.{nombre_modulo}")
        return modulo.load_data(**kwargs)
    except Exception as e:  # sin red, sin Keras, descarga dañada...
        raise busqueda.error(
            f"descarga oficial con keras.datasets.{nombre_modulo}.load_data(): "
            f"falló ({type(e).__name__}: {e})") from e


# --------------------------------------------------------------------------
# MNIST y Fashion-MNIST
# --------------------------------------------------------------------------

def _leer_cuatro_idx(rutas: Sequence[Path]):
    """rutas en el orden de CONJUNTOS: train-images, train-labels, t10k-images, t10k-labels."""
    x_train = leer_idx_gz(rutas[0], MAGICO_IMAGENES, (60000, 28, 28))
    y_train = leer_idx_gz(rutas[1], MAGICO_ETIQUETAS, (60000,))
    x_test = leer_idx_gz(rutas[2], MAGICO_IMAGENES, (10000, 28, 28))
    y_test = leer_idx_gz(rutas[3], MAGICO_ETIQUETAS, (10000,))
    return (x_train, y_train), (x_test, y_test)


def _leer_mnist_npz(rutas: Sequence[Path]):
    """``mnist.npz`` de la caché de Keras."""
    with np.load(rutas[0], allow_pickle=False) as f:
        return (f["x_train"], f["y_train"]), (f["x_test"], f["y_test"])


def _cargar_cuatro_idx(nombre: str, conjunto: str, archivos_keras: list, leer_cache):
    """Los pasos 1-3 de MNIST y Fashion-MNIST: los 4 IDX de ``CONJUNTOS[conjunto]``, la caché de Keras
    (``archivos_keras``, leídos con ``leer_cache``) y la descarga con ``keras.datasets.<conjunto>``."""
    b = _Busqueda(nombre)
    etiqueta, base = _etiqueta_datos()
    rutas = b.buscar(etiqueta, base, [ARCHIVOS[r] for r in CONJUNTOS[conjunto]])
    if rutas:
        return _leer_cuatro_idx(rutas)
    for carpeta in config.directorios_keras():
        rutas = b.buscar(f"caché de Keras {carpeta}", carpeta, archivos_keras)
        if rutas:
            return leer_cache(rutas)
    return _descargar_con_keras(b, conjunto)


def cargar_mnist():
    """Carga MNIST como ``keras.datasets.mnist.load_data()``.

    Devuelve ``(x_train, y_train), (x_test, y_test)``:

    - ``x_train``: uint8 ``(60000, 28, 28)``, valores 0..255
    - ``y_train``: uint8 ``(60000,)``, dígitos 0..9
    - ``x_test``: uint8 ``(10000, 28, 28)``
    - ``y_test``: uint8 ``(10000,)``

    Busca los 4 ``.gz`` IDX originales en ``$CURSO_DL_DATOS/mnist/``, después
    ``mnist.npz`` en la caché de Keras y por último descarga con Keras.
    Lanza ``ErrorDatos`` si un archivo está dañado o si no se encuentra.
    """
    return _cargar_cuatro_idx("MNIST", "mnist", [KERAS_MNIST_NPZ], _leer_mnist_npz)


def cargar_fashion_mnist():
    """Carga Fashion-MNIST como ``keras.datasets.fashion_mnist.load_data()``.

    Devuelve ``(x_train, y_train), (x_test, y_test)``: uint8 ``(60000, 28, 28)``,
    uint8 ``(60000,)``, uint8 ``(10000, 28, 28)``, uint8 ``(10000,)``; clases 0..9
    (0 camiseta, 1 pantalón, 2 jersey, 3 vestido, 4 abrigo, 5 sandalia,
    6 camisa, 7 zapatilla, 8 bolso, 9 botín).

    Busca en ``$CURSO_DL_DATOS/fashion-mnist/``, después en
    ``<caché de Keras>/fashion-mnist/`` (mismos archivos y sha256) y por último
    descarga con Keras.  Lanza ``ErrorDatos`` si falla.
    """
    return _cargar_cuatro_idx("Fashion-MNIST", "fashion_mnist", list(KERAS_FASHION_MNIST), _leer_cuatro_idx)


# --------------------------------------------------------------------------
# optdigits
# --------------------------------------------------------------------------

_OPTDIGITS_FILAS = {"optdigits/optdigits.tra": 3823, "optdigits/optdigits.tes": 1797}


def _leer_optdigits(ruta: Path, filas: int):
    try:
        datos = np.loadtxt(ruta, delimiter=",", dtype=np.int64, ndmin=2)
    except ValueError as e:
        raise ErrorDatos(f"'{ruta.name}' no es un CSV de optdigits válido: {e}") from e
    if datos.shape != (filas, 65):
        raise ErrorDatos(f"'{ruta.name}': forma {datos.shape}, se esperaba ({filas}, 65).")
    x, y = datos[:, :64], datos[:, 64]
    if x.min() < 0 or x.max() > 16 or y.min() < 0 or y.max() > 9:
        raise ErrorDatos(f"'{ruta.name}': valores fuera de rango (0..16 y clase 0..9).")
    return x.astype(np.uint8), y.astype(np.uint8)


def _descargar_optdigits(b: _Busqueda, carpeta: Path,
                         archivos: Sequence[ArchivoDatos]) -> list[Path]:
    if config.descargas_desactivadas():
        raise b.error()
    rutas = []
    for a in archivos:
        destino = carpeta / a.nombre
        if destino.is_file():
            rutas.append(verificar_archivo(destino, a.sha256, origen=a.origen))
            continue
        url = OPTDIGITS_URL_BASE + a.nombre
        try:
            carpeta.mkdir(parents=True, exist_ok=True)
            with urllib.request.urlopen(url, timeout=60) as r:
                contenido = r.read()
        except (urllib.error.URLError, OSError, ValueError) as e:
            raise b.error(f"descarga oficial de {url}: falló ({e})") from e
        fd, tmp = tempfile.mkstemp(prefix=a.nombre, suffix=".tmp", dir=carpeta)
        with os.fdopen(fd, "wb") as f:
            f.write(contenido)
        try:
            verificar_archivo(tmp, a.sha256, origen=url)
        except ErrorDatos:
            os.unlink(tmp)
            raise
        os.replace(tmp, destino)
        rutas.append(destino)
    return rutas


def cargar_optdigits():
    """Carga UCI optdigits (dígitos manuscritos 8×8, valores 0..16).

    Devuelve ``(x_train, y_train), (x_test, y_test)``:

    - ``x_train``: uint8 ``(3823, 64)`` (imagen 8×8 aplanada, valores 0..16)
    - ``y_train``: uint8 ``(3823,)``, dígitos 0..9
    - ``x_test``: uint8 ``(1797, 64)``
    - ``y_test``: uint8 ``(1797,)``

    Busca ``optdigits.tra``/``optdigits.tes`` en ``$CURSO_DL_DATOS/optdigits/``,
    después en ``$CURSO_DL_CACHE/optdigits/`` y por último los descarga de UCI
    a esa caché (verificando el sha256).  Lanza ``ErrorDatos`` si falla.
    """
    b = _Busqueda("optdigits (UCI)")
    etiqueta, base = _etiqueta_datos()
    claves = CONJUNTOS["optdigits"]
    archivos = [ARCHIVOS[r] for r in claves]
    rutas = b.buscar(etiqueta, base, archivos)
    if not rutas:
        cache = config.directorio_cache() / "optdigits"
        rutas = b.buscar(f"caché del curso ${config.VAR_CACHE}", cache.parent, archivos)
        if not rutas:
            rutas = _descargar_optdigits(b, cache, archivos)
    (x_tr, y_tr), (x_te, y_te) = (_leer_optdigits(r, _OPTDIGITS_FILAS[c])
                                  for r, c in zip(rutas, claves))
    return (x_tr, y_tr), (x_te, y_te)


# --------------------------------------------------------------------------
# CIFAR-10
# --------------------------------------------------------------------------

#: Carpetas de lotes que deja Keras (3.x y 2.x) dentro de <caché>/datasets.
_CIFAR_CARPETAS = ("cifar-10-batches-py-target/cifar-10-batches-py",
                   "cifar-10-batches-py")
_CIFAR_LOTES = tuple(f"data_batch_{i}" for i in range(1, 6)) + ("test_batch",)


def _carpeta_cifar_keras(b: Optional[_Busqueda]) -> Optional[Path]:
    for carpeta in config.directorios_keras():
        for sub in _CIFAR_CARPETAS:
            c = carpeta.joinpath(*sub.split("/"))
            if all((c / lote).is_file() for lote in _CIFAR_LOTES):
                return c
            if b is not None:
                b.anotar(f"caché de Keras: no existe {c}/{{data_batch_1..5, test_batch}}")
    return None


def _leer_lote_cifar(ruta: Path):
    try:
        d = cargar_pickle_seguro(ruta)
        d = {(k.decode("utf8") if isinstance(k, bytes) else k): v for k, v in d.items()}
        datos = np.asarray(d["data"], dtype=np.uint8)
        etiquetas = np.asarray(d["labels"], dtype=np.uint8)
    except Exception as e:
        raise ErrorDatos(f"No se pudo leer el lote de CIFAR-10 {ruta}: {e}") from e
    if datos.ndim != 2 or datos.shape[1] != 3072 or len(etiquetas) != len(datos):
        raise ErrorDatos(f"Lote de CIFAR-10 con forma inesperada: {ruta} {datos.shape}")
    # Keras: (N, 3, 32, 32) -> channels_last (N, 32, 32, 3)
    return datos.reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1), etiquetas.reshape(-1, 1)


def _leer_cifar_keras(carpeta: Path):
    partes = [_leer_lote_cifar(carpeta / f"data_batch_{i}") for i in range(1, 6)]
    x_train = np.concatenate([p[0] for p in partes])
    y_train = np.concatenate([p[1] for p in partes])
    x_test, y_test = _leer_lote_cifar(carpeta / "test_batch")
    return (x_train, y_train), (x_test, y_test)


def _subconjunto_cifar(b: _Busqueda) -> Optional[Path]:
    etiqueta, base = _etiqueta_datos()
    rutas = b.buscar(etiqueta, base, [ARCHIVOS["cifar10/cifar10_subset.npz"]])
    return rutas[0] if rutas else None


def origen_cifar10() -> str:
    """Qué versión de CIFAR-10 daría ``cargar_cifar10()`` ahora mismo.

    - ``"subconjunto"``: el subconjunto sin conexión (4000 train + 1000 test)
      de ``$CURSO_DL_DATOS/cifar10/cifar10_subset.npz``.
    - ``"completo"``: el conjunto completo (50000 + 10000) de la caché de Keras
      o, si no hay nada local y se permite la red, el que descargaría Keras.

    No carga las imágenes (solo verifica el sha256 del subconjunto).  Lanza
    ``ErrorDatos`` si no hay nada local y las descargas están desactivadas.
    """
    b = _Busqueda("CIFAR-10")
    if _subconjunto_cifar(b) is not None:
        return "subconjunto"
    b.archivos.append(KERAS_CIFAR10_TAR)
    if _carpeta_cifar_keras(b) is not None:
        return "completo"
    if config.descargas_desactivadas():
        raise b.error()
    return "completo"


def cargar_cifar10():
    """Carga CIFAR-10 con las formas de ``keras.datasets.cifar10.load_data()``.

    Devuelve ``(x_train, y_train), (x_test, y_test)``: uint8 ``(N, 32, 32, 3)``
    (channels_last) y uint8 ``(N, 1)``, clases 0..9 (avión, automóvil, pájaro,
    gato, ciervo, perro, rana, caballo, barco, camión).

    Con la copia sin conexión (``$CURSO_DL_DATOS/cifar10/cifar10_subset.npz``)
    N = 4000 (train) y 1000 (test): las primeras imágenes del conjunto oficial,
    en su orden.  Con la caché de Keras (``cifar-10-batches-py``) o la descarga,
    N = 50000 y 10000.  ``origen_cifar10()`` dice cuál de los dos se usa.
    Lanza ``ErrorDatos`` si falla.
    """
    b = _Busqueda("CIFAR-10")
    ruta = _subconjunto_cifar(b)
    if ruta is not None:
        with np.load(ruta, allow_pickle=False) as f:
            x_train, y_train = f["x_train"], f["y_train"]
            x_test, y_test = f["x_test"], f["y_test"]
        if (x_train.shape != (4000, 32, 32, 3) or y_train.shape != (4000, 1)
                or x_test.shape != (1000, 32, 32, 3) or y_test.shape != (1000, 1)):
            raise ErrorDatos(f"'{ruta.name}': formas inesperadas {x_train.shape}, "
                             f"{y_train.shape}, {x_test.shape}, {y_test.shape}.")
        return (x_train, y_train), (x_test, y_test)
    b.archivos.append(KERAS_CIFAR10_TAR)
    carpeta = _carpeta_cifar_keras(b)
    if carpeta is not None:
        return _leer_cifar_keras(carpeta)
    return _descargar_con_keras(b, "cifar10")


# --------------------------------------------------------------------------
# IMDB
# --------------------------------------------------------------------------

_memo_indice: dict[tuple, dict] = {}


def _ruta_indice_imdb(b: _Busqueda, descargar: bool = True) -> Optional[Path]:
    etiqueta, base = _etiqueta_datos()
    rutas = b.buscar(etiqueta, base, [ARCHIVOS["imdb/imdb_word_index.json"]])
    if rutas:
        return rutas[0]
    for carpeta in config.directorios_keras():
        rutas = b.buscar(f"caché de Keras {carpeta}", carpeta, [KERAS_IMDB_INDICE])
        if rutas:
            return rutas[0]
    if not descargar:
        return None
    if config.descargas_desactivadas():
        raise b.error()
    try:
        import keras  # noqa: F401  (import perezoso)
        keras.datasets.imdb.get_word_index()
    except Exception as e:
        raise b.error(f"descarga oficial con keras.datasets.imdb.get_word_index(): "
                      f"falló ({type(e).__name__}: {e})") from e
    for carpeta in config.directorios_keras():
        ruta = carpeta / KERAS_IMDB_INDICE.ruta
        if ruta.is_file():
            return verificar_archivo(ruta, KERAS_IMDB_INDICE.sha256,
                                     origen=KERAS_IMDB_INDICE.origen)
    raise b.error("descarga oficial: Keras no dejó imdb_word_index.json en su caché")


def indice_palabras_imdb() -> dict[str, int]:
    """Índice de palabras de IMDB de Keras: ``{palabra: índice}``.

    88.584 palabras con índices 1..88584 ordenados por frecuencia (``the`` = 1,
    ``and`` = 2, ``a`` = 3, ..., ``br`` = 7).  En las secuencias de
    ``cargar_imdb()`` la palabra de índice ``i`` aparece como ``i + 3``
    (0 relleno, 1 inicio, 2 desconocida).  Mismo contenido que
    ``keras.datasets.imdb.get_word_index()``.  Devuelve un ``dict`` nuevo en
    cada llamada.  Lanza ``ErrorDatos`` si no se encuentra o está dañado.
    """
    b = _Busqueda("IMDB (índice de palabras)")
    ruta = _ruta_indice_imdb(b)
    st = ruta.stat()
    clave = (str(ruta.resolve()), st.st_size, st.st_mtime_ns)
    if clave not in _memo_indice:
        with open(ruta, encoding="utf-8") as f:
            _memo_indice.clear()
            _memo_indice[clave] = json.load(f)
    return dict(_memo_indice[clave])


def _validar_num_words(num_words) -> Optional[int]:
    if num_words is None or num_words == 0:
        return None
    if isinstance(num_words, (bool, np.bool_)) or not isinstance(num_words, (int, np.integer)):
        raise TypeError(f"num_words debe ser un entero o None; recibido {num_words!r}")
    if num_words < 0:
        raise ValueError(f"num_words debe ser positivo; recibido {num_words}")
    return int(num_words)


def _tuplas_objetos(train, test):
    (p_tr, d_tr, y_tr), (p_te, d_te, y_te) = train, test
    return ((_imdb.a_objetos(p_tr, d_tr), np.asarray(y_tr)),
            (_imdb.a_objetos(p_te, d_te), np.asarray(y_te)))


def cargar_imdb(num_words: Optional[int] = 10000):
    """Carga IMDB como ``keras.datasets.imdb.load_data(num_words=num_words)``.

    Devuelve ``(x_train, y_train), (x_test, y_test)``:

    - ``x_train``: array 1-D de objetos ``(25000,)``; cada elemento es una
      ``list`` de ``int`` que empieza por 1 (inicio); 2 = palabra desconocida
      o fuera de ``num_words``; la palabra de índice ``i`` del índice de
      palabras aparece como ``i + 3``; todos los valores ``< num_words``.
    - ``y_train``: int64 ``(25000,)``, 0 = negativa, 1 = positiva
    - ``x_test``, ``y_test``: igual, 25000 reseñas.

    Orden de búsqueda: (1) las reseñas originales
    ``$CURSO_DL_DATOS/imdb/aclImdb_v1_labeled.tar.gz`` + el índice de palabras
    exacto de Keras, tokenizadas como ``keras`` ``text_to_word_sequence``
    (minúsculas, los signos ``!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~``, tabulador y
    salto de línea pasan a espacio, se parte por espacios; ``<br />`` da
    ``br``), ordenadas por ruta y barajadas con ``RandomState(113)`` como hace
    Keras; el resultado se guarda en ``$CURSO_DL_CACHE`` (por defecto
    ``~/.cache/curso_dl``) y las llamadas siguientes tardan ~1 s.
    (2) ``imdb.npz`` en la caché de Keras.  (3) descarga con Keras.

    Las secuencias sin conexión no son idénticas a las de ``imdb.npz`` (Keras
    no publica cómo lo generó), pero siguen las mismas convenciones.
    Lanza ``ErrorDatos`` si un archivo está dañado o no se encuentra.
    """
    num_words = _validar_num_words(num_words)
    b = _Busqueda("IMDB")
    etiqueta, base = _etiqueta_datos()
    tar = ARCHIVOS["imdb/aclImdb_v1_labeled.tar.gz"]
    rutas = b.buscar(etiqueta, base, [tar])
    if rutas:
        ruta_indice = _ruta_indice_imdb(b)
        huella = f"{tar.sha256}:{KERAS_IMDB_INDICE.sha256}"
        train, test = _imdb.cargar_o_construir(
            rutas[0], ruta_indice, huella, num_words, config.directorio_cache())
        return _tuplas_objetos(train, test)
    for carpeta in config.directorios_keras():
        rutas = b.buscar(f"caché de Keras {carpeta}", carpeta, [KERAS_IMDB_NPZ])
        if rutas:
            try:
                f = cargar_npz_seguro(rutas[0])
                crudos = []
                for p in ("train", "test"):
                    plano, desp = _imdb.desde_objetos(f[f"x_{p}"])
                    crudos.append((plano, desp, f[f"y_{p}"]))
            except Exception as e:
                raise ErrorDatos(f"No se pudo leer {rutas[0]}: {e}") from e
            train, test = _imdb.estilo_keras(crudos[0], crudos[1], num_words)
            return _tuplas_objetos(train, test)
    return _descargar_con_keras(b, "imdb", num_words=num_words)
