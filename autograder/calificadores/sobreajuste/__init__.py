"""Calificador de 12_sobreajuste: regularizar (Dropout / L2 + EarlyStopping) un modelo que sobreajusta.

Exercises: ``construir_modelo_regularizado`` (structure of the returned compiled model:
Dropout or a kernel regularizer) and ``modelo_entrenado`` (the submitted ``modelo.keras``:
regularized architecture, validation accuracy ≥ the provided baseline's and a smaller
generalization gap, both computed here on the fixed subsets, plus a soft check of
``entrenamiento.json``). Never retrained: see ``autograder/entrenamiento.py``.
``artefactos.py`` is a copy of the one in ``keras_iris`` (the student kit only
carries the task's own package).
"""
from autograder.tareas import ARTEFACTOS_KERAS, tarea_keras

TAREA = tarea_keras(__name__, 12,
                    ejercicios=("construir_modelo_regularizado", "modelo_entrenado"),
                    artefactos=(*ARTEFACTOS_KERAS, "entrenamiento.json"))
