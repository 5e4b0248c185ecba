"""03_softmax_entropia: el parcial normaliza softmax por columnas y suma la entropía cruzada."""
ERRORES = [("softmax", "np.sum(exponenciales, axis=-1", "np.sum(exponenciales, axis=0"),
           ("entropia_cruzada", "-np.mean(", "-np.sum(")]
CELDA_QUE_FALTA = "exactitud"
KERAS = False
PUNTOS_DEL_TRAMPOSO = 0
