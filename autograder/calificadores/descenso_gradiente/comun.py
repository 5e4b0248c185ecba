"""Comprobaciones compartidas por los casos de las dos normalizaciones."""
import numpy as np

from autograder.errores import Fallo
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma


def pedir_normalizacion(alumno, nombre, X, que):
    """Calls `nombre(X)` and checks type and shape (n, d)."""
    X_norm = exigir_array(alumno.llamar(nombre, X), que)
    exigir_forma(X_norm, X.shape, que, "Normaliza cada columna por separado: la salida tiene la forma de X.")
    return X_norm


def exigir_constantes_a_cero(X_norm, X, que, divisor):
    """A constant column (max == min) must become zeros; nan there means a division by zero."""
    constantes = np.max(X, axis=0) == np.min(X, axis=0)
    if not constantes.any():
        return
    columna = X_norm[:, constantes]
    if np.isnan(columna).any() or np.isinf(columna).any():
        raise Fallo(f"{que}: una columna constante da nan o inf.\n  Pista: en una columna constante {divisor} "
                    "vale 0 y dividir por 0 da nan. Esa columna debe quedar en 0: sustituye los divisores "
                    "nulos por 1 antes de dividir, por ejemplo np.where(divisor > 0, divisor, 1.0).")
    if not np.allclose(columna, 0.0, atol=1e-12, rtol=0):
        raise Fallo(f"{que}: una columna constante debe convertirse en una columna de ceros.")


# -- the cases both normalizations have (each case, with its points and messages, stays in its file) --------

def comprobar_ejemplo(alumno, nombre, X, esperado, que, errores_conocidos=()):
    """`nombre(X)` equals the public `esperado` (shown on failure)."""
    X_norm = pedir_normalizacion(alumno, nombre, X, que)
    exigir_cercano(X_norm, esperado, que, atol=1e-8, errores_conocidos=errores_conocidos)


def comprobar_columna_constante(alumno, nombre, X, esperado, divisor, errores_conocidos=()):
    """The public example with a constant column: zeros there (not nan) and the expected values elsewhere."""
    que = f"{nombre} con una columna constante"
    X_norm = pedir_normalizacion(alumno, nombre, X, que)
    exigir_constantes_a_cero(X_norm, X, que, divisor)
    exigir_cercano(X_norm, esperado, que, atol=1e-8, errores_conocidos=errores_conocidos)


def comprobar_valores_grandes(alumno, rng, referencia, nombre, errores_conocidos):
    """Columns with means up to ±10⁶ and very different scales, against the reference (values not shown)."""
    n, d = int(rng.integers(2, 12)), int(rng.integers(1, 6))
    X = rng.normal(rng.uniform(-1e6, 1e6, size=d), rng.uniform(1.0, 1e4, size=d), size=(n, d))
    que = f"{nombre} de una matriz {n}×{d} con valores grandes"
    X_norm = pedir_normalizacion(alumno, nombre, X, que)
    exigir_cercano(X_norm, getattr(referencia, nombre)(X), que, atol=1e-7, rtol=1e-6,
                   errores_conocidos=errores_conocidos(X), revelar=False)


def comprobar_columnas_constantes_y_una_fila(alumno, rng, referencia, nombre, divisor, errores_conocidos=None):
    """Some constant columns among random ones, then a single row: zeros where the column is constant."""
    n, d = int(rng.integers(3, 10)), int(rng.integers(2, 6))
    X = rng.normal(0.0, 5.0, size=(n, d))
    constantes = rng.choice(d, size=int(rng.integers(1, d)), replace=False)
    X[:, constantes] = rng.integers(-100, 100, size=len(constantes))
    que = f"{nombre} de una matriz {n}×{d} con columnas constantes"
    X_norm = pedir_normalizacion(alumno, nombre, X, que)
    exigir_constantes_a_cero(X_norm, X, que, divisor)
    exigir_cercano(X_norm, getattr(referencia, nombre)(X), que, atol=1e-8, rtol=1e-6,
                   errores_conocidos=errores_conocidos(X) if errores_conocidos else (), revelar=False)
    fila = rng.normal(0.0, 5.0, size=(1, d))
    que = f"{nombre} de una sola fila 1×{d}"
    X_norm = pedir_normalizacion(alumno, nombre, fila, que)
    exigir_constantes_a_cero(X_norm, fila, que, divisor)
