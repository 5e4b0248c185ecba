"""¿Son los cuadernos fuente, las soluciones de referencia y el kit público coherentes entre sí?"""
import ast
import importlib
import inspect

import pytest

from autograder.calificadores import cargar_tarea, tareas_disponibles
from autograder.cuaderno import metadatos_nbgrader
from autograder.kit import escribir_kit, version_publica
from conftest import cuaderno_fuente

TAREAS = tareas_disponibles()


@pytest.mark.parametrize("tarea_id", TAREAS)
def test_cada_celda_de_solucion_es_la_funcion_de_referencia(tarea_id):
    tarea = cargar_tarea(tarea_id)
    referencia = importlib.import_module(tarea.referencia)
    soluciones = {metadatos_nbgrader(c)["grade_id"]: c.source for c in cuaderno_fuente(tarea_id).cells
                  if metadatos_nbgrader(c).get("solution")}
    assert soluciones, "el cuaderno no tiene celdas de solución"
    for nombre, fuente in soluciones.items():
        assert fuente.rstrip() == inspect.getsource(getattr(referencia, nombre)).rstrip(), nombre


@pytest.mark.parametrize("tarea_id", TAREAS)
def test_los_puntos_del_cuaderno_son_los_de_los_casos(tarea_id):
    tarea = cargar_tarea(tarea_id)
    celdas = {metadatos_nbgrader(c)["grade_id"]: metadatos_nbgrader(c)["points"] for c in cuaderno_fuente(tarea_id).cells
              if metadatos_nbgrader(c).get("grade")}
    assert celdas == {tarea.id_celda(e): tarea.puntos(e) for e in tarea.ejercicios}


@pytest.mark.parametrize("tarea_id", TAREAS)
def test_cada_ejercicio_tiene_casos_publicos_y_ocultos(tarea_id):
    tarea = cargar_tarea(tarea_id)
    for ejercicio in tarea.ejercicios:
        casos = tarea.casos(ejercicio)
        assert any(not c.oculta for c in casos), f"{ejercicio} no tiene casos públicos"
        for caso in casos:
            assert caso.oculta or "referencia" not in caso.parametros, f"{caso.nombre}: un caso público usa la referencia"


@pytest.mark.parametrize("tarea_id", TAREAS)
def test_el_kit_publico_no_lleva_casos_ocultos_ni_soluciones(tarea_id, tmp_path):
    tarea = cargar_tarea(tarea_id)
    escribir_kit(tarea, tmp_path)
    codigo = "\n".join(p.read_text() for p in tmp_path.rglob("*.py"))
    assert "from solutions" not in codigo and "import solutions" not in codigo
    assert "oculta=True" not in codigo
    assert not (tmp_path / "autograder" / "nbgrader_integracion.py").exists()
    for ejercicio in tarea.ejercicios:
        for caso in tarea.casos(ejercicio):
            if caso.oculta:
                assert f"def test_{caso.nombre}(" not in codigo
    assert "BEGIN SOLUTION" not in codigo


def test_version_publica_quita_casos_ocultos_y_conserva_comentarios():
    codigo = '''"""doc."""
from solutions import x  # secreto
from autograder.casos import caso

# comentario que se queda
@caso(puntos=1)
def test_publico(alumno):
    pass


@caso(puntos=2, oculta=True)
def test_oculto(alumno, referencia):
    return referencia.x
'''
    publico = version_publica(codigo)
    assert "test_oculto" not in publico and "solutions" not in publico
    assert "# comentario que se queda" in publico and "test_publico" in publico
    ast.parse(publico)
