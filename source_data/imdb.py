"""IMDB sin conexión: de las reseñas originales a secuencias como las de Keras.

``keras.datasets.imdb.load_data`` lee ``imdb.npz`` (no disponible sin conexión).
Aquí se reconstruyen secuencias equivalentes a partir de las 50.000 reseñas
etiquetadas (``aclImdb/{train,test}/{pos,neg}/<id>_<nota>.txt``) y del índice
de palabras exacto de Keras (``imdb_word_index.json``):

1. **Tokenización** idéntica a ``keras`` ``text_to_word_sequence`` con sus
   valores por defecto: pasar a minúsculas (``str.lower``), sustituir cada
   carácter de ``!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~`` más tabulador y salto de
   línea por un espacio y partir por el carácter espacio ``" "`` descartando
   los trozos vacíos.  Así ``<br />`` da el token ``br`` y el apóstrofo se
   conserva (``it's``).  Ojo: como en Keras se parte solo por ``" "``; otros
   espacios Unicode (``\\x85``, ``\\xa0``) quedan dentro del token, igual que en
   el índice de Keras (que contiene p. ej. ``'most\\x85and'``).
2. **Índices**: cada token se sustituye por su valor en el índice de palabras
   (``the`` = 1, ``and`` = 2, ...).  Un token que no está en el índice se
   convierte en ``oov_char``.
3. **Orden**: dentro de cada partición (train, test) las reseñas se ordenan
   por su ruta en el tar (``neg/`` antes que ``pos/``, orden lexicográfico) y
   se etiquetan ``neg`` = 0, ``pos`` = 1.
4. **Convenciones de Keras** (``load_data`` con ``seed=113``, ``start_char=1``,
   ``oov_char=2``, ``index_from=3``, ``skip_top=0``): un único
   ``np.random.RandomState(113)`` baraja primero train y después test; a cada
   índice se le suma 3, se antepone 1 y todo índice ``w`` que no cumpla
   ``w < num_words`` se sustituye por 2.  Con ``num_words=None`` Keras usa como
   límite el máximo índice presente (que por tanto también pasa a 2); se imita.

El resultado se guarda en la caché (``$CURSO_DL_CACHE``, por defecto
``~/.cache/curso_dl``) como ``.npz`` sin pickle: un array plano de índices,
los desplazamientos de cada secuencia y las etiquetas.  El nombre lleva la
versión del formato y ``num_words``; una caché dañada o de otra versión se
reconstruye.
"""

from __future__ import annotations

import gzip
import io
import itertools
import json
import os
import re
import tarfile
import tempfile
import warnings
from pathlib import Path
from typing import Optional

import numpy as np

from .errores import ErrorDatos

__all__ = [
    "FILTROS_KERAS",
    "VERSION_CACHE",
    "tokenizar_imdb",
    "nombre_cache",
]

#: Caracteres que ``text_to_word_sequence`` cambia por espacios (valor por defecto).
FILTROS_KERAS = '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n'
#: Versión del formato/algoritmo de la caché; cambiarla invalida las cachés viejas.
VERSION_CACHE = 1

SEMILLA = 113
START_CHAR = 1
OOV_CHAR = 2
INDEX_FROM = 3

_TABLA_STR = str.maketrans({c: " " for c in FILTROS_KERAS})
# Todos los filtros son ASCII y en UTF-8 un byte ASCII solo representa ese
# carácter, así que traducir los bytes UTF-8 equivale a traducir el texto
# (y es mucho más rápido).
_FILTROS_BYTES = FILTROS_KERAS.encode("ascii")
_TABLA_BYTES = bytes(32 if i in _FILTROS_BYTES else i for i in range(256))
_PATRON_RESENA = re.compile(r"aclImdb/(train|test)/(pos|neg)/(\d+)_(\d+)\.txt")


def tokenizar_imdb(texto: str) -> list[str]:
    """Parte ``texto`` en palabras exactamente como ``keras`` ``text_to_word_sequence``.

    Minúsculas; cada carácter de ``!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~``, tabulador
    y salto de línea pasa a espacio; se parte por ``" "`` y se quitan los vacíos.

    >>> tokenizar_imdb("Great movie!<br /><br />It's 10/10.")
    ['great', 'movie', 'br', 'br', "it's", '10', '10']
    """
    return [t for t in texto.lower().translate(_TABLA_STR).split(" ") if t]


# --------------------------------------------------------------------------
# Lectura del tar
# --------------------------------------------------------------------------

def _miembros_ustar(crudo: bytes) -> Optional[list[tuple[str, int, int]]]:
    """Lista (nombre, inicio, tamaño) de los archivos de un tar ustar simple.

    Devuelve ``None`` si aparece algo que este lector rápido no trata
    (cabeceras PAX/GNU, sumas de cabecera incorrectas...); entonces se usa
    ``tarfile``.
    """
    miembros = []
    pos = 0
    n = len(crudo)
    while pos + 512 <= n:
        cab = crudo[pos:pos + 512]
        if cab.count(0) == 512:
            return miembros
        try:
            suma = int(cab[148:156].split(b"\0", 1)[0].strip() or b"0", 8)
            tam = int(cab[124:136].split(b"\0", 1)[0].strip() or b"0", 8)
        except ValueError:
            return None
        if suma != sum(cab) - sum(cab[148:156]) + 8 * 32:
            return None
        tipo = cab[156:157]
        if cab[257:262] != b"ustar" or tipo not in (b"0", b"\0", b"5"):
            return None
        nombre = cab[:100].split(b"\0", 1)[0]
        prefijo = cab[345:500].split(b"\0", 1)[0]
        if prefijo:
            nombre = prefijo + b"/" + nombre
        if tipo != b"5":
            if pos + 512 + tam > n:
                return None
            miembros.append((nombre.decode("utf-8"), pos + 512, tam))
        pos += 512 + (tam + 511) // 512 * 512
    return miembros if pos >= n else None


def _leer_resenas(ruta_tar: Path) -> dict[str, list[tuple[str, int, bytes]]]:
    """{'train'|'test': [(ruta, etiqueta, bytes_utf8), ...] ordenadas por ruta}."""
    crudo = gzip.decompress(Path(ruta_tar).read_bytes())
    miembros = _miembros_ustar(crudo)
    if miembros is not None:
        contenido = ((nom, crudo[ini:ini + tam]) for nom, ini, tam in miembros)
    else:
        tf = tarfile.open(fileobj=io.BytesIO(crudo))
        contenido = ((m.name, tf.extractfile(m).read())
                     for m in tf.getmembers() if m.isfile())
    particiones: dict[str, list[tuple[str, int, bytes]]] = {"train": [], "test": []}
    for nombre, datos in contenido:
        m = _PATRON_RESENA.fullmatch(nombre)
        if m:
            particiones[m.group(1)].append(
                (nombre, 1 if m.group(2) == "pos" else 0, datos))
    for lista in particiones.values():
        lista.sort(key=lambda t: t[0])
    return particiones


def _a_indices(resenas: list[tuple[str, int, bytes]],
               indice_bytes: dict[bytes, int]):
    """Secuencias de índices crudos (0 = palabra fuera del índice), planas."""
    tabla = _TABLA_BYTES
    get = indice_bytes.get
    secuencias = []
    for _, _, datos in resenas:
        b = datos.decode("utf-8").lower().encode("utf-8").translate(tabla)
        secuencias.append([get(t, 0) for t in b.split(b" ") if t])
    longitudes = np.fromiter((len(s) for s in secuencias), dtype=np.int64,
                             count=len(secuencias))
    desp = np.zeros(len(secuencias) + 1, dtype=np.int64)
    np.cumsum(longitudes, out=desp[1:])
    plano = np.fromiter(itertools.chain.from_iterable(secuencias),
                        dtype=np.int64, count=int(desp[-1]))
    etiquetas = np.array([e for _, e, _ in resenas], dtype=np.int64)
    return plano, desp, etiquetas


def secuencias_crudas_desde_tar(ruta_tar: Path, indice: dict[str, int],
                                por_clase: Optional[int] = 12500):
    """Lee el tar y devuelve ``{'train': (plano, desp, y), 'test': (...)}``.

    ``plano`` int64 (total_tokens,) con el índice de Keras de cada palabra (0 si
    no está en el índice), ``desp`` int64 (n+1,) desplazamientos, ``y`` int64
    (n,) con 0 = neg y 1 = pos, en orden de ruta.  Si ``por_clase`` no es
    ``None`` se exige ese número de reseñas por partición y clase.
    """
    particiones = _leer_resenas(ruta_tar)
    if por_clase is not None:
        for nombre, lista in particiones.items():
            n_pos = sum(e for _, e, _ in lista)
            n_neg = len(lista) - n_pos
            if (n_pos, n_neg) != (por_clase, por_clase):
                raise ErrorDatos(
                    f"'{Path(ruta_tar).name}': la partición {nombre} tiene "
                    f"{n_pos} reseñas pos y {n_neg} neg; se esperaban "
                    f"{por_clase} de cada.")
    indice_bytes = {k.encode("utf-8"): int(v) for k, v in indice.items()}
    return {nombre: _a_indices(lista, indice_bytes)
            for nombre, lista in particiones.items()}


# --------------------------------------------------------------------------
# Convenciones de keras.datasets.imdb.load_data, vectorizadas
# --------------------------------------------------------------------------

def _reordenar(plano: np.ndarray, desp: np.ndarray, perm: np.ndarray):
    longitudes = np.diff(desp)[perm]
    inicios = desp[:-1][perm]
    nuevo = np.zeros(len(perm) + 1, dtype=np.int64)
    np.cumsum(longitudes, out=nuevo[1:])
    idx = np.repeat(inicios - nuevo[:-1], longitudes) + np.arange(nuevo[-1])
    return plano[idx], nuevo


def _anteponer(plano: np.ndarray, desp: np.ndarray, valor: int):
    n = len(desp) - 1
    nuevo = desp + np.arange(n + 1)
    out = np.empty(len(plano) + n, dtype=plano.dtype)
    mascara = np.ones(len(out), dtype=bool)
    mascara[nuevo[:-1]] = False
    out[nuevo[:-1]] = valor
    out[mascara] = plano
    return out, nuevo


def estilo_keras(train, test, num_words: Optional[int], seed: int = SEMILLA,
                 start_char: int = START_CHAR, oov_char: int = OOV_CHAR,
                 index_from: int = INDEX_FROM):
    """Aplica el algoritmo de ``keras.datasets.imdb.load_data`` (sin ``maxlen``).

    ``train``/``test``: ``(plano, desp, y)`` con índices crudos del índice de
    palabras (0 = palabra desconocida, que acaba como ``oov_char``).
    Devuelve ``(plano, desp, y)`` de train y de test ya barajados, con
    ``start_char`` delante, ``index_from`` sumado y el límite ``num_words``.
    """
    rng = np.random.RandomState(seed)
    salida = []
    for plano, desp, y in (train, test):
        perm = np.arange(len(desp) - 1)
        rng.shuffle(perm)
        p, d = _reordenar(np.asarray(plano, dtype=np.int64), np.asarray(desp), perm)
        desconocida = p <= 0
        p = p + index_from
        p, d2 = _anteponer(p, d, start_char)
        desc2, _ = _anteponer(desconocida, d, False)
        salida.append([p, d2, np.asarray(y)[perm], desc2])
    if not num_words:
        conocidos = [s[0][~s[3]] for s in salida]
        num_words = int(max(c.max() if c.size else 0 for c in conocidos))
    for s in salida:
        p, desc = s[0], s[3]
        fuera = desc | (p < 0) | (p >= num_words)
        s[0] = np.where(fuera, oov_char, p)
    return tuple((s[0], s[1], s[2]) for s in salida)


def a_objetos(plano: np.ndarray, desp: np.ndarray) -> np.ndarray:
    """Array 1-D de objetos con una lista de ``int`` de Python por secuencia."""
    valores = plano.tolist()
    d = desp.tolist()
    out = np.empty(len(d) - 1, dtype=object)
    for i in range(len(d) - 1):
        out[i] = valores[d[i]:d[i + 1]]
    return out


def desde_objetos(x: np.ndarray):
    """Inverso de :func:`a_objetos`: ``(plano int64, desp int64)``."""
    longitudes = np.fromiter((len(s) for s in x), dtype=np.int64, count=len(x))
    desp = np.zeros(len(x) + 1, dtype=np.int64)
    np.cumsum(longitudes, out=desp[1:])
    plano = np.fromiter(itertools.chain.from_iterable(x), dtype=np.int64,
                        count=int(desp[-1]))
    return plano, desp


# --------------------------------------------------------------------------
# Caché en disco (npz sin pickle)
# --------------------------------------------------------------------------

def nombre_cache(num_words: Optional[int]) -> str:
    """Nombre del archivo de caché: lleva la versión y ``num_words``."""
    nw = "todas" if not num_words else str(int(num_words))
    return f"imdb_keras_v{VERSION_CACHE}_nw{nw}.npz"


def leer_cache(ruta: Path, num_words: Optional[int], huella: str):
    """Lee y valida una caché; devuelve ``(train, test)`` o ``None`` si no vale."""
    try:
        with np.load(ruta, allow_pickle=False) as f:
            if int(f["version"]) != VERSION_CACHE:
                return None
            if int(f["num_words"]) != (int(num_words) if num_words else 0):
                return None
            if str(f["huella"]) != huella:
                return None
            partes = []
            for p in ("train", "test"):
                plano = f[f"{p}_plano"]
                desp = f[f"{p}_desp"]
                y = f[f"{p}_y"]
                n = len(y)
                if (desp.ndim != 1 or len(desp) != n + 1 or desp[0] != 0
                        or desp[-1] != len(plano) or np.any(np.diff(desp) < 1)):
                    return None
                if n and (np.any(plano[desp[:-1]] != START_CHAR)
                          or plano.min() < 0
                          or (num_words and plano.max() >= num_words)):
                    return None
                if np.any((y != 0) & (y != 1)):
                    return None
                partes.append((plano, desp.astype(np.int64), y.astype(np.int64)))
            return tuple(partes)
    except Exception:  # archivo truncado, zip roto, claves ausentes...
        return None


def escribir_cache(ruta: Path, num_words: Optional[int], huella: str,
                   train, test) -> None:
    """Escribe la caché de forma atómica (archivo temporal + ``os.replace``)."""
    ruta.parent.mkdir(parents=True, exist_ok=True)
    maximo = max(int(t[0].max()) if t[0].size else 0 for t in (train, test))
    tipo = np.uint16 if maximo < 2 ** 16 else np.int32
    arrays = {
        "version": np.array(VERSION_CACHE),
        "num_words": np.array(int(num_words) if num_words else 0),
        "huella": np.array(huella),
    }
    for nombre, (plano, desp, y) in (("train", train), ("test", test)):
        arrays[f"{nombre}_plano"] = plano.astype(tipo)
        arrays[f"{nombre}_desp"] = desp.astype(np.int64)
        arrays[f"{nombre}_y"] = y.astype(np.int64)
    fd, tmp = tempfile.mkstemp(prefix=ruta.name, suffix=".tmp", dir=ruta.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            np.savez(f, **arrays)
        os.chmod(tmp, 0o644)
        os.replace(tmp, ruta)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def cargar_o_construir(ruta_tar: Path, ruta_indice: Path, huella: str,
                       num_words: Optional[int], dir_cache: Path,
                       por_clase: Optional[int] = 12500):
    """Secuencias estilo Keras desde la caché, o construidas y guardadas.

    ``huella`` identifica los archivos fuente (sus sha256); una caché con otra
    huella, otra versión u otro ``num_words`` no se usa.
    Devuelve ``((plano, desp, y), (plano, desp, y))`` de train y test.
    """
    ruta_cache = Path(dir_cache) / nombre_cache(num_words)
    if ruta_cache.exists():
        datos = leer_cache(ruta_cache, num_words, huella)
        if datos is not None:
            return datos
        warnings.warn(
            f"La caché IMDB {ruta_cache} está dañada o es de otra versión; "
            "se reconstruye.", stacklevel=3)
    with open(ruta_indice, encoding="utf-8") as f:
        indice = json.load(f)
    crudas = secuencias_crudas_desde_tar(ruta_tar, indice, por_clase)
    train, test = estilo_keras(crudas["train"], crudas["test"], num_words)
    try:
        escribir_cache(ruta_cache, num_words, huella, train, test)
    except OSError as e:
        warnings.warn(f"No se pudo guardar la caché IMDB en {ruta_cache}: {e}",
                      stacklevel=3)
    return train, test
