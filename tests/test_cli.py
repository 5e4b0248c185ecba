"""¿Responde la línea de órdenes con errores de una línea en español y el JSON prometido?"""
import json
import subprocess
import sys

import pytest

from conftest import RAIZ

CUADERNO_03 = RAIZ / "assignments" / "03_softmax_entropia" / "03_softmax_entropia.ipynb"


def ejecutar(*argumentos):
    return subprocess.run([sys.executable, "-m", "autograder", *map(str, argumentos)], cwd=RAIZ,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("contenido, nombre, fragmento", [
    (None, "no_existe.ipynb", "no existe el archivo"),
    ("hola", "notas.txt", "no es un cuaderno de Jupyter"),
    ('{"cells": [', "roto.ipynb", "JSON mal formado"),
    ('{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}', "otra_tarea.ipynb", "no sé a qué tarea pertenece"),
])
def test_entradas_invalidas_dan_un_error_de_una_linea(tmp_path, contenido, nombre, fragmento):
    ruta = tmp_path / nombre
    if contenido is not None:
        ruta.write_text(contenido)
    proceso = ejecutar("calificar", ruta)
    assert proceso.returncode != 0
    assert proceso.stdout == ""
    lineas = proceso.stderr.strip().splitlines()
    assert len(lineas) == 1 and fragmento in lineas[0], proceso.stderr


def test_tarea_desconocida_con_tarea_explicita(tmp_path):
    proceso = ejecutar("calificar", CUADERNO_03, "--tarea", "99_inexistente")
    assert proceso.returncode == 2 and "tarea desconocida" in proceso.stderr


def test_calificar_json_tiene_el_formato_documentado():
    proceso = ejecutar("calificar", CUADERNO_03, "--alumno", "ana", "--json")
    assert proceso.returncode == 0, proceso.stderr
    datos = json.loads(proceso.stdout)
    assert set(datos) == {"tarea", "puntaje", "puntaje_max", "pruebas"}
    assert datos["tarea"] == "03_softmax_entropia" and datos["puntaje"] == datos["puntaje_max"] == 26
    for prueba in datos["pruebas"]:
        assert set(prueba) == {"id", "puntaje", "puntaje_max", "aprobada", "mensaje"}


def test_comprobar_usa_solo_las_pruebas_publicas():
    proceso = ejecutar("comprobar", CUADERNO_03, "--json")
    datos = json.loads(proceso.stdout)
    ids = {p["id"] for p in datos["pruebas"]}
    assert "softmax/ejemplo_diapositivas" in ids and "softmax/estable_con_logits_grandes" not in ids


def test_la_ayuda_esta_en_espanol():
    assert "aislado" in ejecutar("--help").stdout
    assert "comprobaciones públicas" in ejecutar("comprobar", "--help").stdout
