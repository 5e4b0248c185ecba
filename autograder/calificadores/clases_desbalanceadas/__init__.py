"""Calificador de 17_clases_desbalanceadas: pesos de clase, exactitud balanceada, F1 macro y un modelo con class_weight.

Exercises: ``pesos_de_clase`` (the ``class_weight`` dict {c: n / (k · n_c)}),
``exactitud_balanceada`` and ``f1_macro`` (NumPy; compared with scikit-learn on the
trusted side) and ``modelo_entrenado`` (the submitted ``modelo.keras``, trained with
``class_weight=pesos_de_clase(y_train)`` on a Fashion-MNIST subset where «suéter» keeps 5 %
of its images: recall of that class and balanced accuracy against the provided unweighted
baseline, on a fixed evaluation set). Never retrained: see ``autograder/entrenamiento.py``.

The channel carries dicts with string keys only, so the cases never receive the student's
``dict`` itself: they call ``pares_de_pesos(y)``, a provided (locked) cell of the notebook
that returns ``(type name, list(pesos.items()))``, which keeps the keys' types.
"""
from autograder.tareas import tarea_keras

TAREA = tarea_keras(__name__, 17,
                    ejercicios=("pesos_de_clase", "exactitud_balanceada", "f1_macro", "modelo_entrenado"))
