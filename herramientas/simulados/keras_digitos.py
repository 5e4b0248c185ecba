"""06_keras_digitos: el parcial divide entre 255 (como en MNIST) y entrega un modelo sin entrenar.

The cheater submits an untrained model with the right layers: that file earns the architecture
point by itself. Patching keras.Model.predict in the notebook must earn nothing more.
"""
from pathlib import Path

from herramientas.simulados import archivos_de, artefactos_de_modelos

ERRORES = [("preparar_datos", "/ 16.0", "/ 255.0")]
CELDA_QUE_FALTA = "construir_modelo"
KERAS = True
PUNTOS_DEL_TRAMPOSO = 1


def artefactos(directorio: Path) -> dict:
    """The reference model (trained here) for completo/roto; an untrained one for parcial/tramposo."""
    from solutions.keras_digitos import construir_modelo, entrenar_referencia

    ruta, _ = entrenar_referencia(directorio / "referencia")
    return artefactos_de_modelos(directorio, construir_modelo, archivos_de(Path(ruta).parent))
