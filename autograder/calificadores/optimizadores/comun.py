"""Comprobaciones compartidas por los casos de los tres pasos y datos de minimizar."""
from dataclasses import dataclass
from typing import Callable

import numpy as np

from autograder.errores import Fallo
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma, exigir_tupla

# Relative tolerance only (atol is negligible): the small-gradient cases have s and v of order 1e-9 to 1e-15.
ATOL, RTOL = 1e-20, 1e-7


def gradientes_diminutos(minimo: float, maximo: float):
    """``gradiente(rng, d)`` for ``Paso.encadenar``: |g| uniform in [minimo, maximo], random signs."""
    return lambda rng, d: rng.uniform(minimo, maximo, size=d) * rng.choice([-1.0, 1.0], size=d)


def forma_aleatoria(rng) -> tuple:
    """The shape of w in a hidden case: a vector of 1 to 5 entries or a matrix of 2-4 × 2-3, half the time each."""
    return (int(rng.integers(1, 6)),) if rng.random() < 0.5 else (int(rng.integers(2, 5)), int(rng.integers(2, 4)))


@dataclass(frozen=True)
class Paso:
    """How one of the three steps is checked: its name, its outputs, the hint of each known mistake
    (keyed as in ``referencia.errores_<nombre>``), the order in which the outputs are compared, the
    hint for a nan or inf output (none: not checked) and ``revisar(obtenido, esperado, args, que)``,
    a check of the step's own run before the comparison (none: no check)."""

    nombre: str
    salidas: tuple
    pistas: dict
    orden: tuple = ()
    pista_no_finito: str = ""
    revisar: Callable = None

    def pedir(self, alumno, args, kwargs, que):
        """Calls the step and checks it returns a tuple of arrays with the shape of w (args[0])."""
        forma = np.shape(args[0])
        salida = exigir_tupla(alumno.llamar(self.nombre, *args, **kwargs), len(self.salidas), que)
        resultado = []
        for valor, nombre_salida in zip(salida, self.salidas):
            valor = exigir_array(valor, f"{que}: {nombre_salida}")
            exigir_forma(valor, forma, f"{que}: {nombre_salida}",
                         "Cada salida tiene la forma de w: las operaciones son elemento a elemento.")
            resultado.append(valor)
        return resultado

    def comparar(self, obtenido, esperado, args, que, errores, revelar):
        """Compares the outputs in ``orden``; ``errores`` is {mistake: wrong outputs}, as the public literals and
        ``referencia.errores_<nombre>``, None for an output the mistake leaves right."""
        if self.revisar:
            self.revisar(obtenido, esperado, args, que)
        for nombre in self.orden or self.salidas:
            i = self.salidas.index(nombre)
            conocidos = tuple((salidas[i], self.pistas[clave]) for clave, salidas in errores.items()
                              if salidas[i] is not None
                              and not np.allclose(salidas[i], esperado[i], atol=ATOL, rtol=RTOL, equal_nan=True))
            exigir_cercano(obtenido[i], esperado[i], f"{que}: {nombre}", atol=ATOL, rtol=RTOL,
                           errores_conocidos=conocidos, revelar=revelar)
        if self.pista_no_finito and not all(np.all(np.isfinite(valor)) for valor in obtenido):
            raise Fallo(f"{que}: el resultado contiene nan o inf.\n  Pista: {self.pista_no_finito}")

    def comprobar(self, alumno, args, kwargs, esperado, que, errores, revelar=True):
        """A public example: expected and wrong outputs are literals of the case file."""
        self.comparar(self.pedir(alumno, args, kwargs, que), esperado, args, que, errores, revelar)

    def comprobar_con_referencia(self, alumno, referencia, args, kwargs, que):
        """A hidden case: the reference step and its known mistakes on these inputs; returns the reference's output."""
        esperado = getattr(referencia, self.nombre)(*args, **kwargs)
        errores = getattr(referencia, f"errores_{self.nombre}")(*args, **kwargs)
        self.comparar(self.pedir(alumno, args, kwargs, que), esperado, args, que, errores, revelar=False)
        return esperado

    def encadenar(self, alumno, referencia, rng, pasos, gradiente, que, con_t=False):
        """A hidden case: ``pasos`` chained steps with the default arguments, from a random w of 2 to 5
        entries and the rest of the state at 0, each compared with the reference's. ``gradiente(rng, d)``
        draws each step's gradient, ``que`` names step ``{paso}``; with ``con_t`` the step number is the
        last argument (Adam's t)."""
        d = int(rng.integers(2, 6))
        w, estado = rng.normal(size=d), [np.zeros(d)] * (len(self.salidas) - 1)
        for paso in range(1, pasos + 1):
            g = gradiente(rng, d)
            args = (w, g, *estado, paso) if con_t else (w, g, *estado)
            w, *estado = self.comprobar_con_referencia(alumno, referencia, args, {}, que.format(paso=paso))
