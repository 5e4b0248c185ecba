"""Casos de `paso_lstm(x_t, h_prev, c_prev, W, U, b)`, con la disposición de pesos de Keras (puertas i, f, c, o).

Graded against the NumPy reference; the slow tier of ``tests/test_redes_recurrentes.py`` proves that
iterating the reference equals ``keras.layers.LSTM`` with the same weights (atol 1e-5).
"""
import numpy as np

from autograder.calificadores.redes_recurrentes.variantes import (
    PISTA_CANDIDATA_SIGMOIDE, PISTA_H_Y_C_CAMBIADOS, PISTA_ORDEN, PISTA_SIN_OLVIDO, PISTA_SIN_TANH_DE_C, lstm, sigmoide)
from autograder.casos import caso
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma, exigir_tupla


def _errores(entradas, c_correcta):
    """{"h": ((valor, pista), ...), "c": (...)}: the known wrong (h_t, c_t) of these inputs."""
    variantes = [(lstm(*entradas, orden=orden), pista) for orden, pista in PISTA_ORDEN.items()]
    variantes += [(lstm(*entradas, candidata=sigmoide), PISTA_CANDIDATA_SIGMOIDE),
                  (lstm(*entradas, con_olvido=False), PISTA_SIN_OLVIDO)]
    errores_h = [(h, pista) for (h, _), pista in variantes]
    errores_h += [(lstm(*entradas, tanh_de_c=False)[0], PISTA_SIN_TANH_DE_C), (c_correcta, PISTA_H_Y_C_CAMBIADOS)]
    errores_c = [(c, pista) for (_, c), pista in variantes]
    return {"h": tuple(errores_h), "c": tuple(errores_c)}


def _paso(alumno, entradas, que):
    h_prev = entradas[1]
    h_t, c_t = exigir_tupla(alumno.llamar("paso_lstm", *entradas), 2, f"{que} (debe devolver la tupla (h_t, c_t))")
    h_t, c_t = exigir_array(h_t, f"{que}: h_t"), exigir_array(c_t, f"{que}: c_t")
    for nombre, valor in (("h_t", h_t), ("c_t", c_t)):
        exigir_forma(valor, h_prev.shape, f"{que}: {nombre}",
                     "h_t y c_t tienen la forma de h_prev, (n, h): cada puerta ocupa h de las 4h columnas de W @ x.")
    return h_t, c_t


def _comprobar(alumno, entradas, h_esperada, c_esperada, que, revelar, **tolerancia):
    h_t, c_t = _paso(alumno, entradas, que)
    errores = _errores(entradas, c_esperada)
    # c_t first: a gate mistake shows there already, and a swapped (c_t, h_t) is caught by the h_t check.
    if not (h_t.shape == c_t.shape and np.allclose(h_t, c_esperada, **tolerancia)
            and np.allclose(c_t, h_esperada, **tolerancia)):
        exigir_cercano(c_t, c_esperada, f"{que}: c_t", errores_conocidos=errores["c"], revelar=revelar, **tolerancia)
    exigir_cercano(h_t, h_esperada, f"{que}: h_t", errores_conocidos=errores["h"], revelar=revelar, **tolerancia)
    exigir_cercano(c_t, c_esperada, f"{que}: c_t", errores_conocidos=errores["c"], revelar=revelar, **tolerancia)


@caso(puntos=1, exito="el ejemplo del cuaderno: c_t ≈ 1.219 y h_t ≈ 0.420.")
def test_ejemplo_del_cuaderno(alumno):
    """El ejemplo de la sección 3: d = h = 1, x_t = 1, h_prev = 0, c_prev = 1, W = [1, 2, 0.5, 0], b = 0."""
    entradas = (np.array([[1.0]]), np.array([[0.0]]), np.array([[1.0]]),
                np.array([[1.0, 2.0, 0.5, 0.0]]), np.array([[0.5, -1.0, 0.3, 0.2]]), np.zeros(4))
    _comprobar(alumno, entradas, np.array([[0.41962506]]), np.array([[1.21863179]]),
               "paso_lstm(ejemplo del cuaderno)", revelar=True, atol=1e-6, rtol=0)


@caso(puntos=5, oculta=True, exito="coincide con la referencia con formas y pesos aleatorios (n = 1 y d = 1 incluidos).")
def test_formas_ocultas(alumno, rng, referencia):
    """n, d y h aleatorios con d ≠ h, estados previos distintos de cero; y un caso n = 1, d = 1."""
    for n, d in ((int(rng.integers(2, 6)), int(rng.integers(2, 5))), (1, 1)):
        h = d + int(rng.integers(1, 4))
        entradas = (rng.normal(size=(n, d)), rng.uniform(-1, 1, size=(n, h)), rng.normal(0, 1.5, size=(n, h)),
                    rng.normal(0, 0.7, size=(d, 4 * h)), rng.normal(0, 0.7, size=(h, 4 * h)),
                    rng.normal(0, 0.5, size=4 * h))
        h_esperada, c_esperada = referencia.paso_lstm(*entradas)
        _comprobar(alumno, entradas, h_esperada, c_esperada, f"paso_lstm con n={n}, d={d}, h={h}", revelar=False,
                   atol=1e-8, rtol=1e-6)
