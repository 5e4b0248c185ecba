"""Calificador de 15_redes_recurrentes: un paso de RNN, una secuencia completa, un paso de LSTM y sus parámetros.

Everything is compared with the NumPy reference (``solutions.redes_recurrentes``), so the trusted
side needs no TensorFlow; that the reference ``paso_lstm`` equals ``keras.layers.LSTM`` with the
same weights is proved once in the slow tier (``tests/test_redes_recurrentes.py``).
``rnn_adelante`` gets the reference ``paso_rnn`` injected, so a broken ``paso_rnn`` costs only its
own points (``paso_rnn`` is graded first: see ``backprop/__init__.py`` on why that matters).
"""
from autograder.tareas import tarea_numpy

TAREA = tarea_numpy(
    __name__, 15,
    ejercicios=("paso_rnn", "rnn_adelante", "paso_lstm", "contar_parametros_lstm"),
    dependencias={"rnn_adelante": ("paso_rnn",)},
)
