"""Casos de `tanh_desde_sigmoide(z)`: tanh(z) = 2·σ(2z) − 1.

The slide (seed 001, "Funciones de Activación") says "TanH = (Sigmoid*2)-1", i.e. 2·σ(z) − 1,
which is tanh(z/2); its code even returns (x*2)-1. Both are recognised with their own hint, and
so is σ(2z) without the affine part. All three differ from tanh by far more than the tolerance
on every input used here except 0 (max difference ≥ 0.1 on the public example).
"""
import numpy as np

from autograder.calificadores.backprop.verificacion import (comprobar_con_referencia, comprobar_elemento_a_elemento,
                                                          forma_aleatoria, pedir_elemento_a_elemento)
from autograder.casos import caso
from autograder.verificar import exigir_cercano

PISTA_DIAPOSITIVA = ("calculaste 2·σ(z) − 1, la fórmula de la diapositiva («TanH = (Sigmoid*2)-1»), que tiene "
                     "una errata: 2·σ(z) − 1 = tanh(z/2), no tanh(z). La identidad correcta es "
                     "tanh(z) = 2·σ(2z) − 1: también la entrada de la sigmoide se multiplica por 2.")
PISTA_SIN_AFIN = ("calculaste σ(2z), que está en (0, 1): falta la parte afín. tanh(z) = 2·σ(2z) − 1 "
                  "estira el intervalo (0, 1) de la sigmoide al (−1, 1) de tanh.")
PISTA_CODIGO = ("calculaste 2z − 1, lo que devuelve el código de la diapositiva («return (x*2)-1»): calcula "
                "s = sigmoide(...) y luego no lo usa. Usa tanh(z) = 2·σ(2z) − 1.")
PISTA_DESBORDE = ("aparecen nan o inf con |z| grande: construye tanh con tu sigmoide estable "
                  "(2·sigmoide(2z) − 1) en lugar de escribir np.exp(...) directamente.")


# 2·σ(z) − 1 and σ(2z) on the public inputs [-1, 0, 0.5, 2] and [[1, -0.5], [0, 3]], written out.
MALOS_VECTOR = ([-0.4621171572600098, 0.0, 0.2449186624037092, 0.7615941559557649],
                [0.11920292202211757, 0.5, 0.7310585786300049, 0.9820137900379085])
MALOS_MATRIZ = ([[0.4621171572600098, -0.2449186624037092], [0.0, 0.9051482536448665]],
                [[0.8807970779778824, 0.2689414213699951], [0.5, 0.9975273768433652]])


def _errores(diapositiva, sin_afin, z):
    """The known wrong outputs 2·σ(z) − 1, σ(2z) and 2z − 1 with their hints: the first two are literals in the
    public case and come from ``referencia.tanh_desde_sigmoide_variantes(z)`` in hidden ones."""
    return ((np.asarray(diapositiva), PISTA_DIAPOSITIVA), (np.asarray(sin_afin), PISTA_SIN_AFIN),
            (2.0 * z - 1.0, PISTA_CODIGO))


def _errores_ocultos(referencia, z):
    return _errores(*referencia.tanh_desde_sigmoide_variantes(z), z)


@caso(puntos=1, exito="tanh_desde_sigmoide([-1, 0, 0.5, 2]) ≈ [−0.7616, 0, 0.4621, 0.9640] = np.tanh, y conserva la forma.")
def test_valores_pequenos(alumno):
    z = np.array([-1.0, 0.0, 0.5, 2.0])
    comprobar_elemento_a_elemento(alumno, "tanh_desde_sigmoide", z, [-0.76159416, 0.0, 0.46211716, 0.96402758],
                                  "tanh_desde_sigmoide([-1, 0, 0.5, 2])", _errores(*MALOS_VECTOR, z))
    Z = np.array([[1.0, -0.5], [0.0, 3.0]])
    comprobar_elemento_a_elemento(alumno, "tanh_desde_sigmoide", Z, np.tanh(Z), "tanh_desde_sigmoide de una matriz 2×2",
                                  _errores(*MALOS_MATRIZ, Z))


@caso(puntos=1, oculta=True, exito="coincide con np.tanh en arrays aleatorios de varias formas.")
def test_valores_ocultos(alumno, rng, referencia):
    z = rng.normal(0, 2, size=forma_aleatoria(rng))
    comprobar_con_referencia(alumno, referencia, "tanh_desde_sigmoide", z,
                             f"tanh_desde_sigmoide de un array de forma {z.shape}", _errores_ocultos(referencia, z))


@caso(puntos=1, oculta=True, exito="da valores finitos en [−1, 1] con entradas de ±1000 y tanh(0) = 0.")
def test_entradas_extremas(alumno, rng, referencia):
    z = np.concatenate([rng.choice([-1.0, 1.0], size=4) * rng.uniform(400, 1000, size=4), [0.0],
                        rng.normal(0, 1, size=3)])
    que = "tanh_desde_sigmoide con entradas de ±1000"
    t = pedir_elemento_a_elemento(alumno, "tanh_desde_sigmoide", z, que)
    exigir_cercano(t, referencia.tanh_desde_sigmoide(z), que, atol=1e-8,
                   errores_conocidos=_errores_ocultos(referencia, z), revelar=False, pista_no_finito=PISTA_DESBORDE)
