"""Ganchos comunes de las tareas de Keras: las celdas que varias tareas comparten, escritas una vez.

Una fuente las pide con ``# %% generar="keras_comun.<función>"`` (por ejemplo
``generar="keras_comun.entrenamiento"``). Cada función recibe la tarea y devuelve sus celdas; las
constantes van como ``{valor:NOMBRE}``, que el constructor resuelve después en los ganchos de la tarea
o en su módulo de referencia. Una tarea que necesita otros valores define en sus propios ganchos un
envoltorio de una línea (``def entrenamiento(tarea): return keras_comun.entrenamiento(tarea, ...)``) y
su fuente dice ``generar="entrenamiento"``.
"""
from nbformat.v4 import new_code_cell

OMITIR = {"omitir_al_calificar": True}
# fit's arguments in the common case: the reference's batch, epochs and validation split.
AJUSTE = (("batch_size", "{valor:TAM_LOTE_REFERENCIA}"), ("epochs", "{valor:EPOCAS_REFERENCIA}"),
          ("validation_split", "{valor:FRACCION_VALIDACION}"))


def _celda(lineas, omitir=True):
    return new_code_cell("\n".join(lineas), metadata=dict(OMITIR) if omitir else {})


def preparacion(tarea, constantes: str = "") -> list:
    """The imports cell: Keras with TensorFlow's messages hidden, NumPy, the course's tools, ``comprobar``.

    ``constantes``: lines of the task (its class names, its sizes) that go just before ``comprobar``."""
    lineas = ["import os", "", 'os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"', "",
              "from autograder.silencio import sin_mensajes_de_tensorflow", "",
              "with sin_mensajes_de_tensorflow():", "    import keras",
              "import numpy as np", "from keras import layers", "",
              "from autograder.comprobar import Comprobaciones",
              "from autograder.entrenamiento import entrenar_y_guardar, graficar_historial", ""]
    lineas += constantes.splitlines()
    return [_celda(lineas + [f'comprobar = Comprobaciones("{tarea.id}")'], omitir=False)]


def entrenamiento(tarea, *, datos: str | None = None, objetivo="Y_train", construir="construir_modelo",
                  modelo="modelo", historia="historia", ruta="modelo.keras", ajuste=AJUSTE,
                  parada: str | None = None, verbose=2, omitir=True) -> list:
    """The training cell: prepare the data, seed 0, build the model and train it with ``entrenar_y_guardar``.

    ``datos``: the lines that prepare the data (by default the task's first exercise applied to the
    training and test sets); ``ajuste``: ``fit``'s (name, value) pairs; ``parada``: the arguments of an
    ``EarlyStopping`` on ``val_accuracy`` after ``monitor`` (then the cell prints the epochs trained)."""
    if datos is None:
        preparar = tarea.ejercicios[0]
        datos = f"X_train, Y_train = {preparar}(x_train, y_train)\nX_test, Y_test = {preparar}(x_test, y_test)"
    lineas = datos.splitlines() + [""] if datos else []
    lineas += ["keras.utils.set_random_seed(0)", f"{modelo} = {construir}()"]
    if parada:
        lineas += ["parada_temprana = keras.callbacks.EarlyStopping(", f'    monitor="val_accuracy", {parada}', ")"]
    lineas += [f"{historia} = entrenar_y_guardar(", f"    {modelo},", "    X_train,", f"    {objetivo},",
               f'    ruta="{ruta}",']
    lineas += [f"    {nombre}={valor}," for nombre, valor in ajuste]
    if parada:
        lineas.append("    callbacks=[parada_temprana],")
    lineas += [f"    verbose={verbose},", ")"]
    if parada:
        lineas.append(f'print("Épocas entrenadas:", len({historia}.history["loss"]))')
    return [_celda(lineas, omitir)]


def informe(tarea, *, lote: int | None = None, nombres: str | None = None, reales="y_test", antes="",
            probabilidades="modelo.predict(X_test{lote}, verbose=0)",
            prediccion="np.argmax(probabilidades, axis=1)", importar=True, omitir=True) -> list:
    """The test-set evaluation cell: the accuracy and ``classification_report``.

    ``lote``: predict's batch size; ``nombres``: the expression of the class names (``target_names``);
    ``antes``: lines after the prediction (e.g. ``y_real = y_test.reshape(-1)``, with ``reales="y_real"``)."""
    lineas = ["from sklearn.metrics import classification_report", ""] if importar else []
    lineas.append("probabilidades = " + probabilidades.format(lote=f", batch_size={lote}" if lote else ""))
    lineas += antes.splitlines()
    lineas += [f"y_predicho = {prediccion}",
               'print(f"Exactitud en prueba: {np.mean(y_predicho == ' + reales + '):.4f}\\n")',
               f"print(classification_report({reales}, y_predicho"
               + (f", target_names={nombres}" if nombres else "") + ", digits=3))"]
    return [_celda(lineas, omitir)]


def matriz_confusion(tarea, *, predicho="dígito predicho", real="dígito real", nombres: str | None = None,
                     reales="y_test", figura: str | None = None, importar_plt=False, importar=True,
                     omitir=True) -> list:
    """The confusion-matrix cell on the test set (rows: the real class; columns: the predicted one).

    ``nombres``: the expression of the class names (``display_labels``); ``figura``: a figure size such
    as ``"(8, 7)"`` for many long names, then turned 60°."""
    lineas = ["import matplotlib.pyplot as plt"] if importar_plt else []
    lineas += ["from sklearn.metrics import ConfusionMatrixDisplay", ""] if importar else []
    etiquetas = f", display_labels={nombres}" if nombres else ""
    if figura:
        lineas += [f"figura, eje = plt.subplots(figsize={figura})",
                   f"ConfusionMatrixDisplay.from_predictions({reales}, y_predicho{etiquetas},",
                   "                                        xticks_rotation=60, colorbar=False, ax=eje)"]
        eje = "eje"
    else:
        if nombres:
            lineas += ["matriz = ConfusionMatrixDisplay.from_predictions(",
                       f"    {reales}, y_predicho{etiquetas}, colorbar=False", ")"]
        else:
            lineas.append(f"matriz = ConfusionMatrixDisplay.from_predictions({reales}, y_predicho, colorbar=False)")
        eje = "matriz.ax_"
    lineas += [f'{eje}.set_xlabel("{predicho}")', f'{eje}.set_ylabel("{real}")',
               f'{eje}.set_title("Matriz de confusión en prueba")', "plt.show()"]
    return [_celda(lineas, omitir)]


def resumen(tarea) -> list:
    """The free cell that builds the student's model and prints its ``summary``."""
    return [new_code_cell("# Mira las capas, sus formas de salida y el número de parámetros.\n"
                          "modelo = construir_modelo()\nmodelo.summary()", metadata={"libre": True})]


def ejemplo(tarea, *, ejemplos="imágenes", etiquetas='print("Etiquetas:", y_train[:3])', libre=False) -> list:
    """The cell that tries the task's first exercise (``preprocesar``) on the first three training examples.

    ``etiquetas``: the line that shows their labels; ``libre``: a free cell (else one the grader skips)."""
    preparar = tarea.ejercicios[0]
    comentario = "Prueba" if libre else "Probamos"
    lineas = [f"# {comentario} tu función con las tres primeras {ejemplos} de entrenamiento.",
              f"X_ejemplo, Y_ejemplo = {preparar}(x_train[:3], y_train[:3])",
              'print("X:", X_ejemplo.shape, X_ejemplo.dtype, "valores entre", X_ejemplo.min(), "y", X_ejemplo.max())',
              'print("Y:", Y_ejemplo.shape)', etiquetas, "print(Y_ejemplo)"]
    return [new_code_cell("\n".join(lineas), metadata={"libre": True} if libre else dict(OMITIR))]


def datos_mnist(tarea, *, recuento=False, importar=True, omitir=True) -> list:
    """MNIST's data cell (07, 09): load it with ``cargar_mnist``, print its shapes and draw the first ten digits.

    ``recuento``: also print how many examples of each digit there are; ``importar``: import Matplotlib
    and ``cargar_mnist`` here (a task that imports them in its first cell passes False)."""
    lineas = ["import matplotlib.pyplot as plt", "from source_data import cargar_mnist", ""] if importar else []
    lineas += ["(x_train, y_train), (x_test, y_test) = cargar_mnist()",
               'print("x_train:", x_train.shape, x_train.dtype, "| y_train:", y_train.shape, y_train.dtype)',
               'print("x_test: ", x_test.shape, x_test.dtype, "| y_test: ", y_test.shape, y_test.dtype)']
    if recuento:
        lineas.append('print("Ejemplos por dígito en entrenamiento:", np.bincount(y_train))')
    lineas += ["", "figura, ejes = plt.subplots(1, 10, figsize=(12, 1.6))",
               "for eje, imagen, etiqueta in zip(ejes, x_train[:10], y_train[:10]):",
               '    eje.imshow(imagen, cmap="gray")', "    eje.set_title(str(etiqueta))", '    eje.axis("off")',
               "plt.show()"]
    return [_celda(lineas, omitir)]
