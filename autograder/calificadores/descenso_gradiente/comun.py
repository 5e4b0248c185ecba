"""Comprobaciones compartidas por los casos de las dos normalizaciones."""
import numpy as np

from autograder.errores import Fallo
from autograder.verificar import exigir_array, exigir_forma


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
