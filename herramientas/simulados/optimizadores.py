"""16_optimizadores: el parcial usa la otra convención del momento y pone eps fuera de la raíz en RMSProp."""
ERRORES = [("paso_momento", "v_nuevo = beta * v - tasa * g\n    w_nuevo = w + v_nuevo",
            "v_nuevo = beta * v + g\n    w_nuevo = w - tasa * v_nuevo"),
           ("paso_rmsprop", "np.sqrt(s_nuevo + eps)", "(np.sqrt(s_nuevo) + eps)")]
CELDA_QUE_FALTA = "paso_adam"
KERAS = False
PUNTOS_DEL_TRAMPOSO = 0
