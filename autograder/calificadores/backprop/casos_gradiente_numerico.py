"""Casos de `gradiente_numerico(f, x, h)`, con funciones de prueba que construye el trabajador.

The student's function receives ``FuncionDePrueba`` objects (built inside the
sandbox, see ``autograder.trabajador._construir_funcion``) whose exact gradients
are known here: ``cuadratica_seno`` f(x) = Σ A·x² + Σ sin(c·x) has gradient
2·A·x + c·cos(c·x), and ``producto_lineal`` f(x) = Σ A·x has gradient A. The
array x as it is after the call comes back in ``args_despues``.
"""
import numpy as np

from autograder.calificadores.backprop.verificacion import exigir_gradiente
from autograder.casos import caso
from autograder.trabajador import FuncionDePrueba, _construir_funcion
from autograder.verificar import exigir_cercano

EXACTO = "el gradiente exacto"
PISTA_UNILATERAL = ("usaste diferencias hacia adelante, (f(x + h) − f(x)) / h, cuyo error es del orden de h; "
                    "las centradas, (f(x + h) − f(x − h)) / (2h), tienen error del orden de h².")
PISTA_RESTAURAR = ("x no quedó como estaba: después de evaluar f(x + h) y f(x − h) vuelve a poner "
                   "x[i] = original (guarda el valor antes de tocarlo).")


def _unilateral(funcion: FuncionDePrueba, x: np.ndarray, h: float) -> np.ndarray:
    """The forward-difference gradient a student might compute by mistake."""
    f, x, grad = _construir_funcion(funcion), x.copy(), np.zeros_like(x)
    base = f(x)
    for i in np.ndindex(*x.shape):
        original = x[i]
        x[i] = original + h
        grad[i] = (f(x) - base) / h
        x[i] = original
    return grad


def _comprobar(alumno, funcion, x, exacto, que, h=None):
    argumentos = {} if h is None else {"h": h}
    grad = alumno.llamar("gradiente_numerico", funcion, x, **argumentos)
    x_despues = alumno.ultima_llamada["args_despues"][1]
    paso = 1e-5 if h is None else h
    exigir_gradiente(grad, exacto, que, contra=EXACTO,
                     errores_conocidos=((_unilateral(funcion, x, paso), PISTA_UNILATERAL),))
    exigir_cercano(x_despues, x, f"{que}: x después de la llamada", atol=1e-12, rtol=0, revelar=False,
                   pista=PISTA_RESTAURAR)


def _cuadratica_seno(A, c, x):
    return FuncionDePrueba("cuadratica_seno", A=A, c=c), 2 * A * x + c * np.cos(c * x)


@caso(puntos=1, exito="el gradiente de f(x) = Σ A·x² + Σ sin(c·x) coincide con el exacto y x queda intacto.")
def test_cuadratica_seno(alumno):
    A, c, x = np.array([1.0, -2.0, 0.5]), np.array([1.0, 2.0, 3.0]), np.array([0.5, -1.0, 2.0])
    funcion, exacto = _cuadratica_seno(A, c, x)
    _comprobar(alumno, funcion, x, exacto, "gradiente_numerico de Σ A·x² + Σ sin(c·x) en x = [0.5, -1, 2]")


@caso(puntos=2, oculta=True, exito="coincide con el gradiente exacto en matrices aleatorias y deja x intacto.")
def test_cuadratica_seno_en_matrices(alumno, rng):
    forma = (int(rng.integers(1, 5)), int(rng.integers(2, 5)))
    A, c, x = rng.normal(size=forma), rng.normal(0, 2, size=forma), rng.normal(size=forma)
    funcion, exacto = _cuadratica_seno(A, c, x)
    _comprobar(alumno, funcion, x, exacto, f"gradiente_numerico de Σ A·x² + Σ sin(c·x) con x de forma {forma}")


@caso(puntos=1, oculta=True, exito="respeta el paso h y arrays de 3 dimensiones (f lineal: gradiente A).")
def test_lineal_con_otro_paso(alumno, rng):
    forma = tuple(int(t) for t in rng.integers(1, 4, size=3))
    A, x = rng.normal(size=forma), rng.normal(size=forma)
    h = float(rng.choice([1e-3, 1e-4]))
    _comprobar(alumno, FuncionDePrueba("producto_lineal", A=A), x, A,
               f"gradiente_numerico de Σ A·x con x de forma {forma} y h={h:g}", h=h)
