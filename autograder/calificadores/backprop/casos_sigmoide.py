"""Casos de `sigmoide(z)`."""
import numpy as np

from autograder.calificadores.backprop.verificacion import (comprobar_con_referencia, comprobar_elemento_a_elemento,
                                                          forma_aleatoria, pedir_elemento_a_elemento)
from autograder.casos import caso
from autograder.verificar import exigir_cercano

PISTA_DESBORDE = ("np.exp desborda con |z| grande (inf / inf = nan): usa e = np.exp(-np.abs(z)) y elige "
                  "1/(1+e) donde z >= 0 y e/(1+e) donde z < 0.")


@caso(puntos=1, exito="sigmoide([-2, 0, 2]) ≈ [0.1192, 0.5, 0.8808] y conserva la forma de una matriz.")
def test_valores_pequenos(alumno):
    z = np.array([-2.0, 0.0, 2.0])
    comprobar_elemento_a_elemento(alumno, "sigmoide", z, [0.11920292, 0.5, 0.88079708], "sigmoide([-2, 0, 2])",
                                  (([0.88079708, 0.5, 0.11920292], "el signo del exponente: σ(z) = 1 / (1 + e^(−z))."),))
    Z = np.array([[0.0, 1.0], [-1.0, 3.0]])
    comprobar_elemento_a_elemento(alumno, "sigmoide", Z, [[0.5, 0.73105858], [0.26894142, 0.95257413]],
                                  "sigmoide de una matriz 2×2")


@caso(puntos=1, oculta=True, exito="coincide con la referencia en arrays aleatorios de varias formas.")
def test_valores_ocultos(alumno, rng, referencia):
    z = rng.normal(0, 4, size=forma_aleatoria(rng))
    comprobar_con_referencia(alumno, referencia, "sigmoide", z, f"sigmoide de un array de forma {z.shape}")


@caso(puntos=1, oculta=True, exito="da valores finitos en [0, 1] con entradas de ±1000 y σ(0) = 0.5.")
def test_entradas_extremas(alumno, rng, referencia):
    z = np.concatenate([rng.choice([-1.0, 1.0], size=4) * rng.uniform(700, 1000, size=4), [0.0]])
    s = pedir_elemento_a_elemento(alumno, "sigmoide", z, "sigmoide con entradas de ±1000")
    exigir_cercano(s, referencia.sigmoide(z), "sigmoide con entradas de ±1000", atol=1e-8, revelar=False,
                   pista_no_finito=PISTA_DESBORDE)
