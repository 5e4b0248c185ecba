"""Entrenar un modelo de referencia como la celda de entrenamiento del cuaderno.

One job: each Keras reference module (``solutions.keras_iris``, ``solutions.cnn_cifar10``…)
keeps a thin ``entrenar_referencia(directorio, ...)`` that passes its data, its model
builder and the notebook's ``fit`` settings to ``entrenar_como_el_cuaderno``, which
fixes the seed, trains with ``entrenar_y_guardar`` (so ``historial.json`` and
``entrenamiento.json`` are written next to ``modelo.keras``) and, if asked, re-saves
the model without the optimizer state.

Keras stays lazy (``solutions/perezoso.py``): importing this module does not load TensorFlow.
"""
from pathlib import Path

from autograder.entrenamiento import calificando, entrenar_y_guardar
from solutions.perezoso import keras


def entrenar_como_el_cuaderno(directorio, datos, construir, *, semilla=0, sin_optimizador=False, **ajuste):
    """Entrena ``construir()`` con ``datos()`` y lo guarda como ``directorio/modelo.keras``.

    Args:
        directorio: carpeta donde escribir ``modelo.keras``, ``historial.json`` y
            ``entrenamiento.json`` (se crea si no existe).
        datos: función sin argumentos → ``(X, Y)`` ya preparados; se llama antes de fijar la semilla.
        construir: función sin argumentos → el modelo compilado (el ``construir_modelo`` del cuaderno).
        semilla: ``keras.utils.set_random_seed(semilla)`` justo antes de construir el modelo.
        sin_optimizador: vuelve a guardar los mismos pesos en un modelo recién construido y compilado,
            sin el estado del optimizador (los momentos de Adam: un tercio del tamaño); así se guardan
            las referencias de ``solutions/modelos/`` (≤ 1.5 MB), que nunca se siguen entrenando.
        **ajuste: argumentos de ``modelo.fit`` (``epochs``, ``batch_size``, ``validation_split`` o
            ``validation_data``, ``callbacks``, ``class_weight``, ``verbose``).

    Returns:
        (ruta, historial): la ruta de ``modelo.keras`` y el dict ``History.history``.
    """
    if calificando():
        raise RuntimeError("la referencia entrena siempre: no la llames con CURSO_DL_CALIFICANDO=1")
    directorio = Path(directorio)
    directorio.mkdir(parents=True, exist_ok=True)
    X, Y = datos()
    keras.utils.set_random_seed(semilla)
    modelo = construir()
    ruta = directorio / "modelo.keras"
    historia = entrenar_y_guardar(modelo, X, Y, ruta=ruta, **ajuste)
    if sin_optimizador:
        compacto = construir()
        compacto.set_weights(modelo.get_weights())
        compacto.save(ruta)
    return ruta, historia.history
