"""Casos de `rnn_adelante(X, h0, Wx, Wh, b)` (al calificar, `paso_rnn` es el de referencia)."""
import numpy as np

from autograder.casos import caso
from autograder.errores import Fallo
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma

PISTA_SOLO_EL_ULTIMO = ("Devolviste solo el último estado, forma (n, h): rnn_adelante devuelve todos los estados, "
                        "(n, T, h), como una capa recurrente de Keras con return_sequences=True.")
PISTA_CON_H0 = "H tiene T + 1 pasos: no incluyas h0; H[:, t] es el estado después de leer X[:, t]."
PISTA_EJE_DEL_TIEMPO = ("El tiempo va en el eje 1: H tiene forma (n, T, h), como X (n, T, d). Si apilas una lista "
                        "de estados, usa np.stack(estados, axis=1).")
PISTA_SIN_RECURRENCIA = ("cada paso recibió h0 en lugar del estado anterior: h = paso_rnn(X[:, t], h, ...) debe "
                         "usar el h que devolvió el paso t − 1. Ese estado que pasa de un paso al siguiente es la "
                         "memoria de la red.")
PISTA_ALEATORIA = ("con las mismas entradas tu función devolvió dos resultados distintos: ¿creas pesos nuevos "
                   "(aleatorios) en cada paso? Una RNN usa los mismos Wx, Wh y b, los recibidos, en todos los pasos.")


# The eco example without recurrence (every step from h0), as a literal: see casos_paso_rnn.ERRORES_DEL_EJEMPLO.
ECO_SIN_RECURRENCIA = [[[0.7615941559557649], [0.0], [0.0], [0.0]]]


def _sin_recurrencia(paso_rnn, X, h0, Wx, Wh, b):
    """Every step from h0; ``paso_rnn`` is the reference's (hidden cases)."""
    return np.stack([paso_rnn(X[:, t], h0, Wx, Wh, b) for t in range(X.shape[1])], axis=1)


def _recorrer(alumno, X, h0, Wx, Wh, b, que):
    """The student's H, with its shape checked (a recognised wrong shape gets its hint); called twice."""
    n, T, _ = X.shape
    h = h0.shape[1]
    H = exigir_array(alumno.llamar("rnn_adelante", X, h0, Wx, Wh, b), que)
    pistas = {(n, h): PISTA_SOLO_EL_ULTIMO, (n, T + 1, h): PISTA_CON_H0, (T, n, h): PISTA_EJE_DEL_TIEMPO}
    exigir_forma(H, (n, T, h), que, pistas.get(H.shape, "H tiene forma (n, T, h): un estado por ejemplo y paso."))
    otra = exigir_array(alumno.llamar("rnn_adelante", X, h0, Wx, Wh, b), f"{que} (segunda llamada)")
    if otra.shape != H.shape or not np.array_equal(otra, H):
        raise Fallo(f"{que}: dos llamadas con las mismas entradas dieron resultados distintos.\n  Pista: {PISTA_ALEATORIA}")
    return H


@caso(puntos=1, exito="un 1 seguido de ceros deja un eco que se apaga: ≈ [0.762, 0.363, 0.180, 0.090].")
def test_eco_del_cuaderno(alumno):
    """El ejemplo de la sección 2: h = 1, Wx = 1, Wh = 0.5, b = 0 y la secuencia 1, 0, 0, 0."""
    X, h0 = np.array([[[1.0], [0.0], [0.0], [0.0]]]), np.zeros((1, 1))
    Wx, Wh, b = np.array([[1.0]]), np.array([[0.5]]), np.zeros(1)
    que = "rnn_adelante(eco del cuaderno)"
    H = _recorrer(alumno, X, h0, Wx, Wh, b, que)
    exigir_cercano(H, [[[0.76159416], [0.36339948], [0.17972621], [0.08962199]]], que, atol=1e-6,
                   errores_conocidos=((ECO_SIN_RECURRENCIA, PISTA_SIN_RECURRENCIA),))


@caso(puntos=4, oculta=True, exito="coincide con la referencia en secuencias aleatorias (T = 1 incluido).")
def test_secuencias_ocultas(alumno, rng, referencia):
    """n, T, d y h aleatorios, con h0 distinto de cero, y una secuencia de un solo paso."""
    for T in (int(rng.integers(3, 9)), 1):
        n, d, h = int(rng.integers(1, 5)), int(rng.integers(1, 5)), int(rng.integers(2, 6))
        X, h0 = rng.normal(size=(n, T, d)), rng.uniform(-1, 1, size=(n, h))
        Wx, Wh, b = rng.normal(0, 0.7, size=(d, h)), rng.normal(0, 0.7, size=(h, h)), rng.normal(0, 0.5, size=h)
        que = f"rnn_adelante con n={n}, T={T}, d={d}, h={h}"
        H = _recorrer(alumno, X, h0, Wx, Wh, b, que)
        errores = ((_sin_recurrencia(referencia.paso_rnn, X, h0, Wx, Wh, b), PISTA_SIN_RECURRENCIA),) if T > 1 else ()
        exigir_cercano(H, referencia.rnn_adelante(X, h0, Wx, Wh, b), que, atol=1e-8, rtol=1e-6,
                       errores_conocidos=errores, revelar=False)
