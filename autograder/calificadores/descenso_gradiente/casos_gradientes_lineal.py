"""Casos de `gradientes_lineal(X, Y, W, b)`.

The public expected values (``DW_PUB``, ``DB_PUB``) are written out; centred differences of the mean
squared error give the same values up to rounding (about 3e-11 here), well inside the stated tolerance.
"""
import numpy as np

from autograder.casos import caso
from autograder.errores import Fallo
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma, exigir_tupla

# n = 5, d = 2, m = 3: all different, so a transposed or wrongly summed result has the wrong shape, and
# with m = 3 forgetting the 2 and dividing by n instead of n·m do not cancel each other out.
X_PUB = np.array([[1.0, 2.0], [0.0, -1.0], [3.0, 1.0], [-1.0, 0.5], [2.0, -2.0]])
Y_PUB = np.array([[1.0, 0.0, 2.0], [2.0, -1.0, 0.0], [0.5, 1.0, 1.0], [-1.0, 2.0, 0.5], [0.0, 1.0, -1.0]])
W_PUB = np.array([[0.1, -0.2, 0.3], [0.3, 0.0, -0.1]])
B_PUB = np.array([0.5, -0.5, 0.0])
TOLERANCIA = {"atol": 1e-7, "rtol": 1e-6}


# The exact gradients for the public example, dW = 2/(n·m) Xᵀ(X W + b - Y) and db = 2/(n·m) Σ(X W + b - Y),
# written out (centred differences of the ECM, ECM(p + h) - ECM(p - h)) / 2h, agree to about 3e-11).
DW_PUB = np.array([[13 / 150, -17 / 15, 0.26], [0.45, -0.18, -13 / 12]])
DB_PUB = np.array([13 / 150, -13 / 15, -0.14])


def _errores_conocidos(correcto, m):
    return (
        (-correcto, "el signo está invertido: los residuos son Ŷ - Y (predicción menos valor real), no Y - Ŷ."),
        (correcto / 2, "falta el factor 2 que sale al derivar el cuadrado: d(r²)/dr = 2r."),
        (correcto * m, "dividiste entre n; la media del ECM es sobre las n·m entradas: divide entre n·m."),
    )


def _pedir(alumno, X, Y, W, b, que):
    dW, db = exigir_tupla(alumno.llamar("gradientes_lineal", X, Y, W, b), 2, que)
    dW = exigir_array(dW, f"{que}: dW")
    exigir_forma(dW, W.shape, f"{que}: dW", "dW tiene la forma de W: (d, m) = Xᵀ (Ŷ - Y) escalado.")
    if isinstance(db, (int, float)) or isinstance(db, np.ndarray) and db.shape == ():
        raise Fallo(f"{que}: db es un solo número y se esperaba un array de forma {b.shape}.\n  Pista: sumaste "
                    "todas las entradas; db tiene un valor por salida: suma solo sobre los ejemplos (axis=0).")
    db = exigir_array(db, f"{que}: db")
    if db.shape != b.shape and db.shape == (X.shape[0],):
        pista = "Sumaste sobre el eje equivocado: db suma los residuos sobre los ejemplos (axis=0), uno por salida."
    else:
        pista = "db tiene la forma de b: (m,)."
    exigir_forma(db, b.shape, f"{que}: db", pista)
    return dW, db


def _comparar(alumno, X, Y, W, b, dW_ok, db_ok, que, revelar):
    dW, db = _pedir(alumno, X, Y, W, b, que)
    m = Y.shape[1]
    exigir_cercano(dW, dW_ok, f"{que}: dW", **TOLERANCIA, errores_conocidos=_errores_conocidos(dW_ok, m), revelar=revelar)
    exigir_cercano(db, db_ok, f"{que}: db", **TOLERANCIA, errores_conocidos=_errores_conocidos(db_ok, m), revelar=revelar)


@caso(puntos=1, exito="dW y db coinciden con las diferencias centradas en un ejemplo 5×2 con 3 salidas.")
def test_ejemplo_pequeno(alumno):
    """Gradiente comparado con (ECM(p + h) - ECM(p - h)) / 2h para cada parámetro p."""
    _comparar(alumno, X_PUB, Y_PUB, W_PUB, B_PUB, DW_PUB, DB_PUB, "gradientes_lineal(ejemplo 5×2, m=3)", True)


@caso(puntos=2, oculta=True, exito="dW y db coinciden con la referencia con n, d y m aleatorios.")
def test_valores_ocultos(alumno, rng, referencia):
    n, d, m = int(rng.integers(5, 20)), int(rng.integers(1, 5)), int(rng.integers(3, 5))
    X, Y = rng.normal(size=(n, d)), rng.normal(0, 2, size=(n, m))
    W, b = rng.normal(size=(d, m)), rng.normal(size=m)
    dW_ok, db_ok = referencia.gradientes_lineal(X, Y, W, b)
    _comparar(alumno, X, Y, W, b, dW_ok, db_ok, f"gradientes_lineal con n={n}, d={d}, m={m}", False)


@caso(puntos=1, oculta=True, exito="funciona con un solo ejemplo, una característica y una salida.")
def test_un_ejemplo(alumno, rng, referencia):
    """n = d = m = 1: dW y db siguen siendo arrays (1, 1) y (1,)."""
    X, Y, W, b = rng.normal(size=(1, 1)), rng.normal(size=(1, 1)), rng.normal(size=(1, 1)), rng.normal(size=1)
    dW_ok, db_ok = referencia.gradientes_lineal(X, Y, W, b)
    _comparar(alumno, X, Y, W, b, dW_ok, db_ok, "gradientes_lineal con n=d=m=1", False)
