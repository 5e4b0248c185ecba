"""Descripción de una tarea calificable: sus ejercicios, dependencias y límites.

A task is declared once, in ``autograder/calificadores/<paquete>/__init__.py``, with a preset that
fills in what its kind of task shares (``tarea_numpy`` or ``tarea_keras``)::

    TAREA = tarea_numpy(__name__, 14, ejercicios=("mi_funcion",))

``paquete`` comes from the module name, the id is the number and the package (``14_<paquete>``) and
the reference solution is ``solutions.<paquete>``; only what differs from the preset is written.
``autograder.calificadores`` finds the tasks by scanning its subpackages.
"""
from __future__ import annotations

import dataclasses
import importlib
from dataclasses import dataclass, field

from .aislamiento import LimitesAislamiento
from .casos import Caso, recolectar

PREFIJO_CELDA = "pruebas_"
# Cases of exercise e live in casos_<e>.py: not test_*.py, so that no test runner takes them for tests.
PREFIJO_CASOS = "casos_"


@dataclass(frozen=True)
class Tarea:
    """Una tarea del catálogo (`CATALOGO.md`).

    ``ejercicios`` are graded in this order; exercise ``e`` has its cases in
    ``autograder/calificadores/<paquete>/casos_<e>.py`` and its graded test cell
    in the notebook has grade id ``pruebas_<e>``. ``dependencias[e]`` lists the
    reference functions that replace the student's while ``e`` runs (computed on the
    trusted side, see ``trabajador._inyectar``), so a broken ``softmax`` costs only
    the softmax points and not those of the functions that call it.
    """

    id: str
    paquete: str
    ejercicios: tuple
    referencia: str = ""
    dependencias: dict = field(default_factory=dict)
    usa_keras: bool = False
    artefactos: tuple = ()
    precargar: tuple = ("numpy", "matplotlib.pyplot")  # imported in the worker before the student's code
    limites: LimitesAislamiento = field(default_factory=LimitesAislamiento)

    @staticmethod
    def id_celda(ejercicio: str) -> str:
        return PREFIJO_CELDA + ejercicio

    def modulo_casos(self, ejercicio: str):
        return importlib.import_module(f"autograder.calificadores.{self.paquete}.{PREFIJO_CASOS}{ejercicio}")

    def casos(self, ejercicio: str) -> list[Caso]:
        return recolectar(self.modulo_casos(ejercicio))

    def datos_de_confianza(self) -> list:
        """The loaders of the trusted data its cases read, as declared in each case module (``DATOS_DE_CONFIANZA``):
        functions without arguments whose result is cached, so that calling them before the cases, while the
        jail starts (``motor``), spares the cases that work. ``tests/test_datos_de_confianza.py`` checks that
        no case reads ``source_data`` outside them."""
        return [cargar for ejercicio in self.ejercicios
                for cargar in getattr(self.modulo_casos(ejercicio), "DATOS_DE_CONFIANZA", ())]

    def puntos(self, ejercicio: str) -> float:
        return sum(c.puntos for c in self.casos(ejercicio))

    def dependencias_de_referencia(self) -> dict:
        """{ejercicio: {función: función de referencia}}: run on the trusted side when the student's code calls them."""
        if not self.dependencias:
            return {}
        referencia = importlib.import_module(self.referencia)
        return {
            ejercicio: {f: getattr(referencia, f) for f in funciones}
            for ejercicio, funciones in self.dependencias.items()
        }


# What the NumPy tasks (01 to 03) share: graded cells never plot (only the cells skipped when grading
# do), so matplotlib, which triples the start-up time, is not preloaded.
PRECARGAR_NUMPY = ("numpy",)
LIMITES_NUMPY = LimitesAislamiento(memoria_gib=3.0, segundos_inicio=60.0, segundos_llamada=10.0, segundos_celda=10.0)
# What the Keras tasks (05 to 12) share; the engine adds "keras" to the preloaded modules (``usa_keras``).
PRECARGAR_KERAS = ("numpy", "matplotlib.pyplot")
LIMITES_KERAS = LimitesAislamiento(memoria_gib=8.0, segundos_inicio=240.0, segundos_llamada=120.0)
ARTEFACTOS_KERAS = ("modelo.keras", "historial.json")


def declarar_tarea(modulo: str, numero: int, ejercicios: tuple, **campos) -> Tarea:
    """The ``Tarea`` declared by the subpackage ``modulo`` (pass ``__name__``), task number ``numero``.

    ``paquete`` is the last part of ``modulo``, the id ``NN_<paquete>`` and ``referencia``
    ``solutions.<paquete>`` unless given; any other field of ``Tarea`` may be passed.
    """
    paquete = modulo.rpartition(".")[2]
    campos.setdefault("referencia", f"solutions.{paquete}")
    return Tarea(id=f"{numero:02d}_{paquete}", paquete=paquete, ejercicios=tuple(ejercicios), **campos)


def tarea_numpy(modulo: str, numero: int, ejercicios: tuple, **campos) -> Tarea:
    """A NumPy task: only ``numpy`` preloaded and the NumPy limits, unless given."""
    campos.setdefault("precargar", PRECARGAR_NUMPY)
    campos.setdefault("limites", dataclasses.replace(LIMITES_NUMPY))  # a copy: LimitesAislamiento is mutable
    return declarar_tarea(modulo, numero, ejercicios, **campos)


def tarea_keras(modulo: str, numero: int, ejercicios: tuple, **campos) -> Tarea:
    """A Keras task: ``usa_keras``, the Keras preloads and limits and ``modelo.keras`` + ``historial.json``."""
    campos.setdefault("usa_keras", True)
    campos.setdefault("precargar", PRECARGAR_KERAS)
    campos.setdefault("artefactos", ARTEFACTOS_KERAS)
    campos.setdefault("limites", dataclasses.replace(LIMITES_KERAS))
    return declarar_tarea(modulo, numero, ejercicios, **campos)
