#!/usr/bin/env bash
# Crea .venv (si falta) e instala las dependencias fijadas en pyproject.toml.
# Uso: source scripts/entorno.sh   (lo llaman scripts/demo.sh y scripts/pruebas.sh)
set -euo pipefail
RAIZ="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON_BASE="${PYTHON:-python3}"
if [ ! -x "$RAIZ/.venv/bin/python" ]; then
    echo "Creando el entorno virtual en $RAIZ/.venv ..."
    "$PYTHON_BASE" -m venv "$RAIZ/.venv"
fi
PY="$RAIZ/.venv/bin/python"
MARCA="$RAIZ/.venv/.dependencias-$(sha256sum "$RAIZ/pyproject.toml" | cut -c1-16)"
if [ ! -f "$MARCA" ]; then
    echo "Instalando dependencias (unos 2 minutos la primera vez) ..."
    "$PY" -m pip install --quiet --upgrade pip
    "$PY" - "$RAIZ/pyproject.toml" > "$RAIZ/.venv/requisitos.txt" <<'PYEOF'
import sys, tomllib
print("\n".join(tomllib.load(open(sys.argv[1], "rb"))["project"]["dependencies"]))
PYEOF
    "$PY" -m pip install --quiet -r "$RAIZ/.venv/requisitos.txt"
    # rfc3987-syntax (an optional extra of jsonschema pulled in by jupyter) compiles a grammar on import:
    # 2.7 of the 4.6 s that every `nbgrader` command spends importing. Nothing here needs it
    # (`pip check` stays clean); without it jsonschema just skips the IRI format check.
    "$PY" -m pip uninstall --quiet --yes rfc3987-syntax
    # Fórmulas sin conexión en el Formgrader (issue 9, punto 11): su HTMLExporter no se puede configurar,
    # pero nbconvert busca plantillas en {sys.prefix}/share/jupyter/nbconvert/templates/<nombre>/ antes que
    # en la base, así que la macro mathjax() de nbgrader_config.py (MathJax 3 en línea) se instala ahí.
    PLANTILLA_MATHJAX="$RAIZ/.venv/share/jupyter/nbconvert/templates/formgrade/mathjax.html.j2"
    mkdir -p "$(dirname "$PLANTILLA_MATHJAX")"
    "$PY" - "$RAIZ/nbgrader_config.py" > "$PLANTILLA_MATHJAX" <<'PYEOF' || true
import runpy, sys
from traitlets.config import Config
print(runpy.run_path(sys.argv[1], init_globals={"get_config": Config})["_macro_mathjax_local"]() or "", end="")
PYEOF
    [ -s "$PLANTILLA_MATHJAX" ] || rm -f "$PLANTILLA_MATHJAX"
    touch "$MARCA"
fi
# JupyterLab en español por defecto (el paquete de idioma está en pyproject.toml): ajuste por defecto del
# entorno, documentado por JupyterLab (overrides.d en {sys.prefix}/share/jupyter/lab/settings); cada
# usuario puede cambiarlo en Configuración → Idioma. Sin el aviso de noticias de Jupyter (clase sin red).
AJUSTES_LAB="$RAIZ/.venv/share/jupyter/lab/settings/overrides.d"
if ! grep -q fetchNews "$AJUSTES_LAB/curso-dl-idioma.json" 2>/dev/null; then
    mkdir -p "$AJUSTES_LAB"
    echo '{"@jupyterlab/translation-extension:plugin": {"locale": "es_ES"},
 "@jupyterlab/apputils-extension:notification": {"fetchNews": "false"}}' > "$AJUSTES_LAB/curso-dl-idioma.json"
fi
export PATH="$RAIZ/.venv/bin:$PATH"
export PYTHONPATH="$RAIZ${PYTHONPATH:+:$PYTHONPATH}"
# Datos sin conexión: por defecto, ../shared/datasets si existe (así lo monta la integración continua).
if [ -z "${CURSO_DL_DATOS:-}" ] && [ -d "$RAIZ/../shared/datasets" ]; then
    export CURSO_DL_DATOS="$(cd "$RAIZ/../shared/datasets" && pwd)"
fi
export TF_CPP_MIN_LOG_LEVEL=3
cd "$RAIZ"
