"""Descripción de una tarea calificable: sus ejercicios, dependencias y límites."""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field

from .aislamiento import LimitesAislamiento
from .casos import Caso, recolectar

PREFIJO_CELDA = "pruebas_"


@dataclass(frozen=True)
class Tarea:
    """Una tarea del catálogo (`CATALOGO.md`).

    ``ejercicios`` are graded in this order; exercise ``e`` has its cases in
    ``autograder/calificadores/<paquete>/test_<e>.py`` and its graded test cell
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
        return importlib.import_module(f"autograder.calificadores.{self.paquete}.test_{ejercicio}")

    def casos(self, ejercicio: str) -> list[Caso]:
        return recolectar(self.modulo_casos(ejercicio))

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
