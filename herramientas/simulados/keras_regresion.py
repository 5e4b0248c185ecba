"""14_keras_regresion: el parcial compila el regresor lineal con adam y entrega un regresor sin entrenar.

The cheater submits an untrained linear regressor: that file earns the architecture point by itself
(its error on the table is about 13 times the least-squares one). Patching keras.Model.predict in
the notebook must earn nothing more: predictions come from the clean evaluator.
"""
from pathlib import Path

from herramientas.simulados import archivos_de

ERRORES = [("construir_regresor_lineal", "optimizer=keras.optimizers.SGD(learning_rate=0.2)", 'optimizer="adam"')]
CELDA_QUE_FALTA = "construir_red_regresion"
KERAS = True
PUNTOS_DEL_TRAMPOSO = 1


def artefactos(directorio: Path) -> dict:
    """The committed reference (solutions/modelos/14_keras_regresion) for completo/roto; an untrained one otherwise."""
    from solutions.keras_regresion import DIRECTORIO_MODELO, construir_regresor_lineal

    sin_entrenar = Path(directorio) / "sin_entrenar" / "modelo.keras"
    sin_entrenar.parent.mkdir(parents=True, exist_ok=True)
    construir_regresor_lineal(3, 2).save(sin_entrenar)
    buenos = archivos_de(DIRECTORIO_MODELO, ("modelo.keras", "historial.json"))
    malos = {"modelo.keras": sin_entrenar}
    return {"completo": buenos, "roto": buenos, "parcial": malos, "tramposo": malos}
