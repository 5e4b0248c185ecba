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


def _lo_obtenido(valor) -> str:
    """What the student returned, in Spanish, for a type mismatch (never more than a short excerpt)."""
    if valor is None:
        return "None (¿falta un return en tu función?)"
    if isinstance(valor, str):
        return f"un texto (str): {valor[:30]!r}"
    if isinstance(valor, dict):
        return "un dict"
    if isinstance(valor, (list, tuple)):
        return f"una {'lista' if isinstance(valor, list) else 'tupla'} de {len(valor)} elementos"
    if isinstance(valor, ObjetoNoAdmitido):
        return f"un objeto de tipo {valor.tipo}, que no se puede comparar"
    if isinstance(valor, np.ndarray):
        return f"un np.ndarray de forma {valor.shape}"
    return _tipo(valor)


def _problema_de_dtype(dtype: np.dtype) -> str | None:
    """Why an array of this dtype cannot be compared as real numbers (None if it can)."""
    if dtype.kind in "biuf":
        return None
    if dtype.kind == "c":
        return f"tiene números complejos (dtype {dtype}) y se esperaban números reales"
    if dtype.kind in "US":
        return f"contiene textos (dtype {dtype}) y se esperaban números"
    return f"tiene dtype {dtype} y se esperaba un array numérico"


def _reales(valor, que: str) -> np.ndarray:
    """``valor`` as an array of floats, or a ``Fallo`` that says what came out instead.

    Values come from the student's process as plain data, but of any shape or type: a string,
    None, a dict, a ragged list, complex numbers or an integer too large for a float must give a
    message, never an exception from NumPy.
    """
    if isinstance(valor, np.ndarray):
        problema = _problema_de_dtype(valor.dtype)
        if problema:
            raise Fallo(f"{que}: el array {problema}.")
        return valor.astype(float, copy=False)
    if isinstance(valor, (bool, int, float, np.integer, np.floating)):
        try:
            return np.asarray(float(valor))
        except OverflowError:
            raise Fallo(f"{que}: el número es demasiado grande para compararlo como número real.") from None
    if not isinstance(valor, (list, tuple)):
        raise Fallo(f"{que}: se esperaba un array de números pero se obtuvo {_lo_obtenido(valor)}.")
    try:
        convertido = np.asarray(valor)
    except ValueError:
        raise Fallo(f"{que}: se obtuvo {_lo_obtenido(valor)} con filas de distinto largo (una lista irregular); "
                    "se esperaba un array de números con una forma rectangular.") from None
    except (OverflowError, MemoryError, RecursionError) as error:
        raise Fallo(f"{que}: no se pudo convertir {_lo_obtenido(valor)} en un array "
                    f"({type(error).__name__}).") from None
    problema = _problema_de_dtype(convertido.dtype)
    if problema:
        raise Fallo(f"{que}: se obtuvo {_lo_obtenido(valor)} que {problema}.")
    try:
        return convertido.astype(float)
    except OverflowError:
        raise Fallo(f"{que}: contiene un entero demasiado grande para compararlo como número real.") from None


def _texto(valor, decimales: int = 4) -> str:
    return np.array2string(np.asarray(valor, dtype=float), precision=decimales, suppress_small=True, threshold=20)


def exigir_array(valor, que: str) -> np.ndarray:
    """El valor debe ser un np.ndarray numérico (real)."""
    if not isinstance(valor, np.ndarray):
        raise Fallo(f"{que}: se esperaba un np.ndarray pero se obtuvo {_lo_obtenido(valor)}.")
    problema = _problema_de_dtype(valor.dtype)
    if problema:
        raise Fallo(f"{que}: el array {problema}.")
    return valor


def exigir_numero(valor, que: str) -> float:
    """El valor debe ser un número real (float, int o escalar de NumPy, también un array 0-d)."""
    if isinstance(valor, np.ndarray) and valor.shape == ():
        valor = valor[()]
    if isinstance(valor, bool) or not isinstance(valor, (int, float, np.integer, np.floating)):
        raise Fallo(f"{que}: se esperaba un número (float) pero se obtuvo {_lo_obtenido(valor)}.")
    try:
        return float(valor)
    except OverflowError:
        raise Fallo(f"{que}: el número es demasiado grande para compararlo como número real.") from None


def exigir_tupla(valor, largo: int, que: str) -> tuple:
    if not isinstance(valor, (tuple, list)) or len(valor) != largo:
        raise Fallo(f"{que}: se esperaba una tupla de {largo} elementos pero se obtuvo {_lo_obtenido(valor)}.")
    return tuple(valor)


def exigir_forma(valor: np.ndarray, forma: tuple, que: str, pista: str = "") -> None:
    valor = valor if isinstance(valor, np.ndarray) else _reales(valor, que)
    if valor.shape != tuple(forma):
        raise Fallo(f"{que}: la forma es {valor.shape} y se esperaba {tuple(forma)}." + (f" {pista}" if pista else ""))


def _coincide(a, b, atol: float, rtol: float) -> bool:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a.shape == b.shape and bool(np.allclose(a, b, atol=atol, rtol=rtol, equal_nan=False))


def exigir_cercano(obtenido, esperado, que: str, atol: float = 1e-6, rtol: float = 1e-6,
                   errores_conocidos: tuple = (), revelar: bool = True, pista: str = "",
                   pista_no_finito: str = "") -> None:
    """Compara valores con tolerancia |obtenido − esperado| ≤ atol + rtol·|esperado|.

    ``errores_conocidos`` is a sequence of ``(valor_erroneo, explicacion)``: if the
    student's output matches a known wrong answer, the message names the mistake.
    ``pista_no_finito`` is given only when the output contains nan or inf (an overflow or a
    log(0) is recognised that way); ``pista`` with any other mismatch, so it must explain what
    is checked rather than guess a mistake.
    """
    esperado_f = np.asarray(esperado, dtype=float)
    obtenido_f = _reales(obtenido, que)
    if obtenido_f.shape != esperado_f.shape:
        raise Fallo(f"{que}: la forma es {obtenido_f.shape} y se esperaba {esperado_f.shape}.")
    if _coincide(obtenido_f, esperado_f, atol, rtol):
        return
    tolerancia = f"(tolerancia: atol={atol:g}, rtol={rtol:g})"
    if not np.all(np.isfinite(obtenido_f)):
        causa = "contiene valores nan o inf"
    else:
        with np.errstate(over="ignore", invalid="ignore"):
            diferencia = float(np.max(np.abs(obtenido_f - esperado_f), initial=0.0))
        causa = f"la diferencia máxima con lo esperado es {diferencia:.3g} {tolerancia}"
    detalle = (f"\n  obtenido: {_texto(obtenido_f)}\n  esperado: {_texto(esperado_f)}" if revelar else "")
    for erroneo, explicacion in errores_conocidos:
        if erroneo is not None and _coincide(obtenido_f, erroneo, atol, rtol):
            raise Fallo(f"{que}: {causa}.{detalle}\n  Pista: {explicacion}")
    if pista_no_finito and not np.all(np.isfinite(obtenido_f)):
        pista = pista_no_finito
    raise Fallo(f"{que}: {causa}.{detalle}" + (f"\n  Pista: {pista}" if pista else ""))
