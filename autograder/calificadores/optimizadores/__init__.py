"""Calificador de 16_optimizadores: SGD con momento, RMSProp y Adam en NumPy, con las convenciones de Keras.

Exercises in notebook order: the three update steps and ``minimizar``, which runs any of them on a
gradient function. ``minimizar`` is called through ``minimizar_cuadratica``, a provided (locked)
helper of the notebook that builds the gradient of a quadratic inside the sandbox (a function
cannot cross the channel), so its dependencies are declared under that name: the reference steps
replace the student's there, and a broken step costs only its own points.
"""
from autograder.tareas import tarea_numpy

PASOS = ("paso_momento", "paso_rmsprop", "paso_adam")

TAREA = tarea_numpy(
    __name__, 16,
    ejercicios=("paso_momento", "paso_rmsprop", "paso_adam", "minimizar"),
    dependencias={"minimizar": PASOS, "minimizar_cuadratica": PASOS},
)
