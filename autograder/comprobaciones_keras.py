"""Comprobaciones comunes de los modelos de Keras: arquitectura y exactitud del modelo entregado.

Every function reads the plain description returned by ``alumno.modelo_construido(...)`` /
``alumno.modelo_guardado(...)`` (see ``evaluar_modelo`` in ``autograder/trabajador.py``):
``entrada`` and ``salida`` are JSON text such as ``"[null, 784]"``; ``capas`` is a list of dicts
with ``clase``, ``activacion``, ``unidades``, ``regularizador`` (has a kernel_regularizer),
``factor_regularizador`` (its largest L1/L2 factor) and ``tasa`` (Dropout rate); ``parametros``
is ``count_params()``. Each mismatch raises ``Fallo`` with a Spanish hint; the task packages only
choose the parameters (shapes, classes, loss, threshold) and add task-specific hints.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import numpy as np

from .archivos_entregados import ArchivoRechazado
from .errores import ErrorDelAlumno, Fallo

CAPAS_DENSAS = ("InputLayer", "Dense", "Dropout", "Activation", "Softmax", "ReLU", "Flatten")
CAPAS_CONVOLUCIONALES = ("Conv", "Pooling", "Pool")
CAPAS_RECURRENTES = ("LSTM", "GRU", "RNN", "Bidirectional")


def forma(texto) -> tuple | None:
    try:
        valor = json.loads(texto)
    except (TypeError, ValueError):
        return None
    return tuple(valor) if isinstance(valor, list) else None


def mostrar(forma_) -> str:
    if forma_ is None:
        return "desconocida"
    return "(" + ", ".join("None" if d is None else str(d) for d in forma_) + ("," if len(forma_) == 1 else "") + ")"


def clases_de_capas(descripcion: dict) -> list[str]:
    return [capa["clase"] for capa in descripcion["capas"]]


def exigir_solo_densas(descripcion: dict, que: str, tarea_convolucional: str = "09_cnn_mnist") -> None:
    """Solo capas Dense (más Dropout, Flatten y capas de activación) y al menos una Dense."""
    clases = clases_de_capas(descripcion)
    for clase in clases:
        if clase in CAPAS_DENSAS:
            continue
        if any(parte in clase for parte in CAPAS_CONVOLUCIONALES):
            raise Fallo(f"{que}: tiene una capa {clase}. En esta tarea la red usa solo capas Dense "
                        f"(las convoluciones llegan en la tarea {tarea_convolucional}). Quita las capas "
                        "convolucionales y de pooling y trabaja con las imágenes aplanadas.")
        if any(parte in clase for parte in CAPAS_RECURRENTES):
            raise Fallo(f"{que}: tiene una capa recurrente {clase}. En esta tarea la red usa solo capas Dense "
                        "(las redes recurrentes llegan en la tarea 11_lstm_imdb).")
        raise Fallo(f"{que}: tiene una capa {clase}. En esta tarea la red usa solo capas Dense "
                    f"(se admiten también {', '.join(c for c in CAPAS_DENSAS if c != 'Dense')}).")
    if "Dense" not in clases:
        raise Fallo(f"{que}: no tiene ninguna capa Dense; se esperaba una red de capas densas.")


def exigir_capas(descripcion: dict, que: str, clase: str, minimo: int = 1, pista: str = "") -> None:
    """Al menos `minimo` capas de la clase `clase` (por ejemplo 2 × Conv2D, o 1 × LSTM)."""
    cuantas = clases_de_capas(descripcion).count(clase)
    if cuantas < minimo:
        veces = "una capa" if minimo == 1 else f"al menos {minimo} capas"
        raise Fallo(f"{que}: tiene {cuantas} capa(s) {clase} y se pide {veces} {clase}. "
                    f"Capas del modelo: {', '.join(clases_de_capas(descripcion)) or 'ninguna'}."
                    + (f"\n  Pista: {pista}" if pista else ""))


def exigir_entrada(descripcion: dict, que: str, esperada: tuple, pista: str = "") -> None:
    """La entrada del modelo tiene forma `esperada` (con None en el eje de los ejemplos)."""
    entrada = forma(descripcion["entrada"])
    if entrada == tuple(esperada):
        return
    if not pista and entrada and None not in entrada[1:] and np.prod(entrada[1:]) == np.prod(esperada[1:]):
        pista = (f"Tu modelo espera los mismos valores con otra forma: la red recibe lo que devuelve el "
                 f"preprocesamiento, arrays {mostrar(esperada)}; usa keras.Input(shape={mostrar(esperada[1:])})"
                 + (" (imágenes aplanadas)." if len(esperada) == 2 else "."))
    raise Fallo(f"{que}: la entrada tiene forma {mostrar(entrada)} y se esperaba {mostrar(esperada)}. "
                + (pista or f"Empieza el modelo con keras.Input(shape={mostrar(esperada[1:])})."))


def exigir_salida(descripcion: dict, que: str, unidades: int, activacion: str = "softmax", explicacion: str = "") -> None:
    """Salida (None, unidades) y la última capa con la activación pedida (softmax o sigmoid)."""
    salida = forma(descripcion["salida"])
    if salida != (None, unidades):
        raise Fallo(f"{que}: la salida tiene forma {mostrar(salida)} y se esperaba (None, {unidades}). "
                    f"La última capa debe ser Dense({unidades}, activation='{activacion}')"
                    + (f": {explicacion}" if explicacion else ".")
                    + (" ¿Tiene el número de clases correcto?" if salida and len(salida) == 2 else ""))
    ultima = descripcion["capas"][-1] if descripcion["capas"] else {"clase": "", "activacion": ""}
    if ultima["activacion"] == activacion or (activacion == "softmax" and ultima["clase"] == "Softmax"):
        return
    para_que = ("una probabilidad por clase que suma 1." if activacion == "softmax"
                else "la probabilidad de la clase positiva, entre 0 y 1.")
    if ultima["activacion"] in ("linear", "None"):  # a Dense (or Activation) layer without activation: logits
        raise Fallo(f"{que}: la última capa ({ultima['clase']}) no tiene activación, así que la red devuelve logits "
                    f"(puntuaciones sin normalizar) y no probabilidades. Usa Dense({unidades}, "
                    f"activation='{activacion}') para que la salida sea " + para_que)
    if not ultima["activacion"]:  # a layer with no activation setting (Dropout, Flatten, ...): it may follow one
        raise Fallo(f"{que}: la última capa es {ultima['clase'] or 'desconocida'} y se esperaba la capa de salida "
                    f"Dense({unidades}, activation='{activacion}'). Termina el modelo con ella para que la salida sea "
                    + para_que)
    raise Fallo(f"{que}: la última capa usa la activación '{ultima['activacion']}' y se esperaba '{activacion}'. "
                + ("Las clases son excluyentes: softmax da una probabilidad por clase que suma 1."
                   if activacion == "softmax" else "Para dos clases, sigmoid da la probabilidad de la clase positiva."))


_PERDIDAS = {
    "categoricalcrossentropy": "categorical_crossentropy",
    "sparsecategoricalcrossentropy": "sparse_categorical_crossentropy",
    "binarycrossentropy": "binary_crossentropy",
}


def exigir_compilado(descripcion: dict, que: str, perdida: str = "categorical_crossentropy") -> None:
    """Compilado con la pérdida pedida (por defecto la entropía cruzada categórica, etiquetas one-hot)."""
    if not descripcion["compilado"]:
        raise Fallo(f"{que}: el modelo no está compilado. Antes de devolverlo llama a "
                    f"modelo.compile(optimizer='adam', loss='{perdida}', metrics=['accuracy']).")
    usada = _PERDIDAS.get(str(descripcion["perdida"]).lower().replace("_", ""), str(descripcion["perdida"]))
    if usada == perdida:
        return
    if (usada, perdida) == ("sparse_categorical_crossentropy", "categorical_crossentropy"):
        pista = ("sparse_categorical_crossentropy espera etiquetas enteras, pero aquí las etiquetas están en "
                 "one-hot: con one-hot la pérdida es 'categorical_crossentropy'.")
    elif (usada, perdida) == ("categorical_crossentropy", "sparse_categorical_crossentropy"):
        pista = "con etiquetas enteras (sin one-hot) la pérdida es 'sparse_categorical_crossentropy'."
    elif usada == "binary_crossentropy":
        pista = f"binary_crossentropy es para 2 clases con una sola salida sigmoid; aquí corresponde '{perdida}'."
    elif perdida == "binary_crossentropy":
        pista = "con una sola salida sigmoid (dos clases) la pérdida es 'binary_crossentropy'."
    else:
        pista = f"para esta tarea usa loss='{perdida}'."
    raise Fallo(f"{que}: se compiló con la pérdida '{descripcion['perdida']}'. Pista: {pista}")



QUE_ENTREGADO = "el modelo entregado (modelo.keras)"


@dataclass(frozen=True)
class ModeloPedido:
    """What one task's model must be: its layers, input and output shapes, and loss.

    Like ``Preparacion`` in ``comprobaciones_preprocesado.py``, a task declares its model once
    (``MODELO`` in its ``casos_construir_modelo.py``) and its cases, each a decorated ``test_*``
    function with its own points and messages, call these checks on ``construir_modelo()`` (built
    in the student's process, saved and described in a clean one: ``alumno.modelo_construido``; no
    training happens) or on the submitted ``modelo.keras`` (``alumno.modelo_guardado``).

    ``capas``: checks ``(descripcion, que) -> None`` of the layers the task asks for (only Dense,
    Conv2D and pooling, Embedding and LSTM, ...); ``antes_de_la_salida``: a check run between the
    input and the output (a missing Flatten); ``pista_entrada`` and ``pista_entrada_entregado``: the
    hints of a wrong input shape in the built and in the submitted model.
    """

    entrada: tuple
    unidades: int
    explicacion: str
    activacion: str = "softmax"
    perdida: str = "categorical_crossentropy"
    funcion: str = "construir_modelo"
    capas: tuple = ()
    antes_de_la_salida: Callable | None = None
    pista_entrada: str = ""
    pista_entrada_entregado: str = ""

    @property
    def que(self) -> str:
        return f"{self.funcion}()"

    def construido(self, alumno) -> dict:
        return alumno.modelo_construido(self.funcion)

    def exigir_formas(self, descripcion: dict, que: str, pista_entrada: str = "") -> None:
        """Entrada y salida (con su activación), y entre ellas ``antes_de_la_salida``."""
        exigir_entrada(descripcion, que, self.entrada, pista_entrada)
        if self.antes_de_la_salida:
            self.antes_de_la_salida(descripcion, que)
        exigir_salida(descripcion, que, self.unidades, self.activacion, self.explicacion)

    def exigir_tipo_de_capas(self, descripcion: dict, que: str) -> None:
        for exigir in self.capas:
            exigir(descripcion, que)

    # -- the cases of construir_modelo() ---------------------------------------------------------------

    def capas_construidas(self, alumno) -> None:
        self.exigir_tipo_de_capas(self.construido(alumno), self.que)

    def formas_construidas(self, alumno) -> None:
        self.exigir_formas(self.construido(alumno), self.que, self.pista_entrada)

    def compilado(self, alumno) -> None:
        exigir_compilado(self.construido(alumno), self.que, self.perdida)

    # -- the architecture case of modelo_entrenado -----------------------------------------------------

    def arquitectura_entregada(self, alumno, archivo: str = "modelo.keras", que: str = QUE_ENTREGADO) -> dict:
        """Las capas y las formas del modelo entregado; devuelve su descripción."""
        descripcion = alumno.modelo_guardado(archivo)
        self.exigir_tipo_de_capas(descripcion, que)
        self.exigir_formas(descripcion, que, self.pista_entrada_entregado)
        return descripcion

def _es_dropout(capa: dict) -> bool:
    return "Dropout" in str(capa.get("clase", ""))  # Dropout, SpatialDropout1D, GaussianDropout, ...


def exigir_regularizacion(descripcion: dict, que: str) -> None:
    """Al menos una capa Dropout con tasa > 0 o una capa con kernel_regularizer L1/L2 de factor > 0.

    ``tasa`` and ``factor_regularizador`` come from ``evaluar_modelo``; a description without
    them counts as 0 (fail closed): Dropout(0) drops nothing and L2(0) adds no penalty.
    """
    capas = descripcion["capas"]
    dropouts = [c for c in capas if _es_dropout(c)]
    regularizadas = [c for c in capas if c.get("regularizador")]
    if any(float(c.get("tasa") or 0.0) > 0 for c in dropouts):
        return
    if any(float(c.get("factor_regularizador") or 0.0) > 0 for c in regularizadas):
        return
    ejemplo = ("layers.Dropout(0.3) después de una capa oculta, o kernel_regularizer=keras.regularizers.L2(1e-3) "
               "en una capa Dense.")
    inutiles = []
    if dropouts:
        inutiles.append(f"{len(dropouts)} capa(s) {dropouts[0]['clase']} con tasa 0: Dropout(0) no apaga ninguna "
                        "neurona durante el entrenamiento, así que la red queda igual que sin él")
    if regularizadas:
        inutiles.append(f"{len(regularizadas)} kernel_regularizer con factor 0: L1(0) o L2(0) suma una penalización "
                        "nula a la pérdida, así que los pesos crecen igual que sin él")
    if inutiles:
        raise Fallo(f"{que}: tiene " + " y ".join(inutiles) + ". Eso no regulariza nada. Usa una tasa de Dropout "
                    "mayor que 0 (entre 0.2 y 0.5 es lo habitual) o un factor L2 mayor que 0 (por ejemplo 1e-3): "
                    + ejemplo)
    raise Fallo(f"{que}: no tiene ninguna capa Dropout ni ningún kernel_regularizer. Añade por ejemplo " + ejemplo)


def predicciones_del_entregado(alumno, x, que: str, forma_salida: tuple, archivo: str = "modelo.keras",
                               pista_entrada: str = "", forma_mostrada: tuple | None = None) -> np.ndarray:
    """Predicciones del modelo entregado sobre `x` (en el proceso limpio), con su forma verificada.

    ``forma_mostrada``: the shape named in the hint when prediction fails (by default ``x.shape``;
    the accuracy cases pass the test set's, since `x` also holds the control sample).
    """
    try:
        predicciones = alumno.modelo_guardado(archivo, x=x)["predicciones"]
    except ErrorDelAlumno as error:
        if "al predecir" not in str(error):
            raise
        datos = f"el conjunto de prueba se le pasa como un array {mostrar(forma_mostrada or x.shape)}" + (
            f" ({pista_entrada})" if pista_entrada else "")
        entrada = _entrada_del_entregado(alumno, archivo)
        if entrada is not None and tuple(entrada[1:]) != tuple(x.shape[1:]):  # recognised: another input shape
            propia, dada = tuple(entrada[1:]), tuple(x.shape[1:])
            detalle = ""
            if None not in propia and np.prod(propia) == np.prod(dada):
                detalle = (" (los mismos valores con otra forma: "
                           + ("imágenes sin aplanar)" if len(propia) > len(dada)
                              else "imágenes aplanadas)" if len(propia) < len(dada) else "otro orden de los ejes)"))
            raise Fallo(f"{error}\n  Pista: tu modelo espera entradas {mostrar(entrada)}{detalle} y {datos}. Vuelve a "
                        f"entrenar un modelo que empiece con keras.Input(shape={mostrar(dada)}).") from None
        raise Fallo(f"{error}\n  Pista: {datos}.") from None
    if not isinstance(predicciones, np.ndarray) or predicciones.shape != tuple(forma_salida):
        raise Fallo(f"{que}: las predicciones tienen forma {mostrar(getattr(predicciones, 'shape', None))} "
                    f"y se esperaba {mostrar(forma_salida)}.")
    if not np.all(np.isfinite(predicciones)):
        raise Fallo(f"{que}: las predicciones contienen nan o inf; el entrenamiento divergió. "
                    "Revisa la normalización de las entradas y la tasa de aprendizaje, y vuelve a entrenar.")
    return predicciones


def _entrada_del_entregado(alumno, archivo: str) -> tuple | None:
    """The input shape of the submitted model, or None if it cannot be read (the hint then names no cause)."""
    try:
        return forma(alumno.modelo_guardado(archivo)["entrada"])
    except (ErrorDelAlumno, KeyError, TypeError):
        return None


# -- exactitud que no se puede conseguir de memoria ------------------------------------------------
# The evaluation sets are public, so a "model" can store them in its weights (a Dense layer whose
# units hold the test images and a second one holding their labels scored 10/10 on 07). Two rules,
# calibrated per task in each ``casos_modelo_entrenado.py``:
# 1. a cap on ``count_params()``: a generous multiple of the reference, below what storing the
#    evaluation set at full resolution needs;
# 2. a control sample: training examples drawn for this submission (the seed is the SHA-256 of the
#    submitted file, so it cannot be known before the weights are fixed), with light noise (an
#    exact-value lookup misses them). A model trained on the training data classifies them at least
#    about as well as the test set; a store of the test set classifies them only as well as it
#    generalises, which for every task but Iris and optdigits is far below the threshold.

RUIDO_CONTROL = 0.03  # standard deviation of the Gaussian noise added to control pixels in [0, 1]


def miles(n: int) -> str:
    """7950010 → '7 950 010' (the Spanish grouping of thousands, with a space)."""
    return f"{int(n):,}".replace(",", " ")


def exigir_parametros_maximos(descripcion: dict, que: str, maximo: int, referencia: int) -> None:
    """count_params() ≤ `maximo`: más pesos permitirían guardar el conjunto de evaluación en el modelo."""
    parametros = descripcion["parametros"]
    if parametros <= maximo:
        return
    raise Fallo(f"{que}: tiene {miles(parametros)} parámetros y en esta tarea se admiten como mucho {miles(maximo)} "
                f"(el modelo de referencia, que aprueba, tiene {miles(referencia)}). El límite existe porque "
                "los datos de evaluación son públicos: con tantos pesos un modelo puede guardar los ejemplos de "
                "prueba con sus etiquetas y «acertar» de memoria, sin haber aprendido a reconocer ejemplos nuevos. "
                "Usa menos unidades o menos capas y vuelve a entrenar.")


def semilla_de_la_entrega(alumno, archivo: str = "modelo.keras", que: str = "el modelo entregado") -> int:
    """The control sample's seed: the SHA-256 of the submitted file (read safely, like the JSON files).

    The same file always gets the same sample (self-check and grading agree, regrading is stable),
    and nobody can tailor the weights to a sample that depends on the weights themselves.
    """
    contenido = contenido_entregado(alumno, archivo, que)
    return int.from_bytes(hashlib.sha256(contenido).digest()[:8], "little")


def con_ruido(X: np.ndarray, rng: np.random.Generator, desviacion: float = RUIDO_CONTROL,
              minimo: float = 0.0, maximo: float = 1.0) -> np.ndarray:
    """`X` (float32) plus Gaussian noise, clipped to [minimo, maximo]."""
    ruido = rng.normal(0.0, desviacion, X.shape).astype(np.float32)
    return np.clip(X.astype(np.float32) + ruido, minimo, maximo).astype(np.float32)


def muestra_de_control(x: np.ndarray, y: np.ndarray, n: int, rng: np.random.Generator, forma: tuple,
                       escala: float, desviacion: float = RUIDO_CONTROL) -> tuple:
    """`n` examples of (x, y) drawn with `rng` (all of them if n ≥ len(x)), reshaped to `forma`, divided
    by `escala` and with light noise: (X float32 (n, *forma), y int64 (n,))."""
    indices = np.arange(len(x)) if n >= len(x) else np.sort(rng.choice(len(x), n, replace=False))
    X = np.asarray(x)[indices].reshape((len(indices), *forma)).astype(np.float32) / np.float32(escala)
    return con_ruido(X, rng, desviacion), np.asarray(y)[indices].reshape(-1).astype(np.int64)


def prueba_de_imagenes(cargador: str, forma: tuple, escala: float):
    """The ``prueba()`` of a task whose examples are images: the test set of ``source_data.<cargador>()``
    reshaped to (n, *forma) in float32, divided by ``escala``, and its labels as int64; loaded once."""
    @lru_cache(maxsize=1)
    def prueba() -> tuple:
        import source_data

        _, (x_test, y_test) = getattr(source_data, cargador)()
        X = x_test.reshape(x_test.shape[0], *forma).astype(np.float32) / np.float32(escala)
        return X, y_test.astype(np.int64)

    prueba.__doc__ = (f"El conjunto de prueba de {cargador}() con forma (n, {', '.join(map(str, forma))}), dividido "
                      f"entre {escala:g}, y sus etiquetas.")
    return prueba

def control_de_entrenamiento(cargador: str, n: int, forma: tuple, escala: float, desde: int = 0,
                              hasta: int | None = None):
    """The ``control(rng)`` of a task whose examples are images: `n` training examples of
    ``source_data.<cargador>()`` (from ``desde`` to ``hasta``), loaded once, through ``muestra_de_control``."""
    @lru_cache(maxsize=1)
    def entrenamiento() -> tuple:
        import source_data

        x, y = getattr(source_data, cargador)()[0]
        return np.asarray(x)[desde:hasta], np.asarray(y)[desde:hasta]

    def control(rng: np.random.Generator) -> tuple:
        x, y = entrenamiento()
        return muestra_de_control(x, y, n, rng, forma, escala)

    control.__doc__ = (f"{n} ejemplos de entrenamiento de {cargador}() elegidos con `rng`, con forma {forma}, "
                       f"divididos entre {escala:g} y con un ruido leve.")
    control.cargar = entrenamiento  # for the module's DATOS_DE_CONFIANZA (see Tarea.datos_de_confianza)
    return control


def datos_de_control(n: int, ejemplos: str = "imágenes") -> str:
    """How a control sample of `n` images (or prendas, reseñas... feminine nouns) is named in the messages."""
    return (f"{n} {ejemplos} de entrenamiento elegidas para tu modelo (con un ruido leve, imperceptible para una "
            "red que aprendió)")


def exactitudes_con_control(alumno, que: str, prueba, control, salidas: int, maximo: int, referencia: int,
                            archivo: str = "modelo.keras", pista_entrada: str = "") -> tuple:
    """(exactitud en prueba, exactitud en la muestra de control) del modelo entregado.

    Checks the parameter cap first (an oversized model is neither loaded with data nor asked to
    predict), then builds the test set with ``prueba()`` and the control sample with ``control(rng)``
    (rng seeded by ``semilla_de_la_entrega``) and predicts both in one call. ``prueba()`` → (X, y);
    ``control(rng)`` → (X, y) with X of the same shape per example.
    """
    exigir_parametros_maximos(alumno.modelo_guardado(archivo), que, maximo, referencia)
    X, y = prueba()
    predicciones, predicciones_control, _, y_control = predicciones_con_control(alumno, que, X, control, salidas,
                                                                                archivo, pista_entrada)
    return exactitud(predicciones, y), exactitud(predicciones_control, y_control)


def predicciones_con_control(alumno, que: str, X: np.ndarray, control, salidas: int, archivo: str = "modelo.keras",
                             pista_entrada: str = "") -> tuple:
    """(predicciones en `X`, predicciones en la muestra de control, X e y de la muestra) del modelo entregado.

    ``control(rng)`` → (X, y) with X of the same shape per example, rng seeded by ``semilla_de_la_entrega``;
    both sets are predicted in one call (``predicciones_del_entregado``), whose hint names `X`'s shape.
    """
    X_control, y_control = control(np.random.default_rng(semilla_de_la_entrega(alumno, archivo, que)))
    predicciones = predicciones_del_entregado(
        alumno, np.concatenate([X, X_control.astype(X.dtype)]), que, (len(X) + len(X_control), salidas), archivo,
        pista_entrada, forma_mostrada=X.shape)
    return predicciones[:len(X)], predicciones[len(X):], X_control, y_control


def exigir_exactitud_sin_memoria(alumno, que: str, prueba, control, salidas: int, maximo: int, referencia: int,
                                 umbral: float, datos_prueba: str, azar: float, pista, tolerancia: float,
                                 datos_control: str, archivo: str = "modelo.keras", pista_entrada: str = "",
                                 datos_coherencia: str = "") -> None:
    """The accuracy case of a task with a control sample: ``exactitudes_con_control`` (parameter cap, then
    one prediction), ``exigir_exactitud`` on the test set and ``exigir_coherencia`` with the control sample
    (``datos_coherencia`` names the test set there, by default ``datos_prueba``)."""
    exactitud_prueba, exactitud_control = exactitudes_con_control(
        alumno, que, prueba, control, salidas, maximo, referencia, archivo, pista_entrada)
    exigir_exactitud(exactitud_prueba, umbral, que, datos_prueba, azar=azar, pista=pista)
    exigir_coherencia(exactitud_prueba, exactitud_control, tolerancia, que, datos_coherencia or datos_prueba,
                      datos_control)

@dataclass(frozen=True)
class ExactitudPedida:
    """The accuracy case of a task's submitted model, declared once (``EXACTITUD`` in its ``casos_modelo_entrenado.py``).

    ``exigir(alumno)`` is ``exigir_exactitud_sin_memoria`` with these parameters and the hint of
    ``pista_de_entrenamiento`` (``epocas_referencia``, ``pista``, ``brecha_sobreajuste``,
    ``como_entrena_la_referencia``); ``umbral_y_datos``, when given, returns ``(umbral, datos_prueba)`` at
    grading time (a threshold that depends on the data set available) and replaces ``umbral`` and
    ``datos_prueba``.
    """

    prueba: Callable
    control: Callable
    salidas: int
    parametros_maximos: int
    parametros_referencia: int
    umbral: float
    datos_prueba: str
    tolerancia: float
    datos_control: str
    epocas_referencia: int
    pista: str
    pista_entrada: str
    azar: float = 0.1
    brecha_sobreajuste: float | None = None
    como_entrena_la_referencia: str = ""
    datos_coherencia: str = ""
    umbral_y_datos: Callable | None = None
    archivo: str = "modelo.keras"
    que: str = QUE_ENTREGADO

    def exigir(self, alumno) -> None:
        umbral, datos = self.umbral_y_datos() if self.umbral_y_datos else (self.umbral, self.datos_prueba)
        pista = pista_de_entrenamiento(alumno, self.epocas_referencia, self.pista, self.brecha_sobreajuste,
                                       self.como_entrena_la_referencia)
        exigir_exactitud_sin_memoria(alumno, self.que, self.prueba, self.control, self.salidas,
                                     self.parametros_maximos, self.parametros_referencia, umbral, datos, self.azar,
                                     pista, self.tolerancia, self.datos_control, self.archivo, self.pista_entrada,
                                     self.datos_coherencia)


def exigir_coherencia(exactitud_prueba: float, exactitud_control: float, tolerancia: float, que: str,
                      datos_prueba: str, datos_control: str) -> None:
    """La exactitud en la muestra de control (datos de entrenamiento) ≥ la de prueba − `tolerancia`."""
    if exactitud_control >= exactitud_prueba - tolerancia:
        return
    raise Fallo(f"{que}: acierta {exactitud_prueba:.4f} en {datos_prueba} pero solo {exactitud_control:.4f} en "
                f"{datos_control}. Un modelo entrenado con los datos de entrenamiento acierta en ellos al menos casi "
                f"tanto como en la prueba (se admite una diferencia de {tolerancia}); acertar mucho más en la prueba "
                "solo ocurre si el modelo conoce los ejemplos de prueba.\n  Pista: entrena solo con los datos de "
                "entrenamiento (¿usaste el conjunto de prueba para entrenar o para validar?) y no guardes ejemplos "
                "de prueba en el modelo.")


def exactitud(predicciones: np.ndarray, y: np.ndarray) -> float:
    """Fracción de aciertos: argmax por fila, o umbral 0.5 si hay una sola salida (sigmoid)."""
    if predicciones.ndim == 2 and predicciones.shape[1] > 1:
        etiquetas = np.argmax(predicciones, axis=1)
    else:
        etiquetas = (predicciones.reshape(-1) >= 0.5).astype(np.int64)
    return float(np.mean(etiquetas == np.asarray(y).reshape(-1)))


def exigir_exactitud(valor: float, umbral: float, que: str, datos: str, azar: float, pista) -> None:
    """Exactitud ≥ umbral; si no, un mensaje que distingue «sin entrenar» de «le falta entrenamiento».

    ``pista`` is a text or a function that returns it (called only when the accuracy fails and is above
    chance: ``pista_de_entrenamiento`` reads the submitted files to recognise too few epochs).
    """
    if valor >= umbral:
        return
    if valor < azar + 0.1:
        detalle = (f"es casi la de adivinar al azar ({azar:.2g}): ¿guardaste el modelo sin entrenar, o "
                   "entrenaste con las etiquetas o las entradas desordenadas o sin preprocesar?")
    else:
        detalle = pista() if callable(pista) else pista
    raise Fallo(f"{que}: la exactitud en {datos} es {valor:.4f} y se pide ≥ {umbral}.\n  Pista: {detalle}")


# -- archivos que el alumno entrega junto al modelo -----------------------------------------------
# They are written by ``entrenar_y_guardar`` but the student controls them, so checks based on
# them are soft checks: they confirm the declared training recipe, they cannot prove it.

ENTRENAMIENTO = "entrenamiento.json"
TAMANO_MAXIMO_JSON = 1_000_000  # bytes; a training description is a few hundred


def contenido_entregado(alumno, archivo: str, que: str, pista_si_falta: str = "") -> bytes:
    """Los bytes de `archivo` entregado (``alumno.archivo_entregado``: sin seguir enlaces, con tamaño máximo);
    Fallo en español si falta o se rechaza."""
    try:
        return alumno.archivo_entregado(archivo)
    except FileNotFoundError:
        raise Fallo(f"{que}: no encontré `{archivo}` junto a tu cuaderno. {pista_si_falta}".rstrip()) from None
    except ArchivoRechazado as exc:
        raise Fallo(f"{que}: {exc}") from None


def leer_json_entregado(alumno, archivo: str, que: str, pista_si_falta: str) -> dict:
    """El dict de `archivo` entregado; Fallo con `pista_si_falta` si falta o no es válido.

    ``alumno.archivo_entregado`` reads it without following links and with a size cap
    (``archivos_entregados``), so a ``historial.json`` that links to a grader file reads nothing.
    """
    contenido = contenido_entregado(alumno, archivo, que, pista_si_falta)
    if len(contenido) > TAMANO_MAXIMO_JSON:
        raise Fallo(f"{que}: `{archivo}` es demasiado grande para ser la descripción de un entrenamiento.")
    try:
        datos = json.loads(contenido.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        datos = None
    if not isinstance(datos, dict):
        raise Fallo(f"{que}: `{archivo}` no es un JSON válido. {pista_si_falta}")
    return datos


HISTORIAL = "historial.json"


def _historial_entregado(alumno) -> dict:
    """The lists of historial.json ({"loss": [...], "val_accuracy": [...], ...}), or {} if it is missing or invalid.

    Only hints read it: a missing or odd file makes no hint, never a failure.
    """
    try:
        contenido = alumno.archivo_entregado(HISTORIAL)
    except (FileNotFoundError, ArchivoRechazado, ErrorDelAlumno, AttributeError):
        return {}
    if not isinstance(contenido, bytes) or len(contenido) > TAMANO_MAXIMO_JSON:
        return {}
    try:
        datos = json.loads(contenido.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return {}
    if not isinstance(datos, dict):
        return {}
    historial = {}
    for clave, valores in datos.items():
        if not isinstance(valores, list) or not all(isinstance(v, (int, float)) and not isinstance(v, bool)
                                                    for v in valores):
            continue
        try:
            numeros = [float(v) for v in valores]
        except OverflowError:  # an integer too large for a float
            continue
        if all(np.isfinite(numeros)):
            historial[str(clave)] = numeros
    return historial


def pista_de_entrenamiento(alumno, epocas_referencia: int, pista: str, brecha_sobreajuste: float | None = None,
                           como_entrena_la_referencia: str = ""):
    """The hint of ``exigir_exactitud`` for an accuracy above chance and below the threshold, as a function.

    ``pista`` is neutral (how the reference gets there, what to compare). A diagnosis is added only when the
    submitted ``historial.json`` shows it:
    - fewer epochs than ``epocas_referencia`` → «entrena más épocas» (``como_entrena_la_referencia`` says how
      many the reference trains, by default ``epocas_referencia``);
    - with ``brecha_sobreajuste``: a last-epoch training accuracy above the validation one by more than that
      → the network overfits.
    """
    def calcular() -> str:
        historial = _historial_entregado(alumno)
        reconocido = []
        epocas = max((len(v) for v in historial.values()), default=0)
        if 0 < epocas < epocas_referencia:
            reconocido.append(f"historial.json registra {epocas} época(s) de entrenamiento y la referencia entrena "
                              f"{como_entrena_la_referencia or epocas_referencia}: entrena más épocas.")
        entrenamiento, validacion = historial.get("accuracy"), historial.get("val_accuracy")
        if brecha_sobreajuste is not None and entrenamiento and validacion:
            brecha = entrenamiento[-1] - validacion[-1]
            if brecha > brecha_sobreajuste:
                reconocido.append(f"en la última época de historial.json la exactitud de entrenamiento "
                                  f"({entrenamiento[-1]:.2f}) supera en {brecha:.2f} a la de validación "
                                  f"({validacion[-1]:.2f}): la red sobreajusta; usa aumento de datos o Dropout.")
        return " ".join(reconocido + [pista])

    return calcular


def exigir_parada_temprana(alumno, que: str, ejemplo: str, pista_si_falta: str) -> None:
    """entrenamiento.json declara un callback EarlyStopping que vigila una métrica de validación ('val_…')."""
    datos = leer_json_entregado(alumno, ENTRENAMIENTO, que, pista_si_falta)
    callbacks = [c for c in datos.get("callbacks") or [] if isinstance(c, dict)]
    paradas = [c for c in callbacks if c.get("clase") == "EarlyStopping"]
    if not paradas:
        usados = ", ".join(str(c.get("clase")) for c in callbacks) or "ninguno"
        raise Fallo(f"{que}: no se usó EarlyStopping (callbacks usados: {usados}). Pasa callbacks=[{ejemplo}] a "
                    "entrenar_y_guardar, con datos de validación, y vuelve a entrenar.")
    monitor = str(paradas[0].get("monitor", ""))
    if not monitor.startswith("val_"):
        raise Fallo(f"{que}: EarlyStopping vigila '{monitor}', una métrica de entrenamiento, que sigue mejorando "
                    "aunque el modelo sobreajuste. La parada temprana debe vigilar los datos de validación, que el "
                    "modelo no usa para ajustar sus pesos: usa monitor='val_accuracy'.")
