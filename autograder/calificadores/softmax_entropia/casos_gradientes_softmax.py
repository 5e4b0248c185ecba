"""Casos de `gradientes_softmax(X, y, W, b)`."""
import numpy as np

from autograder.casos import caso
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma, exigir_tupla

X_PUB = np.array([[1.0, 2.0], [0.0, -1.0], [3.0, 1.0]])
Y_PUB = np.array([0, 2, 1])
W_PUB = 0.1 * np.arange(6.0).reshape(2, 3)
B_PUB = np.array([0.1, 0.0, -0.1])
DW_PUB = np.array([[-0.0038696877, -0.5668019887, 0.5706716764], [-0.5411500337, -0.1158377913, 0.6569878249]])
DB_PUB = np.array([-0.0297461477, -0.0061934838, 0.0359396315])


def _pedir(alumno, X, y, W, b, que):
    dW, db = exigir_tupla(alumno.llamar("gradientes_softmax", X, y, W, b), 2, que)
    dW, db = exigir_array(dW, f"{que}: dW"), exigir_array(db, f"{que}: db")
    exigir_forma(dW, W.shape, f"{que}: dW", "dW tiene la forma de W: (d, k) = X.T @ dZ.")
    exigir_forma(db, b.shape, f"{que}: db", "db tiene la forma de b: suma dZ sobre los ejemplos (axis=0).")
    return dW, db


def _errores_dw(dW, n):
    return ((dW * n, "falta dividir por n: la pérdida es una media, y su gradiente también."),
            (-dW, "el signo está invertido: el gradiente es (P - Y) / n, no (Y - P) / n."))


@caso(puntos=1, exito="dW y db coinciden en un ejemplo pequeño de 3×2 con 3 clases.")
def test_ejemplo_pequeno(alumno):
    dW, db = _pedir(alumno, X_PUB, Y_PUB, W_PUB, B_PUB, "gradientes_softmax(ejemplo)")
    exigir_cercano(dW, DW_PUB, "gradientes_softmax(ejemplo): dW", atol=1e-8, errores_conocidos=_errores_dw(DW_PUB, 3))
    exigir_cercano(db, DB_PUB, "gradientes_softmax(ejemplo): db", atol=1e-8, errores_conocidos=_errores_dw(DB_PUB, 3))


@caso(puntos=2, oculta=True, exito="dW y db coinciden con la referencia en entradas aleatorias.")
def test_valores_ocultos(alumno, rng, referencia):
    n, d, k = int(rng.integers(2, 12)), int(rng.integers(1, 6)), int(rng.integers(2, 6))
    X, W, b = rng.normal(size=(n, d)), rng.normal(0, 0.5, size=(d, k)), rng.normal(0, 0.5, size=k)
    y = rng.integers(0, k, size=n)
    dW_ok, db_ok = referencia.gradientes_softmax(X, y, W, b)
    que = f"gradientes_softmax con n={n}, d={d}, k={k}"
    dW, db = _pedir(alumno, X, y, W, b, que)
    exigir_cercano(dW, dW_ok, f"{que}: dW", atol=1e-8, rtol=1e-6, errores_conocidos=_errores_dw(dW_ok, n), revelar=False)
    exigir_cercano(db, db_ok, f"{que}: db", atol=1e-8, rtol=1e-6, errores_conocidos=_errores_dw(db_ok, n), revelar=False)


@caso(puntos=1, oculta=True, exito="funciona con un solo ejemplo (n=1) y una sola característica (d=1).")
def test_un_ejemplo_una_caracteristica(alumno, rng, referencia):
    k = int(rng.integers(2, 5))
    X, W, b, y = rng.normal(size=(1, 1)), rng.normal(size=(1, k)), rng.normal(size=k), rng.integers(0, k, size=1)
    dW_ok, db_ok = referencia.gradientes_softmax(X, y, W, b)
    dW, db = _pedir(alumno, X, y, W, b, "gradientes_softmax con n=1, d=1")
    exigir_cercano(dW, dW_ok, "gradientes_softmax con n=1, d=1: dW", atol=1e-8, revelar=False)
    exigir_cercano(db, db_ok, "gradientes_softmax con n=1, d=1: db", atol=1e-8, revelar=False)
