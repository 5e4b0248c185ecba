"""12_sobreajuste: el parcial quita Dropout y L2 (su modelo no regulariza) y entrega un modelo sin entrenar (preajuste
de Keras; el tramposo entrega un modelo regularizado sin entrenar y sin entrenamiento.json)."""
from herramientas.simulados import CON_ENTRENAMIENTO, artefactos_keras, preajuste_keras

ERRORES = [("construir_modelo_regularizado", "            layers.Dropout(0.5),\n", ""),
           ("construir_modelo_regularizado", ", kernel_regularizer=regularizador", "")]
KERAS, PUNTOS_DEL_TRAMPOSO, CELDA_QUE_FALTA = preajuste_keras("construir_modelo_regularizado")
artefactos = artefactos_keras("sobreajuste", "12_sobreajuste", "construir_modelo_regularizado", CON_ENTRENAMIENTO)
