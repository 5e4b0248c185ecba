"""Ganchos de 11_lstm_imdb: las celdas comunes de Keras (ganchos/keras_comun.py) con lo que cambia en IMDB."""
from herramientas.construir_cuadernos import ganchos_comunes

keras_comun = ganchos_comunes("keras_comun")


def preparacion(tarea):
    return keras_comun.preparacion(tarea, constantes="LONGITUD = {valor:LONGITUD}\nVOCABULARIO = {valor:VOCABULARIO}")


def entrenamiento(tarea):
    """Sequences, not images: no one-hot, and the 0/1 labels are the target."""
    return keras_comun.entrenamiento(
        tarea, datos="X_train = preparar_secuencias(x_train)\nX_test = preparar_secuencias(x_test)",
        objetivo='y_train.astype("float32")')


def informe(tarea):
    """One sigmoid output: a review is positive when its probability is at least 0.5."""
    return keras_comun.informe(tarea, lote=512, nombres='["negativa", "positiva"]',
                               probabilidades="modelo.predict(X_test{lote}, verbose=0).reshape(-1)",
                               prediccion="(probabilidades >= 0.5).astype(int)")
