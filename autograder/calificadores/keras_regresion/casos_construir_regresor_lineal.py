"""Casos de `construir_regresor_lineal(d_in, d_out)`: una sola Dense(d_out) lineal, compilada con mse y SGD.

The model is built in the student's process with the given arguments, saved, and described in
a clean process (``modelos.modelo_con_argumentos``); the checks only read that description and
the optimizer's class from the saved config.json. No training happens here. Public cases use the
slides' table, (d_in, d_out) = (3, 2); the hidden ones draw other dimensions per student (never
(3, 2)), so a function that writes 3 and 2 by hand earns nothing at grading.
"""
from autograder.casos import caso
from autograder.errores import Fallo

from .modelos import densas, dimensiones, exigir_compilacion, exigir_salida_lineal, modelo_de_dimensiones

NOMBRE = "construir_regresor_lineal"


def exigir_estructura(alumno, d_in: int, d_out: int) -> dict:
    que, descripcion = modelo_de_dimensiones(alumno, NOMBRE, d_in, d_out)
    capas = densas(descripcion)
    clases = [c["clase"] for c in capas]
    if clases != ["Dense"]:
        ocultas = " Una regresión lineal no tiene capas ocultas: esa es construir_red_regresion." if len(
            [c for c in clases if c == "Dense"]) > 1 else ""
        raise Fallo(f"{que}: tiene las capas {', '.join(clases) or 'ninguna'} y se esperaba una sola capa "
                    f"Dense({d_out}).{ocultas}")
    exigir_salida_lineal(descripcion, que)
    parametros = (d_in + 1) * d_out
    if descripcion["parametros"] != parametros:
        raise Fallo(f"{que}: tiene {descripcion['parametros']} parámetros y se esperaban {parametros}: W de "
                    f"{d_in}×{d_out} más b de {d_out} (¿quitaste el sesgo con use_bias=False?).")
    return descripcion


@caso(puntos=1, exito="con (3, 2), la tabla de las diapositivas, es una sola Dense(2) lineal: W de 3×2 y b de 2.")
def test_una_capa_lineal_de_3_a_2(alumno):
    """construir_regresor_lineal(3, 2): entrada (None, 3), salida (None, 2), una sola Dense lineal, 8 parámetros."""
    exigir_estructura(alumno, 3, 2)


@caso(puntos=0.5, exito="está compilado con loss='mse' y el optimizador SGD.")
def test_compilado_con_mse_y_sgd(alumno):
    """construir_regresor_lineal(3, 2) está compilado con el error cuadrático medio y descenso de gradiente."""
    exigir_compilacion(alumno, NOMBRE, 3, 2, sgd=True)


@caso(puntos=1, oculta=True, exito="con otras dimensiones (d_in, d_out) es una sola Dense(d_out) lineal.")
def test_una_capa_lineal_con_otras_dimensiones(alumno, rng):
    """Con (d_in, d_out) elegidos para cada alumno: entrada, salida, una sola Dense lineal, (d_in + 1)·d_out parámetros."""
    exigir_estructura(alumno, *dimensiones(rng))


@caso(puntos=0.5, oculta=True, exito="con otras dimensiones sigue compilado con mse y SGD.")
def test_compilado_con_otras_dimensiones(alumno, rng):
    """Con (d_in, d_out) elegidos para cada alumno, el modelo se compila con loss='mse' y SGD."""
    exigir_compilacion(alumno, NOMBRE, *dimensiones(rng), sgd=True)
