"""¿El motor se hace cargo de cualquier fallo? Un caso que lanza lo que sea vale 0 con un mensaje en español
y los demás casos se siguen calificando; lo que devuelve el alumno, sea lo que sea, recibe un mensaje concreto.

Everything runs in-process through ``ejecutar_casos`` with ``AlumnoLocal`` (the same round trip
through the encoder as the sandbox), so these tests take seconds.
"""
from dataclasses import dataclass

import numpy as np
import pytest

from autograder.alumno import AlumnoLocal
from autograder.calificadores import cargar_tarea
from autograder.casos import caso, recolectar
from autograder.errores import Fallo
from autograder.motor import ejecutar_caso, ejecutar_casos
from autograder.resultados import texto_ejercicio
from autograder.tareas import Tarea
from autograder.trabajador import ObjetoNoAdmitido
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma, exigir_numero, exigir_tupla
from solutions import softmax_entropia as ref03

TAREA03 = cargar_tarea("03_softmax_entropia")


class ExcepcionQueNoSeDeja(Exception):
    """An exception whose text cannot even be built."""

    def __str__(self):
        raise RuntimeError("no")


EXCEPCIONES = [TypeError("tipos"), ValueError("could not convert string to float: 'abc'"), OverflowError("overflow"),
               MemoryError(), RecursionError("maximum recursion depth exceeded"), IndexError("index 5"),
               KeyError("W1"), ZeroDivisionError("division by zero"), AttributeError("shape"),
               FloatingPointError("invalid"), np.linalg.LinAlgError("Singular matrix"), RuntimeError("x" * 5000),
               NotImplementedError(), StopIteration(), UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid"),
               ExcepcionQueNoSeDeja()]


@dataclass(frozen=True)
class TareaDePrueba(Tarea):
    """A task whose cases are given as a module-like object instead of a grader package."""

    modulo: object = None

    def casos(self, ejercicio):
        return recolectar(self.modulo)


def _tarea_con(excepcion):
    class Modulo:
        @caso(puntos=2, oculta=True)
        def test_lanza(alumno):
            alumno.llamar("f", np.arange(3.0))
            raise excepcion

        @caso(puntos=1, oculta=True, exito="la siguiente se califica.")
        def test_siguiente(alumno):
            exigir_cercano(alumno.llamar("f", np.arange(3.0)), [0.0, 1.0, 2.0], "f([0, 1, 2])")

    return TareaDePrueba(id="00_prueba", paquete="", ejercicios=("f",), modulo=Modulo)


@pytest.mark.parametrize("excepcion", EXCEPCIONES, ids=lambda e: type(e).__name__)
def test_cualquier_excepcion_de_un_caso_vale_cero_con_mensaje_y_el_siguiente_se_califica(excepcion):
    lanza, siguiente = ejecutar_casos(_tarea_con(excepcion), AlumnoLocal({"f": lambda x: x}), "alumno")
    assert (lanza.puntaje, lanza.aprobada) == (0, False)
    assert lanza.mensaje.startswith("No se pudo comparar lo que devolvió `f`")
    assert lanza.mensaje.endswith("(0 puntos en este caso).") and type(excepcion).__name__ in lanza.mensaje
    assert len(lanza.mensaje) < 400
    assert (siguiente.puntaje, siguiente.aprobada, siguiente.mensaje) == (1, True, "la siguiente se califica.")


def test_un_error_antes_de_llamar_al_alumno_se_atribuye_al_calificador():
    @caso(puntos=1)
    def test_roto(alumno):
        {}["clave"]

    resultado = ejecutar_caso(test_roto.caso, TAREA03, "softmax", AlumnoLocal({}), "alumno")
    assert resultado.puntaje == 0
    assert "error del calificador" in resultado.mensaje and "Avisa al profesor" in resultado.mensaje


def test_un_error_al_leer_una_variable_nombra_la_variable():
    @caso(puntos=1)
    def test_variable(alumno):
        alumno.valor("respuesta_01") + 1

    resultado = ejecutar_caso(test_variable.caso, TAREA03, "softmax", AlumnoLocal({"respuesta_01": "a"}), "alumno")
    assert resultado.puntaje == 0 and "No se pudo comparar el valor de `respuesta_01` (TypeError" in resultado.mensaje


# -- 03's softmax returning anything: 0 in each case, a specific message, one_hot still graded -------

DEVOLUCIONES = {
    "texto": (lambda Z: "abc", "un texto (str): 'abc'"),
    "lista_irregular": (lambda Z: [[1, 2], [3]], "una lista de 2 elementos"),
    "none": (lambda Z: None, "None (¿falta un return en tu función?)"),
    "dict": (lambda Z: {"p": 1}, "un dict"),
    "nan": (lambda Z: np.full(np.shape(Z), np.nan), "contiene valores nan o inf"),
    "complejos": (lambda Z: ref03.softmax(Z) + 0j, "números complejos (dtype complex128)"),
    "enorme": (lambda Z: np.zeros(10**7), "la forma es (10000000,)"),
    "objeto": (lambda Z: object(), "un objeto de tipo object, que no se puede comparar"),
    "entero_gigante": (lambda Z: 10**400, "se obtuvo int"),
    "textos_en_array": (lambda Z: np.full(np.shape(Z), "x"), "un objeto de tipo numpy.ndarray"),
}


@pytest.mark.parametrize("nombre", sorted(DEVOLUCIONES))
def test_softmax_que_devuelve_cualquier_cosa_vale_cero_con_mensaje(nombre):
    softmax, fragmento = DEVOLUCIONES[nombre]
    alumno = AlumnoLocal({"softmax": softmax, "one_hot": ref03.one_hot})
    resultados = ejecutar_casos(TAREA03, alumno, "alumno_raro", ejercicios=("softmax", "one_hot"))
    de_softmax = [r for r in resultados if r.ejercicio == "softmax"]
    assert len(de_softmax) == len(TAREA03.casos("softmax"))
    for resultado in de_softmax:
        assert resultado.puntaje == 0 and not resultado.aprobada, resultado
        assert resultado.mensaje.startswith("softmax"), resultado.mensaje  # a specific message, not the generic one
    assert any(fragmento in r.mensaje for r in de_softmax), [r.mensaje for r in de_softmax]
    assert sum(r.puntaje for r in resultados if r.ejercicio == "one_hot") == TAREA03.puntos("one_hot")
    assert "Puntaje de este ejercicio: 0 de 5." in texto_ejercicio(de_softmax)


# -- the checks themselves: a specific Spanish message for each odd value ------------------------------

VALORES_RAROS = [
    ("abc", "un texto (str): 'abc'"),
    ([[1.0, 2.0], [3.0]], "lista irregular"),
    (None, "None (¿falta un return"),
    ({"a": 1.0}, "un dict"),
    (np.array([1j, 2.0, 3.0]), "números complejos"),
    (np.array([1.0, None, 2.0], dtype=object), "dtype object"),
    (["a", "b", "c"], "contiene textos"),
    ([1.0, None, 3.0], "dtype object"),
    (ObjetoNoAdmitido("mi_modulo.Rara", "<Rara>"), "un objeto de tipo mi_modulo.Rara"),
    (10**400, "demasiado grande"),
    (np.zeros(10**7), "la forma es (10000000,) y se esperaba (3,)"),
    (np.array([np.nan, np.inf, 0.0]), "contiene valores nan o inf"),
]


@pytest.mark.parametrize("valor, fragmento", VALORES_RAROS, ids=lambda v: type(v).__name__)
def test_exigir_cercano_explica_lo_que_no_puede_comparar(valor, fragmento):
    with pytest.raises(Fallo, match="^softmax\\(\\[4, 8, 3\\]\\): ") as fallo:
        exigir_cercano(valor, [0.018, 0.975, 0.007], "softmax([4, 8, 3])", atol=1e-3)
    assert fragmento in str(fallo.value)


@pytest.mark.parametrize("valor", [v for v, _ in VALORES_RAROS], ids=lambda v: type(v).__name__)
@pytest.mark.parametrize("comprobar", [
    lambda v: exigir_numero(v, "valor"), lambda v: exigir_array(v, "valor"), lambda v: exigir_tupla(v, 2, "valor"),
    lambda v: exigir_forma(v, (2,), "valor"), lambda v: exigir_cercano(v, 0.5, "valor"),
], ids=["numero", "array", "tupla", "forma", "cercano"])
def test_ninguna_comprobacion_lanza_otra_cosa_que_fallo(valor, comprobar):
    try:
        comprobar(valor)  # some values are fine for some checks (a 10⁷ array is an array)
    except Fallo as fallo:
        assert str(fallo).startswith("valor: ")


def test_un_entero_gigante_como_numero_tiene_su_mensaje():
    with pytest.raises(Fallo, match="demasiado grande"):
        exigir_numero(10**400, "entropia_cruzada(tabla Carrera)")
