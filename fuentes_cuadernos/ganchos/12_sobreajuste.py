"""Ganchos de 12_sobreajuste: las constantes de los casos que cita el cuaderno y la celda del modelo base."""
import inspect

from autograder.calificadores import cargar_tarea
from nbformat.v4 import new_code_cell
from solutions.fashion_mnist import NOMBRES_CLASES  # noqa: F401  (``{valor:NOMBRES_CLASES}`` in the source)

_casos = cargar_tarea("12_sobreajuste").modulo_casos("modelo_entrenado")
EXACTITUD_VALIDACION_BASE = _casos.EXACTITUD_VALIDACION_BASE
BRECHA_BASE = _casos.BRECHA_BASE
# Fashion-MNIST's class names: the same tuple as 08's (solutions.fashion_mnist.NOMBRES_CLASES).
PRENDAS_EN_TEXTO = ", ".join(NOMBRES_CLASES[:-1]) + " y " + NOMBRES_CLASES[-1]
ENCABEZADO_MODELO_BASE = "# Modelo base provisto: no lo modifiques (el calificador compara tu modelo con el suyo).\n"


def celda_modelo_base() -> str:
    """The provided cell: a comment line, then the baseline's source verbatim."""
    from solutions import sobreajuste as referencia

    return ENCABEZADO_MODELO_BASE + inspect.getsource(referencia.construir_modelo_base).rstrip("\n")


def modelo_base(tarea) -> list:
    """``# %% generar="modelo_base"``: the provided (locked) cell with ``construir_modelo_base`` verbatim."""
    return [new_code_cell(celda_modelo_base())]
