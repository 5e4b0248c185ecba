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

The rest of autograde's bookkeeping per notebook (issue 10; ``tests/test_contabilidad_*.py`` compare
each piece, and a whole class, with nbgrader's own):

- ``GuardadoNotas`` is ``SaveAutoGrades`` with the notebook's grades and comments read in four queries
  (nbgrader: one six-table join per cell) and one commit per notebook (nbgrader: one per cell), followed
  by ``AssignLatePenalties``'s step in the same session (nbgrader: its own gradebook and commit);
- ``AutogradeContable`` is ``Autograde`` without the first of its two copies of every file of the
  task's public kit (from ``submitted/``, then again from ``source/`` over it), listing folders with
  ``archivos_como_nbgrader`` (nbgrader's ``find_all_files`` runs one ``glob`` per file and pattern), and
  with its ``init_assignment`` in one gradebook session (nbgrader: five), the ``source/`` listing kept for
  the run and each overwritten kit file logged at debug level (nbgrader: about fifty info lines per notebook),
  and each source notebook read from the gradebook once per command, not once per submission;
- the metadata schema is checked once per distinct metadata dict (``_VALIDOS``), and the shared
  gradebook engine does not ask SQLite again for tables it has seen (``_recordar_tablas``).
"""
from __future__ import annotations

import fnmatch
import glob
import json
import os
import shutil
import threading
import traceback
from types import SimpleNamespace

import jsonschema
from nbformat import NotebookNode
from nbgrader import api
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.converters import Autograde
from nbgrader.converters.base import BaseConverter, NbGraderException
from nbgrader.nbgraderformat.common import (BaseMetadataValidator, SchemaTooNewError, SchemaTooOldError,
                                            ValidationError)
from nbgrader.nbgraderformat.v3 import MetadataValidatorV3
from nbgrader.preprocessors import (AssignLatePenalties, CheckCellMetadata, OverwriteCells, OverwriteKernelspec,
                                    SaveAutoGrades)
from nbgrader.utils import find_all_files, is_ignored, remove


_VALIDADORES: dict = {}  # schema version -> its compiled validator, for this process
# nbgrader metadata already found valid by the schema in this process (``_clave_de_metadatos``). A sanitized
# submission's metadata is rebuilt from the gradebook, so every notebook of a task repeats the same few
# dicts: each is checked against the schema once. Failures are never kept (each raises again).
_VALIDOS: set = set()
_ESCALARES = (str, bool, int, float, type(None))


def _clave_de_metadatos(version, meta):
    """A key equal only for metadata the schema cannot tell apart (flat, scalar values of exact types), or None."""
    if type(meta) not in (dict, NotebookNode) or not all(type(v) in _ESCALARES and type(k) is str
                                                         for k, v in meta.items()):
        return None
    return version, tuple(sorted((k, type(v).__name__, repr(v)) for k, v in meta.items()))


class _EsquemaCompilado(BaseMetadataValidator):
    """``BaseMetadataValidator.validate_cell`` with the schema compiled once (same errors)."""

    def validate_cell(self, cell) -> None:
        if "nbgrader" not in cell.metadata:
            return
        version = cell.metadata["nbgrader"].get("schema_version", 0)
        if version != self.schema_version:
            error = SchemaTooOldError if version < self.schema_version else SchemaTooNewError
            raise error(f"Schema version {version} (expected {self.schema_version})", version, self.schema_version)
        clave = _clave_de_metadatos(version, cell.metadata["nbgrader"])
        if clave is not None and clave in _VALIDOS:
            return
        validador = _VALIDADORES.get(version)
        if validador is None:
            validador = _VALIDADORES[version] = jsonschema.validators.validator_for(self.schema)(self.schema)
        fallo = jsonschema.exceptions.best_match(validador.iter_errors(cell.metadata["nbgrader"]))
        if fallo is not None:
            raise fallo
        if clave is not None:
            _VALIDOS.add(clave)


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


# -- one read of the source notebook per conversion (per autograde command with AutogradeContable) ----
RECURSO_INSTANTANEA = "curso_dl_instantanea"
RECURSO_INSTANTANEAS = "curso_dl_instantaneas"
# True in autograde's second conversion, which reads the notebook its first conversion has just written
RECURSO_RELECTURA = "curso_dl_relectura"


class InstantaneasDeLaOrden(dict):
    """``{(db_url, notebook, assignment): InstantaneaCuaderno}`` for one ``nbgrader autograde`` command: every
    submission of a task reads the same source notebook. nbconvert deep-copies the resources of each
    conversion, so this dict is the same object in every copy; the snapshots are only read."""

    def __deepcopy__(self, memo):
        return self


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
            # the cells' max_score lives in their subclass's table: one query per kind, not one per cell
            self.puntos = dict(gb.db.query(api.GradeCell.name, api.GradeCell.max_score)
                               .filter(api.GradeCell.notebook_id == cuaderno.id).all())
            self.tareas = dict(gb.db.query(api.TaskCell.name, api.TaskCell.max_score)
                               .filter(api.TaskCell.notebook_id == cuaderno.id).all())
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
    """The source notebook of this conversion, read once and kept in its ``resources`` (and, under
    ``AutogradeContable``, in the command's ``InstantaneasDeLaOrden``)."""
    datos = resources["nbgrader"]
    clave = (datos["db_url"], datos["notebook"], datos["assignment"])
    guardada = resources.get(RECURSO_INSTANTANEA)
    if isinstance(guardada, InstantaneaCuaderno) and guardada.clave == clave:
        return guardada
    de_la_orden = resources.get(RECURSO_INSTANTANEAS)
    if not isinstance(de_la_orden, InstantaneasDeLaOrden):
        de_la_orden = InstantaneasDeLaOrden()
    if clave not in de_la_orden:
        de_la_orden[clave] = InstantaneaCuaderno(*clave)
    resources[RECURSO_INSTANTANEA] = de_la_orden[clave]
    return de_la_orden[clave]


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


# -- the grades of one submitted notebook, read at once and committed once --------------------------
class _NotasDeLaEntrega:
    """The ``find_grade``/``find_comment`` answers for one submitted notebook, from two queries each.

    nbgrader asks one six-table join per graded or solution cell and commits after each cell. Here
    the same joins (``Gradebook.find_grade``/``find_comment``: the grade/solution cell first, then the
    task cell of that name) are asked once for every cell of the notebook; the rows are the same ORM
    objects, in the same session. ``db.commit`` is deferred to the end of the notebook (``GuardadoNotas``).
    """

    def __init__(self, gradebook, notebook: str, assignment: str, student: str):
        self._gb, self.clave = gradebook, (notebook, assignment, student)
        self.db = SimpleNamespace(commit=lambda: None)  # SaveAutoGrades commits after each cell

        def por_nombre(modelo, *celdas):
            encontrados = {}
            for celda in celdas:
                filas = (gradebook.db.query(celda.name, modelo)
                         .join(celda, celda.id == modelo.cell_id)
                         .join(api.SubmittedNotebook, api.SubmittedNotebook.id == modelo.notebook_id)
                         .join(api.Notebook, api.Notebook.id == api.SubmittedNotebook.notebook_id)
                         .join(api.SubmittedAssignment,
                               api.SubmittedAssignment.id == api.SubmittedNotebook.assignment_id)
                         .join(api.Assignment, api.Assignment.id == api.SubmittedAssignment.assignment_id)
                         .join(api.Student, api.Student.id == api.SubmittedAssignment.student_id)
                         .filter(api.Notebook.name == notebook, api.Assignment.name == assignment,
                                 api.Student.id == student)
                         .all())
                for nombre, fila in filas:
                    encontrados.setdefault(nombre, fila)  # the first kind of cell wins, as in find_grade
            return encontrados

        self._notas = por_nombre(api.Grade, api.GradeCell, api.TaskCell)
        self._comentarios = por_nombre(api.Comment, api.SolutionCell, api.TaskCell)

    def find_grade(self, grade_cell: str, notebook: str, assignment: str, student: str):
        if (notebook, assignment, student) != self.clave or grade_cell not in self._notas:
            return self._gb.find_grade(grade_cell, notebook, assignment, student)  # nbgrader's MissingEntry
        return self._notas[grade_cell]

    def find_comment(self, solution_cell: str, notebook: str, assignment: str, student: str):
        if (notebook, assignment, student) != self.clave or solution_cell not in self._comentarios:
            return self._gb.find_comment(solution_cell, notebook, assignment, student)
        return self._comentarios[solution_cell]


class GuardadoNotas(SaveAutoGrades):
    """``SaveAutoGrades`` then ``AssignLatePenalties`` in one gradebook session and one commit per notebook.

    ``SaveAutoGrades``: nbgrader's own ``preprocess_cell`` (``_add_score``, ``_add_comment``) for every cell,
    the grades and comments read at once (``_NotasDeLaEntrega``), one commit per notebook instead of one per
    cell. The late penalty is nbgrader's (``PenalizacionRetraso``), so ``AssignLatePenalties`` leaves the
    preprocessor list: it opened its own gradebook and committed again. The gradebook ends with the same
    scores, ``needs_manual_grade`` flags, comments and late penalties.
    """

    def preprocess(self, nb, resources):
        datos = resources["nbgrader"]
        self.notebook_id, self.assignment_id = datos["notebook"], datos["assignment"]
        self.student_id, self.db_url = datos["student"], datos["db_url"]
        with Gradebook(self.db_url) as gradebook:
            self.gradebook = _NotasDeLaEntrega(gradebook, self.notebook_id, self.assignment_id, self.student_id)
            nb, resources = super(SaveAutoGrades, self).preprocess(nb, resources)
            PenalizacionRetraso(parent=self).asignar(gradebook, self.notebook_id, self.assignment_id,
                                                     self.student_id)
            gradebook.db.commit()
        return nb, resources


class PenalizacionRetraso(AssignLatePenalties):
    """``AssignLatePenalties.preprocess`` of nbgrader 0.9.6 on a gradebook already open (``GuardadoNotas``'s):
    the same plugin (``AssignLatePenalties.plugin_class``), messages and bounds (``_check_late_penalty``)."""

    def asignar(self, gradebook, notebook_id: str, assignment_id: str, student_id: str) -> None:
        self.init_plugin()
        assignment = gradebook.find_submission(assignment_id, student_id)
        notebook = gradebook.find_submission_notebook(notebook_id, assignment_id, student_id)
        notebook.late_submission_penalty = None
        if assignment.total_seconds_late > 0:
            self.log.warning("{} is {} seconds late".format(assignment, assignment.total_seconds_late))
            late_penalty = self.plugin_inst.late_submission_penalty(student_id, notebook.score,
                                                                    assignment.total_seconds_late)
            self.log.warning("Late submission penalty: {}".format(late_penalty))
            if late_penalty is not None:
                notebook.late_submission_penalty = self._check_late_penalty(notebook, late_penalty)


# -- autograde copies each file of the task's public kit once, not twice ----------------------------
def _ignorado(ruta: str, patrones: list) -> bool:
    """``nbgrader.utils.is_ignored`` (one ``glob.glob(dirname/pattern)`` per pattern, each listing the folder)
    answered from the name, where glob's rules make that the same answer: the folder has no glob magic and
    the pattern no separator. A pattern without magic matches only its own name; one with magic matches by
    ``fnmatch``, and never a hidden name unless the pattern is hidden too. Anything else asks nbgrader."""
    carpeta, nombre = os.path.split(ruta)
    if glob.has_magic(carpeta) or not nombre or any(not p or os.sep in p for p in patrones):
        return is_ignored(ruta, patrones)
    for patron in patrones:
        if not glob.has_magic(patron):
            if nombre == patron:
                return True
        elif (patron.startswith(".") or not nombre.startswith(".")) and fnmatch.fnmatch(nombre, patron):
            return True
    return False


def archivos_como_nbgrader(path: str, exclude: list) -> list:
    """``nbgrader.utils.find_all_files(path, exclude)``, the same list in the same order, with ``_ignorado``."""
    files, to_skip = [], []
    for dirname, dirnames, filenames in os.walk(path):
        if _ignorado(dirname, exclude) or dirname in to_skip:
            to_skip.extend([os.path.join(dirname, x) for x in dirnames])
            continue
        for filename in filenames:
            fullpath = os.path.join(dirname, filename)
            if not _ignorado(fullpath, exclude):
                files.append(fullpath)
    return files


class _CopiaDeLaEntrega(BaseConverter):
    """``BaseConverter.init_assignment`` (copy every file of the submission but its notebooks into the
    autograded folder) without the files ``Autograde.init_assignment`` deletes and copies again from
    ``source/`` right after (same list: ``find_all_files`` of ``source/<tarea>`` with the course's
    ``ignore`` globs and ``*.ipynb``, minus ``Autograde.exclude_overwriting``). The student's other files
    are copied from ``submitted/`` exactly as nbgrader does; the overwritten ones end up the instructor's,
    as before, and are no longer read from the submission first.
    """

    def init_assignment(self, assignment_id: str, student_id: str) -> None:
        source = self._format_source(assignment_id, student_id)
        dest = self._format_dest(assignment_id, student_id)
        de_source = self._archivos_de_source(assignment_id)
        for filename in archivos_como_nbgrader(source, self.coursedir.ignore + ["*.ipynb"]):
            relativa = os.path.relpath(filename, source)
            if relativa in de_source:
                continue  # Autograde.init_assignment removes it and copies source/<tarea>/<relativa> instead
            path = os.path.join(dest, relativa)
            if not os.path.exists(os.path.dirname(path)):
                os.makedirs(os.path.dirname(path))
            if os.path.exists(path):
                remove(path)
            self.log.info("Copying %s -> %s", filename, path)
            shutil.copy(filename, path)

    def _archivos_de_source(self, assignment_id: str) -> frozenset:
        """Relative paths Autograde copies from ``source/<tarea>``; the listing (nbgrader's ``find_all_files``,
        a glob per file and pattern) is kept while no folder under it changes (their ``st_mtime_ns``)."""
        source_path = self.coursedir.format_path(self.coursedir.source_directory, ".", assignment_id)
        huella = tuple((carpeta, os.stat(carpeta).st_mtime_ns) for carpeta, _, _ in os.walk(source_path))
        clave = (source_path, tuple(self.coursedir.ignore),
                 tuple(self.exclude_overwriting.get(assignment_id, [])))
        guardado = self.__dict__.setdefault("_curso_dl_source", {}).get(clave)
        if guardado is None or guardado[0] != huella:
            archivos = set(find_all_files(source_path, self.coursedir.ignore + ["*.ipynb"]))
            archivos -= {os.path.join(source_path, x) for x in self.exclude_overwriting.get(assignment_id, [])}
            guardado = self._curso_dl_source[clave] = (huella, frozenset(os.path.relpath(f, source_path)
                                                                         for f in archivos))
        return guardado[1]


class AutogradeContable(Autograde, _CopiaDeLaEntrega):
    """nbgrader's ``Autograde`` with ``_CopiaDeLaEntrega``'s copy of the submission, its own
    ``init_assignment`` in one gradebook session, and each source notebook read once per command
    (``InstantaneasDeLaOrden`` in every conversion's resources).

    The second conversion reads back what the first one wrote (``RECURSO_RELECTURA``), which
    ``ExportadorTolerante`` does not validate again.

    ``AutogradeApp.start`` builds ``Autograde`` by name, with no option to choose the class, so
    ``usar_autograde_contable`` (called from ``nbgrader_config.py``) puts this subclass in its place.
    """

    def init_assignment(self, assignment_id: str, student_id: str) -> None:
        """``Autograde.init_assignment`` of nbgrader 0.9.6, step by step, with one ``Gradebook`` instead of five
        (each opening pays its engine checks and its course query) and the ``source/`` listing kept
        (``_archivos_de_source``); each overwritten file is logged at debug level, not info."""
        _CopiaDeLaEntrega.init_assignment(self, assignment_id, student_id)
        with Gradebook(self.coursedir.db_url, self.coursedir.course_id) as gb:
            if self.create_student:
                self.log.info("Creating/updating student with ID '%s': %s", student_id, {})
                gb.update_or_create_student(student_id)
            else:
                self._exigir(gb.find_student, (student_id,), "No student with ID '%s' exists in the database"
                             % student_id)
            self._exigir(gb.find_assignment, (assignment_id,), "No assignment with ID '%s' exists in the database"
                         % assignment_id)
            timestamp = self.coursedir.get_existing_timestamp(self._format_source(assignment_id, student_id))
            if timestamp:
                submission = gb.update_or_create_submission(assignment_id, student_id, timestamp=timestamp)
                self.log.info("%s submitted at %s", submission, timestamp)
                if submission.total_seconds_late > 0:
                    self.log.warning("%s is %s seconds late", submission, submission.total_seconds_late)
            else:
                gb.update_or_create_submission(assignment_id, student_id)
            self._copiar_de_source(assignment_id, student_id)
            self.notebooks = [nb for nb in self.notebooks if self._en_el_gradebook(gb, nb, assignment_id)]
            if not self.notebooks:
                msg = "No notebooks found, did you forget to run 'nbgrader generate_assignment'?"
                self.log.error(msg)
                raise NbGraderException(msg)
            self._anotar_cuadernos_que_faltan(gb, assignment_id, student_id)

    def init_single_notebook_resources(self, notebook_filename: str) -> dict:
        recursos = super().init_single_notebook_resources(notebook_filename)
        recursos[RECURSO_INSTANTANEAS] = self.__dict__.setdefault("_curso_dl_instantaneas", InstantaneasDeLaOrden())
        recursos[RECURSO_RELECTURA] = not self._sanitizing
        return recursos

    def _exigir(self, buscar, argumentos: tuple, mensaje: str) -> None:
        try:
            buscar(*argumentos)
        except MissingEntry:
            self.log.error(mensaje)
            raise NbGraderException(mensaje) from None

    def _copiar_de_source(self, assignment_id: str, student_id: str) -> None:
        self.log.info("Overwriting files with master versions from the source directory")
        dest_path = self._format_dest(assignment_id, student_id)
        source_path = self.coursedir.format_path(self.coursedir.source_directory, ".", assignment_id)
        for relativa in self._archivos_de_source(assignment_id):
            dest = os.path.join(dest_path, relativa)
            if not os.path.exists(os.path.dirname(dest)):
                os.makedirs(os.path.dirname(dest))
            if os.path.exists(dest):
                os.remove(dest)
            self.log.debug("Copying %s -> %s", os.path.join(source_path, relativa), dest)
            shutil.copy(os.path.join(source_path, relativa), dest)

    def _en_el_gradebook(self, gb, notebook: str, assignment_id: str) -> bool:
        try:
            gb.find_notebook(os.path.splitext(os.path.basename(notebook))[0], assignment_id)
        except MissingEntry:
            self.log.warning("Skipping unknown notebook: %s", notebook)
            return False
        return True

    def _anotar_cuadernos_que_faltan(self, gb, assignment_id: str, student_id: str) -> None:
        """A notebook of the assignment that the student did not submit scores zero."""
        for notebook in gb.find_assignment(assignment_id).notebooks:
            path = os.path.join(self.coursedir.format_path(self.coursedir.submitted_directory, student_id,
                                                           assignment_id), f"{notebook.name}.ipynb")
            if not os.path.exists(path):
                self.log.warning("No submitted file: {}".format(path))
                for grade in gb.find_submission_notebook(notebook.name, assignment_id, student_id).grades:
                    grade.auto_score = 0
                    grade.needs_manual_grade = False
                gb.db.commit()


def usar_autograde_contable() -> None:
    """``nbgrader autograde`` builds ``AutogradeContable`` (idempotent; config still reads ``c.Autograde``)."""
    from nbgrader.apps import autogradeapp

    if autogradeapp.Autograde is Autograde:
        autogradeapp.Autograde = AutogradeContable


# -- one SQLAlchemy engine per gradebook URL and thread ---------------------------------------------
def reutilizar_motores_del_gradebook() -> None:
    """Every ``Gradebook(url)`` of a thread shares one SQLAlchemy engine per URL (idempotent).

    nbgrader 0.9.6 creates a new engine in each ``Gradebook.__init__`` and autograde opens about ten
    per notebook. SQLAlchemy keeps its compiled statements on the engine, so every query was compiled
    again each time (the largest share of the bookkeeping of a cached notebook). ``Gradebook.close()``
    still disposes of the pool: connections are closed as before; the engine and its statement cache
    stay. Engines are kept per thread, because SQLite connections belong to the thread that opens them.

    Each ``Gradebook.__init__`` also runs ``Base.metadata.create_all``, which asks SQLite whether each of
    nbgrader's 13 tables exists (``PRAGMA table_info``, a third of the cost of opening a gradebook). A table
    the engine has once seen is not asked about again (``_recordar_tablas``); a missing one always is.
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
            por_url[clave] = _recordar_tablas(original(url, *argumentos, **opciones))
        return por_url[clave]

    crear_motor._curso_dl_compartido = True
    api.create_engine = crear_motor


def _recordar_tablas(motor):
    """``motor.dialect.has_table`` answers True without asking again for a table it has seen (this engine only).

    nbgrader never drops a table; a table missing is asked about every time, so ``create_all`` creates it.
    """
    preguntar, existentes = motor.dialect.has_table, set()

    def has_table(connection, table_name, schema=None, **opciones):
        if (table_name, schema) in existentes:
            return True
        existe = preguntar(connection, table_name, schema=schema, **opciones)
        if existe:
            existentes.add((table_name, schema))
        return existe

    motor.dialect.has_table = has_table
    return motor
