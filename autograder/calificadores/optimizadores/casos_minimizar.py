"""Casos de `minimizar(grad, w0, optimizador, pasos, **hiperparametros)` → (w, historial).

A function cannot cross the channel into the sandbox, so every case calls the notebook's provided
helper ``minimizar_cuadratica(A, centro, w0, optimizador, pasos, **hiperparametros)``, which runs
``minimizar(lambda w: A @ (w - centro), ...)``: the gradient of f(w) = ½ (w - centro)ᵀ A (w - centro).
The three steps are the reference's while these cases run (``dependencias`` in ``__init__.py``).

Calibration of ``test_cuadratica_mal_condicionada`` (300 draws of ``cuadratica_mal_condicionada``,
seeds 0–299, reference): A = diag(1, κ) in random order with κ ~ U(50, 100); w0 - centro has
length r ~ U(2, 3) at an angle φ ~ U(30°, 60°) from the flat axis (both directions matter), signs
random. Steps until f ≤ OBJETIVO_RELATIVO · f(w0) = 1e-4 · f(w0), at most PASOS_MAL_CONDICIONADA = 400:
SGD (tasa = 1/κ) needs 112–267 (median 184.5); momentum (tasa = 1/κ, beta = 0.9) 36–68 (median 65),
at most 0.48 of SGD's in every draw; Adam (tasa = 0.1) 17–72 (median 53), at most 0.53 of SGD's.
The case requires SGD to arrive within 400 steps and momentum and Adam to need fewer steps than SGD
(margin: both need at most about half of SGD's steps in every calibration draw). On a rotated
(non-diagonal) A with the same κ, Adam with default betas is NOT faster than SGD (up to 2.8 times
slower, same calibration): its per-coordinate scaling helps when the badly scaled directions are
the coordinates, which the notebook explains.
"""
import numpy as np

from autograder.casos import caso
from autograder.errores import ErrorDelAlumno, Fallo
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma, exigir_tupla

OPTIMIZADORES = ("sgd", "momento", "rmsprop", "adam")
OBJETIVO_RELATIVO = 1e-4
PASOS_MAL_CONDICIONADA = 400
TASA_ADAM_MAL_CONDICIONADA = 0.1
ATOL, RTOL = 1e-12, 1e-7

# Public: A = diag(1, 10), centro = [1, -1], w0 = [0, 0], 3 steps (final w computed with the reference).
A_PUB, CENTRO_PUB, W0_PUB = np.diag([1.0, 10.0]), np.array([1.0, -1.0]), np.zeros(2)
PUBLICOS = {
    "sgd": ({"tasa": 0.05}, np.array([0.142625, -0.875])),
    "momento": ({"tasa": 0.05}, np.array([0.268625, -1.73])),
    "rmsprop": ({"tasa": 0.1}, np.array([0.6308192396381144, -0.6308194447726081])),
    "adam": ({"tasa": 0.1}, np.array([0.29841298513521647, -0.29841365426445976])),
}
PISTA_ESTADO = ("el estado del optimizador (v, s o m y v) debe empezar en ceros UNA vez, antes del bucle, y "
                "pasar de un paso al siguiente: guarda lo que devuelve cada paso.")
PISTA_T = "en Adam el primer paso es t = 1 y t aumenta en 1 en cada paso (usa range(1, pasos + 1))."
PISTA_TRAYECTORIA = ("se compara con aplicar `pasos` veces el paso del optimizador elegido desde w0, con los "
                     "hiperparámetros dados y el estado (v, s, o m y v) a cero al empezar; en Adam, t = 1, 2, …")
PISTA_HIPER = ("pasa los hiperparámetros recibidos (**hiperparametros) al paso; para 'sgd' usa "
               "hiperparametros.get('tasa', 0.01).")


def perdida(A, centro, W):
    """f(w) = ½ (w - centro)ᵀ A (w - centro) for each row of W (n, d)."""
    D = np.atleast_2d(W) - centro
    return 0.5 * np.einsum("ki,ij,kj->k", D, A, D)


def cuadratica_mal_condicionada(rng):
    """(A, centro, w0, kappa): A = diag(1, κ) in random order, w0 off both axes (see the module docstring)."""
    kappa = float(rng.uniform(50, 100))
    A = np.diag([1.0, kappa]) if rng.random() < 0.5 else np.diag([kappa, 1.0])
    centro = rng.normal(size=2)
    phi, r = rng.uniform(np.pi / 6, np.pi / 3), rng.uniform(2, 3)
    direccion = np.array([np.cos(phi), np.sin(phi)]) if A[0, 0] == 1.0 else np.array([np.sin(phi), np.cos(phi)])
    w0 = centro + r * direccion * rng.choice([-1.0, 1.0], size=2)
    return A, centro, w0, kappa


def pasos_hasta_objetivo(A, centro, historial):
    """First k with f(historial[k]) ≤ OBJETIVO_RELATIVO · f(w0), or None."""
    f = perdida(A, centro, historial)
    llegan = np.nonzero(f <= OBJETIVO_RELATIVO * f[0])[0]
    return int(llegan[0]) if len(llegan) else None


def _correr(alumno, A, centro, w0, optimizador, pasos, hiper, que):
    try:
        salida = alumno.llamar("minimizar_cuadratica", A, centro, w0, optimizador, pasos, **hiper)
    except ErrorDelAlumno as error:
        raise ErrorDelAlumno(f"{que}: {error}\n  (minimizar_cuadratica es la celda dada que llama a tu minimizar; "
                             "el error viene de minimizar o de algo que llama.)") from None
    w, historial = exigir_tupla(salida, 2, que)
    w = exigir_array(w, f"{que}: w")
    historial = exigir_array(historial, f"{que}: historial")
    exigir_forma(w, w0.shape, f"{que}: w", "w tiene la forma de w0.")
    if historial.shape == (pasos,) + w0.shape:
        raise Fallo(f"{que}: historial tiene {pasos} filas y se esperaban {pasos + 1}.\n  Pista: historial[0] es "
                    "w0 (el punto de partida) e historial[k] el punto tras k pasos.")
    exigir_forma(historial, (pasos + 1,) + w0.shape, f"{que}: historial",
                 "historial es un array (pasos + 1, *w0.shape): w0 y el punto tras cada paso (np.array de la lista).")
    exigir_cercano(historial[0], w0, f"{que}: historial[0]", atol=0, rtol=0,
                   pista="historial[0] es w0, el punto de partida, antes del primer paso.")
    exigir_cercano(historial[-1], w, f"{que}: historial[-1]", atol=0, rtol=0,
                   pista="historial[-1] es el mismo w que se devuelve.")
    return w, historial


def _sin_hiper(referencia, A, centro, w0, optimizador, pasos):
    return referencia.minimizar(lambda w: A @ (w - centro), w0, optimizador, pasos)[1]


@caso(puntos=1, exito="devuelve (w, historial) con historial (4, 2) y el w esperado tras 3 pasos de cada optimizador.")
def test_tres_pasos(alumno):
    """f(w) = ½(w - [1, -1])ᵀ diag(1, 10) (w - [1, -1]) desde w0 = 0, 3 pasos de cada optimizador."""
    for optimizador, (hiper, esperado) in PUBLICOS.items():
        que = f"minimizar(..., '{optimizador}', 3, tasa={hiper['tasa']})"
        w, _ = _correr(alumno, A_PUB, CENTRO_PUB, W0_PUB, optimizador, 3, hiper, que)
        exigir_cercano(w, esperado, f"{que}: w", atol=ATOL, rtol=RTOL,
                       pista=PISTA_TRAYECTORIA)


@caso(puntos=2, oculta=True, exito="las trayectorias de los cuatro optimizadores coinciden con la referencia.")
def test_coincide_con_la_referencia(alumno, rng, referencia):
    d = int(rng.integers(2, 5))
    Q = np.linalg.qr(rng.normal(size=(d, d)))[0]
    A = Q @ np.diag(rng.uniform(0.5, 5.0, size=d)) @ Q.T
    A = (A + A.T) / 2
    centro, w0 = rng.normal(size=d), rng.normal(size=d)
    for optimizador in rng.permutation(OPTIMIZADORES):
        optimizador = str(optimizador)
        pasos = int(rng.integers(5, 21))
        hiper = {"tasa": float(rng.uniform(0.01, 0.1))}
        if optimizador == "momento":
            hiper["beta"] = float(rng.uniform(0.5, 0.95))
        elif optimizador == "rmsprop":
            hiper["rho"] = float(rng.uniform(0.5, 0.95))
        elif optimizador == "adam":
            hiper["beta1"] = float(rng.uniform(0.8, 0.95))
        que = f"minimizar con optimizador='{optimizador}', d={d}, pasos={pasos}"
        _, historial = _correr(alumno, A, centro, w0, optimizador, pasos, hiper, que)
        esperado = referencia.minimizar(lambda w: A @ (w - centro), w0, optimizador, pasos, **hiper)[1]
        conocidos = ((referencia.minimizar_sin_estado(A, centro, w0, optimizador, pasos, **hiper), PISTA_ESTADO),
                     (referencia.minimizar_sin_estado(A, centro, w0, optimizador, pasos, t_fijo=True, **hiper),
                      f"{PISTA_ESTADO} {PISTA_T}"),
                     (_sin_hiper(referencia, A, centro, w0, optimizador, pasos), PISTA_HIPER))
        exigir_cercano(historial, esperado, f"{que}: historial", atol=ATOL, rtol=RTOL, revelar=False,
                       errores_conocidos=conocidos, pista=PISTA_TRAYECTORIA)


@caso(puntos=1, oculta=True, exito=f"en una cuadrática mal condicionada el momento y Adam llegan a {OBJETIVO_RELATIVO:g}·f(w0) "
                                  "en menos pasos que SGD.")
def test_cuadratica_mal_condicionada(alumno, rng):
    """A = diag(1, κ), κ ∈ [50, 100]: SGD y momento con tasa = 1/κ (beta = 0.9), Adam con tasa = 0.1."""
    A, centro, w0, kappa = cuadratica_mal_condicionada(rng)
    hiper = {"sgd": {"tasa": 1 / kappa}, "momento": {"tasa": 1 / kappa, "beta": 0.9},
             "adam": {"tasa": TASA_ADAM_MAL_CONDICIONADA}}
    pasos = {}
    for optimizador, h in hiper.items():
        que = f"minimizar en una cuadrática con κ={kappa:.0f}, optimizador='{optimizador}'"
        _, historial = _correr(alumno, A, centro, w0, optimizador, PASOS_MAL_CONDICIONADA, h, que)
        pasos[optimizador] = pasos_hasta_objetivo(A, centro, historial)
        if pasos[optimizador] is None:
            raise Fallo(f"{que}: en {PASOS_MAL_CONDICIONADA} pasos no llega a f(w) ≤ {OBJETIVO_RELATIVO:g}·f(w0).\n"
                        f"  Pista: {PISTA_TRAYECTORIA}")
    for optimizador in ("momento", "adam"):
        if pasos[optimizador] >= pasos["sgd"]:
            raise Fallo(f"minimizar en una cuadrática con κ={kappa:.0f}: '{optimizador}' necesita {pasos[optimizador]} "
                        f"pasos y SGD {pasos['sgd']}; debería necesitar menos.\n  Pista: {PISTA_TRAYECTORIA}")
