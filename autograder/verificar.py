"""Comprobaciones en el orden tipo → forma → valores, con mensajes en español.

Every failure raises ``Fallo`` with: what was checked, what came out, what
was expected, and a hint. Hidden cases pass ``revelar=False`` so that the
message describes the discrepancy without printing hidden expected values.
"""
from __future__ import annotations

import numpy as np

from .errores import Fallo
from .trabajador import ObjetoNoAdmitido


def _tipo(valor) -> str:
    if isinstance(valor, ObjetoNoAdmitido):
        return valor.tipo
    return type(valor).__name__


def _texto(valor, decimales: int = 4) -> str:
    return np.array2string(np.asarray(valor, dtype=float), precision=decimales, suppress_small=True, threshold=20)


def exigir_array(valor, que: str) -> np.ndarray:
    """El valor debe ser un np.ndarray numérico."""
    if not isinstance(valor, np.ndarray):
        raise Fallo(f"{que}: se esperaba un np.ndarray pero se obtuvo {_tipo(valor)}.")
    if valor.dtype.kind not in "biuf":
        raise Fallo(f"{que}: se esperaba un array numérico pero tiene dtype {valor.dtype}.")
    return valor


def exigir_numero(valor, que: str) -> float:
    """El valor debe ser un número real (float, int o escalar de NumPy, también un array 0-d)."""
    if isinstance(valor, np.ndarray) and valor.shape == ():
        valor = valor[()]
    if isinstance(valor, bool) or not isinstance(valor, (int, float, np.integer, np.floating)):
        raise Fallo(f"{que}: se esperaba un número (float) pero se obtuvo {_tipo(valor)}.")
    return float(valor)


def exigir_tupla(valor, largo: int, que: str) -> tuple:
    if not isinstance(valor, (tuple, list)) or len(valor) != largo:
        raise Fallo(f"{que}: se esperaba una tupla de {largo} elementos pero se obtuvo {_tipo(valor)}"
                    + (f" de {len(valor)}" if isinstance(valor, (tuple, list)) else "") + ".")
    return tuple(valor)


def exigir_forma(valor: np.ndarray, forma: tuple, que: str, pista: str = "") -> None:
    if valor.shape != tuple(forma):
        raise Fallo(f"{que}: la forma es {valor.shape} y se esperaba {tuple(forma)}." + (f" {pista}" if pista else ""))


def _coincide(a, b, atol: float, rtol: float) -> bool:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a.shape == b.shape and bool(np.allclose(a, b, atol=atol, rtol=rtol, equal_nan=False))


def exigir_cercano(obtenido, esperado, que: str, atol: float = 1e-6, rtol: float = 1e-6,
                   errores_conocidos: tuple = (), revelar: bool = True, pista: str = "") -> None:
    """Compara valores con tolerancia |obtenido − esperado| ≤ atol + rtol·|esperado|.

    ``errores_conocidos`` is a sequence of ``(valor_erroneo, explicacion)``: if the
    student's output matches a known wrong answer, the message names the mistake.
    """
    obtenido_f = np.asarray(obtenido, dtype=float)
    esperado_f = np.asarray(esperado, dtype=float)
    if obtenido_f.shape != esperado_f.shape:
        raise Fallo(f"{que}: la forma es {obtenido_f.shape} y se esperaba {esperado_f.shape}.")
    if _coincide(obtenido_f, esperado_f, atol, rtol):
        return
    tolerancia = f"(tolerancia: atol={atol:g}, rtol={rtol:g})"
    if not np.all(np.isfinite(obtenido_f)):
        causa = "contiene valores nan o inf"
    else:
        diferencia = float(np.max(np.abs(obtenido_f - esperado_f)))
        causa = f"la diferencia máxima con lo esperado es {diferencia:.3g} {tolerancia}"
    detalle = (f"\n  obtenido: {_texto(obtenido_f)}\n  esperado: {_texto(esperado_f)}" if revelar else "")
    for erroneo, explicacion in errores_conocidos:
        if erroneo is not None and _coincide(obtenido_f, erroneo, atol, rtol):
            raise Fallo(f"{que}: {causa}.{detalle}\n  Pista: {explicacion}")
    raise Fallo(f"{que}: {causa}.{detalle}" + (f"\n  Pista: {pista}" if pista else ""))
