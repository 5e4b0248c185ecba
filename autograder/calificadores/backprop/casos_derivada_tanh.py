"""Casos de `derivada_tanh(z)`."""
import numpy as np

from autograder.calificadores.backprop.verificacion import (comprobar_con_referencia, comprobar_elemento_a_elemento,
                                                          forma_aleatoria)
from autograder.casos import caso

PISTA_SIN_CUADRADO = "falta elevar al cuadrado: la derivada es 1 − tanh(z)², no 1 − tanh(z)."
PISTA_DESDE_LA_ACTIVACION = ("calculaste 1 − z²: esa fórmula vale cuando recibes la salida t = tanh(z), "
                             "pero aquí recibes z. Usa 1 − np.tanh(z)**2.")


def _errores(z):
    return ((1 - np.tanh(z), PISTA_SIN_CUADRADO), (1 - z**2, PISTA_DESDE_LA_ACTIVACION))


@caso(puntos=1, exito="tanh'([-1, 0, 0.5]) ≈ [0.42, 1, 0.786]: vale 1 en z = 0 y decae a ambos lados.")
def test_valores_pequenos(alumno):
    z = np.array([-1.0, 0.0, 0.5])
    comprobar_elemento_a_elemento(alumno, "derivada_tanh", z, [0.41997434, 1.0, 0.78644773],
                                  "derivada_tanh([-1, 0, 0.5])", _errores(z))


@caso(puntos=1, oculta=True, exito="coincide con la referencia en arrays aleatorios de varias formas.")
def test_valores_ocultos(alumno, rng, referencia):
    z = rng.normal(0, 2, size=forma_aleatoria(rng))
    comprobar_con_referencia(alumno, referencia, "derivada_tanh", z, f"derivada_tanh de un array de forma {z.shape}",
                             _errores(z))
