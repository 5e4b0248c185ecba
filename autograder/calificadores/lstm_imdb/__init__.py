"""Calificador de 11_lstm_imdb: clasificación de sentimiento de reseñas de IMDB con Embedding + LSTM.

Exercises: ``preparar_secuencias`` (values, checked in the sandbox), ``construir_modelo``
(structure of the returned compiled model) and ``modelo_entrenado`` (structure and accuracy
of the submitted ``modelo.keras`` on a fixed, balanced subset of the IMDB test reviews; never
retrained: see ``autograder/entrenamiento.py``).
"""
from autograder.tareas import tarea_keras

TAREA = tarea_keras(__name__, 11, ejercicios=("preparar_secuencias", "construir_modelo", "modelo_entrenado"))
