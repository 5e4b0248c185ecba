"""Tests del paquete ``source_data`` (manifiesto, verificación y cargadores).

Usan la copia verificada de los datos: ``$CURSO_DL_DATOS`` si está definida,
si no ``shared/datasets`` junto al repositorio.  Si esa carpeta no existe los
tests que la necesitan fallan (no se saltan).  Nunca se usa la red:
``CURSO_DL_SIN_DESCARGA=1`` y ``KERAS_HOME``/``CURSO_DL_CACHE`` apuntan a
carpetas temporales.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import pickle
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import numpy as np
import pytest

RAIZ = Path(__file__).resolve().parents[1]
if str(RAIZ) not in sys.path:
    sys.path.insert(0, str(RAIZ))

import source_data as sd  # noqa: E402
from source_data import imdb as sd_imdb  # noqa: E402
from source_data import manifiesto, verificacion  # noqa: E402

_ENV = os.environ.get("CURSO_DL_DATOS", "").strip()
DATOS = Path(_ENV).expanduser() if _ENV else (
    Path(__file__).resolve().parents[1].parent / "shared" / "datasets")

SHA_TES = manifiesto.ARCHIVOS["optdigits/optdigits.tes"].sha256
SHA_MNIST_TRAIN_IMG = manifiesto.ARCHIVOS["mnist/train-images-idx3-ubyte.gz"].sha256

# x_train[0] tal como lo publica keras.datasets.imdb.load_data() (primeros 30
# valores; la reseña completa tiene 218).
KERAS_IMDB_X_TRAIN_0 = [1, 14, 22, 16, 43, 530, 973, 1622, 1385, 65, 458, 4468,
                        66, 3941, 4, 173, 36, 256, 5, 25, 100, 43, 838, 112, 50,
                        670, 2, 9, 35, 480]


@pytest.fixture(scope="session")
def datos() -> Path:
    if not DATOS.is_dir():
        pytest.fail(
            f"No existe la carpeta de datos {DATOS}. Define CURSO_DL_DATOS con la "
            "ruta de la copia verificada (la carpeta con mnist/, fashion-mnist/, "
            "imdb/, cifar10/, optdigits/ y SHA256SUMS).", pytrace=False)
    return DATOS


@pytest.fixture(autouse=True)
def entorno(monkeypatch, tmp_path):
    """Aísla cada test: datos verificados, Keras y caché vacíos, sin red."""
    monkeypatch.setenv("CURSO_DL_DATOS", str(DATOS))
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras_home"))
    monkeypatch.setenv("CURSO_DL_CACHE", str(tmp_path / "cache_curso"))
    monkeypatch.setenv("CURSO_DL_SIN_DESCARGA", "1")


# --------------------------------------------------------------------------
# Importación, configuración y manifiesto
# --------------------------------------------------------------------------

def test_importar_no_carga_keras():
    codigo = ("import sys, source_data; "
              "m = [n for n in sys.modules if n.split('.')[0] in "
              "('keras', 'tensorflow', 'tf_keras', 'torch')]; "
              "assert not m, m")
    r = subprocess.run([sys.executable, "-c", codigo], cwd=RAIZ,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr


def test_directorio_datos(monkeypatch, tmp_path):
    monkeypatch.setenv("CURSO_DL_DATOS", str(tmp_path))
    assert sd.directorio_datos() == tmp_path
    monkeypatch.delenv("CURSO_DL_DATOS")
    assert sd.directorio_datos() is None


def _leer_sha256sums(ruta: Path) -> dict[str, str]:
    entradas = {}
    for linea in ruta.read_text().splitlines():
        if linea.strip():
            sha, rel = linea.split("  ", 1)
            entradas[rel] = sha
    return entradas


def test_sha256sums_coincide_con_manifiesto():
    ruta = RAIZ / "source_data" / "SHA256SUMS"
    assert ruta.read_text() == manifiesto.texto_sha256sums()
    entradas = _leer_sha256sums(ruta)
    esperado = {manifiesto.PREFIJO_SHA256SUMS + a.ruta: a.sha256
                for a in manifiesto.ARCHIVOS.values()}
    assert entradas == esperado
    for sha in entradas.values():
        assert len(sha) == 64 and sha == sha.lower()


def test_sha256sums_igual_que_la_copia_compartida(datos):
    compartido = datos / "SHA256SUMS"
    assert compartido.is_file(), f"falta {compartido}"
    assert (_leer_sha256sums(compartido)
            == _leer_sha256sums(RAIZ / "source_data" / "SHA256SUMS"))


def test_manifest_md_documenta_todos_los_archivos():
    texto = (RAIZ / "source_data" / "MANIFEST.md").read_text(encoding="utf-8")
    for a in manifiesto.ARCHIVOS.values():
        assert a.sha256 in texto, a.ruta
        assert a.ruta in texto, a.ruta
    for clave in ("CURSO_DL_DATOS", "CURSO_DL_SIN_DESCARGA", "CURSO_DL_CACHE",
                  "sha256sum -c", "subconjunto", "text_to_word_sequence",
                  "RandomState(113)"):
        assert clave in texto, clave


def test_todos_los_archivos_de_datos_verifican(datos):
    for a in manifiesto.ARCHIVOS.values():
        ruta = datos / a.ruta
        assert ruta.is_file(), f"falta {ruta}"
        assert ruta.stat().st_size == a.tamano, a.ruta
        assert sd.verificar_archivo(ruta, a.sha256) == ruta


# --------------------------------------------------------------------------
# Verificación y errores
# --------------------------------------------------------------------------

def _copiar_optdigits(destino: Path, datos: Path) -> Path:
    carpeta = destino / "optdigits"
    carpeta.mkdir(parents=True)
    for nombre in ("optdigits.tra", "optdigits.tes"):
        shutil.copyfile(datos / "optdigits" / nombre, carpeta / nombre)
    return carpeta


def _voltear_byte(ruta: Path, pos: int = 100) -> None:
    contenido = bytearray(ruta.read_bytes())
    contenido[pos] ^= 0xFF
    ruta.write_bytes(bytes(contenido))


def test_copia_corrupta_lanza_error_sin_recurrir_a_otra(datos, tmp_path, monkeypatch):
    corrupta = tmp_path / "corrupta"
    carpeta = _copiar_optdigits(corrupta, datos)
    _voltear_byte(carpeta / "optdigits.tes")
    # Una copia buena en la caché del curso NO debe usarse en silencio.
    _copiar_optdigits(tmp_path / "cache_buena", datos)
    monkeypatch.setenv("CURSO_DL_CACHE", str(tmp_path / "cache_buena"))
    monkeypatch.setenv("CURSO_DL_DATOS", str(corrupta))
    with pytest.raises(sd.ErrorDatos) as info:
        sd.cargar_optdigits()
    mensaje = str(info.value)
    assert "optdigits.tes" in mensaje
    assert SHA_TES in mensaje
    assert verificacion.sha256_archivo(carpeta / "optdigits.tes") in mensaje
    assert "CURSO_DL_DATOS" in mensaje and "sha256sum -c" in mensaje

    with pytest.raises(sd.ErrorDatos) as info:
        sd.verificar_archivo(carpeta / "optdigits.tes", SHA_TES)
    assert "optdigits.tes" in str(info.value) and SHA_TES in str(info.value)


def test_archivo_ausente_sin_descarga(tmp_path, monkeypatch):
    vacia = tmp_path / "vacia"
    vacia.mkdir()
    monkeypatch.setenv("CURSO_DL_DATOS", str(vacia))
    with pytest.raises(sd.ErrorDatos) as info:
        sd.cargar_mnist()
    mensaje = str(info.value)
    assert "train-images-idx3-ubyte.gz" in mensaje and SHA_MNIST_TRAIN_IMG in mensaje
    assert "mnist.npz" in mensaje and manifiesto.KERAS_MNIST_NPZ.sha256 in mensaje
    assert str(vacia) in mensaje and str(tmp_path / "keras_home") in mensaje
    assert "CURSO_DL_DATOS=" in mensaje and "internet" in mensaje

    with pytest.raises(sd.ErrorDatos) as info:
        sd.cargar_optdigits()
    assert "optdigits.tes" in str(info.value) and SHA_TES in str(info.value)

    for funcion in (sd.cargar_fashion_mnist, sd.cargar_imdb, sd.cargar_cifar10,
                    sd.origen_cifar10, sd.indice_palabras_imdb):
        with pytest.raises(sd.ErrorDatos):
            funcion()


def test_verificar_archivo_inexistente(tmp_path):
    with pytest.raises(sd.ErrorDatos) as info:
        sd.verificar_archivo(tmp_path / "no_existe.gz", SHA_TES)
    assert "no_existe.gz" in str(info.value) and SHA_TES in str(info.value)


def test_verificaciones_se_recuerdan(tmp_path, monkeypatch):
    ruta = tmp_path / "a.bin"
    ruta.write_bytes(b"hola")
    sha = verificacion.sha256_archivo(ruta)
    llamadas = []
    original = verificacion.sha256_archivo

    def contar(r):
        llamadas.append(r)
        return original(r)

    monkeypatch.setattr(verificacion, "sha256_archivo", contar)
    sd.verificar_archivo(ruta, sha)
    sd.verificar_archivo(ruta, sha)
    assert len(llamadas) == 1
    ruta.write_bytes(b"adios!")  # otro tamaño: hay que volver a calcular
    with pytest.raises(sd.ErrorDatos):
        sd.verificar_archivo(ruta, sha)
    assert len(llamadas) == 2


def _gz_idx(ruta: Path, magico: int, dims, datos: bytes) -> None:
    cab = magico.to_bytes(4, "big") + b"".join(d.to_bytes(4, "big") for d in dims)
    ruta.write_bytes(gzip.compress(cab + datos))


def test_idx_valida_cabecera(tmp_path):
    from source_data.idx import leer_idx_gz
    ruta = tmp_path / "x.gz"
    _gz_idx(ruta, 2051, (2, 2, 3), bytes(range(12)))
    x = leer_idx_gz(ruta, 2051, (2, 2, 3))
    assert x.dtype == np.uint8 and x.shape == (2, 2, 3) and x[1, 1, 2] == 11
    with pytest.raises(sd.ErrorDatos, match="mágico"):
        leer_idx_gz(ruta, 2049, (2, 2, 3))
    with pytest.raises(sd.ErrorDatos, match="dimensiones"):
        leer_idx_gz(ruta, 2051, (3, 2, 2))
    _gz_idx(ruta, 2049, (5,), bytes(4))
    with pytest.raises(sd.ErrorDatos, match="bytes"):
        leer_idx_gz(ruta, 2049, (5,))


# --------------------------------------------------------------------------
# Cargadores de imágenes
# --------------------------------------------------------------------------

def _comprobar(par_train, par_test, forma_x_tr, forma_y_tr, forma_x_te, forma_y_te,
               cuentas_tr, cuentas_te):
    (x_tr, y_tr), (x_te, y_te) = par_train, par_test
    for arr, forma in ((x_tr, forma_x_tr), (y_tr, forma_y_tr),
                       (x_te, forma_x_te), (y_te, forma_y_te)):
        assert arr.dtype == np.uint8
        assert arr.shape == forma
    assert np.bincount(y_tr.ravel(), minlength=10).tolist() == cuentas_tr
    assert np.bincount(y_te.ravel(), minlength=10).tolist() == cuentas_te


def test_mnist(datos):
    tr, te = sd.cargar_mnist()
    _comprobar(tr, te, (60000, 28, 28), (60000,), (10000, 28, 28), (10000,),
               [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949],
               [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009])
    assert tr[0].max() == 255 and tr[0].min() == 0
    assert tr[1][:10].tolist() == [5, 0, 4, 1, 9, 2, 1, 3, 1, 4]


def test_fashion_mnist(datos):
    tr, te = sd.cargar_fashion_mnist()
    _comprobar(tr, te, (60000, 28, 28), (60000,), (10000, 28, 28), (10000,),
               [6000] * 10, [1000] * 10)
    assert tr[1][:5].tolist() == [9, 0, 0, 3, 0]


def test_fashion_mnist_desde_cache_keras(datos, tmp_path, monkeypatch):
    carpeta = tmp_path / "keras_home" / "datasets" / "fashion-mnist"
    carpeta.mkdir(parents=True)
    for rel in manifiesto.CONJUNTOS["fashion_mnist"]:
        os.symlink(datos / rel, carpeta / rel.rsplit("/", 1)[-1])
    monkeypatch.setenv("CURSO_DL_DATOS", str(tmp_path / "no_existe"))
    (x_tr, y_tr), (x_te, y_te) = sd.cargar_fashion_mnist()
    assert x_tr.shape == (60000, 28, 28) and y_te.shape == (10000,)


def test_optdigits(datos):
    tr, te = sd.cargar_optdigits()
    _comprobar(tr, te, (3823, 64), (3823,), (1797, 64), (1797,),
               [376, 389, 380, 389, 387, 376, 377, 387, 380, 382],
               [178, 182, 177, 183, 181, 182, 181, 179, 174, 180])
    assert tr[0].max() == 16 and te[0].max() == 16


def test_optdigits_desde_cache_del_curso(datos, tmp_path, monkeypatch):
    _copiar_optdigits(tmp_path / "cache_curso", datos)
    monkeypatch.setenv("CURSO_DL_DATOS", str(tmp_path / "no_existe"))
    (x_tr, _), (x_te, _) = sd.cargar_optdigits()
    assert x_tr.shape == (3823, 64) and x_te.shape == (1797, 64)


def test_cifar10_subconjunto(datos):
    tr, te = sd.cargar_cifar10()
    _comprobar(tr, te, (4000, 32, 32, 3), (4000, 1), (1000, 32, 32, 3), (1000, 1),
               [396, 366, 420, 384, 422, 393, 414, 385, 407, 413],
               [103, 89, 100, 103, 90, 86, 112, 102, 106, 109])
    assert tr[1][:10, 0].tolist() == [6, 9, 9, 4, 1, 1, 2, 7, 8, 3]
    assert te[1][:10, 0].tolist() == [3, 8, 8, 0, 6, 6, 1, 6, 3, 1]
    assert sd.origen_cifar10() == "subconjunto"


def test_cifar10_completo_desde_cache_keras(tmp_path, monkeypatch):
    """Lotes falsos (pequeños) con el formato de cifar-10-batches-py de Keras."""
    carpeta = tmp_path / "keras_home" / "datasets" / "cifar-10-batches-py"
    carpeta.mkdir(parents=True)
    rng = np.random.RandomState(0)
    lotes = {}
    for nombre in [f"data_batch_{i}" for i in range(1, 6)] + ["test_batch"]:
        data = rng.randint(0, 256, size=(4, 3072)).astype(np.uint8)
        labels = rng.randint(0, 10, size=4).tolist()
        lotes[nombre] = (data, labels)
        with open(carpeta / nombre, "wb") as f:
            pickle.dump({b"data": data, b"labels": labels, b"batch_label": b"x"},
                        f, protocol=4)
    monkeypatch.setenv("CURSO_DL_DATOS", str(tmp_path / "no_existe"))
    assert sd.origen_cifar10() == "completo"
    (x_tr, y_tr), (x_te, y_te) = sd.cargar_cifar10()
    assert x_tr.shape == (20, 32, 32, 3) and y_tr.shape == (20, 1)
    assert x_te.shape == (4, 32, 32, 3) and y_te.shape == (4, 1)
    assert x_tr.dtype == np.uint8 and y_tr.dtype == np.uint8
    data, labels = lotes["data_batch_2"]
    # canal R = primeros 1024 valores, en orden de filas
    assert x_tr[4, 0, 1, 0] == data[0, 1] and x_tr[4, 1, 0, 2] == data[0, 2048 + 32]
    assert y_tr[4:8, 0].tolist() == labels


def test_pickle_malicioso_rechazado(tmp_path, monkeypatch):
    carpeta = tmp_path / "keras_home" / "datasets" / "cifar-10-batches-py"
    carpeta.mkdir(parents=True)
    for nombre in [f"data_batch_{i}" for i in range(1, 6)] + ["test_batch"]:
        with open(carpeta / nombre, "wb") as f:
            pickle.dump({b"data": os.getcwd}, f)  # global no permitido
    monkeypatch.setenv("CURSO_DL_DATOS", str(tmp_path / "no_existe"))
    with pytest.raises(sd.ErrorDatos, match="rechaza"):
        sd.cargar_cifar10()


# --------------------------------------------------------------------------
# IMDB: unidades pequeñas
# --------------------------------------------------------------------------

def _tokenizar_referencia(texto: str) -> list[str]:
    """Copia literal de keras text_to_word_sequence (valores por defecto)."""
    filtros = '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n'
    texto = texto.lower().translate(str.maketrans({c: " " for c in filtros}))
    return [t for t in texto.split(" ") if t]


def test_tokenizador():
    texto = ("Great movie!<br /><br />It's 10/10... (really)\tGO see it;"
             " \"5-star\"  ÉPICO\u0085fin")
    esperado = ["great", "movie", "br", "br", "it's", "10", "10", "really", "go",
                "see", "it", "5", "star", "épico\u0085fin"]
    assert sd.tokenizar_imdb(texto) == esperado
    assert sd.tokenizar_imdb(texto) == _tokenizar_referencia(texto)
    assert sd.tokenizar_imdb("<br />") == ["br"]
    assert sd.tokenizar_imdb("   ") == []


def _keras_load_data_referencia(x_train, y_train, x_test, y_test, num_words,
                                seed=113, start_char=1, oov_char=2, index_from=3):
    """Algoritmo de keras.datasets.imdb.load_data (Keras 3.15), en Python puro."""
    rng = np.random.RandomState(seed)
    indices = np.arange(len(x_train))
    rng.shuffle(indices)
    x_train, y_train = x_train[indices], y_train[indices]
    indices = np.arange(len(x_test))
    rng.shuffle(indices)
    x_test, y_test = x_test[indices], y_test[indices]
    x_train = [[start_char] + [w + index_from for w in x] for x in x_train]
    x_test = [[start_char] + [w + index_from for w in x] for x in x_test]
    xs = x_train + x_test
    labels = np.concatenate([y_train, y_test])
    if not num_words:
        num_words = max(max(x) for x in xs)
    xs = [[w if (0 <= w < num_words) else oov_char for w in x] for x in xs]
    idx = len(x_train)
    return (xs[:idx], labels[:idx]), (xs[idx:], labels[idx:])


def _objetos(listas):
    out = np.empty(len(listas), dtype=object)
    for i, s in enumerate(listas):
        out[i] = s
    return out


@pytest.mark.parametrize("num_words", [12, 30, None])
def test_convenciones_keras_identicas(num_words):
    rng = np.random.RandomState(7)
    x_tr = _objetos([rng.randint(1, 40, size=rng.randint(0, 9)).tolist() for _ in range(37)])
    x_te = _objetos([rng.randint(1, 40, size=rng.randint(1, 9)).tolist() for _ in range(23)])
    y_tr, y_te = rng.randint(0, 2, 37), rng.randint(0, 2, 23)
    (r_xtr, r_ytr), (r_xte, r_yte) = _keras_load_data_referencia(
        x_tr, y_tr, x_te, y_te, num_words)
    p_tr, d_tr = sd_imdb.desde_objetos(x_tr)
    p_te, d_te = sd_imdb.desde_objetos(x_te)
    tr, te = sd_imdb.estilo_keras((p_tr, d_tr, y_tr), (p_te, d_te, y_te), num_words)
    assert sd_imdb.a_objetos(tr[0], tr[1]).tolist() == r_xtr
    assert sd_imdb.a_objetos(te[0], te[1]).tolist() == r_xte
    assert tr[2].tolist() == r_ytr.tolist() and te[2].tolist() == r_yte.tolist()


def _tar_sintetico(ruta: Path, resenas: dict[str, str], formato=tarfile.USTAR_FORMAT):
    with tarfile.open(ruta, "w:gz", format=formato) as tf:
        for nombre, texto in resenas.items():
            datos = texto.encode("utf-8")
            info = tarfile.TarInfo(nombre)
            info.size = len(datos)
            tf.addfile(info, io.BytesIO(datos))


RESENAS = {
    "aclImdb/train/pos/0_9.txt": "Good film.<br />Very good!",
    "aclImdb/train/neg/1_2.txt": "Bad, bad film. Zzyzx!",
    "aclImdb/train/pos/10_8.txt": "The film is good",
    "aclImdb/test/neg/0_1.txt": "bad",
    "aclImdb/test/pos/3_10.txt": "good GOOD good film",
    "aclImdb/README": "no es una reseña",
}
INDICE = {"the": 1, "film": 2, "good": 3, "bad": 4, "is": 5, "br": 6, "very": 7}


def test_lector_tar_rapido_y_respaldo(tmp_path):
    for formato in (tarfile.USTAR_FORMAT, tarfile.GNU_FORMAT, tarfile.PAX_FORMAT):
        ruta = tmp_path / f"t{formato}.tar.gz"
        resenas = dict(RESENAS)
        resenas["aclImdb/train/neg/" + "9" * 90 + "_1.txt"] = "long name bad"
        _tar_sintetico(ruta, resenas, formato)
        part = sd_imdb._leer_resenas(ruta)
        assert [n for n, _, _ in part["test"]] == ["aclImdb/test/neg/0_1.txt",
                                                   "aclImdb/test/pos/3_10.txt"]
        assert [e for _, e, _ in part["train"]] == [0, 0, 1, 1]
        assert part["train"][1][2] == b"long name bad"


def test_cache_imdb_sintetica(tmp_path):
    tar = tmp_path / "mini.tar.gz"
    _tar_sintetico(tar, RESENAS)
    indice = tmp_path / "indice.json"
    indice.write_text(json.dumps(INDICE))
    cache = tmp_path / "cache"
    tr, te = sd_imdb.cargar_o_construir(tar, indice, "h1", 8, cache, por_clase=None)
    ruta_cache = cache / sd_imdb.nombre_cache(8)
    assert ruta_cache.is_file()
    assert "nw8" in ruta_cache.name and f"v{sd_imdb.VERSION_CACHE}" in ruta_cache.name
    # referencia: orden por ruta, índices crudos (0 = desconocida -> oov)
    orden = sorted(k for k in RESENAS if k.startswith("aclImdb/train/"))
    assert orden[0].endswith("1_2.txt")  # neg antes que pos; "0_9" < "10_8"
    crudos_tr = _objetos([[4, 4, 2, 0], [3, 2, 6, 7, 3], [1, 2, 5, 3]])
    crudos_te = _objetos([[4], [3, 3, 3, 2]])
    y_tr, y_te = np.array([0, 1, 1]), np.array([0, 1])
    (r_xtr, r_ytr), (r_xte, _) = _keras_load_data_referencia(
        _objetos([[w if w else -100 for w in s] for s in crudos_tr]), y_tr,
        crudos_te, y_te, 8)
    assert sd_imdb.a_objetos(tr[0], tr[1]).tolist() == r_xtr
    assert sd_imdb.a_objetos(te[0], te[1]).tolist() == r_xte
    assert tr[2].tolist() == r_ytr.tolist()

    # la segunda vez se lee de la caché (sin tocar el tar)
    tar.rename(tmp_path / "apartado.tar.gz")
    tr2, _ = sd_imdb.cargar_o_construir(tar, indice, "h1", 8, cache, por_clase=None)
    assert tr2[0].tolist() == tr[0].tolist()
    (tmp_path / "apartado.tar.gz").rename(tar)

    # caché dañada u obsoleta -> se reconstruye
    ruta_cache.write_bytes(ruta_cache.read_bytes()[:50])
    with pytest.warns(UserWarning, match="reconstruye"):
        tr3, _ = sd_imdb.cargar_o_construir(tar, indice, "h1", 8, cache, por_clase=None)
    assert tr3[0].tolist() == tr[0].tolist()
    assert sd_imdb.leer_cache(ruta_cache, 8, "h1") is not None
    assert sd_imdb.leer_cache(ruta_cache, 8, "otra-huella") is None
    assert sd_imdb.leer_cache(ruta_cache, 9, "h1") is None


# --------------------------------------------------------------------------
# IMDB real (una sola construcción por sesión)
# --------------------------------------------------------------------------

@pytest.fixture(scope="session")
def imdb_real(datos, tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache_imdb")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CURSO_DL_DATOS", str(datos))
        mp.setenv("CURSO_DL_CACHE", str(cache))
        mp.setenv("KERAS_HOME", str(cache / "keras_home_vacio"))
        mp.setenv("CURSO_DL_SIN_DESCARGA", "1")
        t0 = time.perf_counter()
        resultado = sd.cargar_imdb(num_words=10000)
        t1 = time.perf_counter()
        de_cache = sd.cargar_imdb(num_words=10000)
        t2 = time.perf_counter()
    print(f"\nIMDB: construcción {t1 - t0:.1f} s, desde caché {t2 - t1:.1f} s")
    return {"datos": resultado, "de_cache": de_cache, "cache": cache,
            "t_construir": t1 - t0, "t_cache": t2 - t1}


def test_imdb_formas_y_convenciones(imdb_real):
    (x_tr, y_tr), (x_te, y_te) = imdb_real["datos"]
    assert x_tr.shape == (25000,) and x_te.shape == (25000,)
    assert x_tr.dtype == object and isinstance(x_tr[0], list)
    assert isinstance(x_tr[0][0], int)
    assert y_tr.dtype == np.int64 and y_te.dtype == np.int64
    assert np.bincount(y_tr).tolist() == [12500, 12500]
    assert np.bincount(y_te).tolist() == [12500, 12500]
    for xs in (x_tr, x_te):
        plano = np.concatenate([np.asarray(s) for s in xs])
        assert all(s[0] == 1 for s in xs)
        assert plano.max() < 10000 and plano.min() >= 1
        assert (plano == 2).any()
    # estadísticas conocidas de keras.datasets.imdb (longitud media y máxima)
    longitudes = np.array([len(s) for s in x_tr])
    assert round(longitudes.mean(), 5) == 238.71364 and longitudes.max() == 2494


def test_imdb_cache(imdb_real):
    cache = imdb_real["cache"]
    nombre = sd_imdb.nombre_cache(10000)
    assert (cache / nombre).is_file()
    assert "nw10000" in nombre and f"v{sd_imdb.VERSION_CACHE}" in nombre
    (a_tr, a_ytr), (a_te, a_yte) = imdb_real["datos"]
    (b_tr, b_ytr), (b_te, b_yte) = imdb_real["de_cache"]
    assert a_tr.tolist() == b_tr.tolist() and a_te.tolist() == b_te.tolist()
    assert (a_ytr == b_ytr).all() and (a_yte == b_yte).all()
    assert imdb_real["t_cache"] < imdb_real["t_construir"]


def test_imdb_contiene_la_primera_resena_de_keras(imdb_real):
    (x_tr, y_tr), _ = imdb_real["datos"]
    encontrados = [i for i, s in enumerate(x_tr) if s[:30] == KERAS_IMDB_X_TRAIN_0]
    assert len(encontrados) == 1
    assert len(x_tr[encontrados[0]]) == 218 and y_tr[encontrados[0]] == 1


def test_imdb_ida_y_vuelta_con_el_indice(imdb_real, datos):
    (x_tr, y_tr), _ = imdb_real["datos"]
    indice = sd.indice_palabras_imdb()
    assert len(indice) == 88584 and indice["the"] == 1 and indice["br"] == 7
    inverso = {v + 3: k for k, v in indice.items()}

    crudo = gzip.decompress((datos / "imdb/aclImdb_v1_labeled.tar.gz").read_bytes())
    with tarfile.open(fileobj=io.BytesIO(crudo)) as tf:
        nombres = sorted(n for n in tf.getnames()
                         if n.startswith("aclImdb/train/") and n.endswith(".txt")
                         and n.count("/") == 3)
        assert len(nombres) == 25000
        perm = np.arange(25000)
        np.random.RandomState(113).shuffle(perm)
        conocida = nombres.index("aclImdb/train/pos/0_9.txt")
        posiciones = [0, 1, 2, int(np.where(perm == conocida)[0][0])]
        for i in posiciones:
            nombre = nombres[perm[i]]
            texto = tf.extractfile(nombre).read().decode("utf-8")
            tokens = _tokenizar_referencia(texto)
            assert y_tr[i] == (1 if "/pos/" in nombre else 0)
            secuencia = x_tr[i]
            assert len(secuencia) == len(tokens) + 1
            decodificado = [inverso.get(w, "?") for w in secuencia[1:]]
            esperado = [t if indice.get(t, 10**9) + 3 < 10000 else "?" for t in tokens]
            assert decodificado == esperado
    # la reseña conocida ("Bromwell High is a cartoon comedy...")
    decodificado = [inverso.get(w, "?") for w in x_tr[posiciones[-1]][1:7]]
    assert decodificado == ["?", "high", "is", "a", "cartoon", "comedy"]


# --------------------------------------------------------------------------
# Caché de Keras (archivos falsos con su propio sha256)
# --------------------------------------------------------------------------

def test_mnist_npz_de_keras(tmp_path, monkeypatch):
    from source_data import cargadores
    carpeta = tmp_path / "keras_home" / "datasets"
    carpeta.mkdir(parents=True)
    ruta = carpeta / "mnist.npz"
    x = np.arange(2 * 28 * 28, dtype=np.uint8).reshape(2, 28, 28)
    np.savez(ruta, x_train=x, y_train=np.array([3, 4], np.uint8),
             x_test=x[:1], y_test=np.array([5], np.uint8))
    monkeypatch.setenv("CURSO_DL_DATOS", str(tmp_path / "no_existe"))
    # con el sha256 oficial el archivo falso no verifica: error, sin descarga
    with pytest.raises(sd.ErrorDatos) as info:
        sd.cargar_mnist()
    assert "mnist.npz" in str(info.value)
    assert manifiesto.KERAS_MNIST_NPZ.sha256 in str(info.value)
    falso = manifiesto.ArchivoDatos("mnist.npz", None,
                                    verificacion.sha256_archivo(ruta), "falso")
    monkeypatch.setattr(cargadores, "KERAS_MNIST_NPZ", falso)
    (x_tr, y_tr), (x_te, y_te) = sd.cargar_mnist()
    assert (x_tr == x).all() and y_tr.tolist() == [3, 4] and y_te.tolist() == [5]


def test_imdb_npz_de_keras(tmp_path, monkeypatch):
    from source_data import cargadores
    carpeta = tmp_path / "keras_home" / "datasets"
    carpeta.mkdir(parents=True)
    rng = np.random.RandomState(3)
    x_tr = _objetos([rng.randint(1, 60, size=rng.randint(1, 9)).tolist() for _ in range(30)])
    x_te = _objetos([rng.randint(1, 60, size=rng.randint(1, 9)).tolist() for _ in range(20)])
    y_tr, y_te = rng.randint(0, 2, 30).astype(np.int64), rng.randint(0, 2, 20).astype(np.int64)
    ruta = carpeta / "imdb.npz"
    np.savez(ruta, x_train=x_tr, y_train=y_tr, x_test=x_te, y_test=y_te)
    falso = manifiesto.ArchivoDatos("imdb.npz", None,
                                    verificacion.sha256_archivo(ruta), "falso")
    monkeypatch.setattr(cargadores, "KERAS_IMDB_NPZ", falso)
    monkeypatch.setenv("CURSO_DL_DATOS", str(tmp_path / "no_existe"))
    (a_xtr, a_ytr), (a_xte, a_yte) = sd.cargar_imdb(num_words=20)
    (r_xtr, r_ytr), (r_xte, r_yte) = _keras_load_data_referencia(
        x_tr, y_tr, x_te, y_te, 20)
    assert a_xtr.tolist() == r_xtr and a_xte.tolist() == r_xte
    assert a_ytr.tolist() == r_ytr.tolist() and a_yte.tolist() == r_yte.tolist()
