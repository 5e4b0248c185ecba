"""El kit público: lo que se entrega al alumno junto al cuaderno.

It is this package without the instructor-only modules, with each grader
file reduced to its public cases (hidden cases and imports of the reference
solutions are cut out by line ranges taken from the AST, so comments stay),
plus the ``source_data`` loader package.

Helper modules (every other ``.py`` of the grader package, and ``comprobaciones_*.py``) are
shipped as they are, so they must not hold code that computes a graded function: not the right
answer, and not a "wrong variant" function whose default arguments give the right answer. Code
that computes answers for hidden inputs lives on the reference side (``solutions/<paquete>.py``,
reached by the hidden cases through the ``referencia`` fixture; see ``paso_rnn_variante`` in
``solutions/redes_recurrentes.py``), and public cases write the expected and known wrong outputs of
their fixed example as literals. ``tests/test_kit_sin_soluciones.py`` checks every task's kit.

Keras-only modules (``SOLO_KERAS``: ``comprobaciones_keras.py``, ``comprobaciones_preprocesado.py``; only the
graders of Keras tasks import them) ship only in the kits of Keras tasks (``tarea.usa_keras``). In a NumPy task
they are of no use and could compute one of its graded functions (``comprobaciones_keras.exactitud`` is
03_softmax_entropia's ``exactitud``); in a Keras task they measure the student's model, not a graded function.
"""
from __future__ import annotations

import ast
import atexit
import shutil
import tempfile
import threading
from pathlib import Path

from .tareas import PREFIJO_CASOS, Tarea

PAQUETE = Path(__file__).resolve().parent
RAIZ = PAQUETE.parent
SOLO_PROFESOR = {"nbgrader_integracion.py", "curso.py"}
SOLO_KERAS = {"comprobaciones_keras.py", "comprobaciones_preprocesado.py"}  # only in Keras tasks' kits


def _es_caso_oculto(nodo: ast.AST) -> bool:
    if not isinstance(nodo, ast.FunctionDef):
        return False
    for decorador in nodo.decorator_list:
        if isinstance(decorador, ast.Call) and getattr(decorador.func, "id", "") == "caso":
            for palabra in decorador.keywords:
                if palabra.arg == "oculta" and isinstance(palabra.value, ast.Constant) and palabra.value.value:
                    return True
    return False


def _importa_soluciones(nodo: ast.AST) -> bool:
    if isinstance(nodo, ast.ImportFrom):
        return (nodo.module or "").split(".")[0] == "solutions"
    if isinstance(nodo, ast.Import):
        return any(n.name.split(".")[0] == "solutions" for n in nodo.names)
    return False


def version_publica(codigo: str) -> str:
    """El archivo de casos sin los casos ocultos ni las importaciones de `solutions`."""
    arbol = ast.parse(codigo)
    quitar = set()
    for nodo in arbol.body:
        if _es_caso_oculto(nodo) or _importa_soluciones(nodo):
            inicio = min([nodo.lineno] + [d.lineno for d in getattr(nodo, "decorator_list", [])])
            quitar.update(range(inicio, nodo.end_lineno + 1))
    lineas = [l for i, l in enumerate(codigo.splitlines(keepends=True), start=1) if i not in quitar]
    publico = "".join(lineas)
    compile(publico, "<kit>", "exec")
    return publico


def escribir_kit(tarea: Tarea, destino: Path) -> Path:
    """Escribe en `destino` las carpetas `autograder/` (pública) y `source_data/`."""
    destino = Path(destino)
    paquete = destino / "autograder"
    (paquete / "calificadores").mkdir(parents=True, exist_ok=True)
    for archivo in PAQUETE.glob("*.py"):
        if archivo.name not in SOLO_PROFESOR and (tarea.usa_keras or archivo.name not in SOLO_KERAS):
            shutil.copy(archivo, paquete / archivo.name)
    shutil.copy(PAQUETE / "calificadores" / "__init__.py", paquete / "calificadores" / "__init__.py")
    origen = PAQUETE / "calificadores" / tarea.paquete
    (paquete / "calificadores" / tarea.paquete).mkdir(exist_ok=True)
    for archivo in origen.glob("*.py"):
        codigo = archivo.read_text(encoding="utf-8")
        if archivo.name.startswith(PREFIJO_CASOS):
            codigo = version_publica(codigo)
        (paquete / "calificadores" / tarea.paquete / archivo.name).write_text(codigo, encoding="utf-8")
    if (RAIZ / "source_data").is_dir():
        shutil.copytree(RAIZ / "source_data", destino / "source_data", dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("__pycache__"))
    return destino


_KITS: dict = {}
_CERROJO = threading.Lock()  # grading threads build kits at once; ast.parse is not thread-safe in CPython 3.11


def kit_de_tarea(tarea: Tarea) -> Path:
    """Una copia del kit por tarea y proceso, en un directorio temporal que se borra al salir."""
    with _CERROJO:
        if tarea.id not in _KITS:
            directorio = Path(tempfile.mkdtemp(prefix=f"kit_{tarea.id}_"))
            atexit.register(shutil.rmtree, directorio, True)
            _KITS[tarea.id] = escribir_kit(tarea, directorio)
        return _KITS[tarea.id]
