"""Casos de `relu(z)`."""
import numpy as np

from autograder.calificadores.backprop.verificacion import (comprobar_con_referencia, comprobar_elemento_a_elemento,
                                                          con_cero_y_ambos_signos, forma_aleatoria)
from autograder.casos import caso


@caso(puntos=1, exito="relu([-2, 0, 3]) = [0, 0, 3] y conserva la forma de una matriz.")
def test_valores_pequenos(alumno):
    z = np.array([-2.0, 0.0, 3.0])
    comprobar_elemento_a_elemento(alumno, "relu", z, [0.0, 0.0, 3.0], "relu([-2, 0, 3])", atol=1e-12)
    Z = np.array([[-1.5, 2.5], [4.0, -0.5]])
    comprobar_elemento_a_elemento(alumno, "relu", Z, [[0.0, 2.5], [4.0, 0.0]], "relu de una matriz 2×2", atol=1e-12)


@caso(puntos=1, oculta=True, exito="coincide con la referencia en arrays aleatorios (con ceros exactos).")
def test_valores_ocultos(alumno, rng, referencia):
    z = con_cero_y_ambos_signos(rng, forma_aleatoria(rng))
    comprobar_con_referencia(alumno, referencia, "relu", z, f"relu de un array de forma {z.shape}", atol=1e-12)
