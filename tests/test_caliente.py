"""Trabajadores calientes (issue 10): bifurcados de un servidor precargado, en la jaula, con la misma nota.

The hostile corpus (tests/test_hostil.py) runs on this path by default; these tests pin what is
specific to it: the server holds none of the grader's secrets, siblings cannot reach one
another, the grade equals the cold path's, and a broken server falls back to a fresh worker.
"""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from autograder import caliente
from autograder.aislamiento import ConfiguracionAislamiento, ProcesoAislado
from autograder.calificadores import cargar_tarea
from autograder.errores import ErrorAislamiento
from autograder.kit import kit_de_tarea
from autograder.motor import calificar_cuaderno
from conftest import RAIZ, cuaderno_fuente

pytestmark = pytest.mark.skipif(not caliente.disponible(), reason="esta máquina no puede usar trabajadores calientes")


@pytest.fixture
def calentado():
    with caliente.calentado():
        yield caliente.servidor()


def _proceso(tarea_id: str = "03_softmax_entropia") -> ProcesoAislado:
    return ProcesoAislado(ConfiguracionAislamiento(kit=kit_de_tarea(cargar_tarea(tarea_id))))


def _ejecutar(proceso: ProcesoAislado, codigo: str) -> str:
    celdas = proceso.iniciar([{"indice": 0, "codigo": codigo}])
    return celdas[0]["salida"] + (celdas[0]["error"] or "")


def _casos(resultado) -> dict:
    return {c.id: (c.aprobada, c.puntaje, c.mensaje) for c in resultado.casos}


def test_el_trabajador_se_bifurca_del_servidor_y_se_encierra_con_landlock(calentado):
    with _proceso() as proceso:
        salida = _ejecutar(proceso, "import os\nprint(os.getcwd())\n"
                                    "try:\n    os.listdir('/trabajo')\nexcept PermissionError:\n    print('sin /trabajo')\n"
                                    "try:\n    os.fork()\nexcept PermissionError:\n    print('sin fork')")
        assert proceso.modo == "caliente"
    assert salida.startswith("/trabajo/t") and "sin /trabajo" in salida and "sin fork" in salida


def test_activado_para_unas_tareas_el_servidor_solo_monta_sus_kits():
    """The CLI grades one notebook (``activar(tareas={...})``): its server writes and mounts only that kit;
    a task outside the list is still graded, by a fresh jailed worker."""
    caliente.desactivar()  # whatever an earlier test left active
    assert caliente.activar(tareas={"03_softmax_entropia"})
    try:
        with _proceso("03_softmax_entropia") as proceso:
            assert "ok" in _ejecutar(proceso, "print('ok')")
            assert proceso.modo == "caliente"
        assert set(caliente.servidor()._kits.values()) == {"03_softmax_entropia"}
        with _proceso("01_perceptron") as proceso:
            assert "ok" in _ejecutar(proceso, "print('ok')")
            assert proceso.modo != "caliente"
    finally:
        caliente.desactivar()
    assert caliente.activar()  # activated again without a list: every kit
    try:
        with _proceso("01_perceptron") as proceso:
            _ejecutar(proceso, "print('ok')")
            assert proceso.modo == "caliente"
        assert len(set(caliente.servidor()._kits.values())) > 10
    finally:
        caliente.desactivar()


def test_el_servidor_no_hereda_secretos_del_entorno_del_calificador(calentado, monkeypatch):
    monkeypatch.setenv("SECRETO_DEL_PROFESOR", "clave-que-no-debe-verse")
    with _proceso() as proceso:
        salida = _ejecutar(proceso, "import os\nprint(open('/proc/self/environ', 'rb').read())\nprint(dict(os.environ))")
    servidores = subprocess.run(["pgrep", "-f", f"^{sys.executable} -I /trabajador/cigoto.py"],  # not bwrap itself
                                capture_output=True, text=True).stdout.split()
    assert servidores
    for pid in servidores:
        assert b"clave-que-no-debe-verse" not in open(f"/proc/{pid}/environ", "rb").read()
    assert "clave-que-no-debe-verse" not in salida


def test_dos_hermanos_no_se_ven_ni_se_senalan(calentado):
    with _proceso() as victima, _proceso() as atacante:
        _ejecutar(victima, "open('secreto.txt', 'w').write('de la víctima')\ndef saludo():\n    print('sigo viva')")
        salida = _ejecutar(atacante, """
import os, signal
leidos = []
for n in range(0, 64):
    try:
        leidos.append(open(f'/trabajo/t{n}/secreto.txt').read())
    except OSError:
        pass
matados = 0
for pid in range(1, 4096):
    if pid != os.getpid():
        try:
            os.kill(pid, signal.SIGKILL)
            matados += 1
        except OSError:
            pass
print('leídos', leidos, 'matados', matados)
""")
        assert "leídos [] matados 0" in salida
        assert victima.vivo and _ejecutar_otra(victima) == "sigo viva\n"


def _ejecutar_otra(proceso: ProcesoAislado) -> str:
    respuesta = proceso.pedir({"orden": "llamar", "funcion": "saludo"}, 10)
    return respuesta["salida"]


@pytest.mark.parametrize("tarea_id, modelos", [("03_softmax_entropia", False), ("09_cnn_mnist", True)])
def test_la_nota_en_caliente_es_la_misma_que_en_frio(tarea_id, modelos, monkeypatch):
    tarea, nb = cargar_tarea(tarea_id), cuaderno_fuente(tarea_id)
    entrega = RAIZ / "solutions" / "modelos" / tarea_id if modelos else None
    with caliente.calentado():
        en_caliente = calificar_cuaderno(nb, tarea, "ana", entrega)
    caliente.desactivar()
    monkeypatch.setenv("CURSO_DL_CALIENTE", "0")
    en_frio = calificar_cuaderno(nb, tarea, "ana", entrega)
    assert _casos(en_caliente) == _casos(en_frio)
    assert en_caliente.puntaje == en_frio.puntaje == en_frio.puntaje_max


def test_si_el_servidor_muere_se_califica_en_frio(calentado):
    tarea, nb = cargar_tarea("01_perceptron"), cuaderno_fuente("01_perceptron")
    with _proceso("01_perceptron") as proceso:
        _ejecutar(proceso, "pass")
        assert proceso.modo == "caliente"
    calentado._proceso.kill()  # bwrap: the server inside dies with it (--die-with-parent)
    resultado = calificar_cuaderno(nb, tarea, "ana")
    assert resultado.puntaje == resultado.puntaje_max
    with _proceso("01_perceptron") as proceso:
        _ejecutar(proceso, "pass")
        assert proceso.modo == "bwrap"


@pytest.mark.parametrize("cuando", ["al_bifurcar", "al_pedir"])
def test_si_el_servidor_muere_a_media_calificacion_no_cuenta_contra_el_alumno(calentado, monkeypatch, cuando):
    """The server dies after forking this submission's worker (the CI saw it under load: the worker vanished
    and the grade was 0 with «terminó de forma inesperada»): the submission is graded again, cold. Killed
    right after the fork (the worker may be gone before it joins its cgroup) or before its first request."""
    tarea, nb = cargar_tarea("01_perceptron"), cuaderno_fuente("01_perceptron")
    bifurcar, pedir = caliente.ServidorCaliente.bifurcar, ProcesoAislado.pedir
    muertos = []

    def matar(servidor):
        if not muertos:
            muertos.append(servidor)
            servidor._proceso.kill()  # bwrap: the server inside dies with it, and then its workers

    def bifurcar_y_morir(servidor, *args, **kwargs):
        bifurcado = bifurcar(servidor, *args, **kwargs)
        if bifurcado is not None:
            matar(servidor)
        return bifurcado

    def morir_y_pedir(proceso, *args, **kwargs):
        if proceso.modo == "caliente":
            matar(proceso._servidor)
            proceso.proceso.wait()
        return pedir(proceso, *args, **kwargs)

    if cuando == "al_bifurcar":
        monkeypatch.setattr(caliente.ServidorCaliente, "bifurcar", bifurcar_y_morir)
    else:
        monkeypatch.setattr(ProcesoAislado, "pedir", morir_y_pedir)
    resultado = calificar_cuaderno(nb, tarea, "ana")
    assert muertos
    assert resultado.puntaje == resultado.puntaje_max, [c.mensaje for c in resultado.casos if not c.aprobada][:3]
    assert caliente.servidor().motivo_fallo == "el servidor caliente murió"


def test_un_trabajador_que_muere_con_el_servidor_vivo_es_cosa_del_alumno(calentado):
    with _proceso("01_perceptron") as proceso:
        with pytest.raises(ErrorAislamiento, match="terminó de forma inesperada"):
            _ejecutar(proceso, "import os\nos._exit(3)")
        assert proceso.modo == "caliente"
    assert caliente.servidor().motivo_fallo is None


def test_curso_dl_caliente_0_lo_desactiva_en_todos_los_caminos(monkeypatch):
    """The variable is read where activation happens, so the batch (lote) and Dask honour it too."""
    caliente.desactivar()
    monkeypatch.setenv("CURSO_DL_CALIENTE", "0")
    assert caliente.activar() is False
    with caliente.calentado():
        assert caliente.servidor() is None


def test_curso_dl_caliente_0_vale_tambien_con_los_calientes_ya_activados(calentado, monkeypatch):
    monkeypatch.setenv("CURSO_DL_CALIENTE", "0")
    with _proceso() as proceso:
        _ejecutar(proceso, "pass")
        assert proceso.modo == "bwrap"


def test_los_trabajadores_del_lote_se_reparten_los_nucleos(calentado):
    """``hilos_de_calculo(N)`` (the batch's N workers): each worker's TensorFlow gets núcleos // N threads."""
    from autograder.aislamiento import VARIABLE_HILOS, hilos_de_calculo

    codigo = "import os\nprint(os.environ.get('TF_NUM_INTRAOP_THREADS'), os.environ.get('TF_ENABLE_ONEDNN_OPTS'))"
    esperado = str(max(1, (os.cpu_count() or 1) // 2))
    with hilos_de_calculo(2):
        with _proceso() as proceso:
            dentro = _ejecutar(proceso, codigo)
    assert VARIABLE_HILOS not in os.environ  # restored afterwards
    with _proceso() as proceso:
        fuera = _ejecutar(proceso, codigo)
    assert dentro.split() == [esperado, "1"]
    assert fuera.split() == ["None", "1"]  # a single grade keeps TensorFlow's default (one thread per core)
