"""Construye los cuadernos fuente de nbgrader a partir de sus fuentes en texto plano.

Uso (desde la raíz del proyecto)::

    python -m herramientas.construir_cuadernos                   # todas las tareas
    python -m herramientas.construir_cuadernos 03_softmax_entropia  # solo esas

Each ``fuentes_cuadernos/<tarea>.py`` is a notebook in jupytext's percent format (it opens as a
notebook in JupyterLab with jupytext): ``# %% [markdown]`` cells are Markdown, ``# %%`` cells are
code, neither escaped. The builder writes ``assignments/<tarea>/<tarea>.ipynb`` with nbgrader's
metadata (schema 3) and stable cell ids, so rebuilding an unchanged source changes no byte.

Cell kinds (the metadata on the ``# %%`` line, which jupytext parses):

- ``# %% [markdown]`` → locked text cell (grade id ``texto_NN``);
- ``# %%`` → provided locked code cell (``codigo_NN``);
- ``# %% omitir_al_calificar=true`` → the same, skipped by the grader (cells that only load
  data, train or plot; ``autograder.cuaderno.se_omite_al_calificar``);
- ``# %% libre=true`` → a free cell for the student to try things (no nbgrader metadata; with
  ``omitir_al_calificar=true`` as well, an example the grader skips);
- ``# %% solucion="softmax"`` → solution cell: its body (empty in the source) becomes the exact
  source of ``softmax`` in the task's reference module (``Tarea.referencia``);
- ``# %% prueba="softmax"`` → graded check cell of that exercise; its body is the call,
  e.g. ``comprobar("softmax", softmax)``, and its points come from the case files;
- ``# %% respuestas="bloque"`` → solution cell with its own body, which must hold exactly one
  ``### BEGIN SOLUTION`` / ``### END SOLUTION`` region (the quiz's answer cells);
- ``# %% generar="preguntas"`` → replaced by the cells that ``preguntas(tarea)`` returns, a
  function of the task's hook module ``fuentes_cuadernos/ganchos/<tarea>.py`` (computed cells:
  13's questions, 12's baseline). Those cells use the same metadata.
- ``# %% generar="keras_comun.entrenamiento"`` → the same with a **shared** hook: the function
  ``entrenamiento(tarea)`` of ``fuentes_cuadernos/ganchos/keras_comun.py``, for cells that several
  tasks share (imports, training, evaluation). A task that needs other values keeps a one-line
  wrapper in its own hook module (``def entrenamiento(tarea): return keras_comun.entrenamiento(tarea,
  ...)``, with ``keras_comun = ganchos_comunes("keras_comun")``) and its source says
  ``generar="entrenamiento"``.

Placeholders, in any cell: ``{puntos:softmax}`` (the exercise's points), ``{puntos}`` (the
task's total) and ``{valor:NOMBRE}`` or ``{valor:NOMBRE:formato}`` (a constant of the hook
module or, if it has none by that name, of the reference module, e.g. an accuracy threshold of
the case files, so the notebook cannot drift from what is graded).
"""
from __future__ import annotations

import argparse
import importlib
import importlib.util
import inspect
import re
import sys
from pathlib import Path

import jupytext
import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from autograder.calificadores import cargar_tarea

RAIZ = Path(__file__).resolve().parents[1]
FUENTES = RAIZ / "fuentes_cuadernos"
GANCHOS = FUENTES / "ganchos"
DIRECTIVAS = ("solucion", "prueba", "respuestas", "omitir_al_calificar", "libre", "generar")
PROPIAS_DE_JUPYTEXT = {"lines_to_next_cell", "cell_marker", "title"}  # jupytext may add these on reading
MARCADOR = re.compile(r"\{(puntos|valor)(?::([A-Za-z_]\w*))?(?::([^{}\n]*))?\}")
COMENTARIO_PRUEBA = "# Comprobaciones públicas de `{}`. Al calificar se usan además casos ocultos.\n"


class ErrorDeFuente(ValueError):
    """Un error en una fuente de cuaderno, con el archivo y la celda en el mensaje."""


def tareas() -> list[str]:
    """Las tareas con fuente, en orden."""
    return sorted(p.stem for p in FUENTES.glob("[0-9][0-9]_*.py"))


def ruta_fuente(tarea_id: str) -> Path:
    return FUENTES / f"{tarea_id}.py"


def ruta_cuaderno(tarea_id: str) -> Path:
    return RAIZ / "assignments" / tarea_id / f"{tarea_id}.ipynb"


def ganchos(tarea_id: str):
    """The task's hook module (``fuentes_cuadernos/ganchos/<tarea>.py``), or None."""
    ruta = GANCHOS / f"{tarea_id}.py"
    if not ruta.exists():
        return None
    spec = importlib.util.spec_from_file_location(f"fuentes_cuadernos.ganchos.t{tarea_id}", ruta)
    modulo = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modulo)
    return modulo


_COMUNES: dict = {}


def ganchos_comunes(nombre: str):
    """A shared hook module (``fuentes_cuadernos/ganchos/<nombre>.py``, e.g. ``keras_comun``), or None."""
    if nombre not in _COMUNES:
        ruta = GANCHOS / f"{nombre}.py"
        if not ruta.exists():
            return None
        spec = importlib.util.spec_from_file_location(f"fuentes_cuadernos.ganchos.{nombre}", ruta)
        _COMUNES[nombre] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(_COMUNES[nombre])
    return _COMUNES[nombre]


def _meta(grade_id: str, *, solucion=False, calificada=False, puntos=None) -> dict:
    meta = {"grade": calificada, "solution": solucion, "locked": not solucion, "grade_id": grade_id,
            "schema_version": 3}
    if calificada:
        meta["points"] = puntos
    return {"nbgrader": meta}


class _Construccion:
    """Una construcción: la tarea, su referencia, sus ganchos y dónde señalar los errores."""

    def __init__(self, tarea_id: str, texto: str | None = None):
        self.ruta = ruta_fuente(tarea_id)
        self.nombre = self.ruta.relative_to(RAIZ) if self.ruta.is_relative_to(RAIZ) else self.ruta
        self.texto = self.ruta.read_text(encoding="utf-8") if texto is None else texto
        self.tarea = cargar_tarea(tarea_id)
        self.referencia = importlib.import_module(self.tarea.referencia)
        self.ganchos = ganchos(tarea_id)
        self.lineas = [n for n, linea in enumerate(self.texto.splitlines(), start=1) if linea.startswith("# %%")]

    def error(self, donde: str, mensaje: str) -> ErrorDeFuente:
        return ErrorDeFuente(f"{self.nombre}, {donde}: {mensaje}")

    def donde(self, indice: int, origen: str | None) -> str:
        if origen:
            return f"celda {indice + 1} generada por «{origen}»"
        linea = f" (línea {self.lineas[indice]})" if indice < len(self.lineas) else ""
        return f"celda {indice + 1}{linea}"

    # -- directives --------------------------------------------------------------------------
    def directivas(self, celda, donde: str) -> dict:
        meta = {k: v for k, v in celda.metadata.items() if k not in PROPIAS_DE_JUPYTEXT}
        desconocidas = sorted(set(meta) - set(DIRECTIVAS))
        if desconocidas:
            raise self.error(donde, f"directiva desconocida «{desconocidas[0]}»; las válidas son: "
                                    f"{', '.join(DIRECTIVAS)}")
        if celda.cell_type == "markdown" and meta:
            raise self.error(donde, f"una celda de texto no admite directivas ({', '.join(meta)})")
        if len(set(meta) - {"omitir_al_calificar"}) > 1:
            raise self.error(donde, f"una celda admite una sola de {', '.join(DIRECTIVAS)}; tiene {', '.join(meta)}")
        return meta

    def expandir(self, celdas) -> list:
        """(cell, where) pairs, with ``generar`` cells replaced by what their hook returns."""
        resultado = []
        for indice, celda in enumerate(celdas):
            donde = self.donde(indice, None)
            meta = self.directivas(celda, donde)
            if "generar" not in meta:
                resultado.append((celda, donde))
                continue
            nombre = meta["generar"]
            if celda.source.strip():
                raise self.error(donde, f"la celda «generar» de «{nombre}» debe estar vacía: sus celdas las da el gancho")
            comun, _, funcion_nombre = nombre.rpartition(".")
            modulo = ganchos_comunes(comun) if comun else self.ganchos
            funcion = getattr(modulo, funcion_nombre, None) if modulo else None
            if not callable(funcion):
                raise self.error(donde, f"«generar» pide la función «{funcion_nombre}», que no está en "
                                        f"fuentes_cuadernos/ganchos/{comun or self.tarea.id}.py")
            for n, generada in enumerate(funcion(self.tarea)):
                generada.metadata = dict(generada.get("metadata", {}))
                donde_generada = self.donde(n, f"{nombre}, {donde}")
                if "generar" in self.directivas(generada, donde_generada):
                    raise self.error(donde_generada, "una celda generada no puede volver a usar «generar»")
                resultado.append((generada, donde_generada))
        return resultado

    def sustituir(self, fuente: str, donde: str) -> str:
        def valor(m: re.Match) -> str:
            clase, nombre, formato = m.group(1), m.group(2), m.group(3) or ""
            if clase == "puntos":
                if nombre is None:
                    return format(sum(self.tarea.puntos(e) for e in self.tarea.ejercicios), formato or "g")
                if nombre not in self.tarea.ejercicios:
                    raise self.error(donde, f"{{puntos:{nombre}}}: «{nombre}» no es un ejercicio de "
                                            f"{self.tarea.id} ({', '.join(self.tarea.ejercicios)})")
                return format(self.tarea.puntos(nombre), formato or "g")
            if nombre is None:
                raise self.error(donde, "{valor} necesita un nombre: {valor:NOMBRE}")
            for modulo in (self.ganchos, self.referencia):
                if modulo is not None and hasattr(modulo, nombre):
                    return format(getattr(modulo, nombre), formato)
            raise self.error(donde, f"{{valor:{nombre}}}: no hay ninguna constante «{nombre}» en los ganchos "
                                    f"de la tarea ni en {self.tarea.referencia}")
        return MARCADOR.sub(valor, fuente)

    def celda(self, celda, donde: str):
        meta = self.directivas(celda, donde)
        fuente = self.sustituir(celda.source, donde)
        if celda.cell_type == "markdown":
            return new_markdown_cell(fuente, metadata=_meta("texto"))
        if "solucion" in meta:
            nombre = meta["solucion"]
            funcion = getattr(self.referencia, nombre, None)
            if not inspect.isfunction(funcion):
                raise self.error(donde, f"«solucion» pide la función «{nombre}», que no está en {self.tarea.referencia}")
            if fuente.strip():
                raise self.error(donde, f"la celda «solucion» de «{nombre}» debe estar vacía: su código se toma de "
                                        f"{self.tarea.referencia}")
            return new_code_cell(inspect.getsource(funcion).rstrip("\n"), metadata=_meta(nombre, solucion=True))
        if "respuestas" in meta:
            if fuente.count("### BEGIN SOLUTION") != 1 or fuente.count("### END SOLUTION") != 1:
                raise self.error(donde, "una celda «respuestas» debe tener exactamente una región "
                                        "### BEGIN SOLUTION / ### END SOLUTION")
            return new_code_cell(fuente.rstrip("\n"), metadata=_meta(meta["respuestas"], solucion=True))
        if "prueba" in meta:
            ejercicio = meta["prueba"]
            if ejercicio not in self.tarea.ejercicios:
                raise self.error(donde, f"«prueba» pide el ejercicio «{ejercicio}», que no es de {self.tarea.id} "
                                        f"({', '.join(self.tarea.ejercicios)})")
            if not fuente.startswith(f'comprobar("{ejercicio}"'):
                raise self.error(donde, f'la celda «prueba» de «{ejercicio}» debe ser la llamada comprobar("{ejercicio}", ...)')
            return new_code_cell(COMENTARIO_PRUEBA.format(ejercicio) + fuente,
                                 metadata=_meta(self.tarea.id_celda(ejercicio), calificada=True,
                                                puntos=self.tarea.puntos(ejercicio)))
        if meta.get("libre"):  # with omitir_al_calificar: a free example the grader need not run
            return new_code_cell(fuente, metadata={"curso_dl": {"omitir_al_calificar": True}}
                                 if meta.get("omitir_al_calificar") else {})
        metadatos = _meta("codigo")
        if meta.get("omitir_al_calificar"):
            metadatos["curso_dl"] = {"omitir_al_calificar": True}
        return new_code_cell(fuente, metadata=metadatos)

    def cuaderno(self):
        celdas = [self.celda(c, donde) for c, donde in self.expandir(jupytext.reads(self.texto, fmt="py:percent").cells)]
        # Stable ids: texto_NN / codigo_NN counted together, libre_NN for free cells, else the grade id.
        provistas = libres = 0
        for celda in celdas:
            nbgrader = celda.metadata.get("nbgrader")
            if nbgrader is None:
                libres += 1
                celda["id"] = f"libre_{libres:02d}"
                continue
            if nbgrader["grade_id"] in ("texto", "codigo"):
                provistas += 1
                nbgrader["grade_id"] += f"_{provistas:02d}"
            celda["id"] = nbgrader["grade_id"]
        nb = new_notebook(cells=celdas)
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nb.metadata["language_info"] = {"name": "python"}
        nb.metadata["curso_dl"] = {"tarea": self.tarea.id}
        return nb


def construir(tarea_id: str, texto: str | None = None):
    """The nbgrader notebook of ``tarea_id`` (``texto``: another source text, for tests)."""
    return _Construccion(tarea_id, texto).cuaderno()


def texto_del_cuaderno(tarea_id: str, texto: str | None = None) -> str:
    """Exactly what ``escribir`` puts in ``assignments/<tarea>/<tarea>.ipynb``."""
    return nbformat.writes(construir(tarea_id, texto)) + "\n"


def escribir(tarea_id: str) -> Path:
    ruta = ruta_cuaderno(tarea_id)
    ruta.parent.mkdir(parents=True, exist_ok=True)
    ruta.write_text(texto_del_cuaderno(tarea_id), encoding="utf-8")
    return ruta


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Construye assignments/<tarea>/<tarea>.ipynb desde fuentes_cuadernos/.")
    parser.add_argument("tareas", nargs="*", metavar="TAREA", help="p. ej. 03_softmax_entropia (por defecto, todas)")
    args = parser.parse_args(argv)
    disponibles = tareas()
    for tarea_id in args.tareas or disponibles:
        if tarea_id not in disponibles:
            print(f"no hay fuente para «{tarea_id}» en fuentes_cuadernos/; hay: {', '.join(disponibles)}", file=sys.stderr)
            return 2
        try:
            print(escribir(tarea_id).relative_to(RAIZ))
        except ErrorDeFuente as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
