"""Casos de `derivada_sigmoide(z)`."""
import numpy as np

from autograder.calificadores.backprop.verificacion import forma_aleatoria, pedir_elemento_a_elemento
from autograder.casos import caso
from autograder.verificar import exigir_cercano

PISTA_DESDE_LA_ACTIVACION = ("calculaste z·(1 − z): esa fórmula vale cuando recibes la salida s = σ(z), "
                             "pero aquí recibes z. Calcula primero s = sigmoide(z) y devuelve s·(1 − s).")


def _errores(z):
    return ((z * (1 - z), PISTA_DESDE_LA_ACTIVACION),)


@caso(puntos=1, exito="σ'([-2, 0, 2]) ≈ [0.105, 0.25, 0.105]: el máximo, 0.25, está en z = 0.")
def test_valores_pequenos(alumno):
    z = np.array([-2.0, 0.0, 2.0])
    ds = pedir_elemento_a_elemento(alumno, "derivada_sigmoide", z, "derivada_sigmoide([-2, 0, 2])")
    exigir_cercano(ds, [0.10499359, 0.25, 0.10499359], "derivada_sigmoide([-2, 0, 2])", atol=1e-7,
                   errores_conocidos=_errores(z))


@caso(puntos=1, oculta=True, exito="coincide con la referencia en arrays aleatorios de varias formas.")
def test_valores_ocultos(alumno, rng, referencia):
    z = rng.normal(0, 3, size=forma_aleatoria(rng))
    que = f"derivada_sigmoide de un array de forma {z.shape}"
    ds = pedir_elemento_a_elemento(alumno, "derivada_sigmoide", z, que)
    exigir_cercano(ds, referencia.derivada_sigmoide(z), que, atol=1e-8, rtol=1e-6,
                   errores_conocidos=_errores(z), revelar=False)
