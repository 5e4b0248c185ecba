"""Autocomprobación dentro del cuaderno del alumno: solo casos públicos, mensajes en español.

Used by the notebook's test cells::

    comprobar = Comprobaciones("03_softmax_entropia")   # provided setup cell
    comprobar("softmax", softmax)                        # graded test cell
    comprobar("metricas", respuesta_25=respuesta_25)     # values (e.g. quiz answers) by keyword

This runs in the student's own kernel, so it is only feedback: the grade is
always computed out of the kernel by ``autograder.motor``.
"""
from __future__ import annotations

from pathlib import Path

from .alumno import AlumnoLocal
from .calificadores import cargar_tarea
from .motor import ejecutar_casos
from .resultados import texto_ejercicio


class ComprobacionFallida(AssertionError):
    """Alguna comprobación pública no se cumple (la celda queda marcada en rojo)."""


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
        print(texto_ejercicio(resultados).replace("Puntaje de este ejercicio", "Comprobaciones públicas"))
        fallidas = [r for r in resultados if not r.aprobada]
        if fallidas:
            raise ComprobacionFallida(
                f"{len(fallidas)} de {len(resultados)} comprobaciones públicas fallaron en '{ejercicio}' (detalle arriba).")
        print("Recuerda: al calificar se usan además casos ocultos con otras entradas.")
