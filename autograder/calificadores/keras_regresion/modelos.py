"""Las comprobaciones de una regresión en Keras sobre la descripción de un modelo construido con argumentos.

``alumno.modelo_construido(nombre, d_in, d_out)`` runs the student's builder (in the student's jail
when grading), describes the returned model in the clean evaluator jail, and names its optimizer's
class; the checks below only read that plain description.
"""
from __future__ import annotations

from autograder.comprobaciones_keras import forma, mostrar
from autograder.errores import ErrorDelAlumno, Fallo

PERDIDAS_MSE = {"mse", "mean_squared_error", "meansquarederror"}


def modelo_con_argumentos(alumno, nombre: str, *args) -> dict:
    """La descripción del modelo que devuelve ``nombre(*args)``; ``Fallo`` con su pista para el 'none' de la diapositiva."""
    que = f"{nombre}({', '.join(map(str, args))})"
    try:
        return alumno.modelo_construido(nombre, *args)
    except ErrorDelAlumno as error:
        if "activation function identifier: none" in str(error):
            raise Fallo(f"{que}: Keras no acepta activation='none': {error}\n  Pista: " + PISTA_NONE) from None
        raise


def dimensiones(rng) -> tuple:
    """(d_in, d_out) for a hidden case: d_in in 4..9 and d_out in 1..5, never the public (3, 2)."""
    return int(rng.integers(4, 10)), int(rng.integers(1, 6))


def modelo_de_dimensiones(alumno, nombre: str, d_in: int, d_out: int) -> tuple:
    """(que, descripción) del modelo que devuelve ``nombre(d_in, d_out)``, con su entrada y su salida comprobadas."""
    que = f"{nombre}({d_in}, {d_out})"
    descripcion = modelo_con_argumentos(alumno, nombre, d_in, d_out)
    exigir_entrada_salida(descripcion, que, d_in, d_out)
    return que, descripcion


def exigir_compilacion(alumno, nombre: str, d_in: int, d_out: int, sgd: bool = False) -> None:
    """``nombre(d_in, d_out)`` (the model of these dimensions, not another one) compiled with mse, and with SGD if
    ``sgd``."""
    que, descripcion = modelo_de_dimensiones(alumno, nombre, d_in, d_out)
    exigir_mse(descripcion, que)
    if sgd:
        exigir_sgd(descripcion, que)


# -- comprobaciones ----------------------------------------------------------------------------------

PISTA_NONE = ("la diapositiva escribe Dense(d_out, activation='none'), pero 'none' entre comillas no es una "
              "activación de Keras (no conoce ninguna llamada así) y la capa no llega a crearse. Una capa sin "
              "activación, la salida lineal X·W + b de una regresión, se escribe activation=None (sin comillas) "
              "o sin el argumento activation, que es lo mismo que activation='linear'.")

PISTAS_ACTIVACION_SALIDA = {
    "relu": ("relu recorta a 0 todo lo negativo: la red no podría predecir valores negativos y, donde la capa "
             "da negativo, el gradiente es 0 y no aprende. Una regresión termina en una capa lineal."),
    "sigmoid": ("sigmoid aplasta la salida entre 0 y 1 (es la de la regresión logística, para probabilidades): "
                "nunca predeciría una nota de 7. Una regresión termina en una capa lineal."),
    "softmax": ("softmax convierte las salidas en probabilidades que suman 1 (es para clasificar): una "
                "regresión predice números libres y termina en una capa lineal."),
    "tanh": "tanh limita la salida entre −1 y 1; una regresión termina en una capa lineal.",
}


def densas(descripcion: dict) -> list:
    """The layers of the description without InputLayer (a functional model lists it)."""
    return [c for c in descripcion["capas"] if c["clase"] != "InputLayer"]


def exigir_entrada_salida(descripcion: dict, que: str, d_in: int, d_out: int) -> None:
    entrada, salida = forma(descripcion["entrada"]), forma(descripcion["salida"])
    if entrada != (None, d_in):
        pista = (" ¿Escribiste 3 fijo? Usa el argumento: keras.Input(shape=(d_in,))."
                 if entrada == (None, 3) and d_in != 3 else f" Empieza con keras.Input(shape=(d_in,)), aquí ({d_in},).")
        raise Fallo(f"{que}: la entrada tiene forma {mostrar(entrada)} y se esperaba {mostrar((None, d_in))}.{pista}")
    if salida != (None, d_out):
        pista = (" ¿Escribiste 2 fijo (las notas N1, N2 de la tabla)? Usa el argumento: Dense(d_out)."
                 if salida == (None, 2) and d_out != 2 else
                 " La última capa tiene una unidad por valor a predecir: Dense(d_out).")
        raise Fallo(f"{que}: la salida tiene forma {mostrar(salida)} y se esperaba {mostrar((None, d_out))}.{pista}")


def exigir_salida_lineal(descripcion: dict, que: str) -> None:
    capas = densas(descripcion)
    ultima = capas[-1] if capas else {"clase": "", "activacion": ""}
    if ultima["clase"] != "Dense":
        raise Fallo(f"{que}: la última capa es {ultima['clase'] or 'desconocida'}; termina con Dense(d_out) sin "
                    "activación (lineal).")
    activacion = ultima["activacion"]
    if activacion in ("linear", "None", ""):
        return
    pista = PISTAS_ACTIVACION_SALIDA.get(activacion, "una regresión termina en una capa lineal.")
    raise Fallo(f"{que}: la capa de salida usa activation='{activacion}' y se esperaba una salida lineal "
                f"(activation=None).\n  Pista: {pista}")


def exigir_mse(descripcion: dict, que: str) -> None:
    if not descripcion["compilado"]:
        raise Fallo(f"{que}: el modelo no está compilado. Antes de devolverlo llama a modelo.compile(...) con "
                    "loss='mse'.")
    perdida = str(descripcion["perdida"])
    if perdida.lower() in PERDIDAS_MSE:
        return
    normal = perdida.lower().replace("_", "")
    if "crossentropy" in normal:
        pista = (f"'{perdida}' es la entropía cruzada, la pérdida de la clasificación (con softmax o sigmoid y "
                 "etiquetas de clase). Aquí se predicen números, N1 y N2: la pérdida es el error cuadrático "
                 "medio, loss='mse'.")
    elif normal in ("mae", "meanabsoluteerror"):
        pista = ("'mae' es el error absoluto medio, |Ŷ − Y|. Es una pérdida de regresión válida, pero las "
                 "diapositivas (y esta tarea) usan el error cuadrático medio, el que compara la tarea con "
                 "mínimos cuadrados: loss='mse'.")
    else:
        pista = "las diapositivas compilan con loss='mse' (error cuadrático medio)."
    raise Fallo(f"{que}: se compiló con la pérdida '{perdida}'.\n  Pista: {pista}")


def exigir_sgd(descripcion: dict, que: str) -> None:
    usado = descripcion.get("optimizador", "")
    if usado == "SGD":
        return
    detalle = f"el optimizador '{usado}'" if usado else "un optimizador que no pude leer"
    pista = ("la regresión lineal de las diapositivas se entrena con descenso de gradiente, "
             "optimizer='sgd' o keras.optimizers.SGD(learning_rate=...)")
    if usado.lower() in ("adam", "rmsprop", "adamw", "nadam", "adagrad", "adadelta"):
        pista += (f". {usado} también minimiza el error, pero adapta la tasa de aprendizaje de cada peso (lo verás "
                  "en la tarea 16_optimizadores); aquí se pide el descenso de gradiente simple, cuyos pasos "
                  "calculaste a mano en 02_descenso_gradiente")
    raise Fallo(f"{que}: se compiló con {detalle} y se pide SGD.\n  Pista: {pista}.")
