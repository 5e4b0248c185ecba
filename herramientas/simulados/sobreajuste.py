"""12_sobreajuste: el parcial quita Dropout y L2 (su modelo no regulariza) y entrega un modelo sin entrenar.

The cheater submits an untrained regularized model (and no entrenamiento.json): that file earns the
architecture point by itself. Patching keras.Model.predict in the notebook must earn nothing more.
"""
from pathlib import Path

ERRORES = [("construir_modelo_regularizado", "            layers.Dropout(0.5),\n", ""),
           ("construir_modelo_regularizado", ", kernel_regularizer=regularizador", "")]
CELDA_QUE_FALTA = "construir_modelo_regularizado"
KERAS = True
PUNTOS_DEL_TRAMPOSO = 1


def artefactos(directorio: Path) -> dict:
    """The reference model (trained here, about a minute) for completo/roto; an untrained one for parcial/tramposo."""
    from solutions.sobreajuste import construir_modelo_regularizado, entrenar_referencia

    ruta, _ = entrenar_referencia(directorio / "referencia")
    sin_entrenar = directorio / "sin_entrenar" / "modelo.keras"
    sin_entrenar.parent.mkdir(parents=True, exist_ok=True)
    construir_modelo_regularizado().save(sin_entrenar)
    carpeta = Path(ruta).parent
    buena = {nombre: carpeta / nombre for nombre in ("modelo.keras", "historial.json", "entrenamiento.json")}
    mala = {"modelo.keras": sin_entrenar}
    return {"completo": buena, "roto": buena, "parcial": mala, "tramposo": mala}
