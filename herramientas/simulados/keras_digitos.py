"""06_keras_digitos: el parcial divide entre 255 (como en MNIST) y entrega un modelo sin entrenar (preajuste de Keras;
la referencia se entrena aquí)."""
from herramientas.simulados import artefactos_keras, preajuste_keras

ERRORES = [("preparar_datos", "/ 16.0", "/ 255.0")]
KERAS, PUNTOS_DEL_TRAMPOSO, CELDA_QUE_FALTA = preajuste_keras()
artefactos = artefactos_keras("keras_digitos")
