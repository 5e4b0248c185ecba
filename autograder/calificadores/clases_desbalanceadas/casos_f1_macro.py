"""Casos de `f1_macro(y, y_pred)`: la media sin ponderar del F1 de cada clase de y ∪ y_pred.

Expected values come from scikit-learn (``f1_score(y, y_pred, average="macro")``): a literal for the
public example, ``solutions.clases_desbalanceadas.f1_macro_sklearn`` for hidden cases. Decisions, as
scikit-learn: the labels are the sorted union of y and y_pred (``unique_labels``); F1_c =
2·TP_c / (2·TP_c + FP_c + FN_c). Every class of the union has TP + FP + FN ≥ 1, so no F1 divides by
zero (a class without hits has F1 = 0); scikit-learn's zero_division="warn" (0 with a warning) only
matters for precision or recall alone, which a class with no predictions or no true examples makes
0/0 — those are then 0, and the F1 formula above gives the same 0.
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

ESPERADO_EJEMPLO = 8 / 9 / 2  # f1_score(EJEMPLO_Y, EJEMPLO_Y_PRED, average="macro"): (16/18 + 0) / 2
PISTA_MICRO = ("eso es el F1 «micro» (con TP, FP y FN sumados sobre todas las clases), que en clasificación "
               "multiclase coincide con la exactitud. El macro calcula un F1 por clase y luego su media simple, así "
               "la clase rara pesa lo mismo que la frecuente.")
PISTA_PONDERADO = ("eso es el F1 «weighted» (media ponderada por el número de ejemplos de cada clase): la clase "
                   "frecuente domina. El macro es la media simple de los F1 de cada clase.")
PISTA_SOLO_Y = ("recorriste solo las clases de y; scikit-learn usa las de y ∪ y_pred (np.union1d(y, y_pred)): una "
                "clase que solo se predijo tiene F1 = 0 y también cuenta en la media.")
PISTA_ARMONICA_DE_MEDIAS = ("calculaste la media armónica de la precisión macro y la exhaustividad macro. El F1 "
                            "macro es al revés: primero el F1 de cada clase, después la media de esos F1.")
PISTA_MEDIA_ARITMETICA = ("el F1 de una clase es la media ARMÓNICA de precisión y exhaustividad, "
                          "2·P·R / (P + R) = 2·TP / (2·TP + FP + FN), no (P + R) / 2.")


def _por_clase(y, y_pred, clases):
    tp = np.array([np.sum((y == c) & (y_pred == c)) for c in clases], dtype=float)
    fp = np.array([np.sum((y != c) & (y_pred == c)) for c in clases], dtype=float)
    fn = np.array([np.sum((y == c) & (y_pred != c)) for c in clases], dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        precision = np.nan_to_num(tp / (tp + fp))
        exhaustividad = np.nan_to_num(tp / (tp + fn))
    return tp, fp, fn, precision, exhaustividad


def errores_conocidos(y, y_pred) -> tuple:
    from sklearn.metrics import f1_score

    union = np.union1d(y, y_pred)
    tp, fp, fn, precision, exhaustividad = _por_clase(y, y_pred, union)
    p, r = precision.mean(), exhaustividad.mean()
    errores = [(float(np.mean(y == y_pred)), PISTA_MICRO),
               (float(f1_score(y, y_pred, average="weighted", zero_division=0)), PISTA_PONDERADO),
               (float(2 * p * r / (p + r)) if p + r > 0 else 0.0, PISTA_ARMONICA_DE_MEDIAS),
               (float(np.mean((precision + exhaustividad) / 2)), PISTA_MEDIA_ARITMETICA)]
    clases_y = np.unique(y)
    if len(clases_y) < len(union):
        f1 = 2 * tp / (2 * tp + fp + fn)
        errores.append((float(np.mean(f1[np.isin(union, clases_y)])), PISTA_SOLO_Y))
    return tuple(errores)


def comparar(alumno, y, y_pred, que: str, esperado: float, revelar: bool = True) -> None:
    """``esperado``: a literal in the public case; from ``referencia.f1_macro_sklearn`` in hidden ones."""
    comparar_metrica(alumno, "f1_macro", errores_conocidos, y, y_pred, que, esperado, revelar)


@caso(puntos=1, exito="el modelo que siempre dice 0 tiene F1 macro (16/18 + 0) / 2 ≈ 0.444, no 0.8.")
def test_ejemplo_del_cuaderno(alumno):
    """Clase 0: TP 8, FP 2, FN 0 → F1 16/18; clase 1: ningún acierto → F1 0."""
    comparar(alumno, EJEMPLO_Y, EJEMPLO_Y_PRED, "f1_macro(y del ejemplo, todo ceros)", ESPERADO_EJEMPLO)


@caso(puntos=0.5, oculta=True, exito="coincide con scikit-learn (f1_score, average='macro') en datos desbalanceados.")
def test_desbalance_aleatorio(alumno, rng, referencia):
    """k entre 3 y 6 clases, una rara; predicciones con un 60–85 % de aciertos."""
    k, y, y_pred = desbalance_aleatorio(rng)
    comparar(alumno, y, y_pred, f"f1_macro con {len(y)} etiquetas de {k} clases", referencia.f1_macro_sklearn(y, y_pred),
             revelar=False)


@caso(puntos=0.5, oculta=True, exito="una clase que solo aparece en y_pred cuenta con F1 = 0, como en scikit-learn.")
def test_clase_solo_predicha(alumno, rng, referencia):
    """y_pred usa una clase que no está en y: entra en la media con F1 = 0."""
    k, y, y_pred = con_clase_solo_predicha(rng)
    comparar(alumno, y, y_pred, f"f1_macro con y_pred que incluye la clase {k} (ausente de y)",
             referencia.f1_macro_sklearn(y, y_pred), revelar=False)
