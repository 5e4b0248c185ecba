"""Casos de `exactitud_balanceada(y, y_pred)`: la media de la exhaustividad de cada clase presente en y.

Expected values come from scikit-learn (``balanced_accuracy_score(y, y_pred)``, adjusted=False): a literal
for the public example, ``solutions.clases_desbalanceadas.exactitud_balanceada_sklearn`` for hidden cases.
Decision, as scikit-learn: the classes are those of y; a class that appears only in y_pred has no
recall (no true examples) and is left out (scikit-learn warns "y_pred contains classes not in
y_true" and drops it).
"""
import numpy as np

from autograder.calificadores.clases_desbalanceadas.datos import (
    EJEMPLO_Y,
    EJEMPLO_Y_PRED,
    comparar_metrica,
    con_clase_solo_predicha,
    desbalance_aleatorio,
)
from autograder.casos import caso

ESPERADO_EJEMPLO = 0.5  # balanced_accuracy_score(EJEMPLO_Y, EJEMPLO_Y_PRED): (8/8 + 0/2) / 2
PISTA_EXACTITUD = ("calculaste la exactitud de siempre (aciertos / n), que premia acertar la clase frecuente. "
                   "La balanceada es la media de la exhaustividad de cada clase: para cada c, la fracción de los "
                   "ejemplos de c (y == c) que se predijeron c; después la media de esos valores.")
PISTA_UNION = ("contaste también las clases que solo aparecen en y_pred, con exhaustividad 0: esas clases no "
               "tienen ejemplos verdaderos, su exhaustividad no está definida y scikit-learn las omite. Recorre "
               "solo np.unique(y).")
PISTA_PRECISION = ("promediaste la precisión de cada clase (aciertos entre lo PREDICHO como c); la exactitud "
                   "balanceada promedia la exhaustividad (aciertos entre los ejemplos que SON de c).")


def errores_conocidos(y, y_pred) -> tuple:
    clases_y, union = np.unique(y), np.union1d(y, y_pred)
    errores = [(float(np.mean(y == y_pred)), PISTA_EXACTITUD)]
    if len(union) > len(clases_y):
        errores.append((float(np.sum([np.mean(y_pred[y == c] == c) for c in clases_y]) / len(union)), PISTA_UNION))
    predichas = np.unique(y_pred)
    errores.append((float(np.mean([np.mean(y[y_pred == c] == c) for c in predichas])), PISTA_PRECISION))
    return tuple(errores)


def comparar(alumno, y, y_pred, que: str, esperado: float, revelar: bool = True) -> None:
    """``esperado``: a literal in the public case; from ``referencia.exactitud_balanceada_sklearn`` in hidden ones."""
    comparar_metrica(alumno, "exactitud_balanceada", errores_conocidos, y, y_pred, que, esperado, revelar)


@caso(puntos=1, exito="el modelo que siempre dice 0, con 8 ceros y 2 unos, tiene exactitud 0.8 pero balanceada 0.5.")
def test_ejemplo_del_cuaderno(alumno):
    """(1 + 0) / 2: acierta todos los de la clase 0 y ninguno de la clase 1."""
    comparar(alumno, EJEMPLO_Y, EJEMPLO_Y_PRED, "exactitud_balanceada(y del ejemplo, todo ceros)", ESPERADO_EJEMPLO)


@caso(puntos=0.5, oculta=True, exito="coincide con scikit-learn (balanced_accuracy_score) en datos desbalanceados.")
def test_desbalance_aleatorio(alumno, rng, referencia):
    """k entre 3 y 6 clases, una rara; predicciones con un 60–85 % de aciertos."""
    k, y, y_pred = desbalance_aleatorio(rng)
    comparar(alumno, y, y_pred, f"exactitud_balanceada con {len(y)} etiquetas de {k} clases",
             referencia.exactitud_balanceada_sklearn(y, y_pred), revelar=False)


@caso(puntos=0.5, oculta=True, exito="una clase que solo aparece en y_pred no cuenta, como en scikit-learn.")
def test_clase_solo_predicha(alumno, rng, referencia):
    """y_pred usa una clase que no está en y: no tiene exhaustividad y se omite."""
    k, y, y_pred = con_clase_solo_predicha(rng)
    comparar(alumno, y, y_pred, f"exactitud_balanceada con y_pred que incluye la clase {k} (ausente de y)",
             referencia.exactitud_balanceada_sklearn(y, y_pred), revelar=False)
