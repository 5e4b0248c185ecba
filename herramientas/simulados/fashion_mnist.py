"""08_fashion_mnist: el parcial olvida /255 y entrega un modelo sin entrenar; el tramposo parchea Keras.

The cheater submits an untrained model with the right layers: that file earns the architecture
point by itself. Patching keras.Model.predict in the notebook must earn nothing more.
"""
from pathlib import Path

from herramientas.simulados import archivos_de, artefactos_de_modelos

MODELO_REFERENCIA = Path(__file__).resolve().parents[2] / "solutions" / "modelos" / "08_fashion_mnist"
ERRORES = [("preprocesar", "/ 255.0", "/ 1.0")]
CELDA_QUE_FALTA = "construir_modelo"
KERAS = True
PUNTOS_DEL_TRAMPOSO = 1


def artefactos(directorio: Path) -> dict:
    """The committed reference model for completo/roto; an untrained one for parcial/tramposo."""
    from solutions.fashion_mnist import construir_modelo

    return artefactos_de_modelos(directorio, construir_modelo, archivos_de(MODELO_REFERENCIA))
