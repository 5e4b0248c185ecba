"""Casos de `derivada_sigmoide(z)`."""
import numpy as np

from autograder.calificadores.backprop.verificacion import (comprobar_con_referencia, comprobar_elemento_a_elemento,
                                                          forma_aleatoria)
from autograder.casos import caso

PISTA_DESDE_LA_ACTIVACION = ("calculaste z·(1 − z): esa fórmula vale cuando recibes la salida s = σ(z), "
                             "pero aquí recibes z. Calcula primero s = sigmoide(z) y devuelve s·(1 − s).")


def _errores(z):
    return ((z * (1 - z), PISTA_DESDE_LA_ACTIVACION),)


@caso(puntos=1, exito="σ'([-2, 0, 2]) ≈ [0.105, 0.25, 0.105]: el máximo, 0.25, está en z = 0.")
def test_valores_pequenos(alumno):
    z = np.array([-2.0, 0.0, 2.0])
    comprobar_elemento_a_elemento(alumno, "derivada_sigmoide", z, [0.10499359, 0.25, 0.10499359],
                                  "derivada_sigmoide([-2, 0, 2])", _errores(z))


@caso(puntos=1, oculta=True, exito="coincide con la referencia en arrays aleatorios de varias formas.")
def test_valores_ocultos(alumno, rng, referencia):
    z = rng.normal(0, 3, size=forma_aleatoria(rng))
    comprobar_con_referencia(alumno, referencia, "derivada_sigmoide", z,
                             f"derivada_sigmoide de un array de forma {z.shape}", _errores(z))
