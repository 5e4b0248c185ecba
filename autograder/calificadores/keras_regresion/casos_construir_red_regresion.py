"""Casos de `construir_red_regresion(d_in, d_out)`: Dense(4, tanh) → Dense(5, relu) → Dense(d_out) lineal, mse.

The slides' network («Regresión Con Redes + Keras»), with the output written activation=None: the
slide's activation='none' is not a Keras activation and the layer is never built (its hint is in
``modelos.PISTA_NONE``). The optimizer is not checked: the catalogue asks SGD only of the linear
regressor (the notebook uses 'sgd', as the slide does). Built in the student's process with the
given arguments and described in a clean process, as in ``casos_construir_regresor_lineal``.
"""
from autograder.casos import caso
from autograder.errores import Fallo

from .modelos import densas, dimensiones, exigir_compilacion, exigir_salida_lineal, modelo_de_dimensiones

NOMBRE = "construir_red_regresion"
OCULTAS = ((4, "tanh"), (5, "relu"))


def exigir_estructura(alumno, d_in: int, d_out: int) -> None:
    que, descripcion = modelo_de_dimensiones(alumno, NOMBRE, d_in, d_out)
    capas = densas(descripcion)
    clases = [c["clase"] for c in capas]
    if clases != ["Dense"] * 3:
        raise Fallo(f"{que}: tiene las capas {', '.join(clases) or 'ninguna'} y se esperaban 3 capas Dense: "
                    "Dense(4, activation='tanh'), Dense(5, activation='relu') y Dense(d_out) lineal, las «3 "
                    "regresiones» de las diapositivas.")
    for numero, (capa, (unidades, activacion)) in enumerate(zip(capas, OCULTAS), start=1):
        if capa["unidades"] != unidades or capa["activacion"] != activacion:
            raise Fallo(f"{que}: la capa oculta {numero} es Dense({capa['unidades']}, activation="
                        f"'{capa['activacion']}') y se esperaba Dense({unidades}, activation='{activacion}'), "
                        "como en la diapositiva (4 y 5 son hiperparámetros arbitrarios, pero aquí se piden esos)."
                        + (" Sin activación entre capas, 3 regresiones son 1 regresión: la red sería lineal."
                           if capa["activacion"] in ("linear", "None") else ""))
    exigir_salida_lineal(descripcion, que)
    parametros = (d_in + 1) * 4 + (4 + 1) * 5 + (5 + 1) * d_out
    if descripcion["parametros"] != parametros:
        raise Fallo(f"{que}: tiene {descripcion['parametros']} parámetros y se esperaban {parametros} "
                    f"(({d_in}+1)·4 + (4+1)·5 + (5+1)·{d_out}).")


@caso(puntos=1, exito="con (3, 2) es la red de las diapositivas: Dense(4, tanh) → Dense(5, relu) → Dense(2) lineal.")
def test_red_de_las_diapositivas_3_a_2(alumno):
    """construir_red_regresion(3, 2): entrada (None, 3), capas 4 tanh, 5 relu y salida lineal de 2 (53 parámetros)."""
    exigir_estructura(alumno, 3, 2)


@caso(puntos=0.5, exito="está compilada con loss='mse'.")
def test_compilada_con_mse(alumno):
    """construir_red_regresion(3, 2) está compilada con el error cuadrático medio."""
    exigir_compilacion(alumno, NOMBRE, 3, 2)


@caso(puntos=1, oculta=True, exito="con otras dimensiones (d_in, d_out) mantiene las capas 4 tanh y 5 relu y la salida lineal.")
def test_red_con_otras_dimensiones(alumno, rng):
    """Con (d_in, d_out) elegidos para cada alumno: entrada d_in, capas 4 tanh y 5 relu, salida lineal d_out."""
    exigir_estructura(alumno, *dimensiones(rng))


@caso(puntos=0.5, oculta=True, exito="con otras dimensiones sigue compilada con mse.")
def test_compilada_con_otras_dimensiones(alumno, rng):
    """Con (d_in, d_out) elegidos para cada alumno, la red se compila con loss='mse'."""
    exigir_compilacion(alumno, NOMBRE, *dimensiones(rng))
