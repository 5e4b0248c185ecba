"""Casos de `entrenar_regresion_logistica(X, y, k, tasa, epocas, semilla)`."""
import numpy as np

from autograder.calificadores.softmax_entropia.datos import iris_estandarizado
from autograder.casos import caso
from autograder.errores import Fallo
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma, exigir_numero, exigir_tupla

X_PUB = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 2.0], [-1.0, 0.0]])
Y_PUB = np.array([0, 1, 2, 1, 1, 0])


def _entrenar(alumno, X, y, k, tasa, epocas, que):
    W, b, historial = exigir_tupla(alumno.llamar("entrenar_regresion_logistica", X, y, k, tasa=tasa, epocas=epocas), 3, que)
    W, b = exigir_array(W, f"{que}: W"), exigir_array(b, f"{que}: b")
    exigir_forma(W, (X.shape[1], k), f"{que}: W")
    exigir_forma(b, (k,), f"{que}: b")
    if not isinstance(historial, (list, tuple, np.ndarray)) or len(historial) != epocas:
        raise Fallo(f"{que}: historial debe ser una lista con una pérdida por época ({epocas}).")
    return W, b, np.array([exigir_numero(h, f"{que}: historial") for h in historial])


@caso(puntos=1, exito="devuelve W (d, k), b (k,) y un historial decreciente de una pérdida por época.")
def test_formas_e_historial(alumno):
    W, b, historial = _entrenar(alumno, X_PUB, Y_PUB, 3, 0.5, 50, "entrenar en 6 puntos, 3 clases")
    if not historial[-1] < historial[0]:
        raise Fallo("la pérdida no baja durante el entrenamiento: revisa el signo de la actualización "
                    "(W = W - tasa * dW).")


@caso(puntos=2, oculta=True, exito="sobre Iris estandarizado llega a ≥ 0.90 de exactitud y coincide con la referencia.")
def test_iris_estandarizado(alumno, referencia):
    """Iris (150×4, 3 clases) estandarizado: exactitud de entrenamiento ≥ 0.90 y W, b como la referencia."""
    X, y = iris_estandarizado()
    W, b, historial = _entrenar(alumno, X, y, 3, 0.1, 200, "entrenar en Iris")
    acierto = referencia.exactitud(referencia.softmax(X @ W + b), y)
    if acierto < 0.90:
        raise Fallo(f"entrenar en Iris: la exactitud de entrenamiento es {acierto:.3f} y se pide ≥ 0.90.")
    W_ok, b_ok, _ = referencia.entrenar_regresion_logistica(X, y, 3, tasa=0.1, epocas=200)
    exigir_cercano(W, W_ok, "entrenar en Iris: W", atol=1e-6, rtol=1e-5, revelar=False,
                   pista="parte de ceros y haz exactamente `epocas` pasos de W -= tasa * dW con todos los datos.")
    exigir_cercano(historial[-1], referencia.entropia_cruzada(referencia.softmax(X @ W + b), y),
                   "entrenar en Iris: última pérdida del historial", atol=1e-6, revelar=False,
                   pista="historial[i] es la pérdida después de la actualización de la época i.")


@caso(puntos=1, oculta=True, exito="respeta `tasa` y `epocas` en datos aleatorios.")
def test_hiperparametros_ocultos(alumno, rng, referencia):
    n, d, k = int(rng.integers(10, 30)), int(rng.integers(1, 4)), int(rng.integers(2, 4))
    X, y = rng.normal(size=(n, d)), rng.integers(0, k, size=n)
    tasa, epocas = float(rng.choice([0.05, 0.2, 0.3])), int(rng.integers(5, 30))
    W, b, _ = _entrenar(alumno, X, y, k, tasa, epocas, f"entrenar con tasa={tasa}, epocas={epocas}")
    W_ok, b_ok, _ = referencia.entrenar_regresion_logistica(X, y, k, tasa=tasa, epocas=epocas)
    exigir_cercano(W, W_ok, f"entrenar con tasa={tasa}, epocas={epocas}: W", atol=1e-6, rtol=1e-5, revelar=False)
    exigir_cercano(b, b_ok, f"entrenar con tasa={tasa}, epocas={epocas}: b", atol=1e-6, rtol=1e-5, revelar=False)
