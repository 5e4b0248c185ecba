"""05_keras_iris: el parcial estandariza con la desviación muestral y entrega un modelo sin entrenar.

The cheater submits an untrained model with the right layers (and no entrenamiento.json): that file
earns the architecture point by itself. Patching keras.Model.predict in the notebook must earn nothing more.
"""
from pathlib import Path

from herramientas.simulados import archivos_de, artefactos_de_modelos

ERRORES = [("preparar_datos", "X.std(axis=0)", "X.std(axis=0, ddof=1)")]
CELDA_QUE_FALTA = "construir_modelo"
KERAS = True
PUNTOS_DEL_TRAMPOSO = 1


def artefactos(directorio: Path) -> dict:
    """The reference model (trained here, a few seconds) for completo/roto; an untrained one for parcial/tramposo."""
    from solutions.keras_iris import construir_modelo, entrenar_referencia

    ruta, _ = entrenar_referencia(directorio / "referencia")
    return artefactos_de_modelos(directorio, construir_modelo,
                                 archivos_de(Path(ruta).parent, ("modelo.keras", "historial.json", "entrenamiento.json")))
