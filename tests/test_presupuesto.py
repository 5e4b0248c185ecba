"""¿Una entrega que cuelga o tumba al trabajador una y otra vez tiene un coste acotado?"""
from __future__ import annotations

import dataclasses
import time

from autograder.alumno import ARRANQUES_MAXIMOS
from autograder.calificadores import cargar_tarea
from autograder.motor import calificar_cuaderno

TAREA = "01_perceptron"


def _cuaderno_con(cuerpo: str):
    """A notebook with one cell that defines every graded function of 01 with the body `cuerpo`."""
    from nbformat.v4 import new_code_cell, new_notebook

    funciones = "".join(f"def {nombre}(*args, **kwargs):\n{cuerpo}\n\n" for nombre in cargar_tarea(TAREA).ejercicios)
    return new_notebook(cells=[new_code_cell(funciones)])


def _tarea_con(**limites):
    tarea = cargar_tarea(TAREA)
    return dataclasses.replace(tarea, limites=dataclasses.replace(tarea.limites, **limites))


def test_funciones_que_nunca_terminan_agotan_el_presupuesto_total():
    tarea = _tarea_con(segundos_total=12.0, segundos_llamada=3.0)
    inicio = time.monotonic()
    resultado = calificar_cuaderno(_cuaderno_con("    while True:\n        pass"), tarea, "colgado")
    transcurrido = time.monotonic() - inicio
    assert resultado.puntaje == 0
    assert transcurrido < 12.0 + 10.0, transcurrido  # the budget, plus one last worker start-up at most
    assert any("Se agotó el tiempo total" in c.mensaje for c in resultado.casos)


def test_un_trabajador_que_muere_en_cada_llamada_se_reinicia_un_numero_acotado_de_veces():
    resultado = calificar_cuaderno(_cuaderno_con("    import os\n    os._exit(3)"), cargar_tarea(TAREA), "suicida")
    assert resultado.puntaje == 0
    mensajes = [c.mensaje for c in resultado.casos]
    assert any(f"se reinició {ARRANQUES_MAXIMOS - 1} veces" in m for m in mensajes), mensajes
