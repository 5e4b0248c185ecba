"""09_cnn_mnist: el parcial olvida /255 y entrega una CNN sin entrenar; el tramposo parchea Keras (preajuste de Keras)."""
from herramientas.simulados import artefactos_keras, preajuste_keras

ERRORES = [("preprocesar", "/ 255.0", "/ 1.0")]
KERAS, PUNTOS_DEL_TRAMPOSO, CELDA_QUE_FALTA = preajuste_keras()
artefactos = artefactos_keras("cnn_mnist", "09_cnn_mnist")
