"""Calificador de 04_backprop: una red neuronal de dos capas desde cero, con NumPy.

Backward functions are checked against numerical gradients computed here, on the
trusted side, with the reference ``gradiente_numerico`` applied to the reference
forward pass (``verificacion.exigir_gradiente``). Every function that may call
other graded functions gets the reference versions injected while it is graded.
Only functions graded *before* the one that uses them are listed: the worker leaves an
injected function behind when the notebook did not define it, so injecting one graded
later (say ``predecir_red`` into ``entrenar_red``) would grade the reference in its place.
"""
import dataclasses

from autograder.tareas import LIMITES_NUMPY, tarea_numpy

_CAPAS = ("densa_adelante", "densa_atras", "relu_adelante", "relu_atras", "softmax_entropia", "relu", "derivada_relu")

TAREA = tarea_numpy(
    __name__, 4,
    ejercicios=("sigmoide", "derivada_sigmoide", "relu", "derivada_relu", "derivada_tanh",
                "tanh_desde_sigmoide", "leaky_relu", "derivada_leaky_relu",
                "densa_adelante", "densa_atras", "relu_adelante", "relu_atras", "softmax_entropia",
                "gradiente_numerico", "inicializar_red", "perdida_y_gradientes", "entrenar_red", "predecir_red"),
    dependencias={
        "derivada_sigmoide": ("sigmoide",),
        "tanh_desde_sigmoide": ("sigmoide",),
        "relu_adelante": ("relu",),
        "relu_atras": ("derivada_relu",),
        "perdida_y_gradientes": _CAPAS,
        "entrenar_red": ("inicializar_red", "perdida_y_gradientes", *_CAPAS),
        "predecir_red": ("densa_adelante", "relu_adelante", "relu"),
    },
    limites=dataclasses.replace(LIMITES_NUMPY, segundos_llamada=20.0),  # entrenar_red trains a real network
)
