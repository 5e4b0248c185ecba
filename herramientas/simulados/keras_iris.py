"""05_keras_iris: el parcial estandariza con la desviación muestral y entrega un modelo sin entrenar (preajuste de
Keras; la referencia se entrena aquí, en unos segundos, y el tramposo no entrega entrenamiento.json)."""
from herramientas.simulados import CON_ENTRENAMIENTO, artefactos_keras, preajuste_keras

ERRORES = [("preparar_datos", "X.std(axis=0)", "X.std(axis=0, ddof=1)")]
KERAS, PUNTOS_DEL_TRAMPOSO, CELDA_QUE_FALTA = preajuste_keras()
artefactos = artefactos_keras("keras_iris", nombres=CON_ENTRENAMIENTO)
