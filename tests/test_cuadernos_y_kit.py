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


# -- the notebooks and their plain-text sources (fuentes_cuadernos/, herramientas/construir_cuadernos.py) --------

@pytest.mark.parametrize("tarea_id", TAREAS)
def test_el_cuaderno_es_el_que_genera_su_fuente(tarea_id):
    """assignments/<tarea>/<tarea>.ipynb is, byte for byte, what fuentes_cuadernos/<tarea>.py builds (stable ids)."""
    from herramientas.construir_cuadernos import ruta_cuaderno, ruta_fuente, texto_del_cuaderno

    assert ruta_fuente(tarea_id).exists(), f"falta la fuente {ruta_fuente(tarea_id).relative_to(RAIZ)}"
    assert ruta_cuaderno(tarea_id).read_text(encoding="utf-8") == texto_del_cuaderno(tarea_id), \
        f"regenera el cuaderno: python -m herramientas.construir_cuadernos {tarea_id}"


@pytest.mark.parametrize("tarea_id", TAREAS)
def test_la_fuente_esta_en_la_forma_que_guarda_jupytext(tarea_id):
    """Opening the source in JupyterLab (jupytext) and saving it changes nothing."""
    import jupytext

    from herramientas.construir_cuadernos import ruta_fuente

    texto = ruta_fuente(tarea_id).read_text(encoding="utf-8")
    assert jupytext.writes(jupytext.reads(texto, fmt="py:percent"), fmt="py:percent") == texto


@pytest.mark.parametrize("tarea_id", TAREAS)
def test_los_puntos_se_escriben_solo_con_su_marcador(tarea_id):
    """No heading of a source writes its points by hand: ``({puntos:e} puntos)``, so they always match the case files."""
    from herramientas.construir_cuadernos import ruta_fuente

    a_mano = [linea for linea in ruta_fuente(tarea_id).read_text(encoding="utf-8").splitlines()
              if re.search(r"\d\s*puntos\)", linea)]
    assert a_mano == [], "usa {puntos:<ejercicio>} en lugar de un número"


FUENTE_MINIMA = """# %% [markdown]
# ## 1. Softmax ({puntos:softmax} puntos), de {puntos} en total

# %% solucion="softmax"

# %% prueba="softmax"
comprobar("softmax", softmax)

# %% libre=true
print(softmax(np.array([4.0, 8.0, 3.0])))

# %% omitir_al_calificar=true
import matplotlib.pyplot as plt
"""


def _construir(texto):
    from herramientas.construir_cuadernos import construir

    return construir("03_softmax_entropia", texto)


def test_directivas_de_una_fuente():
    from solutions import softmax_entropia

    tarea = cargar_tarea("03_softmax_entropia")
    texto, solucion, prueba, libre, omitida = _construir(FUENTE_MINIMA).cells
    total = sum(tarea.puntos(e) for e in tarea.ejercicios)
    puntos = sum(c.puntos for c in tarea.casos("softmax"))
    assert texto.source == f"## 1. Softmax ({puntos:g} puntos), de {total:g} en total"
    assert solucion.source == inspect.getsource(softmax_entropia.softmax).rstrip("\n")
    assert metadatos_nbgrader(solucion) == {"grade": False, "solution": True, "locked": False,
                                            "grade_id": "softmax", "schema_version": 3}
    assert prueba.source.endswith('\ncomprobar("softmax", softmax)')
    assert metadatos_nbgrader(prueba)["points"] == puntos and prueba.id == "pruebas_softmax"
    assert libre.metadata == {} and libre.id == "libre_01"
    assert omitida.metadata["curso_dl"] == {"omitir_al_calificar": True} and omitida.id == "codigo_02"
    assert texto.id == "texto_01"


@pytest.mark.parametrize("cambio, esperado", [
    (('solucion="softmax"', 'solution="softmax"'), "directiva desconocida «solution»"),
    (('solucion="softmax"', 'solucion="softmaz"'), "«solucion» pide la función «softmaz»"),
    (('prueba="softmax"', 'prueba="softmaz"'), "«prueba» pide el ejercicio «softmaz»"),
    (("{puntos:softmax}", "{puntos:softmaz}"), "«softmaz» no es un ejercicio"),
    (("{puntos}", "{valor:NO_EXISTE}"), "no hay ninguna constante «NO_EXISTE»"),
    (('# %% libre=true\nprint(softmax(np.array([4.0, 8.0, 3.0])))', '# %% generar="preguntas"'),
     "«generar» pide la función «preguntas»"),
    (('# %% libre=true', '# %% generar="preguntas"'), "la celda «generar» de «preguntas» debe estar vacía"),
    (('# %% libre=true\nprint(softmax(np.array([4.0, 8.0, 3.0])))', '# %% generar="keras_comun.no_existe"'),
     "«generar» pide la función «no_existe», que no está en fuentes_cuadernos/ganchos/keras_comun.py"),
    (('# %% libre=true\nprint(softmax(np.array([4.0, 8.0, 3.0])))', '# %% generar="no_existe.preparacion"'),
     "«generar» pide la función «preparacion», que no está en fuentes_cuadernos/ganchos/no_existe.py"),
])
def test_una_directiva_mal_escrita_da_un_error_claro(cambio, esperado):
    """The error is in Spanish and names the source file, the cell and its line."""
    from herramientas.construir_cuadernos import ErrorDeFuente

    with pytest.raises(ErrorDeFuente) as error:
        _construir(FUENTE_MINIMA.replace(*cambio))
    mensaje = str(error.value)
    assert esperado in mensaje
    assert mensaje.startswith("fuentes_cuadernos/03_softmax_entropia.py, celda ")
    assert re.search(r"celda \d+ \(línea \d+\)", mensaje)


def test_un_gancho_comun_sirve_a_cualquier_tarea():
    """``generar="keras_comun.<función>"``: the shared hook's cells, with the task's id and its ``{valor:...}``."""
    texto = FUENTE_MINIMA.replace('# %% libre=true\nprint(softmax(np.array([4.0, 8.0, 3.0])))',
                                  '# %% generar="keras_comun.preparacion"')
    preparacion = _construir(texto).cells[3]
    assert preparacion.source.startswith("import os\n") and preparacion.id == "codigo_02"
    assert preparacion.source.endswith('\ncomprobar = Comprobaciones("03_softmax_entropia")')


def test_el_error_senala_la_celda_y_la_linea():
    from herramientas.construir_cuadernos import ErrorDeFuente

    with pytest.raises(ErrorDeFuente, match=r"celda 3 \(línea 6\): directiva desconocida «pruebas»"):
        _construir(FUENTE_MINIMA.replace('prueba="softmax"', 'pruebas="softmax"'))


def test_construir_no_tiene_efectos_al_importar(tmp_path, monkeypatch):
    """Importing the builder (or a task's hooks) writes nothing; only ``escribir`` does."""
    import importlib

    import herramientas.construir_cuadernos as constructor

    antes = {t: constructor.ruta_cuaderno(t).stat().st_mtime_ns for t in TAREAS}
    importlib.reload(constructor)
    for tarea_id in TAREAS:
        constructor.ganchos(tarea_id)
    assert antes == {t: constructor.ruta_cuaderno(t).stat().st_mtime_ns for t in TAREAS}
