"""09_cnn_mnist: el parcial olvida /255 y entrega una CNN sin entrenar; el tramposo parchea Keras.

The cheater submits an untrained model with the right layers: that file earns the architecture
point by itself. Patching keras.Model.predict in the notebook must earn nothing more.
"""
from pathlib import Path

MODELO_REFERENCIA = Path(__file__).resolve().parents[2] / "solutions" / "modelos" / "09_cnn_mnist"
ERRORES = [("preprocesar", "/ 255.0", "/ 1.0")]
CELDA_QUE_FALTA = "construir_modelo"
KERAS = True
PUNTOS_DEL_TRAMPOSO = 1


def artefactos(directorio: Path) -> dict:
    """The committed reference model for completo/roto; an untrained one for parcial/tramposo."""
    from solutions.cnn_mnist import construir_modelo

    sin_entrenar = Path(directorio) / "sin_entrenar" / "modelo.keras"
    sin_entrenar.parent.mkdir(parents=True, exist_ok=True)
    construir_modelo().save(sin_entrenar)
    buena = {nombre: MODELO_REFERENCIA / nombre for nombre in ("modelo.keras", "historial.json")}
    mala = {"modelo.keras": sin_entrenar}
    return {"completo": buena, "roto": buena, "parcial": mala, "tramposo": mala}
