"""Casos de `descenso_gradiente(X, Y, tasa, epocas, tam_lote, semilla)`, calificado por su comportamiento.

Any shuffling order is accepted (and so is not shuffling), so the trained W and b are not
compared with the reference; instead the cases check shapes, the history, and that the
final mean squared error (ECM) is close to the least-squares optimum, which is the smallest
ECM any linear model can reach on those data.

Calibration of ``FACTOR_OCULTO`` (300 hidden draws as in ``test_converge_como_minimos_cuadrados``:
n = tam_lote·k with k in 4..10, tam_lote in {16, 20, 32}, d in 1..5, m in 1..3, tasa 0.02,
150 epochs): ECM / ECM of least squares is at most 1.0002 for the reference, at most 1.0015
without shuffling, and has median 1.04 when tam_lote is ignored (one full-batch step per epoch).
The one-example-per-batch case (n in 20..40, d = 1, tasa 0.005, 100 epochs): at most 1.0006
for the reference and 1.0028 without shuffling. The public table case (the slides' 8 rows) reaches 1.0069 at
worst over 50 seeds (1.021 without shuffling), against ``FACTOR_PUBLICO`` = 1.05.
"""
import time

import numpy as np
from sklearn.metrics import mean_squared_error  # the ECM of W and b, from the library (the exercise's is not shipped)

from autograder.calificadores.descenso_gradiente.datos import (
    TABLA_X_ESTANDARIZADA, TABLA_Y, ecm_minimos_cuadrados)
from autograder.casos import caso
from autograder.errores import Fallo
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma, exigir_numero, exigir_tupla

FACTOR_PUBLICO = 1.05
FACTOR_OCULTO = 1.01
SEGUNDOS_MAXIMOS = 5.0  # the reference needs about 0.05 s for the largest hidden case
PISTA_DIVERGE = ("la pérdida crece o se vuelve nan/inf: el descenso diverge. Comprueba el signo de la "
                 "actualización (W = W - tasa * dW), que la tasa no sea demasiado grande y que los datos "
                 "estén normalizados.")
PISTA_HISTORIAL = ("historial[i] es el ECM sobre TODOS los datos con los parámetros que hay al terminar la "
                   "época i: calcúlalo después de recorrer todos los lotes de la época.")


def _entrenar(alumno, X, Y, que, revelar, **hiperparametros):
    """Trains, checks types, shapes and the history, and returns (W, b, historial, seconds)."""
    inicio = time.perf_counter()
    W, b, historial = exigir_tupla(alumno.llamar("descenso_gradiente", X, Y, **hiperparametros), 3, que)
    segundos = time.perf_counter() - inicio
    W, b = exigir_array(W, f"{que}: W"), exigir_array(b, f"{que}: b")
    exigir_forma(W, (X.shape[1], Y.shape[1]), f"{que}: W", "W tiene una fila por característica y una columna por salida.")
    exigir_forma(b, (Y.shape[1],), f"{que}: b", "b tiene un sesgo por salida.")
    if not isinstance(historial, (list, tuple, np.ndarray)):
        raise Fallo(f"{que}: historial debe ser una lista de números, uno por época.")
    epocas = hiperparametros.get("epocas", 100)
    if len(historial) != epocas:
        lotes = int(np.ceil(X.shape[0] / hiperparametros.get("tam_lote", 32)))
        pista = (" Guardaste un ECM por lote; guarda uno por época, al terminarla." if len(historial) == epocas * lotes
                 else " Añade exactamente un ECM al final de cada época.")
        raise Fallo(f"{que}: historial tiene {len(historial)} valores y se esperaban {epocas} (uno por época).{pista}")
    historial = np.array([exigir_numero(h, f"{que}: historial") for h in historial])
    if not np.all(np.isfinite(historial)) or historial[-1] > historial[0]:
        raise Fallo(f"{que}: {PISTA_DIVERGE}")
    exigir_cercano(historial[-1], float(mean_squared_error(Y, X @ W + b)),
                   f"{que}: última entrada del historial frente al ECM de W y b", atol=1e-9, rtol=1e-6,
                   revelar=revelar, pista=PISTA_HISTORIAL)
    return W, b, historial, segundos


def _exigir_que_aprendio(W, b, que):
    if np.all(W == 0) and np.all(b == 0):
        raise Fallo(f"{que}: W y b siguen en cero: no se hizo ninguna actualización. Si tam_lote > n, hay un "
                    "único lote con los n ejemplos; recorre los lotes con range(0, n, tam_lote) para no perder "
                    "el último lote incompleto.")


def _exigir_cerca_del_optimo(X, Y, W, b, factor, que, revelar):
    _exigir_que_aprendio(W, b, que)
    optimo = ecm_minimos_cuadrados(X, Y)
    final = float(mean_squared_error(Y, X @ W + b))
    if final > factor * optimo + 1e-9:
        cifras = f" (ECM final {final:.5g}; mínimos cuadrados {optimo:.5g})" if revelar else ""
        raise Fallo(f"{que}: el ECM final supera en más de un {100 * (factor - 1):g} % al de la solución de "
                    f"mínimos cuadrados{cifras}. Comprueba que cada época hace ceil(n / tam_lote) "
                    "actualizaciones, una por lote (el último lote puede ser más pequeño), que cada una usa "
                    "los gradientes de su lote y que la tasa es la que se pasa como argumento.")


@caso(puntos=1, exito="devuelve W (3, 2), b (2,) y un historial de una pérdida por época que baja.")
def test_formas_e_historial(alumno):
    """Tabla de estudiantes estandarizada, 50 épocas de lotes de 3 (3 lotes por época: 3, 3 y 2 ejemplos)."""
    X = TABLA_X_ESTANDARIZADA
    _entrenar(alumno, X, TABLA_Y, "descenso_gradiente en la tabla (tasa=0.1, epocas=50, tam_lote=3)", True,
              tasa=0.1, epocas=50, tam_lote=3)


@caso(puntos=1, exito=f"en la tabla de estudiantes llega a menos de {FACTOR_PUBLICO}× el ECM de mínimos cuadrados.")
def test_tabla_se_acerca_a_minimos_cuadrados(alumno):
    """Tabla estandarizada, tasa=0.05, 200 épocas, lotes de 5: el ECM final ≤ 1.05 × el de mínimos cuadrados."""
    X = TABLA_X_ESTANDARIZADA
    que = "descenso_gradiente en la tabla (tasa=0.05, epocas=200, tam_lote=5)"
    W, b, _, _ = _entrenar(alumno, X, TABLA_Y, que, True, tasa=0.05, epocas=200, tam_lote=5)
    _exigir_cerca_del_optimo(X, TABLA_Y, W, b, FACTOR_PUBLICO, que, revelar=True)


@caso(puntos=2, oculta=True, exito=f"con n, d y m aleatorios llega a menos de {FACTOR_OCULTO}× el ECM de "
                                   f"mínimos cuadrados en menos de {SEGUNDOS_MAXIMOS:g} s.")
def test_converge_como_minimos_cuadrados(alumno, rng, referencia):
    """Datos estandarizados bien condicionados, n múltiplo de tam_lote, tasa=0.02, 150 épocas."""
    tam_lote = int(rng.choice([16, 20, 32]))
    n, d, m = tam_lote * int(rng.integers(4, 11)), int(rng.integers(1, 6)), int(rng.integers(1, 4))
    X, Y = referencia.regresion_sintetica(rng, n, d, m)
    semilla = int(rng.integers(0, 1000))
    que = f"descenso_gradiente con n={n}, d={d}, m={m}, tam_lote={tam_lote}"
    W, b, _, segundos = _entrenar(alumno, X, Y, que, False, tasa=0.02, epocas=150, tam_lote=tam_lote, semilla=semilla)
    _exigir_cerca_del_optimo(X, Y, W, b, FACTOR_OCULTO, que, revelar=False)
    if segundos > SEGUNDOS_MAXIMOS:
        raise Fallo(f"{que}: tardó {segundos:.1f} s y el máximo es {SEGUNDOS_MAXIMOS:g} s. Calcula el gradiente de "
                    "cada lote con operaciones de matrices (gradientes_lineal), sin bucles sobre los ejemplos.")


@caso(puntos=1, oculta=True, exito="con tam_lote > n hace un paso con todos los datos por época, como la referencia.")
def test_un_solo_lote_por_epoca(alumno, rng, referencia):
    """n < 32 con tam_lote por defecto: cada época es un paso de descenso con todos los datos (sin azar)."""
    n, d, m = int(rng.integers(5, 25)), int(rng.integers(1, 4)), int(rng.integers(1, 3))
    X, Y = referencia.regresion_sintetica(rng, n, d, m)
    tasa, epocas = float(rng.choice([0.05, 0.1, 0.2])), int(rng.integers(5, 40))
    que = f"descenso_gradiente con n={n} < tam_lote=32, tasa={tasa}, epocas={epocas}"
    W, b, _, _ = _entrenar(alumno, X, Y, que, False, tasa=tasa, epocas=epocas)
    _exigir_que_aprendio(W, b, que)
    W_ok, b_ok, _ = referencia.descenso_gradiente(X, Y, tasa=tasa, epocas=epocas)
    pista = ("parte de W = 0 y b = 0 y, con un único lote, cada época es exactamente un paso "
             "W = W - tasa * dW, b = b - tasa * db con los gradientes de todos los datos.")
    exigir_cercano(W, W_ok, f"{que}: W", atol=1e-8, rtol=1e-6, revelar=False, pista=pista)
    exigir_cercano(b, b_ok, f"{que}: b", atol=1e-8, rtol=1e-6, revelar=False, pista=pista)


@caso(puntos=1, oculta=True, exito=f"con un ejemplo por lote y una característica llega a menos de {FACTOR_OCULTO}× "
                                   "el ECM de mínimos cuadrados.")
def test_un_ejemplo_por_lote(alumno, rng, referencia):
    """tam_lote=1 (descenso estocástico), d=1, tasa=0.005, 100 épocas."""
    n, m = int(rng.integers(20, 41)), int(rng.integers(1, 3))
    X, Y = referencia.regresion_sintetica(rng, n, 1, m)
    que = f"descenso_gradiente con tam_lote=1, n={n}, d=1, m={m}"
    W, b, _, _ = _entrenar(alumno, X, Y, que, False, tasa=0.005, epocas=100, tam_lote=1, semilla=int(rng.integers(0, 1000)))
    _exigir_cerca_del_optimo(X, Y, W, b, FACTOR_OCULTO, que, revelar=False)
