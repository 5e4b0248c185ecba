"""Prueba de humo de `python -m herramientas.medir_lote --rapido` (lenta: fuera del nivel por defecto).

Builds the tiny course (4 students, 3 tasks), measures every row and comparison, and checks
the printed Markdown table, the two ``uptime`` lines and the JSON file: not the times, which
depend on the machine's load.
"""
import json
import os
import subprocess
import sys

import pytest

from autograder import caliente
from conftest import RAIZ
from herramientas.medir_lote import OBJETIVOS, nombres_de_alumnos, perfil_de, trozos

pytestmark = pytest.mark.lento


def test_trozos_y_perfiles_de_la_clase_simulada():
    alumnos = nombres_de_alumnos(40)
    assert [len(t) for t in trozos(alumnos)] == [10, 10, 20]
    assert sum(trozos(alumnos), []) == alumnos
    assert [len(t) for t in trozos(nombres_de_alumnos(4))] == [1, 1, 2]
    assert [perfil_de(a) for a in alumnos[:6]] == ["completo", "en_blanco", "parcial", "tramposo", "roto", "completo"]


def test_medir_lote_rapido(tmp_path):
    salida = tmp_path / "medidas.json"
    proceso = subprocess.run([sys.executable, "-m", "herramientas.medir_lote", "--rapido", "--salida", str(salida)],
                             cwd=RAIZ, capture_output=True, text=True, timeout=1200,
                             env={**os.environ, "PYTHONPATH": f"{RAIZ}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"})
    assert proceso.returncode == 0, proceso.stdout[-3000:] + proceso.stderr[-3000:]
    texto = proceso.stdout
    assert texto.count("\nuptime: ") >= 2 and "load average" in texto
    assert "| qué | objetivo | medido | ¿cumple? |" in texto
    datos = json.loads(salida.read_text())
    assert {f["clave"] for f in datos["filas"]} == set(OBJETIVOS)
    assert all(f["medido"] > 0 and "load average" in f["uptime"] for f in datos["filas"])
    assert {c["clave"] for c in datos["comparaciones"]} == {"hilos", "caliente", "dask"}
    assert datos["detalle"]["dask_identicos"] is True
    assert datos["detalle"]["fallos"] == 0
    assert datos["detalle"]["subconjunto"]["bifurcaciones_calientes"]["frio"] == 0
    if caliente.disponible():
        assert datos["detalle"]["subconjunto"]["bifurcaciones_calientes"]["2"] > 0
    for tarea, ag in datos["detalle"]["autograde"].items():  # every result taken from the cache
        assert ag["en_cache"] == datos["alumnos"], tarea
