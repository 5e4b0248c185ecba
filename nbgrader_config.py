"""Configuración de nbgrader común a todo curso que use este repositorio.

A course directory made by ``python -m autograder.curso DIR`` loads this file
(``load_subconfig``) and adds its own course id and exchange directory.
"""
import os
import sys

from nbconvert.preprocessors import ClearMetadataPreprocessor
from nbgrader.preprocessors import AssignLatePenalties, CheckCellMetadata, IgnorePattern, LimitOutput, SaveAutoGrades

RAIZ_REPOSITORIO = os.path.dirname(os.path.abspath(__file__))
if RAIZ_REPOSITORIO not in sys.path:
    sys.path.insert(0, RAIZ_REPOSITORIO)

from autograder.nbgrader_integracion import (  # noqa: E402
    CalificacionAislada, ExportadorTolerante, RecogidaSinEnlaces, SaneamientoEntrega)

c = get_config()  # noqa: F821 (provided by traitlets)

c.CourseDirectory.source_directory = "source"

# The release replaces solutions with a Spanish stub.
c.ClearSolutions.code_stub = {"python": "# TU CÓDIGO AQUÍ\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "TU RESPUESTA AQUÍ"

# Collect: links and special files planted in the exchange are never followed (nbgrader's copy would
# read them with the instructor's permissions).
c.ExchangeFactory.collect = RecogidaSinEnlaces

# Autograde: a file that is not a notebook still gets a score (0, with the reason) instead of an error...
c.Autograde.exporter_class = ExportadorTolerante
# ...and the nbgrader metadata is rebuilt from the gradebook before nbgrader's own sanitizers run
# (SaneamientoEntrega runs them: ClearOutput, DeduplicateIds, OverwriteKernelspec, OverwriteCells,
# CheckCellMetadata), so a tampered submission neither stops the class nor goes ungraded.
c.Autograde.sanitize_preprocessors = [SaneamientoEntrega]

# Never execute the submission in a kernel; grade it out of the kernel instead. Grading refuses
# (0 with the reason) where the machine cannot isolate submissions with the kernel, unless
# `--CalificacionAislada.sin_aislamiento=True` is given (trusted submissions only).
c.Autograde.autograde_preprocessors = [
    CalificacionAislada,
    IgnorePattern,
    ClearMetadataPreprocessor,
    LimitOutput,
    SaveAutoGrades,
    AssignLatePenalties,
    CheckCellMetadata,
]
