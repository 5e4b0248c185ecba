"""Casos de `modelo_entrenado`: el `modelo.keras` entregado, el regresor lineal entrenado en la tabla.

What is graded, and why. The grader never trains (``autograder/entrenamiento.py``) and the trusted
side never imports TensorFlow, so everything comes from the submitted file: it is loaded in safe
mode in a clean jail (no student code) and asked for predictions; the errors are computed here
with NumPy. The graded model is ``construir_regresor_lineal(3, 2)`` trained on the slides'
Estudio/Edad/Promedio → N1/N2 table (``datos.TABLA``: 8 rows; the slide's 13,4 is 13.4), inputs
standardized with the table's own mean and population standard deviation (the notebook's provided
cell; ``datos.estandarizar``), targets as they are. Both errors use Keras's ``mse``: the mean over
all n·m entries (half the slide's «Promedio(E)», which sums the 2 outputs; see 02_descenso_gradiente).

1. Architecture: input (None, 3), output (None, 2), one linear Dense, 8 parameters. A linear
   model cannot store the table: its best error on it is the least-squares one, so the error
   checks below cannot be passed by memorising the 8 rows (the slides' deeper network could).
2. Error on the table ≤ ``FACTOR_TABLA`` × the least-squares error. Calibration (data:
   ``datos.TABLA``): least squares with intercept 3.0927 (6.1855 in the
   slide's convention); predicting each column's mean (what a model that only learned its biases
   does) 3.3567 = 1.085 × least squares. The catalogue's 1.1 would pass that constant, so the
   table uses 1.02 (3.1546). Reference (committed model, SGD lr 0.2, 40 epochs of one full-table
   step, seed 0): 3.0953 = 1.0008 ×; seed 1 1.0003 ×. The same recipe stopped early (seed 0):
   20 epochs 1.013 × (passes here, fails the synthetic check below), 10 epochs 1.19 ×, untrained 14.4 ×.
3. The synthetic linear data set, drawn for each submission (seed: SHA-256 of ``modelo.keras``,
   as the control samples of 05–12): ``N_SINTETICO`` inputs from the normal distribution with the
   table's mean and (population) covariance, targets = the table's least-squares plane + Gaussian
   noise of σ = ``RUIDO_SINTETICO`` per output. Requirement (the catalogue's): the model's error
   ≤ 1.1 × the error of the least-squares fit of those same data. It checks that the model
   learned the table's linear relation over the whole region the table's inputs cover, not only
   at its 8 points. With σ = 0.5 the plane's own spread (0.264 per entry) is comparable to the
   noise (0.25), so the constant-mean model scores 2.00–2.11 × and fails; the reference scores
   1.009–1.017 × (sample seeds 0–4), a margin of at least 0.08 below the threshold. Stopped early
   (sample seeds 0–2): 20 epochs 1.14–1.19 × (fails: its W is still visibly off the plane, which the
   table alone, dominated by its own noise, hardly shows), 10 epochs 3.3–3.5 ×, untrained 163–171 ×.
   The slides' recipe as written (optimizer='sgd', Keras's default learning rate 0.01, 100 epochs,
   batch_size=32, i.e. 100 steps on the 8 rows; seed 0): table 2.85 ×, synthetic 23–25 ×: with
   that rate it is far from converged, hence the notebook's rate 0.2.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from autograder.casos import caso
from autograder.comprobaciones_keras import predicciones_con_control
from autograder.errores import Fallo

from .datos import TABLA, estandarizar
from .modelos import densas, exigir_entrada_salida, exigir_salida_lineal

ARCHIVO = "modelo.keras"
QUE = "el modelo entregado (modelo.keras)"
FACTOR_TABLA = 1.02
FACTOR_SINTETICO = 1.1
N_SINTETICO = 1000
RUIDO_SINTETICO = 0.5
PISTA_ENTRENAMIENTO = ("la referencia (construir_regresor_lineal(3, 2) con SGD de tasa 0.2) entrena 40 épocas con "
                       "batch_size=8, un paso de descenso de gradiente por época con la tabla entera, en las entradas "
                       "estandarizadas X_estandar y las notas Y_tabla sin cambiar. Comprueba que entrenaste con "
                       "entrenar_y_guardar sobre esos datos y con suficientes épocas.")


def _mce(prediccion: np.ndarray, Y: np.ndarray) -> float:
    """Keras's mse: the mean of the squared residuals over all n·m entries."""
    return float(np.mean((np.asarray(prediccion, dtype=float) - Y) ** 2))


def minimos_cuadrados(X: np.ndarray, Y: np.ndarray) -> np.ndarray:
    """(d + 1, m): the least-squares W stacked over b, with an intercept column."""
    A = np.column_stack([X, np.ones(len(X))])
    return np.linalg.lstsq(A, Y, rcond=None)[0]


def predecir_lineal(X: np.ndarray, coeficientes: np.ndarray) -> np.ndarray:
    return X @ coeficientes[:-1] + coeficientes[-1]


@lru_cache(maxsize=1)
def tabla() -> tuple:
    """(X estandarizado (8, 3) float32, Y (8, 2), error de mínimos cuadrados en la tabla)."""
    X, Y = estandarizar(TABLA[:, :3]), TABLA[:, 3:]
    return X, Y, _mce(predecir_lineal(X.astype(float), minimos_cuadrados(X.astype(float), Y)), Y)


def datos_sinteticos(rng: np.random.Generator) -> tuple:
    """(X estandarizado (N, 3) float32, Y (N, 2)): the table's least-squares plane plus noise."""
    X_tabla = TABLA[:, :3]
    X = rng.multivariate_normal(X_tabla.mean(axis=0), np.cov(X_tabla, rowvar=False, ddof=0), size=N_SINTETICO)
    Xs = estandarizar(X)
    plano = minimos_cuadrados(tabla()[0].astype(float), TABLA[:, 3:])
    Y = predecir_lineal(Xs.astype(float), plano) + rng.normal(0.0, RUIDO_SINTETICO, (N_SINTETICO, 2))
    return Xs, Y


def errores_del_entregado(alumno) -> tuple:
    """(error en la tabla, mínimos cuadrados en la tabla, error sintético, mínimos cuadrados sintético)."""
    X, Y, mc_tabla = tabla()
    predicciones, predicciones_sinteticas, Xs, Ys = predicciones_con_control(
        alumno, QUE, X, datos_sinteticos, 2, ARCHIVO,
        "las 3 entradas estandarizadas con la media y la desviación de la tabla")
    mc_sintetico = _mce(predecir_lineal(Xs.astype(float), minimos_cuadrados(Xs.astype(float), Ys)), Ys)
    return _mce(predicciones, Y), mc_tabla, _mce(predicciones_sinteticas, Ys), mc_sintetico


def exigir_regresor_lineal(alumno) -> None:
    descripcion = alumno.modelo_guardado(ARCHIVO)
    exigir_entrada_salida(descripcion, QUE, 3, 2)
    clases = [c["clase"] for c in densas(descripcion)]
    if clases != ["Dense"]:
        raise Fallo(f"{QUE}: tiene las capas {', '.join(clases) or 'ninguna'} y se califica el regresor lineal, una "
                    "sola Dense(2): entrena y guarda el modelo de construir_regresor_lineal(3, 2). (Una red con capas "
                    "ocultas puede aprenderse de memoria las 8 filas; la regresión lineal no, y su mejor error es el "
                    "de mínimos cuadrados, con el que se compara.)")
    exigir_salida_lineal(descripcion, QUE)


@caso(puntos=1, exito="es el regresor lineal: entrada (None, 3), una sola Dense(2) lineal.")
def test_es_el_regresor_lineal(alumno):
    """modelo.keras tiene entrada (None, 3), salida (None, 2) y una única capa Dense lineal."""
    exigir_regresor_lineal(alumno)


@caso(puntos=1, exito=f"su error en la tabla es ≤ {FACTOR_TABLA} × el de mínimos cuadrados.")
def test_error_en_la_tabla(alumno):
    """ECM (mse de Keras) en las 8 filas de la tabla ≤ 1.02 × el de mínimos cuadrados (3.0927)."""
    exigir_regresor_lineal(alumno)
    error, minimo, _, _ = errores_del_entregado(alumno)
    if error <= FACTOR_TABLA * minimo:
        return
    media = _mce(np.broadcast_to(TABLA[:, 3:].mean(axis=0), (8, 2)), TABLA[:, 3:])
    detalle = (" Es casi el error de predecir siempre la media de cada nota ({:.4f}): ¿solo aprendió el sesgo?"
               .format(media) if abs(error - media) < 0.05 else "")
    raise Fallo(f"{QUE}: su error cuadrático medio en la tabla es {error:.4f} y se pide ≤ {FACTOR_TABLA} × "
                f"{minimo:.4f} = {FACTOR_TABLA * minimo:.4f} (el de mínimos cuadrados, el menor posible para un "
                f"modelo lineal).{detalle}\n  Pista: {PISTA_ENTRENAMIENTO}")


@caso(puntos=2, exito=f"en datos sintéticos con la relación lineal de la tabla, su error es ≤ {FACTOR_SINTETICO} × "
                        "el de mínimos cuadrados.")
def test_error_en_datos_sinteticos(alumno):
    """ECM en 1000 ejemplos sintéticos (plano de mínimos cuadrados de la tabla + ruido σ = 0.5), elegidos para
    cada entrega, ≤ 1.1 × el de mínimos cuadrados ajustado a esos mismos datos."""
    exigir_regresor_lineal(alumno)
    _, _, error, minimo = errores_del_entregado(alumno)
    if error <= FACTOR_SINTETICO * minimo:
        return
    raise Fallo(f"{QUE}: en {N_SINTETICO} ejemplos sintéticos que siguen la relación lineal de la tabla (su plano de "
                f"mínimos cuadrados más un ruido de σ = {RUIDO_SINTETICO}), elegidos para tu modelo, su error "
                f"cuadrático medio es {error:.4f} y se pide ≤ {FACTOR_SINTETICO} × {minimo:.4f} = "
                f"{FACTOR_SINTETICO * minimo:.4f} (el de mínimos cuadrados en esos datos). Tu modelo no reproduce "
                f"la relación lineal de la tabla.\n  Pista: {PISTA_ENTRENAMIENTO}")
