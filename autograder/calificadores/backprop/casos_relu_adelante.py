"""Casos de `relu_adelante(Z)`."""
import numpy as np

from autograder.calificadores.backprop.verificacion import con_cero_y_ambos_signos, forma_aleatoria
from autograder.casos import caso
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma, exigir_tupla

PISTA_CACHE = "la cache de relu_adelante es su entrada Z (relu_atras la usa para saber dónde Z > 0)."


def _comprobar(alumno, Z, A_esperada, que, revelar):
    A, cache = exigir_tupla(alumno.llamar("relu_adelante", Z), 2, que)
    A = exigir_array(A, f"{que}: A")
    exigir_forma(A, Z.shape, f"{que}: A", "A = max(0, Z) tiene la forma de Z.")
    exigir_cercano(A, A_esperada, f"{que}: A", atol=1e-12, revelar=revelar)
    exigir_cercano(exigir_array(cache, f"{que}: cache"), Z, f"{que}: cache", atol=0, rtol=0, revelar=revelar,
                   errores_conocidos=((A_esperada, PISTA_CACHE),), pista=PISTA_CACHE)


@caso(puntos=1, exito="A = max(0, Z) en una matriz 2×3 y la cache es Z.")
def test_ejemplo_pequeno(alumno):
    Z = np.array([[-1.0, 0.0, 2.0], [3.0, -0.5, 0.25]])
    _comprobar(alumno, Z, np.array([[0.0, 0.0, 2.0], [3.0, 0.0, 0.25]]), "relu_adelante(ejemplo)", revelar=True)


@caso(puntos=1, oculta=True, exito="coincide con la referencia en arrays aleatorios con ceros exactos.")
def test_valores_ocultos(alumno, rng, referencia):
    Z = con_cero_y_ambos_signos(rng, forma_aleatoria(rng), escala=1.0)
    _comprobar(alumno, Z, referencia.relu_adelante(Z)[0], f"relu_adelante con Z de forma {Z.shape}", revelar=False)
