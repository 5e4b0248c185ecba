"""Casos de `perdida_y_gradientes(params, X, y)`: la red completa contra el gradiente numérico."""
import numpy as np

from autograder.calificadores.backprop.verificacion import exigir_gradiente
from autograder.casos import caso
from autograder.errores import Fallo
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma, exigir_numero, exigir_tupla

CLAVES = ("W1", "b1", "W2", "b2")
PISTA_SIGNO = "los gradientes tienen el signo cambiado: dZ2 = (P − Y) / n, y se propaga sin cambiarlo."
PISTA_SIN_RELU = ("el gradiente de la capa oculta no pasa por la ReLU: entre las dos densa_atras "
                  "va dZ1 = relu_atras(dA1, cache_relu).")

PARAMS_PUB = {"W1": np.array([[1.0, -1.0, 0.5], [0.5, 1.0, -1.0]]), "b1": np.array([0.0, 0.5, -0.5]),
              "W2": np.array([[1.0, -1.0], [2.0, 0.5], [-1.0, 1.0]]), "b2": np.array([0.1, -0.1])}
X_PUB = np.array([[1.0, 2.0], [-1.0, 0.5], [2.0, -1.0]])
Y_PUB = np.array([1, 0, 1])
PERDIDA_PUB = 2.429890492334037
GRADS_PUB = {
    "W1": np.array([[1.3987266444, 0.5187938474, -0.7331119964], [0.9646732977, 0.9886305412, 0.3665559982]]),
    "b1": np.array([1.0321706462, 0.4796281246, -0.3665559982]),
    "W2": np.array([[0.9405316466, -0.9405316466], [0.4731005041, -0.4731005041], [0.2749169987, -0.2749169987]]),
    "b2": np.array([0.5030300822, -0.5030300822]),
}
SIN_RELU_PUB = {"W1": np.array([[1.4248371262, 1.0686278447, -1.4248371262], [0.9516180568, 0.7137135426, -0.9516180568]]),
                "b1": np.array([1.0060601643, 0.7545451232, -1.0060601643])}


def _pedir(alumno, params, X, y, que):
    perdida, grads = exigir_tupla(alumno.llamar("perdida_y_gradientes", params, X, y), 2, que)
    perdida = exigir_numero(perdida, f"{que}: perdida")
    if not isinstance(grads, dict) or set(grads) != set(CLAVES):
        claves = sorted(grads) if isinstance(grads, dict) else type(grads).__name__
        raise Fallo(f"{que}: grads debe ser un dict con las claves {list(CLAVES)} y se obtuvo {claves}.")
    for clave in CLAVES:
        exigir_forma(exigir_array(grads[clave], f"{que}: grads[{clave}]"), params[clave].shape, f"{que}: grads[{clave}]",
                     f"grads[{clave!r}] tiene la forma de params[{clave!r}].")
    return perdida, grads


def _errores(correcto: dict, sin_relu: dict, clave: str) -> tuple:
    errores = [(-correcto[clave], PISTA_SIGNO)]
    if clave in sin_relu:
        errores.append((sin_relu[clave], PISTA_SIN_RELU))
    return tuple(errores)


@caso(puntos=1, exito="pérdida ≈ 2.4299 y los cuatro gradientes coinciden en una red 2 → 3 → 2 con 3 ejemplos.")
def test_ejemplo_pequeno(alumno):
    que = "perdida_y_gradientes(ejemplo)"
    perdida, grads = _pedir(alumno, PARAMS_PUB, X_PUB, Y_PUB, que)
    exigir_cercano(perdida, PERDIDA_PUB, f"{que}: perdida", atol=1e-8)
    for clave in CLAVES:
        exigir_cercano(grads[clave], GRADS_PUB[clave], f"{que}: grads[{clave}]", atol=1e-8,
                       errores_conocidos=_errores(GRADS_PUB, SIN_RELU_PUB, clave))


def _red_sin_pliegues(rng, n, d, h, k):
    """Random network and data with every hidden pre-activation at least 1e-3 away from the ReLU kink."""
    while True:
        params = {"W1": rng.normal(size=(d, h)), "b1": rng.normal(0, 0.5, size=h),
                  "W2": rng.normal(size=(h, k)), "b2": rng.normal(0, 0.5, size=k)}
        X, y = rng.normal(size=(n, d)), rng.integers(0, k, size=n)
        if np.min(np.abs(X @ params["W1"] + params["b1"])) > 1e-3:
            return params, X, y


def _sin_relu(referencia, params, X, y) -> dict:
    Z1, cache1 = referencia.densa_adelante(X, params["W1"], params["b1"])
    Z2, cache2 = referencia.densa_adelante(np.maximum(Z1, 0), params["W2"], params["b2"])
    dA1, _, _ = referencia.densa_atras(referencia.softmax_entropia(Z2, y)[1], cache2)
    _, dW1, db1 = referencia.densa_atras(dA1, cache1)
    return {"W1": dW1, "b1": db1}


def _comprobar_con_gradiente_numerico(alumno, referencia, rng, n, d, h, k):
    params, X, y = _red_sin_pliegues(rng, n, d, h, k)
    que = f"perdida_y_gradientes con n={n}, d={d}, h={h}, k={k}"
    perdida, grads = _pedir(alumno, params, X, y, que)
    perdida_ok, grads_ok = referencia.perdida_y_gradientes(params, X, y)
    exigir_cercano(perdida, perdida_ok, f"{que}: perdida", atol=1e-8, rtol=1e-6, revelar=False)
    sin_relu = _sin_relu(referencia, params, X, y)
    for clave in CLAVES:
        def perdida_en(valor, clave=clave):
            return referencia.perdida_y_gradientes({**params, clave: valor}, X, y)[0]

        numerico = referencia.gradiente_numerico(perdida_en, params[clave].copy())
        exigir_gradiente(grads[clave], numerico, f"{que}: grads[{clave}]",
                         errores_conocidos=_errores(grads_ok, sin_relu, clave))


@caso(puntos=2, oculta=True, exito="los cuatro gradientes coinciden con el gradiente numérico en redes aleatorias.")
def test_gradiente_numerico(alumno, rng, referencia):
    n, d, h, k = int(rng.integers(2, 9)), int(rng.integers(1, 5)), int(rng.integers(2, 6)), int(rng.integers(2, 5))
    _comprobar_con_gradiente_numerico(alumno, referencia, rng, n, d, h, k)


@caso(puntos=1, oculta=True, exito="funciona con un solo ejemplo (n = 1).")
def test_un_ejemplo(alumno, rng, referencia):
    _comprobar_con_gradiente_numerico(alumno, referencia, rng, 1, int(rng.integers(1, 4)), int(rng.integers(2, 5)), 3)
