"""Keras a demanda para las soluciones de referencia (el preámbulo común de sus módulos).

Grading imports ``solutions.<task>`` in the trusted process (the ``referencia``
fixture of ``autograder.motor`` and the reference dependencies), and that process
must never load TensorFlow (hundreds of MB that would stay in the Jupyter server
after an autograde from the Formgrader). The reference modules therefore bind
``keras`` and ``layers`` to these proxies: the real module is imported on the
first attribute access, i.e. inside the functions that build or train a model,
while the functions' source stays exactly the notebook's solution cells.

Each Keras reference module starts with the one line::

    from solutions.perezoso import keras, layers

which also keeps TensorFlow's C++ start-up lines off stderr (``TF_CPP_MIN_LOG_LEVEL``)
for whenever Keras does load.
"""
from __future__ import annotations

import importlib
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # keep TensorFlow's C++ start-up lines off stderr


class ModuloPerezoso:
    """Stands for the module `nombre`; imports it on first attribute access."""

    def __init__(self, nombre: str):
        object.__setattr__(self, "_nombre", nombre)

    def __getattr__(self, atributo: str):
        return getattr(importlib.import_module(object.__getattribute__(self, "_nombre")), atributo)

    def __repr__(self) -> str:
        return f"<módulo {object.__getattribute__(self, '_nombre')!r}, se importa al usarlo>"


keras = ModuloPerezoso("keras")
layers = ModuloPerezoso("keras.layers")
