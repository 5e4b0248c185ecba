"""Casos de `leaky_relu(z, alfa=0.01)`: z donde z > 0, alfa·z donde z <= 0.

Hidden cases draw alfa in [0.05, 0.3] (far from the default 0.01 and from 1) so that ignoring the
argument, swapping the two sides or returning plain ReLU are told apart; every hidden array has
an exact 0, a positive and a negative entry (``con_cero_y_ambos_signos``, |z| ≥ 0.1 for those two).
"""
import numpy as np

from autograder.calificadores.backprop.verificacion import (con_cero_y_ambos_signos, forma_aleatoria,
                                                          pedir_elemento_a_elemento)
from autograder.casos import caso
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma

PISTA_LADO_POSITIVO = ("multiplicaste por alfa el lado positivo: Leaky ReLU deja pasar z tal cual donde z > 0 "
                       "y solo «gotea» alfa·z donde z <= 0 (np.where(z > 0, z, alfa * z)).")
PISTA_RELU = ("devolviste 0 para los negativos: eso es ReLU. Leaky ReLU devuelve alfa·z donde z <= 0, "
              "para que el gradiente no se anule del todo.")
PISTA_ALFA_FIJO = "usaste alfa = 0.01 aunque la llamada pasó otro alfa: usa el argumento alfa."


def _errores(z, alfa):
    return ((np.where(z > 0, alfa * z, z), PISTA_LADO_POSITIVO), (np.maximum(0.0, z), PISTA_RELU),
            (np.where(z > 0, z, 0.01 * z) if alfa != 0.01 else None, PISTA_ALFA_FIJO))


def _pedir(alumno, z, alfa, que):
    valor = exigir_array(alumno.llamar("leaky_relu", z, alfa), que)
    exigir_forma(valor, z.shape, que, "una función elemento a elemento devuelve la misma forma que su entrada.")
    return valor


@caso(puntos=1, exito="leaky_relu([-2, 0, 3]) = [−0.02, 0, 3] y leaky_relu([-5, 1], alfa=0.2) = [−1, 1].")
def test_valores_pequenos(alumno):
    z = np.array([-2.0, 0.0, 3.0])
    a = pedir_elemento_a_elemento(alumno, "leaky_relu", z, "leaky_relu([-2, 0, 3])")
    exigir_cercano(a, [-0.02, 0.0, 3.0], "leaky_relu([-2, 0, 3])", atol=1e-12, errores_conocidos=_errores(z, 0.01))
    z = np.array([-5.0, 1.0])
    exigir_cercano(_pedir(alumno, z, 0.2, "leaky_relu([-5, 1], alfa=0.2)"), [-1.0, 1.0],
                   "leaky_relu([-5, 1], alfa=0.2)", atol=1e-12, errores_conocidos=_errores(z, 0.2))


@caso(puntos=1, oculta=True, exito="coincide con la referencia en arrays aleatorios, con el alfa por defecto y con otro.")
def test_valores_ocultos(alumno, rng, referencia):
    z = con_cero_y_ambos_signos(rng, forma_aleatoria(rng))
    que = f"leaky_relu de un array de forma {z.shape}"
    exigir_cercano(pedir_elemento_a_elemento(alumno, "leaky_relu", z, que), referencia.leaky_relu(z), que,
                   atol=1e-12, errores_conocidos=_errores(z, 0.01), revelar=False)
    alfa = float(np.round(rng.uniform(0.05, 0.3), 3))
    que = f"leaky_relu de un array de forma {z.shape} con alfa={alfa}"
    exigir_cercano(_pedir(alumno, z, alfa, que), referencia.leaky_relu(z, alfa), que, atol=1e-12,
                   errores_conocidos=_errores(z, alfa), revelar=False)
