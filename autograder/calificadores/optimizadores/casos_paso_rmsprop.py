"""Casos de `paso_rmsprop(w, g, s, tasa=0.001, rho=0.9, eps=1e-7)`, con la convención de Keras.

Keras 3 (``keras/src/optimizers/rmsprop.py``, ``update_step`` with centered=False, momentum=0):
``velocity = rho·velocity + (1 - rho)·g²`` and ``variable -= lr·g / sqrt(velocity + epsilon)``:
eps goes INSIDE the square root (the textbook writes sqrt(s) + eps). The two differ only when
sqrt(s) is comparable to eps, so the small-gradient cases (g of order 1e-4, s from 0) use
gradients for which they differ by a factor of about 10 in the step (see test_gradientes_pequenos).
"""
import numpy as np

from autograder.calificadores.optimizadores.comun import Paso, forma_aleatoria, gradientes_diminutos
from autograder.casos import caso

SALIDAS = ("w_nuevo", "s_nuevo")
PISTA_EPS_FUERA = (
    "pusiste eps FUERA de la raíz, w - tasa·g / (sqrt(s) + eps): es la fórmula de muchos libros y de "
    "Adam, pero Keras la pone DENTRO en RMSprop: w - tasa·g / sqrt(s_nuevo + eps). Solo se nota cuando "
    "s es muy pequeño (gradientes diminutos), como en este caso.")
PISTA_SIN_CUADRADO = ("s es la media móvil de los CUADRADOS del gradiente: s = rho·s + (1 - rho)·g**2 "
                      "(sin el cuadrado s puede ser negativo y su raíz da nan).")
PISTA_SIN_UNO_MENOS_RHO = "falta el factor (1 - rho) delante de g**2: s = rho·s + (1 - rho)·g**2."
PISTA_RHO_AL_REVES = ("intercambiaste rho y 1 - rho: rho multiplica a la media ANTERIOR (se olvida despacio), "
                      "s = rho·s + (1 - rho)·g**2.")
PISTA_SIN_RAIZ = "divide por la RAÍZ de s: w - tasa·g / np.sqrt(s_nuevo + eps)."
PISTA_S_VIEJO = ("usaste la s de antes del paso para dividir; primero actualiza s con el gradiente nuevo y "
                 "divide por np.sqrt(s_nuevo + eps).")

# Public example (tasa=0.01, rho=0.9): s_nuevo = 0.9·[0.01, 0.04] + 0.1·[0.04, 0.16] = [0.013, 0.052],
# and w_nuevo = w - 0.01·g / sqrt(s_nuevo + 1e-7) ≈ [0.98246, -0.98246].
EJEMPLO = (np.array([1.0, -1.0]), np.array([0.2, -0.4]), np.array([0.01, 0.04]))
EJEMPLO_ESPERADO = (np.array([0.9824589070794717, -0.9824588564803355]), np.array([0.013, 0.052]))
# Small gradients from s = 0, defaults: s_nuevo = 0.1·g² is 1e-9 or less, below eps = 1e-7, so
# sqrt(s + eps) ≈ 3.2e-4 while sqrt(s) + eps ≈ 3.2e-5: with eps outside, w would be ≈ [0.49685, 0.50316, 0.49686].
PEQUENOS = (np.array([0.5, 0.5, 0.5]), np.array([1e-4, -2e-4, 5e-5]), np.zeros(3))
PEQUENOS_ESPERADO = (np.array([0.4996853416122362, 0.5006201736729461, 0.4998420833895363]),
                     np.array([1e-9, 4e-9, 2.5e-10]))


# Known wrong outputs (eps_fuera, sin_cuadrado, sin_uno_menos_rho, rho_al_reves, sin_raiz, s_viejo) of the public examples, as literals (the kit ships no code computing a step);
# the hidden cases compute them with referencia.errores_paso_rmsprop.
CONOCIDOS_EJEMPLO = {
    'eps_fuera': (np.array([0.9824588549984613, -0.9824588473061637]), None),
    'sin_cuadrado': (np.array([0.9882556158586266, np.nan]), np.array([0.028999999999999998, -0.00399999999999999])),
    'sin_uno_menos_rho': (np.array([0.9909649301904018, -0.9909649232758138]), np.array([0.04900000000000001, 0.19600000000000004])),
    'rho_al_reves': (np.array([0.9896025091524531, -0.989602498614468]), np.array([0.03700000000000001, 0.14800000000000005])),
    'sin_raiz': (np.array([0.8461550295766955, -0.9230770710056326]), None),
    's_viejo': (np.array([0.98000009999925, -0.9800000249999531]), None),
}
CONOCIDOS_PEQUENOS = {
    'eps_fuera': (np.array([0.4968476908167398, 0.5031572855533822, 0.4968575966436974]), None),
    'sin_cuadrado': (np.array([0.4999685341612236, np.nan, 0.4999778596278615]), np.array([9.999999999999997e-06, -1.9999999999999995e-05, 4.999999999999999e-06])),
    'sin_uno_menos_rho': (np.array([0.4996984886554222, 0.5005345224838248, 0.4998438262381114]), np.array([1e-08, 4e-08, 2.5e-09])),
    'rho_al_reves': (np.array([0.4996971087335923, 0.5005423261445466, 0.4998436354331998]), np.array([9.000000000000001e-09, 3.6000000000000005e-08, 2.2500000000000003e-09])),
    'sin_raiz': (np.array([-0.4900990099009903, 2.4230769230769234, 0.0012468827930174342]), None),
    's_viejo': (np.array([0.49968377223398314, 0.5006324555320337, 0.4998418861169916]), None),
}
PISTAS = {'eps_fuera': PISTA_EPS_FUERA, 'sin_cuadrado': PISTA_SIN_CUADRADO, 'sin_uno_menos_rho': PISTA_SIN_UNO_MENOS_RHO, 'rho_al_reves': PISTA_RHO_AL_REVES, 'sin_raiz': PISTA_SIN_RAIZ, 's_viejo': PISTA_S_VIEJO}
PASO = Paso("paso_rmsprop", SALIDAS, PISTAS, orden=("s_nuevo", "w_nuevo"), pista_no_finito=PISTA_SIN_CUADRADO)


@caso(puntos=1, exito="con w = [1, -1], g = [0.2, -0.4], s = [0.01, 0.04] da s = [0.013, 0.052] y w ≈ [0.98246, -0.98246].")
def test_ejemplo(alumno):
    """tasa = 0.01, rho = 0.9, eps por defecto."""
    PASO.comprobar(alumno, EJEMPLO, {"tasa": 0.01, "rho": 0.9}, EJEMPLO_ESPERADO,
                   "paso_rmsprop(ejemplo, tasa=0.01, rho=0.9)", CONOCIDOS_EJEMPLO)


@caso(puntos=1, exito="con gradientes diminutos (1e-4) eps va dentro de la raíz, como en Keras.")
def test_gradientes_pequenos(alumno):
    """g = [1e-4, -2e-4, 5e-5], s = 0 y valores por defecto: aquí importa dónde va eps."""
    PASO.comprobar(alumno, PEQUENOS, {}, PEQUENOS_ESPERADO, "paso_rmsprop(gradientes de orden 1e-4, s = 0)",
                   CONOCIDOS_PEQUENOS)


@caso(puntos=2, oculta=True, exito="coincide con la referencia con formas, tasas, rho y medias aleatorias.")
def test_valores_ocultos(alumno, rng, referencia):
    forma = forma_aleatoria(rng)
    w, g, s = rng.normal(size=forma), rng.normal(size=forma), rng.uniform(0.0, 1.0, size=forma)
    kwargs = {"tasa": float(rng.uniform(0.001, 0.1)), "rho": float(rng.uniform(0.5, 0.99))}
    PASO.comprobar_con_referencia(alumno, referencia, (w, g, s), kwargs, f"paso_rmsprop con w de forma {forma}")


@caso(puntos=1, oculta=True, exito="con gradientes de orden 1e-4 a 1e-5 encadena 3 pasos como la referencia (eps dentro de la raíz).")
def test_gradientes_pequenos_ocultos(alumno, rng, referencia):
    """Three chained steps from s = 0 with defaults and gradients whose squares are below eps."""
    PASO.encadenar(alumno, referencia, rng, 3, gradientes_diminutos(1e-5, 3e-4),
                   "paso_rmsprop con gradientes diminutos, paso {paso} de 3")
