#!/usr/bin/env bash
# Ciclo completo de nbgrader con una clase de ejemplo de cinco alumnos simulados.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/entorno.sh"
python -m herramientas.demo "$@"
