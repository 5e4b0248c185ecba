"""Casos de `leaky_relu(z, alfa=0.01)`: z donde z > 0, alfa·z donde z <= 0.

Hidden cases draw alfa in [0.05, 0.3] (far from the default 0.01 and from 1) so that ignoring the
argument, swapping the two sides or returning plain ReLU are told apart; every hidden array has
an exact 0, a positive and a negative entry (``con_cero_y_ambos_signos``, |z| ≥ 0.1 for those two).
"""
import numpy as np

from autograder.calificadores.backprop.verificacion import (comprobar_con_referencia, comprobar_elemento_a_elemento,
                                                          con_cero_y_ambos_signos, forma_aleatoria)
from autograder.casos import caso

PISTA_LADO_POSITIVO = ("multiplicaste por alfa el lado positivo: Leaky ReLU deja pasar z tal cual donde z > 0 "
                       "y solo «gotea» alfa·z donde z <= 0 (np.where(z > 0, z, alfa * z)).")
PISTA_RELU = ("devolviste 0 para los negativos: eso es ReLU. Leaky ReLU devuelve alfa·z donde z <= 0, "
              "para que el gradiente no se anule del todo.")
PISTA_ALFA_FIJO = "usaste alfa = 0.01 aunque la llamada pasó otro alfa: usa el argumento alfa."


def _errores(z, alfa):
    return ((np.where(z > 0, alfa * z, z), PISTA_LADO_POSITIVO), (np.maximum(0.0, z), PISTA_RELU),
            (np.where(z > 0, z, 0.01 * z) if alfa != 0.01 else None, PISTA_ALFA_FIJO))


@caso(puntos=1, exito="leaky_relu([-2, 0, 3]) = [−0.02, 0, 3] y leaky_relu([-5, 1], alfa=0.2) = [−1, 1].")
def test_valores_pequenos(alumno):
    z = np.array([-2.0, 0.0, 3.0])
    comprobar_elemento_a_elemento(alumno, "leaky_relu", z, [-0.02, 0.0, 3.0], "leaky_relu([-2, 0, 3])",
                                  _errores(z, 0.01), atol=1e-12)
    z = np.array([-5.0, 1.0])
    comprobar_elemento_a_elemento(alumno, "leaky_relu", z, [-1.0, 1.0], "leaky_relu([-5, 1], alfa=0.2)",
                                  _errores(z, 0.2), (0.2,), atol=1e-12)


@caso(puntos=1, oculta=True, exito="coincide con la referencia en arrays aleatorios, con el alfa por defecto y con otro.")
def test_valores_ocultos(alumno, rng, referencia):
    z = con_cero_y_ambos_signos(rng, forma_aleatoria(rng))
    comprobar_con_referencia(alumno, referencia, "leaky_relu", z, f"leaky_relu de un array de forma {z.shape}",
                             _errores(z, 0.01), atol=1e-12)
    alfa = float(np.round(rng.uniform(0.05, 0.3), 3))
    comprobar_con_referencia(alumno, referencia, "leaky_relu", z,
                             f"leaky_relu de un array de forma {z.shape} con alfa={alfa}",
                             _errores(z, alfa), (alfa,), atol=1e-12)
