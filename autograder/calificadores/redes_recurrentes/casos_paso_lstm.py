"""Casos de `paso_lstm(x_t, h_prev, c_prev, W, U, b)`, con la disposición de pesos de Keras (puertas i, f, c, o).

Graded against the NumPy reference; the slow tier of ``tests/test_redes_recurrentes.py`` proves that
iterating the reference equals ``keras.layers.LSTM`` with the same weights (atol 1e-5).
"""
import numpy as np

from autograder.casos import caso
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma, exigir_tupla

PISTA_ORDEN = {
    "ifoc": ("leíste las puertas en el orden i, f, o, c (el de cs231n, i, f, o, g). Keras guarda las cuatro "
             "puertas en el orden i, f, c, o: columnas [0:h] entrada, [h:2h] olvido, [2h:3h] candidata, [3h:4h] salida."),
    "icfo": ("leíste las puertas en el orden i, c, f, o (el de la antigua LSTMCell de TensorFlow 1, «i, j, f, o»). "
             "Keras guarda las cuatro puertas en el orden i, f, c, o: columnas [0:h] entrada, [h:2h] olvido, "
             "[2h:3h] candidata, [3h:4h] salida."),
    "fico": ("leíste las puertas en el orden f, i, c, o (el orden en que muchos textos presentan las ecuaciones). "
             "Keras guarda las cuatro puertas en el orden i, f, c, o: columnas [0:h] entrada, [h:2h] olvido, "
             "[2h:3h] candidata, [3h:4h] salida."),
}
PISTA_CANDIDATA_SIGMOIDE = ("la candidata g_t usa tanh, no la sigmoide: las tres puertas (i, f, o) son sigmoides entre 0 y 1, "
                            "pero la candidata propone valores entre −1 y 1 para sumar o restar a la memoria.")
PISTA_SIN_OLVIDO = ("falta la puerta de olvido: c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t. Con c_t = i_t ⊙ g_t la LSTM "
                    "pierde toda su memoria en cada paso.")
PISTA_SIN_TANH_DE_C = "la salida es h_t = o_t ⊙ tanh(c_t): falta la tanh de la memoria."
PISTA_H_Y_C_CAMBIADOS = ("devolviste la memoria c_t donde va el estado h_t: la función devuelve (h_t, c_t), "
                         "en ese orden, como return_state de Keras (salida, estado h, estado c).")


def _errores(variante, entradas, c_correcta):
    """{"h": ((valor, pista), ...), "c": (...)}: the known wrong (h_t, c_t) of these inputs.

    ``variante`` is the reference's ``paso_lstm_variante`` (hidden cases only: with its default arguments
    it is the right answer, so the kit does not ship it; the public example uses ``ERRORES_DEL_EJEMPLO``).
    """
    variantes = [(variante(*entradas, orden=orden), pista) for orden, pista in PISTA_ORDEN.items()]
    variantes += [(variante(*entradas, candidata="sigmoide"), PISTA_CANDIDATA_SIGMOIDE),
                  (variante(*entradas, con_olvido=False), PISTA_SIN_OLVIDO)]
    errores_h = [(h, pista) for (h, _), pista in variantes]
    errores_h += [(variante(*entradas, tanh_de_c=False)[0], PISTA_SIN_TANH_DE_C), (c_correcta, PISTA_H_Y_C_CAMBIADOS)]
    errores_c = [(c, pista) for (_, c), pista in variantes]
    return {"h": tuple(errores_h), "c": tuple(errores_c)}


# The known wrong (h_t, c_t) of the notebook's example (section 3), as literals, in the order of ``_errores``.
C_DEL_EJEMPLO = [[1.21863179]]
ERRORES_DEL_EJEMPLO = {
    "h": (([[0.4399657142355671]], PISTA_ORDEN["ifoc"]), ([[0.43428411627533586]], PISTA_ORDEN["icfo"]),
          ([[0.40688497287503506]], PISTA_ORDEN["fico"]), ([[0.43533608668419]], PISTA_CANDIDATA_SIGMOIDE),
          ([[0.16277147344570966]], PISTA_SIN_OLVIDO), ([[0.6093158950624618]], PISTA_SIN_TANH_DE_C),
          (C_DEL_EJEMPLO, PISTA_H_Y_C_CAMBIADOS)),
    "c": (([[0.8807970779778824]], PISTA_ORDEN["ifoc"]), ([[1.3272199636522046]], PISTA_ORDEN["icfo"]),
          ([[1.138090020428067]], PISTA_ORDEN["fico"]), ([[1.3358513119012936]], PISTA_CANDIDATA_SIGMOIDE),
          ([[0.33783471214704114]], PISTA_SIN_OLVIDO)),
}


def _paso(alumno, entradas, que):
    h_prev = entradas[1]
    h_t, c_t = exigir_tupla(alumno.llamar("paso_lstm", *entradas), 2, f"{que} (debe devolver la tupla (h_t, c_t))")
    h_t, c_t = exigir_array(h_t, f"{que}: h_t"), exigir_array(c_t, f"{que}: c_t")
    for nombre, valor in (("h_t", h_t), ("c_t", c_t)):
        exigir_forma(valor, h_prev.shape, f"{que}: {nombre}",
                     "h_t y c_t tienen la forma de h_prev, (n, h): cada puerta ocupa h de las 4h columnas de W @ x.")
    return h_t, c_t


def _comprobar(alumno, entradas, h_esperada, c_esperada, errores, que, revelar, **tolerancia):
    h_t, c_t = _paso(alumno, entradas, que)
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
    _comprobar(alumno, entradas, np.array([[0.41962506]]), np.array(C_DEL_EJEMPLO), ERRORES_DEL_EJEMPLO,
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
        errores = _errores(referencia.paso_lstm_variante, entradas, c_esperada)
        _comprobar(alumno, entradas, h_esperada, c_esperada, errores, f"paso_lstm con n={n}, d={d}, h={h}",
                   revelar=False, atol=1e-8, rtol=1e-6)
