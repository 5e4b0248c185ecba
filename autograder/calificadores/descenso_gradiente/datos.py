"""Datos de los casos de 02_descenso_gradiente: la tabla de las diapositivas y regresiones sintéticas.

The student table is the slides' own (seed 001, "Regresión Lineal Múltiple - Función de Error"; its
"13,4" is 13.4), with the slides' weights W, b, which reproduce the slide's P1/P2 columns exactly.
Nothing here imports the reference solution: public cases use it.
"""
import numpy as np

# Estudio, Edad, Promedio → N1, N2 (las notas de dos parciales), las 8 filas de las diapositivas.
TABLA_X = np.array([
    [2.0, 24.0, 4.0], [5.0, 22.0, 3.0], [7.0, 25.0, 4.0], [9.0, 20.0, 7.0],
    [10.0, 19.0, 4.0], [11.0, 20.0, 3.0], [13.4, 21.0, 5.0], [14.0, 20.0, 3.0],
])
TABLA_Y = np.array([
    [7.0, 7.2], [4.5, 5.2], [6.3, 6.0], [5.4, 4.4], [8.2, 9.5], [7.2, 8.1], [5.5, 10.0], [3.0, 4.3],
])
# The slides' weights and biases, and the predictions P1, P2 they print for the table.
W_DIAPOSITIVAS = np.array([[1.0, 4.0], [2.0, 5.0], [3.0, 6.0]])
B_DIAPOSITIVAS = np.array([-46.0, -108.0])
P_DIAPOSITIVAS = np.array([
    [16.0, 44.0], [12.0, 40.0], [23.0, 69.0], [24.0, 70.0], [14.0, 51.0], [14.0, 54.0], [24.4, 80.6], [17.0, 66.0],
])
# The slide's "Promedio(E) = 3106.64" sums the squared error over the 2 outputs and averages over the 8 rows;
# error_cuadratico_medio averages over all 16 entries (Keras's mse): half of it.
E_PROMEDIO_DIAPOSITIVAS = 3106.6425
ECM_DIAPOSITIVAS = 1553.32125


def estandarizar(X):
    """Columns to mean 0 and population standard deviation 1 (the data used to train)."""
    return (X - X.mean(axis=0)) / X.std(axis=0)


def ecm_minimos_cuadrados(X, Y):
    """The smallest MSE a linear model X W + b can reach: least squares with a column of ones."""
    A = np.hstack([X, np.ones((X.shape[0], 1))])
    coeficientes = np.linalg.lstsq(A, Y, rcond=None)[0]
    from sklearn.metrics import mean_squared_error  # the library's ECM (the exercise's own is not shipped)

    return float(mean_squared_error(Y, A @ coeficientes))


def regresion_sintetica(rng, n, d, m, ruido=0.5):
    """Standardized X (n, d) and Y = X W + b + noise (n, m), with W, b of order 1."""
    X = estandarizar(rng.normal(size=(n, d)))
    W, b = rng.normal(size=(d, m)), rng.normal(size=m)
    return X, X @ W + b + rng.normal(0.0, ruido, size=(n, m))
