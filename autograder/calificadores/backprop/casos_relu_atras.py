"""Casos de `relu_atras(dA, cache)`: contra el gradiente numérico y en Z exactamente 0."""
import numpy as np

from autograder.calificadores.backprop.verificacion import exigir_gradiente, lejos_de_cero
from autograder.casos import caso
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma

PISTA_CERO = ("donde Z es exactamente 0 dejaste pasar el gradiente: la derivada de ReLU es 1 solo "
              "donde Z > 0 (estricto). Usa (Z > 0), no (Z >= 0).")
PISTA_MULTIPLICAR = "multiplica dA por la máscara (Z > 0): dZ = dA * (Z > 0), no dA * Z ni dA * max(0, Z)."


def _atras(alumno, dA, Z, que):
    dZ = exigir_array(alumno.llamar("relu_atras", dA, Z), que)
    exigir_forma(dZ, Z.shape, que, "dZ tiene la forma de Z y de dA.")
    return dZ


def _errores(dA, Z):
    return ((dA * (Z >= 0), PISTA_CERO), (dA * Z, PISTA_MULTIPLICAR), (dA * np.maximum(Z, 0), PISTA_MULTIPLICAR))


@caso(puntos=1, exito="el gradiente pasa donde Z > 0 y se corta donde Z <= 0 (también en Z = 0).")
def test_ejemplo_pequeno(alumno):
    Z = np.array([[-1.0, 0.0, 2.0], [3.0, -0.5, 0.5]])
    dA = np.array([[10.0, 20.0, 30.0], [40.0, 50.0, 60.0]])
    dZ = _atras(alumno, dA, Z, "relu_atras(ejemplo)")
    exigir_cercano(dZ, [[0.0, 0.0, 30.0], [40.0, 0.0, 60.0]], "relu_atras(ejemplo)", atol=1e-12,
                   errores_conocidos=_errores(dA, Z))


@caso(puntos=1, oculta=True, exito="dZ coincide con el gradiente numérico en formas aleatorias.")
def test_gradiente_numerico(alumno, rng, referencia):
    n, h = int(rng.integers(1, 7)), int(rng.integers(2, 7))
    Z, dA = lejos_de_cero(rng, (n, h)), rng.normal(size=(n, h))
    Z[0, 0], Z[-1, -1] = abs(Z[0, 0]), -abs(Z[-1, -1])  # the gradient passes somewhere and is cut somewhere
    que = f"relu_atras con Z de forma {(n, h)}"
    dZ = _atras(alumno, dA, Z, que)
    f = lambda Z_: float(np.sum(dA * referencia.relu_adelante(Z_)[0]))
    exigir_gradiente(dZ, referencia.gradiente_numerico(f, Z.copy()), que, errores_conocidos=_errores(dA, Z))


@caso(puntos=1, oculta=True, exito="donde Z es exactamente 0 el gradiente es 0.")
def test_z_exactamente_cero(alumno, rng, referencia):
    Z = rng.normal(size=(int(rng.integers(2, 6)), int(rng.integers(2, 6))))
    Z[rng.random(Z.shape) < 0.4] = 0.0
    Z[0, 0], Z[-1, -1] = 0.0, abs(Z[-1, -1]) + 0.1  # at least one exact zero and one positive entry
    dA = rng.normal(size=Z.shape)
    dZ = _atras(alumno, dA, Z, "relu_atras con Z exactamente 0 en algunas entradas")
    exigir_cercano(dZ, referencia.relu_atras(dA, Z), "relu_atras con Z exactamente 0 en algunas entradas",
                   atol=1e-12, errores_conocidos=_errores(dA, Z), revelar=False)
