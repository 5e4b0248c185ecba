"""nbgrader's sanitizers without their repeated work (what autograde spends per notebook).

``CheckCellMetadata`` runs twice per notebook in ``nbgrader autograde`` (once among the
sanitizers, once at the end). nbgrader 0.9.6 validates every cell with ``jsonschema.validate``,
which first validates the *schema itself* against the JSON Schema meta-schema: in a class graded
from the cache that was a fifth of all autograde time (``herramientas/medir_lote.py``). Here the
schema is compiled once per process and each cell is checked exactly as nbgrader checks it
(version, schema, then nbgrader's own rules in ``MetadataValidatorV3.validate_cell`` and the
duplicate ids of ``validate_nb``).

``OverwriteKernelspec`` and ``OverwriteCells`` open the gradebook themselves and ``OverwriteCells``
asks it two or three queries per graded cell; a third of the sanitizing conversion went there.
``SobrescrituraKernelspec`` and ``SobrescrituraCeldas`` run nbgrader's own code on the answers of
one read of the source notebook (``instantanea``), shared through the conversion's resources with
``SaneamientoEntrega``, which reads the same notebook.
"""
from __future__ import annotations

import json
import threading
import traceback
from types import SimpleNamespace

import jsonschema
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.nbgraderformat.common import (BaseMetadataValidator, SchemaTooNewError, SchemaTooOldError,
                                            ValidationError)
from nbgrader.nbgraderformat.v3 import MetadataValidatorV3
from nbgrader.preprocessors import CheckCellMetadata, OverwriteCells, OverwriteKernelspec


_VALIDADORES: dict = {}  # schema version -> its compiled validator, for this process


class _EsquemaCompilado(BaseMetadataValidator):
    """``BaseMetadataValidator.validate_cell`` with the schema compiled once (same errors)."""

    def validate_cell(self, cell) -> None:
        if "nbgrader" not in cell.metadata:
            return
        version = cell.metadata["nbgrader"].get("schema_version", 0)
        if version != self.schema_version:
            error = SchemaTooOldError if version < self.schema_version else SchemaTooNewError
            raise error(f"Schema version {version} (expected {self.schema_version})", version, self.schema_version)
        validador = _VALIDADORES.get(version)
        if validador is None:
            validador = _VALIDADORES[version] = jsonschema.validators.validator_for(self.schema)(self.schema)
        fallo = jsonschema.exceptions.best_match(validador.iter_errors(cell.metadata["nbgrader"]))
        if fallo is not None:
            raise fallo


class ValidadorMetadatos(MetadataValidatorV3, _EsquemaCompilado):
    """nbgrader's v3 validator; its ``super().validate_cell`` now reaches ``_EsquemaCompilado``."""


class ComprobacionMetadatos(CheckCellMetadata):
    """``CheckCellMetadata`` (same checks, same error) with the compiled schema."""

    def preprocess(self, nb, resources):
        try:
            ValidadorMetadatos().validate_nb(nb)
        except ValidationError:
            self.log.error(traceback.format_exc())
            mensaje = "Notebook failed to validate; the nbgrader metadata may be corrupted."
            self.log.error(mensaje)
            raise ValidationError(mensaje)
        return nb, resources


# -- one read of the source notebook per conversion ------------------------------------------------
RECURSO_INSTANTANEA = "curso_dl_instantanea"


class InstantaneaCuaderno:
    """What the gradebook knows of one source notebook, read in one session.

    It also answers the two questions ``OverwriteCells.preprocess_cell`` asks the gradebook, with
    nbgrader's objects' attributes and its ``MissingEntry``.
    """

    def __init__(self, db_url: str, notebook: str, assignment: str):
        self.clave = (db_url, notebook, assignment)
        with Gradebook(db_url) as gb:
            cuaderno = gb.find_notebook(notebook, assignment)
            self.kernelspec = cuaderno.kernelspec
            self.fuentes = {c.name: SimpleNamespace(name=c.name, cell_type=c.cell_type, locked=c.locked,
                                                    checksum=c.checksum, source=c.source)
                            for c in cuaderno.source_cells}
            self.puntos = {c.name: c.max_score for c in cuaderno.grade_cells}
            self.tareas = {c.name: c.max_score for c in cuaderno.task_cells}
            self.soluciones = {c.name for c in cuaderno.solution_cells}

    def find_source_cell(self, name: str, notebook: str, assignment: str):
        if (notebook, assignment) != self.clave[1:] or name not in self.fuentes:
            raise MissingEntry(f"No such source cell: {assignment}/{notebook}/{name}")
        return self.fuentes[name]

    def find_graded_cell(self, name: str, notebook: str, assignment: str):
        maximo = self.puntos.get(name, self.tareas.get(name))
        if (notebook, assignment) != self.clave[1:] or maximo is None:
            raise MissingEntry(f"No such graded cell: {assignment}/{notebook}/{name}")
        return SimpleNamespace(name=name, max_score=maximo)


def instantanea(resources) -> InstantaneaCuaderno:
    """The source notebook of this conversion, read once and kept in its ``resources``."""
    datos = resources["nbgrader"]
    clave = (datos["db_url"], datos["notebook"], datos["assignment"])
    guardada = resources.get(RECURSO_INSTANTANEA)
    if not isinstance(guardada, InstantaneaCuaderno) or guardada.clave != clave:
        guardada = resources[RECURSO_INSTANTANEA] = InstantaneaCuaderno(*clave)
    return guardada


class SobrescrituraKernelspec(OverwriteKernelspec):
    """``OverwriteKernelspec`` answered from the conversion's ``instantanea``."""

    def preprocess(self, nb, resources):
        kernelspec = instantanea(resources).kernelspec
        if kernelspec is not None:
            kernelspec = json.loads(kernelspec)
        if kernelspec:
            nb.metadata["kernelspec"] = kernelspec
        return nb, resources


class SobrescrituraCeldas(OverwriteCells):
    """``OverwriteCells``: nbgrader's ``preprocess_cell`` per cell, its gradebook questions answered from
    the conversion's ``instantanea`` (restoring missing cells, off by default, still asks the gradebook)."""

    def preprocess(self, nb, resources):
        datos = resources["nbgrader"]
        self.notebook_id, self.assignment_id, self.db_url = datos["notebook"], datos["assignment"], datos["db_url"]
        self.gradebook = instantanea(resources)
        nb, resources = super(OverwriteCells, self).preprocess(nb, resources)
        if self.add_missing_cells:
            with Gradebook(self.db_url) as self.gradebook:
                nb, resources = self.add_missing_grade_cells(nb, resources)
                nb, resources = self.add_missing_task_cells(nb, resources)
        return nb, resources


# -- one SQLAlchemy engine per gradebook URL and thread ---------------------------------------------
def reutilizar_motores_del_gradebook() -> None:
    """Every ``Gradebook(url)`` of a thread shares one SQLAlchemy engine per URL (idempotent).

    nbgrader 0.9.6 creates a new engine in each ``Gradebook.__init__`` and autograde opens about ten
    per notebook. SQLAlchemy keeps its compiled statements on the engine, so every query was compiled
    again each time (the largest share of the bookkeeping of a cached notebook). ``Gradebook.close()``
    still disposes of the pool: connections are closed as before; the engine and its statement cache
    stay. Engines are kept per thread, because SQLite connections belong to the thread that opens them.
    """
    import nbgrader.api as api

    if getattr(api.create_engine, "_curso_dl_compartido", False):
        return
    original = api.create_engine
    motores = threading.local()

    def crear_motor(url, *argumentos, **opciones):
        por_url = motores.__dict__.setdefault("por_url", {})
        clave = (str(url), argumentos, tuple(sorted(opciones.items())))
        if clave not in por_url:
            por_url[clave] = original(url, *argumentos, **opciones)
        return por_url[clave]

    crear_motor._curso_dl_compartido = True
    api.create_engine = crear_motor
