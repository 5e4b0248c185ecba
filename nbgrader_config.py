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

from autograder.nbgrader_integracion import CalificacionAislada  # noqa: E402

c = get_config()  # noqa: F821 (provided by traitlets)

c.CourseDirectory.source_directory = "source"

# The release replaces solutions with a Spanish stub.
c.ClearSolutions.code_stub = {"python": "# TU CÓDIGO AQUÍ\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "TU RESPUESTA AQUÍ"

# Autograde: never execute the submission in a kernel; grade it out of the kernel instead.
c.Autograde.autograde_preprocessors = [
    CalificacionAislada,
    IgnorePattern,
    ClearMetadataPreprocessor,
    LimitOutput,
    SaveAutoGrades,
    AssignLatePenalties,
    CheckCellMetadata,
]
