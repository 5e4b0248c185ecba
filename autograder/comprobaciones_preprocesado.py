"""Comprobaciones compartidas de la preparación de datos de las tareas de Keras: X escalado y Y one-hot.

Tasks 05 to 10 ask for a function ``(x, y) → (X, Y)`` that scales the inputs (and, for images,
flattens them or adds the channel axis) and one-hot encodes the labels. Every known mistake gets
its hint here, written once; a task only names its nouns and shapes (``Preparacion``) and adds
the hints of the mistakes of its own (``errores_conocidos`` of its case file). As everywhere, a
hint that names a mistake is given only when the student's output is that mistake.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .errores import Fallo
from .verificar import exigir_array, exigir_cercano, exigir_forma, exigir_tupla


def _forma(dimensiones) -> str:
    return ", ".join(str(d) for d in dimensiones)


PISTAS = {
    "sin_escalar": ("los valores pasan de 1: divide entre {divisor} para llevar los píxeles de [0, {divisor}] a [0, 1] "
                    "(x.astype('float32') / {divisor})."),
    "division_entera": "usaste división entera (//): convierte primero a float32 y divide con / {divisor}.",
    "traspuesta": ("{ejemplos} quedaron traspuestas (recorridas por columnas en vez de por filas): no cambies el "
                   "orden de los ejes de x; {receta}."),
    "filas_one_hot": "cada fila debe tener un único 1.0, en la columna de su {clase} (Y[i, y[i]] = 1).",
}


@dataclass(frozen=True)
class Preparacion:
    """What one task's data-preparation function takes and returns.

    ``entrada`` and ``forma`` are the shapes of one raw and one prepared example (``(28, 28)`` →
    ``(784,)`` for a dense network, ``(28, 28)`` → ``(28, 28, 1)`` for a convolutional one);
    ``divisor`` is the largest raw value (255 for a uint8 pixel). The nouns name one example
    (``ejemplo``), all of them with their article (``ejemplos``) and one class (``clase``).
    """

    funcion: str
    entrada: tuple
    forma: tuple
    ejemplo: str = "imagen"
    ejemplos: str = "las imágenes"
    clase: str = "clase"
    clases: int = 10
    divisor: int = 255

    # -- hints, one per known mistake (PISTAS) -------------------------------------------------------

    @property
    def receta(self) -> str:
        """How to get the prepared shape from the raw one (quoted in the shape hints)."""
        if self.forma == self.entrada:
            return f"conserva la forma (n, {_forma(self.forma)})"
        if len(self.forma) == 1:
            return f"aplana fila por fila, en el orden de NumPy: x.reshape(n, {_forma(self.forma)})"
        return f"añade el eje del canal al final: x.reshape(n, {_forma(self.forma)})"

    def pista(self, error: str) -> str:
        """The hint of a known mistake (a key of ``PISTAS``), with this task's nouns and numbers."""
        return PISTAS[error].format(divisor=self.divisor, ejemplos=self.ejemplos, clase=self.clase,
                                    receta=self.receta)

    def errores_de_escala(self, x) -> tuple:
        """``(valor erróneo, pista)`` of the mistakes every task can make when scaling ``x``."""
        n = x.shape[0]
        con_forma = x.reshape(n, *self.forma)
        errores = [(con_forma.astype(float), self.pista("sin_escalar")),
                   (con_forma // self.divisor, self.pista("division_entera"))]
        if x.ndim >= 3:  # images: rows and columns swapped
            errores.append((np.swapaxes(x, 1, 2).reshape(n, *self.forma) / self.divisor, self.pista("traspuesta")))
        return tuple(errores)

    # -- checks ------------------------------------------------------------------------------------

    def llamar(self, alumno, x, y, que: str) -> tuple:
        return exigir_tupla(alumno.llamar(self.funcion, x, y), 2, que)

    def exigir_x(self, X, x, que: str) -> np.ndarray:
        """X is an array of the prepared shape; the known shape mistakes get their own message."""
        n = x.shape[0]
        esperada = (n, *self.forma)
        X = exigir_array(X, f"{que}: X")
        if len(self.forma) == 1 and X.shape != esperada and X.shape == x.shape and x.ndim > 2:
            raise Fallo(f"{que}: X tiene forma {X.shape}, la de {self.ejemplos} sin aplanar; se esperaba {esperada}. "
                        f"Una red densa recibe vectores: {self.receta}.")
        if len(self.forma) == 3:
            alto, ancho, canales = self.forma
            if X.shape == (n, alto * ancho * canales):
                raise Fallo(f"{que}: X tiene forma {X.shape}: aplanaste {self.ejemplos}. Una red convolucional "
                            f"recibe imágenes (alto, ancho, canales): se esperaba {esperada}; {self.receta}.")
            if canales == 1 and X.shape == (n, alto, ancho):
                raise Fallo(f"{que}: X tiene forma {X.shape} y se esperaba {esperada}: falta el eje del canal. "
                            "Conv2D espera imágenes (alto, ancho, canales); en escala de grises hay 1 canal: "
                            f"x.reshape(n, {_forma(self.forma)}) o x[..., np.newaxis].")
            if X.shape == (n, canales, alto, ancho):
                raise Fallo(f"{que}: X tiene forma {X.shape} y se esperaba {esperada}: pusiste el canal delante. "
                            f"Keras usa por defecto «channels_last»: el canal va al final, {self.receta}.")
        exigir_forma(X, esperada, f"{que}: X", f"Cada {self.ejemplo} debe quedar con forma {self.forma}: {self.receta}.")
        return X

    def exigir_y(self, Y, y, que: str) -> np.ndarray:
        """Y is an array of shape (n, clases); integer labels, a leftover axis and too few columns get their own
        messages."""
        n, k = y.shape[0], self.clases
        Y = exigir_array(Y, f"{que}: Y")
        if Y.shape in ((n,), (n, 1)):
            if np.array_equal(Y.reshape(-1), np.asarray(y).reshape(-1)):  # recognised: the labels themselves
                raise Fallo(f"{que}: Y tiene forma {Y.shape}: son las etiquetas enteras sin codificar. Conviértelas "
                            f"a one-hot de forma ({n}, {k}), con keras.utils.to_categorical(y, num_classes={k}): "
                            f"un 1.0 en la columna de su {self.clase} y 0.0 en las demás.")
            raise Fallo(f"{que}: Y tiene forma {Y.shape} y se esperaba ({n}, {k}): una fila por {self.ejemplo}, "
                        f"con un 1.0 en la columna de su {self.clase} y 0.0 en las demás.")
        if np.ndim(y) == 2 and Y.shape == (n, 1, k):  # recognised: one-hot of labels of shape (n, 1)
            raise Fallo(f"{que}: Y tiene forma {Y.shape}: las etiquetas llegan con forma (n, 1) y se quedó ese eje. "
                        "Aplánalas primero con y.reshape(-1).")
        pista = f"Debe haber {k} columnas, una por {self.clase}."
        etiquetas = np.asarray(y).reshape(-1).astype(int)
        if (Y.ndim == 2 and Y.shape[0] == n and Y.shape[1] == int(np.max(etiquetas)) + 1
                and np.array_equal(Y, np.eye(Y.shape[1])[etiquetas])):  # recognised: one-hot up to the largest label
            pista = (f"Tienes tantas columnas como la etiqueta más alta + 1: pásale num_classes={k} a "
                     f"keras.utils.to_categorical, porque unos datos pueden no contener las {k} clases.")
        exigir_forma(Y, (n, k), f"{que}: Y", pista)
        return Y

    def aleatorias(self, rng, n: int, alto: int | None = None, forma_y: tuple | None = None) -> tuple:
        """``n`` random raw examples (uint8 values below ``alto``, by default up to ``divisor``) and labels."""
        x = rng.integers(0, alto or self.divisor + 1, size=(n, *self.entrada), dtype=np.uint8)
        return x, rng.integers(0, self.clases, size=forma_y or n).astype(np.uint8)

    def one_hot(self, y) -> np.ndarray:
        return np.eye(self.clases)[np.asarray(y).reshape(-1).astype(int)]

    # -- the cases every task has -------------------------------------------------------------------

    def formas_y_tipo(self, alumno, x, y, que: str) -> None:
        """Shapes of X and Y, and X in float32."""
        X, Y = self.llamar(alumno, x, y, que)
        X = self.exigir_x(X, x, que)
        self.exigir_y(Y, y, que)
        if X.dtype != np.float32:
            raise Fallo(f"{que}: X tiene dtype {X.dtype} y se esperaba float32. Keras trabaja en float32 y así "
                        f"los datos ocupan la mitad de memoria: usa x.astype('float32') / {self.divisor}.")

    def valores_de_x(self, alumno, x, y, que: str, esperado, errores_conocidos: tuple | None = None,
                     rtol: float = 0.0) -> None:
        """X equals ``esperado`` (the public values, shown on failure); the known mistakes are, by default, those of
        ``errores_de_escala(x)``."""
        X = self.exigir_x(self.llamar(alumno, x, y, que)[0], x, que)
        if errores_conocidos is None:
            errores_conocidos = self.errores_de_escala(x)
        exigir_cercano(X, esperado, f"{que}: X", atol=1e-6, rtol=rtol, errores_conocidos=errores_conocidos)

    def etiquetas_one_hot(self, alumno, x, y, que: str, revelar: bool = True) -> None:
        """Y is the one-hot encoding of ``y``."""
        Y = self.exigir_y(self.llamar(alumno, x, y, que)[1], y, que)
        exigir_cercano(Y, self.one_hot(y), f"{que}: Y", atol=1e-6, rtol=0, revelar=revelar,
                       pista=self.pista("filas_one_hot"))

    def como_la_referencia(self, alumno, x, y, que: str, referencia, errores_conocidos: tuple,
                           rtol: float = 0.0) -> None:
        """X and Y equal the reference's, without showing the expected values (a hidden case)."""
        X, Y = self.llamar(alumno, x, y, que)
        X, Y = self.exigir_x(X, x, que), self.exigir_y(Y, y, que)
        X_ok, Y_ok = getattr(referencia, self.funcion)(x, y)
        exigir_cercano(X, X_ok, f"{que}: X", atol=1e-6, rtol=rtol, revelar=False, errores_conocidos=errores_conocidos)
        exigir_cercano(Y, Y_ok, f"{que}: Y", atol=1e-6, rtol=0, revelar=False, pista=self.pista("filas_one_hot"))

    def aleatorias_como_la_referencia(self, alumno, rng, referencia, maximo: int, nombre: str,
                                      errores_conocidos=None, brillo: tuple | None = None) -> None:
        """The hidden case of random examples: between 1 and ``maximo`` of them (``nombre``: «imágenes aleatorias»),
        their largest value below one drawn from ``brillo`` (``(desde, hasta)``) if given, compared with the
        reference (``como_la_referencia``); ``errores_conocidos(x)``, by default ``errores_de_escala``."""
        n = int(rng.integers(1, maximo + 1))
        alto = int(rng.integers(*brillo)) if brillo else None
        x, y = self.aleatorias(rng, n, alto=alto)
        self.como_la_referencia(alumno, x, y, f"{self.funcion}({n} {nombre})", referencia,
                                (errores_conocidos or self.errores_de_escala)(x))

    def formas_y_etiquetas(self, alumno, x, y, que: str) -> None:
        """Shapes of X and Y and one-hot labels, without showing values (a hidden case; X's values are graded
        apart)."""
        X, Y = self.llamar(alumno, x, y, que)
        self.exigir_x(X, x, que)
        exigir_cercano(self.exigir_y(Y, y, que), self.one_hot(y), f"{que}: Y", atol=1e-6, rtol=0, revelar=False,
                       pista=self.pista("filas_one_hot"))
