"""Ganchos de 17_clases_desbalanceadas: las constantes de los casos que cita el cuaderno y la celda del modelo."""
import inspect

from autograder.calificadores import cargar_tarea
from nbformat.v4 import new_code_cell
from solutions.fashion_mnist import NOMBRES_CLASES

_casos = cargar_tarea("17_clases_desbalanceadas").modulo_casos("modelo_entrenado")
RECALL_BASE = _casos.RECALL_BASE
EXACTITUD_BALANCEADA_BASE = _casos.EXACTITUD_BALANCEADA_BASE
MARGEN_RECALL = _casos.MARGEN_RECALL
UMBRAL_RECALL = _casos.UMBRAL_RECALL
EXACTITUD_MINIMA_APRENDIDA = _casos.EXACTITUD_MINIMA_APRENDIDA
NOMBRE_CLASE_RARA = NOMBRES_CLASES[_casos.CLASE_RARA]
PRENDAS = NOMBRES_CLASES
ENCABEZADO_MODELO = ("# Modelo provisto: no lo modifiques (el modelo base y el tuyo usan esta misma red; solo cambia "
                     "class_weight).\n")


def celda_modelo() -> str:
    """The provided cell: a comment line, then ``construir_modelo`` verbatim."""
    from solutions import clases_desbalanceadas as referencia

    return ENCABEZADO_MODELO + inspect.getsource(referencia.construir_modelo).rstrip("\n")


def modelo(tarea) -> list:
    """``# %% generar="modelo"``: the provided (locked) cell with ``construir_modelo`` verbatim."""
    return [new_code_cell(celda_modelo())]
