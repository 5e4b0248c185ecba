"""¿Responde la línea de órdenes con errores de una línea en español y el JSON prometido?"""
import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import RAIZ

CUADERNO_01 = RAIZ / "assignments" / "01_perceptron" / "01_perceptron.ipynb"
CUADERNO_03 = RAIZ / "assignments" / "03_softmax_entropia" / "03_softmax_entropia.ipynb"
SIN_JAULA = {"CURSO_DL_BWRAP": "/no/existe/bwrap"}  # as on a machine without bubblewrap


def ejecutar(*argumentos, entorno=None):
    return subprocess.run([sys.executable, "-m", "autograder", *map(str, argumentos)], cwd=RAIZ,
                          capture_output=True, text=True, timeout=120, env={**os.environ, **(entorno or {})})


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
    assert set(datos) == {"tarea", "puntaje", "puntaje_max", "pruebas", "aislado"}
    assert datos["tarea"] == "03_softmax_entropia" and datos["puntaje"] == datos["puntaje_max"] == 26
    assert datos["aislado"] is True
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


def test_la_tarea_la_eligen_el_nombre_o_tarea_y_nunca_los_metadatos(tmp_path):
    """A solved 01 saved as 03_softmax_entropia.ipynb is graded as 03; its metadata only earns a warning."""
    disfrazado = tmp_path / "03_softmax_entropia.ipynb"
    shutil.copy(CUADERNO_01, disfrazado)
    proceso = ejecutar("calificar", disfrazado, "--json")
    assert proceso.returncode == 0, proceso.stderr
    datos = json.loads(proceso.stdout)
    assert datos["tarea"] == "03_softmax_entropia" and datos["puntaje"] == 0 and datos["puntaje_max"] == 26
    assert "aviso:" in proceso.stderr and "'01_perceptron'" in proceso.stderr
    elegido = ejecutar("calificar", disfrazado, "--tarea", "01_perceptron", "--json")
    datos = json.loads(elegido.stdout)
    assert datos["tarea"] == "01_perceptron" and datos["puntaje"] == datos["puntaje_max"] == 23
    assert "aviso" not in elegido.stderr


def test_sin_jaula_calificar_se_niega_con_una_linea_y_comprobar_funciona():
    proceso = ejecutar("calificar", CUADERNO_03, entorno=SIN_JAULA)
    assert proceso.returncode == 2 and proceso.stdout == ""
    lineas = proceso.stderr.strip().splitlines()
    assert len(lineas) == 1 and "No se puede calificar sin aislamiento" in lineas[0], proceso.stderr
    assert "--sin-aislamiento" in lineas[0]
    assert ejecutar("comprobar", CUADERNO_03, "--json", entorno=SIN_JAULA).returncode == 0


def test_sin_aislamiento_califica_y_lo_dice():
    proceso = ejecutar("calificar", CUADERNO_03, "--sin-aislamiento", "--json", entorno=SIN_JAULA)
    assert proceso.returncode == 0, proceso.stderr
    datos = json.loads(proceso.stdout)
    assert datos["aislado"] is False and datos["puntaje"] == 26
    assert "SIN AISLAMIENTO" in proceso.stderr
    texto = ejecutar("calificar", CUADERNO_03, "--sin-aislamiento", entorno=SIN_JAULA)
    assert "Calificación SIN AISLAMIENTO de la tarea 03_softmax_entropia" in texto.stdout
    assert "Atención: se califica SIN AISLAMIENTO" in texto.stdout
