"""Datos de los casos de `entrenar_red`: XOR y los dígitos 8×8 de UCI (optdigits) estandarizados."""
from functools import lru_cache

import numpy as np

X_XOR = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y_XOR = np.array([0, 1, 1, 0])


@lru_cache(maxsize=1)
def optdigits_estandarizado():
    """(X_train (3823, 64), y_train, X_test (1797, 64), y_test), estandarizados con la media y la
    desviación típica de cada píxel en el entrenamiento (los píxeles constantes quedan en 0)."""
    from source_data import cargar_optdigits

    (x_train, y_train), (x_test, y_test) = cargar_optdigits()
    media, desviacion = x_train.mean(axis=0), x_train.std(axis=0)
    desviacion[desviacion == 0] = 1.0
    return ((x_train - media) / desviacion, y_train.astype(int),
            (x_test - media) / desviacion, y_test.astype(int))
