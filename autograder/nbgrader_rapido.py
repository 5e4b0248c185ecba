"""nbgrader's metadata check without its repeated work (what autograde spends per notebook).

``CheckCellMetadata`` runs twice per notebook in ``nbgrader autograde`` (once among the
sanitizers, once at the end). nbgrader 0.9.6 validates every cell with ``jsonschema.validate``,
which first validates the *schema itself* against the JSON Schema meta-schema: in a class graded
from the cache that was a fifth of all autograde time (``herramientas/medir_lote.py``). Here the
schema is compiled once per process and each cell is checked exactly as nbgrader checks it
(version, schema, then nbgrader's own rules in ``MetadataValidatorV3.validate_cell`` and the
duplicate ids of ``validate_nb``).
"""
from __future__ import annotations

import traceback

import jsonschema
from nbgrader.nbgraderformat.common import (BaseMetadataValidator, SchemaTooNewError, SchemaTooOldError,
                                            ValidationError)
from nbgrader.nbgraderformat.v3 import MetadataValidatorV3
from nbgrader.preprocessors import CheckCellMetadata


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
