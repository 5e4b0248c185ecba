"""Utilidades comunes de las pruebas: cuadernos fuente, variantes de alumnos y calificación real."""
from __future__ import annotations

import copy
import inspect
import os
import resource
import time
from pathlib import Path

import pytest

from autograder.calificadores import cargar_tarea
from autograder.cuaderno import leer_cuaderno, metadatos_nbgrader
from autograder.motor import calificar_cuaderno

RAIZ = Path(__file__).resolve().parents[1]
os.environ.setdefault("CURSO_DL_DATOS", str(RAIZ.parent / "shared" / "datasets"))


def cuaderno_fuente(tarea_id: str):
    return leer_cuaderno(RAIZ / "assignments" / tarea_id / f"{tarea_id}.ipynb")


def celda(nb, grade_id: str):
    for c in nb.cells:
        if metadatos_nbgrader(c).get("grade_id") == grade_id:
            return c
    raise KeyError(grade_id)


def con_celda(nb, grade_id: str, fuente: str):
    """Copia del cuaderno con la celda `grade_id` sustituida por `fuente`."""
    nuevo = copy.deepcopy(nb)
    celda(nuevo, grade_id)["source"] = fuente
    return nuevo


def en_blanco(nb):
    """El cuaderno tal como lo recibe el alumno: cada solución sustituida por el esbozo de nbgrader."""
    nuevo = copy.deepcopy(nb)
    for c in nuevo.cells:
        if metadatos_nbgrader(c).get("solution"):
            lineas, dentro = [], False
            for linea in c.source.split("\n"):
                if "### BEGIN SOLUTION" in linea:
                    dentro = True
                    sangria = linea[: len(linea) - len(linea.lstrip())]
                    lineas += [f"{sangria}# TU CÓDIGO AQUÍ", f"{sangria}raise NotImplementedError()"]
                elif "### END SOLUTION" in linea:
                    dentro = False
                elif not dentro:
                    lineas.append(linea)
            c["source"] = "\n".join(lineas)
    return nuevo


def calificar(nb, tarea_id: str, alumno: str = "alumno_prueba", directorio=None, **opciones):
    return calificar_cuaderno(nb, cargar_tarea(tarea_id), alumno, directorio, **opciones)


@pytest.fixture(scope="session")
def tarea03():
    return cargar_tarea("03_softmax_entropia")


@pytest.fixture(scope="session")
def fuente03():
    return cuaderno_fuente("03_softmax_entropia")


@pytest.fixture(scope="session")
def resultado_referencia03(fuente03):
    return calificar(fuente03, "03_softmax_entropia")


# -- the grading tests of one task (test_<tarea>.py with TAREA_ID at module level) -------------------

def segundos_cpu() -> float:
    """CPU seconds used so far by this process and its finished children (the sandboxes)."""
    propio, hijos = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return propio.ru_utime + propio.ru_stime + hijos.ru_utime + hijos.ru_stime


@pytest.fixture(scope="module")
def fuente(request):
    """The source notebook of the module's TAREA_ID."""
    return cuaderno_fuente(request.module.TAREA_ID)


@pytest.fixture(scope="module")
def calificacion_referencia(request, fuente):
    """(result, CPU seconds) of grading the source notebook of the module's TAREA_ID."""
    inicio, reloj = segundos_cpu(), time.perf_counter()
    resultado = calificar(fuente, request.module.TAREA_ID)
    segundos = segundos_cpu() - inicio
    print(f"calificar la referencia: {segundos:.2f} s de CPU, {time.perf_counter() - reloj:.2f} s de reloj")
    return resultado, segundos


@pytest.fixture(scope="module")
def resultado_referencia(calificacion_referencia):
    return calificacion_referencia[0]


def fuente_modificada(modulo, nombre: str, *cambios: tuple) -> str:
    """The source of the reference function ``modulo.nombre`` with each (old, new) edit applied (every edit must apply)."""
    codigo = inspect.getsource(getattr(modulo, nombre))
    for viejo, nuevo in cambios:
        assert viejo in codigo, f"{viejo!r} no está en la referencia de {nombre}"
        codigo = codigo.replace(viejo, nuevo)
    return codigo


def rota(nombre: str) -> str:
    """A cell that defines `nombre` without implementing it."""
    return f"def {nombre}(*args, **kwargs):\n    raise NotImplementedError()\n"


def mensajes_fallidos(resultado, ejercicio: str, separador: str = " ") -> str:
    return separador.join(c.mensaje for c in resultado.del_ejercicio(ejercicio) if not c.aprobada)


def comprobar_referencia_completa(resultado, tarea, puntos: dict, total: int):
    """The source notebook earns `total` with the announced points per exercise, no failed case and no cell error."""
    fallidas = [c.mensaje for c in resultado.casos if not c.aprobada]
    assert fallidas == []
    assert {e: resultado.puntaje_ejercicio(e) for e in tarea.ejercicios} == puntos
    assert resultado.puntaje == resultado.puntaje_max == total
    assert [s["error"] for s in resultado.salidas_celdas if s["error"]] == []


def calificar_variantes(fuente, tarea_id: str, variantes: dict) -> dict:
    """{variante: result} of grading, for each variant {exercise: (wrong source, hint, lost points)}, the source
    notebook with those cells replaced (one sandbox per variant)."""
    resultados = {}
    for nombre, errores in variantes.items():
        nb = fuente
        for ejercicio, (codigo, _, _) in errores.items():
            nb = con_celda(nb, ejercicio, "import numpy as np\n" + codigo)
        resultados[nombre] = calificar(nb, tarea_id, alumno=f"alumno_{nombre}")
    return resultados


@pytest.fixture(scope="module")
def resultados_variantes(request, fuente):
    """{variante: resultado} of the module's VARIANTES (see calificar_variantes)."""
    return calificar_variantes(fuente, request.module.TAREA_ID, request.module.VARIANTES)


def comprobar_variante(resultado, tarea, puntos: dict, errores: dict, pistas: dict | None = None):
    """Each mistake of the variant gets its hint and costs only its exercise (exactly its lost points when given).

    `errores` is {exercise: (wrong source, hint, lost points or None for "some")}; with `pistas`
    ({exercise: {key: hint}}) the hint is a key of it and no other hint of the exercise may appear.
    """
    for ejercicio in tarea.ejercicios:
        if ejercicio not in errores:
            assert resultado.puntaje_ejercicio(ejercicio) == puntos[ejercicio], ejercicio
            continue
        _, pista, perdidos = errores[ejercicio]
        mensajes = mensajes_fallidos(resultado, ejercicio)
        if pistas is None:
            assert pista in mensajes, (ejercicio, mensajes)
        else:
            assert pistas[ejercicio][pista] in mensajes, (ejercicio, mensajes)
            otras = [k for k, p in pistas[ejercicio].items() if k != pista and p in mensajes]
            assert otras == [], (ejercicio, otras, mensajes)
        if perdidos is not None:
            assert resultado.puntaje_ejercicio(ejercicio) == puntos[ejercicio] - perdidos, ejercicio
        else:
            assert resultado.puntaje_ejercicio(ejercicio) < puntos[ejercicio], ejercicio


def con_errores(nb, errores: dict, nombres, una_vez: bool = False):
    """`nb` with each named mistake {nombre: (exercise, old text, new text, hint)} applied to its cell.

    The old text must be in the cell (exactly once with `una_vez`)."""
    for nombre in nombres:
        ejercicio, viejo, nuevo, _ = errores[nombre]
        fuente_celda = celda(nb, ejercicio).source
        if una_vez:
            assert fuente_celda.count(viejo) == 1, f"{nombre}: no encontré {viejo!r} una sola vez en la celda {ejercicio}"
        else:
            assert viejo in fuente_celda, f"{nombre}: no encontré {viejo!r} en la celda {ejercicio}"
        nb = con_celda(nb, ejercicio, fuente_celda.replace(viejo, nuevo))
    return nb


def calificar_con_errores(fuente, tarea_id: str, errores: dict, cuadernos, una_vez: bool = False) -> dict:
    """{nombre del error: resultado del cuaderno que lo contiene}: one grading per notebook of `cuadernos`."""
    resultados = {}
    for nombres in cuadernos:
        resultado = calificar(con_errores(fuente, errores, nombres, una_vez), tarea_id)
        resultados.update({nombre: resultado for nombre in nombres})
    return resultados


def comprobar_grupos_de_errores(errores: dict, cuadernos):
    """Every mistake is in exactly one notebook, and no notebook breaks one function twice."""
    for nombres in cuadernos:
        ejercicios = [errores[n][0] for n in nombres]
        assert len(ejercicios) == len(set(ejercicios)), nombres
    assert sorted(n for nombres in cuadernos for n in nombres) == sorted(errores)


def comprobar_que_los_ocultos_no_revelan(resultados, minimo: int, prohibidos):
    """At least `minimo` failed hidden cases among the (distinct) results, none showing a fragment of `prohibidos`."""
    unicos = {id(r): r for r in resultados}.values()
    ocultos = [c for r in unicos for c in r.casos if c.oculta and not c.aprobada]
    assert len(ocultos) >= minimo
    for caso in ocultos:
        assert [p for p in prohibidos if p in caso.mensaje] == [], (caso.id, caso.mensaje)


def comprobar_alumno_simulado(fuente, tarea_id: str, tarea, resultado_referencia, perfil: str, pierden):
    """The simulated student `perfil` loses points exactly in the exercises `pierden` (the others are complete)."""
    from herramientas.simulados import celda_que_falta, perfiles_de

    resultado = calificar(perfiles_de(tarea_id)[perfil](en_blanco(fuente), fuente), tarea_id)
    for ejercicio in tarea.ejercicios:
        obtenido, completo = resultado.puntaje_ejercicio(ejercicio), resultado_referencia.puntaje_ejercicio(ejercicio)
        assert obtenido < completo if ejercicio in pierden else obtenido == completo, ejercicio
    assert perfil != "roto" or resultado.puntaje_ejercicio(celda_que_falta(tarea_id)) == 0


def comprobar_en_blanco(fuente, tarea_id: str):
    """The notebook as students get it earns 0, every case saying that the function is not implemented yet."""
    resultado = calificar(en_blanco(fuente), tarea_id)
    assert resultado.puntaje == 0
    assert all("todavía no está implementada" in c.mensaje for c in resultado.casos)


def comprobar_rotas(fuente, tarea_id: str, tarea, puntos: dict, rotas):
    """Breaking the exercises `rotas` at once costs all their points and nothing else (`puntos` per exercise)."""
    nb = fuente
    for ejercicio in rotas:
        nb = con_celda(nb, ejercicio, rota(ejercicio))
    resultado = calificar(nb, tarea_id)
    for otro in tarea.ejercicios:
        assert resultado.puntaje_ejercicio(otro) == (0 if otro in rotas else puntos[otro]), otro


def curso_generado(carpeta: Path, tarea_id: str) -> Path:
    """An nbgrader course in ``carpeta`` with ``tarea_id`` generated (gradebook and release), as an instructor does."""
    import subprocess
    import sys

    from autograder.curso import preparar_curso

    directorio = preparar_curso(carpeta, [tarea_id])
    entorno = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    generado = subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", tarea_id, "--force"],
                              cwd=directorio, env=entorno, capture_output=True, text=True, timeout=600)
    assert generado.returncode == 0, generado.stdout + generado.stderr
    return directorio
