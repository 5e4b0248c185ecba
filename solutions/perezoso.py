"""Keras a demanda para las soluciones de referencia.

Grading imports ``solutions.<task>`` in the trusted process (the ``referencia``
fixture of ``autograder.motor`` and the reference dependencies), and that process
must never load TensorFlow (hundreds of MB that would stay in the Jupyter server
after an autograde from the Formgrader). The reference modules therefore bind
``keras`` and ``layers`` to these proxies: the real module is imported on the
first attribute access, i.e. inside the functions that build or train a model,
while the functions' source stays exactly the notebook's solution cells.
"""
from __future__ import annotations

import importlib


class ModuloPerezoso:
    """Stands for the module `nombre`; imports it on first attribute access."""

    def __init__(self, nombre: str):
        object.__setattr__(self, "_nombre", nombre)

    def __getattr__(self, atributo: str):
        return getattr(importlib.import_module(object.__getattribute__(self, "_nombre")), atributo)

    def __repr__(self) -> str:
        return f"<módulo {object.__getattribute__(self, '_nombre')!r}, se importa al usarlo>"
