"""04_backprop: el parcial deja pasar el gradiente de ReLU en z = 0 y olvida el 1/n de softmax_entropia."""
ERRORES = [("derivada_relu", "(z > 0)", "(z >= 0)"),
           ("softmax_entropia", "dZ = P / n", "dZ = P")]
CELDA_QUE_FALTA = "predecir_red"
KERAS = False
PUNTOS_DEL_TRAMPOSO = 0
