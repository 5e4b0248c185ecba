"""`alumno.modelo_construido(nombre, *args)`: la función del alumno recibe argumentos y la descripción dice el optimizador."""
from __future__ import annotations

import pytest

from autograder.alumno import AlumnoLocal
from autograder.calificadores import cargar_tarea

pytest.importorskip("keras")

CODIGO = '''
import keras

def construir_variante(neuronas, capas, optimizador):
    modelo = keras.Sequential([keras.Input(shape=(4,))] + [keras.layers.Dense(neuronas, activation="relu")
                                                          for _ in range(capas)]
                              + [keras.layers.Dense(3, activation="softmax")])
    modelo.compile(optimizer=optimizador, loss="categorical_crossentropy")
    return modelo

def sin_compilar():
    return keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3)])
'''


def _espacio() -> dict:
    espacio: dict = {}
    exec(CODIGO, espacio)
    return espacio


def test_en_este_proceso_con_argumentos_y_optimizador():
    alumno = AlumnoLocal(_espacio())
    descripcion = alumno.modelo_construido("construir_variante", 7, 2, "rmsprop")
    assert [c["unidades"] for c in descripcion["capas"]] == [7, 7, 3]
    assert descripcion["optimizador"] == "RMSprop" and descripcion["compilado"]
    assert alumno.modelo_construido("sin_compilar")["optimizador"] == ""


@pytest.mark.parametrize("optimizador, clase", [("sgd", "SGD"), ("adam", "Adam")])
def test_en_la_jaula_con_argumentos_y_optimizador(optimizador, clase, tmp_path):
    """The same through the real isolated path (student process + clean evaluator jail)."""
    from autograder.alumno import AlumnoAislado
    from autograder.kit import kit_de_tarea
    from autograder.motor import configuracion_para

    tarea = cargar_tarea("07_keras_mnist")
    configuracion = configuracion_para(tarea, None, (), kit_de_tarea(tarea), True)
    with AlumnoAislado([{"indice": 0, "codigo": CODIGO}], configuracion) as alumno:
        alumno.ejecutar_cuaderno()
        descripcion = alumno.modelo_construido("construir_variante", 5, 3, optimizador)
    assert [c["unidades"] for c in descripcion["capas"]] == [5, 5, 5, 3]
    assert descripcion["optimizador"] == clase


def test_en_la_jaula_cada_llamada_distinta_se_construye_una_vez(tmp_path):
    """Several cases asking about the same call cost one build and one description; other arguments,
    another build; an error is given again to each case that asks."""
    from autograder.alumno import AlumnoAislado
    from autograder.errores import ErrorDelAlumno
    from autograder.kit import kit_de_tarea
    from autograder.motor import configuracion_para

    tarea = cargar_tarea("07_keras_mnist")
    configuracion = configuracion_para(tarea, None, (), kit_de_tarea(tarea), True)
    with AlumnoAislado([{"indice": 0, "codigo": CODIGO + "\ndef roto():\n    raise ValueError('mal')\n"}],
                       configuracion) as alumno:
        alumno.ejecutar_cuaderno()
        llamadas = []
        original = alumno._llamar
        alumno._llamar = lambda nombre, *resto: llamadas.append(nombre) or original(nombre, *resto)
        primera = alumno.modelo_construido("construir_variante", 5, 3, "sgd")
        primera["capas"].clear()  # a case that changes its copy does not change the next one's
        segunda = alumno.modelo_construido("construir_variante", 5, 3, "sgd")
        otra = alumno.modelo_construido("construir_variante", 4, 1, "sgd")
        errores = []
        for _ in range(2):
            with pytest.raises(ErrorDelAlumno) as error:
                alumno.modelo_construido("roto")
            errores.append(str(error.value))
    assert llamadas == ["construir_variante", "construir_variante", "roto"]
    assert [c["unidades"] for c in segunda["capas"]] == [5, 5, 5, 3]
    assert [c["unidades"] for c in otra["capas"]] == [4, 3]
    assert errores[0] == errores[1] and "mal" in errores[0]


def test_en_la_jaula_el_modelo_entregado_se_describe_una_vez(tmp_path):
    """The cases of a task ask several times for the description of modelo.keras: it is loaded once;
    a request with `x` always predicts, and its description serves the later requests."""
    import shutil

    import numpy as np

    from autograder.alumno import AlumnoAislado
    from autograder.kit import RAIZ, kit_de_tarea
    from autograder.motor import configuracion_para

    shutil.copy(RAIZ / "solutions" / "modelos" / "07_keras_mnist" / "modelo.keras", tmp_path / "modelo.keras")
    tarea = cargar_tarea("07_keras_mnist")
    configuracion = configuracion_para(tarea, tmp_path, (), kit_de_tarea(tarea), True)
    with AlumnoAislado([], configuracion, directorio_entrega=tmp_path) as alumno:
        evaluados = []
        original = alumno._evaluar
        alumno._evaluar = lambda datos, nombre, x: evaluados.append(x is not None) or original(datos, nombre, x)
        primera = alumno.modelo_guardado()
        primera["capas"].clear()  # each case gets its own copy
        segunda = alumno.modelo_guardado()
        con_x = alumno.modelo_guardado(x=np.zeros((3, 784), dtype="float32"))
        tercera = alumno.modelo_guardado()
    assert evaluados == [False, True]
    assert segunda["parametros"] == tercera["parametros"] == con_x["parametros"] == 203_530
    assert len(segunda["capas"]) == len(tercera["capas"]) > 0 and segunda["predicciones"] is None
    assert con_x["predicciones"].shape == (3, 10)
