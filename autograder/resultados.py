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

    @classmethod
    def desde_json(cls, datos: dict, alumno: str = "") -> "ResultadoCalificacion":
        """La inversa de ``a_json``: el resultado que escribe ese JSON (p. ej. desde la caché de ``lote``).

        Optional keys that ``a_json`` leaves out are used when present: ``alumno``, ``segundos``,
        ``aislado``, ``salidas_celdas`` and, in each case, ``ejercicio`` (else the part of ``id``
        before the first "/") and ``oculta``. The totals are recomputed from the cases.
        """
        casos = [ResultadoCaso(id=p["id"], ejercicio=p.get("ejercicio", p["id"].split("/", 1)[0]),
                               puntaje=float(p["puntaje"]), puntaje_max=float(p["puntaje_max"]),
                               aprobada=bool(p["aprobada"]), mensaje=p["mensaje"], oculta=bool(p.get("oculta", False)))
                 for p in datos["pruebas"]]
        resultado = cls(datos["tarea"], datos.get("alumno", alumno), casos, list(datos.get("salidas_celdas", [])),
                        float(datos.get("segundos", 0.0)))
        if "aislado" in datos:
            resultado.aislado = bool(datos["aislado"])
        return resultado


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


def nota_de_puntos(tarea, ejercicios, de: str = "este ejercicio") -> str:
    """Where the points of `ejercicios` come from at grading (``casos.puntos_al_calificar``), in Spanish."""
    from .casos import puntos_al_calificar

    total = publicos = 0.0  # public cases keep points in the quiz's format check and in exercises without hidden cases
    for ejercicio in ejercicios:
        casos = tarea.casos(ejercicio)
        total += sum(c.puntos for c in casos)
        publicos += sum(p for c, p in zip(casos, puntos_al_calificar(casos)) if not c.oculta)
    ocultos = total - publicos
    if not publicos:
        return (f"Al calificar, los {_puntos(total)} puntos de {de} salen de casos ocultos con otras entradas; "
                "estas comprobaciones públicas solo orientan.")
    if not ocultos:
        return f"Al calificar, los {_puntos(total)} puntos de {de} salen de estas mismas comprobaciones."
    return (f"Al calificar, {_puntos(ocultos)} de los {_puntos(total)} puntos de {de} salen de casos ocultos con "
            f"otras entradas y {_puntos(publicos)} de comprobaciones públicas como estas.")


def texto_autocomprobacion(casos: list, nota: str = "") -> str:
    """A self-check of one exercise: each public check, how many passed, and where the points come from."""
    lineas = [texto_caso_publico(c) for c in casos]
    lineas.append(resumen_comprobaciones(casos))
    if nota:
        lineas.append(nota)
    return "\n".join(lineas)


def _tarea(tarea_id: str):
    """The assignment, or None if it cannot be loaded (only the wording depends on it)."""
    try:
        from .calificadores import cargar_tarea

        return cargar_tarea(tarea_id)
    except Exception:  # noqa: BLE001
        return None


def texto_resultado(resultado: ResultadoCalificacion, titulo: str = "Calificación") -> str:
    lineas = [f"{titulo} de la tarea {resultado.tarea}", ""]
    ejercicios = list(dict.fromkeys(c.ejercicio for c in resultado.casos))
    if es_autocomprobacion(resultado.casos):
        tarea = _tarea(resultado.tarea)
        for ejercicio in ejercicios:
            lineas.append(f"== {ejercicio} ==")
            nota = nota_de_puntos(tarea, [ejercicio]) if tarea else ""
            lineas.append(texto_autocomprobacion(resultado.del_ejercicio(ejercicio), nota))
            lineas.append("")
        aprobadas = sum(c.aprobada for c in resultado.casos)
        lineas.append(f"Total: {aprobadas} de {len(resultado.casos)} comprobaciones públicas superadas.")
        lineas.append(nota_de_puntos(tarea, tarea.ejercicios, "la tarea") if tarea else NOTA_AUTOCOMPROBACION)
        return "\n".join(lineas)
    for ejercicio in ejercicios:
        lineas.append(f"== {ejercicio} ==")
        lineas.append(texto_ejercicio(resultado.del_ejercicio(ejercicio)))
        lineas.append("")
    lineas.append(f"Total: {_puntos(resultado.puntaje)} de {_puntos(resultado.puntaje_max)} puntos.")
    return "\n".join(lineas)
