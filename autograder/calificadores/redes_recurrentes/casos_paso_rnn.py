"""Casos de `paso_rnn(x_t, h_prev, Wx, Wh, b)`."""
import numpy as np

from autograder.casos import caso
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma

PISTA_SIN_TANH = "falta la activación: h_t = tanh(x_t @ Wx + h_prev @ Wh + b) (sin la tanh el estado crece sin límite)."
PISTA_SIGMOIDE = "la RNN simple usa tanh (la activación por defecto de SimpleRNN), no la sigmoide: h_t queda entre −1 y 1."
PISTA_SIN_SESGO = "falta sumar el sesgo b (se suma a cada fila por difusión)."
PISTA_SIN_ESTADO = ("falta el término recurrente h_prev @ Wh: sin él la red no tiene memoria y cada paso "
                    "olvida todo lo anterior.")
PISTA_WH_TRASPUESTA = "el término recurrente es h_prev @ Wh (forma (n, h) @ (h, h)), no h_prev @ Wh.T."


# The known wrong h_t of the notebook's example, as literals: the kit must not ship code that computes
# paso_rnn (with its default arguments, the reference's ``paso_rnn_variante`` is the right answer).
ERRORES_DEL_EJEMPLO = (([[1.05, -0.7]], PISTA_SIN_TANH),
                       ([[0.740774899182154, 0.3318122278318339]], PISTA_SIGMOIDE),
                       ([[0.7397830512740042, -0.46211715726000974]], PISTA_SIN_SESGO),
                       ([[0.6640367702678489, -0.197375320224904]], PISTA_SIN_ESTADO),
                       ([[0.8617231593133063, -0.4218990052500079]], PISTA_WH_TRASPUESTA))


def _errores(variante, x_t, h_prev, Wx, Wh, b):
    """The known wrong h_t of these inputs; ``variante`` is the reference's ``paso_rnn_variante`` (hidden cases)."""
    return ((variante(x_t, h_prev, Wx, Wh, b, activacion="identidad"), PISTA_SIN_TANH),
            (variante(x_t, h_prev, Wx, Wh, b, activacion="sigmoide"), PISTA_SIGMOIDE),
            (variante(x_t, h_prev, Wx, Wh, b, con_sesgo=False), PISTA_SIN_SESGO),
            (variante(x_t, h_prev, Wx, Wh, b, con_estado=False), PISTA_SIN_ESTADO),
            (variante(x_t, h_prev, Wx, Wh.T, b), PISTA_WH_TRASPUESTA))


def _paso(alumno, x_t, h_prev, Wx, Wh, b, que):
    h_t = exigir_array(alumno.llamar("paso_rnn", x_t, h_prev, Wx, Wh, b), que)
    exigir_forma(h_t, h_prev.shape, que, "el nuevo estado tiene la forma de h_prev, (n, h).")
    return h_t


@caso(puntos=1, exito="tanh([1.05, −0.7]) ≈ [0.782, −0.604] en el ejemplo del cuaderno.")
def test_ejemplo_del_cuaderno(alumno):
    """El ejemplo de la sección 1: x_t @ Wx = [0.7, 0], h_prev @ Wh = [0.25, −0.5], b = [0.1, −0.2]."""
    x_t, h_prev = np.array([[1.0, 2.0]]), np.array([[0.5, -0.5]])
    Wx, Wh, b = np.array([[0.1, 0.2], [0.3, -0.1]]), np.array([[1.0, 0.0], [0.5, 1.0]]), np.array([0.1, -0.2])
    que = "paso_rnn(ejemplo del cuaderno)"
    h_t = _paso(alumno, x_t, h_prev, Wx, Wh, b, que)
    exigir_cercano(h_t, [[0.78180636, -0.60436778]], que, atol=1e-6, errores_conocidos=ERRORES_DEL_EJEMPLO)


@caso(puntos=4, oculta=True, exito="coincide con la referencia con formas aleatorias (d ≠ h, y n = 1).")
def test_formas_ocultas(alumno, rng, referencia):
    """n, d y h aleatorios con d ≠ h (un Wx y un Wh intercambiados no encajan), y un caso de un solo ejemplo."""
    for n in (int(rng.integers(2, 7)), 1):
        d = int(rng.integers(2, 6))
        h = d + int(rng.integers(1, 4))
        x_t, h_prev = rng.normal(size=(n, d)), rng.uniform(-1, 1, size=(n, h))
        Wx, Wh, b = rng.normal(0, 0.7, size=(d, h)), rng.normal(0, 0.7, size=(h, h)), rng.normal(0, 0.5, size=h)
        que = f"paso_rnn con n={n}, d={d}, h={h}"
        h_t = _paso(alumno, x_t, h_prev, Wx, Wh, b, que)
        exigir_cercano(h_t, referencia.paso_rnn(x_t, h_prev, Wx, Wh, b), que, atol=1e-8, rtol=1e-6,
                       errores_conocidos=_errores(referencia.paso_rnn_variante, x_t, h_prev, Wx, Wh, b),
                       revelar=False)
