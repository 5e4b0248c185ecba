"""¿Califica el motor la tarea 02_descenso_gradiente como debe: referencia, en blanco, funciones rotas, pistas?

Every submission goes through the real grading path (``conftest.calificar`` →
``autograder.motor.calificar_cuaderno``). Known mistakes are grouped: each variant notebook
carries at most one mistake per exercise, which is possible because each exercise is graded
with the reference versions of the functions it calls. So the sandbox starts about 17 times.
"""
import functools

import numpy as np
import pytest

from autograder.calificadores import cargar_tarea
from conftest import (calificar, comprobar_en_blanco, comprobar_que_los_ocultos_no_revelan,
                      comprobar_referencia_completa, comprobar_rotas, comprobar_variante, con_celda, en_blanco,
                      fuente_modificada)
from herramientas.simulados import perfiles_de
from solutions import descenso_gradiente as referencia

TAREA_ID = "02_descenso_gradiente"
TAREA = cargar_tarea(TAREA_ID)
PUNTOS = {"normalizar_minmax": 4, "normalizar_zscore": 4, "predecir_lineal": 3, "error_cuadratico_medio": 3,
          "gradientes_lineal": 4, "descenso_gradiente": 6}
TOTAL = sum(PUNTOS.values())
# Target for `python -m autograder calificar` on the course machine (2 CPUs), checked in CPU time,
# which other jobs sharing the machine do not inflate (as in tests/test_perceptron.py).
SEGUNDOS_OBJETIVO = 5.0
# Fixtures fuente, calificacion_referencia, resultado_referencia and resultados_variantes: tests/conftest.py
# (from TAREA_ID and VARIANTES).
_fuente_modificada = functools.partial(fuente_modificada, referencia)


# -- reference, blank, broken ----------------------------------------------------

def test_la_referencia_obtiene_todos_los_puntos(resultado_referencia):
    """¿El cuaderno fuente saca 24/24 con los puntos por ejercicio anunciados y sin errores en sus celdas?"""
    comprobar_referencia_completa(resultado_referencia, TAREA, PUNTOS, TOTAL)


def test_calificar_cuesta_menos_que_el_objetivo(calificacion_referencia):
    """¿Calificar la referencia (proceso aislado incluido) gasta menos de 5 s de CPU?"""
    assert calificacion_referencia[1] < SEGUNDOS_OBJETIVO


def test_el_cuaderno_en_blanco_obtiene_cero(fuente):
    comprobar_en_blanco(fuente, TAREA_ID)


@pytest.mark.parametrize("ejercicio", TAREA.ejercicios)
def test_romper_una_funcion_solo_cuesta_sus_puntos(fuente, ejercicio):
    comprobar_rotas(fuente, TAREA_ID, TAREA, PUNTOS, (ejercicio,))


# -- known mistakes: (exercise, wrong source, hint expected in its messages) -----

MINMAX_DIVIDE_POR_CERO = _fuente_modificada("normalizar_minmax", ("(X - minimo) / rango_sin_ceros", "(X - minimo) / rango"))
MINMAX_GLOBAL = _fuente_modificada("normalizar_minmax", ("np.min(X, axis=0)", "np.min(X)"), ("np.max(X, axis=0)", "np.max(X)"))
MINMAX_POR_FILAS = _fuente_modificada("normalizar_minmax", ("axis=0)", "axis=1, keepdims=True)"))

ZSCORE_MUESTRAL = _fuente_modificada("normalizar_zscore", ("np.std(X, axis=0)", "np.std(X, axis=0, ddof=1)"))
ZSCORE_VARIANZA = _fuente_modificada("normalizar_zscore", ("np.std(X, axis=0)", "np.var(X, axis=0)"))
ZSCORE_GLOBAL = "def normalizar_zscore(X):\n    X = np.asarray(X, dtype=float)\n    return (X - X.mean()) / X.std()\n"
ZSCORE_DIVIDE_POR_CERO = ("def normalizar_zscore(X):\n    X = np.asarray(X, dtype=float)\n"
                          "    return (X - X.mean(axis=0)) / X.std(axis=0)\n")

PREDECIR_SIN_SESGO = _fuente_modificada("predecir_lineal", ("Y_pred = X @ W + b", "Y_pred = X @ W"))

ECM_SUMA = _fuente_modificada("error_cuadratico_medio", ("np.mean(", "np.sum("))
ECM_MEDIA_DE_FILAS = _fuente_modificada("error_cuadratico_medio",
                                        ("np.mean((Y - Y_pred) ** 2)", "np.mean(np.sum((Y - Y_pred) ** 2, axis=1))"))
ECM_POR_COLUMNAS = _fuente_modificada("error_cuadratico_medio",
                                      ("float(np.mean((Y - Y_pred) ** 2))", "np.mean((Y - Y_pred) ** 2, axis=0)"))
ECM_RAIZ = _fuente_modificada("error_cuadratico_medio", ("np.mean((Y - Y_pred) ** 2)", "np.sqrt(np.mean((Y - Y_pred) ** 2))"))
ECM_ABSOLUTO = _fuente_modificada("error_cuadratico_medio", ("np.mean((Y - Y_pred) ** 2)", "np.mean(np.abs(Y - Y_pred))"))

GRADIENTE_SIGNO = _fuente_modificada("gradientes_lineal", ("predecir_lineal(X, W, b) - Y", "Y - predecir_lineal(X, W, b)"))
GRADIENTE_SIN_DOS = _fuente_modificada("gradientes_lineal", ("2.0 / residuos.size", "1.0 / residuos.size"))
GRADIENTE_ENTRE_N = _fuente_modificada("gradientes_lineal", ("2.0 / residuos.size", "2.0 / X.shape[0]"))
GRADIENTE_DB_POR_FILAS = _fuente_modificada("gradientes_lineal", ("np.sum(residuos, axis=0)", "np.sum(residuos, axis=1)"))
GRADIENTE_DB_TOTAL = _fuente_modificada("gradientes_lineal", ("np.sum(residuos, axis=0)", "np.sum(residuos)"))

DESCENSO_SUBE = _fuente_modificada("descenso_gradiente", ("W - tasa * dW", "W + tasa * dW"), ("b - tasa * db", "b + tasa * db"))
DESCENSO_HISTORIAL_POR_LOTE = _fuente_modificada(
    "descenso_gradiente", ("            b = b - tasa * db\n        historial.append(",
                           "            b = b - tasa * db\n            historial.append("))
DESCENSO_HISTORIAL_CON_INICIAL = _fuente_modificada(
    "descenso_gradiente", ("    rng = np.random.default_rng(semilla)\n",
                           "    rng = np.random.default_rng(semilla)\n"
                           "    historial.append(error_cuadratico_medio(Y, predecir_lineal(X, W, b)))\n"))
DESCENSO_HISTORIAL_ANTES = _fuente_modificada(
    "descenso_gradiente",
    ("        historial.append(error_cuadratico_medio(Y, predecir_lineal(X, W, b)))\n", ""),
    ("        orden = rng.permutation(n)\n",
     "        orden = rng.permutation(n)\n        historial.append(error_cuadratico_medio(Y, predecir_lineal(X, W, b)))\n"))
DESCENSO_PIERDE_ULTIMO_LOTE = _fuente_modificada("descenso_gradiente", ("range(0, n, tam_lote)", "range(0, n - tam_lote + 1, tam_lote)"))
DESCENSO_TASA_FIJA = _fuente_modificada("descenso_gradiente", ("W - tasa * dW", "W - 0.001 * dW"), ("b - tasa * db", "b - 0.001 * db"))
DESCENSO_LENTO = _fuente_modificada(
    "descenso_gradiente", ("    ### END SOLUTION", "    if epocas >= 150:\n        import time\n        time.sleep(5.5)\n"
                                                   "    ### END SOLUTION"))

# Each variant: {exercise: (wrong source, hint, points it must lose)}; the other exercises stay correct.
# When grading, the points come from the hidden cases only (``casos.puntos_al_calificar``): in
# descenso_gradiente the hidden cases declare 2 + 1 + 1 of its 6 points, so each is worth 1.5 times that.
VARIANTES = {
    "division_por_cero_muestral_sin_sesgo_suma_signo_sube": {
        "normalizar_minmax": (MINMAX_DIVIDE_POR_CERO, "max - min vale 0 y dividir por 0 da nan", 2),
        "normalizar_zscore": (ZSCORE_MUESTRAL, "desviación típica muestral (ddof=1", None),
        "predecir_lineal": (PREDECIR_SIN_SESGO, "falta sumar el sesgo", 3),
        "error_cuadratico_medio": (ECM_SUMA, "sumaste los cuadrados", 3),
        "gradientes_lineal": (GRADIENTE_SIGNO, "el signo está invertido", 4),
        "descenso_gradiente": (DESCENSO_SUBE, "el descenso diverge", 6),
    },
    "global_varianza_media_de_filas_sin_dos_historial_por_lote": {
        "normalizar_minmax": (MINMAX_GLOBAL, "usaste el mínimo y el máximo de toda la matriz", None),
        "normalizar_zscore": (ZSCORE_VARIANZA, "dividiste por la varianza", None),
        "error_cuadratico_medio": (ECM_MEDIA_DE_FILAS, "sumaste sobre las salidas y promediaste", None),
        "gradientes_lineal": (GRADIENTE_SIN_DOS, "falta el factor 2", 4),
        "descenso_gradiente": (DESCENSO_HISTORIAL_POR_LOTE, "Guardaste un ECM por lote", 4.5),
    },
    "por_filas_global_por_columnas_entre_n_historial_con_inicial": {
        "normalizar_minmax": (MINMAX_POR_FILAS, "normalizaste por filas", None),
        "normalizar_zscore": (ZSCORE_GLOBAL, "usaste la media y la desviación de toda la matriz", None),
        "error_cuadratico_medio": (ECM_POR_COLUMNAS, "promediaste solo a lo largo de un eje", 3),
        "gradientes_lineal": (GRADIENTE_ENTRE_N, "dividiste entre n", None),
        "descenso_gradiente": (DESCENSO_HISTORIAL_CON_INICIAL, "Añade exactamente un ECM al final de cada época", 6),
    },
    "desviacion_cero_raiz_db_por_filas_historial_antes": {
        "normalizar_zscore": (ZSCORE_DIVIDE_POR_CERO, "la desviación típica vale 0 y dividir por 0 da nan", None),
        "error_cuadratico_medio": (ECM_RAIZ, "sacaste la raíz cuadrada", 3),
        "gradientes_lineal": (GRADIENTE_DB_POR_FILAS, "Sumaste sobre el eje equivocado", None),
        "descenso_gradiente": (DESCENSO_HISTORIAL_ANTES, "calcúlalo después de recorrer todos los lotes", 6),
    },
    "absoluto_db_total_pierde_ultimo_lote": {
        "error_cuadratico_medio": (ECM_ABSOLUTO, "usaste el valor absoluto", 3),
        "gradientes_lineal": (GRADIENTE_DB_TOTAL, "sumaste todas las entradas", None),
        "descenso_gradiente": (DESCENSO_PIERDE_ULTIMO_LOTE, "W y b siguen en cero", 1.5),
    },
    "tasa_fija": {
        "descenso_gradiente": (DESCENSO_TASA_FIJA, "una por lote (el último lote puede ser más pequeño)", None),
    },
    "lento": {
        "descenso_gradiente": (DESCENSO_LENTO, "sin bucles sobre los ejemplos", 3),
    },
}


@pytest.mark.parametrize("variante", VARIANTES)
def test_cada_error_conocido_recibe_su_pista_y_solo_cuesta_su_ejercicio(resultados_variantes, variante):
    comprobar_variante(resultados_variantes[variante], TAREA, PUNTOS, VARIANTES[variante])


def test_los_mensajes_de_casos_ocultos_no_revelan_valores_esperados(resultados_variantes):
    comprobar_que_los_ocultos_no_revelan(resultados_variantes.values(), 15, ("esperado:", "mínimos cuadrados "))


def test_no_barajar_y_devolver_escalares_de_numpy_no_cuesta_puntos(fuente):
    """Going through the examples in order, and returning np.float64 instead of float, earn every point."""
    sin_barajar = _fuente_modificada("descenso_gradiente", ("orden = rng.permutation(n)", "orden = np.arange(n)"))
    ecm_numpy = _fuente_modificada("error_cuadratico_medio", ("float(np.mean((Y - Y_pred) ** 2))", "np.mean((Y - Y_pred) ** 2)"))
    nb = con_celda(con_celda(fuente, "descenso_gradiente", sin_barajar), "error_cuadratico_medio", ecm_numpy)
    resultado = calificar(nb, TAREA_ID, alumno="sin_barajar")
    assert resultado.puntaje == TOTAL, [c.mensaje for c in resultado.casos if not c.aprobada]


# -- simulated students (herramientas/simulados/descenso_gradiente.py) ------------

@pytest.mark.parametrize("perfil", ["parcial", "roto"])
def test_alumnos_simulados(fuente, perfil):
    nb = perfiles_de(TAREA_ID)[perfil](en_blanco(fuente), fuente)
    resultado = calificar(nb, TAREA_ID)
    if perfil == "parcial":
        assert 0 < resultado.puntaje < TOTAL
        assert resultado.puntaje_ejercicio("descenso_gradiente") == PUNTOS["descenso_gradiente"]
    else:
        assert resultado.puntaje == TOTAL - PUNTOS["predecir_lineal"]


# -- the slides' table as public checks (issue 11, section 3), in-process --------------------------------

def _fallidas(ejercicio: str, funcion) -> dict:
    """{case name: message} of the failed cases of one exercise (hidden included), without a sandbox."""
    from autograder.alumno import AlumnoLocal
    from autograder.motor import ejecutar_casos

    resultados = ejecutar_casos(TAREA, AlumnoLocal({ejercicio: funcion}), "alumno_diapositivas", ejercicios=(ejercicio,))
    return {r.id.split("/")[1]: r.mensaje for r in resultados if not r.aprobada}


def test_la_referencia_reproduce_la_tabla_de_las_diapositivas():
    """W = [[1,4],[2,5],[3,6]], b = [-46,-108] give the slide's P1/P2; the slide's 3106.64 is twice the ECM."""
    from autograder.calificadores.descenso_gradiente.datos import (
        B_DIAPOSITIVAS, E_PROMEDIO_DIAPOSITIVAS, ECM_DIAPOSITIVAS, P_DIAPOSITIVAS, TABLA_X, TABLA_Y, W_DIAPOSITIVAS)

    P = referencia.predecir_lineal(TABLA_X, W_DIAPOSITIVAS, B_DIAPOSITIVAS)
    assert np.allclose(P, P_DIAPOSITIVAS, atol=1e-12)
    E = np.sum((TABLA_Y - P) ** 2, axis=1)
    assert np.round(E, 2).tolist() == [1435.24, 1267.29, 4247.89, 4649.32, 1755.89, 2153.05, 5341.57, 4002.89]
    assert round(E.mean(), 2) == 3106.64 and E.mean() == pytest.approx(E_PROMEDIO_DIAPOSITIVAS)
    assert referencia.error_cuadratico_medio(TABLA_Y, P) == pytest.approx(ECM_DIAPOSITIVAS) == pytest.approx(1553.32, abs=5e-3)
    assert referencia.predecir_lineal(np.array([[3.0, 10.0, 9.0]]), W_DIAPOSITIVAS, B_DIAPOSITIVAS).tolist() == [[4.0, 8.0]]
    for ejercicio in ("predecir_lineal", "error_cuadratico_medio"):
        assert _fallidas(ejercicio, getattr(referencia, ejercicio)) == {}, ejercicio


def _ecm_convencion_diapositiva(Y, Y_pred):
    return float(np.mean(np.sum((np.asarray(Y) - np.asarray(Y_pred)) ** 2, axis=1)))


def _predecir_sin_sesgo(X, W, b):
    return np.asarray(X, dtype=float) @ W



@pytest.mark.parametrize("ejercicio, funcion, pista", [
    ("predecir_lineal", _predecir_sin_sesgo, "falta sumar el sesgo"),
    ("error_cuadratico_medio", _ecm_convencion_diapositiva, "Promedio(E) = 3106.64"),
])
def test_un_error_en_la_tabla_de_las_diapositivas_recibe_su_pista(ejercicio, funcion, pista):
    fallidas = _fallidas(ejercicio, funcion)
    assert "tabla_diapositivas" in fallidas and pista in fallidas["tabla_diapositivas"], fallidas


def test_los_casos_publicos_de_la_tabla_no_cambian_los_puntos_ni_valen_al_calificar():
    from autograder.casos import puntos_al_calificar

    for ejercicio in ("predecir_lineal", "error_cuadratico_medio", "descenso_gradiente"):
        casos = TAREA.casos(ejercicio)
        assert sum(c.puntos for c in casos) == PUNTOS[ejercicio], ejercicio
        assert all(p == 0 or c.oculta for c, p in zip(casos, puntos_al_calificar(casos))), ejercicio
