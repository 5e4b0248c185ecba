"""11_lstm_imdb: el parcial rellena al final y entrega un modelo sin entrenar; el tramposo parchea Keras.

The reference model is not retrained here (a few minutes): completo/roto submit the committed
``solutions/modelos/11_lstm_imdb`` files. The cheater submits an untrained model with the right
layers: that file earns the architecture point by itself. Patching keras.Model.predict in the
notebook must earn nothing more.
"""
from pathlib import Path

from herramientas.simulados import archivos_de, artefactos_de_modelos

# Post-padding: the partial student keeps the shape point and loses the value cases.
ERRORES = [("preparar_secuencias", "X[i, LONGITUD - len(ultimas):] = ultimas", "X[i, :len(ultimas)] = ultimas")]
CELDA_QUE_FALTA = "construir_modelo"
KERAS = True
PUNTOS_DEL_TRAMPOSO = 1

MODELO_REFERENCIA = Path(__file__).resolve().parents[2] / "solutions" / "modelos" / "11_lstm_imdb"


def artefactos(directorio: Path) -> dict:
    """The committed reference model for completo/roto; an untrained one for parcial/tramposo."""
    from solutions.lstm_imdb import construir_modelo

    return artefactos_de_modelos(directorio, construir_modelo, archivos_de(MODELO_REFERENCIA))
