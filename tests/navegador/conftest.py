"""Pruebas en un navegador real (Chromium de Debian + chromedriver, con Selenium).

Each fixture starts its own JupyterLab on 127.0.0.1 and stops it in ``finally``. On a failed test, a
screenshot of every open browser goes to ``capturas_navegador/`` (see README).
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parents[2]
CAPTURAS = RAIZ / "capturas_navegador"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"

pytestmark = pytest.mark.navegador


def pytest_collection_modifyitems(items):
    for item in items:
        if "navegador" in str(item.fspath):
            item.add_marker(pytest.mark.navegador)


def _faltan_requisitos() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "falta selenium (pyproject.toml)"
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        return "faltan chromium y chromium-driver (apt-get install -y chromium chromium-driver; .ci/run lo hace)"
    return None


def _puerto_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServidorJupyter:
    """JupyterLab on 127.0.0.1 with its own config, data and runtime folders; stopped by ``parar``."""

    def __init__(self, raiz: Path, privado: Path, token: str):
        self.raiz, self.token, self.puerto = raiz, token, _puerto_libre()
        self.url = f"http://127.0.0.1:{self.puerto}"
        privado.mkdir(parents=True, exist_ok=True)
        entorno = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # as a student has it
        entorno.update(
            PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
            HOME=str(privado), JUPYTER_CONFIG_DIR=str(privado / "config"),
            JUPYTER_RUNTIME_DIR=str(privado / "runtime"), JUPYTERLAB_SETTINGS_DIR=str(privado / "settings"),
            JUPYTERLAB_WORKSPACES_DIR=str(privado / "workspaces"), TF_CPP_MIN_LOG_LEVEL="3")
        self.registro = open(privado / "jupyter.log", "w")
        self.proceso = subprocess.Popen(
            [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1", f"--port={self.puerto}",
             "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={raiz}",
             "--LabApp.expose_app_in_browser=True", *(["--allow-root"] if os.geteuid() == 0 else [])],
            cwd=raiz, env=entorno, stdout=self.registro, stderr=subprocess.STDOUT, start_new_session=True)
        limite = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(f"{self.url}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if self.proceso.poll() is not None or time.monotonic() > limite:
                    self.parar()
                    raise RuntimeError(f"JupyterLab no arrancó: {(privado / 'jupyter.log').read_text()[-3000:]}")
                time.sleep(0.5)

    def parar(self) -> None:
        if self.proceso.poll() is None:
            try:
                os.killpg(self.proceso.pid, signal.SIGTERM)
                self.proceso.wait(timeout=15)
            except (subprocess.TimeoutExpired, ProcessLookupError):
                try:
                    os.killpg(self.proceso.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proceso.wait(timeout=15)
        self.registro.close()


@pytest.fixture(scope="session")
def requisitos():
    motivo = _faltan_requisitos()
    if motivo:
        if os.environ.get("CI") or os.environ.get("NAVEGADOR_OBLIGATORIO"):
            pytest.fail(motivo)
        pytest.skip(motivo)


@pytest.fixture(scope="session")
def iniciar_servidor(requisitos, tmp_path_factory):
    servidores = []

    def iniciar(raiz: Path, nombre: str) -> ServidorJupyter:
        servidor = ServidorJupyter(raiz, tmp_path_factory.mktemp(f"jupyter_{nombre}"), f"ficha-{nombre}")
        servidores.append(servidor)
        return servidor

    try:
        yield iniciar
    finally:
        for servidor in servidores:
            servidor.parar()


_NAVEGADORES: list = []


@pytest.fixture(scope="session")
def navegador(requisitos, tmp_path_factory):
    """Headless Chromium with the network closed: only 127.0.0.1 resolves (no CDN can help)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opciones = webdriver.ChromeOptions()
    opciones.binary_location = CHROMIUM
    for bandera in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=es-ES",
                    f"--user-data-dir={tmp_path_factory.mktemp('chromium')}",
                    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                    "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=127.0.0.1"):
        opciones.add_argument(bandera)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opciones)
    driver.set_page_load_timeout(120)
    _NAVEGADORES.append(driver)
    try:
        yield driver
    finally:
        _NAVEGADORES.remove(driver)
        driver.quit()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    resultado = (yield).get_result()
    if resultado.when == "call" and resultado.failed:
        CAPTURAS.mkdir(exist_ok=True)
        for i, driver in enumerate(_NAVEGADORES):
            try:
                driver.save_screenshot(str(CAPTURAS / f"FALLO_{item.name}-{i}.png"))
            except Exception:  # noqa: BLE001 (a screenshot must never hide the real failure)
                pass
