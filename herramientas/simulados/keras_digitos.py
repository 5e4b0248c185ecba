"""06_keras_digitos: el parcial divide entre 255 (como en MNIST) y entrega un modelo sin entrenar.

The cheater submits an untrained model with the right layers: that file earns the architecture
point by itself. Patching keras.Model.predict in the notebook must earn nothing more.
"""
from pathlib import Path

ERRORES = [("preparar_datos", "/ 16.0", "/ 255.0")]
CELDA_QUE_FALTA = "construir_modelo"
KERAS = True
PUNTOS_DEL_TRAMPOSO = 1


def artefactos(directorio: Path) -> dict:
    """The reference model (trained here) for completo/roto; an untrained one for parcial/tramposo."""
    from solutions.keras_digitos import construir_modelo, entrenar_referencia

    ruta, _ = entrenar_referencia(directorio / "referencia")
    sin_entrenar = directorio / "sin_entrenar" / "modelo.keras"
    sin_entrenar.parent.mkdir(parents=True, exist_ok=True)
    construir_modelo().save(sin_entrenar)
    buena = {"modelo.keras": ruta, "historial.json": Path(ruta).with_name("historial.json")}
    mala = {"modelo.keras": sin_entrenar}
    return {"completo": buena, "roto": buena, "parcial": mala, "tramposo": mala}
