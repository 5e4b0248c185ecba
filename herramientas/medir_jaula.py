"""Cuánto cuesta la jaula: `python -m herramientas.medir_jaula [--veces N]`.

Measures, in one run and alternating the two variants so that machine noise
hits both alike:

1. ``python -I -c pass`` started plainly and inside the jail (``jaula.argumentos``):
   the jail's own start-up overhead (bwrap, namespaces, tmpfs, seccomp, setpriv);
2. a full ``ProcesoAislado`` (start, NumPy preloaded, an empty notebook, close),
   unjailed and jailed: what one grading pays.

Prints medians and the overhead in ms, with ``uptime``. The target is ≤ 100 ms.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

from autograder import jaula
from autograder.aislamiento import ConfiguracionAislamiento, ProcesoAislado, _entorno
from autograder.filtro_seccomp import programa_bpf


def _cronometrar(funcion) -> float:
    inicio = time.perf_counter()
    funcion()
    return time.perf_counter() - inicio


def _python_simple() -> None:
    subprocess.run([sys.executable, "-I", "-c", "pass"], env=_entorno("/tmp", "/tmp", {}), check=True)


def _python_en_jaula() -> None:
    fd = jaula.archivo_en_memoria(programa_bpf())
    try:
        args = jaula.argumentos([sys.executable, "-I", "-c", "pass"], _entorno(jaula.TRABAJO, "/tmp", {}), {}, {},
                                fd_seccomp=fd)
        subprocess.run(args, pass_fds=(fd,), check=True)
    finally:
        os.close(fd)


def _proceso(aislar: bool):
    def correr() -> None:
        with ProcesoAislado(ConfiguracionAislamiento(aislar=aislar)) as proceso:
            proceso.iniciar([])
    return correr


def _medir(variantes: dict, veces: int) -> dict:
    tiempos = {nombre: [] for nombre in variantes}
    for _ in range(veces):
        for nombre, funcion in variantes.items():
            tiempos[nombre].append(_cronometrar(funcion))
    return {nombre: statistics.median(valores) for nombre, valores in tiempos.items()}


def main(argv=None) -> int:
    analizador = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    analizador.add_argument("--veces", type=int, default=20, help="repeticiones de cada variante (por defecto 20)")
    argumentos = analizador.parse_args(argv)
    motivo = jaula.motivo_no_disponible()
    if motivo:
        print(motivo)
        return 2
    print("uptime:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    arranque = _medir({"simple": _python_simple, "jaula": _python_en_jaula}, argumentos.veces)
    completo = _medir({"simple": _proceso(False), "jaula": _proceso(True)}, argumentos.veces)
    for titulo, medianas in (("python -I -c pass", arranque), ("ProcesoAislado con NumPy", completo)):
        extra = (medianas["jaula"] - medianas["simple"]) * 1000
        print(f"{titulo}: sin jaula {medianas['simple'] * 1000:.0f} ms, en la jaula {medianas['jaula'] * 1000:.0f} ms "
              f"(sobrecoste {extra:.0f} ms; mediana de {argumentos.veces})")
    print("uptime:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
