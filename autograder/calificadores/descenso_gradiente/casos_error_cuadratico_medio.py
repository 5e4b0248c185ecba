"""Casos de `error_cuadratico_medio(Y, Y_pred)`."""
import numpy as np

from autograder.calificadores.descenso_gradiente.datos import ECM_DIAPOSITIVAS, P_DIAPOSITIVAS, TABLA_Y
from autograder.casos import caso
from autograder.errores import Fallo
from autograder.verificar import exigir_cercano, exigir_numero

# Differences Y - Y_pred are 0, -1, 2, 0, 1, 2: squares add up to 10 over 6 entries.
Y_PUB = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
Y_PRED_PUB = np.array([[1.0, 3.0], [1.0, 4.0], [4.0, 4.0]])
ESPERADO_PUB = 10 / 6


def _errores_conocidos(Y, Y_pred):
    cuadrados = (Y - Y_pred) ** 2
    return (
        (np.sum(cuadrados), "sumaste los cuadrados; el ECM es su media: divide entre n·m (o usa np.mean)."),
        (np.mean(np.sum(cuadrados, axis=1)), "sumaste sobre las salidas y promediaste sobre los ejemplos; "
                                             "el ECM es la media sobre TODAS las n·m entradas."),
        (np.sqrt(np.mean(cuadrados)), "sacaste la raíz cuadrada (eso es la RECM); el ECM es la media de los cuadrados."),
        (np.mean(np.abs(Y - Y_pred)), "usaste el valor absoluto (error absoluto medio); eleva las diferencias al cuadrado."),
    )


def _pedir(alumno, Y, Y_pred, que):
    valor = alumno.llamar("error_cuadratico_medio", Y, Y_pred)
    if isinstance(valor, np.ndarray) and valor.ndim >= 1 and valor.size > 1:
        raise Fallo(f"{que}: devolviste un array de forma {valor.shape} en lugar de un número.\n  Pista: promediaste "
                    "solo a lo largo de un eje; el ECM es la media sobre TODAS las entradas: np.mean sin axis.")
    return exigir_numero(valor, que)


@caso(puntos=0.5, exito="en un ejemplo 3×2 el ECM es 10/6 ≈ 1.667.")
def test_ejemplo_pequeno(alumno):
    """Diferencias 0, -1, 0, 2, 1, 2: la suma de cuadrados es 10 y hay 6 entradas."""
    que = "error_cuadratico_medio(ejemplo 3×2)"
    exigir_cercano(_pedir(alumno, Y_PUB, Y_PRED_PUB, que), ESPERADO_PUB, que, atol=1e-8,
                   errores_conocidos=_errores_conocidos(Y_PUB, Y_PRED_PUB))


@caso(puntos=0.5, exito="en la tabla de las diapositivas el ECM es 1553.32, la mitad de su «Promedio(E) = 3106.64».")
def test_tabla_diapositivas(alumno):
    """N1, N2 frente a P1, P2 de las diapositivas: 16 cuadrados que suman 24853.14, entre 16 entradas."""
    que = "error_cuadratico_medio(tabla de las diapositivas)"
    conocidos = tuple((valor, pista + " Ese es el «Promedio(E) = 3106.64» de la diapositiva, que suma las 2 salidas "
                                      "de cada fila; el ECM promedia también sobre ellas (divide además entre m = 2).")
                      if "sumaste sobre las salidas" in pista else (valor, pista)
                      for valor, pista in _errores_conocidos(TABLA_Y, P_DIAPOSITIVAS))
    exigir_cercano(_pedir(alumno, TABLA_Y, P_DIAPOSITIVAS, que), ECM_DIAPOSITIVAS, que, atol=1e-6, rtol=1e-9,
                   errores_conocidos=conocidos)


@caso(puntos=1, oculta=True, exito="coincide con la referencia con n y m aleatorios.")
def test_valores_ocultos(alumno, rng, referencia):
    n, m = int(rng.integers(2, 20)), int(rng.integers(2, 4))
    Y, Y_pred = rng.normal(size=(n, m)), rng.normal(size=(n, m))
    que = f"error_cuadratico_medio con n={n}, m={m}"
    exigir_cercano(_pedir(alumno, Y, Y_pred, que), referencia.error_cuadratico_medio(Y, Y_pred), que,
                   atol=1e-10, rtol=1e-8, errores_conocidos=_errores_conocidos(Y, Y_pred), revelar=False)


@caso(puntos=1, oculta=True, exito="funciona con una sola entrada y con valores grandes.")
def test_una_entrada_y_valores_grandes(alumno, rng, referencia):
    """n = m = 1, y valores del orden de 10⁶ (el ECM es del orden de 10¹²)."""
    Y, Y_pred = rng.normal(size=(1, 1)), rng.normal(size=(1, 1))
    que = "error_cuadratico_medio con n=m=1"
    exigir_cercano(_pedir(alumno, Y, Y_pred, que), referencia.error_cuadratico_medio(Y, Y_pred), que,
                   atol=1e-10, rtol=1e-8, revelar=False)
    n, m = int(rng.integers(2, 10)), int(rng.integers(1, 4))
    Y, Y_pred = rng.normal(0, 1e6, size=(n, m)), rng.normal(0, 1e6, size=(n, m))
    que = f"error_cuadratico_medio con valores del orden de 10⁶ (n={n}, m={m})"
    exigir_cercano(_pedir(alumno, Y, Y_pred, que), referencia.error_cuadratico_medio(Y, Y_pred), que,
                   atol=0, rtol=1e-9, errores_conocidos=_errores_conocidos(Y, Y_pred), revelar=False)
