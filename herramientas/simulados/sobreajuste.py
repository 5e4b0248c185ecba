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
    """The committed reference (solutions/modelos/12_sobreajuste) for completo/roto; an untrained one otherwise."""
    from solutions.sobreajuste import DIRECTORIO_MODELO, construir_modelo_regularizado

    sin_entrenar = directorio / "sin_entrenar" / "modelo.keras"
    sin_entrenar.parent.mkdir(parents=True, exist_ok=True)
    construir_modelo_regularizado().save(sin_entrenar)
    buena = {nombre: DIRECTORIO_MODELO / nombre for nombre in ("modelo.keras", "historial.json", "entrenamiento.json")}
    mala = {"modelo.keras": sin_entrenar}
    return {"completo": buena, "roto": buena, "parcial": mala, "tramposo": mala}
