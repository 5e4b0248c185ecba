"""Ganchos de 12_sobreajuste: las constantes de los casos que cita el cuaderno y la celda del modelo base."""
import inspect

from autograder.calificadores import cargar_tarea
from herramientas.construir_cuadernos import ganchos_comunes
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
keras_comun = ganchos_comunes("keras_comun")  # the cells shared by the Keras tasks
_AJUSTE = (("batch_size", "{valor:TAM_LOTE}"), ("validation_data", "(X_val, Y_val)"))


def entrenamiento_base(tarea):
    """``# %% generar="entrenamiento_base"``: the baseline, saved under base/ so as not to overwrite modelo.keras."""
    return keras_comun.entrenamiento(tarea, datos="", construir="construir_modelo_base", modelo="modelo_base",
                                     historia="historia_base", ruta="base/modelo.keras", verbose=0,
                                     ajuste=(("epochs", "{valor:EPOCAS_BASE}"),) + _AJUSTE)


def entrenamiento_regularizado(tarea):
    """``# %% generar="entrenamiento_regularizado"``: the student's model, with early stopping."""
    return keras_comun.entrenamiento(tarea, datos="", construir="construir_modelo_regularizado", verbose=0,
                                     ajuste=(("epochs", "{valor:EPOCAS_MAXIMAS_REGULARIZADO}"),) + _AJUSTE,
                                     parada="patience={valor:PACIENCIA}, restore_best_weights=True")
