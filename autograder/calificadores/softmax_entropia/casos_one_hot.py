"""Casos de `one_hot(y, k)`."""
import numpy as np

from autograder.casos import caso
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma


@caso(puntos=1, exito="one_hot([0, 2, 1], 3) es correcto.")
def test_ejemplo_pequeno(alumno):
    """Tres etiquetas, tres clases."""
    Y = exigir_array(alumno.llamar("one_hot", np.array([0, 2, 1]), 3), "one_hot([0, 2, 1], 3)")
    exigir_forma(Y, (3, 3), "one_hot([0, 2, 1], 3)")
    exigir_cercano(Y, np.eye(3)[[0, 2, 1]], "one_hot([0, 2, 1], 3)")


@caso(puntos=1, oculta=True, exito="funciona con n y k aleatorios.")
def test_forma_y_valores_ocultos(alumno, rng):
    """Forma (n, k) y un único 1 por fila en la columna de su etiqueta."""
    n, k = int(rng.integers(1, 12)), int(rng.integers(2, 8))
    y = rng.integers(0, k, size=n)
    Y = exigir_array(alumno.llamar("one_hot", y, k), f"one_hot de {n} etiquetas con k={k}")
    exigir_forma(Y, (n, k), f"one_hot de {n} etiquetas con k={k}",
                 "Una fila por ejemplo y una columna por clase." if Y.shape == (k, n) else "")
    exigir_cercano(Y, np.eye(k)[y], f"one_hot de {n} etiquetas con k={k}", revelar=False,
                   errores_conocidos=((np.eye(k)[(y - 1) % k], "las etiquetas empiezan en 0: la clase 0 va en la columna 0."),))


@caso(puntos=1, oculta=True, exito="k mayor que la etiqueta máxima deja columnas de ceros.")
def test_clases_sin_ejemplos(alumno, rng):
    """Si alguna clase no aparece en y, su columna queda a cero (k manda, no max(y)+1)."""
    k = int(rng.integers(5, 9))
    y = rng.integers(0, 3, size=6)
    Y = exigir_array(alumno.llamar("one_hot", y, k), f"one_hot con k={k} y etiquetas < 3")
    exigir_forma(Y, (6, k), f"one_hot con k={k} y etiquetas < 3", "Usa k para el número de columnas, no max(y)+1.")
    exigir_cercano(Y, np.eye(k)[y], f"one_hot con k={k}", revelar=False)
