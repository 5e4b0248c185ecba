"""17_clases_desbalanceadas: el parcial invierte los pesos de clase y entrega un modelo sin entrenar.

The cheater submits an untrained model with the right layers: that file earns the architecture
half point by itself. Patching keras.Model.predict in the notebook must earn nothing more.
"""
from pathlib import Path

from herramientas.simulados import archivos_de, artefactos_de_modelos

ERRORES = [("pesos_de_clase", "float(n / (k * n_c))", "float(n_c / n)")]
CELDA_QUE_FALTA = "f1_macro"
KERAS = True
PUNTOS_DEL_TRAMPOSO = 0.5


def artefactos(directorio: Path) -> dict:
    """The committed reference (solutions/modelos/17_clases_desbalanceadas) for completo/roto; an untrained one
    otherwise."""
    from solutions.clases_desbalanceadas import DIRECTORIO_MODELO, construir_modelo

    return artefactos_de_modelos(directorio, construir_modelo, archivos_de(DIRECTORIO_MODELO))
