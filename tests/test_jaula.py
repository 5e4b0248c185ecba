"""¿Qué ve y qué puede hacer el código que corre en la jaula? ¿Y qué pasa si la máquina no puede crearla?"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from autograder import jaula
from autograder.aislamiento import ConfiguracionAislamiento, LimitesAislamiento, ProcesoAislado
from autograder.calificadores import cargar_tarea
from autograder.cuaderno import leer_cuaderno
from autograder.errores import ErrorAislamientoNoDisponible
from autograder.motor import calificar_cuaderno

RAIZ = Path(__file__).resolve().parents[1]
CUADERNO_03 = RAIZ / "assignments" / "03_softmax_entropia" / "03_softmax_entropia.ipynb"


@pytest.fixture(params=["bwrap", "landlock"])
def modo(request, monkeypatch):
    """Both jails: bubblewrap (namespaces) and the Landlock + seccomp fallback for machines without them.

    The fallback drops a root grader to a random uid only when that uid can run this Python; here
    Python lives under /root (0700), so the Landlock tests run the worker as root without that step
    (what they check — files, network, /proc, processes, signals — is Landlock's and seccomp's job).
    """
    monkeypatch.setenv("CURSO_DL_JAULA", request.param)
    monkeypatch.setenv("CURSO_DL_CALIENTE", "0")  # these are the fresh jails, not workers forked warm (test_caliente)
    if request.param == "landlock" and not jaula.python_accesible_para_otros():
        monkeypatch.setattr(jaula, "python_accesible_para_otros", lambda: True)
        monkeypatch.setattr(jaula, "uid_para_landlock", lambda: None)
    jaula.motivo_no_disponible.cache_clear()
    assert jaula.modo() == request.param
    yield request.param
    jaula.motivo_no_disponible.cache_clear()


def en_jaula(codigo: str, **limites) -> dict:
    """Runs `codigo` as a notebook cell in a fresh jail; returns the JSON the cell printed last."""
    configuracion = ConfiguracionAislamiento(limites=LimitesAislamiento(**limites), aislar=True)
    with ProcesoAislado(configuracion) as proceso:
        celda = proceso.iniciar([{"indice": 0, "codigo": codigo}])[0]
    assert celda["error"] is None, celda
    return json.loads(celda["salida"].strip().splitlines()[-1])


def test_el_codigo_en_la_jaula_no_es_root_ni_tiene_capacidades():
    visto = en_jaula("import os, json\n"
                     "estado = open('/proc/self/status').read()\n"
                     "caps = [l.split()[1] for l in estado.splitlines() if l.startswith(('CapEff', 'CapPrm', 'CapBnd'))]\n"
                     "nnp = [l.split()[1] for l in estado.splitlines() if l.startswith('NoNewPrivs')]\n"
                     "print(json.dumps({'uid': os.getuid(), 'euid': os.geteuid(), 'caps': caps, 'nnp': nnp}))")
    assert visto["uid"] != 0 and visto["euid"] != 0
    assert set(visto["caps"]) == {"0000000000000000"}
    assert visto["nnp"] == ["1"]


def test_la_jaula_no_ve_el_repositorio_ni_el_entorno_del_calificador(modo, monkeypatch):
    monkeypatch.setenv("SECRETO_DEL_CALIFICADOR", "no-debe-verse")
    visto = en_jaula("import os, json\n"
                     "def leer(ruta):\n"
                     "    try:\n"
                     "        return len(open(ruta, 'rb').read())\n"
                     "    except OSError as e:\n"
                     "        return type(e).__name__\n"
                     f"print(json.dumps({{'repo': leer({str(RAIZ / 'solutions' / 'softmax_entropia.py')!r}),"
                     " 'secreto': os.environ.get('SECRETO_DEL_CALIFICADOR'),"
                     " 'entorno_padre': leer(f'/proc/{os.getppid()}/environ'),"
                     " 'memoria_padre': leer(f'/proc/{os.getppid()}/mem')}))")
    assert isinstance(visto["repo"], str), "the jail read a reference solution"
    assert visto["secreto"] is None
    assert isinstance(visto["entorno_padre"], str) and isinstance(visto["memoria_padre"], str), visto


def test_la_jaula_no_tiene_red(modo):
    visto = en_jaula("import socket, json\n"
                     "try:\n"
                     "    socket.create_connection(('127.0.0.1', 22), timeout=2); r = 'conectado'\n"
                     "except OSError as e:\n"
                     "    r = type(e).__name__\n"
                     "print(json.dumps({'red': r}))")
    assert visto["red"] != "conectado"


def test_el_disco_de_la_jaula_tiene_tope(modo):
    visto = en_jaula("import json\n"
                     "escritos = 0\n"
                     "try:\n"
                     "    with open('/trabajo/grande', 'wb') as f:\n"
                     "        for _ in range(200):\n"
                     "            f.write(b'x' * 2**20); escritos += 1\n"
                     "except OSError as e:\n"
                     "    pass\n"
                     "print(json.dumps({'mib': escritos}))", archivo_max_mib=64)
    assert visto["mib"] < 65


def test_dos_jaulas_a_la_vez_no_se_ven(modo):
    """Jail B cannot read, at the same absolute paths, the files jail A wrote while both run."""
    configuracion = ConfiguracionAislamiento(aislar=True)
    with ProcesoAislado(configuracion) as a, ProcesoAislado(configuracion) as b:
        escritos = a.iniciar([{"indice": 0, "codigo": "import os, json\n"
                               "rutas = [os.path.abspath('marca_a'), os.environ['TMPDIR'] + '/marca_a']\n"
                               "for r in rutas: open(r, 'w').write('secreto de A')\n"
                               "print(json.dumps(rutas))"}])[0]
        rutas = json.loads(escritos["salida"])
        celda = b.iniciar([{"indice": 0, "codigo": f"for r in {rutas!r}:\n"
                            "    try:\n        print(open(r).read())\n"
                            "    except OSError as e:\n        print(type(e).__name__)"}])[0]
    assert len(rutas) == 2 and celda["error"] is None and "secreto de A" not in celda["salida"], celda


def test_al_cerrar_no_queda_ningun_proceso_de_la_jaula(modo):
    """A process started around the audit hook (``_posixsubprocess``, in its own session) dies with the jail.

    With Landlock there is no pid namespace to kill it with, so seccomp refuses to start it at all.
    """
    marca = "marca-proceso-huerfano-7f3a"
    codigo = ("import _posixsubprocess, os\n"
              "r, w = os.pipe()\n"
              f"_posixsubprocess.fork_exec([b'{marca}', b'300'], [b'/usr/bin/sleep'], True, (w,),"
              " None, None, -1, -1, -1, -1, -1, -1, r, w, True, True, -1, None, None, None, -1, None, False)\n")
    with ProcesoAislado(ConfiguracionAislamiento(aislar=True)) as proceso:
        celda = proceso.iniciar([{"indice": 0, "codigo": codigo}])[0]
        vivos = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
        if modo == "landlock":
            assert celda["error"] and "PermissionError" in celda["error"] and marca not in vivos, celda
            return
        assert celda["error"] is None, celda
        assert marca in vivos  # it did start, so the check below can fail
    restantes = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    assert marca not in restantes


def test_sin_jaula_calificar_se_niega_con_una_linea_en_espanol(monkeypatch):
    monkeypatch.setattr(jaula, "ruta_bwrap", lambda: None)
    jaula.motivo_no_disponible.cache_clear()
    try:
        with pytest.raises(ErrorAislamientoNoDisponible, match="bubblewrap"):
            calificar_cuaderno(leer_cuaderno(CUADERNO_03), cargar_tarea("03_softmax_entropia"), "alguien")
        # The student's self-check never needs the jail.
        resultado = calificar_cuaderno(leer_cuaderno(CUADERNO_03), cargar_tarea("03_softmax_entropia"), "publico",
                                       solo_publicas=True)
        assert resultado.casos and all(c.aprobada for c in resultado.casos)
    finally:
        jaula.motivo_no_disponible.cache_clear()


def test_la_linea_de_ordenes_se_niega_sin_jaula_y_lo_explica(tmp_path):
    """With no usable bwrap, `calificar` exits 2 with one Spanish line; `comprobar` still works."""
    entorno = {**os.environ, "CURSO_DL_BWRAP": str(tmp_path / "no-existe" / "bwrap"), "PYTHONPATH": str(RAIZ)}
    salida = subprocess.run([sys.executable, "-m", "autograder", "calificar", str(CUADERNO_03)],
                            capture_output=True, text=True, env=entorno, cwd=tmp_path, timeout=120)
    assert salida.returncode == 2
    lineas = salida.stderr.strip().splitlines()
    assert len(lineas) == 1 and "aislamiento" in lineas[0] and "bubblewrap" in lineas[0], salida.stderr
    comprobacion = subprocess.run([sys.executable, "-m", "autograder", "comprobar", str(CUADERNO_03)],
                                  capture_output=True, text=True, env=entorno, cwd=tmp_path, timeout=120)
    assert comprobacion.returncode == 0 and "Total" in comprobacion.stdout, comprobacion.stderr


def test_un_entorno_virtual_enlazado_funciona_en_la_jaula(tmp_path):
    """A virtualenv reached through a symbolic link (e.g. a checkout sharing another's .venv) keeps working."""
    (tmp_path / ".venv").symlink_to(sys.prefix)
    salida = subprocess.run([str(tmp_path / ".venv" / "bin" / "python"), "-m", "autograder", "calificar", "--json",
                             str(CUADERNO_03)], capture_output=True, text=True, cwd=tmp_path, timeout=300,
                            env={**os.environ, "PYTHONPATH": str(RAIZ)})
    assert salida.returncode == 0, salida.stderr
    resultado = json.loads(salida.stdout)
    assert resultado["aislado"] is True and resultado["puntaje"] == resultado["puntaje_max"] == 26
