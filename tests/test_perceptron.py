"""¿Califica el motor la tarea 01_perceptron como debe: referencia, en blanco, funciones rotas, pistas?

Every submission goes through the real grading path (``conftest.calificar`` →
``autograder.motor.calificar_cuaderno``). Known mistakes are grouped: each variant notebook
carries at most one mistake per exercise, which is possible because each exercise is graded
with the reference versions of the functions it calls. So the sandbox starts a dozen times.
"""
import pytest

from autograder.alumno import AlumnoLocal
from autograder.calificadores import cargar_tarea
from autograder.motor import ejecutar_casos
from conftest import (calificar, comprobar_en_blanco, comprobar_que_los_ocultos_no_revelan,
                      comprobar_referencia_completa, comprobar_rotas, comprobar_variante, en_blanco, fuente_modificada)
from herramientas.simulados import perfiles_de
from solutions import perceptron as referencia

TAREA_ID = "01_perceptron"
TAREA = cargar_tarea(TAREA_ID)
PUNTOS = {"escalon": 4, "salida_perceptron": 5, "entrenar_perceptron": 10, "red_xor": 4}
# Target for `python -m autograder calificar` on the course machine (2 CPUs). Grading is sequential
# (this process, then the sandbox), so on an idle machine wall time ≈ CPU time; the check uses CPU
# time, which other jobs sharing the machine do not inflate.
SEGUNDOS_OBJETIVO = 5.0
# Fixtures fuente, calificacion_referencia, resultado_referencia and resultados_variantes: tests/conftest.py
# (from TAREA_ID and VARIANTES).


def _fuente_modificada(nombre: str, viejo: str, nuevo: str) -> str:
    """The reference function's source with one edit (the edit must apply)."""
    return fuente_modificada(referencia, nombre, (viejo, nuevo))


# -- reference, blank, broken ----------------------------------------------------

def test_la_referencia_obtiene_todos_los_puntos(resultado_referencia):
    """¿El cuaderno fuente saca 23/23 con los puntos por ejercicio anunciados y sin errores en sus celdas?"""
    comprobar_referencia_completa(resultado_referencia, TAREA, PUNTOS, 23)


def test_calificar_cuesta_menos_que_el_objetivo(calificacion_referencia):
    """¿Calificar la referencia (proceso aislado incluido) gasta menos de 5 s de CPU?"""
    assert calificacion_referencia[1] < SEGUNDOS_OBJETIVO


def test_el_cuaderno_en_blanco_obtiene_cero(fuente):
    comprobar_en_blanco(fuente, TAREA_ID)


@pytest.mark.parametrize("ejercicio", TAREA.ejercicios)
def test_romper_una_funcion_solo_cuesta_sus_puntos(fuente, ejercicio):
    comprobar_rotas(fuente, TAREA_ID, TAREA, PUNTOS, (ejercicio,))


# -- known mistakes: (exercise, wrong source, hint expected in its messages) -----

ESCALON_ESTRICTO = _fuente_modificada("escalon", "z >= 0", "z > 0")
ESCALON_BOOLEANO = "def escalon(z):\n    return np.asarray(z) >= 0\n"
ESCALON_INVERTIDO = _fuente_modificada("escalon", "np.where(z >= 0, 1.0, 0.0)", "np.where(z >= 0, 0.0, 1.0)")
ESCALON_ENTERO = "def escalon(z):\n    return np.where(np.asarray(z) >= 0, 1, 0)\n"

SALIDA_SIN_SESGO = _fuente_modificada("salida_perceptron", "escalon(X @ w + b)", "escalon(X @ w)")
SALIDA_SIN_ESCALON = _fuente_modificada("salida_perceptron", "escalon(X @ w + b)", "X @ w + b")
SALIDA_ESTRICTA = _fuente_modificada("salida_perceptron", "escalon(X @ w + b)", "np.where(X @ w + b > 0, 1.0, 0.0)")
SALIDA_COLUMNA = _fuente_modificada("salida_perceptron", "escalon(X @ w + b)", "escalon(X @ w.reshape(-1, 1) + b)")

ENTRENAR_SIGNO = _fuente_modificada("entrenar_perceptron", "diferencia = y[i] - escalon(X[i] @ w + b)",
                                    "diferencia = escalon(X[i] @ w + b) - y[i]")
ENTRENAR_SIN_SESGO = _fuente_modificada("entrenar_perceptron", "                b = b + tasa * diferencia\n", "")
ENTRENAR_SIN_PARADA = _fuente_modificada("entrenar_perceptron", "        if fallos == 0:\n            break\n", "")
ENTRENAR_CUENTA_DESPUES = _fuente_modificada(
    "entrenar_perceptron", "        errores.append(fallos)\n",
    "        fallos = int(np.sum(escalon(X @ w + b) != y))\n        errores.append(fallos)\n")
ENTRENAR_GENERADOR_POR_EPOCA = _fuente_modificada(
    "entrenar_perceptron", "for i in generador.permutation(n):", "for i in np.random.default_rng(semilla).permutation(n):")

XOR_INTERCAMBIADA = _fuente_modificada("red_xor", "np.array([-0.5, -1.5])", "np.array([-1.5, -0.5])")
XOR_SOLO_OR = "def red_xor(X):\n    return escalon(np.asarray(X, dtype=float) @ np.array([1.0, 1.0]) - 0.5)\n"
XOR_ESTRICTA = '''def red_xor(X):
    X = np.asarray(X, dtype=float)
    h1 = (X[:, 0] + X[:, 1] - 0.5 > 0).astype(float)
    h2 = (X[:, 0] + X[:, 1] - 1.5 > 0).astype(float)
    return (h1 - 1.5 * h2 - 0.5 > 0).astype(float)
'''
XOR_LOGICA = "def red_xor(X):\n    X = np.asarray(X)\n    return np.logical_xor(X[:, 0] != 0, X[:, 1] != 0).astype(float)\n"

# Each variant: {exercise: (wrong source, hint, points it must lose)}; the other exercises stay correct.
VARIANTES = {
    "estricto_signo_intercambiada": {
        "escalon": (ESCALON_ESTRICTO, "la condición es z >= 0, no z > 0", None),
        "salida_perceptron": (SALIDA_SIN_SESGO, "olvidaste el sesgo", None),
        "entrenar_perceptron": (ENTRENAR_SIGNO, "el signo de la actualización está invertido", None),
        "red_xor": (XOR_INTERCAMBIADA, "intercambiaste las unidades ocultas", None),
    },
    "booleano_sin_escalon_sin_sesgo_solo_or": {
        "escalon": (ESCALON_BOOLEANO, "dtype bool", 1),
        "salida_perceptron": (SALIDA_SIN_ESCALON, "falta aplicarle escalon", None),
        "entrenar_perceptron": (ENTRENAR_SIN_SESGO, "el sesgo no cambió", None),
        "red_xor": (XOR_SOLO_OR, "devolviste OR", None),
    },
    "invertido_estricta_sin_parada": {
        "escalon": (ESCALON_INVERTIDO, "los valores están invertidos", None),
        "salida_perceptron": (SALIDA_ESTRICTA, "debe dar 1 (z >= 0, no z > 0)", None),
        "entrenar_perceptron": (ENTRENAR_SIN_PARADA, "después de una época con 0 errores hay que parar", None),
        "red_xor": (XOR_ESTRICTA, "usa tu función escalon (z >= 0), no z > 0", None),
    },
    "entero_columna_cuenta_despues_logica": {
        "escalon": (ESCALON_ENTERO, "dtype int64", 1),
        "salida_perceptron": (SALIDA_COLUMNA, "no una columna (n, 1)", None),
        "entrenar_perceptron": (ENTRENAR_CUENTA_DESPUES, "DURANTE la época", None),
        "red_xor": (XOR_LOGICA, "no con operaciones lógicas", None),
    },
    "generador_por_epoca": {
        # only the hidden visiting-order case fails: 1 declared point of the 5 hidden ones, 2 of the 10 when grading
        "entrenar_perceptron": (ENTRENAR_GENERADOR_POR_EPOCA, "np.random.default_rng(semilla) creado al principio", 2),
    },
}


@pytest.mark.parametrize("variante", VARIANTES)
def test_cada_error_conocido_recibe_su_pista_y_solo_cuesta_su_ejercicio(resultados_variantes, variante):
    comprobar_variante(resultados_variantes[variante], TAREA, PUNTOS, VARIANTES[variante])


def test_un_escalon_que_devuelve_booleanos_solo_pierde_el_punto_del_tipo(resultados_variantes):
    """The stated decision: values are graded on any numeric array; one point asks for floats.

    When grading, that point is the hidden float case; the public one only gives the feedback.
    """
    resultado = resultados_variantes["booleano_sin_escalon_sin_sesgo_solo_or"]
    fallidas = [c for c in resultado.del_ejercicio("escalon") if not c.aprobada]
    assert [c.id for c in fallidas] == ["escalon/devuelve_floats", "escalon/devuelve_floats_con_entradas_ocultas"]
    assert [(c.puntaje, c.puntaje_max) for c in fallidas] == [(0, 0), (0, 1)]


def test_los_mensajes_de_casos_ocultos_no_revelan_valores_esperados(resultados_variantes):
    comprobar_que_los_ocultos_no_revelan(resultados_variantes.values(), 10, ("esperado:", "se esperaba ["))


# -- simulated students (herramientas/simulados/perceptron.py) --------------------

@pytest.mark.parametrize("perfil", ["parcial", "roto"])
def test_alumnos_simulados(fuente, perfil):
    nb = perfiles_de(TAREA_ID)[perfil](en_blanco(fuente), fuente)
    resultado = calificar(nb, TAREA_ID)
    if perfil == "parcial":
        assert 0 < resultado.puntaje < 23
        assert resultado.puntaje_ejercicio("salida_perceptron") == PUNTOS["salida_perceptron"]
    else:
        assert resultado.puntaje == 23 - PUNTOS["red_xor"]


# -- hints of hidden cases, in-process (ejecutar_casos + AlumnoLocal) ----------------------------------

def test_ignorar_la_tasa_recibe_su_pista_solo_en_el_caso_de_la_tasa():
    def sin_tasa(X, y, tasa=0.1, max_epocas=100, semilla=0):
        return referencia.entrenar_perceptron(X, y, tasa=0.1, max_epocas=max_epocas, semilla=semilla)

    resultados = ejecutar_casos(TAREA, AlumnoLocal({"entrenar_perceptron": sin_tasa}), "alumno_pistas",
                                ejercicios=("entrenar_perceptron",))
    fallidas = {r.id.split("/")[1]: r.mensaje for r in resultados if not r.aprobada}
    assert "usa el argumento tasa" in fallidas.pop("tasa_escala_los_pesos")
    assert all("usa el argumento tasa" not in m for m in fallidas.values()), fallidas


def test_la_tasa_mal_escalada_sin_ignorarla_no_recibe_la_pista_de_ignorarla():
    def tasa_al_cuadrado(X, y, tasa=0.1, max_epocas=100, semilla=0):
        return referencia.entrenar_perceptron(X, y, tasa=tasa ** 2, max_epocas=max_epocas, semilla=semilla)

    resultados = ejecutar_casos(TAREA, AlumnoLocal({"entrenar_perceptron": tasa_al_cuadrado}), "alumno_pistas",
                                ejercicios=("entrenar_perceptron",))
    (tasa,) = [r for r in resultados if r.id == "entrenar_perceptron/tasa_escala_los_pesos"]
    assert not tasa.aprobada and "multiplicado por" in tasa.mensaje and "usa el argumento tasa" not in tasa.mensaje


def test_en_el_ejemplo_del_evento_llegar_o_sobrepasar_el_umbral_da_lo_mismo():
    """The notebook's "¿voy al evento?" configurations (the slides' W1 = 2 with threshold 3 among them): no sum
    equals its threshold, so the slides' "sobrepasa" (>) and this course's step (1 where z >= 0) agree."""
    import numpy as np

    situaciones = np.array([[x1, x2, x3] for x1 in (0, 1) for x2 in (0, 1) for x3 in (0, 1)], dtype=float)
    from conftest import RAIZ

    fuente = (RAIZ / "fuentes_cuadernos" / "01_perceptron.py").read_text(encoding="utf-8")
    assert '"w=[2,2,2], umbral 3": (np.array([2, 2, 2]), 3)' in fuente and "sobrepasa" in fuente
    for w, umbral in (([6, 2, 2], 3), ([6, 2, 2], 5), ([2, 2, 2], 3)):
        z = situaciones @ np.array(w, dtype=float) - umbral
        assert np.array_equal(referencia.salida_perceptron(situaciones, np.array(w, float), -umbral), (z > 0).astype(float))
