"""Calificadores por tarea: un subpaquete por tarea, un archivo ``test_<ejercicio>.py`` por ejercicio."""
from __future__ import annotations

import importlib
import importlib.util

from ..errores import ErrorCalificador

# Assignment id (folder under assignments/) → grader subpackage. A task whose subpackage is not
# present (e.g. not yet written, or cut from a student kit) is simply not available.
PAQUETES = {
    "01_perceptron": "perceptron",
    "02_descenso_gradiente": "descenso_gradiente",
    "03_softmax_entropia": "softmax_entropia",
    "04_backprop": "backprop",
    "05_keras_iris": "keras_iris",
    "06_keras_digitos": "keras_digitos",
    "07_keras_mnist": "keras_mnist",
    "08_fashion_mnist": "fashion_mnist",
    "09_cnn_mnist": "cnn_mnist",
    "10_cnn_cifar10": "cnn_cifar10",
    "11_lstm_imdb": "lstm_imdb",
    "12_sobreajuste": "sobreajuste",
    "13_autoevaluacion": "autoevaluacion",
}


def cargar_tarea(tarea_id: str):
    """La ``Tarea`` con ese id, o un error en español si no existe aquí."""
    paquete = PAQUETES.get(tarea_id)
    if paquete is None:
        raise ErrorCalificador(f"tarea desconocida: '{tarea_id}'. Tareas disponibles: {', '.join(tareas_disponibles())}")
    try:
        modulo = importlib.import_module(f"{__name__}.{paquete}")
    except ModuleNotFoundError as exc:
        raise ErrorCalificador(f"la tarea '{tarea_id}' no está incluida en esta copia del calificador") from exc
    return modulo.TAREA


def tareas_disponibles() -> list[str]:
    disponibles = []
    for tarea_id, paquete in PAQUETES.items():
        if importlib.util.find_spec(f"{__name__}.{paquete}") is not None:
            disponibles.append(tarea_id)
    return disponibles
