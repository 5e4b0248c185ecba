"""Casos de `paso_adam(w, g, m, v, t, tasa=0.001, beta1=0.9, beta2=0.999, eps=1e-7)`, convención de Keras.

Keras 3 (``keras/src/optimizers/adam.py``, ``update_step``): with ``local_step = iterations + 1``
(the first step is t = 1), ``alpha = lr·sqrt(1 - beta_2**t) / (1 - beta_1**t)``, ``m += (g - m)·(1 - beta_1)``,
``v += (g² - v)·(1 - beta_2)`` and ``variable -= alpha·m / (sqrt(v) + epsilon)``: the bias correction is
folded into the rate and eps is added to the UNcorrected sqrt(v). That equals the textbook formula
with eps replaced by eps / sqrt(1 - beta2**t), so they differ only when sqrt(v̂) is comparable to that
(gradients of order 1e-6: test_gradientes_pequenos and the hidden test_gradientes_pequenos_ocultos).
"""
import numpy as np

from autograder.calificadores.optimizadores.comun import Paso, forma_aleatoria, gradientes_diminutos
from autograder.casos import caso
from autograder.errores import Fallo

SALIDAS = ("w_nuevo", "m_nuevo", "v_nuevo")
PISTA_LIBRO = (
    "usaste la fórmula de libro, w - tasa·m̂ / (sqrt(v̂) + eps) con m̂ = m/(1 - beta1**t) y "
    "v̂ = v/(1 - beta2**t). Keras mete la corrección en la tasa, alfa = tasa·sqrt(1 - beta2**t)/(1 - beta1**t), "
    "y suma eps a la raíz de v SIN corregir: w - alfa·m / (sqrt(v) + eps). Es lo mismo salvo que el eps "
    "efectivo es eps/sqrt(1 - beta2**t); solo se nota con gradientes diminutos, como aquí.")
PISTA_SIN_CORRECCION = ("falta la corrección de sesgo: m y v empiezan en 0 y en los primeros pasos son demasiado "
                        "pequeños. Multiplica la tasa por sqrt(1 - beta2**t) / (1 - beta1**t).")
PISTA_T_MAS_UNO = ("la corrección usa t + 1 en lugar de t: t ya es el número del paso y el primero es t = 1 "
                   "(no conviertas t como si empezara en 0).")
PISTA_T_MENOS_UNO = "la corrección usa t - 1 en lugar de t: usa beta1**t y beta2**t con el t que recibes."
PISTA_EPS_DENTRO = ("pusiste eps DENTRO de la raíz; en Adam, Keras lo suma FUERA: "
                    "w - alfa·m / (np.sqrt(v) + eps) (al revés que en RMSprop).")
PISTA_SOLO_M = ("corregiste el sesgo solo de m; falta el de v: alfa = tasa·sqrt(1 - beta2**t) / (1 - beta1**t).")
PISTA_CORREGIDOS = ("devolviste m y v corregidos (m̂, v̂); se devuelven las medias móviles SIN corregir, "
                    "que son las que se guardan para el paso siguiente.")
PISTA_V_SIN_CUADRADO = "v es la media móvil de los CUADRADOS del gradiente: v = beta2·v + (1 - beta2)·g**2."
PISTA_M_VIEJA = ("usaste m y v de antes del paso en la actualización de w; primero actualiza m y v con "
                 "el gradiente nuevo y usa los nuevos.")

# Public example (t = 3, tasa = 0.01): m_nuevo = 0.9·m + 0.1·g = [0.11, -0.13],
# v_nuevo = 0.999·v + 0.001·g² = [0.01003, 0.02014], alfa = 0.01·sqrt(1 - 0.999³)/(1 - 0.9³).
EJEMPLO = (np.array([1.0, -1.0]), np.array([0.2, -0.4]), np.array([0.1, -0.1]), np.array([0.01, 0.02]), 3)
EJEMPLO_ESPERADO = (np.array([0.9977812113375536, -0.9981495069163477]), np.array([0.11, -0.13]),
                    np.array([0.01003, 0.02014]))
# Tiny gradients, first step (t = 1), defaults: sqrt(v) ≈ 3e-8 to 9.5e-8 is below eps = 1e-7, so the
# textbook formula (eps next to sqrt(v̂) ≈ |g|) would move w almost a whole tasa; Keras moves it ≈ 0.24·tasa.
PEQUENOS = (np.array([0.5, 0.5]), np.array([1e-6, -3e-6]), np.zeros(2), np.zeros(2), 1)
PEQUENOS_ESPERADO = (np.array([0.499759746926648, 0.5004868329805051]), np.array([1e-7, -3e-7]),
                     np.array([1e-15, 9e-15]))


# Known wrong outputs (libro, sin_correccion, t_mas_uno, t_menos_uno, eps_dentro, solo_m, corregidos, m_vieja, v_sin_cuadrado) of the public examples, as literals (the kit ships no code computing a step);
# the hidden cases compute them with referencia.errores_paso_adam.
CONOCIDOS_EJEMPLO = {
    'libro': (np.array([0.9977812092433713, -0.9981495056837915]), None, None),
    'sin_correccion': (np.array([0.9890164739346573, -0.9908396237271101]), None, None),
    't_mas_uno': (np.array([0.997981569236047, -0.998316607511232]), None, None),
    'eps_dentro': (np.array([0.997781220182775, -0.9981495102064677]), None, None),
    'solo_m': (np.array([0.9594703835227205, -0.9661978735317717]), None, None),
    'corregidos': (None, np.array([0.40590405904059057, -0.47970479704797064]), np.array([3.346678896670373, 6.720051144460748])),
    'm_vieja': (np.array([0.9979798960457142, -0.9985715703768459]), None, None),
    't_menos_uno': (np.array([0.9974153926137548, -0.9978444102526962]), None, None),
    'v_sin_cuadrado': (np.array([0.9977986995823688, -0.9981232308703806]), None, np.array([0.010190000000000001, 0.01958])),
}
CONOCIDOS_PEQUENOS = {
    'libro': (np.array([0.4990909090909091, 0.5009677419354839]), None, None),
    'sin_correccion': (np.array([0.49924025307335207, 0.5015395010584845]), None, None),
    't_mas_uno': (np.array([0.4998212188411436, 0.5003622703477207]), None, None),
    'eps_dentro': (np.array([0.4999999000000005, 0.5000002999999865]), None, None),
    'solo_m': (np.array([0.4924025307335204, 0.5153950105848458]), None, None),
    'corregidos': (None, np.array([1e-06, -3e-06]), np.array([1e-12, 9.000000000000001e-12])),
    'm_vieja': (np.array([0.5, 0.5]), None, None),
    'v_sin_cuadrado': (np.array([0.49999900315230916, np.nan]), None, np.array([1.0000000000000009e-09, -3.000000000000003e-09])),
}
PISTAS = {'libro': PISTA_LIBRO, 'sin_correccion': PISTA_SIN_CORRECCION, 't_mas_uno': PISTA_T_MAS_UNO, 't_menos_uno': PISTA_T_MENOS_UNO, 'eps_dentro': PISTA_EPS_DENTRO, 'solo_m': PISTA_SOLO_M, 'corregidos': PISTA_CORREGIDOS, 'm_vieja': PISTA_M_VIEJA, 'v_sin_cuadrado': PISTA_V_SIN_CUADRADO}


def _division_por_cero(obtenido, esperado, args, que):
    """With t - 1 instead of t the first step divides by zero: named before the comparison."""
    medias_bien = all(np.allclose(o, e, atol=0, rtol=1e-7) for o, e in zip(obtenido[1:], esperado[1:]))
    if args[4] == 1 and medias_bien and not np.all(np.isfinite(obtenido[0])):
        raise Fallo(f"{que}: w_nuevo contiene nan o inf en el paso t = 1.\n  Pista: {PISTA_T_MENOS_UNO} "
                    "Con t - 1 = 0, 1 - beta1**0 = 0 y se divide por cero.")


PASO = Paso("paso_adam", SALIDAS, PISTAS, orden=("m_nuevo", "v_nuevo", "w_nuevo"), pista_no_finito=PISTA_V_SIN_CUADRADO,
            revisar=_division_por_cero)


@caso(puntos=1, exito="en el paso t = 3 del ejemplo da m = [0.11, -0.13], v = [0.01003, 0.02014] y w ≈ [0.99778, -0.99815].")
def test_ejemplo(alumno):
    """w = [1, -1], g = [0.2, -0.4], m = [0.1, -0.1], v = [0.01, 0.02], t = 3, tasa = 0.01."""
    PASO.comprobar(alumno, EJEMPLO, {"tasa": 0.01}, EJEMPLO_ESPERADO, "paso_adam(ejemplo, t=3, tasa=0.01)",
                   CONOCIDOS_EJEMPLO)


@caso(puntos=1, exito="con gradientes diminutos en t = 1 coincide con Keras (corrección en la tasa, eps fuera de la raíz).")
def test_gradientes_pequenos(alumno):
    """g = [1e-6, -3e-6], m = v = 0, t = 1 y valores por defecto: aquí se nota dónde actúa eps."""
    PASO.comprobar(alumno, PEQUENOS, {}, PEQUENOS_ESPERADO, "paso_adam(gradientes de orden 1e-6, t=1)",
                   CONOCIDOS_PEQUENOS)


@caso(puntos=2, oculta=True, exito="coincide con la referencia con t, formas, tasas y momentos aleatorios.")
def test_valores_ocultos(alumno, rng, referencia):
    forma = forma_aleatoria(rng)
    w, g, m = rng.normal(size=forma), rng.normal(size=forma), rng.normal(0, 0.3, size=forma)
    v = rng.uniform(0.0, 0.5, size=forma)
    t = int(rng.integers(1, 101))
    kwargs = {"tasa": float(rng.uniform(0.001, 0.1)), "beta1": float(rng.uniform(0.8, 0.95)),
              "beta2": float(rng.uniform(0.99, 0.9999))}
    PASO.comprobar_con_referencia(alumno, referencia, (w, g, m, v, t), kwargs, f"paso_adam con w de forma {forma} y t={t}")


@caso(puntos=2, oculta=True, exito="encadena los pasos t = 1, 2, 3 con gradientes diminutos como la referencia (y Keras).")
def test_gradientes_pequenos_ocultos(alumno, rng, referencia):
    """Three chained steps from m = v = 0 with defaults and gradients of order 1e-7 to 3e-6."""
    PASO.encadenar(alumno, referencia, rng, 3, gradientes_diminutos(1e-7, 3e-6),
                   "paso_adam con gradientes diminutos, paso t={paso}", con_t=True)
