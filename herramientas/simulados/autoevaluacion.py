"""13_autoevaluacion: el parcial se equivoca en tres preguntas de dos bloques; el roto borra las respuestas de métricas."""
ERRORES = [("softmax_y_entropia", 'respuesta_06 = "d"', 'respuesta_06 = "c"'),
           ("retropropagacion", 'respuesta_13 = "c"', 'respuesta_13 = "d"'),
           ("retropropagacion", 'respuesta_16 = "b"', 'respuesta_16 = "a"')]
CELDA_QUE_FALTA = "metricas"
KERAS = False
PUNTOS_DEL_TRAMPOSO = 0
