"""¿Funciona el ciclo real de nbgrader con la clase simulada, sin filtrar soluciones ni pruebas ocultas?"""
import csv
import re
from html import unescape

import pytest

from autograder.calificadores import cargar_tarea
from herramientas.demo import ALUMNOS, ciclo
from herramientas.simulados import artefactos_para, celda_que_falta, puntos_del_tramposo

# Every NumPy assignment and the quiz, plus 07 and the second edition's Keras tasks (the other Keras graders go
# through the same engine in their own test files: a full 5-student nbgrader cycle per Keras task would not fit in CI).
TAREAS = ["01_perceptron", "02_descenso_gradiente", "03_softmax_entropia", "04_backprop", "07_keras_mnist",
          "13_autoevaluacion", "14_keras_regresion", "15_redes_recurrentes", "16_optimizadores", "17_clases_desbalanceadas"]


@pytest.fixture(scope="module")
def curso(tmp_path_factory):
    directorio = tmp_path_factory.mktemp("curso") / "curso"
    csv_notas = ciclo(directorio, TAREAS, artefactos_para(TAREAS, tmp_path_factory.mktemp("artefactos")))
    with open(csv_notas, newline="") as archivo:
        notas = {(f["assignment"], ALUMNOS[f["student_id"]]): float(f["raw_score"]) for f in csv.DictReader(archivo)}
    return directorio, notas


@pytest.mark.parametrize("tarea_id", TAREAS)
def test_notas_de_la_clase_simulada(curso, tarea_id):
    _, notas = curso
    tarea = cargar_tarea(tarea_id)
    maximo = sum(tarea.puntos(e) for e in tarea.ejercicios)
    assert notas[(tarea_id, "completo")] == maximo
    assert notas[(tarea_id, "en_blanco")] == 0
    assert notas[(tarea_id, "tramposo")] == puntos_del_tramposo(tarea_id)
    assert 0 < notas[(tarea_id, "parcial")] < maximo
    assert notas[(tarea_id, "roto")] == maximo - tarea.puntos(celda_que_falta(tarea_id))


@pytest.mark.parametrize("tarea_id", TAREAS)
def test_lo_publicado_no_contiene_soluciones_ni_casos_ocultos(curso, tarea_id):
    directorio, _ = curso
    tarea = cargar_tarea(tarea_id)
    publicado = directorio / "release" / tarea_id
    cuaderno = (publicado / f"{tarea_id}.ipynb").read_text()
    assert "BEGIN SOLUTION" not in cuaderno and "TU CÓDIGO AQUÍ" in cuaderno
    codigo = "\n".join(p.read_text() for p in publicado.rglob("*.py"))
    assert "import solutions" not in codigo and "from solutions" not in codigo
    for ejercicio in tarea.ejercicios:
        for caso in tarea.casos(ejercicio):
            if caso.oculta:
                assert f"def test_{caso.nombre}(" not in codigo + cuaderno


@pytest.mark.parametrize("tarea_id", TAREAS)
def test_la_retroalimentacion_no_muestra_codigo_ni_valores_ocultos(curso, tarea_id):
    directorio, _ = curso
    tarea = cargar_tarea(tarea_id)
    ocultos = {f"{e}/{c.nombre}" for e in tarea.ejercicios for c in tarea.casos(e) if c.oculta}
    for html in (directorio / "feedback").glob(f"*/{tarea_id}/{tarea_id}.html"):
        texto = unescape(re.sub(r"<[^>]+>", "", html.read_text()))
        assert re.search(r"referencia\.\w", texto) is None, "código de un caso oculto en la retroalimentación"
        assert "HIDDEN TESTS" not in texto
        bloques = re.split(r"\n(?=[✔✘] )", texto)  # one block per case: its line and the lines of its message
        for bloque in bloques:
            if any(bloque.startswith(f"✘ {caso} [") for caso in ocultos):
                assert "esperado:" not in bloque.split("\nPuntaje de este ejercicio")[0], bloque[:300]


def test_el_tramposo_no_pudo_tocar_el_gradebook(curso):
    directorio, _ = curso
    assert not (directorio / "gradebook.db").read_bytes().endswith(b"trampa")
