"""Integración con nbgrader: lectura tolerante, saneamiento de la entrega y calificación fuera del núcleo.

nbgrader 0.9.6 grades a test cell from its outputs (``utils.determine_grade``):
an error or *any* stderr output is 0, the last ``execute_result`` is parsed as
partial points, and a cell with no output gets full marks. It also runs the
student's notebook in a kernel that could rewrite the gradebook. So we never
let nbgrader execute the submission: ``CalificacionAislada`` grades it out of
the kernel with ``autograder.motor`` and writes, in every graded cell, the
Spanish feedback as stdout plus the trusted points as a plain ``execute_result``
(``"1.5"``). A graded cell we have no grader for gets 0, never full marks.

nbgrader also trusts the submission's own nbgrader metadata more than it should,
and one bad submission used to cost grades:

- a cell with another ``schema_version`` raises ``SchemaTooNewError``/``SchemaTooOldError``,
  which ``convert_notebooks`` re-raises: the whole class stops there;
- a renamed or flag-flipped grade cell, a grade cell without points, a duplicated id
  (``CheckCellMetadata``), a grade id the gradebook does not know (``SaveAutoGrades``), or a
  file that is not a notebook (the exporter) raise, and that student is left without a grade.

``ExportadorTolerante`` turns an unreadable file into a stand-in notebook, ``SaneamientoEntrega``
rebuilds every cell's nbgrader metadata from the gradebook before nbgrader's own sanitizers run,
and ``CalificacionAislada`` never raises. Every submission gets a score; none stops the class.
"""
from __future__ import annotations

import os
import shutil
import stat
import tempfile
import traceback
from pathlib import Path

import nbformat
from nbconvert.exporters import NotebookExporter
from nbformat import NotebookNode
from nbformat.v4 import new_markdown_cell, new_notebook
from nbformat.v4.nbbase import random_cell_id
from traitlets import Bool, Unicode

from nbgrader.exchange.default.collect import ExchangeCollect
from nbgrader.preprocessors import ClearOutput, DeduplicateIds, NbGraderPreprocessor

from . import cache_calificaciones
from .calificadores import cargar_tarea
from .cuaderno import LIMITE_BYTES_CUADERNO, aviso_de_tarea, metadatos_nbgrader, validar_cuaderno
from .errores import ErrorAislamientoNoDisponible, ErrorCalificador
from .motor import calificar_cuaderno
from .nbgrader_rapido import (RECURSO_RELECTURA, ComprobacionMetadatos, SobrescrituraCeldas, SobrescrituraKernelspec,
                              instantanea)
from .resultados import ResultadoCalificacion, texto_ejercicio
from .tareas import PREFIJO_CELDA

# The reason a submission could not be graded, from the exporter to the sanitizer (same conversion).
RECURSO_ILEGIBLE = "curso_dl_ilegible"
# ...and from the sanitizer to CalificacionAislada (the next conversion reads the sanitized file). The
# sanitizer never copies the student's notebook metadata, so only it can set this key.
METADATO_NO_CALIFICABLE = "curso_dl_no_calificable"
# nbgrader's sanitizers; the three marked in nbgrader_rapido do nbgrader's checks without its repeated gradebook reads
SANITIZADORES_DE_NBGRADER = (ClearOutput, DeduplicateIds, SobrescrituraKernelspec, SobrescrituraCeldas,
                             ComprobacionMetadatos)
ERROR_INTERNO = ("Error interno del calificador al calificar tu entrega: 0 puntos provisionales en todas las "
                 "celdas calificadas. Avisa al profesor; la calificación se repetirá.")
METADATOS_DANADOS = ("Los metadatos de nbgrader de tu entrega están dañados y no se pudieron reparar: 0 puntos. "
                     "Vuelve a descargar la tarea, copia tus soluciones en sus celdas y entrégala de nuevo.")


def _celda(tipo: str, fuente: str):
    """``nbformat.v4.new_code_cell``/``new_markdown_cell``/``new_raw_cell`` without validating each cell on its own:
    ``SaneamientoEntrega`` validates the rebuilt notebook whole (``new_notebook``), its cells included."""
    if tipo == "code":
        return NotebookNode(id=random_cell_id(), cell_type="code", metadata=NotebookNode(), execution_count=None,
                            source=fuente, outputs=[])
    return NotebookNode(id=random_cell_id(), cell_type=tipo, source=fuente, metadata=NotebookNode())


def _salida_puntos(puntos: float):
    """``new_output("execute_result", ...)`` without validating each output alone (as ``_celda``)."""
    return NotebookNode(output_type="execute_result", metadata=NotebookNode(),
                        data=NotebookNode({"text/plain": f"{puntos:g}"}), execution_count=None)


def _texto(texto: str):
    """``new_output("stream", name="stdout", ...)`` without validating each output alone (as ``_celda``)."""
    return NotebookNode(output_type="stream", name="stdout", text=texto if texto.endswith("\n") else texto + "\n")


def _anotar_cero(nb, mensaje: str) -> None:
    """0 points and ``mensaje`` in every graded code cell; the other outputs are cleared."""
    for celda in nb.cells:
        if isinstance(celda, dict) and celda.get("cell_type") == "code":
            celda["outputs"] = [_texto(mensaje), _salida_puntos(0)] if metadatos_nbgrader(celda).get("grade") else []


class ExportadorTolerante(NotebookExporter):
    """Reads a submission that may not be a notebook at all (``c.Autograde.exporter_class``).

    nbformat raises on such a file before any preprocessor runs, and nbgrader then leaves the
    student without a grade. Here the file becomes an empty stand-in notebook, and the reason
    (one Spanish line) goes to ``SaneamientoEntrega`` in ``resources``.
    """

    def from_file(self, file_stream, resources=None, **kw):
        nombre = Path(getattr(file_stream, "name", "") or "cuaderno.ipynb").name
        try:
            binario = getattr(file_stream, "buffer", None)
            contenido = binario.read(LIMITE_BYTES_CUADERNO + 1) if binario is not None else file_stream.read().encode()
            if len(contenido) > LIMITE_BYTES_CUADERNO:
                raise ErrorCalificador(f"'{nombre}' pesa más de {LIMITE_BYTES_CUADERNO // 2**20} MB")
            validar_cuaderno(contenido, nombre)
            if (resources or {}).get(RECURSO_RELECTURA):  # this exporter wrote it moments ago, validated
                nb = nbformat.convert(nbformat.reader.reads(contenido.decode("utf-8")), 4)
            else:
                nb = nbformat.reads(contenido.decode("utf-8"), as_version=4)
            if not isinstance(nb.get("metadata"), dict):
                nb["metadata"] = nbformat.from_dict({})
            if not isinstance(nb.metadata.get("language", ""), str):  # the exporter calls .lower() on it
                del nb.metadata["language"]
        except Exception as error:  # noqa: BLE001 - whatever the file is, the submission gets a score
            motivo = str(error) if isinstance(error, ErrorCalificador) else f"'{nombre}' no es un cuaderno válido"
            self.log.error("No se pudo leer %s: %s (%s)", getattr(file_stream, "name", nombre), motivo,
                           type(error).__name__)
            nb = new_notebook()
            resources = resources if resources is not None else {}
            resources[RECURSO_ILEGIBLE] = (f"Tu entrega no se pudo leer como cuaderno de Jupyter ({motivo}): "
                                           "0 puntos. Entrega el archivo .ipynb tal como lo guarda Jupyter.")
        return self.from_notebook_node(nb, resources=resources, **kw)

    def from_notebook_node(self, nb, resources=None, **kw):
        """``NotebookExporter.from_notebook_node`` of nbconvert 7.17 without two repeated steps: the deep copy
        of ``Exporter.from_notebook_node`` (``_preprocess`` copies the notebook again before any preprocessor
        touches it) and the validation inside ``nbformat.writes``, which only logs, of the notebook that
        ``_preprocess`` has just validated (``_validate_preprocessor``, which raises)."""
        resources = self._init_resources(resources)
        if "language" in nb["metadata"]:
            resources["language"] = nb["metadata"]["language"].lower()
        nb_copy, resources = self._preprocess(nb, resources)
        metadatos = resources.get("metadata", {})
        self._nb_metadata[os.path.join(metadatos.get("path", ""), metadatos.get("name", ""))] = nb_copy.metadata
        version = self.nbformat_version
        resources["output_suffix"] = ".nbconvert" if version == nb_copy.nbformat else ".v%i" % version
        output = nbformat.versions[version].writes_json(nbformat.convert(nb_copy, version))
        return (output if output.endswith("\n") else output + "\n"), resources


class _Plantilla:
    """What the gradebook knows of one notebook (``instantanea``, read once): the only source of nbgrader metadata."""

    def __init__(self, resources):
        self.cuaderno = instantanea(resources)
        self.fuentes = self.cuaderno.fuentes  # grade_id → source cell (cell_type, locked, source…), in order

    def bloqueada(self, grade_id: str) -> bool:
        return bool(self.fuentes[grade_id].locked)

    def metadatos(self, grade_id: str) -> dict:
        cuaderno = self.cuaderno
        meta = {"grade": grade_id in cuaderno.puntos, "grade_id": grade_id, "locked": self.bloqueada(grade_id),
                "schema_version": 3, "solution": grade_id in cuaderno.soluciones}
        if grade_id in cuaderno.puntos:
            meta["points"] = float(cuaderno.puntos[grade_id])
        if grade_id in cuaderno.tareas:
            meta.update(task=True, points=float(cuaderno.tareas[grade_id]))
        return meta

    def celda(self, grade_id: str, fuente: str | None = None, metadatos: dict | None = None):
        """A cell as the gradebook has it; ``fuente`` (the student's) is kept only when it is not locked."""
        origen = self.fuentes[grade_id]
        if self.bloqueada(grade_id) or fuente is None:
            fuente = (origen.source or "") if self.bloqueada(grade_id) else ""
        nueva = _celda(origen.cell_type if origen.cell_type in ("code", "markdown") else "raw", fuente)
        nueva.metadata.update(metadatos or {})
        nueva.metadata["nbgrader"] = self.metadatos(grade_id)
        return nueva

    def calificadas(self) -> list[str]:
        return [n for n in self.fuentes if n in self.cuaderno.puntos or n in self.cuaderno.tareas]


def _fuente(celda) -> str:
    fuente = celda.get("source", "")
    if isinstance(fuente, list):
        return "".join(f for f in fuente if isinstance(f, str))
    return fuente if isinstance(fuente, str) else ""


def _metadatos_propios(celda) -> dict:
    """The cell metadata worth keeping from a submission: ``tags`` and our ``curso_dl``; never ``nbgrader``."""
    metadatos = celda.get("metadata")
    if not isinstance(metadatos, dict):
        return {}
    propios = {}
    etiquetas = metadatos.get("tags")
    if isinstance(etiquetas, list):
        propios["tags"] = list(dict.fromkeys(e for e in etiquetas if isinstance(e, str)))
    if isinstance(metadatos.get("curso_dl"), dict):
        propios["curso_dl"] = metadatos["curso_dl"]
    return propios


class SaneamientoEntrega(NbGraderPreprocessor):
    """Rebuilds a submission from what the gradebook trusts, then runs nbgrader's own sanitizers.

    Replaces ``Autograde.sanitize_preprocessors``. Each cell is rebuilt as a fresh nbformat cell:
    its source (restored from the gradebook when the cell is locked), ``tags`` and ``curso_dl``
    metadata, and nbgrader metadata taken only from the gradebook by ``grade_id``. The first
    cell with a known id keeps it; unknown and repeated ids become plain cells; a missing graded
    cell is restored with a note. Whatever the student did to the flags, points, schema version,
    ids or cell types, the result is what ``generate_assignment`` made. If anything still fails,
    the submission becomes a stand-in with only the graded cells, which ``CalificacionAislada``
    scores 0 with the reason.
    """

    def preprocess(self, nb, resources):
        motivo = resources.get(RECURSO_ILEGIBLE)
        plantilla = _Plantilla(resources)  # no gradebook, no grading: nbgrader reports it for this student
        if motivo is None:
            try:
                nb = self._reconstruir(nb, plantilla, resources)
                for clase in SANITIZADORES_DE_NBGRADER:
                    nb, resources = clase(parent=self)(nb, resources)
                return nb, resources
            except Exception:  # noqa: BLE001 - one submission never stops the class
                self.log.error("No se pudo sanear la entrega de %s: %s", resources["nbgrader"]["student"],
                               traceback.format_exc())
                motivo = METADATOS_DANADOS
        return self._sustituto(plantilla, motivo), resources

    def _reconstruir(self, nb, plantilla: _Plantilla, resources):
        datos = resources["nbgrader"]
        alumno = datos["student"]
        aviso = aviso_de_tarea(nb, datos["assignment"])
        if aviso:
            self.log.warning("Entrega de %s: %s", alumno, aviso)
        celdas, vistas = [], set()
        constructores = ("code", "markdown", "raw")
        for indice, celda in enumerate(nb.get("cells") or []):
            if not isinstance(celda, dict) or celda.get("cell_type") not in constructores:
                self.log.warning("Entrega de %s: se descarta la celda %d, que no es una celda de cuaderno",
                                 alumno, indice)
                continue
            fuente, propios = _fuente(celda), _metadatos_propios(celda)
            meta = celda.get("metadata", {}).get("nbgrader") if isinstance(celda.get("metadata"), dict) else None
            grade_id = meta.get("grade_id") if isinstance(meta, dict) else None
            if isinstance(grade_id, str) and grade_id in plantilla.fuentes and grade_id not in vistas:
                vistas.add(grade_id)
                nueva = plantilla.celda(grade_id, fuente, propios)
                cambios = sorted(k for k, v in nueva.metadata["nbgrader"].items() if meta.get(k) != v)
                if nueva.cell_type != celda["cell_type"]:
                    cambios.append("cell_type")
                if nueva.source != fuente and plantilla.bloqueada(grade_id):
                    cambios.append("source")
                if cambios:
                    self.log.warning("Entrega de %s: la celda '%s' traía alterado %s; se usa lo del gradebook",
                                     alumno, grade_id, ", ".join(cambios))
                celdas.append(nueva)
                continue
            if meta:
                self.log.warning("Entrega de %s: la celda %d lleva metadatos de nbgrader %s; queda como celda "
                                 "normal", alumno, indice,
                                 "repetidos" if isinstance(grade_id, str) and grade_id in vistas
                                 else "que el gradebook no conoce")
            nueva = _celda(celda["cell_type"], fuente)
            nueva.metadata.update(propios)
            celdas.append(nueva)
        for grade_id in plantilla.calificadas():
            if grade_id not in vistas:
                self.log.warning("Entrega de %s: faltaba la celda calificada '%s'; se restaura", alumno, grade_id)
                posicion = self._posicion(celdas, grade_id)
                celdas[posicion:posicion] = [
                    new_markdown_cell(f"*La celda calificada `{grade_id}` faltaba en tu entrega; se restauró "
                                      "para calificarla.*"),
                    plantilla.celda(grade_id)]
        metadatos = {k: nb.metadata[k] for k in ("kernelspec", "language_info")
                     if isinstance(nb.get("metadata"), dict) and isinstance(nb.metadata.get(k), dict)}
        return new_notebook(cells=celdas, metadata=metadatos)

    @staticmethod
    def _posicion(celdas: list, grade_id: str) -> int:
        """Where a missing test cell ``pruebas_<e>`` goes: after the cell of exercise ``<e>``, else at the end."""
        ejercicio = grade_id.removeprefix(PREFIJO_CELDA)
        for indice, celda in enumerate(celdas):
            if metadatos_nbgrader(celda).get("grade_id") == ejercicio:
                return indice + 1
        return len(celdas)

    def _sustituto(self, plantilla: _Plantilla, motivo: str):
        celdas = [new_markdown_cell(f"**No se pudo calificar esta entrega.** {motivo}")]
        celdas += [plantilla.celda(grade_id) for grade_id in plantilla.calificadas()]
        return new_notebook(cells=celdas, metadata={METADATO_NO_CALIFICABLE: {"motivo": motivo}})


class CalificacionAislada(NbGraderPreprocessor):
    """Califica el cuaderno fuera del núcleo del alumno y escribe los puntajes en las celdas calificadas.

    Never raises: any failure is 0 points in every graded cell with a Spanish message, and an
    error in nbgrader's log, so the next student is graded normally.
    """

    raiz_curso = Unicode(
        "",
        help="Directorio del curso (gradebook, fuentes, entregas); el proceso aislado no puede leerlo. "
             "Por defecto, el directorio de trabajo de nbgrader.",
    ).tag(config=True)

    sin_aislamiento = Bool(
        False,
        help="Calificar aunque esta máquina no pueda aislar las entregas con el núcleo (bubblewrap o Landlock). "
             "Sin esta opción, calificar se niega y cada entrega recibe 0 con el motivo. Con ella, el código de "
             "los alumnos se ejecuta con los permisos de quien califica y el registro lo advierte en cada entrega. "
             "Solo para entregas de confianza: --CalificacionAislada.sin_aislamiento=True",
    ).tag(config=True)

    def preprocess(self, nb, resources):
        datos = resources.get("nbgrader", {})
        tarea_id, alumno = datos.get("assignment", "?"), datos.get("student", "?")
        try:
            self._calificar(nb, resources, tarea_id, alumno)
        except ErrorAislamientoNoDisponible as error:
            self.log.error("No se calificó %s de %s: %s", tarea_id, alumno, error)
            _anotar_cero(nb, f"No se pudo calificar: {error}")
        except ErrorCalificador as error:
            self.log.error("No se calificó %s de %s: %s", tarea_id, alumno, error)
            _anotar_cero(nb, f"No se pudo calificar: {error}. Avisa al profesor.")
        except Exception:  # noqa: BLE001 - one submission never stops the class
            self.log.error("Error al calificar %s de %s (0 puntos provisionales):\n%s", tarea_id, alumno,
                           traceback.format_exc())
            _anotar_cero(nb, ERROR_INTERNO)
        return nb, resources

    def _calificar(self, nb, resources, tarea_id: str, alumno: str) -> None:
        no_calificable = nb.metadata.get(METADATO_NO_CALIFICABLE)
        if isinstance(no_calificable, dict):
            self.log.error("No se calificó %s de %s: %s", tarea_id, alumno, no_calificable.get("motivo"))
            _anotar_cero(nb, str(no_calificable.get("motivo")))
            return
        directorio = Path(resources.get("metadata", {}).get("path") or ".")
        raiz = Path(self.raiz_curso or os.getcwd()).resolve()
        tarea = cargar_tarea(tarea_id)  # the task is nbgrader's assignment, never the notebook's metadata
        if self.sin_aislamiento:
            self.log.warning("%s de %s se califica SIN AISLAMIENTO (CalificacionAislada.sin_aislamiento=True): "
                             "su código se ejecuta con los permisos de quien califica", tarea_id, alumno)
        resultado = self._de_la_cache(nb, tarea, alumno, directorio, raiz)
        if resultado is None:
            self.log.info("Calificando %s de %s fuera del núcleo", tarea_id, alumno)
            resultado = calificar_cuaderno(nb, tarea, alumno, directorio, prohibidos=[raiz],
                                           aislar=not self.sin_aislamiento)
        salidas = {s["indice"]: s for s in resultado.salidas_celdas}
        for indice, celda in enumerate(nb.cells):
            if celda.cell_type != "code":
                continue
            celda.outputs = []
            meta = metadatos_nbgrader(celda)
            if meta.get("grade"):
                celda.outputs = self._salidas_de_prueba(resultado, meta)
            elif indice in salidas:
                celda.outputs = self._salidas_de_celda(salidas[indice])
        self.log.info("%s de %s: %g/%g puntos (%.1f s%s)", tarea_id, alumno, resultado.puntaje,
                      resultado.puntaje_max, resultado.segundos, ", SIN AISLAMIENTO" if self.sin_aislamiento else "")

    def _de_la_cache(self, nb, tarea, alumno: str, directorio: Path, raiz: Path):
        """The result ``python -m autograder lote`` stored for exactly this submission and grader, or None.

        The key (``cache_calificaciones.clave``) covers the submitted folder, the grader version and
        what the engine would be given here (this sanitized notebook's cells and the artifacts in
        ``directorio``), so a result computed on anything else is never used. Read-only: the cache
        is written by ``lote``. Any problem with the cache means grading as usual.
        """
        try:
            coursedir = getattr(getattr(self.parent, "parent", None), "coursedir", None)
            if coursedir is not None:
                enviado = Path(coursedir.format_path(coursedir.submitted_directory, alumno, tarea.id))
                raiz_cache = Path(coursedir.root)
            else:
                enviado, raiz_cache = raiz / "submitted" / alumno / tarea.id, raiz
            if not enviado.is_dir():
                return None
            clave = cache_calificaciones.clave(enviado, tarea, alumno,
                                               cache_calificaciones.huella_calificado(nb, tarea, directorio))
            datos = cache_calificaciones.CacheCalificaciones(raiz_cache).leer(clave)
            if datos is None:
                return None
            resultado = ResultadoCalificacion.desde_json(datos, alumno)
        except Exception:  # noqa: BLE001 - the cache only saves time
            self.log.warning("No se pudo consultar la caché de calificaciones para %s de %s; se califica:\n%s",
                             tarea.id, alumno, traceback.format_exc())
            return None
        if resultado.tarea != tarea.id or resultado.alumno != alumno:
            return None
        self.log.info("%s de %s: resultado en caché (%s, calificado por `python -m autograder lote`)",
                      tarea.id, alumno, clave[:12])
        return resultado

    def _salidas_de_prueba(self, resultado, meta: dict) -> list:
        grade_id = str(meta.get("grade_id", ""))
        ejercicio = grade_id.removeprefix(PREFIJO_CELDA)
        casos = resultado.del_ejercicio(ejercicio) if grade_id.startswith(PREFIJO_CELDA) else []
        if not casos:
            return [_texto(f"No hay calificador para la celda '{grade_id}': 0 puntos. Avisa al profesor."),
                    _salida_puntos(0)]
        puntos, maximo = resultado.puntaje_ejercicio(ejercicio), float(meta.get("points", 0))
        if puntos > maximo:  # nbgrader rejects partial credit above the cell's points (and drops the student)
            self.log.error("La celda '%s' vale %g en el gradebook, pero el calificador dio %g; se anotan %g. "
                           "¿Cambiaron los puntos sin volver a ejecutar generate_assignment?",
                           grade_id, maximo, puntos, maximo)
            puntos = maximo
        return [_texto(texto_ejercicio(casos)), _salida_puntos(puntos)]

    @staticmethod
    def _salidas_de_celda(salida: dict) -> list:
        texto = salida.get("salida") or ""
        if salida.get("error"):
            texto += f"\n[Al calificar, esta celda lanzó un error: {salida['error']}]"
        return [_texto(texto)] if texto.strip() else []


class RecogidaSinEnlaces(ExchangeCollect):
    """``nbgrader collect`` that never follows a link or opens a special file planted in the exchange.

    nbgrader copies each submission with ``shutil.copytree``, which follows symbolic links with the
    collecting instructor's permissions: a notebook that links to the source notebook (or to a
    reference model) would arrive in ``submitted/`` as an ordinary, complete file. Here a submission
    is first copied to a staging folder keeping only regular files and folders (links, FIFOs and
    devices are left out, with a warning); nbgrader's own copy (size limits, ignore patterns, shared
    group permissions) then runs on that copy.
    """

    AVISO = ("Este archivo era un enlace simbólico o un archivo especial en la entrega y no se recogió: "
             "entrega el archivo mismo.\n")

    def do_copy(self, src, dest, log=None):
        with tempfile.TemporaryDirectory(prefix="recogida_") as temporal:
            limpio = os.path.join(temporal, "entrega")
            if os.path.islink(src):
                self.log.warning("Entrega %s omitida: es un enlace simbólico, no una carpeta.", src)
                os.mkdir(limpio)
            else:
                omitidos = []
                shutil.copytree(src, limpio, ignore=lambda carpeta, nombres: self._sin_enlaces(carpeta, nombres, omitidos))
                for ruta in omitidos:  # a placeholder, so that the submission is graded (0, "not a notebook")
                    with open(os.path.join(limpio, os.path.relpath(ruta, src)), "w", encoding="utf-8") as aviso:
                        aviso.write(self.AVISO)
            super().do_copy(limpio, dest, log)

    def _sin_enlaces(self, carpeta: str, nombres: list, omitidos: list) -> set:
        fuera = set()
        for nombre in nombres:
            ruta = os.path.join(carpeta, nombre)
            modo = os.lstat(ruta).st_mode
            if not (stat.S_ISREG(modo) or stat.S_ISDIR(modo)):
                self.log.warning("Se omite %s al recoger: es un enlace simbólico o un archivo especial.", ruta)
                fuera.add(nombre)
                omitidos.append(ruta)
        return fuera
