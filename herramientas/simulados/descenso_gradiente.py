"""02_descenso_gradiente: el parcial usa la desviación típica muestral y olvida el 2 del gradiente."""
ERRORES = [("normalizar_zscore", "np.std(X, axis=0)", "np.std(X, axis=0, ddof=1)"),
           ("gradientes_lineal", "escala = 2.0 / residuos.size", "escala = 1.0 / residuos.size")]
CELDA_QUE_FALTA = "predecir_lineal"
KERAS = False
PUNTOS_DEL_TRAMPOSO = 0
