"""Calificador de 14_keras_regresion: regresión lineal múltiple y red de regresión en Keras («Clase 4»).

Exercises: ``construir_regresor_lineal(d_in, d_out)`` and ``construir_red_regresion(d_in, d_out)``
(structure and compilation of the returned models, built with the slides' (3, 2) in the public
cases and with dimensions drawn per student in the hidden ones; ``modelos.py`` builds them with
arguments and reads the optimizer) and ``modelo_entrenado`` (the submitted ``modelo.keras``: the
linear regressor trained on the slides' 8-row table, its error on the table and on synthetic data
drawn for the submission). Never retrained: see ``autograder/entrenamiento.py``.
"""
from autograder.tareas import tarea_keras

TAREA = tarea_keras(__name__, 14,
                    ejercicios=("construir_regresor_lineal", "construir_red_regresion", "modelo_entrenado"))
