"""El motor de calificación: uno solo para la CLI, nbgrader, la autocomprobación y las pruebas."""
from __future__ import annotations

import importlib
import time
from pathlib import Path

from .aislamiento import ConfiguracionAislamiento
from .alumno import AlumnoAislado
from .casos import Caso
from .cuaderno import celdas_del_alumno
from .errores import Fallo
from .resultados import ResultadoCalificacion, ResultadoCaso
from .semillas import ALUMNO_PUBLICO, generador
from .tareas import Tarea

RAIZ_PAQUETE = Path(__file__).resolve().parent


def ejecutar_caso(caso: Caso, tarea: Tarea, ejercicio: str, alumno, alumno_id: str) -> ResultadoCaso:
    """Runs one case with the fixtures it asks for; any failure is 0 points with a message."""
    dueno = alumno_id if caso.oculta else ALUMNO_PUBLICO
    disponibles = {
        "alumno": lambda: alumno,
        "rng": lambda: generador(tarea.id, dueno, f"{ejercicio}/{caso.nombre}"),
        "referencia": lambda: importlib.import_module(tarea.referencia),
    }
    argumentos = {p: disponibles[p]() for p in caso.parametros}
    identificador = f"{ejercicio}/{caso.nombre}"
    try:
        caso.funcion(**argumentos)
    except Fallo as fallo:
        return ResultadoCaso(identificador, ejercicio, 0.0, caso.puntos, False, str(fallo), caso.oculta)
    except AssertionError as fallo:
        mensaje = str(fallo).split("\nassert ")[0] or caso.descripcion
        return ResultadoCaso(identificador, ejercicio, 0.0, caso.puntos, False, mensaje, caso.oculta)
    return ResultadoCaso(identificador, ejercicio, caso.puntos, caso.puntos, True, caso.exito, caso.oculta)


def ejecutar_casos(tarea: Tarea, alumno, alumno_id: str, solo_publicas: bool = False,
                   ejercicios: tuple | None = None) -> list[ResultadoCaso]:
    resultados = []
    for ejercicio in ejercicios or tarea.ejercicios:
        for caso in tarea.casos(ejercicio):
            if solo_publicas and caso.oculta:
                continue
            resultados.append(ejecutar_caso(caso, tarea, ejercicio, alumno, alumno_id))
    return resultados


def configuracion_para(tarea: Tarea, directorio_entrega: Path | None, prohibidos=(), kit: Path | None = None) -> ConfiguracionAislamiento:
    """What the worker gets: the public kit (so notebook imports work) and the declared artifacts."""
    archivos = {}
    if kit is not None:
        archivos.update({p.name: p for p in kit.iterdir()})
    if directorio_entrega is not None:
        for artefacto in tarea.artefactos:
            if (Path(directorio_entrega) / artefacto).is_file():
                archivos[artefacto] = Path(directorio_entrega) / artefacto
    precargar = (*tarea.precargar, "keras") if tarea.usa_keras else tarea.precargar
    return ConfiguracionAislamiento(limites=tarea.limites, archivos=archivos,
                                    prohibidos=list(prohibidos), precargar=precargar)


def calificar_cuaderno(nb, tarea: Tarea, alumno_id: str, directorio_entrega: Path | None = None,
                       solo_publicas: bool = False, prohibidos=()) -> ResultadoCalificacion:
    """Ejecuta el cuaderno aislado y corre los casos de la tarea contra él."""
    from .kit import kit_de_tarea

    inicio = time.perf_counter()
    configuracion = configuracion_para(tarea, directorio_entrega, prohibidos, kit_de_tarea(tarea))
    with AlumnoAislado(celdas_del_alumno(nb), configuracion, tarea.fuentes_inyectadas(), directorio_entrega) as alumno:
        salidas = alumno.ejecutar_cuaderno()
        casos = ejecutar_casos(tarea, alumno, alumno_id, solo_publicas)
    return ResultadoCalificacion(tarea.id, alumno_id, casos, salidas, time.perf_counter() - inicio)
