"""Ganchos de 05_keras_iris: las celdas comunes de Keras (ganchos/keras_comun.py) con lo que cambia en Iris."""
from herramientas.construir_cuadernos import ganchos_comunes

keras_comun = ganchos_comunes("keras_comun")


def entrenamiento(tarea):
    """Only the training set is prepared here (the test set is standardized with its statistics later), with EarlyStopping."""
    return keras_comun.entrenamiento(
        tarea, datos="X_train, Y_train = preparar_datos(X_train_crudo, y_train)", verbose=0,
        ajuste=(("epochs", "{valor:EPOCAS_REFERENCIA}"), ("batch_size", "{valor:TAM_LOTE_REFERENCIA}"),
                ("validation_split", "{valor:FRACCION_VALIDACION}")),
        parada="patience={valor:PACIENCIA_REFERENCIA}, min_delta={valor:MEJORA_MINIMA_REFERENCIA}")


def matriz_confusion(tarea):
    return keras_comun.matriz_confusion(tarea, predicho="especie predicha", real="especie real",
                                        nombres="list(iris.target_names)", importar_plt=True)
