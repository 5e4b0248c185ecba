"""Comprobaciones de estructura de un modelo de Keras descrito por el calificador.

Each function receives the plain description returned by
``alumno.modelo_construido(...)`` / ``alumno.modelo_guardado(...)`` (see
``evaluar_modelo`` in ``autograder/trabajador.py``): ``entrada`` and ``salida``
are JSON text such as ``"[null, 784]"`` and ``capas`` is a list of dicts with
``clase`` and ``activacion``. Every mismatch raises ``Fallo`` with a hint.
"""
from __future__ import annotations

import json

from autograder.errores import Fallo

NUM_PIXELES = 28 * 28
NUM_CLASES = 10
CAPAS_PERMITIDAS = ("InputLayer", "Dense", "Dropout", "Activation", "Softmax", "ReLU", "Flatten")
CAPAS_CONVOLUCIONALES = ("Conv", "Pooling", "Pool")
CAPAS_RECURRENTES = ("LSTM", "GRU", "RNN", "Bidirectional")


def _forma(texto) -> tuple | None:
    try:
        forma = json.loads(texto)
    except (TypeError, ValueError):
        return None
    return tuple(forma) if isinstance(forma, list) else None


def _mostrar(forma) -> str:
    if forma is None:
        return "desconocida"
    return "(" + ", ".join("None" if d is None else str(d) for d in forma) + ")"


def exigir_solo_densas(descripcion: dict, que: str) -> None:
    """Solo capas Dense (más Dropout, Flatten y capas de activación) y al menos una Dense."""
    clases = [capa["clase"] for capa in descripcion["capas"]]
    for clase in clases:
        if clase in CAPAS_PERMITIDAS:
            continue
        if any(parte in clase for parte in CAPAS_CONVOLUCIONALES):
            raise Fallo(f"{que}: tiene una capa {clase}. En esta tarea la red usa solo capas Dense "
                        "(las convoluciones llegan en la tarea 09_cnn_mnist). Quita las capas convolucionales "
                        "y de pooling y trabaja con las imágenes aplanadas (784,).")
        if any(parte in clase for parte in CAPAS_RECURRENTES):
            raise Fallo(f"{que}: tiene una capa recurrente {clase}. En esta tarea la red usa solo capas Dense "
                        "(las redes recurrentes llegan en la tarea 11_lstm_imdb).")
        raise Fallo(f"{que}: tiene una capa {clase}. En esta tarea la red usa solo capas Dense "
                    f"(se admiten también {', '.join(c for c in CAPAS_PERMITIDAS if c != 'Dense')}).")
    if "Dense" not in clases:
        raise Fallo(f"{que}: no tiene ninguna capa Dense; se esperaba una red de capas densas "
                    "(por ejemplo Dense(256, activation='relu') y Dense(10, activation='softmax')).")


def exigir_entrada_784(descripcion: dict, que: str) -> None:
    """La entrada es el vector aplanado de 784 píxeles: forma (None, 784)."""
    entrada = _forma(descripcion["entrada"])
    if entrada == (None, NUM_PIXELES):
        return
    pista = ("La red recibe lo que devuelve `preprocesar`: vectores de 784 píxeles. "
             "Empieza con keras.Input(shape=(784,)).")
    if entrada is not None and tuple(entrada[1:]) in ((28, 28), (28, 28, 1)):
        pista = ("Tu modelo espera imágenes sin aplanar; la red recibe lo que devuelve `preprocesar`, "
                 "vectores de 784 píxeles: usa keras.Input(shape=(784,)).")
    raise Fallo(f"{que}: la entrada tiene forma {_mostrar(entrada)} y se esperaba (None, 784). {pista}")


def exigir_salida_softmax_10(descripcion: dict, que: str) -> None:
    """Salida (None, 10) y la última capa con activación softmax."""
    salida = _forma(descripcion["salida"])
    if salida != (None, NUM_CLASES):
        raise Fallo(f"{que}: la salida tiene forma {_mostrar(salida)} y se esperaba (None, 10). "
                    "La última capa debe ser Dense(10, ...): una salida por dígito.")
    ultima = descripcion["capas"][-1] if descripcion["capas"] else {"clase": "", "activacion": ""}
    activacion = ultima["activacion"]
    if ultima["clase"] == "Softmax" or activacion == "softmax":
        return
    if activacion in ("linear", "", "None"):
        raise Fallo(f"{que}: la última capa ({ultima['clase']}) no tiene activación, así que la red devuelve "
                    "logits (puntuaciones sin normalizar) y no probabilidades. Usa "
                    "Dense(10, activation='softmax') para que cada salida sea una probabilidad y sumen 1.")
    raise Fallo(f"{que}: la última capa usa la activación '{activacion}' y se esperaba 'softmax'. "
                "Los 10 dígitos son clases excluyentes: softmax da una probabilidad por clase que suma 1.")


def exigir_compilado_categorica(descripcion: dict, que: str) -> None:
    """Compilado con la entropía cruzada categórica (etiquetas one-hot)."""
    if not descripcion["compilado"]:
        raise Fallo(f"{que}: el modelo no está compilado. Antes de devolverlo llama a "
                    "modelo.compile(optimizer='adam', loss='categorical_crossentropy', metrics=['accuracy']).")
    perdida = str(descripcion["perdida"])
    normalizada = perdida.lower().replace("_", "")
    if normalizada == "categoricalcrossentropy":
        return
    if normalizada == "sparsecategoricalcrossentropy":
        pista = ("sparse_categorical_crossentropy espera etiquetas enteras (0..9), pero `preprocesar` las "
                 "convierte en one-hot (n, 10): con one-hot la pérdida es 'categorical_crossentropy'.")
    elif normalizada == "binarycrossentropy":
        pista = "binary_crossentropy es para 2 clases; con 10 clases one-hot usa 'categorical_crossentropy'."
    else:
        pista = "para clasificar 10 clases con etiquetas one-hot usa loss='categorical_crossentropy'."
    raise Fallo(f"{que}: se compiló con la pérdida '{perdida}'. Pista: {pista}")
