"""07_keras_mnist: el parcial olvida /255 y entrega un modelo sin entrenar; el tramposo parchea Keras.

The cheater submits an untrained model with the right layers: that file earns the architecture
point by itself. Patching keras.Model.predict in the notebook must earn nothing more.
"""
from pathlib import Path

from herramientas.simulados import archivos_de, artefactos_de_modelos

ERRORES = [("preprocesar", "/ 255.0", "/ 1.0")]
CELDA_QUE_FALTA = "construir_modelo"
KERAS = True
PUNTOS_DEL_TRAMPOSO = 1


def artefactos(directorio: Path) -> dict:
    """The committed reference model (solutions/modelos/07_keras_mnist) for completo/roto; an untrained one for parcial/tramposo."""
    from solutions.keras_mnist import DIRECTORIO_MODELO, construir_modelo

    return artefactos_de_modelos(directorio, construir_modelo, archivos_de(DIRECTORIO_MODELO))
