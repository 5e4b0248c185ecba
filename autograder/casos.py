"""Casos de prueba: funciones ``test_*`` con puntos, visibilidad y mensaje de éxito.

A grader file holds the cases of one graded exercise (``test_<ejercicio>.py``),
in the style of Otter test files: each case says how many points it is worth,
whether it is hidden, and what to tell the student when it passes. The
student's copy of the file is the same file with the hidden cases removed
(``autograder.kit``), so public ⊂ hidden holds by construction.

A case asks for what it needs by parameter name: ``alumno`` (always),
``rng`` (a NumPy generator seeded per student, assignment and case) and
``referencia`` (the reference solution module; hidden cases only).
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Caso:
    nombre: str
    funcion: Callable
    puntos: float
    oculta: bool
    exito: str
    descripcion: str

    @property
    def parametros(self) -> tuple:
        return tuple(inspect.signature(self.funcion).parameters)


def caso(puntos: float = 1.0, oculta: bool = False, exito: str = "") -> Callable:
    """Marca una función ``test_*`` como caso calificado."""
    if puntos <= 0:
        raise ValueError("un caso debe valer más de 0 puntos")

    def decorar(funcion: Callable) -> Callable:
        if not funcion.__name__.startswith("test_"):
            raise ValueError(f"el caso {funcion.__name__} debe llamarse test_*")
        funcion.caso = Caso(
            nombre=funcion.__name__.removeprefix("test_"),
            funcion=funcion,
            puntos=float(puntos),
            oculta=oculta,
            exito=exito or "correcto.",
            descripcion=inspect.getdoc(funcion) or funcion.__name__,
        )
        return funcion

    return decorar


def recolectar(modulo) -> list[Caso]:
    """Los casos de un módulo, en el orden en que están escritos."""
    casos = [f.caso for f in vars(modulo).values() if callable(f) and hasattr(f, "caso")]
    return sorted(casos, key=lambda c: c.funcion.__code__.co_firstlineno)
