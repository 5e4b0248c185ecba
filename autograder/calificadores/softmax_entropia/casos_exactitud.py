"""Casos de `exactitud(P, y)`."""
import numpy as np

from autograder.calificadores.softmax_entropia.datos import CARRERA_P, CARRERA_Y
from autograder.casos import caso
from autograder.verificar import exigir_cercano, exigir_numero

PISTA_CUALQUIER_EMPATE = ("contaste como acierto cualquier clase empatada con el máximo; en un empate gana solo "
                          "la primera columna, como hace np.argmax(P, axis=1).")
PISTA_ULTIMA_COLUMNA = "en un empate elegiste la última columna; np.argmax(P, axis=1) elige la primera."


def _errores_conocidos(correcto, n):
    return ((correcto * n, "devolviste el número de aciertos; la exactitud es la fracción (divide por n)."),
            (correcto * 100, "devuelve una fracción entre 0 y 1, no un porcentaje."))


@caso(puntos=0.5, exito="3 aciertos de 4 dan 0.75.")
def test_ejemplo_pequeno(alumno):
    P = np.array([[0.7, 0.3], [0.2, 0.8], [0.6, 0.4], [0.9, 0.1]])
    valor = exigir_numero(alumno.llamar("exactitud", P, np.array([0, 1, 1, 0])), "exactitud(ejemplo)")
    exigir_cercano(valor, 0.75, "exactitud(ejemplo de 4 filas)", errores_conocidos=_errores_conocidos(0.75, 4))


@caso(puntos=0.5, exito="la tabla «Carrera» de las diapositivas da 2/8 = 0.25: en la fila 5, empatada, gana "
                        "la primera clase.")
def test_tabla_carrera(alumno):
    """La tabla «Carrera»: aciertan las filas 5 (empate entre LS y LI, np.argmax elige LS) y 8."""
    valor = exigir_numero(alumno.llamar("exactitud", CARRERA_P, CARRERA_Y), "exactitud(tabla Carrera)")
    exigir_cercano(valor, 0.25, "exactitud(tabla Carrera)",
                   errores_conocidos=_errores_conocidos(0.25, 8) + ((0.125, PISTA_ULTIMA_COLUMNA),))


@caso(puntos=1, oculta=True, exito="coincide con la referencia en entradas aleatorias.")
def test_valores_ocultos(alumno, rng, referencia):
    """Probabilidades aleatorias (n, k) con al menos un acierto y un fallo (la exactitud no es 0 ni 1)."""
    n, k = int(rng.integers(5, 40)), int(rng.integers(2, 6))
    P, y = rng.dirichlet(np.ones(k), size=n), rng.integers(0, k, size=n)
    for fila, clase in ((0, y[0]), (1, (y[1] + 1) % k)):  # row 0 right, row 1 wrong: move the row's maximum there
        maximo = int(np.argmax(P[fila]))
        P[fila, [maximo, clase]] = P[fila, [clase, maximo]]
    correcto = referencia.exactitud(P, y)
    valor = exigir_numero(alumno.llamar("exactitud", P, y), f"exactitud con n={n}")
    exigir_cercano(valor, correcto, f"exactitud con n={n}", errores_conocidos=_errores_conocidos(correcto, n), revelar=False)


@caso(puntos=1, oculta=True, exito="los empates se resuelven como np.argmax (gana la primera clase).")
def test_empates(alumno, rng, referencia):
    """Filas con probabilidades empatadas: cuenta la primera clase máxima."""
    k = int(rng.integers(2, 5))
    P = np.full((3, k), 1 / k)
    y = np.array([0, 1, 0])
    valor = exigir_numero(alumno.llamar("exactitud", P, y), "exactitud con filas empatadas")
    ultima_maxima = float(np.mean(k - 1 == y))  # np.argmax of the reversed columns: the last maximum wins
    exigir_cercano(valor, referencia.exactitud(P, y), "exactitud con filas empatadas", revelar=False,
                   errores_conocidos=((1.0, PISTA_CUALQUIER_EMPATE), (ultima_maxima, PISTA_ULTIMA_COLUMNA)))
