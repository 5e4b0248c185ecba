"""Casos de `escalon(z)`: 1.0 donde z >= 0 y 0.0 donde z < 0, con la forma de z.

Decision on types: the values are graded on any numeric or boolean array (compared as
floats), and separate cases ask for a float array, as the contract says (the public one for
feedback, the hidden one, with values, for its point when grading). A student who returns
booleans or integers loses only that point and is told how to convert.
"""
import numpy as np

from autograder.casos import caso
from autograder.errores import Fallo
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma

Z_PUB = np.array([-2.0, -0.5, 0.0, 0.5, 3.0])
PISTA_ESTRICTO = "en z = 0 el escalón vale 1: la condición es z >= 0, no z > 0."
PISTA_INVERTIDO = "los valores están invertidos: 1.0 donde z >= 0 y 0.0 donde z < 0."


def _errores_conocidos(z):
    return ((np.where(z > 0, 1.0, 0.0), PISTA_ESTRICTO), (np.where(z >= 0, 0.0, 1.0), PISTA_INVERTIDO))


def _pedir(alumno, z, que):
    s = exigir_array(alumno.llamar("escalon", z), que)
    exigir_forma(s, z.shape, que, "escalon actúa elemento a elemento: la salida tiene la forma de z.")
    return s


def _comprobar(alumno, z, esperado, que, revelar=False):
    """Calls ``escalon(z)``, requires exactly ``esperado`` (hints for the known mistakes) and returns the output."""
    s = _pedir(alumno, z, que)
    exigir_cercano(s, esperado, que, atol=0, rtol=0, errores_conocidos=_errores_conocidos(z), revelar=revelar)
    return s


@caso(puntos=1, exito="escalon([-2, -0.5, 0, 0.5, 3]) = [0, 0, 1, 1, 1] (en z = 0 vale 1).")
def test_ejemplo_en_la_recta(alumno):
    """Cinco valores, uno de ellos exactamente 0."""
    _comprobar(alumno, Z_PUB, [0.0, 0.0, 1.0, 1.0, 1.0], "escalon([-2, -0.5, 0, 0.5, 3])", revelar=True)


def _exigir_floats(s, que):
    if s.dtype.kind != "f":
        causa = ("una comparación como z >= 0 da booleanos" if s.dtype.kind == "b"
                 else "np.where(z >= 0, 1, 0) da enteros")
        raise Fallo(f"{que}: el array tiene dtype {s.dtype} y se esperaban floats "
                    f"(1.0 y 0.0). Ojo: {causa}; usa np.where(z >= 0, 1.0, 0.0) o (z >= 0).astype(float).")


@caso(puntos=1, exito="devuelve un array de floats (1.0 y 0.0).")
def test_devuelve_floats(alumno):
    """El resultado es float, como pide el enunciado, y no booleano ni entero."""
    _exigir_floats(_pedir(alumno, Z_PUB, "escalon([-2, -0.5, 0, 0.5, 3])"), "escalon([-2, -0.5, 0, 0.5, 3])")


@caso(puntos=1, oculta=True, exito="funciona con matrices (n, d) que contienen ceros exactos.")
def test_matriz_con_ceros(alumno, rng):
    """Una matriz aleatoria (n, d) con algunas entradas exactamente 0."""
    n, d = int(rng.integers(2, 8)), int(rng.integers(2, 6))
    z = rng.normal(0, 2, size=(n, d))
    z[rng.random(size=(n, d)) < 0.3] = 0.0
    z[rng.integers(n), rng.integers(d)] = 0.0  # at least one exact zero
    _comprobar(alumno, z, np.where(z >= 0, 1.0, 0.0), f"escalon de una matriz {n}×{d} con ceros")


@caso(puntos=0.5, oculta=True, exito="funciona con un solo elemento, en forma (1,) y (1, 1).")
def test_un_elemento(alumno, rng):
    """Un único valor, como vector (1,) y como matriz (1, 1): uno negativo y el otro positivo o cero."""
    negativo, no_negativo = -rng.uniform(0.1, 5), float(rng.choice([0.0, 1.0]) * rng.uniform(0.1, 5))
    valores = rng.permutation([negativo, no_negativo])  # a constant answer fails one of the two
    for z in (np.array([valores[0]]), np.array([[valores[1]]])):
        _comprobar(alumno, z, np.where(z >= 0, 1.0, 0.0), f"escalon de un array de forma {z.shape}")


@caso(puntos=0.5, oculta=True, exito="devuelve floats (1.0 y 0.0) con los valores correctos en un vector aleatorio.")
def test_devuelve_floats_con_entradas_ocultas(alumno, rng):
    """Un vector aleatorio con ceros exactos: valores correctos y dtype float."""
    z = rng.normal(0, 2, size=int(rng.integers(6, 15)))
    z[rng.choice(z.size, size=2, replace=False)] = 0.0
    que = f"escalon de un vector de {z.size} valores"
    _exigir_floats(_comprobar(alumno, z, np.where(z >= 0, 1.0, 0.0), que), que)
