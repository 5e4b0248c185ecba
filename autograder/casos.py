"""Casos de prueba: funciones ``test_*`` con puntos, visibilidad y mensaje de éxito.

A grader file holds the cases of one graded exercise (``casos_<ejercicio>.py``: not
``test_*.py``, which pytest would collect and fail on for want of an ``alumno`` fixture),
in the style of Otter test files: each case says how many points it is worth,
whether it is hidden, and what to tell the student when it passes. The
student's copy of the file is the same file with the hidden cases removed
(``autograder.kit``), so public ⊂ hidden holds by construction.

A case asks for what it needs by parameter name: ``alumno`` (always),
``rng`` (a NumPy generator seeded per student, assignment and case) and
``referencia`` (the reference solution module; hidden cases only).

Points at grading time (``puntos_al_calificar``): a public case's inputs and
expected values are in the student's kit, so a function that only reproduces
them must not earn anything. When grading, public cases are worth 0 and the
hidden cases of the same exercise share the exercise's declared total in
proportion to their declared points, so the exercise total (the sum of the
declared points of all its cases, as in the notebook and the gradebook) does
not change. A public case declared ``formato=True`` (the quiz's answer-format
check, which grades nothing a student could copy) keeps its points. The
self-check (public cases only) shows the declared points.
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
    formato: bool = False

    @property
    def parametros(self) -> tuple:
        return tuple(inspect.signature(self.funcion).parameters)


def caso(puntos: float = 1.0, oculta: bool = False, exito: str = "", formato: bool = False) -> Callable:
    """Marca una función ``test_*`` como caso calificado.

    ``formato=True`` only for a public check of the answers' format that keeps its points at grading.
    """
    if puntos <= 0:
        raise ValueError("un caso debe valer más de 0 puntos")
    if formato and oculta:
        raise ValueError("solo un caso público puede conservar sus puntos por ser de formato")

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
            formato=formato,
        )
        return funcion

    return decorar


def recolectar(modulo) -> list[Caso]:
    """Los casos de un módulo, en el orden en que están escritos.

    A module's namespace keeps the order in which its names were bound, which is the order the
    file declares them, also for a case made by a shared helper (``caso_de_formato``)."""
    return [f.caso for f in vars(modulo).values() if callable(f) and hasattr(f, "caso")]


def puntos_al_calificar(casos: list[Caso]) -> list[float]:
    """Points of each case of one exercise when grading (see the module docstring).

    Public cases get 0 (``formato`` ones keep theirs) and the hidden ones share the rest of the
    exercise total in proportion to their declared points; the last hidden case takes the
    remainder, so the points add up to the exercise total exactly. An exercise without hidden
    cases cannot apply the rule and keeps its declared points (``tests/test_sin_puntos_por_memorizar.py``
    requires a hidden case in every exercise).
    """
    ocultos = [i for i, c in enumerate(casos) if c.oculta]
    if not ocultos:
        return [c.puntos for c in casos]
    puntos = [c.puntos if c.formato else 0.0 for c in casos]
    a_repartir = sum(c.puntos for c in casos) - sum(puntos)
    declarados = sum(casos[i].puntos for i in ocultos)
    repartido = 0.0
    for i in ocultos[:-1]:
        puntos[i] = a_repartir * casos[i].puntos / declarados
        repartido += puntos[i]
    puntos[ocultos[-1]] = a_repartir - repartido
    return puntos
