"""Casos de `paso_momento(w, g, v, tasa=0.01, beta=0.9)`, con la convención de Keras.

Keras 3 (``keras/src/optimizers/sgd.py``, ``update_step``): ``m = momentum·m - lr·g``, then
``variable += m``. Other conventions are recognised and named (``referencia.errores_paso_momento``; literals for the public examples).
"""
import numpy as np

from autograder.calificadores.optimizadores.comun import Paso, forma_aleatoria
from autograder.casos import caso

SALIDAS = ("w_nuevo", "v_nuevo")
PISTA_OTRA_CONVENCION = (
    "usaste v = beta·v + g y w = w - tasa·v. Es una convención válida (la de PyTorch y muchos libros), "
    "pero no la de Keras, que pide esta tarea: en Keras la velocidad ya incluye la tasa y el signo, "
    "v = beta·v - tasa·g, y luego w = w + v. Con v = 0 al empezar, las dos dan los mismos w si la tasa no "
    "cambia, pero la v que se guarda es distinta (la de Keras vale -tasa veces la otra).")
PISTA_MEDIA_MOVIL = (
    "usaste una media móvil, v = beta·v + (1 - beta)·g (la versión de algunos cursos). Keras no multiplica "
    "el gradiente por (1 - beta): v = beta·v - tasa·g y w = w + v.")
PISTA_V_VIEJA = ("actualizaste w con la velocidad de ANTES del paso. Primero calcula la nueva, "
                 "v_nuevo = beta·v - tasa·g, y después w_nuevo = w + v_nuevo.")
PISTA_SIGNO = ("el signo del gradiente está invertido: así se sube por la pérdida. La velocidad RESTA el "
               "gradiente: v = beta·v - tasa·g.")
PISTA_SIN_MOMENTO = ("no usaste la velocidad anterior: eso es un paso de SGD sin momento. "
                     "La velocidad acumula los pasos anteriores: v_nuevo = beta·v - tasa·g.")

# Public example: v_nuevo = 0.9·[0.1, -0.2] - 0.1·[0.5, 1] = [0.04, -0.28]; w_nuevo = w + v_nuevo.
EJEMPLO = (np.array([1.0, -2.0]), np.array([0.5, 1.0]), np.array([0.1, -0.2]))
EJEMPLO_ESPERADO = (np.array([1.04, -2.28]), np.array([0.04, -0.28]))
# From v = 0 with the default beta: v_nuevo = -tasa·g and w_nuevo = w - tasa·g (a plain SGD step).
PRIMERO = (np.array([[0.5, -1.0], [2.0, 0.0]]), np.array([[1.0, 2.0], [-1.0, 0.5]]), np.zeros((2, 2)))
PRIMERO_ESPERADO = (np.array([[0.4, -1.2], [2.1, -0.05]]), np.array([[-0.1, -0.2], [0.1, -0.05]]))


# Known wrong outputs (otra_convencion, media_movil, v_vieja, signo, sin_momento) of the public examples, as literals (the kit ships no code computing a step);
# the hidden cases compute them with referencia.errores_paso_momento.
CONOCIDOS_EJEMPLO = {
    'otra_convencion': (np.array([0.9410000000000001, -2.082]), np.array([0.59, 0.82])),
    'media_movil': (np.array([0.986, -1.992]), np.array([0.14, -0.08000000000000004])),
    'v_vieja': (np.array([1.1, -2.2]), None),
    'signo': (np.array([1.1400000000000001, -2.08]), np.array([0.14, -0.08000000000000002])),
    'sin_momento': (np.array([0.95, -2.1]), np.array([-0.05, -0.1])),
}
CONOCIDOS_PRIMERO = {
    'otra_convencion': (np.array([[0.4, -1.2], [2.1, -0.05]]), np.array([[1.0, 2.0], [-1.0, 0.5]])),
    'media_movil': (np.array([[0.49, -1.02], [2.01, -0.004999999999999999]]), np.array([[0.09999999999999998, 0.19999999999999996], [-0.09999999999999998, 0.04999999999999999]])),
    'v_vieja': (np.array([[0.5, -1.0], [2.0, 0.0]]), None),
    'signo': (np.array([[0.6, -0.8], [1.9, 0.05]]), np.array([[0.1, 0.2], [-0.1, 0.05]])),
    'sin_momento': (np.array([[0.4, -1.2], [2.1, -0.05]]), np.array([[-0.1, -0.2], [0.1, -0.05]])),
}
PISTAS = {'otra_convencion': PISTA_OTRA_CONVENCION, 'media_movil': PISTA_MEDIA_MOVIL, 'v_vieja': PISTA_V_VIEJA, 'signo': PISTA_SIGNO, 'sin_momento': PISTA_SIN_MOMENTO}
PASO = Paso("paso_momento", SALIDAS, PISTAS)


@caso(puntos=1, exito="con w = [1, -2], g = [0.5, 1], v = [0.1, -0.2] da v = [0.04, -0.28] y w = [1.04, -2.28].")
def test_ejemplo(alumno):
    """tasa = 0.1, beta = 0.9: v_nuevo = 0.9·v - 0.1·g y w_nuevo = w + v_nuevo."""
    PASO.comprobar(alumno, EJEMPLO, {"tasa": 0.1, "beta": 0.9}, EJEMPLO_ESPERADO,
                   "paso_momento(ejemplo, tasa=0.1, beta=0.9)", CONOCIDOS_EJEMPLO)


@caso(puntos=1, exito="desde v = 0 el primer paso es un paso de SGD y v_nuevo = -tasa·g.")
def test_primer_paso(alumno):
    """Matriz 2×2, v = 0, tasa = 0.1 y beta por defecto."""
    PASO.comprobar(alumno, PRIMERO, {"tasa": 0.1}, PRIMERO_ESPERADO, "paso_momento(matriz 2×2, v = 0, tasa=0.1)",
                   CONOCIDOS_PRIMERO)


@caso(puntos=2, oculta=True, exito="coincide con la referencia con formas, tasas, beta y velocidades aleatorias.")
def test_valores_ocultos(alumno, rng, referencia):
    forma = forma_aleatoria(rng)
    w, g, v = rng.normal(size=forma), rng.normal(size=forma), rng.normal(0, 0.3, size=forma)
    kwargs = {"tasa": float(rng.uniform(0.01, 0.5)), "beta": float(rng.uniform(0.5, 0.99))}
    PASO.comprobar_con_referencia(alumno, referencia, (w, g, v), kwargs, f"paso_momento con w de forma {forma}")


@caso(puntos=1, oculta=True, exito="encadena 5 pasos con los valores por defecto como la referencia.")
def test_varios_pasos_por_defecto(alumno, rng, referencia):
    """Five chained steps from v = 0 with tasa=0.01, beta=0.9 (defaults), each compared."""
    PASO.encadenar(alumno, referencia, rng, 5, lambda rng, d: rng.normal(size=d),
                   "paso_momento, paso {paso} de 5 (valores por defecto)")
