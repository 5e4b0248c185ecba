"""Datos de los casos de 02_descenso_gradiente: la tabla de estudiantes y regresiones sintéticas.

The student table is the one printed in the notebook (a table like the slides', not the
slides' exact data). Nothing here imports the reference solution: public cases use it.
"""
import numpy as np

# Estudio (horas por semana), Edad (años), Promedio (nota media previa, 0-10) → N1, N2 (notas de dos parciales).
TABLA_X = np.array([
    [2.0, 19.0, 5.5], [4.0, 22.0, 6.0], [5.0, 20.0, 7.5], [6.0, 25.0, 5.0], [8.0, 21.0, 6.5],
    [9.0, 23.0, 8.0], [10.0, 19.0, 7.0], [12.0, 24.0, 6.0], [14.0, 22.0, 8.5], [15.0, 20.0, 9.0],
])
TABLA_Y = np.array([
    [3.6, 4.7], [4.3, 5.3], [5.2, 6.4], [3.8, 4.6], [5.2, 6.1],
    [6.0, 7.5], [6.1, 6.3], [6.3, 6.3], [7.5, 7.8], [8.0, 8.4],
])


def estandarizar(X):
    """Columns to mean 0 and population standard deviation 1 (the data used to train)."""
    return (X - X.mean(axis=0)) / X.std(axis=0)


def ecm(Y, Y_pred):
    return float(np.mean((Y - Y_pred) ** 2))


def ecm_minimos_cuadrados(X, Y):
    """The smallest MSE a linear model X W + b can reach: least squares with a column of ones."""
    A = np.hstack([X, np.ones((X.shape[0], 1))])
    coeficientes = np.linalg.lstsq(A, Y, rcond=None)[0]
    return ecm(Y, A @ coeficientes)


def regresion_sintetica(rng, n, d, m, ruido=0.5):
    """Standardized X (n, d) and Y = X W + b + noise (n, m), with W, b of order 1."""
    X = estandarizar(rng.normal(size=(n, d)))
    W, b = rng.normal(size=(d, m)), rng.normal(size=m)
    return X, X @ W + b + rng.normal(0.0, ruido, size=(n, m))
