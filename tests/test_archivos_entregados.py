"""¿Se leen los archivos entregados sin seguir enlaces, con tope de tamaño, y se revisa el .keras antes de cargarlo?"""
from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from autograder.archivos_entregados import ArchivoRechazado, leer, revisar_keras

RAIZ = Path(__file__).resolve().parents[1]
MODELOS = sorted((RAIZ / "solutions" / "modelos").glob("*/modelo.keras"))


def _keras(config: dict, extra: dict | None = None, comprimir=zipfile.ZIP_STORED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", comprimir) as zip_:
        zip_.writestr("metadata.json", "{}")
        zip_.writestr("config.json", json.dumps(config))
        zip_.writestr("model.weights.h5", b"\x89HDF")
        for nombre, datos in (extra or {}).items():
            zip_.writestr(nombre, datos)
    return buffer.getvalue()


def _capa(clase: str, modulo="keras.layers", registrado=None) -> dict:
    return {"module": "keras", "class_name": "Sequential", "config": {"layers": [
        {"module": modulo, "class_name": clase, "config": {}, "registered_name": registrado}]}, "registered_name": None}


@pytest.mark.parametrize("modelo", MODELOS, ids=[m.parent.name for m in MODELOS])
def test_los_modelos_de_referencia_pasan_la_revision(modelo):
    assert MODELOS
    revisar_keras(modelo.read_bytes())


def test_un_enlace_simbolico_no_se_sigue(tmp_path):
    secreto = tmp_path / "secreto.py"
    secreto.write_text("CLAVE = 1")
    (tmp_path / "historial.json").symlink_to(secreto)
    with pytest.raises(ArchivoRechazado, match="enlace simbólico"):
        leer(tmp_path, "historial.json")


def test_una_fifo_no_cuelga_la_lectura(tmp_path):
    os.mkfifo(tmp_path / "modelo.keras")
    with pytest.raises(ArchivoRechazado, match="no es un archivo normal"):
        leer(tmp_path, "modelo.keras")


def test_un_directorio_no_es_un_modelo(tmp_path):
    (tmp_path / "modelo.keras").mkdir()
    with pytest.raises(ArchivoRechazado):
        leer(tmp_path, "modelo.keras")


def test_un_archivo_de_2_gb_se_rechaza_por_su_tamano_sin_leerlo(tmp_path):
    with open(tmp_path / "modelo.keras", "wb") as archivo:
        archivo.truncate(2 * 2**30)  # sparse: costs no disk
    with pytest.raises(ArchivoRechazado, match="máximo es 100 MB"):
        leer(tmp_path, "modelo.keras")


def test_un_archivo_que_falta_es_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        leer(tmp_path, "modelo.keras")


@pytest.mark.parametrize("config, patron", [
    (_capa("Lambda"), "Lambda"),
    (_capa("Dense", modulo="os"), "módulo 'os'"),
    (_capa("Dense", modulo="builtins"), "módulo 'builtins'"),
    (_capa("MiCapa", modulo="keras.layers", registrado="mi_paquete>MiCapa"), "registrada"),
    ({"class_name": "__lambda__", "config": {"code": "x"}}, "__lambda__"),
], ids=["lambda", "modulo-os", "modulo-builtins", "registrada", "funcion-lambda"])
def test_un_config_con_codigo_propio_se_rechaza(config, patron):
    with pytest.raises(ArchivoRechazado, match=patron):
        revisar_keras(_keras(config))


@pytest.mark.parametrize("extra, patron", [
    ({"../fuera.py": "x"}, "ruta no permitida"),
    ({"/etc/passwd": "x"}, "ruta no permitida"),
    ({"codigo.py": "import os"}, "inesperado"),
], ids=["punto-punto", "absoluta", "miembro-extra"])
def test_un_zip_con_miembros_raros_se_rechaza(extra, patron):
    with pytest.raises(ArchivoRechazado, match=patron):
        revisar_keras(_keras(_capa("Dense"), extra))


def test_una_bomba_zip_se_rechaza():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zip_:
        zip_.writestr("config.json", "{}")
        zip_.writestr("model.weights.h5", b"\x00" * (300 * 2**20))
    with pytest.raises(ArchivoRechazado, match="bomba"):
        revisar_keras(buffer.getvalue())


def test_lo_que_no_es_zip_se_rechaza_con_un_mensaje_claro():
    with pytest.raises(ArchivoRechazado, match="no es un modelo de Keras válido"):
        revisar_keras(b"esto no es un zip")
