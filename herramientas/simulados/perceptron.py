"""01_perceptron: el parcial usa z > 0 en el escalón e invierte el signo de la regla del perceptrón."""
ERRORES = [("escalon", "np.where(z >= 0, 1.0, 0.0)", "np.where(z > 0, 1.0, 0.0)"),
           ("entrenar_perceptron", "diferencia = y[i] - escalon(", "diferencia = -y[i] + escalon(")]
CELDA_QUE_FALTA = "red_xor"
KERAS = False
PUNTOS_DEL_TRAMPOSO = 0
