"""The evaluator predicts a dense network with direct eager calls and anything else with ``predict``:
the same numbers either way (issue 10: ``predict`` traces a function first, three times slower on a
dense network in a fresh worker)."""
from __future__ import annotations

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

keras = pytest.importorskip("keras")

from autograder import trabajador  # noqa: E402


def _densa():
    keras.utils.set_random_seed(0)
    return keras.Sequential([keras.Input(shape=(20,)), keras.layers.Dense(16, activation="relu"),
                             keras.layers.BatchNormalization(), keras.layers.Dropout(0.5),
                             keras.layers.Dense(3, activation="softmax")])


def test_una_red_densa_se_predice_directamente_con_los_mismos_valores_que_predict(monkeypatch):
    modelo = _densa()
    x = np.random.default_rng(0).random((trabajador.BLOQUE_DIRECTO + 37, 20), dtype=np.float32)
    esperado = modelo.predict(x, batch_size=512, verbose=0)
    monkeypatch.setattr(type(modelo), "predict", lambda *a, **k: pytest.fail("no debía usar predict"))
    obtenido = trabajador._predecir(modelo, x)
    assert obtenido.shape == esperado.shape == (len(x), 3)
    np.testing.assert_allclose(obtenido, esperado, rtol=1e-5, atol=1e-6)  # Dropout off, as in predict
    np.testing.assert_array_equal(obtenido, trabajador._predecir(modelo, x))


def test_una_red_convolucional_va_por_predict(monkeypatch):
    llamadas = []
    original = keras.Model.predict
    monkeypatch.setattr(keras.Model, "predict", lambda self, *a, **k: llamadas.append(1) or original(self, *a, **k))
    cnn = keras.Sequential([keras.Input(shape=(8, 8, 1)), keras.layers.Conv2D(2, 3), keras.layers.Flatten(),
                            keras.layers.Dense(2)])
    assert trabajador._predecir(cnn, np.zeros((5, 8, 8, 1), dtype=np.float32)).shape == (5, 2)
    assert len(llamadas) == 1
