"""Exportar las notas del gradebook de nbgrader: por pregunta, para Moodle y para Canvas.

Three nbgrader export plugins (``nbgrader.plugins.ExportPlugin``), run inside the course
directory::

    nbgrader export --exporter autograder.exportar_notas.ExportadorPorPregunta --to notas.csv
    nbgrader export --exporter autograder.exportar_notas.ExportadorMoodle --to moodle.csv
    nbgrader export --exporter autograder.exportar_notas.ExportadorCanvas --to canvas.csv

``--assignment`` and ``--student`` restrict the export exactly as in nbgrader's own CSV exporter
(``nbgrader export --assignment "['ps1']" --student "['ana']"``).

Common rules (all three files):

- UTF-8 without BOM, comma separator, fields quoted by Python's ``csv`` module only when needed
  (a name with a comma or quotes), ``\\n`` line ends.
- Decimal point ``.``, at most 4 decimals, no trailing zeros: ``2``, ``1.5``, ``0.25``.
- A student's score on an assignment is nbgrader's: the sum of the graded cells (grade and task
  cells; a manual score replaces the automatic one, plus extra credit) minus the late-submission
  penalty, never below 0 (as ``nbgrader.plugins.CsvExportPlugin`` computes ``score``).
- Students sorted by surname (the id if there is none), name and id, accents and case ignored;
  assignments in nbgrader's order (due date, then name).

Missing submissions
    A student with no submission of an assignment gets an **empty cell**, never a 0, for that
    assignment (and for its cells in the per-question file), so an LMS does not record a 0 that the
    instructor did not give. In the per-question file the overall ``total`` counts a missing
    assignment as 0 and ``máximo`` counts every exported assignment, so ``total/máximo`` is the
    course grade with missing work as 0.

Formats and where they were checked (November 2026):

Moodle, "Importar calificaciones → Archivo CSV" (``grade/import/csv``)
    docs.moodle.org/311/en/Grade_import: the CSV is previewed, then the instructor chooses the
    column mapping; "Identify user by": "Map from" a column of the file, "Map to" one of
    ``userid``, ``useridnumber``, ``useremail``, ``username``; every other column is mapped to a
    grade item (or ignored). Moodle's ``grade/import/csv/classes/load_data.php``
    (``map_user_data_with_value``, ``update_grade_item``) confirms the four user fields and that an
    empty value or ``-`` for an existing grade item means "no grade", and it accepts a decimal
    point. So this file has no fixed header Moodle requires: columns ``Número de ID`` (the nbgrader
    student id: map it to ``useridnumber``, or to ``username`` if the nbgrader ids are Moodle user
    names), ``Dirección de correo`` (map to ``useremail``), ``Nombre``, ``Apellido(s)`` (ignored on
    import), then one column per assignment, named by its nbgrader name, mapped by the instructor
    to the Moodle grade item in the import dialog. Grades are points, so each Moodle grade item
    should have the assignment's maximum as its maximum grade (and Moodle refuses grades above
    100 unless ``unlimitedgrades`` is on).

Canvas, "Calificaciones → Importar" (gradebook CSV)
    Canvas's ``app/models/gradebook_importer.rb`` (instructure/canvas-lms): the header row must
    start with ``Student``, ``ID``; ``SIS User ID`` then ``SIS Login ID`` are recognised at
    columns 3–4, and the last student column must be ``Section``; every later column is an
    assignment, ``Title (12345)`` maps to the existing assignment with Canvas id 12345
    (``Assignment.title_and_id``), otherwise to the assignment with that exact title, otherwise a
    new assignment is created. A row whose first cell contains ``Points Possible`` gives the points
    of each assignment (Canvas's own export writes it second, as ``"    Points Possible"``). A
    student is found by ``ID`` (Canvas user id), else by ``SIS User ID``/``SIS Login ID``, else by
    name or sortable name ("Apellidos, Nombre"). An empty or ``-`` cell is "no score" and does not
    change the gradebook. Ohio State's guide (teaching.resources.osu.edu, "Import a CSV file to
    Carmen Grades") lists the same required columns. So this file has ``Student`` (sortable name),
    ``ID`` (nbgrader's ``lms_user_id`` if set), ``SIS User ID`` / ``SIS Login ID`` (the nbgrader id
    goes in the one chosen by ``ExportadorCanvas.columna_id``), ``Section``, then one column per
    assignment: ``nombre (id)`` with the Canvas id from ``ExportadorCanvas.ids_canvas`` when given,
    else the plain nbgrader name (matched by title, or created as a new assignment).

The per-question file is this project's own format: ``id``, ``apellidos``, ``nombre``, one column
``TAREA:grade_id`` per graded cell with its points (``TAREA:cuaderno:grade_id`` if the same
grade_id is in two notebooks of the assignment), then ``TAREA:total`` per assignment, ``total`` and
``máximo``.
"""
from __future__ import annotations

import csv
import unicodedata
from collections import Counter

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.plugins import ExportPlugin
from traitlets import Dict, Enum, Unicode


def formatear_puntos(valor: float | None) -> str:
    """Points with a decimal point, at most 4 decimals and no trailing zeros; None is an empty cell."""
    if valor is None:
        return ""
    texto = f"{valor:.4f}".rstrip("0").rstrip(".")
    return "0" if texto == "-0" else texto


def _sin_acentos(texto: str | None) -> str:
    descompuesto = unicodedata.normalize("NFKD", texto or "")
    return "".join(c for c in descompuesto if not unicodedata.combining(c)).casefold()


def puntuacion_tarea(entrega) -> float:
    """nbgrader's score of a submission: cells minus late penalty, never below 0."""
    return max(0.0, entrega.score - entrega.late_submission_penalty)


class _ExportadorCSV(ExportPlugin):
    """Common part: --assignment/--student filters, the submission lookup and the CSV file."""

    archivo_por_defecto = "notas.csv"

    def _tareas(self, gradebook: Gradebook) -> list:
        elegidas = {str(nombre) for nombre in self.assignment}
        return [t for t in gradebook.assignments if not elegidas or t.name in elegidas]

    def _alumnos(self, gradebook: Gradebook) -> list:
        elegidos = {str(ident) for ident in self.student}
        alumnos = [a for a in gradebook.students if not elegidos or a.id in elegidos]
        return sorted(alumnos, key=lambda a: (_sin_acentos(a.last_name or a.id), _sin_acentos(a.first_name), a.id))

    @staticmethod
    def _entrega(gradebook: Gradebook, tarea, alumno):
        try:
            return gradebook.find_submission(tarea.name, alumno.id)
        except MissingEntry:
            return None

    def _escribir(self, filas: list[list[str]]) -> None:
        destino = self.to or self.archivo_por_defecto
        self.log.info("Exportando las notas a %s", destino)
        with open(destino, "w", encoding="utf-8", newline="") as archivo:
            csv.writer(archivo, lineterminator="\n").writerows(filas)

    def export(self, gradebook: Gradebook) -> None:
        self._escribir(self.filas(gradebook))

    def filas(self, gradebook: Gradebook) -> list[list[str]]:
        raise NotImplementedError


class ExportadorPorPregunta(_ExportadorCSV):
    """Una fila por alumno y una columna por celda calificada, con los totales y el máximo.

    Columns: ``id``, ``apellidos``, ``nombre``; ``TAREA:grade_id`` for every graded cell (grade and
    task cells) of every exported assignment, with the cell's points; ``TAREA:total`` for every
    assignment (cells minus late penalty, never below 0); ``total`` (sum of the assignment totals,
    a missing submission counting 0) and ``máximo`` (sum of the exported assignments' maxima).
    A missing submission leaves its cells and its ``TAREA:total`` empty.
    """

    archivo_por_defecto = "notas_por_pregunta.csv"

    @staticmethod
    def _celdas(tarea) -> list[tuple[str, str, str]]:
        """(notebook, grade_id, column header) of each graded cell, in notebook order then by name."""
        celdas = [(cuaderno.name, celda.name)
                  for cuaderno in tarea.notebooks
                  for celda in sorted(cuaderno.grade_cells + cuaderno.task_cells, key=lambda c: c.name)]
        repetidos = Counter(nombre for _, nombre in celdas)
        return [(cuaderno, nombre,
                 f"{tarea.name}:{nombre}" if repetidos[nombre] == 1 else f"{tarea.name}:{cuaderno}:{nombre}")
                for cuaderno, nombre in celdas]

    def filas(self, gradebook: Gradebook) -> list[list[str]]:
        tareas = [(tarea, self._celdas(tarea)) for tarea in self._tareas(gradebook)]
        cabecera = ["id", "apellidos", "nombre"]
        cabecera += [columna for _, celdas in tareas for _, _, columna in celdas]
        cabecera += [f"{tarea.name}:total" for tarea, _ in tareas] + ["total", "máximo"]
        maximo = sum(tarea.max_score for tarea, _ in tareas)
        filas = [cabecera]
        for alumno in self._alumnos(gradebook):
            puntos_celdas, totales = [], []
            for tarea, celdas in tareas:
                entrega = self._entrega(gradebook, tarea, alumno)
                if entrega is None:
                    puntos_celdas += [None] * len(celdas)
                    totales.append(None)
                    continue
                puntos = {(nota.notebook.name, nota.cell.name): nota.score
                          for cuaderno in entrega.notebooks for nota in cuaderno.grades}
                puntos_celdas += [puntos.get((cuaderno, nombre)) for cuaderno, nombre, _ in celdas]
                totales.append(puntuacion_tarea(entrega))
            total = sum(t for t in totales if t is not None)
            filas.append([alumno.id, alumno.last_name or "", alumno.first_name or ""]
                         + [formatear_puntos(p) for p in puntos_celdas + totales + [total, maximo]])
        return filas


class ExportadorMoodle(_ExportadorCSV):
    """CSV para Moodle, «Importar calificaciones → Archivo CSV»: una columna numérica por tarea.

    Columns: ``Número de ID`` (the nbgrader student id), ``Dirección de correo``, ``Nombre``,
    ``Apellido(s)``, then one column per assignment named by its nbgrader name, with the points
    (cells minus late penalty). Moodle does not require any header: in its import dialog the
    instructor maps "Identificar usuario por" from ``Número de ID`` to ``useridnumber`` (or
    ``username``) or from ``Dirección de correo`` to ``useremail``, and maps each assignment column
    to its grade item by id. A missing submission is an empty cell: Moodle records no grade.
    """

    archivo_por_defecto = "notas_moodle.csv"

    def filas(self, gradebook: Gradebook) -> list[list[str]]:
        tareas = self._tareas(gradebook)
        filas = [["Número de ID", "Dirección de correo", "Nombre", "Apellido(s)"] + [t.name for t in tareas]]
        for alumno in self._alumnos(gradebook):
            entregas = [self._entrega(gradebook, tarea, alumno) for tarea in tareas]
            filas.append([alumno.id, alumno.email or "", alumno.first_name or "", alumno.last_name or ""]
                         + [formatear_puntos(None if e is None else puntuacion_tarea(e)) for e in entregas])
        return filas


class ExportadorCanvas(_ExportadorCSV):
    """CSV del libro de calificaciones de Canvas, listo para «Calificaciones → Importar».

    Header ``Student``, ``ID``, ``SIS User ID``, ``SIS Login ID``, ``Section``, then one column per
    assignment (``nombre (id_canvas)`` when ``ids_canvas`` gives the Canvas assignment id, else the
    nbgrader name); second row ``"    Points Possible"`` with each assignment's maximum, as Canvas
    exports it. ``Student`` is "Apellidos, Nombre" (Canvas's sortable name) or the id if the
    gradebook has no names; ``ID`` is the student's ``lms_user_id`` (Canvas user id) if set; the
    nbgrader id goes in ``columna_id``. A missing submission is an empty cell: Canvas leaves the
    score unchanged.
    """

    archivo_por_defecto = "notas_canvas.csv"

    columna_id = Enum(
        ["SIS Login ID", "SIS User ID"], default_value="SIS Login ID",
        help="Columna de Canvas en la que va el id de nbgrader del alumno: «SIS Login ID» (el usuario "
             "con el que entra en Canvas) o «SIS User ID» (el id de la universidad).",
    ).tag(config=True)

    seccion = Unicode("", help="Valor de la columna «Section» (Canvas la ignora al importar).").tag(config=True)

    ids_canvas = Dict(
        key_trait=Unicode(), value_trait=Unicode(),
        help="Id de Canvas de cada tarea, p. ej. {'ps1': '12345'}: la columna se llama «ps1 (12345)» y Canvas "
             "la asigna a esa tarea. Sin id, Canvas busca una tarea con el mismo título o crea una nueva.",
    ).tag(config=True)

    def filas(self, gradebook: Gradebook) -> list[list[str]]:
        tareas = self._tareas(gradebook)
        columnas = [f"{t.name} ({self.ids_canvas[t.name]})" if self.ids_canvas.get(t.name) else t.name for t in tareas]
        filas = [["Student", "ID", "SIS User ID", "SIS Login ID", "Section"] + columnas,
                 ["    Points Possible", "", "", "", ""] + [formatear_puntos(t.max_score) for t in tareas]]
        for alumno in self._alumnos(gradebook):
            nombre = ", ".join(p for p in (alumno.last_name, alumno.first_name) if p) or alumno.id
            ids = {"SIS User ID": "", "SIS Login ID": ""}
            ids[self.columna_id] = alumno.id
            entregas = [self._entrega(gradebook, tarea, alumno) for tarea in tareas]
            filas.append([nombre, alumno.lms_user_id or "", ids["SIS User ID"], ids["SIS Login ID"], self.seccion]
                         + [formatear_puntos(None if e is None else puntuacion_tarea(e)) for e in entregas])
        return filas
