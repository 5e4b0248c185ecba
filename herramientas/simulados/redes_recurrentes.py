"""15_redes_recurrentes: el parcial olvida la puerta de olvido de la LSTM y los sesgos al contar sus parámetros."""
ERRORES = [("paso_lstm", "c_t = f * c_prev + i * g", "c_t = i * g"),
           ("contar_parametros_lstm", "total = 4 * (h * (d + h) + h)", "total = 4 * h * (d + h)")]
CELDA_QUE_FALTA = "rnn_adelante"
KERAS = False
PUNTOS_DEL_TRAMPOSO = 0
