"""¿Lleva el kit público código que calcule una función calificada? (ver el docstring de ``autograder/kit.py``)

For each task, the cases (public and hidden) are run with the reference solution as the student,
recording every graded call (arguments and reference result): the inputs are the ones the cases
really use. Then, in a separate Python that sees only the built kit (no repository on its path),
every function defined in the kit's grader package and in ``autograder/comprobaciones_*.py`` that
accepts those arguments is called with them; one that returns the reference's result on every
recorded call of a graded function is a working solution shipped to the student.
"""
from __future__ import annotations

import copy
import importlib
import os
import pickle
import subprocess
import sys
import textwrap

import pytest

from autograder.calificadores import cargar_tarea, tareas_disponibles
from autograder.kit import escribir_kit
from autograder.motor import ejecutar_casos

# Leaks found by this test in files outside the fix that added it (reported to their owners), as
# "module.function calcula graded_function". The test fails on any other leak, and also when one of these
# is gone (then remove it from here).
FUGAS_CONOCIDAS: dict = {}  # none left
TAREAS = tareas_disponibles()

BUSCADOR = textwrap.dedent('''
    import copy, importlib, inspect, pickle, signal, sys
    from pathlib import Path

    import numpy as np

    paquete, ruta = sys.argv[1], sys.argv[2]
    llamadas = pickle.loads(Path(ruta).read_bytes())

    def igual(a, b):
        if isinstance(b, dict):
            return isinstance(a, dict) and a.keys() == b.keys() and all(igual(a[k], b[k]) for k in b)
        if isinstance(b, (tuple, list)) and not np.isscalar(b) and any(isinstance(v, (tuple, list, dict, np.ndarray))
                                                                       for v in b):
            return isinstance(a, (tuple, list)) and len(a) == len(b) and all(map(igual, a, b))
        try:
            a_, b_ = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
        except (TypeError, ValueError):
            return type(a) is type(b) and a == b
        return a_.shape == b_.shape and bool(np.allclose(a_, b_, rtol=1e-6, atol=1e-9))

    def lento(*_):
        raise TimeoutError

    signal.signal(signal.SIGALRM, lento)
    nombres = [f"autograder.{p.stem}" for p in Path("autograder").glob("comprobaciones_*.py")]
    nombres += [f"autograder.calificadores.{paquete}.{p.stem}"
                for p in sorted(Path("autograder", "calificadores", paquete).glob("*.py"))]
    candidatas = []
    for nombre in nombres:
        modulo = importlib.import_module(nombre)
        candidatas += [(f"{nombre}.{n}", f) for n, f in vars(modulo).items()
                       if inspect.isfunction(f) and f.__module__ == nombre]
    fugas = []
    for funcion in sorted({c[0] for c in llamadas}):
        suyas = [c for c in llamadas if c[0] == funcion]
        for nombre, candidata in candidatas:
            try:
                firma = inspect.signature(candidata)
                for _, args, kwargs, _ in suyas:
                    firma.bind(*args, **kwargs)
            except (TypeError, ValueError):
                continue  # it takes other arguments
            def reproduce(args, kwargs, esperado):
                signal.alarm(5)
                try:
                    return igual(candidata(*copy.deepcopy(args), **copy.deepcopy(kwargs)), esperado)
                except BaseException:
                    return False
                finally:
                    signal.alarm(0)
            if all(reproduce(a, k, e) for _, a, k, e in suyas):
                fugas.append(f"{nombre.removeprefix('autograder.')} calcula {funcion}")
    print("\\n".join(fugas))
''')


class _Grabador:
    """A student whose functions are the reference's, recording each graded call (args, kwargs, result)."""

    def __init__(self, referencia, ejercicios):
        self.referencia, self.ejercicios, self.llamadas = referencia, set(ejercicios), []

    def llamar(self, nombre, *args, **kwargs):
        entrada = copy.deepcopy((args, kwargs))
        resultado = getattr(self.referencia, nombre)(*args, **kwargs)
        if nombre in self.ejercicios:
            try:  # a function argument (gradiente_numerico's f) does not cross to the other Python
                self.llamadas.append(pickle.loads(pickle.dumps((nombre, *entrada, copy.deepcopy(resultado)))))
            except Exception:  # noqa: BLE001
                pass
        return resultado


def _llamadas_de_los_casos(tarea) -> list:
    referencia = importlib.import_module(tarea.referencia)
    funciones = [e for e in tarea.ejercicios if callable(getattr(referencia, e, None))]
    grabador = _Grabador(referencia, funciones)
    ejecutar_casos(tarea, grabador, "alumno_de_prueba", ejercicios=tuple(funciones))
    return grabador.llamadas


# Tasks whose graded functions take no data input to reproduce: only Keras builders and models (12, 14) or
# answers to a quiz (13). Kept explicit, and checked, so that the search below never silently skips a task.
SIN_ENTRADAS_DE_DATOS = {"12_sobreajuste", "13_autoevaluacion", "14_keras_regresion"}


@pytest.mark.parametrize("tarea_id", sorted(SIN_ENTRADAS_DE_DATOS))
def test_las_tareas_sin_entradas_de_datos_no_graban_llamadas(tarea_id):
    assert _llamadas_de_los_casos(cargar_tarea(tarea_id)) == []


@pytest.mark.parametrize("tarea_id", [t for t in TAREAS if t not in SIN_ENTRADAS_DE_DATOS])
def test_ninguna_funcion_del_kit_calcula_una_funcion_calificada(tarea_id, tmp_path):
    tarea = cargar_tarea(tarea_id)
    llamadas = _llamadas_de_los_casos(tarea)
    assert llamadas, f"{tarea_id}: sus casos no llaman a ninguna función con datos; añádela a SIN_ENTRADAS_DE_DATOS"
    kit = escribir_kit(tarea, tmp_path / "kit")
    ruta = tmp_path / "llamadas.pkl"
    ruta.write_bytes(pickle.dumps(llamadas))
    entorno = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    salida = subprocess.run([sys.executable, "-c", BUSCADOR, tarea.paquete, str(ruta)], cwd=kit, env=entorno,
                            capture_output=True, text=True, timeout=600)
    assert salida.returncode == 0, salida.stderr[-3000:]
    fugas = set(salida.stdout.split("\n")) - {""}
    conocidas = FUGAS_CONOCIDAS.get(tarea_id, set())
    assert not fugas - conocidas, f"el kit de {tarea_id} trae soluciones:\n" + "\n".join(sorted(fugas - conocidas))
    assert not conocidas - fugas, ("ya no se encuentran (quítalas de FUGAS_CONOCIDAS):\n"
                                   + "\n".join(sorted(conocidas - fugas)))


@pytest.mark.parametrize("tarea_id, archivo, texto", [
    ("15_redes_recurrentes", "redes_recurrentes/variantes.py", None),
    ("04_backprop", "backprop/datos.py", "def predecir("),
])
def test_los_ayudantes_que_calculaban_soluciones_ya_no_las_traen(tarea_id, archivo, texto, tmp_path):
    """The two leaks of the first audit: variantes.lstm/rnn (paso_lstm/paso_rnn) and datos.predecir (predecir_red)."""
    escribir_kit(cargar_tarea(tarea_id), tmp_path)
    ruta = tmp_path / "autograder" / "calificadores" / archivo
    assert (not ruta.exists()) if texto is None else texto not in ruta.read_text(encoding="utf-8")


def test_los_literales_publicos_coinciden_con_la_referencia():
    """The expected and known wrong outputs written out in public cases are the reference's."""
    import numpy as np

    from autograder.calificadores.backprop import casos_tanh_desde_sigmoide as tanh
    from autograder.calificadores.clases_desbalanceadas import casos_exactitud_balanceada as eb, casos_f1_macro as f1
    from autograder.calificadores.clases_desbalanceadas.datos import EJEMPLO_Y, EJEMPLO_Y_PRED
    from autograder.calificadores.descenso_gradiente import casos_gradientes_lineal as gl
    from autograder.calificadores.lstm_imdb import casos_preparar_secuencias as ps
    from autograder.calificadores.perceptron import casos_red_xor as xor
    from solutions import backprop, clases_desbalanceadas, descenso_gradiente, lstm_imdb, perceptron

    assert all(np.array_equal(a, b) for (a, _), b in zip(xor.ERRORES_TABLA, perceptron.red_xor_variantes(xor.TABLA)))
    dW, db = descenso_gradiente.gradientes_lineal(gl.X_PUB, gl.Y_PUB, gl.W_PUB, gl.B_PUB)
    assert np.allclose(dW, gl.DW_PUB, atol=1e-15) and np.allclose(db, gl.DB_PUB, atol=1e-15)
    assert np.array_equal(ps.ESPERADO_PUB, lstm_imdb.rellenar_variante(ps.X_PUB))
    for variante, malo in ((("post", "pre"), ps._POST_PRE), (("pre", "post"), ps._PRE_POST),
                           (("post", "post"), ps._POST_POST)):
        assert np.array_equal(malo, lstm_imdb.rellenar_variante(ps.X_PUB, *variante))
    assert eb.ESPERADO_EJEMPLO == clases_desbalanceadas.exactitud_balanceada_sklearn(EJEMPLO_Y, EJEMPLO_Y_PRED)
    assert np.isclose(f1.ESPERADO_EJEMPLO, clases_desbalanceadas.f1_macro_sklearn(EJEMPLO_Y, EJEMPLO_Y_PRED))
    for entrada, malos in (([-1.0, 0.0, 0.5, 2.0], tanh.MALOS_VECTOR), ([[1.0, -0.5], [0.0, 3.0]], tanh.MALOS_MATRIZ)):
        assert np.allclose(malos, backprop.tanh_desde_sigmoide_variantes(np.array(entrada)), atol=1e-15)
