"""Calificador de 04_backprop: una red neuronal de dos capas desde cero, con NumPy.

Backward functions are checked against numerical gradients computed here, on the
trusted side, with the reference ``gradiente_numerico`` applied to the reference
forward pass (``verificacion.exigir_gradiente``). Every function that may call
other graded functions gets the reference versions injected while it is graded.
Only functions graded *before* the one that uses them are listed: the worker leaves an
injected function behind when the notebook did not define it, so injecting one graded
later (say ``predecir_red`` into ``entrenar_red``) would grade the reference in its place.
"""
from autograder.aislamiento import LimitesAislamiento
from autograder.tareas import Tarea

_CAPAS = ("densa_adelante", "densa_atras", "relu_adelante", "relu_atras", "softmax_entropia", "relu", "derivada_relu")

TAREA = Tarea(
    id="04_backprop",
    paquete="backprop",
    ejercicios=("sigmoide", "derivada_sigmoide", "relu", "derivada_relu", "derivada_tanh",
                "densa_adelante", "densa_atras", "relu_adelante", "relu_atras", "softmax_entropia",
                "gradiente_numerico", "inicializar_red", "perdida_y_gradientes", "entrenar_red", "predecir_red"),
    referencia="solutions.backprop",
    dependencias={
        "derivada_sigmoide": ("sigmoide",),
        "relu_adelante": ("relu",),
        "relu_atras": ("derivada_relu",),
        "perdida_y_gradientes": _CAPAS,
        "entrenar_red": ("inicializar_red", "perdida_y_gradientes", *_CAPAS),
        "predecir_red": ("densa_adelante", "relu_adelante", "relu"),
    },
    precargar=("numpy",),  # plots are in cells skipped at grading time; matplotlib would triple the start-up
    limites=LimitesAislamiento(memoria_gib=3.0, segundos_inicio=60.0, segundos_llamada=20.0,
                               segundos_celda=10.0),
)
