"""Casos de `construir_variante(neuronas, capas_ocultas, optimizador)` (Ejercicio 2 de la Práctica 1).

The model is built by the student's code in the worker with the case's arguments
(``alumno.modelo_construido(nombre, *args)``), saved there and described in a clean process, with the
class of its optimizer; the checks below only read that description. Nothing is trained.

Checks, in order (each with its hint): number of Dense layers (``capas_ocultas`` + 1), input 784,
softmax output of 10, every hidden layer ``Dense(neuronas, relu)``, ``count_params()`` =
785·n + (c − 1)·(n² + n) + 10·n + 10, loss ``categorical_crossentropy``, the optimizer's class.
"""
from autograder.casos import caso
from autograder.comprobaciones_keras import exigir_compilado, exigir_entrada, exigir_salida
from autograder.errores import Fallo

NOMBRE = "construir_variante"
CLASES_OPTIMIZADOR = {"sgd": "SGD", "rmsprop": "RMSprop", "adam": "Adam"}


def comprobar_variante(alumno, neuronas: int, capas_ocultas: int, optimizador: str) -> None:
    """Capas, unidades, activaciones, count_params(), pérdida y clase del optimizador de la variante pedida."""
    que = f"{NOMBRE}({neuronas}, {capas_ocultas}, {optimizador!r})"
    descripcion = alumno.modelo_construido(NOMBRE, neuronas, capas_ocultas, optimizador)
    densas = [c for c in descripcion["capas"] if c["clase"] == "Dense"]
    if len(densas) != capas_ocultas + 1:
        raise Fallo(f"{que}: el modelo tiene {len(densas)} capas Dense y se esperaban {capas_ocultas + 1} "
                    f"({capas_ocultas} ocultas y la de salida).\n  Pista: crea las capas ocultas con un bucle "
                    "`for _ in range(capas_ocultas)` que añada `layers.Dense(neuronas, activation=\"relu\")`, "
                    "y después la capa de salida.")
    exigir_entrada(descripcion, que, (None, 784))
    exigir_salida(descripcion, que, 10, "softmax", "una probabilidad por dígito")
    for numero, capa in enumerate(densas[:-1], start=1):
        if capa["unidades"] != neuronas or capa["activacion"] != "relu":
            raise Fallo(f"{que}: la capa oculta {numero} es Dense({capa['unidades']}, activation="
                        f"\"{capa['activacion']}\") y se esperaba Dense({neuronas}, activation=\"relu\").\n  Pista: "
                        "todas las capas ocultas usan el argumento `neuronas` y la activación ReLU.")
    esperados = 784 * neuronas + neuronas + (capas_ocultas - 1) * (neuronas * neuronas + neuronas) + neuronas * 10 + 10
    if descripcion["parametros"] != esperados:
        raise Fallo(f"{que}: count_params() da {descripcion['parametros']} y se esperaban {esperados}.")
    exigir_compilado(descripcion, que, "categorical_crossentropy")
    clase = descripcion.get("optimizador", "")
    if clase != CLASES_OPTIMIZADOR[optimizador]:
        raise Fallo(f"{que}: el modelo está compilado con el optimizador {clase or 'desconocido'} y se pidió "
                    f"{CLASES_OPTIMIZADOR[optimizador]}.\n  Pista: pasa el argumento a compile: "
                    "`modelo.compile(optimizer=optimizador, ...)`; no escribas un optimizador fijo.")


@caso(puntos=1, exito="construir_variante(64, 2, \"sgd\") es 784 → 64 → 64 → softmax 10, con SGD y 55050 parámetros.")
def test_variante_del_cuaderno(alumno):
    """construir_variante(64, 2, "sgd"): 784 → 64 → 64 → 10; 50240 + 4160 + 650 = 55050 parámetros."""
    comprobar_variante(alumno, 64, 2, "sgd")


@caso(puntos=2, oculta=True, exito="construye bien dos variantes con argumentos al azar.")
def test_variantes_ocultas(alumno, rng):
    """Dos variantes con neuronas, capas y optimizador al azar (los dos optimizadores son distintos)."""
    optimizadores = rng.permutation(list(CLASES_OPTIMIZADOR))[:2]
    for optimizador in optimizadores:
        comprobar_variante(alumno, int(rng.integers(8, 129)), int(rng.integers(1, 5)), str(optimizador))
