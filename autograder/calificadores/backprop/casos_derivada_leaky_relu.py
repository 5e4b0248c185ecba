"""Casos de `derivada_leaky_relu(z, alfa=0.01)`: 1 donde z > 0, alfa donde z <= 0.

At z = 0 the derivative does not exist; this task's convention (the same as ``derivada_relu``,
which gives 0 there) takes the left-hand value, alfa. Hidden cases: an exact 0, both signs, and
alfa in [0.05, 0.3] besides the default.
"""
import numpy as np

from autograder.calificadores.backprop.verificacion import (con_cero_y_ambos_signos, forma_aleatoria,
                                                          pedir_elemento_a_elemento)
from autograder.casos import caso
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma

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


def _pedir(alumno, z, alfa, que):
    valor = exigir_array(alumno.llamar("derivada_leaky_relu", z, alfa), que)
    exigir_forma(valor, z.shape, que, "una función elemento a elemento devuelve la misma forma que su entrada.")
    return valor


@caso(puntos=1, exito="derivada_leaky_relu([-1, 0, 2]) = [0.01, 0.01, 1] (alfa en z = 0) y con alfa=0.2 → [0.2, 0.2, 1].")
def test_valores_pequenos(alumno):
    z = np.array([-1.0, 0.0, 2.0])
    d = pedir_elemento_a_elemento(alumno, "derivada_leaky_relu", z, "derivada_leaky_relu([-1, 0, 2])")
    exigir_cercano(d, [0.01, 0.01, 1.0], "derivada_leaky_relu([-1, 0, 2])", atol=1e-12,
                   errores_conocidos=_errores(z, 0.01))
    que = "derivada_leaky_relu([-1, 0, 2], alfa=0.2)"
    exigir_cercano(_pedir(alumno, z, 0.2, que), [0.2, 0.2, 1.0], que, atol=1e-12, errores_conocidos=_errores(z, 0.2))


@caso(puntos=1, oculta=True, exito="coincide con la referencia en arrays aleatorios con ceros exactos, con dos valores de alfa.")
def test_valores_ocultos(alumno, rng, referencia):
    z = con_cero_y_ambos_signos(rng, forma_aleatoria(rng))
    que = f"derivada_leaky_relu de un array de forma {z.shape} con algún cero"
    exigir_cercano(pedir_elemento_a_elemento(alumno, "derivada_leaky_relu", z, que),
                   referencia.derivada_leaky_relu(z), que, atol=1e-12, errores_conocidos=_errores(z, 0.01),
                   revelar=False)
    alfa = float(np.round(rng.uniform(0.05, 0.3), 3))
    que = f"derivada_leaky_relu de un array de forma {z.shape} con algún cero y alfa={alfa}"
    exigir_cercano(_pedir(alumno, z, alfa, que), referencia.derivada_leaky_relu(z, alfa), que, atol=1e-12,
                   errores_conocidos=_errores(z, alfa), revelar=False)
