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
    exactitudes_con_control,
    exigir_capas,
    exigir_coherencia,
    exigir_compilado,
    exigir_entrada,
    exigir_exactitud,
    exigir_parametros_maximos,
    exigir_regularizacion,
    exigir_salida,
    exigir_solo_densas,
    miles,
    muestra_de_control,
    predicciones_del_entregado,
    semilla_de_la_entrega,
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
    def __init__(self, predicciones=None, error=None, parametros=1000, archivo=b"pesos"):
        self.predicciones, self.error, self.parametros, self.archivo = predicciones, error, parametros, archivo
        self.pedidos = []

    def modelo_guardado(self, archivo, x=None):
        if self.error:
            raise ErrorDelAlumno(self.error)
        self.pedidos.append(None if x is None else x.shape)
        predicciones = self.predicciones(x) if callable(self.predicciones) and x is not None else self.predicciones
        return {"predicciones": predicciones, "parametros": self.parametros}

    def archivo_entregado(self, nombre):
        if self.archivo is None:
            raise FileNotFoundError(nombre)
        return self.archivo


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


# -- accuracy that cannot be bought by storing the evaluation set ------------------------------

def test_limite_de_parametros_explica_por_que_existe():
    exigir_parametros_maximos(descripcion([None, 784], [None, 10], [], parametros=2_000_000), "m", 2_000_000, 203_530)
    mensaje = fallo(exigir_parametros_maximos, descripcion([None, 784], [None, 10], [], parametros=7_950_010), "m",
                    2_000_000, 203_530)
    assert "tiene 7 950 010 parámetros" in mensaje and "como mucho 2 000 000" in mensaje
    assert "referencia, que aprueba, tiene 203 530" in mensaje and "de memoria" in mensaje and "menos unidades" in mensaje
    assert miles(1203) == "1 203" and miles(131) == "131"


def test_coherencia_entre_prueba_y_control():
    exigir_coherencia(0.979, 0.990, 0.02, "m", "la prueba", "el control")
    exigir_coherencia(0.985, 0.966, 0.02, "m", "la prueba", "el control")  # within the tolerance
    mensaje = fallo(exigir_coherencia, 1.0, 0.937, 0.02, "m", "las 10000 imágenes de prueba", "2000 de entrenamiento")
    assert "acierta 1.0000 en las 10000 imágenes de prueba pero solo 0.9370 en 2000 de entrenamiento" in mensaje
    assert "diferencia de 0.02" in mensaje and "¿usaste el conjunto de prueba" in mensaje


def test_muestra_de_control_depende_solo_de_la_semilla():
    x = np.arange(100 * 4, dtype=np.uint8).reshape(100, 2, 2)
    y = np.arange(100) % 10
    X1, y1 = muestra_de_control(x, y, 30, np.random.default_rng(5), (4,), 255.0)
    X2, y2 = muestra_de_control(x, y, 30, np.random.default_rng(5), (4,), 255.0)
    X3, _ = muestra_de_control(x, y, 30, np.random.default_rng(6), (4,), 255.0)
    assert X1.shape == (30, 4) and X1.dtype == np.float32 and y1.dtype == np.int64
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(y1, y2)
    assert not np.array_equal(X1, X3)
    assert X1.min() >= 0 and X1.max() <= 1
    todos, y_todos = muestra_de_control(x, y, 1000, np.random.default_rng(5), (4,), 255.0)
    assert len(todos) == 100 and (y_todos == y).all()
    assert 0.005 < np.abs(todos - x.reshape(100, 4) / 255).mean() < 0.05  # light noise


def test_semilla_de_la_entrega_es_la_del_archivo():
    assert semilla_de_la_entrega(AlumnoFalso(archivo=b"a")) == semilla_de_la_entrega(AlumnoFalso(archivo=b"a"))
    assert semilla_de_la_entrega(AlumnoFalso(archivo=b"a")) != semilla_de_la_entrega(AlumnoFalso(archivo=b"b"))
    with pytest.raises(Fallo, match="m: no encontré `modelo.keras` junto a tu cuaderno."):
        semilla_de_la_entrega(AlumnoFalso(archivo=None), "modelo.keras", "m")


def test_exactitudes_con_control_limite_primero_y_una_sola_prediccion():
    X, y = np.zeros((5, 3), np.float32), np.array([0, 1, 2, 0, 1])

    def control(rng):
        return np.ones((4, 3), np.float32), np.array([2, 2, 2, 2])

    def predecir(x):  # right on the test rows, class 0 on the control rows
        return np.eye(3, dtype=np.float32)[np.r_[y, [0, 0, 0, 0]]][:len(x)]

    alumno = AlumnoFalso(predecir)
    assert exactitudes_con_control(alumno, "m", lambda: (X, y), control, 3, 10_000, 100) == (1.0, 0.0)
    assert alumno.pedidos == [None, (9, 3)]  # the description first, then test + control in one call
    grande = AlumnoFalso(predecir, parametros=10_001)
    assert "como mucho 10 000" in fallo(exactitudes_con_control, grande, "m", lambda: (X, y), control, 3, 10_000, 100)
    assert grande.pedidos == [None]  # no data built, nothing predicted
