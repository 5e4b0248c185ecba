"""Corpus hostil (issue 8, punto 9): entregas que atacan la calificación, cada una con un resultado concreto.

Each case builds a hostile submission and grades it through the real path: ``calificar_cuaderno``
in the kernel's jail (what ``python -m autograder calificar`` does), a real ``nbgrader autograde``
for the gradebook, and the real evaluator jail for a few crafted models (the pure-format ones go
through ``archivos_entregados`` directly). Each asserts one outcome: 0 points for the target
(with the rest of the notebook graded as usual), no file outside the scratch directory, the
gradebook unchanged (``nbgrader.api.Gradebook``), no hidden text in what the student sees, no
process left behind, or a score produced with no crash and no hang.

Most attacks first switch the worker's audit hook off (``hostiles.APAGAR_GANCHO``), as the
attacker of issue 8 did: the hook is a second layer; the jail is what is tested. The
``control_*`` tests run a few payloads without the jail to show that they do work there, so the
jailed tests can fail. NumPy targets are ``03_softmax_entropia`` (mostly ``gradientes_softmax``,
which no provided cell calls, so an attack inside it only runs when a case calls it),
``01_perceptron`` and ``13_autoevaluacion``; the Keras ones use ``09_cnn_mnist``.
"""
from __future__ import annotations

import dataclasses
import io
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from autograder import archivos_entregados as ae
from autograder import caliente
from autograder.aislamiento import LimitesAislamiento
from autograder.calificadores import cargar_tarea
from autograder.kit import kit_de_tarea
from conftest import cuaderno_fuente, en_blanco
from hostiles import (APAGAR_GANCHO, ESCRIBIR_EN_EL_CANAL, RAIZ, calificar_con_plazo, con_celda_extra, con_celdas,
                      entorno_nbgrader, esperar_sin_procesos, huella, linea_distintiva, marca_unica, procesos_con,
                      procesos_del_uid, uid_impreso)

T03, T01, T13, T09 = "03_softmax_entropia", "01_perceptron", "13_autoevaluacion", "09_cnn_mnist"
# The quiz's last answer cell: an attack placed there is not undone by a later cell resetting answers to None.
ULTIMO_BLOQUE_13 = cargar_tarea(T13).ejercicios[-1]
PUNTOS_13 = sum(cargar_tarea(T13).puntos(e) for e in cargar_tarea(T13).ejercicios)
OBJETIVO = "gradientes_softmax"
SOLUCION_03 = RAIZ / "solutions" / "softmax_entropia.py"
MODELO_REFERENCIA = RAIZ / "solutions" / "modelos" / T09 / "modelo.keras"
CORTOS = LimitesAislamiento(memoria_gib=3.0, segundos_inicio=4.0, segundos_llamada=1.0, segundos_celda=2.0)


def tarea(tarea_id: str, limites: LimitesAislamiento | None = None):
    t = cargar_tarea(tarea_id)
    return dataclasses.replace(t, limites=limites) if limites else t


@pytest.fixture(scope="module")
def fuente03():
    return cuaderno_fuente(T03)


@pytest.fixture(scope="module")
def referencia03(fuente03):
    """Points per exercise of the reference notebook, graded in the jail (26/26)."""
    calificacion = calificar_con_plazo(fuente03, tarea(T03))
    assert calificacion.puntaje == 26
    return calificacion.por_ejercicio()


def gradientes(cuerpo: str, antes: str = "") -> str:
    """A hostile `gradientes_softmax` cell: `antes` at module level, `cuerpo` as the function body."""
    return f"{antes}\nimport numpy as np\ndef gradientes_softmax(X, y, W, b):\n{textwrap.indent(cuerpo, '    ')}\n"


def exigir_solo_el_objetivo_a_cero(calificacion, referencia: dict, objetivo: str = OBJETIVO) -> None:
    esperado = {e: (0.0 if e == objetivo else p) for e, p in referencia.items()}
    assert calificacion.por_ejercicio() == esperado, calificacion.texto()[:3000]


def intento(codigo: str) -> str:
    """Wraps an attack so that the cell always reaches its end and says so (proof that it ran)."""
    return ("try:\n" + textwrap.indent(codigo.strip("\n"), "    ") + "\n"
            "except BaseException as _e:\n    print('el ataque falló:', type(_e).__name__, _e)\n"
            "print('fin del ataque')\n")


def ataque_en_celda(fuente, codigo: str, apagar: bool = True):
    return con_celda_extra(fuente, (APAGAR_GANCHO if apagar else "") + intento(codigo))


@pytest.fixture(params=["caliente", "frio"])
def camino(request, monkeypatch):
    """Both grading paths: a worker forked from the warm server (``caliente.py``, the default) and a
    fresh jailed worker (the fallback, ``CURSO_DL_CALIENTE=0``). Warm workers cannot create
    processes at all (seccomp), so attacks that fork are refused there instead of contained."""
    if request.param == "frio":
        caliente.desactivar()
        monkeypatch.setenv("CURSO_DL_CALIENTE", "0")
    return request.param


def fork_rechazado(salida: str) -> bool:
    return "el ataque falló: PermissionError [Errno 1] Operation not permitted" in salida


# =================================================================================================
# 1. Tampering with the worker's own objects
# =================================================================================================

def _ataque_del_issue_13(marca: Path) -> str:
    """The 25-line attack of issue 8 on the quiz: hook off, parent's environment, answer key, a shell."""
    clave = RAIZ / "solutions" / "autoevaluacion.py"
    return APAGAR_GANCHO + intento(f'''
import os, runpy, subprocess
try:
    print("entorno del padre:", open(f"/proc/{{os.getppid()}}/environ", "rb").read()[:300])
except OSError as e:
    print("entorno del padre:", e)
for pregunta in runpy.run_path({str(clave)!r})["PREGUNTAS"]:
    globals()[pregunta.variable] = pregunta.correcta
''') + intento(f'subprocess.run(["/bin/sh", "-c", "echo trampa > {marca}"])')


@pytest.fixture(scope="module")
def issue13(tmp_path_factory):
    marca = tmp_path_factory.mktemp("issue13") / "marca"
    nb = con_celdas(en_blanco(cuaderno_fuente(T13)), **{ULTIMO_BLOQUE_13: _ataque_del_issue_13(marca)})
    return calificar_con_plazo(nb, tarea(T13)), marca


def test_ataque_del_issue_sobre_el_cuestionario_no_da_puntos(issue13):
    calificacion, _ = issue13
    assert "fin del ataque" in calificacion.salida()
    assert calificacion.puntaje == 0


def test_ataque_del_issue_sobre_el_cuestionario_no_ejecuta_una_shell_fuera(issue13):
    _, marca = issue13
    assert not marca.exists()


def test_control_el_ataque_del_issue_sin_jaula_si_funciona(tmp_path):
    """Without the jail the same cell reads the key and runs the shell: the two tests above can fail."""
    marca = tmp_path / "marca"
    nb = con_celdas(en_blanco(cuaderno_fuente(T13)), **{ULTIMO_BLOQUE_13: _ataque_del_issue_13(marca)})
    calificacion = calificar_con_plazo(nb, tarea(T13), aislar=False)
    assert calificacion.puntaje == PUNTOS_13 and marca.exists()  # every answer, from the key


def test_gancho_de_auditoria_propio_no_captura_la_referencia_inyectada(fuente03):
    antes = ("import sys\n_visto = []\n"
             "sys.addaudithook(lambda e, a: _visto.append(str(a[0])) if e == 'compile' and 'def ' in str(a[0]) "
             "else None)\n")
    nb = con_celdas(fuente03, gradientes_softmax=gradientes("raise ValueError(' '.join(_visto)[-1800:])", antes))
    calificacion = calificar_con_plazo(nb, tarea(T03))
    assert calificacion.ejercicio(OBJETIVO) == 0
    assert "def softmax" not in calificacion.mensajes(OBJETIVO), calificacion.mensajes(OBJETIVO)[:600]


def test_reemplazar_canal_enviar_para_falsificar_respuestas(fuente03):
    codigo = '''
import sys, numpy as np
_t = sys.modules["__main__"]
_enviar = _t.canal.enviar
def _falsa(fd, mensaje):
    if isinstance(mensaje, dict) and "celdas" not in mensaje:  # every reply to a call says: all right
        mensaje = {"ok": True, "n": mensaje.get("n"), "valor": (np.full((4, 3), 0.25), np.full(3, 0.25)),
                   "args_despues": [None, None, None, None], "salida": "", "segundos": 0.0}
    _enviar(fd, mensaje)
_t.canal.enviar = _falsa
'''
    calificacion = calificar_con_plazo(ataque_en_celda(fuente03, codigo, apagar=False), tarea(T03))
    assert "fin del ataque" in calificacion.salida()
    assert calificacion.puntaje == 0


def test_reemplazar_trabajador_llamar_para_devolver_la_entrada(fuente03):
    codigo = '''
import sys
_t = sys.modules["__main__"]
_t.Trabajador.llamar = lambda self, orden: {"ok": True, "valor": (orden.get("args") or [None])[0]}
'''
    calificacion = calificar_con_plazo(ataque_en_celda(fuente03, codigo, apagar=False), tarea(T03))
    assert "fin del ataque" in calificacion.salida()
    assert calificacion.puntaje == 0


def test_parchear_numpy_en_el_trabajador_no_da_puntos(fuente03, referencia03):
    cuerpo = '''
np.allclose = lambda *a, **k: True
np.isclose = lambda *a, **k: np.True_
np.array_equal = lambda *a, **k: True
np.testing.assert_allclose = lambda *a, **k: None
import builtins
builtins.AssertionError = Exception
return np.zeros_like(W), np.zeros_like(b)
'''
    calificacion = calificar_con_plazo(con_celdas(fuente03, gradientes_softmax=gradientes(cuerpo)), tarea(T03))
    exigir_solo_el_objetivo_a_cero(calificacion, referencia03)


def test_escribir_en_el_kit_de_la_jaula_no_cambia_el_del_calificador(fuente03):
    kit = kit_de_tarea(tarea(T03))
    antes = huella(kit)
    codigo = '''
import os, re
objetivo = "/trabajo/autograder/calificadores/softmax_entropia/casos_softmax.py"
for accion in (lambda: open(objetivo, "a").write("\\nTRAMPA = 1\\n"), lambda: os.remove(objetivo),
               lambda: os.rename("/trabajo/autograder", "/trabajo/otro")):
    try:
        accion(); print("escribió en el kit de la jaula")
    except OSError as e:
        print("kit de la jaula:", e)
linea = open("/proc/1/cmdline", "rb").read().split(b"\\0")
for i, parte in enumerate(linea):
    if parte == b"/trabajo/autograder":
        anfitrion = linea[i - 1].decode()
        try:
            open(os.path.join(anfitrion, "calificadores", "softmax_entropia", "casos_softmax.py"), "a").write("x")
            print("escribió en el kit del calificador")
        except OSError as e:
            print("kit del calificador:", e)
'''
    calificacion = calificar_con_plazo(ataque_en_celda(fuente03, codigo), tarea(T03))
    assert "fin del ataque" in calificacion.salida()
    assert huella(kit) == antes and calificacion.puntaje == 26


# =================================================================================================
# 2. Native-code file access
# =================================================================================================

def _ataques_nativos(marca: Path) -> dict:
    m = str(marca)
    return {
        "sqlite3": f'import sqlite3\nsqlite3.connect({m!r}).execute("create table t (x)")',
        "ctypes_open": ("import ctypes\nlibc = ctypes.CDLL(None)\n"
                        f"fd = libc.open({m.encode()!r}, 0o101, 0o644)\nprint('open:', fd)\nlibc.close(fd)"),
        "ctypes_fopen": ("import ctypes\nlibc = ctypes.CDLL(None)\nlibc.fopen.restype = ctypes.c_void_p\n"
                         "libc.fputs.argtypes = [ctypes.c_char_p, ctypes.c_void_p]\n"
                         "libc.fclose.argtypes = [ctypes.c_void_p]\n"
                         f"f = libc.fopen({m.encode()!r}, b'w')\nprint('fopen:', f)\n"
                         "if f:\n    libc.fputs(b'trampa', f); libc.fclose(f)"),
        "ctypes_system": ("import ctypes\nlibc = ctypes.CDLL(None)\n"
                          f"print('system:', libc.system(b'echo trampa > {m}'))"),
        "posixsubprocess_fork_exec": (
            "import _posixsubprocess, os\nr, w = os.pipe()\n"
            f"pid = _posixsubprocess.fork_exec([b'/bin/sh', b'-c', b'echo trampa > {m}'], [b'/bin/sh'], True, (w,),"
            " None, None, -1, -1, -1, -1, -1, -1, r, w, True, False, -1, None, None, None, -1, None, False)\n"
            "os.waitpid(pid, 0)"),
        "posix_spawn": (f"import os\npid = os.posix_spawn('/bin/sh', ['sh', '-c', 'echo trampa > {m}'], {{}})\n"
                        "os.waitpid(pid, 0)"),
        "multiprocessing": ("import multiprocessing\n"
                            "p = multiprocessing.get_context('fork').Process(\n"
                            f"    target=lambda: open({m!r}, 'w').write('x'))\n"
                            "p.start(); p.join(20)"),
        "cffi": ("from cffi import FFI\nffi = FFI()\nffi.cdef('int system(const char *command);')\n"
                 f"print('cffi:', ffi.dlopen(None).system(b'echo trampa > {m}'))"),
    }


ATAQUES_NATIVOS = list(_ataques_nativos(Path("/x")))


@pytest.mark.parametrize("ataque", ATAQUES_NATIVOS)
def test_codigo_nativo_no_escribe_fuera_de_la_jaula(fuente03, tmp_path, ataque):
    if ataque == "cffi":
        pytest.importorskip("cffi")
    marca = tmp_path / "marca"
    calificacion = calificar_con_plazo(ataque_en_celda(fuente03, _ataques_nativos(marca)[ataque]), tarea(T03))
    assert "fin del ataque" in calificacion.salida(), calificacion.salida()[:2000]
    assert not marca.exists()


@pytest.mark.parametrize("ataque", ATAQUES_NATIVOS)
def test_control_codigo_nativo_sin_jaula_si_escribe(fuente03, tmp_path, ataque):
    if ataque == "cffi":
        pytest.importorskip("cffi")
    marca = tmp_path / "marca"
    calificar_con_plazo(ataque_en_celda(fuente03, _ataques_nativos(marca)[ataque]), tarea(T03), aislar=False)
    assert marca.exists()


def test_sqlite3_reescribir_un_gradebook_no_lo_cambia(fuente03, tmp_path):
    from nbgrader.api import Gradebook

    ruta = tmp_path / "gradebook.db"
    with Gradebook(f"sqlite:///{ruta}") as gb:
        gb.add_student("ana", first_name="Ana")
        gb.add_assignment(T03)
    codigo = f'''
import sqlite3
con = sqlite3.connect({str(ruta)!r})
con.execute("update student set first_name = 'trampa'")
con.execute("insert into student (id) values ('intruso')")
con.commit()
'''
    calificacion = calificar_con_plazo(ataque_en_celda(fuente03, codigo), tarea(T03))
    assert "fin del ataque" in calificacion.salida()
    with Gradebook(f"sqlite:///{ruta}") as gb:
        assert [(s.id, s.first_name) for s in gb.students] == [("ana", "Ana")]


@pytest.fixture(scope="module")
def tensorflow_gfile(fuente03, tmp_path_factory):
    """One grading (TensorFlow is imported in the jail once): read a solution file and write outside."""
    marca = tmp_path_factory.mktemp("gfile") / "marca"
    codigo = f'''
import tensorflow as tf
for leer in (lambda: tf.io.gfile.GFile({str(SOLUCION_03)!r}).read()[:4000],
             lambda: tf.io.gfile.listdir({str(RAIZ / "solutions")!r})):
    try:
        print("leído:", leer())
    except Exception as e:
        print("gfile:", type(e).__name__)
try:
    with tf.io.gfile.GFile({str(marca)!r}, "w") as f:
        f.write("trampa")
except Exception as e:
    print("gfile escritura:", type(e).__name__)
'''
    return calificar_con_plazo(ataque_en_celda(fuente03, codigo), tarea(T03)), marca


def test_tensorflow_gfile_no_lee_las_soluciones(tensorflow_gfile):
    calificacion, _ = tensorflow_gfile
    assert "fin del ataque" in calificacion.salida()
    assert linea_distintiva(SOLUCION_03) not in calificacion.texto()


def test_tensorflow_gfile_no_escribe_fuera(tensorflow_gfile):
    calificacion, marca = tensorflow_gfile
    assert "fin del ataque" in calificacion.salida() and not marca.exists()


# =================================================================================================
# 3. /proc snooping
# =================================================================================================

SECRETO = "CURSO_DL_SECRETO_DEL_CALIFICADOR"


@pytest.fixture
def secreto(monkeypatch):
    valor = marca_unica("secreto")
    monkeypatch.setenv(SECRETO, valor)
    return valor


ESPIAS_PROC = {
    "environ_del_padre": '''
import os
for pid in [str(os.getppid()), "1"] + os.listdir("/proc"):
    try:
        print(pid, open(f"/proc/{pid}/environ", "rb").read()[:3000])
    except OSError as e:
        print(pid, "environ:", e)
''',
    "mem_del_padre": '''
import os, re
for pid in (os.getppid(), 1):
    try:
        with open(f"/proc/{pid}/maps") as mapas, open(f"/proc/{pid}/mem", "rb") as mem:
            for linea in mapas:
                inicio, fin = (int(x, 16) for x in linea.split()[0].split("-"))
                try:
                    mem.seek(inicio); trozo = mem.read(min(fin - inicio, 1 << 22))
                except OSError:
                    continue
                for hallado in re.findall(rb"CURSO_DL_SECRETO[^\\0]{0,80}", trozo):
                    print("memoria:", hallado)
    except OSError as e:
        print(pid, "mem:", e)
''',
    "raiz_del_padre": f'''
import os
for ruta in ("/proc/1/root", "/proc/1/cwd", "/proc/1/root{RAIZ}/solutions"):
    try:
        print(ruta, os.listdir(ruta))
    except OSError as e:
        print(ruta, e)
try:
    print(open("/proc/1/root{SOLUCION_03}").read())
except OSError as e:
    print("solución:", e)
''',
    "listar_procesos": '''
import os
for pid in sorted(p for p in os.listdir("/proc") if p.isdigit()):
    try:
        print(pid, open(f"/proc/{pid}/cmdline", "rb").read().replace(b"\\0", b" ")[:200])
    except OSError as e:
        print(pid, e)
print("procesos visibles:", len([p for p in os.listdir("/proc") if p.isdigit()]))
''',
}


@pytest.mark.parametrize("espia", ["environ_del_padre", "mem_del_padre"])
def test_proc_no_revela_el_entorno_del_calificador(fuente03, secreto, espia):
    calificacion = calificar_con_plazo(ataque_en_celda(fuente03, ESPIAS_PROC[espia]), tarea(T03))
    assert "fin del ataque" in calificacion.salida()
    assert secreto not in calificacion.texto()


def test_proc_1_root_no_llega_a_las_soluciones(fuente03):
    calificacion = calificar_con_plazo(ataque_en_celda(fuente03, ESPIAS_PROC["raiz_del_padre"]), tarea(T03))
    assert "fin del ataque" in calificacion.salida()
    assert linea_distintiva(SOLUCION_03) not in calificacion.texto()


def test_proc_no_muestra_otros_procesos_ni_la_linea_de_ordenes_del_calificador(fuente03, camino):
    propia = Path("/proc/self/cmdline").read_bytes().replace(b"\0", b" ").decode().strip()
    calificacion = calificar_con_plazo(ataque_en_celda(fuente03, ESPIAS_PROC["listar_procesos"]), tarea(T03))
    salida = calificacion.salida()
    assert "fin del ataque" in salida and propia not in salida and "pytest" not in salida
    if camino == "caliente":  # Landlock: of /proc only the worker's own entry is readable
        assert "el ataque falló: PermissionError" in salida and "procesos visibles:" not in salida
    else:
        assert int(salida.split("procesos visibles:")[1].split()[0]) <= 3


# =================================================================================================
# 4. Forged channel messages (written into the worker's own reply pipe)
# =================================================================================================

FALSIFICACIONES = {
    "basura": "_escribir(b'\\xde\\xad\\xbe\\xef' * 4096)",
    "largo_enorme": "_escribir(_struct.pack('<Q', 2**63) + b'x' * 100)",
    "json_mal_formado": "_escribir(_marco(_cuerpo(b'{\"__dict__\": {\"ok\": tru')))",
    "fuera_de_orden": ("import sys\n"
                       "n = sys._getframe(1).f_locals['orden']['n']\n"
                       "for otro in (n + 7, n):\n"
                       "    sys.modules['__main__'].canal.enviar(_FD, {'ok': True, 'n': otro,"
                       " 'valor': (np.zeros_like(W), np.zeros_like(b))})"),
    "array_enorme_declarado": ("cab = ('{\"__dict__\": {\"ok\": true, \"n\": 2, \"valor\": {\"__nd__\": "
                               "[\"<f8\", [1000000, 1000000], 0, 1500000]}}}').encode()\n"
                               "_escribir(_marco(_cuerpo(cab, b'\\0' * 1500000)))"),
}


@pytest.mark.parametrize("falsificacion", list(FALSIFICACIONES))
def test_mensaje_falsificado_vale_cero_solo_en_su_ejercicio(fuente03, referencia03, falsificacion):
    cuerpo = FALSIFICACIONES[falsificacion] + "\nreturn np.zeros_like(W), np.zeros_like(b)"
    nb = con_celdas(fuente03, gradientes_softmax=gradientes(cuerpo, ESCRIBIR_EN_EL_CANAL))
    calificacion = calificar_con_plazo(nb, tarea(T03), plazo=60)
    exigir_solo_el_objetivo_a_cero(calificacion, referencia03)


def test_mensaje_de_1_5_mb_que_repite_su_bloque_no_dispara_la_memoria(fuente03):
    """A 1 MiB blob named 1000 times in the header: decoding must not materialize it 1000 times."""
    cuerpo = ("bloque = b'\\0' * 2**20\n"
              "refs = ','.join(['{\"__bytes__\": [0, 1048576]}'] * 1000)\n"
              "cab = ('{\"__dict__\": {\"ok\": true, \"n\": 2, \"valor\": [' + refs + ']}}').encode()\n"
              "_escribir(_marco(_cuerpo(cab, bloque)))\n"
              "return np.zeros_like(W), np.zeros_like(b)")
    nb = con_celdas(fuente03, gradientes_softmax=gradientes(cuerpo, ESCRIBIR_EN_EL_CANAL))
    tracemalloc.start()
    try:
        calificacion = calificar_con_plazo(nb, tarea(T03), plazo=60)
        _, pico = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert calificacion.ejercicio(OBJETIVO) == 0
    assert pico < 200 * 2**20, f"el lado de confianza llegó a {pico / 2**20:.0f} MiB"


def test_cabecera_que_promete_200_mb_y_calla_no_cuelga(fuente03):
    codigo = (ESCRIBIR_EN_EL_CANAL + "_escribir(_struct.pack('<Q', 200 * 2**20) + b'\\0' * 1000)\n"
              "import time\ntime.sleep(600)")
    calificacion = calificar_con_plazo(ataque_en_celda(fuente03, codigo, apagar=False), tarea(T03, CORTOS), plazo=40)
    assert calificacion.puntaje == 0 and calificacion.segundos < 30


# Replies whose fields have a type the trusted side does not expect, sent as the reply to "iniciar".
RESPUESTAS_RARAS = {
    "segundos_gigantes": "{'ok': True, 'n': 1, 'celdas': [], 'segundos': 10**400}",
    "n_como_array": "{'ok': True, 'n': np.array([1, 2]), 'celdas': []}",
}


@pytest.mark.parametrize("respuesta", list(RESPUESTAS_RARAS))
def test_respuesta_con_campos_de_tipo_raro_no_tumba_la_calificacion(fuente03, respuesta):
    codigo = ("import sys\nimport numpy as np\n"
              f"sys.modules['__main__'].canal.enviar(int(sys.argv[2]), {RESPUESTAS_RARAS[respuesta]})")
    calificacion = calificar_con_plazo(ataque_en_celda(fuente03, codigo, apagar=False), tarea(T03))
    assert calificacion.puntaje == 0


# =================================================================================================
# 5. Signals, threads and forks that outlive a timeout
# =================================================================================================

def test_hilo_demonio_que_duerme_no_sobrevive(fuente03, camino):
    codigo = "import os, threading, time\nthreading.Thread(target=time.sleep, args=(600,), daemon=True).start()\n" \
             "print(f'uid={os.getuid()}')"
    calificacion = calificar_con_plazo(ataque_en_celda(fuente03, codigo, apagar=False), tarea(T03))
    uid = uid_impreso(calificacion.salida())
    assert esperar_sin_procesos(lambda: procesos_del_uid(uid)) == []


def test_hijo_con_doble_fork_y_setsid_no_sobrevive(fuente03, camino):
    marca = marca_unica()
    codigo = f'''
import os
pid = os.fork()
if pid == 0:
    os.setsid()
    if os.fork() == 0:
        os.execv("/bin/sh", ["sh", "-c", "sleep 600; :", {marca!r}])
    os._exit(0)
os.waitpid(pid, 0)
import time; time.sleep(0.3)
print("huérfano lanzado")
'''
    calificacion = calificar_con_plazo(ataque_en_celda(fuente03, codigo), tarea(T03))
    if camino == "caliente":
        assert fork_rechazado(calificacion.salida()), calificacion.salida()
    else:
        assert "huérfano lanzado" in calificacion.salida()
    assert esperar_sin_procesos(lambda: procesos_con(marca)) == []


def test_kill_menos_uno_solo_cuesta_su_ejercicio(fuente03, referencia03):
    cuerpo = "import os, signal\nos.kill(-1, signal.SIGKILL)\nreturn np.zeros_like(W), np.zeros_like(b)"
    nb = con_celdas(fuente03, gradientes_softmax=gradientes(cuerpo, APAGAR_GANCHO))
    exigir_solo_el_objetivo_a_cero(calificar_con_plazo(nb, tarea(T03)), referencia03)


def test_matar_al_padre_y_al_init_de_la_jaula_no_puede(fuente03, referencia03):
    cuerpo = '''
import os, signal
for pid in (os.getppid(), 1):
    for senal in (signal.SIGKILL, signal.SIGTERM, signal.SIGSTOP):
        try:
            os.kill(pid, senal)
        except OSError:
            pass
return np.zeros_like(W), np.zeros_like(b)
'''
    nb = con_celdas(fuente03, gradientes_softmax=gradientes(cuerpo, APAGAR_GANCHO))
    exigir_solo_el_objetivo_a_cero(calificar_con_plazo(nb, tarea(T03)), referencia03)


def test_bomba_de_forks_queda_acotada_y_no_deja_procesos(fuente03, camino):
    codigo = '''
import os, time
hijos = 0
for _ in range(5000):
    try:
        pid = os.fork()
    except OSError:
        break
    if pid == 0:
        time.sleep(600)
        os._exit(0)
    hijos += 1
print(f"uid={os.getuid()} hijos={hijos}")
'''
    calificacion = calificar_con_plazo(ataque_en_celda(fuente03, codigo), tarea(T03), plazo=90)
    salida = calificacion.salida()
    hijos = int(salida.split("hijos=")[1].split()[0])
    assert hijos < 1000 and calificacion.puntaje == 26
    assert hijos == 0 or camino == "frio"
    assert esperar_sin_procesos(lambda: procesos_del_uid(uid_impreso(salida)), 10) == []


def test_celda_que_ignora_la_alarma_y_deja_un_hijo_no_cuelga_ni_deja_procesos(fuente03, camino):
    marca = marca_unica()
    codigo = f'''
import os, signal
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGALRM])
signal.signal(signal.SIGALRM, signal.SIG_IGN)
try:
    os.posix_spawn("/bin/sh", ["sh", "-c", "sleep 600; :", {marca!r}], {{}}, setsid=True)
except OSError:  # a warm worker cannot create processes; the loop below still ignores the alarm
    pass
while True:
    pass
'''
    calificacion = calificar_con_plazo(ataque_en_celda(fuente03, codigo), tarea(T03, CORTOS), plazo=60)
    assert calificacion.puntaje == 0 and calificacion.segundos < 30
    assert esperar_sin_procesos(lambda: procesos_con(marca)) == []


# =================================================================================================
# 6. Import hooks
# =================================================================================================

NUMPY_FALSO = '''
class _Todo:
    def __getattr__(self, nombre): return _Todo()
    def __call__(self, *a, **k): return _Todo()
    def __eq__(self, otro): return True
    def __array__(self, *a, **k): raise TypeError("no")
def __getattr__(nombre):
    return _Todo()
'''


def test_meta_path_que_falsea_numpy(fuente03):
    codigo = f'''
import sys, types, importlib.abc, importlib.util
FUENTE = {NUMPY_FALSO!r}
class Buscador(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, nombre, ruta=None, objetivo=None):
        return importlib.util.spec_from_loader(nombre, self) if nombre.split(".")[0] == "numpy" else None
    def create_module(self, spec): return None
    def exec_module(self, modulo): exec(FUENTE, modulo.__dict__)
for nombre in [n for n in sys.modules if n.split(".")[0] == "numpy"]:
    del sys.modules[nombre]
sys.meta_path.insert(0, Buscador())
import numpy as np  # the notebook's functions now see the fake numpy
print("numpy falso:", type(np.ones(3)).__name__)
'''
    calificacion = calificar_con_plazo(ataque_en_celda(fuente03, codigo, apagar=False), tarea(T03))
    assert "numpy falso: _Todo" in calificacion.salida()
    assert calificacion.puntaje == 0


def test_numpy_py_escrito_en_el_directorio_de_trabajo(fuente03):
    codigo = f'''
import os, sys
open("numpy.py", "w").write({NUMPY_FALSO!r})
for nombre in [n for n in sys.modules if n.split(".")[0] == "numpy"]:
    del sys.modules[nombre]
import numpy
np = numpy  # the notebook's functions now see the fake numpy
print("numpy falso:", numpy.__file__)
'''
    calificacion = calificar_con_plazo(ataque_en_celda(fuente03, codigo, apagar=False), tarea(T03))
    assert re.search(r"numpy falso: /trabajo/(t\d+/)?numpy\.py", calificacion.salida()), calificacion.salida()
    assert calificacion.puntaje == 0


def test_modulos_plantados_no_pasan_a_la_siguiente_jaula(fuente03, referencia03):
    """numpy.py, sitecustomize.py and a .pth left behind, then the worker dies: the next jail starts clean."""
    cuerpo = f'''
import os, signal
for ruta in ("/trabajo/numpy.py", "/trabajo/sitecustomize.py", "/tmp/numpy.py", "/dev/shm/numpy.py"):
    try:
        open(ruta, "w").write({NUMPY_FALSO!r})
    except OSError:
        pass
os.kill(os.getpid(), signal.SIGKILL)
'''
    nb = con_celdas(fuente03, gradientes_softmax=gradientes(cuerpo))
    exigir_solo_el_objetivo_a_cero(calificar_con_plazo(nb, tarea(T03)), referencia03)


# =================================================================================================
# 7. Result objects with hostile dunder methods
# =================================================================================================

DUNDERS = {
    "eq_siempre_verdadero": ("class R(np.ndarray):\n    def __eq__(self, o): return True\n    __hash__ = None",
                             "return np.zeros_like(W).view(R), np.zeros_like(b).view(R)"),
    "array_falso": ("class R:\n    def __array__(self, *a, **k): return np.zeros(3)\n",
                    "return R(), R()"),
    "float_falso": ("class R:\n    def __float__(self): return 0.0\n    def __index__(self): return 0\n",
                    "return R(), R()"),
    "len_gigante": ("class R(list):\n    def __len__(self): return 10**18\n    def __iter__(self): return iter([])\n",
                    "return R(), R()"),
    "subclase_de_float": ("class R(float):\n    def __eq__(self, o): return True\n    __hash__ = float.__hash__\n",
                          "return R(0.5), R(0.5)"),
    "lista_recursiva": ("", "a = []\na.append(a)\nreturn a, a"),
    "array_de_10_a_la_8": ("", "return np.zeros(10**8), np.zeros(10**8)"),
    "nan": ("", "return np.full_like(W, np.nan), np.full_like(b, np.nan)"),
    "str_de_excepcion_hostil": ("class E(Exception):\n    def __str__(self): return 'x' * 10**8\n",
                                "raise E()"),
}


@pytest.mark.parametrize("dunder", list(DUNDERS))
def test_objeto_hostil_devuelto_vale_cero_solo_en_su_ejercicio(fuente03, referencia03, dunder):
    antes, cuerpo = DUNDERS[dunder]
    nb = con_celdas(fuente03, gradientes_softmax=gradientes(cuerpo, "import numpy as np\n" + antes))
    calificacion = calificar_con_plazo(nb, tarea(T03), plazo=60)
    exigir_solo_el_objetivo_a_cero(calificacion, referencia03)
    assert len(calificacion.mensajes(OBJETIVO)) < 20_000


def test_del_y_reduce_hostiles_no_escriben_fuera(fuente03, referencia03, tmp_path):
    marca = tmp_path / "marca"
    antes = APAGAR_GANCHO + f'''
import os
class R:
    def __del__(self):
        os.system("echo trampa > {marca}")
    def __reduce__(self):
        return (os.system, ("echo trampa > {marca}",))
'''
    nb = con_celdas(fuente03, gradientes_softmax=gradientes("return R(), R()", antes))
    calificacion = calificar_con_plazo(nb, tarea(T03))
    assert calificacion.ejercicio(OBJETIVO) == 0 and not marca.exists()


def test_subclase_de_str_en_el_cuestionario_no_da_puntos():
    codigo = '''
class Letra(str):
    def __eq__(self, otro): return True
    def __ne__(self, otro): return False
    __hash__ = str.__hash__
    def strip(self, *a): return self
    def lower(self): return self
for numero in range(1, 100):
    globals()[f"respuesta_{numero:02d}"] = Letra("a")
'''
    nb = con_celdas(en_blanco(cuaderno_fuente(T13)), **{ULTIMO_BLOQUE_13: codigo})
    assert calificar_con_plazo(nb, tarea(T13)).puntaje == 0


# =================================================================================================
# 8. The gradebook, attacked from code during a real `nbgrader autograde`
# =================================================================================================

def _nbgrader(*argumentos: str, cwd: Path) -> None:
    salida = subprocess.run([sys.executable, "-m", "nbgrader", *argumentos], cwd=cwd, env=entorno_nbgrader(),
                            capture_output=True, text=True, timeout=300)
    assert salida.returncode == 0, salida.stdout[-2000:] + salida.stderr[-2000:]


@pytest.fixture(scope="module")
def curso_atacado(tmp_path_factory):
    """A course with four submissions of 01: an honest one (z_victima) and three attackers around it."""
    import nbformat

    from autograder.curso import preparar_curso

    curso = preparar_curso(tmp_path_factory.mktemp("curso") / "curso", [T01])
    alumnos = ["a_carpeta", "b_fuente", "z_victima", "zz_sqlite"]
    (curso / "alumnos.csv").write_text("id\n" + "\n".join(alumnos + ["c_enlace"]) + "\n")
    _nbgrader("db", "student", "import", "alumnos.csv", cwd=curso)
    _nbgrader("generate_assignment", T01, "--force", cwd=curso)
    fuente = nbformat.read(curso / "source" / T01 / f"{T01}.ipynb", as_version=4)
    publicado = nbformat.read(curso / "release" / T01 / f"{T01}.ipynb", as_version=4)
    protegidos = {"source": curso / "source" / T01, "release": curso / "release" / T01}
    huellas = {nombre: huella(ruta) for nombre, ruta in protegidos.items()}
    victima = curso / "submitted" / "z_victima" / T01
    db = curso / "gradebook.db"
    ataques = {
        "a_carpeta": f'''
import glob, os, shutil
for ruta in glob.glob({str(curso / "submitted")!r} + "/*/{T01}/{T01}.ipynb"):
    if "a_carpeta" not in ruta:
        shutil.copy({str(curso / "release" / T01 / f"{T01}.ipynb")!r}, ruta)
os.makedirs({str(victima)!r}, exist_ok=True)
open({str(victima / "trampa.txt")!r}, "w").write("x")
''',
        "b_fuente": f'''
for ruta in ({str(curso / "source" / T01 / f"{T01}.ipynb")!r}, {str(curso / "release" / T01 / f"{T01}.ipynb")!r},
             {str(curso / "source" / T01 / "autograder" / "calificadores" / "perceptron" / "casos_escalon.py")!r}):
    open(ruta, "a").write("trampa")
''',
        "zz_sqlite": f'''
import sqlite3
con = sqlite3.connect({str(db)!r})
con.execute("update grade set manual_score = 0, auto_score = 0")
con.execute("insert into student (id) values ('intruso')")
con.commit()
''',
    }
    for alumno in alumnos:
        carpeta = curso / "submitted" / alumno / T01
        carpeta.mkdir(parents=True)
        nb = fuente if alumno == "z_victima" else publicado
        nb = nbformat.from_dict(json.loads(json.dumps(nb)))
        if alumno in ataques:
            for celda in nb.cells:
                if celda.get("metadata", {}).get("nbgrader", {}).get("grade_id") == "escalon":
                    celda.source = APAGAR_GANCHO + intento(ataques[alumno])
        nbformat.write(nb, carpeta / f"{T01}.ipynb")
    huella_victima = huella(victima)
    # c_enlace submits the blank notebook through the exchange, then (its inbound folder is its own on a
    # shared exchange) replaces it with a link to the instructor's source notebook, before `collect`.
    intercambio = ["--course=curso_dl", f"--Exchange.root={curso / 'intercambio'}",
                   "--Exchange.path_includes_course=True"]
    _nbgrader("release_assignment", T01, "--force", cwd=curso)
    casa = curso / "casa_c_enlace"
    (casa / "curso_dl" / T01).mkdir(parents=True)
    shutil.copy(curso / "release" / T01 / f"{T01}.ipynb", casa / "curso_dl" / T01)
    _nbgrader("submit", T01, "--student=c_enlace", *intercambio, cwd=casa)
    (entregado,) = (curso / "intercambio" / "curso_dl" / "inbound").glob(f"c_enlace+{T01}+*/{T01}.ipynb")
    entregado.unlink()
    entregado.symlink_to(curso / "source" / T01 / f"{T01}.ipynb")
    _nbgrader("collect", T01, *intercambio[:1], cwd=curso)
    _nbgrader("autograde", T01, "--force", cwd=curso)
    return {"curso": curso, "db": db, "protegidos": protegidos, "huellas": huellas, "victima": victima,
            "huella_victima": huella_victima, "alumnos": alumnos}


def _notas(db: Path) -> dict:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{db}") as gb:
        notas = {}
        for alumno in gb.students:
            try:
                notas[alumno.id] = gb.find_submission(T01, alumno.id).score
            except Exception:  # noqa: BLE001 - a student the attack added has no submission
                notas[alumno.id] = None
        return notas


def test_gradebook_reescrito_con_sqlite3_durante_autograde_conserva_las_notas(curso_atacado):
    notas = _notas(curso_atacado["db"])
    notas.pop("c_enlace", None)
    assert notas == {"a_carpeta": 0, "b_fuente": 0, "z_victima": 23, "zz_sqlite": 0}


def test_escribir_en_la_entrega_de_otro_alumno_durante_autograde_no_la_toca(curso_atacado):
    assert huella(curso_atacado["victima"]) == curso_atacado["huella_victima"]


def test_enlace_en_el_intercambio_al_cuaderno_fuente_no_da_puntos(curso_atacado):
    assert _notas(curso_atacado["db"])["c_enlace"] == 0


def test_editar_el_cuaderno_fuente_o_publicado_durante_autograde_no_lo_cambia(curso_atacado):
    actuales = {nombre: huella(ruta) for nombre, ruta in curso_atacado["protegidos"].items()}
    assert actuales == curso_atacado["huellas"]


# =================================================================================================
# 9. Crafted models and submitted files
# =================================================================================================

def _miembros_referencia() -> dict:
    with zipfile.ZipFile(MODELO_REFERENCIA) as z:
        return {n: z.read(n) for n in z.namelist()}


def _keras(miembros: dict, compresion=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compresion) as z:
        for nombre, datos in miembros.items():
            z.writestr(nombre, datos)
    return buf.getvalue()


def _con_config(transformar) -> bytes:
    miembros = _miembros_referencia()
    config = json.loads(miembros["config.json"])
    transformar(config)
    miembros["config.json"] = json.dumps(config).encode()
    return _keras(miembros)


def _capa(config, posicion: int = 1) -> dict:
    return config["config"]["layers"][posicion]


def _lambda(config):
    config["config"]["layers"].insert(1, {"module": "keras.layers", "class_name": "Lambda", "registered_name": None,
                                          "config": {"name": "l", "function": {"class_name": "__lambda__", "config": {
                                              "code": "4wEAAAAAAAAA", "defaults": None, "closure": None}}}})


def _modulo(modulo):
    def transformar(config):
        _capa(config)["module"] = modulo
        _capa(config)["class_name"] = "system"
    return transformar


def _nombre_registrado(config):
    _capa(config)["module"] = None
    _capa(config)["registered_name"] = "builtins>exec"


def _activacion_funcion(config):
    _capa(config)["config"]["activation"] = {"module": "os", "class_name": "function", "config": "system",
                                             "registered_name": "function"}


def _bomba() -> bytes:
    miembros = _miembros_referencia()
    miembros["model.weights.h5"] = b"\0" * (100 * 2**20)
    return _keras(miembros)


def _config_gigante() -> bytes:
    miembros = _miembros_referencia()
    miembros["config.json"] = b"[" + b"{}," * (3 * 2**20) + b"{}]"
    return _keras(miembros, zipfile.ZIP_STORED)


def _muchos_miembros() -> bytes:
    miembros = _miembros_referencia()
    miembros.update({f"assets/{i}": b"" for i in range(60_000)})
    return _keras(miembros, zipfile.ZIP_STORED)


MODELOS_RECHAZADOS = {
    "capa_lambda": lambda: _con_config(_lambda),
    "clase_del_modulo_os": lambda: _con_config(_modulo("os")),
    "clase_del_modulo_builtins": lambda: _con_config(_modulo("builtins")),
    "registered_name_builtins_exec": lambda: _con_config(_nombre_registrado),
    "activacion_os_system": lambda: _con_config(_activacion_funcion),
    "bomba_zip": _bomba,
    "miembro_extra": lambda: _keras({**_miembros_referencia(), "trabajador.py": b"import os"}),
    "miembro_con_dos_puntos": lambda: _keras({**_miembros_referencia(), "../../fuera.py": b"x"}),
    "miembro_absoluto": lambda: _keras({**_miembros_referencia(), "/etc/cron.d/x": b"x"}),
    "sin_config": lambda: _keras({k: v for k, v in _miembros_referencia().items() if k != "config.json"}),
    "config_json_gigante": _config_gigante,
    "directorio_central_gigante": _muchos_miembros,
}


@pytest.mark.parametrize("modelo", list(MODELOS_RECHAZADOS))
def test_modelo_fabricado_se_rechaza_antes_de_cargarlo(modelo):
    datos = MODELOS_RECHAZADOS[modelo]()
    tracemalloc.start()
    inicio = time.monotonic()
    try:
        with pytest.raises(ae.ArchivoRechazado):
            ae.revisar_keras(datos, "modelo.keras")
        _, pico = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.monotonic() - inicio < 10 and pico < 2 * len(datos) + 64 * 2**20


def test_el_modelo_de_referencia_pasa_la_revision():
    ae.revisar_keras(MODELO_REFERENCIA.read_bytes(), "modelo.keras")  # the checks above are not "reject all"


ENTREGAS_RECHAZADAS = {
    "enlace_a_un_modelo_de_solutions": lambda d: (d / "modelo.keras").symlink_to(MODELO_REFERENCIA),
    "historial_enlazado_a_un_archivo_oculto": lambda d: (d / "historial.json").symlink_to(SOLUCION_03),
    "archivo_disperso_de_2_gb": lambda d: os.truncate(_crear(d / "modelo.keras"), 2 * 2**30),
    "fifo": lambda d: os.mkfifo(d / "modelo.keras"),
    "directorio": lambda d: (d / "modelo.keras").mkdir(),
}


def _crear(ruta: Path) -> Path:
    ruta.write_bytes(b"")
    return ruta


@pytest.mark.parametrize("entrega", list(ENTREGAS_RECHAZADAS))
def test_archivo_entregado_hostil_se_rechaza_sin_seguirlo_ni_bloquearse(tmp_path, entrega):
    ENTREGAS_RECHAZADAS[entrega](tmp_path)
    nombre = next(p.name for p in tmp_path.iterdir())
    inicio = time.monotonic()
    with pytest.raises(ae.ArchivoRechazado):
        ae.leer(tmp_path, nombre)
    assert time.monotonic() - inicio < 2


DATOS_MNIST = Path(os.environ.get("CURSO_DL_DATOS") or RAIZ.parent / "shared" / "datasets") / "mnist"
con_mnist = pytest.mark.skipif(not (DATOS_MNIST / "t10k-images-idx3-ubyte.gz").is_file(),
                               reason="sin los datos de MNIST (CURSO_DL_DATOS)")


@pytest.fixture(scope="module")
def modelo_enlazado(tmp_path_factory):
    """09 with modelo.keras → the reference model and historial.json → a hidden grader file (symlinks)."""
    directorio = tmp_path_factory.mktemp("entrega09")
    (directorio / "modelo.keras").symlink_to(MODELO_REFERENCIA)
    (directorio / "historial.json").symlink_to(RAIZ / "solutions" / "cnn_mnist.py")
    espia = '''
import os
for nombre in ("modelo.keras", "historial.json"):
    ruta = os.path.join("/trabajo", nombre)
    print(nombre, os.path.lexists(ruta))
    try:
        print(open(ruta, "rb").read()[:3000])
    except OSError as e:
        print(nombre, e)
'''
    nb = con_celdas(en_blanco(cuaderno_fuente(T09)), preprocesar=APAGAR_GANCHO + intento(espia))
    return calificar_con_plazo(nb, tarea(T09), directorio=directorio, plazo=240)


@con_mnist
def test_modelo_keras_enlazado_a_solutions_vale_cero(modelo_enlazado):
    assert modelo_enlazado.ejercicio("modelo_entrenado") == 0
    assert "enlace simbólico" in modelo_enlazado.mensajes("modelo_entrenado")


@con_mnist
def test_historial_enlazado_a_un_archivo_oculto_no_se_ve_en_la_jaula(modelo_enlazado):
    assert "fin del ataque" in modelo_enlazado.salida()
    assert linea_distintiva(RAIZ / "solutions" / "cnn_mnist.py") not in modelo_enlazado.texto()


CONSTRUIR_CON_LAMBDA = '''
import keras
from keras import layers
def construir_modelo():
    modelo = keras.Sequential([keras.Input(shape=(28, 28, 1)), layers.Lambda(lambda x: x * 1.0),
                               layers.Conv2D(8, 3, activation="relu"), layers.MaxPooling2D(), layers.Flatten(),
                               layers.Dense(10, activation="softmax")])
    modelo.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    return modelo
'''


@pytest.fixture(scope="module")
def modelos_trampa(tmp_path_factory):
    """09: `construir_modelo` returns a Lambda model, and `modelo.keras` is a Keras gadget that passes the
    static checks (keras.utils.get_file as a layer) and must be refused by the evaluator's own jail."""
    directorio = tmp_path_factory.mktemp("entrega09_trampa")
    marca = tmp_path_factory.mktemp("gadget") / "marca"

    def get_file(config):
        config["config"]["layers"].insert(1, {
            "module": "keras.utils", "class_name": "get_file", "registered_name": None,
            "config": {"fname": "marca", "origin": f"file://{MODELO_REFERENCIA}", "cache_dir": str(marca.parent)}})

    (directorio / "modelo.keras").write_bytes(_con_config(get_file))
    ae.revisar_keras((directorio / "modelo.keras").read_bytes())  # the static checks let it through
    nb = con_celdas(cuaderno_fuente(T09), construir_modelo=CONSTRUIR_CON_LAMBDA)
    return calificar_con_plazo(nb, tarea(T09), directorio=directorio, plazo=300), marca


@con_mnist
def test_construir_modelo_con_lambda_vale_cero(modelos_trampa):
    calificacion, _ = modelos_trampa
    assert calificacion.ejercicio("construir_modelo") == 0 and "Lambda" in calificacion.mensajes("construir_modelo")
    assert calificacion.ejercicio("preprocesar") == 4  # the rest of the notebook is graded as usual


@con_mnist
def test_modelo_keras_con_get_file_como_capa_vale_cero_y_no_escribe(modelos_trampa):
    calificacion, marca = modelos_trampa
    assert calificacion.ejercicio("modelo_entrenado") == 0 and not any(marca.parent.iterdir())


# =================================================================================================
# 10. Memory, disk, process and output floods (2 cores, 24 GiB)
# =================================================================================================

def _rellenar(ruta: str) -> str:
    return f'''
escritos = 0
try:
    with open({ruta!r}, "wb") as f:
        for _ in range(2048):
            f.write(b"x" * 2**20); f.flush(); escritos += 1
except OSError as e:
    print("lleno:", type(e).__name__)
print(f"MiB escritos: {{escritos}}")
'''


# name → (hostile cell, what its output must show so that we know the flood really happened)
INUNDACIONES = {
    "escribir_2_gb_en_trabajo": (_rellenar("relleno"), r"MiB escritos: (\d+)", 512),  # the worker's own folder
    "escribir_2_gb_en_dev_shm": (_rellenar("/dev/shm/relleno"), r"MiB escritos: (\d+)", 64),
    "diez_mil_hilos": (
        "import threading, time\n"
        "hilos = 0\n"
        "for _ in range(10_000):\n"
        "    try:\n"
        "        threading.Thread(target=time.sleep, args=(600,), daemon=True).start()\n"
        "    except RuntimeError:\n"
        "        break\n"
        "    hilos += 1\n"
        "print(f'hilos: {hilos}')\n", r"hilos: (\d+)", 1000),
    "imprimir_100_mb": ("print('x' * (100 * 2**20))", r"(x{20000})", None),
    "escribir_100_mb_en_stdout_y_stderr": (
        "import os\n"
        "for fd in (1, 2):\n"
        "    for _ in range(50):\n"
        "        os.write(fd, b'y' * 2**20)\n"
        "print('escrito: 100')\n", r"escrito: (\d+)", None),
}


@pytest.mark.parametrize("inundacion", list(INUNDACIONES))
def test_inundacion_acotada_termina_con_la_nota_de_siempre(fuente03, inundacion):
    codigo, evidencia, tope = INUNDACIONES[inundacion]
    calificacion = calificar_con_plazo(ataque_en_celda(fuente03, codigo, apagar=False), tarea(T03), plazo=90)
    hallado = re.search(evidencia, calificacion.salida())
    assert hallado, calificacion.salida()[:500]
    assert tope is None or int(hallado.group(1)) <= tope
    assert calificacion.puntaje == 26 and len(calificacion.salida()) < 50_000


def test_reservar_50_gb_solo_cuesta_su_ejercicio(fuente03, referencia03):
    cuerpo = "x = np.ones(50 * 2**30 // 8)\nreturn x, x"
    nb = con_celdas(fuente03, gradientes_softmax=gradientes(cuerpo))
    exigir_solo_el_objetivo_a_cero(calificar_con_plazo(nb, tarea(T03)), referencia03)


def test_la_memoria_de_toda_la_jaula_queda_acotada(fuente03, camino):
    """Two children try to hold 1.75 GiB each at once; the jail's cgroup (3 GiB) lets at most one do it."""
    codigo = '''
import os, select, time
import numpy as np
r, w = os.pipe()
suelta_r, suelta_w = os.pipe()
hijos = {}
for marca in (b"a", b"b"):
    pid = os.fork()
    if pid == 0:
        os.close(suelta_w)  # so that the parent closing its end releases this child
        with open("/proc/self/oom_score_adj", "w") as f:
            f.write("1000")  # when the limit is hit, the kernel kills a child, not the worker that reports
        try:
            x = np.ones(int(1.75 * 2**30) // 8)
            os.write(w, marca)
            os.read(suelta_r, 1)  # holds the memory until the parent lets go
        except MemoryError:
            pass
        os._exit(0)
    hijos[marca] = pid
llenos, muertos, fin = set(), set(), time.monotonic() + 60
while len(llenos | muertos) < 2 and time.monotonic() < fin:
    if select.select([r], [], [], 0.2)[0]:
        llenos.add(os.read(r, 1))
    muertos |= {m for m, pid in hijos.items() if m not in muertos and os.waitpid(pid, os.WNOHANG)[0]}
a_la_vez = len(llenos - muertos)  # a holder killed by the memory limit does not count
os.close(suelta_w)
for pid in hijos.values():
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
print("hijos con 1.75 GiB a la vez:", a_la_vez)
'''
    lenta = dataclasses.replace(tarea(T03), limites=dataclasses.replace(tarea(T03).limites, segundos_celda=60.0))
    calificacion = calificar_con_plazo(ataque_en_celda(fuente03, codigo), lenta, plazo=120)
    if camino == "caliente":  # one process only: its rlimit and cgroup bound it (test_memoria_* above)
        assert fork_rechazado(calificacion.salida()), calificacion.salida()
        return
    assert "hijos con 1.75 GiB a la vez: " in calificacion.salida()
    assert "a la vez: 2" not in calificacion.salida()  # 3.5 GiB > memoria_gib = 3
