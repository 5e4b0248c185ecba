"""Manifiesto de los archivos de datos del curso.

Cada archivo de la copia verificada (la carpeta a la que apunta
``CURSO_DL_DATOS``, con la misma estructura que ``shared/datasets``) aparece
aquí con su ruta relativa, tamaño, sha256 y origen oficial.  El archivo
``SHA256SUMS`` de este paquete se genera con :func:`texto_sha256sums` y un test
comprueba que ambos coinciden.

También se listan los archivos de la caché de Keras que se aceptan como
segunda opción (``$KERAS_HOME/datasets`` o ``~/.keras/datasets``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

__all__ = [
    "ArchivoDatos",
    "ARCHIVOS",
    "CONJUNTOS",
    "KERAS_MNIST_NPZ",
    "KERAS_IMDB_NPZ",
    "KERAS_IMDB_INDICE",
    "KERAS_FASHION_MNIST",
    "KERAS_CIFAR10_TAR",
    "OPTDIGITS_URL_BASE",
    "PREFIJO_SHA256SUMS",
    "texto_sha256sums",
]


@dataclass(frozen=True)
class ArchivoDatos:
    """Un archivo de datos con su huella.

    ruta: ruta relativa, con ``/`` (p. ej. ``"mnist/t10k-labels-idx1-ubyte.gz"``).
    tamano: tamaño en bytes (``None`` si no se conoce con certeza).
    sha256: suma sha256 en hexadecimal, minúsculas.
    origen: URL oficial de la que procede (o de la que se deriva).
    nota: aclaración breve (p. ej. si es un archivo derivado).
    """

    ruta: str
    tamano: Optional[int]
    sha256: str
    origen: str
    nota: str = ""

    @property
    def nombre(self) -> str:
        """Nombre del archivo, sin carpetas."""
        return self.ruta.rsplit("/", 1)[-1]


_LECUN = "http://yann.lecun.com/exdb/mnist/"
_ZALANDO = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"
_KERAS = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/"
OPTDIGITS_URL_BASE = (
    "https://archive.ics.uci.edu/ml/machine-learning-databases/optdigits/"
)

_LISTA = [
    # --- MNIST: los 4 idx.gz originales de LeCun, idénticos byte a byte.
    ArchivoDatos("mnist/train-images-idx3-ubyte.gz", 9_912_422,
                 "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
                 _LECUN + "train-images-idx3-ubyte.gz"),
    ArchivoDatos("mnist/train-labels-idx1-ubyte.gz", 28_881,
                 "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
                 _LECUN + "train-labels-idx1-ubyte.gz"),
    ArchivoDatos("mnist/t10k-images-idx3-ubyte.gz", 1_648_877,
                 "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
                 _LECUN + "t10k-images-idx3-ubyte.gz"),
    ArchivoDatos("mnist/t10k-labels-idx1-ubyte.gz", 4_542,
                 "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
                 _LECUN + "t10k-labels-idx1-ubyte.gz"),
    # --- Fashion-MNIST: los 4 .gz originales de Zalando (mismos sha256 que Keras).
    ArchivoDatos("fashion-mnist/train-images-idx3-ubyte.gz", 26_421_880,
                 "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
                 _ZALANDO + "train-images-idx3-ubyte.gz"),
    ArchivoDatos("fashion-mnist/train-labels-idx1-ubyte.gz", 29_515,
                 "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
                 _ZALANDO + "train-labels-idx1-ubyte.gz"),
    ArchivoDatos("fashion-mnist/t10k-images-idx3-ubyte.gz", 4_422_102,
                 "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
                 _ZALANDO + "t10k-images-idx3-ubyte.gz"),
    ArchivoDatos("fashion-mnist/t10k-labels-idx1-ubyte.gz", 5_148,
                 "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5",
                 _ZALANDO + "t10k-labels-idx1-ubyte.gz"),
    # --- IMDB
    ArchivoDatos("imdb/imdb_word_index.json", 1_641_221,
                 "027313fe9a320280f3bf0fac5baf58c4a683cf39a7ed9c3d3d3912bde4284cf6",
                 _KERAS + "imdb_word_index.json",
                 "idéntico al de Keras (md5 bfafd718b763782e994055a2d397834f)"),
    ArchivoDatos("imdb/aclImdb_v1_labeled.tar.gz", 28_654_162,
                 "7329cc9312e07c525160fc2e3725813f5864523deaeecd31241e9bbe105d1df5",
                 "https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz",
                 "derivado: solo las 50.000 reseñas etiquetadas, re-empaquetadas"),
    # --- CIFAR-10: subconjunto documentado (4000 train + 1000 test).
    ArchivoDatos("cifar10/cifar10_subset.npz", 14_171_272,
                 "d257611604cfeed79ee11a3dd6b7237a50daff2b97d63e5d50eab1454c1c67ff",
                 "https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz",
                 "derivado: subconjunto de 4000 + 1000 imágenes"),
    # --- UCI optdigits
    ArchivoDatos("optdigits/optdigits.tra", 563_639,
                 "e1b683cc211604fe8fd8c4417e6a69f31380e0c61d4af22e93cc21e9257ffedd",
                 OPTDIGITS_URL_BASE + "optdigits.tra"),
    ArchivoDatos("optdigits/optdigits.tes", 264_712,
                 "6ebb3d2fee246a4e99363262ddf8a00a3c41bee6014c373ed9d9216ba7f651b8",
                 OPTDIGITS_URL_BASE + "optdigits.tes"),
    ArchivoDatos("optdigits/optdigits.names", 2_439,
                 "3e82f7202d72a2b7dbdbc324c8c90fe8853164f5d6ab978a071357ad3de89f02",
                 OPTDIGITS_URL_BASE + "optdigits.names",
                 "descripción del conjunto; no la necesita ningún cargador"),
]

#: ruta relativa -> ArchivoDatos, para todos los archivos de la copia verificada.
ARCHIVOS: dict[str, ArchivoDatos] = {a.ruta: a for a in _LISTA}

#: conjunto -> rutas relativas que necesita su cargador.
CONJUNTOS: dict[str, tuple[str, ...]] = {
    "mnist": (
        "mnist/train-images-idx3-ubyte.gz",
        "mnist/train-labels-idx1-ubyte.gz",
        "mnist/t10k-images-idx3-ubyte.gz",
        "mnist/t10k-labels-idx1-ubyte.gz",
    ),
    "fashion_mnist": (
        "fashion-mnist/train-images-idx3-ubyte.gz",
        "fashion-mnist/train-labels-idx1-ubyte.gz",
        "fashion-mnist/t10k-images-idx3-ubyte.gz",
        "fashion-mnist/t10k-labels-idx1-ubyte.gz",
    ),
    "optdigits": ("optdigits/optdigits.tra", "optdigits/optdigits.tes"),
    "cifar10": ("cifar10/cifar10_subset.npz",),
    "imdb": ("imdb/aclImdb_v1_labeled.tar.gz", "imdb/imdb_word_index.json"),
}

# --- Archivos de la caché de Keras (rutas relativas a <KERAS_HOME>/datasets).
KERAS_MNIST_NPZ = ArchivoDatos(
    "mnist.npz", None,
    "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1",
    _KERAS + "mnist.npz")
KERAS_IMDB_NPZ = ArchivoDatos(
    "imdb.npz", None,
    "69664113be75683a8fe16e3ed0ab59fda8886cb3cd7ada244f7d9544e4676b9f",
    _KERAS + "imdb.npz")
KERAS_IMDB_INDICE = ArchivoDatos(
    "imdb_word_index.json", 1_641_221,
    ARCHIVOS["imdb/imdb_word_index.json"].sha256,
    _KERAS + "imdb_word_index.json")
#: Keras guarda Fashion-MNIST en datasets/fashion-mnist/ con los mismos bytes.
KERAS_FASHION_MNIST = tuple(
    ArchivoDatos(r, ARCHIVOS[r].tamano, ARCHIVOS[r].sha256,
                 _KERAS + r.rsplit("/", 1)[-1])
    for r in CONJUNTOS["fashion_mnist"]
)
#: Archivo oficial completo de CIFAR-10 (Keras lo descarga y lo extrae).
KERAS_CIFAR10_TAR = ArchivoDatos(
    "cifar-10-python.tar.gz", 170_498_071,
    "6d958be074577803d12ecdefd02955f39262c83c16fe9348329d7fe0b5c001ce",
    "https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz")

#: Prefijo de las rutas en SHA256SUMS (igual que shared/datasets/SHA256SUMS).
PREFIJO_SHA256SUMS = "datasets/"


def texto_sha256sums() -> str:
    """Texto de ``SHA256SUMS`` (formato ``sha256sum -c``), ordenado por ruta.

    Las rutas llevan el prefijo ``datasets/``: se comprueba desde la carpeta
    que contiene ``datasets/`` con ``sha256sum -c datasets/SHA256SUMS``.
    """
    lineas = [
        f"{a.sha256}  {PREFIJO_SHA256SUMS}{a.ruta}"
        for a in sorted(ARCHIVOS.values(), key=lambda a: a.ruta)
    ]
    return "\n".join(lineas) + "\n"
