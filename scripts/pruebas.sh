#!/usr/bin/env bash
# Pruebas del proyecto (nivel por defecto). Argumentos extra van a pytest, p. ej. `-m lento`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/entorno.sh"
python -m pytest -q "$@"
