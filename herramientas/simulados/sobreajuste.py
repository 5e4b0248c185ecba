"""12_sobreajuste: el parcial quita Dropout y L2 (su modelo no regulariza) y entrega un modelo sin entrenar.

The cheater submits an untrained regularized model (and no entrenamiento.json): that file earns the
architecture point by itself. Patching keras.Model.predict in the notebook must earn nothing more.
"""
from pathlib import Path

from herramientas.simulados import archivos_de, artefactos_de_modelos

ERRORES = [("construir_modelo_regularizado", "            layers.Dropout(0.5),\n", ""),
           ("construir_modelo_regularizado", ", kernel_regularizer=regularizador", "")]
CELDA_QUE_FALTA = "construir_modelo_regularizado"
KERAS = True
PUNTOS_DEL_TRAMPOSO = 1


def artefactos(directorio: Path) -> dict:
    """The committed reference (solutions/modelos/12_sobreajuste) for completo/roto; an untrained one otherwise."""
    from solutions.sobreajuste import DIRECTORIO_MODELO, construir_modelo_regularizado

    return artefactos_de_modelos(directorio, construir_modelo_regularizado,
                                 archivos_de(DIRECTORIO_MODELO, ("modelo.keras", "historial.json", "entrenamiento.json")))
