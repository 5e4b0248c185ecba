"""Resultados de una calificación y su presentación (texto en español y JSON)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class ResultadoCaso:
    id: str
    ejercicio: str
    puntaje: float
    puntaje_max: float
    aprobada: bool
    mensaje: str
    oculta: bool = False


@dataclass
class ResultadoCalificacion:
    tarea: str
    alumno: str
    casos: list = field(default_factory=list)
    salidas_celdas: list = field(default_factory=list)
    segundos: float = 0.0

    @property
    def puntaje(self) -> float:
        return round(sum(c.puntaje for c in self.casos), 6)

    @property
    def puntaje_max(self) -> float:
        return round(sum(c.puntaje_max for c in self.casos), 6)

    def del_ejercicio(self, ejercicio: str) -> list:
        return [c for c in self.casos if c.ejercicio == ejercicio]

    def puntaje_ejercicio(self, ejercicio: str) -> float:
        return round(sum(c.puntaje for c in self.del_ejercicio(ejercicio)), 6)

    def a_json(self) -> dict:
        return {
            "tarea": self.tarea,
            "puntaje": self.puntaje,
            "puntaje_max": self.puntaje_max,
            "pruebas": [
                {k: v for k, v in asdict(c).items() if k in ("id", "puntaje", "puntaje_max", "aprobada", "mensaje")}
                for c in self.casos
            ],
        }


SIN_PUNTOS = "comprobación pública: sin puntos al calificar"
NOTA_OCULTOS = ("Al calificar, los puntos de este ejercicio salen de los casos ocultos, con entradas que no ves; "
                "las comprobaciones públicas solo orientan.")


def _puntos(x: float) -> str:
    """A total (exercise or assignment), exact to 6 decimals."""
    return f"{round(x, 6):g}"


def _puntos_caso(x: float) -> str:
    """The points of one case, readable: a hidden case may carry a share such as 5/3 of its exercise."""
    return f"{x:.3g}"


def texto_caso(caso: ResultadoCaso) -> str:
    marca = "✔" if caso.aprobada else "✘"
    puntos = SIN_PUNTOS if caso.puntaje_max == 0 else f"{_puntos_caso(caso.puntaje)}/{_puntos_caso(caso.puntaje_max)}"
    return f"{marca} {caso.id} [{puntos}]: {caso.mensaje}"


def texto_ejercicio(casos: list) -> str:
    obtenido = sum(c.puntaje for c in casos)
    maximo = sum(c.puntaje_max for c in casos)
    lineas = [texto_caso(c) for c in casos]
    if any(c.puntaje_max == 0 for c in casos) and maximo > 0:
        lineas.append(NOTA_OCULTOS)
    lineas.append(f"Puntaje de este ejercicio: {_puntos(obtenido)} de {_puntos(maximo)}.")
    return "\n".join(lineas)


# The self-check (public cases only) counts checks, never points: public cases are worth 0 at grading,
# where the points of each exercise come from its hidden cases (``casos.puntos_al_calificar``).
NOTA_AUTOCOMPROBACION = ("Al calificar, los puntos salen de casos ocultos con otras entradas; "
                         "estas comprobaciones públicas solo orientan.")


def es_autocomprobacion(casos: list) -> bool:
    """True for a self-check's results (public cases only): grading always runs hidden cases too."""
    return bool(casos) and not any(c.oculta for c in casos)


def texto_caso_publico(caso: ResultadoCaso) -> str:
    """One public check in the self-check: passed or not and why, without points."""
    return f"{'✔' if caso.aprobada else '✘'} {caso.id}: {caso.mensaje}"


def resumen_comprobaciones(casos: list) -> str:
    """'Comprobaciones públicas superadas: X de Y.' (checks, not points)."""
    return f"Comprobaciones públicas superadas: {sum(c.aprobada for c in casos)} de {len(casos)}."


def texto_autocomprobacion(casos: list, puntos_al_calificar: float | None = None) -> str:
    """A self-check of one exercise: each public check, how many passed, and where the points come from."""
    lineas = [texto_caso_publico(c) for c in casos]
    lineas.append(resumen_comprobaciones(casos))
    if puntos_al_calificar is not None:
        lineas.append(f"Al calificar, los {_puntos(puntos_al_calificar)} puntos de este ejercicio salen de casos "
                      "ocultos con otras entradas; estas comprobaciones públicas solo orientan.")
    return "\n".join(lineas)


def _puntos_de_la_tarea(tarea_id: str, ejercicios: list) -> dict:
    """{exercise: points at grading} from the assignment's cases ({} if the assignment cannot be loaded)."""
    try:
        from .calificadores import cargar_tarea

        tarea = cargar_tarea(tarea_id)
        return {e: tarea.puntos(e) for e in ejercicios}
    except Exception:  # noqa: BLE001 - only wording depends on it
        return {}


def texto_resultado(resultado: ResultadoCalificacion, titulo: str = "Calificación") -> str:
    lineas = [f"{titulo} de la tarea {resultado.tarea}", ""]
    ejercicios = list(dict.fromkeys(c.ejercicio for c in resultado.casos))
    if es_autocomprobacion(resultado.casos):
        puntos = _puntos_de_la_tarea(resultado.tarea, ejercicios)
        for ejercicio in ejercicios:
            lineas.append(f"== {ejercicio} ==")
            lineas.append(texto_autocomprobacion(resultado.del_ejercicio(ejercicio), puntos.get(ejercicio)))
            lineas.append("")
        aprobadas = sum(c.aprobada for c in resultado.casos)
        lineas.append(f"Total: {aprobadas} de {len(resultado.casos)} comprobaciones públicas superadas.")
        if puntos:
            lineas.append(f"Al calificar, los {_puntos(sum(puntos.values()))} puntos de la tarea salen de casos "
                          "ocultos con otras entradas; estas comprobaciones no dan puntos.")
        else:
            lineas.append(NOTA_AUTOCOMPROBACION)
        return "\n".join(lineas)
    for ejercicio in ejercicios:
        lineas.append(f"== {ejercicio} ==")
        lineas.append(texto_ejercicio(resultado.del_ejercicio(ejercicio)))
        lineas.append("")
    lineas.append(f"Total: {_puntos(resultado.puntaje)} de {_puntos(resultado.puntaje_max)} puntos.")
    return "\n".join(lineas)
