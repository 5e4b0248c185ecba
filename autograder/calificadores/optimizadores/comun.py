"""Comprobaciones compartidas por los casos de los tres pasos y datos de minimizar."""
import numpy as np

from autograder.errores import Fallo
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma, exigir_tupla

# Relative tolerance only (atol is negligible): the small-gradient cases have s and v of order 1e-9 to 1e-15.
ATOL, RTOL = 1e-20, 1e-7


def pedir_paso(alumno, nombre, args, kwargs, nombres_salida, que):
    """Calls a step and checks it returns a tuple of arrays with the shape of w (args[0])."""
    forma = np.shape(args[0])
    salida = exigir_tupla(alumno.llamar(nombre, *args, **kwargs), len(nombres_salida), que)
    resultado = []
    for valor, nombre_salida in zip(salida, nombres_salida):
        valor = exigir_array(valor, f"{que}: {nombre_salida}")
        exigir_forma(valor, forma, f"{que}: {nombre_salida}",
                     "Cada salida tiene la forma de w: las operaciones son elemento a elemento.")
        resultado.append(valor)
    return resultado


def comparar(obtenidos, esperados, nombres, que, conocidos, revelar, orden):
    """Compares outputs in ``orden`` (names); ``conocidos`` is [(wrong outputs tuple, hint), ...], None for an
    output the mistake leaves right."""
    for nombre in orden:
        i = nombres.index(nombre)
        errores = tuple((e[i], p) for e, p in conocidos
                        if e[i] is not None and not np.allclose(e[i], esperados[i], atol=ATOL, rtol=RTOL, equal_nan=True))
        exigir_cercano(obtenidos[i], esperados[i], f"{que}: {nombre}", atol=ATOL, rtol=RTOL,
                       errores_conocidos=errores, revelar=revelar)


def no_finito(valores, que, pista):
    for valor in valores:
        if not np.all(np.isfinite(valor)):
            raise Fallo(f"{que}: el resultado contiene nan o inf.\n  Pista: {pista}")
