"""Las comprobaciones comunes de modelos Keras dan el mensaje específico de cada error típico.

They read the plain description produced by ``evaluar_modelo`` in the clean process; here the
descriptions are written by hand, so these tests run in milliseconds. The real path (a model file
loaded in the sandbox) is covered by each Keras task's tests.
"""
import json

import numpy as np
import pytest

from autograder.comprobaciones_keras import (
    exactitud,
    exigir_capas,
    exigir_compilado,
    exigir_entrada,
    exigir_exactitud,
    exigir_regularizacion,
    exigir_salida,
    exigir_solo_densas,
    predicciones_del_entregado,
)
from autograder.errores import ErrorDelAlumno, Fallo


def capa(clase, activacion="", regularizador=False, tasa=0.0, factor=None):
    """A layer as ``evaluar_modelo`` describes it; a regularizer without an explicit factor has 1e-3."""
    if factor is None:
        factor = 1e-3 if regularizador else 0.0
    return {"clase": clase, "activacion": activacion, "regularizador": regularizador,
            "factor_regularizador": factor, "tasa": tasa, "unidades": 0}


def descripcion(entrada, salida, capas, compilado=True, perdida="categorical_crossentropy", parametros=1000):
    return {"entrada": json.dumps(entrada), "salida": json.dumps(salida), "compilado": compilado, "perdida": perdida,
            "parametros": parametros, "capas": [c if isinstance(c, dict) else capa(*c) for c in capas]}


DENSA = descripcion([None, 784], [None, 10], [("Dense", "relu", False), ("Dense", "softmax", False)])


def fallo(funcion, *args, **kwargs) -> str:
    with pytest.raises(Fallo) as error:
        funcion(*args, **kwargs)
    return str(error.value)


def test_un_modelo_correcto_pasa_todas_las_comprobaciones():
    exigir_solo_densas(DENSA, "m")
    exigir_entrada(DENSA, "m", (None, 784))
    exigir_salida(DENSA, "m", 10, "softmax")
    exigir_compilado(DENSA, "m", "categorical_crossentropy")
    exigir_capas(DENSA, "m", "Dense", 2)


def test_entrada_sin_aplanar_sugiere_la_forma_correcta():
    modelo = descripcion([None, 28, 28], [None, 10], [("Flatten", "", False), ("Dense", "softmax", False)])
    mensaje = fallo(exigir_entrada, modelo, "m", (None, 784))
    assert "(None, 28, 28)" in mensaje and "(None, 784)" in mensaje and "aplanadas" in mensaje


def test_logits_se_reconocen_y_se_pide_softmax_o_sigmoid():
    logits = descripcion([None, 784], [None, 10], [("Dense", "linear", False)])
    assert "logits" in fallo(exigir_salida, logits, "m", 10, "softmax")
    un_logit = descripcion([None, 200], [None, 1], [("LSTM", "tanh", False), ("Dense", "linear", False)])
    mensaje = fallo(exigir_salida, un_logit, "m", 1, "sigmoid")
    assert "logits" in mensaje and "activation='sigmoid'" in mensaje


def test_numero_de_clases_equivocado():
    modelo = descripcion([None, 4], [None, 2], [("Dense", "softmax", False)])
    mensaje = fallo(exigir_salida, modelo, "m", 3, "softmax")
    assert "(None, 2)" in mensaje and "(None, 3)" in mensaje and "número de clases" in mensaje


def test_activacion_de_salida_equivocada():
    modelo = descripcion([None, 4], [None, 3], [("Dense", "sigmoid", False)])
    assert "se esperaba 'softmax'" in fallo(exigir_salida, modelo, "m", 3, "softmax")


def test_sin_compilar_y_perdidas_equivocadas():
    sin_compilar = descripcion([None, 4], [None, 3], [("Dense", "softmax", False)], compilado=False, perdida="")
    assert "no está compilado" in fallo(exigir_compilado, sin_compilar, "m")
    dispersa = descripcion([None, 4], [None, 3], [("Dense", "softmax", False)], perdida="sparse_categorical_crossentropy")
    assert "one-hot" in fallo(exigir_compilado, dispersa, "m", "categorical_crossentropy")
    categorica = descripcion([None, 200], [None, 1], [("Dense", "sigmoid", False)])
    assert "sigmoid" in fallo(exigir_compilado, categorica, "m", "binary_crossentropy")
    exigir_compilado(descripcion([None, 4], [None, 3], [], perdida="CategoricalCrossentropy"), "m")


def test_capas_que_faltan_o_sobran():
    assert "0 capa(s) Conv2D" in fallo(exigir_capas, DENSA, "m", "Conv2D", 1)
    convolucional = descripcion([None, 28, 28, 1], [None, 10], [("Conv2D", "relu", False), ("Dense", "softmax", False)])
    assert "al menos 2 capas Conv2D" in fallo(exigir_capas, convolucional, "m", "Conv2D", 2)
    assert "solo capas Dense" in fallo(exigir_solo_densas, convolucional, "m")
    recurrente = descripcion([None, 200, 8], [None, 1], [("LSTM", "tanh", False), ("Dense", "sigmoid", False)])
    assert "recurrente" in fallo(exigir_solo_densas, recurrente, "m")


def test_regularizacion_por_dropout_o_l2():
    exigir_regularizacion(descripcion([None, 784], [None, 10], [capa("Dropout", tasa=0.3)]), "m")
    exigir_regularizacion(descripcion([None, 784], [None, 10], [capa("Dense", "relu", True, factor=1e-4)]), "m")
    exigir_regularizacion(descripcion([None, 784], [None, 10], [capa("SpatialDropout1D", tasa=0.2)]), "m")
    assert "no tiene ninguna capa Dropout" in fallo(exigir_regularizacion, DENSA, "m")


def _regularizada(*capas):
    return descripcion([None, 784], [None, 10], [*capas, capa("Dense", "softmax")])


def test_dropout_cero_y_l2_cero_no_regularizan():
    """Dropout(0) and L2(0) are layers that change nothing: they earn no regularisation points."""
    mensaje = fallo(exigir_regularizacion, _regularizada(capa("Dense", "relu"), capa("Dropout", tasa=0.0)), "m")
    assert "Dropout(0) no apaga ninguna neurona" in mensaje and "mayor que 0" in mensaje
    assert "kernel_regularizer con factor" not in mensaje
    mensaje = fallo(exigir_regularizacion, _regularizada(capa("Dense", "relu", True, factor=0.0)), "m")
    assert "L2(0) suma una penalización nula" in mensaje and "Dropout(0)" not in mensaje
    mensaje = fallo(exigir_regularizacion, _regularizada(capa("Dense", "relu", True, factor=0.0),
                                                         capa("Dropout", tasa=0.0), capa("Dropout", tasa=0.0)), "m")
    assert "2 capa(s) Dropout con tasa 0" in mensaje and "1 kernel_regularizer con factor 0" in mensaje
    # one real regulariser is enough, even next to a useless one
    exigir_regularizacion(_regularizada(capa("Dropout", tasa=0.0), capa("Dense", "relu", True, factor=1e-3)), "m")
    exigir_regularizacion(_regularizada(capa("Dense", "relu", True, factor=0.0), capa("Dropout", tasa=0.5)), "m")


def test_descripcion_sin_tasa_ni_factor_no_cuenta():
    """A description without ``tasa``/``factor_regularizador`` (an older evaluator) fails closed."""
    antigua = _regularizada({"clase": "Dropout", "activacion": "", "regularizador": False, "unidades": 0},
                            {"clase": "Dense", "activacion": "relu", "regularizador": True, "unidades": 64})
    assert "tasa 0" in fallo(exigir_regularizacion, antigua, "m")


def test_exactitud_con_softmax_y_con_sigmoid():
    assert exactitud(np.array([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]]), np.array([0, 1, 1])) == pytest.approx(2 / 3)
    assert exactitud(np.array([[0.7], [0.2], [0.5]]), np.array([1, 0, 0])) == pytest.approx(2 / 3)


def test_exactitud_baja_distingue_azar_de_falta_de_entrenamiento():
    assert "adivinar al azar" in fallo(exigir_exactitud, 0.11, 0.97, "m", "la prueba", azar=0.1, pista="más épocas")
    mensaje = fallo(exigir_exactitud, 0.95, 0.97, "m", "las 10000 imágenes", azar=0.1, pista="más épocas")
    assert "0.9500" in mensaje and "≥ 0.97" in mensaje and "más épocas" in mensaje
    exigir_exactitud(0.97, 0.97, "m", "la prueba", azar=0.1, pista="")


class AlumnoFalso:
    def __init__(self, predicciones=None, error=None):
        self.predicciones, self.error = predicciones, error

    def modelo_guardado(self, archivo, x=None):
        if self.error:
            raise ErrorDelAlumno(self.error)
        return {"predicciones": self.predicciones}


def test_predicciones_del_entregado():
    x = np.zeros((3, 784), dtype=np.float32)
    buenas = np.full((3, 10), 0.1, dtype=np.float32)
    assert predicciones_del_entregado(AlumnoFalso(buenas), x, "m", (3, 10)) is buenas
    assert "se esperaba (3, 10)" in fallo(predicciones_del_entregado, AlumnoFalso(buenas[:, :2]), x, "m", (3, 10))
    assert "nan o inf" in fallo(predicciones_del_entregado, AlumnoFalso(buenas * np.nan), x, "m", (3, 10))
    mensaje = fallo(predicciones_del_entregado, AlumnoFalso(error="El modelo falló al predecir: forma"), x, "m", (3, 10))
    assert "(3, 784)" in mensaje
    with pytest.raises(ErrorDelAlumno, match="No encontré"):
        predicciones_del_entregado(AlumnoFalso(error="No encontré `modelo.keras`"), x, "m", (3, 10))
