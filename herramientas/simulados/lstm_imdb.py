"""11_lstm_imdb: el parcial rellena al final y entrega un modelo sin entrenar; el tramposo parchea Keras (preajuste de
Keras; la referencia no se reentrena aquí, tarda unos minutos)."""
from herramientas.simulados import artefactos_keras, preajuste_keras

# Post-padding: the partial student keeps the shape point and loses the value cases.
ERRORES = [("preparar_secuencias", "X[i, LONGITUD - len(ultimas):] = ultimas", "X[i, :len(ultimas)] = ultimas")]
KERAS, PUNTOS_DEL_TRAMPOSO, CELDA_QUE_FALTA = preajuste_keras()
artefactos = artefactos_keras("lstm_imdb", "11_lstm_imdb")
