"""Casos de `modelo_entrenado`: el `modelo.keras` entregado junto al cuaderno.

The submitted file is loaded in safe mode in a clean process (no student code)
and asked for predictions on the optdigits test set; the accuracy is computed
here, on the trusted side. Nothing is retrained at grading time.

Calibration of the threshold (catalogue: test accuracy ≥ 0.95; the course slides
report 0.961 for a dense network on these data):
- data: the 1797 digits of ``optdigits.tes`` (``source_data.cargar_optdigits()``),
  written by 13 people who do not appear in the 3823 training digits; pixels
  divided by 16;
- reference: ``solutions.keras_digitos.entrenar_referencia`` (Dense 256 ReLU,
  Dropout 0.3, Dense 10 softmax; adam, batch 32, 30 epochs on the 3823 training
  digits with the last 10 % for validation). Seeds 0, 1 and 2 give 0.9672, 0.9644
  and 0.9622; training seed 0 takes 18 s on 2 CPUs at load average 1.8 (43–60 s
  at load 11–12.6);
- margin: 0.012 to 0.017 below the reference. Measured around it (seed 0, all
  3823 digits, no validation split): the same network after 10 epochs gets 0.9527
  (passes, just), after 3 epochs 0.9321 (fails); 300 digits for 1 epoch 0.37 and
  an untrained network 0.08;
- threshold: 0.95 (the catalogue's value; it holds for this data as measured).
"""
from functools import lru_cache

import numpy as np

from autograder.casos import caso
from autograder.comprobaciones_keras import (
    exactitud,
    exigir_entrada,
    exigir_exactitud,
    exigir_salida,
    predicciones_del_entregado,
)

ARCHIVO = "modelo.keras"
QUE = "el modelo entregado (modelo.keras)"
UMBRAL_EXACTITUD = 0.95


@lru_cache(maxsize=1)
def conjunto_de_prueba() -> tuple:
    """Los 1797 dígitos de prueba de optdigits (optdigits.tes) divididos entre 16, y sus etiquetas."""
    from source_data import cargar_optdigits

    _, (x_test, y_test) = cargar_optdigits()
    return x_test.astype(np.float32) / np.float32(16.0), y_test.astype(np.int64)


@caso(puntos=1, exito="el modelo entregado recibe 64 píxeles y devuelve 10 probabilidades (softmax).")
def test_arquitectura_del_modelo_entregado(alumno):
    """modelo.keras tiene entrada (None, 64) y salida softmax de 10."""
    descripcion = alumno.modelo_guardado(ARCHIVO)
    exigir_entrada(descripcion, QUE, (None, 64))
    exigir_salida(descripcion, QUE, 10, "softmax", "una salida por dígito")


@caso(puntos=3, exito=f"la exactitud en los 1797 dígitos de prueba es ≥ {UMBRAL_EXACTITUD}.")
def test_exactitud_en_prueba(alumno):
    """Exactitud de modelo.keras en los 1797 dígitos de prueba de optdigits ≥ 0.95."""
    X, y = conjunto_de_prueba()
    predicciones = predicciones_del_entregado(
        alumno, X, QUE, (X.shape[0], 10), ARCHIVO,
        "píxeles entre 0 y 1, igual que los devuelve `preparar_datos`. ¿Entrenaste un modelo con otra forma "
        "de entrada (por ejemplo, imágenes de 8×8 sin aplanar)?")
    exigir_exactitud(exactitud(predicciones, y), UMBRAL_EXACTITUD, QUE, "los 1797 dígitos de prueba", azar=0.1,
                     pista="entrena más épocas o con una capa oculta más ancha (la referencia usa 256 unidades "
                           "ReLU con Dropout 0.3 y 30 épocas, y llega a 0.967), y comprueba que `preparar_datos` "
                           "divide entre 16.")
