"""Casos de `inicializar_red(d, h, k, semilla)`: inicialización de He y sesgos en cero."""
import numpy as np

from autograder.casos import caso
from autograder.errores import Fallo
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma

CLAVES = ("W1", "b1", "W2", "b2")
PISTA_HE = ("usa rng = np.random.default_rng(semilla); genera primero W1 = rng.normal(size=(d, h)) * np.sqrt(2 / d) "
            "y después W2 = rng.normal(size=(h, k)) * np.sqrt(2 / h).")


def _pedir(alumno, d, h, k, semilla, que):
    params = alumno.llamar("inicializar_red", d, h, k, semilla=semilla)
    if not isinstance(params, dict) or set(params) != set(CLAVES):
        claves = sorted(params) if isinstance(params, dict) else type(params).__name__
        raise Fallo(f"{que}: se esperaba un dict con las claves {list(CLAVES)} pero se obtuvo {claves}.")
    formas = {"W1": (d, h), "b1": (h,), "W2": (h, k), "b2": (k,)}
    for clave in CLAVES:
        exigir_forma(exigir_array(params[clave], f"{que}: {clave}"), formas[clave], f"{que}: {clave}")
    for clave in ("b1", "b2"):
        exigir_cercano(params[clave], np.zeros(formas[clave]), f"{que}: {clave}", atol=0, rtol=0, revelar=False,
                       pista="los sesgos empiezan en cero.")
    return params


@caso(puntos=1, exito="formas, sesgos en cero, pesos de He con la semilla dada y escala ≈ sqrt(2 / fan_in).")
def test_formas_semilla_y_escala(alumno):
    params = _pedir(alumno, 3, 4, 2, 0, "inicializar_red(3, 4, 2, semilla=0)")
    rng = np.random.default_rng(0)
    W1, W2 = rng.normal(size=(3, 4)) * np.sqrt(2 / 3), rng.normal(size=(4, 2)) * np.sqrt(2 / 4)
    exigir_cercano(params["W1"], W1, "inicializar_red(3, 4, 2, semilla=0): W1", atol=1e-12, pista=PISTA_HE)
    exigir_cercano(params["W2"], W2, "inicializar_red(3, 4, 2, semilla=0): W2", atol=1e-12, pista=PISTA_HE)
    grande = _pedir(alumno, 400, 50, 10, 1, "inicializar_red(400, 50, 10, semilla=1)")
    for clave, fan_in in (("W1", 400), ("W2", 50)):
        escala, esperada = float(np.std(grande[clave])), float(np.sqrt(2 / fan_in))
        if abs(escala / esperada - 1) > 0.15:
            raise Fallo(f"inicializar_red(400, 50, 10): la desviación típica de {clave} es {escala:.4f} y debería ser "
                        f"≈ sqrt(2 / {fan_in}) = {esperada:.4f}.\n  Pista: {PISTA_HE}")


@caso(puntos=1, oculta=True, exito="coincide con la referencia para otras dimensiones y semillas.")
def test_otras_dimensiones_y_semillas(alumno, rng, referencia):
    d, h, k = (int(v) for v in rng.integers(1, 9, size=3))
    semilla = int(rng.integers(0, 10**6))
    que = f"inicializar_red({d}, {h}, {k}, semilla={semilla})"
    params, esperado = _pedir(alumno, d, h, k, semilla, que), referencia.inicializar_red(d, h, k, semilla)
    for clave in ("W1", "W2"):
        exigir_cercano(params[clave], esperado[clave], f"{que}: {clave}", atol=1e-12, revelar=False, pista=PISTA_HE)
