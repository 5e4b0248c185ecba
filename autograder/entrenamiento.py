"""Entrenar y guardar un modelo de Keras desde el cuaderno, sin reentrenar al calificar.

Regla del curso: en las tareas de Keras se entrena **solo** con
``entrenar_y_guardar``. En tu computadora entrena el modelo y lo guarda como
``modelo.keras`` (más ``historial.json`` con las curvas de aprendizaje y
``entrenamiento.json`` con cómo se entrenó: épocas y callbacks). Al
calificar, el calificador ejecuta tu cuaderno con ``CURSO_DL_CALIFICANDO=1`` y
esta función **no entrena**: carga los pesos del ``modelo.keras`` que
entregaste, así que la calificación evalúa exactamente el modelo entregado y no
repite minutos de entrenamiento.

Lo mismo al validar con nbgrader (botón «Validate», que ejecuta el cuaderno con
``NBGRADER_EXECUTION=validate``): nunca se entrena ni se sobrescribe
``modelo.keras``; se cargan sus pesos. nbgrader corta cada celda a los 30 s al
validar, así que si todavía no existe, el aviso dice que primero entrenes
ejecutando el cuaderno entero y que luego valides.

This module is part of the public kit (it runs inside the grading sandbox), so
it only imports the standard library, NumPy, Keras and Matplotlib, the last
two lazily so that importing it is cheap.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

VARIABLE_CALIFICANDO = "CURSO_DL_CALIFICANDO"
VARIABLE_NBGRADER = "NBGRADER_EXECUTION"  # nbgrader sets it to "validate" (Validate) or "autograde"
NOMBRE_HISTORIAL = "historial.json"
NOMBRE_ENTRENAMIENTO = "entrenamiento.json"
# Settings of a callback recorded in entrenamiento.json when the callback has them (EarlyStopping's, mostly).
AJUSTES_DE_CALLBACK = ("monitor", "patience", "min_delta", "mode", "restore_best_weights", "start_from_epoch",
                       "stopped_epoch")


class HistorialGuardado:
    """Lo que devuelve ``entrenar_y_guardar`` al calificar: solo el atributo ``history``.

    Imita a ``keras.callbacks.History`` en lo que usan los cuadernos:
    ``history`` es un dict ``{"loss": [...], "accuracy": [...], "val_loss": [...], ...}``
    con un valor por época (vacío si no había historial guardado).
    """

    def __init__(self, history: dict | None = None):
        self.history = dict(history or {})

    def __repr__(self) -> str:
        return f"HistorialGuardado(épocas={_numero_epocas(self.history)}, métricas={sorted(self.history)})"


def calificando() -> bool:
    """True si el cuaderno se está ejecutando dentro del calificador."""
    return os.environ.get(VARIABLE_CALIFICANDO, "").strip().lower() in ("1", "true", "si", "sí", "yes")


def validando() -> bool:
    """True si nbgrader está validando el cuaderno (``NBGRADER_EXECUTION=validate``)."""
    return os.environ.get(VARIABLE_NBGRADER, "").strip().lower() == "validate"


def entrenar_y_guardar(modelo, x, y, *, ruta="modelo.keras", **ajuste):
    """Entrena `modelo` con `modelo.fit(x, y, **ajuste)` y lo guarda en `ruta`.

    Args:
        modelo: un `keras.Model` compilado (por ejemplo, el de `construir_modelo()`).
        x: array (n, ...) de entradas de entrenamiento.
        y: array (n, ...) de salidas esperadas.
        ruta: archivo donde se guarda el modelo entrenado (por defecto "modelo.keras",
            junto al cuaderno: es el archivo que se entrega y se califica). El historial
            se guarda al lado, en "historial.json", y en "entrenamiento.json" las épocas
            pedidas, las ejecutadas y los callbacks usados (por ejemplo EarlyStopping con
            su `monitor` y su `patience`).
        **ajuste: argumentos de `modelo.fit`, por ejemplo `epochs=6, batch_size=128,
            validation_split=0.1, verbose=2`.

    Returns:
        historia: el `keras.callbacks.History` de `fit`; su atributo `history` es un dict
            con una lista de valores por época para cada métrica.

    Al calificar (`CURSO_DL_CALIFICANDO=1`) no entrena: si `ruta` existe y su arquitectura
    coincide con la de `modelo` (mismas clases de capas y formas de pesos), copia en
    `modelo` los pesos guardados y devuelve un objeto con `history` leído de
    "historial.json" (o `{}`); si no, avisa con un mensaje y devuelve un historial vacío.

    Al validar con nbgrader (`NBGRADER_EXECUTION=validate`) tampoco entrena: usa el modelo
    guardado igual que al calificar y no lo sobrescribe; si aún no existe, avisa de que hay que
    entrenar antes (ejecutando el cuaderno entero) y luego validar.
    """
    ruta = Path(ruta)
    if calificando():
        return _cargar_entregado(modelo, ruta)
    if validando():
        if not ruta.is_file():
            print(f"Validando: no se entrena (Validate corta cada celda a los 30 s) y todavía no existe '{ruta}'. "
                  "Entrena primero: ejecuta el cuaderno entero (Run → Run All Cells), espera a que se guarde "
                  f"'{ruta}' y vuelve a pulsar Validate.")
            return HistorialGuardado()
        return _cargar_entregado(modelo, ruta, "Validando")
    historia = modelo.fit(x, y, **ajuste)
    ruta.parent.mkdir(parents=True, exist_ok=True)
    modelo.save(ruta)
    historial = {clave: [float(v) for v in valores] for clave, valores in historia.history.items()}
    (ruta.parent / NOMBRE_HISTORIAL).write_text(json.dumps(historial, indent=1), encoding="utf-8")
    (ruta.parent / NOMBRE_ENTRENAMIENTO).write_text(
        json.dumps(descripcion_del_entrenamiento(ajuste, historial), indent=1), encoding="utf-8")
    return historia


def descripcion_del_entrenamiento(ajuste: dict, historial: dict) -> dict:
    """What entrenamiento.json records: epochs requested and run, and each callback with its settings."""
    callbacks = []
    for callback in ajuste.get("callbacks") or []:
        descripcion = {"clase": type(callback).__name__}
        for nombre in AJUSTES_DE_CALLBACK:
            valor = getattr(callback, nombre, None)
            if isinstance(valor, (bool, int, float, str)):
                descripcion[nombre] = valor.item() if hasattr(valor, "item") else valor
        callbacks.append(descripcion)
    return {"epocas_pedidas": int(ajuste.get("epochs", 1)), "epocas_ejecutadas": _numero_epocas(historial),
            "callbacks": callbacks}


def _cargar_entregado(modelo, ruta: Path, cuando: str = "Calificando") -> HistorialGuardado:
    """Copia en `modelo` los pesos del modelo entregado en `ruta`, sin entrenar (`cuando` empieza los avisos)."""
    import keras

    if not ruta.is_file():
        print(f"{cuando}: no se entrena y no encontré '{ruta}'; el modelo queda sin entrenar.")
        return HistorialGuardado()
    try:
        guardado = keras.saving.load_model(ruta, safe_mode=True, compile=False)
    except Exception as exc:  # a broken or unsafe file is reported, never executed
        print(f"{cuando}: no se entrena y no pude cargar '{ruta}' ({type(exc).__name__}); "
              "el modelo queda sin entrenar.")
        return HistorialGuardado()
    diferencia = diferencia_de_arquitectura(modelo, guardado)
    if diferencia:
        print(f"{cuando}: no se entrena y '{ruta}' no tiene la arquitectura de este modelo "
              f"({diferencia}); el modelo queda sin entrenar. ¿Cambiaste construir_modelo "
              "después de entrenar? Vuelve a entrenar y guarda de nuevo.")
        return HistorialGuardado()
    modelo.set_weights(guardado.get_weights())
    print(f"{cuando}: no se entrena; se usan los pesos de '{ruta}'.")
    return HistorialGuardado(_leer_historial(ruta.parent / NOMBRE_HISTORIAL))


def diferencia_de_arquitectura(modelo, guardado) -> str:
    """'' si ambos modelos tienen las mismas capas y formas de pesos; si no, qué difiere."""
    clases = [type(capa).__name__ for capa in modelo.layers]
    clases_guardado = [type(capa).__name__ for capa in guardado.layers]
    if clases != clases_guardado:
        return f"capas {clases} frente a {clases_guardado} en el archivo"
    formas = [tuple(peso.shape) for peso in modelo.weights]
    formas_guardado = [tuple(peso.shape) for peso in guardado.weights]
    if formas != formas_guardado:
        return f"pesos de formas {formas} frente a {formas_guardado} en el archivo"
    return ""


def _leer_historial(ruta: Path) -> dict:
    try:
        datos = json.loads(ruta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(datos, dict):
        return {}
    return {str(k): [float(v) for v in vs] for k, vs in datos.items() if isinstance(vs, list)}


def _numero_epocas(historial: dict) -> int:
    return max((len(v) for v in historial.values()), default=0)


def graficar_historial(historial):
    """Dibuja las curvas de aprendizaje: pérdida y exactitud por época, entrenamiento frente a validación.

    Args:
        historial: el objeto que devuelve `entrenar_y_guardar` (o `modelo.fit`), o su dict
            `history` con listas por época como "loss", "val_loss", "accuracy", "val_accuracy".

    Muestra la figura con `plt.show()`; si no hay épocas que dibujar, solo lo dice.
    """
    datos = getattr(historial, "history", historial) or {}
    if not isinstance(datos, dict) or _numero_epocas(datos) == 0:
        print("No hay historial de entrenamiento que graficar.")
        return
    import matplotlib.pyplot as plt

    figura, ejes = plt.subplots(1, 2, figsize=(11, 4))
    for eje, metrica, titulo in ((ejes[0], "loss", "Pérdida"), (ejes[1], "accuracy", "Exactitud")):
        for clave, etiqueta, estilo in ((metrica, "entrenamiento", "o-"), ("val_" + metrica, "validación", "s--")):
            valores = datos.get(clave)
            if valores:
                eje.plot(range(1, len(valores) + 1), valores, estilo, label=etiqueta)
        eje.set_title(titulo)
        eje.set_xlabel("época")
        eje.grid(True, alpha=0.3)
        if eje.get_legend_handles_labels()[0]:
            eje.legend()
    figura.tight_layout()
    plt.show()
