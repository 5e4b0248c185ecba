"""Casos de `derivada_leaky_relu(z, alfa=0.01)`: 1 donde z > 0, alfa donde z <= 0.

At z = 0 the derivative does not exist; this task's convention (the same as ``derivada_relu``,
which gives 0 there) takes the left-hand value, alfa. Hidden cases: an exact 0, both signs, and
alfa in [0.05, 0.3] besides the default.
"""
import numpy as np

from autograder.calificadores.backprop.verificacion import (comprobar_con_referencia, comprobar_elemento_a_elemento,
                                                          con_cero_y_ambos_signos, forma_aleatoria)
from autograder.casos import caso

PISTA_CERO_EN_NEGATIVOS = ("devolviste 0 donde z < 0: esa es la derivada de ReLU. La de Leaky ReLU vale alfa "
                           "donde z <= 0 (la pendiente de la parte negativa), no 0.")
PISTA_LADO_POSITIVO = "intercambiaste los lados: la derivada es 1 donde z > 0 y alfa donde z <= 0."
PISTA_CERO = ("en z = 0 devolviste 1: como en derivada_relu, en el pliegue usamos el valor de la izquierda "
              "(aquí alfa). Usa (z > 0), no (z >= 0).")
PISTA_ALFA_FIJO = "usaste alfa = 0.01 aunque la llamada pasó otro alfa: usa el argumento alfa."


def _errores(z, alfa):
    return ((np.where(z > 0, 1.0, 0.0), PISTA_CERO_EN_NEGATIVOS), (np.where(z > 0, alfa, 1.0), PISTA_LADO_POSITIVO),
            (np.where(z >= 0, 1.0, alfa), PISTA_CERO),
            (np.where(z > 0, 1.0, 0.01) if alfa != 0.01 else None, PISTA_ALFA_FIJO))


@caso(puntos=1, exito="derivada_leaky_relu([-1, 0, 2]) = [0.01, 0.01, 1] (alfa en z = 0) y con alfa=0.2 → [0.2, 0.2, 1].")
def test_valores_pequenos(alumno):
    z = np.array([-1.0, 0.0, 2.0])
    comprobar_elemento_a_elemento(alumno, "derivada_leaky_relu", z, [0.01, 0.01, 1.0], "derivada_leaky_relu([-1, 0, 2])",
                                  _errores(z, 0.01), atol=1e-12)
    comprobar_elemento_a_elemento(alumno, "derivada_leaky_relu", z, [0.2, 0.2, 1.0],
                                  "derivada_leaky_relu([-1, 0, 2], alfa=0.2)", _errores(z, 0.2), (0.2,), atol=1e-12)


@caso(puntos=1, oculta=True, exito="coincide con la referencia en arrays aleatorios con ceros exactos, con dos valores de alfa.")
def test_valores_ocultos(alumno, rng, referencia):
    z = con_cero_y_ambos_signos(rng, forma_aleatoria(rng))
    comprobar_con_referencia(alumno, referencia, "derivada_leaky_relu", z,
                             f"derivada_leaky_relu de un array de forma {z.shape} con algún cero", _errores(z, 0.01),
                             atol=1e-12)
    alfa = float(np.round(rng.uniform(0.05, 0.3), 3))
    comprobar_con_referencia(alumno, referencia, "derivada_leaky_relu", z,
                             f"derivada_leaky_relu de un array de forma {z.shape} con algún cero y alfa={alfa}",
                             _errores(z, alfa), (alfa,), atol=1e-12)
