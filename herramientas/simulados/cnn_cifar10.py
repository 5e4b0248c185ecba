"""10_cnn_cifar10: el parcial olvida /255 y entrega un modelo sin entrenar; el tramposo parchea Keras (preajuste de
Keras; la referencia no se reentrena aquí, tarda minutos)."""
from herramientas.simulados import artefactos_keras, preajuste_keras

ERRORES = [("preprocesar", 'X = x.astype("float32") / 255.0', 'X = x.astype("float32")')]
KERAS, PUNTOS_DEL_TRAMPOSO, CELDA_QUE_FALTA = preajuste_keras()
artefactos = artefactos_keras("cnn_cifar10", "10_cnn_cifar10")
