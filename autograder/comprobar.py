"""Autocomprobación dentro del cuaderno del alumno: solo casos públicos, mensajes en español.

Used by the notebook's test cells::

    comprobar = Comprobaciones("03_softmax_entropia")   # provided setup cell
    comprobar("softmax", softmax)                        # graded test cell
    comprobar("metricas", respuesta_25=respuesta_25)     # values (e.g. quiz answers) by keyword

This runs in the student's own kernel, so it is only feedback: the grade is
always computed out of the kernel by ``autograder.motor``. The self-check
counts checks, not points (public cases are worth 0 at grading).

A failed check raises ``ComprobacionFallida``: the cell keeps an error output
(so nbgrader's Validate still reports it as failed), but IPython shows only the
Spanish lines of ``_render_traceback_``, never a Python traceback. In the
student's notebook every check (passed or failed, with its hint) is printed and
the error adds one red line; under Validate (``NBGRADER_EXECUTION=validate``,
whose dialog shows only error outputs) the error carries the failed checks with
their hints. The exception's message always carries them.
"""
from __future__ import annotations

import os
from pathlib import Path

from .alumno import AlumnoLocal
from .calificadores import cargar_tarea
from .motor import ejecutar_casos
from .resultados import nota_de_puntos, resumen_comprobaciones, texto_caso_publico

ROJO, NORMAL = "\x1b[0;31m", "\x1b[0m"


class ComprobacionFallida(AssertionError):
    """Alguna comprobación pública no se cumple (la celda queda marcada en rojo, sin traceback).

    ``str(error)`` is the whole Spanish explanation (failed checks with their hints); IPython
    renders it through ``_render_traceback_`` instead of a traceback.
    """

    def _render_traceback_(self) -> list[str]:
        lineas = str(self).splitlines() or [type(self).__name__]
        if not os.environ.get("NBGRADER_EXECUTION"):  # the student's kernel: the detail is printed just above
            return [f"{ROJO}✘ {lineas[0].rstrip(':')} (explicación arriba).{NORMAL}"]
        return [f"{ROJO}{lineas[0]}{NORMAL}", *lineas[1:]]


def mensaje_de_fallo(ejercicio: str, resultados: list) -> str:
    """The Spanish explanation of a failed self-check: the count, then each failed check with its hint."""
    fallidas = [r for r in resultados if not r.aprobada]
    lineas = [f"{len(fallidas)} de {len(resultados)} comprobaciones públicas fallaron en '{ejercicio}':"]
    lineas += [texto_caso_publico(r) for r in fallidas]
    return "\n".join(lineas)


class Comprobaciones:
    def __init__(self, tarea_id: str, directorio: Path | str = "."):
        self.tarea = cargar_tarea(tarea_id)
        self.directorio = Path(directorio)

    def __call__(self, ejercicio: str, *funciones, **valores) -> None:
        if ejercicio not in self.tarea.ejercicios:
            raise ValueError(f"'{ejercicio}' no es un ejercicio de {self.tarea.id}")
        espacio = {**{f.__name__: f for f in funciones}, **valores}
        resultados = ejecutar_casos(self.tarea, AlumnoLocal(espacio, self.directorio), "publico",
                                    solo_publicas=True, ejercicios=(ejercicio,))
        for resultado in resultados:
            print(texto_caso_publico(resultado))
        print(resumen_comprobaciones(resultados))
        if any(not r.aprobada for r in resultados):
            raise ComprobacionFallida(mensaje_de_fallo(ejercicio, resultados)) from None
        print(nota_de_puntos(self.tarea, [ejercicio]))
