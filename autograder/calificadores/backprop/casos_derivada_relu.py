"""Casos de `derivada_relu(z)`."""
import numpy as np

from autograder.calificadores.backprop.verificacion import (comprobar_con_referencia, comprobar_elemento_a_elemento,
                                                          con_cero_y_ambos_signos, forma_aleatoria)
from autograder.casos import caso

PISTA_CERO = ("en z = 0 devolviste 1: la derivada es 1 solo donde z > 0 (estricto); "
              "en z = 0 usamos 0 por convención. Usa (z > 0), no (z >= 0).")


def _errores(z):
    return (((z >= 0).astype(float), PISTA_CERO),)


@caso(puntos=1, exito="derivada_relu([-1, 0, 2]) = [0, 0, 1] (0 en z = 0).")
def test_valores_pequenos(alumno):
    z = np.array([-1.0, 0.0, 2.0])
    comprobar_elemento_a_elemento(alumno, "derivada_relu", z, [0.0, 0.0, 1.0], "derivada_relu([-1, 0, 2])", _errores(z),
                                  atol=1e-12)


@caso(puntos=1, oculta=True, exito="coincide con la referencia en arrays aleatorios con ceros exactos.")
def test_valores_ocultos(alumno, rng, referencia):
    z = con_cero_y_ambos_signos(rng, forma_aleatoria(rng))
    comprobar_con_referencia(alumno, referencia, "derivada_relu", z,
                             f"derivada_relu de un array de forma {z.shape} con algún cero",
                             _errores(z), atol=1e-12)
