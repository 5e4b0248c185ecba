"""El canal entre el calificador y el proceso aislado: datos planos, tamaño limitado, plazo.

Both ends import this file: the trusted side as ``autograder.canal`` and the
jailed worker as a plain module next to ``trabajador.py``. It depends only on
the standard library and NumPy.

Frame: ``u64 length`` then ``u32 header length``, a JSON header, and a blob
with the raw bytes of every array (``{"__nd__": [dtype, shape, offset,
nbytes]}``) and bytes value (``{"__bytes__": [offset, nbytes]}``). The
receiving side trusts nothing: the length is capped before anything is
allocated, every read has a deadline, dtypes come from a short list, and a
shape must account for exactly the bytes it claims. Nothing is unpickled and
no object of the sender is ever called.
"""
from __future__ import annotations

import json
import os
import select
import struct
import time

import numpy as np

LIMITE_MENSAJE = 256 * 2**20  # bytes in one frame (a 100 MB model plus predictions fits)
LIMITE_CABECERA = 16 * 2**20  # bytes of JSON in one frame
TROZO_LECTURA = 1 << 20  # bytes read at a time (and the pipe buffer asked for)
PIEZAS_POR_ESCRITURA = 512  # below IOV_MAX (1024 on Linux)
ESCRITURA_DE_UNA_VEZ = 1 << 16  # a frame up to this size is joined and written in one call
PROFUNDIDAD_MAXIMA = 20
DIMENSIONES_MAXIMAS = 32
TIPOS_ADMITIDOS = frozenset(
    np.dtype(t).str for t in ("bool", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "f2", "f4", "f8", "c8", "c16"))


class MensajeInvalido(ValueError):
    """Lo recibido no es un mensaje bien formado (o supera los límites)."""


class CanalCerrado(EOFError):
    """El otro extremo cerró el canal."""


class PlazoAgotado(TimeoutError):
    """No llegó un mensaje completo a tiempo."""


class ObjetoNoAdmitido:
    """Marcador de un valor que no es dato plano (se reporta por su tipo)."""

    def __init__(self, tipo: str, texto: str):
        self.tipo = tipo
        self.texto = texto

    def __repr__(self) -> str:
        return f"<objeto de tipo {self.tipo}>"


class FuncionDePrueba:
    """A scalar test function named by the trusted side, built in the worker."""

    def __init__(self, nombre: str, **parametros):
        self.nombre = nombre
        self.parametros = parametros


def nombre_tipo(valor) -> str:
    tipo = type(valor)
    return f"{tipo.__module__}.{tipo.__qualname__}" if tipo.__module__ != "builtins" else tipo.__qualname__


# -- encoding -------------------------------------------------------------------------------------

def _codificar(valor, blob: list, profundidad: int):
    if profundidad > PROFUNDIDAD_MAXIMA:
        raise ValueError("estructura demasiado anidada")
    tipo = type(valor)
    if valor is None or tipo in (bool, str, int):
        return valor
    if isinstance(valor, float):  # np.float64 is a float too; its NumPy 2 repr is "np.float64(...)"
        return {"__float__": repr(float(valor))}
    if tipo in (bytes, bytearray):
        return {"__bytes__": _anadir(blob, bytes(valor))}
    if tipo is np.ndarray and valor.dtype.str in TIPOS_ADMITIDOS and valor.ndim <= DIMENSIONES_MAXIMAS:
        datos = np.ascontiguousarray(valor).reshape(-1).view(np.uint8)  # the array's own bytes, not a copy
        return {"__nd__": [valor.dtype.str, [int(d) for d in valor.shape], *_anadir(blob, datos)]}
    if isinstance(valor, np.generic) and np.asarray(valor).dtype.str in TIPOS_ADMITIDOS:
        return {"__escalar__": _codificar(np.asarray(valor), blob, profundidad + 1)}
    if tipo is tuple:
        return {"__tupla__": [_codificar(v, blob, profundidad + 1) for v in valor]}
    if tipo is list:
        return [_codificar(v, blob, profundidad + 1) for v in valor]
    if tipo is dict and all(type(k) is str for k in valor):
        return {"__dict__": {k: _codificar(v, blob, profundidad + 1) for k, v in valor.items()}}
    if tipo is FuncionDePrueba:
        return {"__funcion__": valor.nombre, "parametros": _codificar(valor.parametros, blob, profundidad + 1)}
    if tipo is ObjetoNoAdmitido:
        return {"__otro__": valor.tipo, "texto": valor.texto}
    return {"__otro__": nombre_tipo(valor), "texto": ""}  # nothing of a foreign object is called, not even repr


class _Blob(list):
    """The blob's pieces (bytes or uint8 arrays) and their running length."""

    largo = 0


def _anadir(blob: _Blob, datos) -> list:
    desplazamiento = blob.largo
    blob.append(datos)
    blob.largo += len(datos)
    return [desplazamiento, len(datos)]


def _partes(mensaje) -> list:
    """One frame as pieces: u64 length and u32 header length, the JSON header, then the blob's pieces."""
    blob = _Blob()
    cabecera = json.dumps(_codificar(mensaje, blob, 0), allow_nan=False).encode()
    return [struct.pack("<QI", 4 + len(cabecera) + blob.largo, len(cabecera)), cabecera, *blob]


def codificar(mensaje) -> bytes:
    """Any plain value → one frame body (without the u64 length)."""
    return b"".join(bytes(p) for p in _partes(mensaje))[8:]


# -- decoding -------------------------------------------------------------------------------------

def _entero(valor, minimo: int = 0) -> int:
    if type(valor) is not int or valor < minimo:
        raise MensajeInvalido("se esperaba un entero no negativo")
    return valor


class _Bloque:
    """The blob of one message. Each of its bytes is handed out once at most: a header that names the
    same region many times would otherwise turn a 1.5 MB message into gigabytes of copies."""

    __slots__ = ("vista", "entregados")

    def __init__(self, vista: memoryview):
        self.vista, self.entregados = vista, 0

    def trozo(self, desplazamiento, largo) -> memoryview:
        inicio, n = _entero(desplazamiento), _entero(largo)
        if inicio + n > len(self.vista):
            raise MensajeInvalido("un bloque de datos sale del mensaje")
        self.entregados += n
        if self.entregados > len(self.vista):
            raise MensajeInvalido("el mensaje usa sus bloques de datos más de una vez")
        return self.vista[inicio:inicio + n]


def _array(descripcion, blob: _Bloque) -> np.ndarray:
    if not (isinstance(descripcion, list) and len(descripcion) == 4):
        raise MensajeInvalido("descripción de array mal formada")
    tipo, forma, desplazamiento, largo = descripcion
    if tipo not in TIPOS_ADMITIDOS:
        raise MensajeInvalido(f"tipo de array no admitido: {str(tipo)[:20]}")
    if not (isinstance(forma, list) and len(forma) <= DIMENSIONES_MAXIMAS):
        raise MensajeInvalido("forma de array mal formada")
    elementos = 1
    for d in forma:
        elementos *= _entero(d)
    dtype = np.dtype(tipo)
    datos = blob.trozo(desplazamiento, largo)
    if elementos * dtype.itemsize != len(datos):
        raise MensajeInvalido("la forma del array no corresponde a sus bytes")
    return np.frombuffer(datos, dtype=dtype).reshape(forma).copy()


def _decodificar(dato, blob: _Bloque, profundidad: int):
    if profundidad > PROFUNDIDAD_MAXIMA:
        raise MensajeInvalido("estructura demasiado anidada")
    if dato is None or type(dato) in (bool, str, int):
        return dato
    if type(dato) is list:
        return [_decodificar(v, blob, profundidad + 1) for v in dato]
    if type(dato) is not dict or len(dato) not in (1, 2):
        raise MensajeInvalido("valor mal formado")
    if "__float__" in dato and type(dato["__float__"]) is str and len(dato["__float__"]) <= 40:
        return float(dato["__float__"])
    if "__nd__" in dato:
        return _array(dato["__nd__"], blob)
    if "__escalar__" in dato:
        escalar = _decodificar(dato["__escalar__"], blob, profundidad + 1)
        if not (isinstance(escalar, np.ndarray) and escalar.shape == ()):
            raise MensajeInvalido("escalar mal formado")
        return escalar[()]
    if "__bytes__" in dato and isinstance(dato["__bytes__"], list) and len(dato["__bytes__"]) == 2:
        return bytes(blob.trozo(*dato["__bytes__"]))
    if "__tupla__" in dato and type(dato["__tupla__"]) is list:
        return tuple(_decodificar(v, blob, profundidad + 1) for v in dato["__tupla__"])
    if "__dict__" in dato and type(dato["__dict__"]) is dict:
        return {k: _decodificar(v, blob, profundidad + 1) for k, v in dato["__dict__"].items()}
    if "__funcion__" in dato and type(dato["__funcion__"]) is str:
        parametros = _decodificar(dato.get("parametros"), blob, profundidad + 1)
        if type(parametros) is not dict:
            raise MensajeInvalido("parámetros de función mal formados")
        return FuncionDePrueba(dato["__funcion__"], **parametros)
    if "__otro__" in dato and type(dato["__otro__"]) is str and type(dato.get("texto", "")) is str:
        return ObjetoNoAdmitido(dato["__otro__"][:200], dato.get("texto", "")[:200])
    raise MensajeInvalido("valor mal formado")


def decodificar(cuerpo: bytes):
    """One frame body → plain value; ``MensajeInvalido`` for anything malformed."""
    if len(cuerpo) < 4:
        raise MensajeInvalido("mensaje demasiado corto")
    (largo,) = struct.unpack("<I", cuerpo[:4])
    if largo > min(LIMITE_CABECERA, len(cuerpo) - 4):
        raise MensajeInvalido("cabecera de tamaño imposible")
    try:
        cabecera = json.loads(bytes(cuerpo[4:4 + largo]))
        return _decodificar(cabecera, _Bloque(memoryview(cuerpo)[4 + largo:]), 0)
    except MensajeInvalido:
        raise
    except (ValueError, TypeError, RecursionError, OverflowError, MemoryError) as exc:
        raise MensajeInvalido(f"mensaje ilegible ({type(exc).__name__})") from None


# -- framing over a pipe --------------------------------------------------------------------------

def enviar(fd: int, mensaje) -> None:
    """Writes the frame; a large one straight from its arrays (``writev``): a 150 MB test set is not
    copied into one buffer first."""
    partes = _partes(mensaje)
    if sum(len(p) for p in partes) <= ESCRITURA_DE_UNA_VEZ:
        partes = [b"".join(partes)]
    vistas = [v for v in (memoryview(p).cast("B") for p in partes) if v]
    while vistas:
        escritos = os.writev(fd, vistas[:PIEZAS_POR_ESCRITURA])
        while escritos:  # drop what was written: whole pieces, then the start of the next one
            n = min(escritos, len(vistas[0]))
            vistas[0], escritos = vistas[0][n:], escritos - n
            if not vistas[0]:
                vistas.pop(0)


def _leer_exacto(fd: int, n: int, fin: float | None) -> bytes:
    partes, faltan = [], n
    while faltan:
        if fin is not None:
            restante = fin - time.monotonic()
            if restante <= 0 or not select.select([fd], [], [], restante)[0]:
                raise PlazoAgotado()
        trozo = os.read(fd, min(faltan, TROZO_LECTURA))
        if not trozo:
            raise CanalCerrado("el otro proceso cerró la conexión")
        partes.append(trozo)
        faltan -= len(trozo)
    return b"".join(partes)


def agrandar_tuberia(fd: int) -> None:
    """Raise a pipe's buffer to 1 MiB (Linux), so a large message crosses in fewer wake-ups; best effort."""
    try:
        import fcntl

        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, TROZO_LECTURA)
    except (ImportError, AttributeError, OSError):
        pass


def recibir(fd: int, segundos: float | None = None, limite: int = LIMITE_MENSAJE):
    """Lee un mensaje completo en `segundos` como mucho (None: sin plazo, solo para el trabajador)."""
    fin = None if segundos is None else time.monotonic() + segundos
    (largo,) = struct.unpack("<Q", _leer_exacto(fd, 8, fin))
    if largo > limite:
        raise MensajeInvalido(f"mensaje de {largo} bytes; el límite es {limite}")
    return decodificar(_leer_exacto(fd, largo, fin))
