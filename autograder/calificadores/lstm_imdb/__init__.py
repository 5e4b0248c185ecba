"""Calificador de 11_lstm_imdb: clasificación de sentimiento de reseñas de IMDB con Embedding + LSTM.

Exercises: ``preparar_secuencias`` (values, checked in the sandbox), ``construir_modelo``
(structure of the returned compiled model) and ``modelo_entrenado`` (structure and accuracy
of the submitted ``modelo.keras`` on a fixed, balanced subset of the IMDB test reviews; never
retrained: see ``autograder/entrenamiento.py``).
"""
from autograder.aislamiento import LimitesAislamiento
from autograder.tareas import Tarea

TAREA = Tarea(
    id="11_lstm_imdb",
    paquete="lstm_imdb",
    ejercicios=("preparar_secuencias", "construir_modelo", "modelo_entrenado"),
    referencia="solutions.lstm_imdb",
    usa_keras=True,
    artefactos=("modelo.keras", "historial.json"),
    limites=LimitesAislamiento(memoria_gib=8.0, segundos_inicio=240.0, segundos_llamada=120.0),
)
