"""Casos de `pesos_de_clase(y)`: {c: n / (k · n_c)} para las clases presentes, claves int y valores float.

Expected values come from scikit-learn (``compute_class_weight("balanced", classes=np.unique(y), y=y)``).
The cases call ``pares_de_pesos(y)`` (a provided cell of the notebook), which returns
``(type(pesos).__name__, list(pesos.items()))``: the channel carries no dicts with integer keys,
and the pairs keep each key's type, so string keys are recognised.
"""
import numpy as np

from autograder.calificadores.clases_desbalanceadas.datos import EJEMPLO_Y, etiquetas_desbalanceadas
from autograder.casos import caso
from autograder.errores import Fallo
from autograder.verificar import exigir_cercano, exigir_numero

QUE = "pesos_de_clase"
PISTA_CLAVES_TEXTO = ("las claves son textos ('0', '1', ...) y Keras busca el peso de cada ejemplo con "
                      "class_weight.get(int(etiqueta), 1.0): con claves de texto no encuentra ninguno y entrena "
                      "con peso 1 para todos, como si no hubiera pesos. Usa int(c) como clave.")
PISTA_INVERTIDOS = ("los pesos están invertidos: la clase rara debe pesar MÁS que la frecuente. El peso de la "
                    "clase c es n / (k · n_c), no n_c / n.")
PISTA_SIN_K = ("falta dividir entre k (el número de clases presentes): con n / (k · n_c) una clase con "
               "exactamente n/k ejemplos pesa 1 y la suma de los pesos de todos los ejemplos sigue siendo n.")
PISTA_K_MAXIMO = ("k es el número de clases PRESENTES en y (len(np.unique(y))), no la etiqueta máxima + 1: "
                  "aquí faltan algunas etiquetas intermedias.")
PISTA_AUSENTES = ("devuelve una entrada solo para cada clase presente en y: una clase sin ejemplos no tiene n_c "
                  "(dividirías entre 0). np.unique(y, return_counts=True) da las clases y sus cuentas.")


def esperado(y: np.ndarray) -> dict:
    """{c: peso} de scikit-learn (class_weight="balanced"), con claves int."""
    from sklearn.utils.class_weight import compute_class_weight

    clases = np.unique(y)
    return {int(c): float(p) for c, p in zip(clases, compute_class_weight("balanced", classes=clases, y=y))}


def _clave_entera(clave) -> bool:
    return isinstance(clave, (int, np.integer)) and not isinstance(clave, (bool, np.bool_))


def pesos_del_alumno(alumno, y: np.ndarray, que: str) -> dict:
    """El dict del alumno, con claves int (tras comprobar tipo y claves) y valores float."""
    respuesta = alumno.llamar("pares_de_pesos", y)
    if not (isinstance(respuesta, tuple) and len(respuesta) == 2 and isinstance(respuesta[0], str)):
        raise Fallo(f"{que}: no pude leer el resultado con `pares_de_pesos` (la celda provista que lo envía al "
                    "calificador). No la cambies ni la borres.")
    tipo, pares = respuesta
    if tipo != "dict" or not isinstance(pares, list):
        raise Fallo(f"{que}: devolvió un {tipo} y se esperaba un dict {{clase: peso}}, el formato que recibe "
                    "class_weight en model.fit.")
    claves = [clave for clave, _ in pares]
    if any(isinstance(clave, str) for clave in claves):
        raise Fallo(f"{que}: las claves del dict son {claves[:6]}.\n  Pista: {PISTA_CLAVES_TEXTO}")
    if not all(_clave_entera(clave) for clave in claves):
        raise Fallo(f"{que}: las claves del dict deben ser enteros (las etiquetas de clase); son de tipo "
                    f"{sorted({type(c).__name__ for c in claves})}.")
    return {int(clave): exigir_numero(valor, f"{que}: el peso de la clase {clave}") for clave, valor in pares}


def comparar(pesos: dict, y: np.ndarray, que: str, revelar: bool = True) -> None:
    """Mismas claves que las clases presentes y valores n / (k · n_c), con pistas por error conocido."""
    correcto = esperado(y)
    clases = sorted(correcto)
    if sorted(pesos) != clases:
        sobran = sorted(set(pesos) - set(clases))
        pista = f"\n  Pista: {PISTA_AUSENTES}" if sobran and set(clases) <= set(pesos) else ""
        raise Fallo(f"{que}: las claves son {sorted(pesos)} y las clases presentes en y son {clases}.{pista}")
    n, k = len(y), len(clases)
    cuentas = np.array([np.sum(y == c) for c in clases], dtype=float)
    obtenido = np.array([pesos[c] for c in clases])
    errores = ((cuentas / n, PISTA_INVERTIDOS), (k * cuentas / n, PISTA_INVERTIDOS), (n / cuentas, PISTA_SIN_K))
    if max(clases) + 1 != k:
        errores += ((n / ((max(clases) + 1) * cuentas), PISTA_K_MAXIMO),)
    exigir_cercano(obtenido, np.array([correcto[c] for c in clases]), f"{que}: los pesos de las clases {clases}",
                   errores_conocidos=errores, revelar=revelar)


@caso(puntos=1, exito="con 8 ejemplos de la clase 0 y 2 de la clase 1 da {0: 0.625, 1: 2.5}.")
def test_ejemplo_del_cuaderno(alumno):
    """y = [0]*8 + [1]*2: n = 10, k = 2 → {0: 10/(2·8), 1: 10/(2·2)}."""
    que = "pesos_de_clase([0, 0, 0, 0, 0, 0, 0, 0, 1, 1])"
    comparar(pesos_del_alumno(alumno, EJEMPLO_Y, que), EJEMPLO_Y, que)


@caso(puntos=1, oculta=True, exito="coincide con scikit-learn (class_weight='balanced') en etiquetas aleatorias.")
def test_desbalance_aleatorio(alumno, rng):
    """k entre 3 y 6 clases 0..k-1, una frecuente y una rara, n entre 60 y 200."""
    k, n = int(rng.integers(3, 7)), int(rng.integers(60, 201))
    y = etiquetas_desbalanceadas(rng, n, np.arange(k))
    que = f"pesos_de_clase con {len(y)} etiquetas de {k} clases"
    comparar(pesos_del_alumno(alumno, y, que), y, que, revelar=False)


@caso(puntos=1, oculta=True, exito="solo pesa las clases presentes y k es cuántas hay (no la etiqueta máxima + 1).")
def test_etiquetas_no_consecutivas(alumno, rng):
    """Clases presentes no consecutivas (p. ej. {1, 4, 7}): claves solo para ellas, k = len(np.unique(y))."""
    clases = np.sort(rng.choice(np.arange(1, 10), size=int(rng.integers(3, 5)), replace=False))
    y = etiquetas_desbalanceadas(rng, int(rng.integers(40, 121)), clases)
    que = f"pesos_de_clase con las clases {[int(c) for c in clases]}"
    comparar(pesos_del_alumno(alumno, y, que), y, que, revelar=False)
