"""¿Funciona `python -m autograder comprobar` como lo tiene el alumno: solo la carpeta publicada, sin el repositorio?"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from autograder.calificadores import cargar_tarea
from autograder.kit import escribir_kit

RAIZ = Path(__file__).resolve().parents[1]


def _carpeta_del_alumno(destino: Path, tarea_id: str) -> Path:
    escribir_kit(cargar_tarea(tarea_id), destino)
    shutil.copy(RAIZ / "assignments" / tarea_id / f"{tarea_id}.ipynb", destino)
    return destino / f"{tarea_id}.ipynb"


def _entorno_sin_repositorio() -> dict:
    return {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}


@pytest.mark.parametrize("tarea_id", ["01_perceptron", "03_softmax_entropia", "04_backprop"])
def test_comprobar_en_la_carpeta_publicada(tmp_path, tarea_id):
    cuaderno = _carpeta_del_alumno(tmp_path, tarea_id)
    salida = subprocess.run([sys.executable, "-m", "autograder", "comprobar", cuaderno.name], cwd=tmp_path,
                            env=_entorno_sin_repositorio(), capture_output=True, text=True, timeout=300)
    assert salida.returncode == 0, salida.stderr
    assert "Total" in salida.stdout and "✘" not in salida.stdout, salida.stdout


def test_comprobar_dentro_del_mismo_proceso_como_en_windows(tmp_path):
    """Windows cannot hand pipes to a worker process; the self-check then runs the notebook in-process."""
    cuaderno = _carpeta_del_alumno(tmp_path, "03_softmax_entropia")
    codigo = ("import sys, autograder.motor as motor\n"
              "motor.EN_ESTE_PROCESO = True\n"
              "from autograder.cli import main\n"
              f"sys.exit(main(['comprobar', {cuaderno.name!r}]))\n")
    salida = subprocess.run([sys.executable, "-c", codigo], cwd=tmp_path, env=_entorno_sin_repositorio(),
                            capture_output=True, text=True, timeout=300)
    assert salida.returncode == 0, salida.stderr
    assert "Total" in salida.stdout and "✘" not in salida.stdout, salida.stdout
