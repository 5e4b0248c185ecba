"""Comprobación de gradientes por error relativo, con la tolerancia y la fórmula en el mensaje.

The numerical gradients themselves are computed by each hidden case on the
trusted side (reference ``gradiente_numerico`` of the reference forward pass);
this module only compares. It does not import ``solutions``: public cases use it too.
"""
from __future__ import annotations

import numpy as np

from autograder.errores import ErrorDelAlumno, Fallo
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma

TOLERANCIA_GRADIENTE = 1e-7
PASO = 1e-5
FORMULA = "error relativo = ‖a − b‖ / max(‖a‖ + ‖b‖, 1e-12)"
PISTA_MATMUL = ("revisa las formas de los productos: dX = dZ @ W.T es (n, m)·(m, d) → (n, d) y "
                "dW = X.T @ dZ es (d, n)·(n, m) → (d, m).")


def error_relativo(a, b) -> float:
    """‖a − b‖ / max(‖a‖ + ‖b‖, 1e-12): 0 si son iguales, cerca de 1 si no se parecen."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return float(np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), 1e-12))


def exigir_gradiente(obtenido, numerico, que: str, errores_conocidos: tuple = (), pista: str = "",
                     contra: str = f"el gradiente numérico (diferencias centradas, h = {PASO:g})") -> None:
    """El gradiente del alumno debe coincidir con el de comparación: error relativo < 1e-7.

    ``errores_conocidos`` is a sequence of ``(gradiente_erroneo, explicacion)``; a match (same
    relative-error tolerance) names the mistake. Expected values are never printed.
    """
    obtenido = exigir_array(obtenido, que)
    exigir_forma(obtenido, np.shape(numerico), que)
    if not np.all(np.isfinite(obtenido)):
        raise Fallo(f"{que}: contiene valores nan o inf." + (f"\n  Pista: {pista}" if pista else ""))
    error = error_relativo(obtenido, numerico)
    if error < TOLERANCIA_GRADIENTE:
        return
    mensaje = (f"{que}: comparado con {contra}, el error relativo es {error:.1e} "
               f"y se exige < {TOLERANCIA_GRADIENTE:g} ({FORMULA}).")
    for erroneo, explicacion in errores_conocidos:
        if error_relativo(obtenido, erroneo) < TOLERANCIA_GRADIENTE:
            raise Fallo(f"{mensaje}\n  Pista: {explicacion}")
    raise Fallo(mensaje + (f"\n  Pista: {pista}" if pista else ""))


def llamar_con_pista_de_formas(alumno, nombre: str, *args):
    """Llama a la función; si NumPy protesta por las dimensiones de un producto, lo explica."""
    try:
        return alumno.llamar(nombre, *args)
    except ErrorDelAlumno as error:
        if "matmul" in str(error) or "shapes" in str(error):
            raise ErrorDelAlumno(f"{error}\n  Pista: {PISTA_MATMUL}") from None
        raise


def lejos_de_cero(rng, forma, minimo: float = 1e-3) -> np.ndarray:
    """Normales con |valor| ≥ minimo: las derivadas numéricas de ReLU fallan justo en el pliegue."""
    valores = rng.normal(size=forma)
    return np.where(np.abs(valores) < minimo, np.copysign(2 * minimo, valores), valores)


def pedir_elemento_a_elemento(alumno, nombre: str, z: np.ndarray, que: str, *args) -> np.ndarray:
    """Llama a `nombre(z, *args)` y exige un array numérico con la forma de z."""
    valor = exigir_array(alumno.llamar(nombre, z, *args), que)
    exigir_forma(valor, z.shape, que, "una función elemento a elemento devuelve la misma forma que su entrada.")
    return valor


def comprobar_elemento_a_elemento(alumno, nombre: str, z: np.ndarray, esperado, que: str, errores_conocidos=(),
                                  args: tuple = (), atol: float = 1e-7, rtol: float = 1e-6,
                                  revelar: bool = True) -> None:
    """`nombre(z, *args)` has the shape of z and is close to ``esperado`` (a public case's literal)."""
    exigir_cercano(pedir_elemento_a_elemento(alumno, nombre, z, que, *args), esperado, que, atol=atol, rtol=rtol,
                   errores_conocidos=errores_conocidos, revelar=revelar)


def comprobar_con_referencia(alumno, referencia, nombre: str, z: np.ndarray, que: str, errores_conocidos=(),
                             args: tuple = (), atol: float = 1e-8, rtol: float = 1e-6) -> None:
    """A hidden case of an element-wise function: `nombre(z, *args)` against the reference's, values not shown."""
    comprobar_elemento_a_elemento(alumno, nombre, z, getattr(referencia, nombre)(z, *args), que, errores_conocidos,
                                  args, atol=atol, rtol=rtol, revelar=False)


def forma_aleatoria(rng, minimo: int = 4) -> tuple:
    """Una forma de 1 a 3 dimensiones con entre 1 y 6 entradas por eje y al menos ``minimo`` entradas.

    At least a few entries, so that the hidden values of an element-wise function cannot all be
    0 (or all equal) by chance: a constant answer must not pass.
    """
    while True:
        forma = tuple(int(t) for t in rng.integers(1, 7, size=int(rng.integers(1, 4))))
        if np.prod(forma) >= minimo:
            return forma


def con_cero_y_ambos_signos(rng, forma, escala: float = 2.0) -> np.ndarray:
    """Normales de esa forma con una entrada exactamente 0, una positiva y una negativa (al menos)."""
    z = rng.normal(0, escala, size=forma)
    cero, positiva, negativa = rng.choice(z.size, size=3, replace=False)
    z.flat[cero], z.flat[positiva], z.flat[negativa] = 0.0, abs(z.flat[positiva]) + 0.1, -abs(z.flat[negativa]) - 0.1
    return z
