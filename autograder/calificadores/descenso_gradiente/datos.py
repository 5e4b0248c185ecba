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
# TABLA_X with every column standardized (mean 0, population standard deviation 1), written out: the public
# cases train on it. Hidden cases draw their data with ``solutions.descenso_gradiente.regresion_sintetica``.
TABLA_X_ESTANDARIZADA = np.array([
    [-1.8007145228958212, 1.315071011278814, -0.09853292781642932],
    [-1.0206215887893284, 0.31311214554257477, -0.8867963503478639],
    [-0.500559632718333, 1.8160504441469336, -0.09853292781642932],
    [0.019502323352662138, -0.6888467201936644, 2.2662573397778742],
    [0.27953330138815974, -1.1898261530617842, -0.09853292781642932],
    [0.5395642794236574, -0.6888467201936644, -0.8867963503478639],
    [1.1636386267088517, -0.18786728732554486, 0.6897304947150052],
    [1.31965721353015, -0.6888467201936644, -0.8867963503478639],
])


def ecm_minimos_cuadrados(X, Y):
    """The smallest MSE a linear model X W + b can reach: least squares with a column of ones."""
    A = np.hstack([X, np.ones((X.shape[0], 1))])
    coeficientes = np.linalg.lstsq(A, Y, rcond=None)[0]
    from sklearn.metrics import mean_squared_error  # the library's ECM (the exercise's own is not shipped)

    return float(mean_squared_error(Y, A @ coeficientes))
