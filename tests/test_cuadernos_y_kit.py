"""¿Son los cuadernos fuente, las soluciones de referencia y el kit público coherentes entre sí?"""
import ast
import importlib
import inspect
import re

import pytest

from autograder.calificadores import cargar_tarea, tareas_disponibles
from autograder.cuaderno import metadatos_nbgrader
from autograder.kit import escribir_kit, version_publica
from conftest import RAIZ, cuaderno_fuente

TAREAS = tareas_disponibles()


def _variables_asignadas(fuente: str) -> dict:
    """Las variables `respuesta_NN` que deja definidas una celda (ejecutada en un espacio vacío)."""
    espacio: dict = {}
    exec(compile(fuente, "<celda>", "exec"), espacio)
    return {k: v for k, v in espacio.items() if re.fullmatch(r"respuesta_\d+", k)}


def _sin_solucion(fuente: str) -> str:
    """La celda sin su región de solución (lo que recibe el alumno, sin el esbozo que lanza)."""
    return re.sub(r"### BEGIN SOLUTION.*?### END SOLUTION\n?", "", fuente, flags=re.S)


@pytest.mark.parametrize("tarea_id", TAREAS)
def test_cada_celda_de_solucion_es_la_referencia(tarea_id):
    """Funciones: cada celda es el código de su función de referencia.
    Cuestionario (la referencia tiene CLAVE): cada celda de respuestas asigna exactamente la clave de su
    bloque, sin la región de solución deja todas sus respuestas en None, y entre todas cubren la clave."""
    tarea = cargar_tarea(tarea_id)
    referencia = importlib.import_module(tarea.referencia)
    soluciones = {metadatos_nbgrader(c)["grade_id"]: c.source for c in cuaderno_fuente(tarea_id).cells
                  if metadatos_nbgrader(c).get("solution")}
    assert soluciones, "el cuaderno no tiene celdas de solución"
    respondidas = {}
    for nombre, fuente in soluciones.items():
        if hasattr(referencia, "CLAVE"):
            asignadas = _variables_asignadas(fuente)
            esperadas = {p.variable: p.correcta for p in referencia.preguntas_del_bloque(nombre)}
            assert asignadas == esperadas, nombre
            assert _variables_asignadas(_sin_solucion(fuente)) == dict.fromkeys(esperadas), nombre
            assert fuente.rstrip() == referencia.celda_de_respuestas(nombre).rstrip(), nombre
            respondidas.update(asignadas)
        else:
            assert fuente.rstrip() == inspect.getsource(getattr(referencia, nombre)).rstrip(), nombre
    if hasattr(referencia, "CLAVE"):
        assert respondidas == referencia.CLAVE


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
    assert re.search(r"respuesta_\d+\W{1,8}[abcd]\b", codigo) is None, "el kit contiene respuestas de un cuestionario"


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


CONSTRUCTORES = sorted((RAIZ / "herramientas").glob("construir_*.py"))


@pytest.mark.parametrize("constructor", CONSTRUCTORES, ids=lambda p: p.stem.removeprefix("construir_"))
def test_el_cuaderno_esta_al_dia_con_su_constructor(constructor, monkeypatch):
    """assignments/<tarea>.ipynb is exactly what herramientas/construir_<tarea>.py writes (cell ids are stable)."""
    import runpy

    import nbformat

    from herramientas.cuadernos import Cuaderno

    construidos = []
    monkeypatch.setattr(Cuaderno, "guardar", lambda self: construidos.append((self.ruta(), self.notebook())))
    runpy.run_path(str(constructor), run_name="__main__")
    (ruta, nuevo), = construidos
    guardado = nbformat.read(ruta, as_version=4)
    assert [(c.id, c.cell_type, c.source, c.metadata) for c in guardado.cells] == \
           [(c.id, c.cell_type, c.source, c.metadata) for c in nuevo.cells], \
        f"regenera el cuaderno: python {constructor.relative_to(RAIZ)}"
    assert guardado.metadata == nuevo.metadata
