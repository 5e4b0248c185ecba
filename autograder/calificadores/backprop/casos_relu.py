"""Casos de `relu(z)`."""
import numpy as np

from autograder.calificadores.backprop.verificacion import (con_cero_y_ambos_signos, forma_aleatoria,
                                                          pedir_elemento_a_elemento)
from autograder.casos import caso
from autograder.verificar import exigir_cercano


@caso(puntos=1, exito="relu([-2, 0, 3]) = [0, 0, 3] y conserva la forma de una matriz.")
def test_valores_pequenos(alumno):
    z = np.array([-2.0, 0.0, 3.0])
    a = pedir_elemento_a_elemento(alumno, "relu", z, "relu([-2, 0, 3])")
    exigir_cercano(a, [0.0, 0.0, 3.0], "relu([-2, 0, 3])", atol=1e-12)
    Z = np.array([[-1.5, 2.5], [4.0, -0.5]])
    exigir_cercano(pedir_elemento_a_elemento(alumno, "relu", Z, "relu de una matriz 2×2"), [[0.0, 2.5], [4.0, 0.0]],
                   "relu de una matriz 2×2", atol=1e-12)


@caso(puntos=1, oculta=True, exito="coincide con la referencia en arrays aleatorios (con ceros exactos).")
def test_valores_ocultos(alumno, rng, referencia):
    z = con_cero_y_ambos_signos(rng, forma_aleatoria(rng))
    que = f"relu de un array de forma {z.shape}"
    exigir_cercano(pedir_elemento_a_elemento(alumno, "relu", z, que), referencia.relu(z), que, atol=1e-12,
                   revelar=False)
