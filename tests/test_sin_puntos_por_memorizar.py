"""¿Memorizar los ejemplos públicos da 0 puntos? En las 13 tareas los puntos salen, al calificar, de los ocultos.

A "memorizing student" is built generically for each exercise whose function the cases call
(the NumPy tasks, the Keras preprocessing functions and the quiz):

1. a recording student delegates every call of the public cases to the reference solution and
   remembers (function, arguments) → result;
2. the memorizing student returns the remembered result when called with exactly a remembered
   input, and garbage otherwise: zeros with the structure and shape of the right answer
   (``ceros``, the stronger cheat: only the values are wrong) or the first remembered result
   (``primero``).

It passes every public case, and grading all cases must give it 0 points in the exercise. The
quiz has nothing to memorise: a student who writes well-formed but wrong letters keeps only the
format block's points. Keras model exercises (``construir_modelo``, ``modelo_entrenado``) are
graded on a model, not on calls, and are not covered here.
"""
from __future__ import annotations

import inspect

import copy
import importlib

import numpy as np
import pytest

from autograder.alumno import AlumnoLocal
from autograder.calificadores import cargar_tarea, tareas_disponibles
from autograder.casos import Caso, caso, puntos_al_calificar
from autograder.motor import ejecutar_casos
from autograder.resultados import ResultadoCaso, texto_caso, texto_ejercicio
from autograder.trabajador import FuncionDePrueba

TAREAS = {tarea_id: cargar_tarea(tarea_id) for tarea_id in tareas_disponibles()}
CUESTIONARIO = "13_autoevaluacion"
DE_MODELO = {"construir_modelo", "modelo_entrenado", "construir_modelo_regularizado"}  # graded on a Keras model
# Keras builders called with hidden arguments (alumno.modelo_construido(nombre, *args)): what the student could
# memorize is a model for the public arguments; tests/test_keras_mnist.py and tests/test_keras_regresion.py show
# that hard-coding the public example's arguments earns nothing.
CON_ARGUMENTOS = {"construir_variante", "construir_regresor_lineal", "construir_red_regresion"}
TRAMPOSOS = ("tramposo", "tramposa", "copion")


def _ejercicios_de_llamadas():
    return [pytest.param(tarea_id, ejercicio, id=f"{tarea_id}-{ejercicio}")
            for tarea_id, tarea in TAREAS.items() if tarea_id != CUESTIONARIO
            for ejercicio in tarea.ejercicios if ejercicio not in DE_MODELO | CON_ARGUMENTOS]


def _huella(valor):
    """A hashable fingerprint of plain data: equal inputs, equal fingerprints (NaN included)."""
    if isinstance(valor, np.ndarray):
        return ("nd", valor.dtype.str, valor.shape, valor.tobytes())
    if isinstance(valor, np.generic):
        return ("np", valor.dtype.str, valor.tobytes())
    if isinstance(valor, (list, tuple)):
        return (type(valor).__name__, tuple(_huella(v) for v in valor))
    if isinstance(valor, dict):
        return ("dict", tuple(sorted((k, _huella(v)) for k, v in valor.items())))
    if isinstance(valor, FuncionDePrueba):
        return ("funcion", valor.nombre, _huella(valor.parametros))
    return (type(valor).__name__, repr(valor))


def _ceros(valor):
    """The same structure, shapes and types with every number set to zero."""
    if isinstance(valor, np.ndarray):
        return np.zeros_like(valor)
    if isinstance(valor, (bool, np.bool_)):
        return type(valor)(False)
    if isinstance(valor, (int, float, np.number)):
        return type(valor)(0)
    if isinstance(valor, (list, tuple)):
        return type(valor)(_ceros(v) for v in valor)
    if isinstance(valor, dict):
        return {k: _ceros(v) for k, v in valor.items()}
    return valor


def _funciones(modulo) -> dict:
    return {nombre: f for nombre, f in vars(modulo).items() if callable(f) and not nombre.startswith("_")}


class Grabadora(AlumnoLocal):
    """Answers with the reference solution and records every successful call."""

    def __init__(self, referencia):
        super().__init__(_funciones(referencia))
        self.registro: dict = {}
        self.primeros: dict = {}

    def _llamar(self, nombre, args, kwargs):
        respuesta = super()._llamar(nombre, args, kwargs)
        if respuesta.get("ok"):
            self.registro[_huella((nombre, args, kwargs))] = respuesta["valor"]
            self.primeros.setdefault(nombre, respuesta["valor"])
        return respuesta


class Memorizadora(AlumnoLocal):
    """Returns the recorded result for a recorded input, and garbage for any other input."""

    def __init__(self, grabadora: Grabadora, referencia, estrategia: str):
        super().__init__({})
        self.grabadora, self.estrategia = grabadora, estrategia
        self.referencia = AlumnoLocal(_funciones(referencia))
        self.memorizadas = 0

    def _llamar(self, nombre, args, kwargs):
        clave = _huella((nombre, args, kwargs))
        if clave in self.grabadora.registro:
            valor, self.memorizadas = self.grabadora.registro[clave], self.memorizadas + 1
        elif self.estrategia == "primero" and nombre in self.grabadora.primeros:
            valor = self.grabadora.primeros[nombre]
        else:
            correcta = self.referencia._llamar(nombre, args, kwargs)
            if not correcta.get("ok"):
                return correcta
            valor = _ceros(correcta["valor"])
        self.espacio = {nombre: lambda *a, **k: copy.deepcopy(valor)}
        return super()._llamar(nombre, args, kwargs)


@pytest.fixture(scope="module")
def grabaciones():
    """{(task, exercise): (recording student, reference module)}, filled on demand."""
    return {}


def _grabar(grabaciones, tarea, ejercicio):
    if (tarea.id, ejercicio) not in grabaciones:
        referencia = importlib.import_module(tarea.referencia)
        grabadora = Grabadora(referencia)
        publicos = ejecutar_casos(tarea, grabadora, "publico", solo_publicas=True, ejercicios=(ejercicio,))
        assert all(r.aprobada for r in publicos), [r.mensaje for r in publicos if not r.aprobada]
        assert grabadora.registro, f"{ejercicio}: los casos públicos no llamaron a ninguna función"
        grabaciones[tarea.id, ejercicio] = (grabadora, referencia)
    return grabaciones[tarea.id, ejercicio]


@pytest.mark.parametrize("estrategia", ["ceros", "primero"])
@pytest.mark.parametrize("tarea_id, ejercicio", _ejercicios_de_llamadas())
def test_memorizar_los_ejemplos_publicos_no_da_puntos(grabaciones, tarea_id, ejercicio, estrategia):
    tarea = TAREAS[tarea_id]
    grabadora, referencia = _grabar(grabaciones, tarea, ejercicio)
    for alumno_id in TRAMPOSOS:
        tramposo = Memorizadora(grabadora, referencia, estrategia)
        resultados = ejecutar_casos(tarea, tramposo, alumno_id, ejercicios=(ejercicio,))
        publicos = [r for r in resultados if not r.oculta]
        assert publicos and all(r.aprobada for r in publicos), [r.mensaje for r in publicos if not r.aprobada]
        assert tramposo.memorizadas > 0
        ganados = {r.id: r.puntaje for r in resultados if r.puntaje}
        assert ganados == {}, (alumno_id, ganados)
        assert sum(r.puntaje_max for r in resultados) == pytest.approx(tarea.puntos(ejercicio))


def _letra_incorrecta(pregunta) -> str:
    return next(letra for letra in "abcd" if letra != pregunta.correcta)


@pytest.mark.parametrize("bloque", TAREAS[CUESTIONARIO].ejercicios)
def test_en_el_cuestionario_el_formato_sin_acertar_solo_da_los_puntos_del_formato(bloque):
    tarea = TAREAS[CUESTIONARIO]
    clave = importlib.import_module(tarea.referencia)
    letras = {p.variable: _letra_incorrecta(p) for p in clave.preguntas_del_bloque(bloque)}
    resultados = ejecutar_casos(tarea, AlumnoLocal(letras), "tramposo", ejercicios=(bloque,))
    formato = [c for c in tarea.casos(bloque) if c.formato]
    assert len(formato) == 1 and not formato[0].oculta
    assert sum(r.puntaje for r in resultados) == formato[0].puntos
    assert all(r.aprobada == (not r.oculta) for r in resultados)


# -- two cheats named in issue 8 ------------------------------------------------------------------

def test_el_softmax_de_la_diapositiva_sin_el_comportamiento_no_da_puntos():
    """[4, 8, 3] → [0.018, 0.975, 0.007] copiado de la diapositiva, basura para lo demás."""
    def softmax(Z):
        Z = np.asarray(Z, dtype=float)
        if Z.shape == (3,) and np.array_equal(Z, [4.0, 8.0, 3.0]):
            return np.array([0.018, 0.975, 0.007])
        return np.full(Z.shape, 1.0 / Z.shape[-1])

    tarea = TAREAS["03_softmax_entropia"]
    for alumno_id in TRAMPOSOS:
        resultados = ejecutar_casos(tarea, AlumnoLocal({"softmax": softmax}), alumno_id, ejercicios=("softmax",))
        assert resultados[0].aprobada and resultados[0].id == "softmax/ejemplo_diapositivas"
        assert sum(r.puntaje for r in resultados) == 0, [r.id for r in resultados if r.puntaje]


def test_red_xor_como_tabla_de_las_cuatro_filas_binarias_no_da_puntos():
    """Una tabla de consulta de las cuatro filas binarias acierta toda fila binaria, pero no es la red."""
    tabla = {(0.0, 0.0): 0.0, (0.0, 1.0): 1.0, (1.0, 0.0): 1.0, (1.0, 1.0): 0.0}

    def red_xor(X):
        return np.array([tabla.get(tuple(float(v) for v in fila), 0.0) for fila in np.asarray(X, dtype=float)])

    tarea = TAREAS["01_perceptron"]
    for alumno_id in TRAMPOSOS:
        resultados = ejecutar_casos(tarea, AlumnoLocal({"red_xor": red_xor}), alumno_id, ejercicios=("red_xor",))
        assert all(r.aprobada for r in resultados if not r.oculta)
        assert sum(r.puntaje for r in resultados) == 0, [r.id for r in resultados if r.puntaje]


# -- the rule itself --------------------------------------------------------------------------------

@pytest.mark.parametrize("tarea_id, ejercicio", [
    pytest.param(t, e, id=f"{t}-{e}") for t, tarea in TAREAS.items() for e in tarea.ejercicios if e not in DE_MODELO])
def test_cada_ejercicio_tiene_un_caso_oculto_que_reparte_sus_puntos(tarea_id, ejercicio):
    """Sin un caso oculto, los puntos de un ejercicio solo podrían salir de ejemplos que el alumno ve."""
    casos = TAREAS[tarea_id].casos(ejercicio)
    assert any(c.oculta for c in casos), f"{ejercicio} no tiene casos ocultos"
    assert all(c.formato == (tarea_id == CUESTIONARIO and not c.oculta) for c in casos)


@pytest.mark.parametrize("tarea_id, ejercicio", [
    pytest.param(t, e, id=f"{t}-{e}") for t, tarea in TAREAS.items() for e in tarea.ejercicios if e in DE_MODELO])
def test_los_ejercicios_de_modelo_no_tienen_ejemplos_que_memorizar(tarea_id, ejercicio):
    """Exempt by design: a Keras model exercise takes no input from the student's kit to reproduce.

    Its cases inspect the model itself (`construir_modelo()`'s structure, or the submitted
    `modelo.keras` on held-out data, with a parameter cap that rules out storing that data:
    tests/test_memorizar_keras.py). So they keep their declared points, and none of them may
    call a student function with arguments (that would be an example to memorise).
    """
    casos = TAREAS[tarea_id].casos(ejercicio)
    assert casos and not any(c.oculta for c in casos)
    for c in casos:
        codigo = inspect.getsource(c.funcion)
        assert "alumno.llamar(" not in codigo and "alumno.valor(" not in codigo, c.nombre


def _caso(puntos, oculta=False, formato=False, nombre="x") -> Caso:
    return Caso(nombre, lambda alumno: None, float(puntos), oculta, "correcto.", "", formato)


def test_al_calificar_los_publicos_valen_cero_y_los_ocultos_reparten_el_total():
    casos = [_caso(1), _caso(1), _caso(1, oculta=True), _caso(1, oculta=True), _caso(1, oculta=True)]
    puntos = puntos_al_calificar(casos)
    assert puntos[:2] == [0.0, 0.0] and puntos[2:] == pytest.approx([5 / 3] * 3)
    assert sum(puntos) == 5
    desiguales = puntos_al_calificar([_caso(2), _caso(2, oculta=True), _caso(1, oculta=True), _caso(1, oculta=True)])
    assert desiguales == pytest.approx([0, 3, 1.5, 1.5]) and sum(desiguales) == 6


def test_el_bloque_de_formato_conserva_sus_puntos():
    puntos = puntos_al_calificar([_caso(0.5, formato=True)] + [_caso(1, oculta=True) for _ in range(4)])
    assert puntos == [0.5, 1.0, 1.0, 1.0, 1.0]
    with pytest.raises(ValueError):
        caso(puntos=1, oculta=True, formato=True)


def test_los_totales_de_ejercicio_no_cambian_al_calificar():
    for tarea in TAREAS.values():
        for ejercicio in tarea.ejercicios:
            puntos = puntos_al_calificar(tarea.casos(ejercicio))
            assert round(sum(puntos), 9) == tarea.puntos(ejercicio), (tarea.id, ejercicio)


def test_la_autocomprobacion_muestra_los_puntos_declarados():
    tarea = TAREAS["03_softmax_entropia"]
    referencia = importlib.import_module(tarea.referencia)
    resultados = ejecutar_casos(tarea, AlumnoLocal(_funciones(referencia)), "publico", solo_publicas=True,
                                ejercicios=("softmax",))
    assert [(r.puntaje, r.puntaje_max) for r in resultados] == [(1, 1), (1, 1)]
    assert "Puntaje de este ejercicio: 2 de 2." in texto_ejercicio(resultados)
    assert "casos ocultos" not in texto_ejercicio(resultados)


def test_los_puntos_de_cada_caso_se_leen_bien_y_el_total_es_exacto():
    oculto = ResultadoCaso("softmax/valores", "softmax", 5 / 3, 5 / 3, True, "correcto.", True)
    publico = ResultadoCaso("softmax/ejemplo", "softmax", 0.0, 0.0, True, "correcto.", False)
    assert texto_caso(oculto) == "✔ softmax/valores [1.67/1.67]: correcto."
    assert "[comprobación pública: sin puntos al calificar]" in texto_caso(publico)
    texto = texto_ejercicio([publico, oculto, oculto, oculto])
    assert texto.endswith("Puntaje de este ejercicio: 5 de 5.") and "salen de los casos ocultos" in texto
