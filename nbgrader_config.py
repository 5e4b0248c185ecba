"""Configuración de nbgrader común a todo curso que use este repositorio.

A course directory made by ``python -m autograder.curso DIR`` loads this file
(``load_subconfig``) and adds its own course id and exchange directory.
"""
import os
import sys

from nbconvert.preprocessors import ClearMetadataPreprocessor
from nbgrader.preprocessors import IgnorePattern, LimitOutput

RAIZ_REPOSITORIO = os.path.dirname(os.path.abspath(__file__))
if RAIZ_REPOSITORIO not in sys.path:
    sys.path.insert(0, RAIZ_REPOSITORIO)

from autograder.nbgrader_integracion import (  # noqa: E402
    CalificacionAislada, ExportadorTolerante, RecogidaSinEnlaces, SaneamientoEntrega)
from autograder.nbgrader_rapido import (  # noqa: E402
    ComprobacionMetadatos, GuardadoNotas, reutilizar_motores_del_gradebook, usar_autograde_contable)

# nbgrader compiles every gradebook query again for each of the ~10 Gradebooks it opens per notebook
# (a new SQLAlchemy engine each time); one engine per URL keeps the compiled statements.
reutilizar_motores_del_gradebook()

# nbgrader autograde copies the task's public kit twice per notebook (from submitted/, then again from
# source/ over it): AutogradeContable copies from submitted/ only what source/ does not replace.
usar_autograde_contable()

c = get_config()  # noqa: F821 (provided by traitlets)

c.CourseDirectory.source_directory = "source"

# The release replaces solutions with a Spanish stub.
c.ClearSolutions.code_stub = {"python": "# TU CÓDIGO AQUÍ\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "TU RESPUESTA AQUÍ"

# Feedback: nbgrader's own template with Spanish labels (plantillas/retroalimentacion), set on the
# feedback exporter only (ExportadorHTMLMathJaxLocal, below): on HTMLExporter it would also replace the
# Formgrader's own pages and break them.
c.ExportadorHTMLMathJaxLocal.template_name = "retroalimentacion"
c.ExportadorHTMLMathJaxLocal.extra_template_basedirs = [os.path.join(RAIZ_REPOSITORIO, "plantillas")]

# Collect: links and special files planted in the exchange are never followed (nbgrader's copy would
# read them with the instructor's permissions).
c.ExchangeFactory.collect = RecogidaSinEnlaces

# Autograde: a file that is not a notebook still gets a score (0, with the reason) instead of an error...
c.Autograde.exporter_class = ExportadorTolerante
# ...and the nbgrader metadata is rebuilt from the gradebook before nbgrader's own sanitizers run
# (SaneamientoEntrega runs them: ClearOutput, DeduplicateIds, OverwriteKernelspec, OverwriteCells,
# CheckCellMetadata), so a tampered submission neither stops the class nor goes ungraded.
c.Autograde.sanitize_preprocessors = [SaneamientoEntrega]
# nbconvert validates the whole notebook after each of the 7 autograde preprocessors; once, after the last,
# is enough: they only add outputs built with nbformat's constructors and nbgrader's own changes, and the
# sanitizing conversion (one preprocessor, SaneamientoEntrega) is validated as before.
c.ExportadorTolerante.optimistic_validation = True

# Never execute the submission in a kernel; grade it out of the kernel instead. Grading refuses
# (0 with the reason) where the machine cannot isolate submissions with the kernel, unless
# `--CalificacionAislada.sin_aislamiento=True` is given (trusted submissions only).
c.Autograde.autograde_preprocessors = [
    CalificacionAislada,
    IgnorePattern,
    ClearMetadataPreprocessor,
    LimitOutput,
    # nbgrader's SaveAutoGrades reading the notebook's grades at once, then its AssignLatePenalties
    # (configured as AssignLatePenalties.plugin_class), one session and one commit per notebook
    GuardadoNotas,
    ComprobacionMetadatos,  # nbgrader's CheckCellMetadata without re-validating its schema per cell
]

# Maths offline (issue 9, item 11). nbgrader's feedback template calls nbconvert's `mathjax()` macro
# without a URL, so HTMLExporter.mathjax_url is ignored and MathJax 2 comes from a CDN. The feedback
# exporter replaces that macro with MathJax 3 inlined in the page (PyPI `django-static-mathjax`, a pinned
# dependency: es5/tex-svg-full.js needs no font files), so the maths renders in a lab without internet
# and in the copy the student fetches. If the package is missing, the CDN stays as before.
from jinja2 import DictLoader  # noqa: E402
from nbconvert.exporters import HTMLExporter  # noqa: E402


def _macro_mathjax_local():
    try:
        import mathjax
    except ImportError:
        return None
    ruta = os.path.join(os.path.dirname(mathjax.__file__), "static", "mathjax", "es5", "tex-svg-full.js")
    if not os.path.isfile(ruta):
        return None
    with open(ruta, encoding="utf-8") as archivo:
        codigo = archivo.read()
    if "</script" in codigo.lower() or "endraw" in codigo:
        return None
    configuracion = ("window.MathJax = {tex: {inlineMath: [['$', '$'], ['\\\\(', '\\\\)']], "
                     "displayMath: [['$$', '$$'], ['\\\\[', '\\\\]']], processEscapes: true, "
                     "processEnvironments: true, tags: 'ams'}, svg: {fontCache: 'global'}};")
    return ("{%- macro mathjax(url=None) -%}\n<!-- MathJax 3 local (sin conexión) -->\n"
            "<script>{% raw %}" + configuracion + "{% endraw %}</script>\n"
            "<script>{% raw %}" + codigo + "{% endraw %}</script>\n<script>" + _HUB_DE_MATHJAX_2 + "</script>\n"
            "{%- endmacro %}\n")


# The Formgrader's formgrade.js waits for MathJax 2's MathJax.Hub.Startup "End" signal: MathJax 3 answers it.
_HUB_DE_MATHJAX_2 = ("if (window.MathJax && !window.MathJax.Hub && window.MathJax.startup) { MathJax.Hub = "
                     "{Queue: function () {}, Startup: {signal: {Interest: function (f) { "
                     "MathJax.startup.promise.then(function () { f('End'); }); }}}}; }")


class ExportadorHTMLMathJaxLocal(HTMLExporter):
    def _create_environment(self):
        macro = _macro_mathjax_local()
        if macro is not None and not any(getattr(c, "_mathjax_local", False) for c in self.extra_loaders):
            cargador = DictLoader({"mathjax.html.j2": macro, "base/mathjax.html.j2": macro})
            cargador._mathjax_local = True
            self.extra_loaders = [cargador, *self.extra_loaders]
        return super()._create_environment()


c.GenerateFeedback.exporter_class = ExportadorHTMLMathJaxLocal
