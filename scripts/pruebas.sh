#!/usr/bin/env bash
# Pruebas del proyecto (nivel por defecto). Argumentos extra van a pytest, p. ej. `-m lento`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/entorno.sh"
python -m pytest -q --durations=20 "$@"  # the 20 slowest tests, to keep CI under 30 min
