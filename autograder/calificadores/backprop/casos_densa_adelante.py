"""Casos de `densa_adelante(X, W, b)`."""
import numpy as np

from autograder.casos import caso
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma, exigir_tupla

PISTA_SIN_SESGO = "falta sumar el sesgo: Z = X @ W + b (b se suma a cada fila por difusión)."
PISTA_CACHE = "la cache es la tupla (X, W, b), en ese orden: densa_atras la desempaqueta así."


def _adelante(alumno, X, W, b, que):
    Z, cache = exigir_tupla(alumno.llamar("densa_adelante", X, W, b), 2, que)
    Z = exigir_array(Z, f"{que}: Z")
    exigir_forma(Z, (X.shape[0], W.shape[1]), f"{que}: Z", "Z = X @ W + b tiene forma (n, m).")
    return Z, cache


def _exigir_cache(cache, X, W, b, que):
    cache = exigir_tupla(cache, 3, f"{que}: cache (debe ser la tupla (X, W, b))")
    for nombre, guardado, original in zip(("X", "W", "b"), cache, (X, W, b)):
        guardado = exigir_array(guardado, f"{que}: cache[{nombre}]")
        exigir_forma(guardado, original.shape, f"{que}: cache[{nombre}]", PISTA_CACHE)
        exigir_cercano(guardado, original, f"{que}: cache[{nombre}]", atol=0, rtol=0, revelar=False, pista=PISTA_CACHE)


@caso(puntos=1, exito="Z = X @ W + b en un ejemplo 2×3 → 2×2, y la cache es (X, W, b).")
def test_ejemplo_pequeno(alumno):
    X = np.array([[1.0, 2.0, 3.0], [0.0, -1.0, 1.0]])
    W = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, -1.0]])
    b = np.array([0.5, -0.5])
    Z, cache = _adelante(alumno, X, W, b, "densa_adelante(ejemplo)")
    exigir_cercano(Z, [[4.5, -1.5], [1.5, -2.5]], "densa_adelante(ejemplo): Z", atol=1e-10,
                   errores_conocidos=((X @ W, PISTA_SIN_SESGO),))
    _exigir_cache(cache, X, W, b, "densa_adelante(ejemplo)")


@caso(puntos=1, oculta=True, exito="coincide con la referencia con formas aleatorias, n = 1 y d = 1 incluidos.")
def test_formas_ocultas(alumno, rng, referencia):
    for n, d in ((int(rng.integers(2, 9)), int(rng.integers(2, 7))), (1, 1)):
        m = int(rng.integers(1, 6))
        X, W, b = rng.normal(size=(n, d)), rng.normal(size=(d, m)), rng.normal(size=m)
        que = f"densa_adelante con n={n}, d={d}, m={m}"
        Z, cache = _adelante(alumno, X, W, b, que)
        exigir_cercano(Z, referencia.densa_adelante(X, W, b)[0], f"{que}: Z", atol=1e-10, rtol=1e-8,
                       errores_conocidos=((X @ W, PISTA_SIN_SESGO),), revelar=False)
        _exigir_cache(cache, X, W, b, que)
