"""Importar Keras sin los mensajes internos que TensorFlow escribe al cargarse.

``TF_CPP_MIN_LOG_LEVEL=3`` oculta casi todos, pero no los que TensorFlow 2.21 escribe al cargar sus
bibliotecas en C++ antes de configurar su registro. En procesadores con AVX-512 (Intel Xeon y Core
recientes) avisa así de que usa oneDNN::

    WARNING: All log messages before absl::InitializeLog() is called are written to STDERR
    I0000 ... port.cc:153] oneDNN custom operations are on. ...

No es un error, pero sale en rojo en la primera celda del cuaderno. Uso::

    with sin_mensajes_de_tensorflow():
        import keras

This module is part of the public kit: standard library only.
"""
from __future__ import annotations

import contextlib
import os
import sys


@contextlib.contextmanager
def sin_mensajes_de_tensorflow():
    """Dentro, lo que se escriba directamente en la salida de errores del proceso (descriptor 2) se descarta.

    Python's own exceptions are not affected: an ``import keras`` that fails raises its ImportError
    as usual, and it is shown after the block, once the descriptor is back. Jupyter shows Python's
    warnings through its own stream, so those are not hidden either; only a plain script, whose
    ``sys.stderr`` writes to descriptor 2, loses the warnings raised inside the block."""
    try:
        sys.stderr.flush()
    except (AttributeError, ValueError, OSError):
        pass
    try:
        guardado = os.dup(2)
    except OSError:  # no descriptor 2 (a process started without one): nothing to hide
        yield
        return
    try:
        with open(os.devnull, "w", encoding="utf-8") as nulo:
            os.dup2(nulo.fileno(), 2)
        yield
    finally:
        os.dup2(guardado, 2)
        os.close(guardado)
