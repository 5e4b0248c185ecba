"""Casos de `entropia_cruzada_binaria(p, y)`."""
import numpy as np

from autograder.casos import caso
from autograder.verificar import exigir_cercano, exigir_numero


def _errores_conocidos(p, y, n, correcto):
    solo_positivos = -np.mean(y * np.log(np.clip(p, 1e-12, 1)))
    return (
        (correcto * n, "sumaste; la pérdida es la media sobre los ejemplos."),
        (solo_positivos, "falta el término (1 - y)·log(1 - p) de los ejemplos negativos."),
        (-correcto, "falta el signo menos."),
    )


@caso(puntos=1, exito="p=[0.9, 0.2, 0.6], y=[1, 0, 1] da ≈ 0.2798.")
def test_ejemplo_pequeno(alumno):
    """Tres ejemplos calculables a mano: -(log 0.9 + log 0.8 + log 0.6)/3."""
    p, y = np.array([0.9, 0.2, 0.6]), np.array([1, 0, 1])
    correcto = -(np.log(0.9) + np.log(0.8) + np.log(0.6)) / 3
    valor = exigir_numero(alumno.llamar("entropia_cruzada_binaria", p, y), "entropia_cruzada_binaria(ejemplo)")
    exigir_cercano(valor, correcto, "entropia_cruzada_binaria(ejemplo)", atol=1e-6,
                   errores_conocidos=_errores_conocidos(p, y, 3, correcto))


@caso(puntos=1, oculta=True, exito="coincide con la referencia en entradas aleatorias.")
def test_valores_ocultos(alumno, rng, referencia):
    n = int(rng.integers(1, 15))
    p, y = rng.uniform(0.01, 0.99, size=n), rng.integers(0, 2, size=n)
    correcto = referencia.entropia_cruzada_binaria(p, y)
    valor = exigir_numero(alumno.llamar("entropia_cruzada_binaria", p, y), f"entropia_cruzada_binaria con n={n}")
    exigir_cercano(valor, correcto, f"entropia_cruzada_binaria con n={n}", atol=1e-8, rtol=1e-6,
                   errores_conocidos=_errores_conocidos(p, y, n, correcto), revelar=False)


@caso(puntos=1, oculta=True, exito="probabilidades exactamente 0 o 1 no producen inf ni nan.")
def test_probabilidades_extremas(alumno, rng, referencia):
    """p = 0 o 1 con la etiqueta contraria: el recorte evita log(0)."""
    p = rng.permutation(np.array([0.0, 1.0, 0.0, 1.0, 0.5]))
    y = (p == 0).astype(int)
    valor = exigir_numero(alumno.llamar("entropia_cruzada_binaria", p, y), "entropia_cruzada_binaria con p en {0, 1}")
    correcto = referencia.entropia_cruzada_binaria(p, y)
    exigir_cercano(valor, correcto, "entropia_cruzada_binaria con p en {0, 1}", atol=1e-6, rtol=1e-6, revelar=False,
                   errores_conocidos=_errores_conocidos(p, y, len(p), correcto),
                   pista_no_finito="log(0) = -inf: recorta p y 1 - p a [1e-12, 1] antes del logaritmo.")
