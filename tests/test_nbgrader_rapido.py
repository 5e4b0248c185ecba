"""La comprobación de metadatos de nbgrader con el esquema compilado una vez: mismas decisiones, mismos errores."""
from __future__ import annotations

import copy
from pathlib import Path

import nbformat
import pytest
from nbgrader.nbgraderformat import MetadataValidator
from nbgrader.preprocessors import CheckCellMetadata

from autograder.nbgrader_rapido import ComprobacionMetadatos, ValidadorMetadatos

RAIZ = Path(__file__).resolve().parents[1]
CUADERNO = RAIZ / "assignments" / "04_backprop" / "04_backprop.ipynb"


def _primera_calificada(nb):
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade"))


def _primera_de_solucion(nb):
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution"))


ALTERACIONES = {
    "sin cambios": lambda nb: None,
    "puntos no numéricos": lambda nb: _primera_calificada(nb).metadata.nbgrader.update(points="x"),
    "clave desconocida": lambda nb: _primera_calificada(nb).metadata.nbgrader.update(trampa=1),
    "esquema más nuevo": lambda nb: _primera_calificada(nb).metadata.nbgrader.update(schema_version=4),
    "esquema más viejo": lambda nb: _primera_calificada(nb).metadata.nbgrader.update(schema_version=2),
    "grade_id vacío": lambda nb: _primera_calificada(nb).metadata.nbgrader.update(grade_id=""),
    "sin puntos": lambda nb: _primera_calificada(nb).metadata.nbgrader.pop("points"),
    "id repetido": lambda nb: _primera_de_solucion(nb).metadata.nbgrader.update(
        grade_id=_primera_calificada(nb).metadata.nbgrader.grade_id),
    "markdown calificado sin solución": lambda nb: nb.cells.__setitem__(0, nbformat.v4.new_markdown_cell(
        "x", metadata={"nbgrader": {**_primera_calificada(nb).metadata.nbgrader, "grade_id": "nuevo"}})),
}


def _desenlace(validador, nb) -> str:
    try:
        validador().validate_nb(nb)
    except Exception as error:  # noqa: BLE001 - the outcome is what is compared
        return type(error).__name__ + ("" if "Schema" in type(error).__name__ else f": {error}")
    return "válido"


@pytest.mark.parametrize("alteracion", ALTERACIONES)
def test_decide_lo_mismo_que_nbgrader(alteracion):
    nb = nbformat.read(CUADERNO, as_version=4)
    ALTERACIONES[alteracion](nb)
    assert _desenlace(ValidadorMetadatos, copy.deepcopy(nb)) == _desenlace(MetadataValidator, copy.deepcopy(nb))
    assert (_desenlace(ValidadorMetadatos, nb) == "válido") == (alteracion == "sin cambios")


def test_el_preprocesador_levanta_el_mismo_error_que_check_cell_metadata():
    nb = nbformat.read(CUADERNO, as_version=4)
    ALTERACIONES["puntos no numéricos"](nb)
    errores = []
    for clase in (CheckCellMetadata, ComprobacionMetadatos):
        with pytest.raises(Exception) as error:
            clase()(copy.deepcopy(nb), {})
        errores.append((type(error.value), str(error.value)))
    assert errores[0] == errores[1]
    bueno = nbformat.read(CUADERNO, as_version=4)
    assert ComprobacionMetadatos()(bueno, {})[0] is bueno
