"""¿Aguanta el lado de confianza cualquier cosa que llegue por el canal?"""
from __future__ import annotations

import json
import os
import struct
import time
import tracemalloc

import numpy as np
import pytest

from autograder import canal


def _cuerpo(cabecera, blob: bytes = b"") -> bytes:
    texto = json.dumps(cabecera).encode()
    return struct.pack("<I", len(texto)) + texto + blob


def test_ida_y_vuelta_de_datos_planos():
    mensaje = {"a": np.arange(6, dtype=np.float32).reshape(2, 3), "b": (1, 2.5, "x", None, True), "c": [np.int64(3)],
               "d": b"\x00\x01", "e": float("nan")}
    vuelta = canal.decodificar(canal.codificar(mensaje))
    assert vuelta["a"].dtype == np.float32 and vuelta["a"].shape == (2, 3)
    assert vuelta["b"] == (1, 2.5, "x", None, True) and vuelta["c"][0] == 3 and vuelta["d"] == b"\x00\x01"
    assert np.isnan(vuelta["e"])


def test_un_objeto_ajeno_viaja_como_su_tipo_sin_llamarlo():
    class Hostil:
        def __repr__(self):
            raise RuntimeError("no me llames")

    vuelta = canal.decodificar(canal.codificar({"v": Hostil()}))
    assert isinstance(vuelta["v"], canal.ObjetoNoAdmitido) and "Hostil" in vuelta["v"].tipo


@pytest.mark.parametrize("cuerpo", [
    b"", b"\x00\x00", struct.pack("<I", 10**9) + b"{}",
    _cuerpo({"__nd__": ["<f8", [10**6, 10**6], 0, 8]}, b"\x00" * 8),  # shape that does not match its bytes
    _cuerpo({"__nd__": ["|O", [1], 0, 8]}, b"\x00" * 8),  # object dtype
    _cuerpo({"__nd__": ["<f8", [1], 10**9, 8]}),  # offset outside the message
    _cuerpo({"__bytes__": [0, 10**9]}),
    _cuerpo({"__float__": "1" * 1000}),
    _cuerpo({"__desconocido__": 1}),
    _cuerpo(1.5),  # bare floats are not part of the protocol
    struct.pack("<I", 20_000) + b"[" * 20_000,  # nesting deeper than the recursion limit
], ids=["vacio", "corto", "cabecera-imposible", "forma-falsa", "dtype-objeto", "fuera-del-mensaje",
        "bytes-fuera", "float-largo", "clave-desconocida", "float-suelto", "anidado"])
def test_un_mensaje_mal_formado_es_mensaje_invalido(cuerpo):
    with pytest.raises(canal.MensajeInvalido):
        canal.decodificar(cuerpo)


def test_un_mensaje_de_1_5_mb_que_declara_un_array_enorme_no_reserva_memoria():
    cuerpo = _cuerpo({"__nd__": ["<f8", [200_000, 1_000_000], 0, 1_500_000]}, b"\x00" * 1_500_000)
    tracemalloc.start()
    with pytest.raises(canal.MensajeInvalido):
        canal.decodificar(cuerpo)
    _, pico = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert pico < 20 * 2**20


@pytest.mark.parametrize("longitud, error, texto, segundos, maximo", [
    (50 * 2**20, canal.PlazoAgotado, None, 0.5, 3),  # promises 50 MB and sends nothing: the deadline, not a hang
    (2**40, canal.MensajeInvalido, "límite", 1, 1),  # above the limit: refused before reading anything
    (0, canal.MensajeInvalido, "corto", 5, 1),  # an empty frame: invalid at once, without waiting for the deadline
], ids=["falsa", "mayor_que_el_limite", "cero"])
def test_una_longitud_imposible_falla_a_tiempo(longitud, error, texto, segundos, maximo):
    leer, escribir = os.pipe()
    try:
        os.write(escribir, struct.pack("<Q", longitud))
        inicio = time.monotonic()
        with pytest.raises(error, match=texto):
            canal.recibir(leer, segundos=segundos)
        assert time.monotonic() - inicio < maximo
    finally:
        os.close(leer)
        os.close(escribir)


def test_un_mensaje_grande_cruza_la_tuberia_entero_y_en_piezas():
    """A 20 MB test set (several arrays, one not contiguous) through a real pipe, written with ``writev``
    from the arrays themselves and read in 1 MiB steps by a forked reader: the same values arrive."""
    rng = np.random.default_rng(0)
    mensaje = {"x": rng.random((2500, 28, 28, 1), dtype=np.float32), "t": rng.random((300, 400)).T,
               "vacio": np.zeros((0, 3)), "escalar": np.float32(2.5), "b": b"\x01" * 70_000, "n": 3}
    leer, escribir = os.pipe()
    vuelta_leer, vuelta_escribir = os.pipe()
    canal.agrandar_tuberia(escribir)
    pid = os.fork()
    if pid == 0:  # the reader echoes what it decoded, so the parent checks it
        try:
            canal.enviar(vuelta_escribir, canal.recibir(leer, segundos=60))
        finally:
            os._exit(0)
    try:
        canal.enviar(escribir, mensaje)
        vuelta = canal.recibir(vuelta_leer, segundos=60)
    finally:
        os.waitpid(pid, 0)
        for fd in (leer, escribir, vuelta_leer, vuelta_escribir):
            os.close(fd)
    for clave in ("x", "t", "vacio"):
        assert vuelta[clave].dtype == mensaje[clave].dtype and np.array_equal(vuelta[clave], mensaje[clave])
        assert vuelta[clave].flags.writeable and vuelta[clave].flags.c_contiguous
    assert vuelta["escalar"] == np.float32(2.5) and vuelta["b"] == mensaje["b"] and vuelta["n"] == 3
    assert canal.decodificar(canal.codificar(mensaje))["t"].tolist() == mensaje["t"].tolist()


def test_un_mensaje_cortado_a_medias_es_canal_cerrado():
    leer, escribir = os.pipe()
    cuerpo = canal.codificar({"x": np.zeros(500_000)})
    os.set_blocking(escribir, False)
    try:
        os.write(escribir, struct.pack("<Q", len(cuerpo)) + cuerpo[:60_000])
        os.close(escribir)
        with pytest.raises(canal.CanalCerrado):
            canal.recibir(leer, segundos=5)
    finally:
        os.close(leer)
