"""Casos de `predecir_red(params, X)`."""
import numpy as np

from autograder.casos import caso
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma

PISTA_EJE = "np.argmax(..., axis=1): una clase por fila (ejemplo), no por columna."
PISTA_SIN_RELU = "falta la ReLU en la capa oculta: logits = max(0, X @ W1 + b1) @ W2 + b2."

PARAMS_PUB = {"W1": np.array([[1.0, -1.0], [0.0, 1.0]]), "b1": np.array([0.0, 0.5]),
              "W2": np.array([[-1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]), "b2": np.array([0.0, 0.0, 0.5])}
X_PUB = np.array([[1.0, 0.0], [0.0, 1.0], [-2.0, -2.0], [-3.0, -4.0]])


def _sin_relu(params, X):
    return np.argmax((X @ params["W1"] + params["b1"]) @ params["W2"] + params["b2"], axis=1)


def _predecir(alumno, params, X, que):
    y_pred = exigir_array(alumno.llamar("predecir_red", params, X), que)
    exigir_forma(y_pred, (X.shape[0],), que, PISTA_EJE)
    return y_pred


@caso(puntos=1, exito="predice [2, 1, 1, 2] en 4 ejemplos (la tercera fila es un empate: gana la primera clase).")
def test_ejemplo_pequeno(alumno):
    y_pred = _predecir(alumno, PARAMS_PUB, X_PUB, "predecir_red(ejemplo)")
    exigir_cercano(y_pred, [2, 1, 1, 2], "predecir_red(ejemplo)", atol=0, rtol=0,
                   errores_conocidos=((_sin_relu(PARAMS_PUB, X_PUB), PISTA_SIN_RELU),))


def _red_con_empates(rng, n, predecir):
    """A random network where classes 0 and 1 always tie, and data (n, d); with n > 1, at least two
    different classes are predicted (a constant answer must not pass). ``predecir`` is the reference's
    ``predecir_red``: the kit ships no code that computes it."""
    while True:
        d, h, k = int(rng.integers(1, 6)), int(rng.integers(1, 8)), int(rng.integers(3, 6))
        params = {"W1": rng.normal(size=(d, h)), "b1": rng.normal(size=h),
                  "W2": rng.normal(size=(h, k)), "b2": rng.normal(size=k)}
        params["W2"][:, 1], params["b2"][1] = params["W2"][:, 0], params["b2"][0]  # classes 0 and 1 always tie
        X = rng.normal(size=(n, d))
        if n == 1 or len(np.unique(predecir(params, X))) > 1:
            return params, X, d, h, k


@caso(puntos=1, oculta=True, exito="coincide con la referencia en redes aleatorias, con empates y n = 1.")
def test_redes_aleatorias(alumno, rng, referencia):
    for n in (int(rng.integers(5, 30)), 1):
        params, X, d, h, k = _red_con_empates(rng, n, referencia.predecir_red)
        que = f"predecir_red con n={n}, d={d}, h={h}, k={k}"
        exigir_cercano(_predecir(alumno, params, X, que), referencia.predecir_red(params, X), que, atol=0, rtol=0,
                       errores_conocidos=((_sin_relu(params, X), PISTA_SIN_RELU),), revelar=False)
