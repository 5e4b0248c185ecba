"""¿La referencia sustituye a una dependencia solo cuando el alumno no la aprobó entera?

A dependency (``Tarea.dependencias``) whose own exercise the student passed in every case, public
and hidden, graded earlier in the same run, stays the student's: no round trip to the trusted side.
One that failed any case, or that is graded later, is still the reference, so a broken function
costs only its own points.

Round trips are counted on the trusted side, where each request runs the reference
(``alumno._atender_dependencia``), so the count does not depend on anything the worker says.
"""
from collections import Counter
from dataclasses import dataclass

import pytest

from autograder import alumno as modulo_alumno
from autograder.aislamiento import ConfiguracionAislamiento, LimitesAislamiento
from autograder.alumno import AlumnoAislado
from autograder.calificadores import cargar_tarea
from autograder.casos import caso, recolectar
from autograder.motor import Referencias, ejecutar_casos
from autograder.tareas import Tarea
from autograder.verificar import exigir_cercano
from conftest import calificar, con_celda, cuaderno_fuente

TAREA_ID = "02_descenso_gradiente"
TAREA = cargar_tarea(TAREA_ID)
ROTA = "def {0}(*args, **kwargs):\n    raise NotImplementedError()\n"


@pytest.fixture
def peticiones(monkeypatch):
    """Counter {dependency: reference calls served} for everything graded in the test."""
    contadas = Counter()
    original = modulo_alumno._atender_dependencia

    def contar(dependencias, peticion):
        contadas[peticion.get("dependencia")] += 1
        return original(dependencias, peticion)

    monkeypatch.setattr(modulo_alumno, "_atender_dependencia", contar)
    return contadas


@pytest.fixture(scope="module")
def fuente():
    return cuaderno_fuente(TAREA_ID)


def _perdidos(resultado) -> set:
    return {e for e in TAREA.ejercicios if any(not c.aprobada for c in resultado.del_ejercicio(e))}


# -- 02_descenso_gradiente, graded for real --------------------------------------------------------

def test_la_referencia_no_pide_ninguna_dependencia(fuente, peticiones):
    resultado = calificar(fuente, TAREA_ID)
    assert resultado.puntaje == resultado.puntaje_max
    assert sum(peticiones.values()) == 0, dict(peticiones)


def test_con_gradientes_lineal_roto_solo_se_pide_ese_y_el_descenso_conserva_sus_puntos(fuente, peticiones):
    resultado = calificar(con_celda(fuente, "gradientes_lineal", ROTA.format("gradientes_lineal")), TAREA_ID)
    assert _perdidos(resultado) == {"gradientes_lineal"}
    assert resultado.puntaje_ejercicio("gradientes_lineal") == 0
    assert resultado.puntaje == resultado.puntaje_max - 4
    assert set(peticiones) == {"gradientes_lineal"} and peticiones["gradientes_lineal"] > 0


def test_una_dependencia_rota_de_otra_dependencia_se_sigue_inyectando(fuente, peticiones):
    """`predecir_lineal` roto: `gradientes_lineal` (del alumno, aprobado) la usa dentro del descenso con la referencia."""
    resultado = calificar(con_celda(fuente, "predecir_lineal", ROTA.format("predecir_lineal")), TAREA_ID)
    assert _perdidos(resultado) == {"predecir_lineal"}
    assert resultado.puntaje == resultado.puntaje_max - 3
    assert set(peticiones) == {"predecir_lineal"}


def test_una_funcion_aprobada_que_falla_dentro_de_otra_da_un_mensaje_en_espanol(fuente, peticiones):
    """`predecir_lineal` pasa sus casos pero lanza dentro de `descenso_gradiente`: solo el descenso pierde, con mensaje."""
    trampa = ("import numpy as np\nimport inspect\n"
              "def predecir_lineal(X, W, b):\n"
              "    if any(m.function == 'descenso_gradiente' for m in inspect.stack(0)):\n"
              "        raise ValueError('solo falla dentro del descenso')\n"
              "    return X @ W + b\n")
    resultado = calificar(con_celda(fuente, "predecir_lineal", trampa), TAREA_ID)
    assert _perdidos(resultado) == {"descenso_gradiente"}
    fallidos = [c.mensaje for c in resultado.del_ejercicio("descenso_gradiente") if not c.aprobada]
    assert fallidos and all("solo falla dentro del descenso" in m and "lanzó un error" in m for m in fallidos), fallidos
    assert sum(peticiones.values()) == 0


def test_la_autocomprobacion_ejecuta_el_codigo_del_alumno_tal_cual(fuente, peticiones):
    resultado = calificar(con_celda(fuente, "gradientes_lineal", ROTA.format("gradientes_lineal")), TAREA_ID,
                          solo_publicas=True)
    assert "descenso_gradiente" in _perdidos(resultado)  # without the reference, the broken function breaks its caller
    assert sum(peticiones.values()) == 0


# -- a small task of its own: order of exercises and hangs ---------------------------------------

@dataclass(frozen=True)
class TareaDePrueba(Tarea):
    """Cases given per exercise as module-like classes, instead of a grader package."""

    modulos: tuple = ()

    def casos(self, ejercicio):
        return recolectar(dict(self.modulos)[ejercicio])


class CasosG:
    @caso(puntos=1, oculta=True)
    def test_doble(alumno):
        exigir_cercano(alumno.llamar("g", 3.0), 6.0, "g(3)")


class CasosF:
    @caso(puntos=1, oculta=True)
    def test_doble_mas_uno(alumno):
        exigir_cercano(alumno.llamar("f", 3.0), 7.0, "f(3)")


def _g_de_referencia(x):
    return 2 * x


def _calificar_fg(codigo: str, ejercicios: tuple, peticiones: Counter) -> tuple:
    tarea = TareaDePrueba(id="00_prueba", paquete="", ejercicios=ejercicios,
                          modulos=(("g", CasosG), ("f", CasosF)))
    referencias = Referencias({"f": {"g": _g_de_referencia}})
    configuracion = ConfiguracionAislamiento(limites=LimitesAislamiento(segundos_llamada=1.0),
                                             precargar=("numpy",))
    celdas = [{"indice": 0, "codigo": codigo}]
    with AlumnoAislado(celdas, configuracion, referencias.inyecciones()) as alumno:
        alumno.ejecutar_cuaderno()
        resultados = ejecutar_casos(tarea, alumno, "alumno", al_terminar=referencias.al_terminar_para(alumno))
    return {r.ejercicio: r for r in resultados}, dict(peticiones)


F_USA_G = "def f(x):\n    return g(x) + 1\n"


def test_una_dependencia_calificada_despues_se_sigue_inyectando(peticiones):
    """`g` se califica después de `f`: aunque luego falle, `f` se califica con la `g` de referencia."""
    resultados, pedidas = _calificar_fg(F_USA_G + "def g(x):\n    return 3 * x\n", ("f", "g"), peticiones)
    assert resultados["f"].aprobada and not resultados["g"].aprobada
    assert pedidas == {"g": 1}


def test_una_dependencia_aprobada_antes_no_se_pide(peticiones):
    resultados, pedidas = _calificar_fg(F_USA_G + "def g(x):\n    return 2 * x\n", ("g", "f"), peticiones)
    assert resultados["f"].aprobada and resultados["g"].aprobada
    assert pedidas == {}


def test_una_dependencia_aprobada_que_se_cuelga_dentro_de_otra_solo_cuesta_ese_caso(peticiones):
    codigo = ("dentro_de_f = False\n"
              "def f(x):\n    global dentro_de_f\n    dentro_de_f = True\n    return g(x) + 1\n"
              "def g(x):\n    while dentro_de_f:\n        pass\n    return 2 * x\n")
    resultados, pedidas = _calificar_fg(codigo, ("g", "f"), peticiones)
    assert resultados["g"].aprobada and not resultados["f"].aprobada
    assert "`f` tardó más de 1 s" in resultados["f"].mensaje
    assert pedidas == {}


# -- which references, as a plan -------------------------------------------------------------------

def _aprobado():
    return [type("R", (), {"aprobada": True})()]


def test_el_plan_sigue_las_dependencias_de_las_dependencias_aprobadas():
    """`c` usa `b` y `b` usa `a`: con `b` aprobada y `a` no, `c` recibe la `a` de referencia."""
    ra, rb = object(), object()
    referencias = Referencias({"b": {"a": ra}, "c": {"b": rb}})
    assert referencias.inyecciones() == {"b": {"a": ra}, "c": {"b": rb}}
    assert referencias.aprobar("b", _aprobado())
    assert not referencias.aprobar("a", [])  # an exercise without cases proves nothing
    assert referencias.inyecciones() == {"b": {"a": ra}, "c": {"a": ra}}
    assert referencias.aprobar("a", _aprobado())
    assert referencias.inyecciones() == {"b": {}, "c": {}}


def test_el_plan_no_se_pierde_en_un_ciclo():
    ra, rb = object(), object()
    referencias = Referencias({"a": {"b": rb}, "b": {"a": ra}})
    referencias.aprobar("a", _aprobado())
    referencias.aprobar("b", _aprobado())
    assert referencias.inyecciones() == {"a": {}, "b": {}}
