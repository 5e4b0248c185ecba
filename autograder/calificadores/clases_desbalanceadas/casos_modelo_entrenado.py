"""Casos de `modelo_entrenado`: el `modelo.keras` entrenado con class_weight=pesos_de_clase(y_train).

The submitted file is loaded in safe mode in a clean process (no student code) and asked for
predictions on the fixed evaluation set and a control sample; recall and balanced accuracy are
computed here, on the trusted side. Nothing is retrained at grading time.

Data (Fashion-MNIST, ``source_data.cargar_fashion_mnist()``, images flattened and divided by 255;
``solutions.clases_desbalanceadas.subconjunto``):
- training subset: from training images 0–9999, for each class in order 0..9 draw 300 images
  without replacement with ``np.random.default_rng(17)``; the rare class 2 («suéter») keeps
  only 15 (5 % of 300): 2715 images, 0.55 % of them sweaters (weights: 0.905 for the nine frequent
  classes, 18.1 for sweaters);
- evaluation set: training images 50000–59999 (10000, about 1000 per class, disjoint from the
  subset's range).

Recipe (the notebook's, ``solutions.clases_desbalanceadas.entrenar``): the provided
``construir_modelo`` (784 → Dense 64 ReLU → Dense 10 softmax, adam, categorical cross-entropy,
50 890 parameters), 10 epochs, batch 32, ``keras.utils.set_random_seed(0)``; 11–24 s on 2 CPUs at
load average 3.7–7.8. Measured on the evaluation set (recall of «suéter» / balanced accuracy):

| seed | unweighted (baseline) | class_weight=pesos_de_clase(y) |
|---|---|---|
| 0 | 0.0119 / 0.7664 | 0.6369 / 0.8161 |
| 1 | 0.0734 / 0.7817 | 0.2153 / 0.7911 |
| 2 | 0.0804 / 0.7803 | 0.4097 / 0.8077 |
| 3 | 0.0298 / 0.7675 | 0.1815 / 0.7886 |

The baseline is seed 0's unweighted model, committed in
``solutions/modelos/17_clases_desbalanceadas/base`` (the reference, seed 0 weighted, beside it):
``RECALL_BASE`` and ``EXACTITUD_BALANCEADA_BASE`` are its measured values, the ones a student running
the notebook unchanged sees. Threshold for the recall: baseline + ``MARGEN_RECALL`` (0.10) = 0.1119.
The weighted model with the lowest recall (seed 3, 0.1815) clears it by 0.07; the unweighted model
with the highest (seed 2, 0.0804) stays 0.03 below it. Balanced accuracy: at least the baseline's
0.7664; every weighted seed is above it by ≥ 0.022. Class «camisa» (6) was tried first as the rare
class: weighting raised its recall from 0.002 to 0.240 but lowered the balanced accuracy (0.7873 →
0.7819), so it could not satisfy the contract; «camiseta» (0) gave 0.185 → 0.471.

Anti-memorisation (``comprobaciones_keras``): the evaluation set is public.
- parameter cap 400 000 (the reference has 50 890; storing the 1000 evaluation sweaters as a
  nearest-neighbour layer needs 784·1000 + 1000 + 10·1000 + 10 = 795 010);
- control sample: 5000 training images 10000–49999 (in neither the subset's range nor the
  evaluation set), drawn per submission (seed: SHA-256 of ``modelo.keras``), /255, noise σ = 0.03.
  Evaluation minus control, four samples (seeds 0–3): reference recall +0.016 at most, balanced
  accuracy −0.013…+0.004; baseline +0.008 and +0.006. Tolerances: 0.10 for the recall (about 500
  sweaters in the sample: sampling error ≈ 0.02) and 0.05 for the balanced accuracy.
"""
from functools import lru_cache

import numpy as np

from autograder.casos import caso
from autograder.comprobaciones_keras import (
    control_de_entrenamiento,
    exigir_entrada,
    exigir_parametros_maximos,
    exigir_salida,
    predicciones_con_control,
)
from autograder.errores import Fallo

ARCHIVO = "modelo.keras"
QUE = "el modelo entregado (modelo.keras)"
CLASE_RARA = 2
NOMBRE_CLASE_RARA = "suéter"
POR_CLASE = 300
N_RARA = 15
SEMILLA_SUBCONJUNTO = 17
FIN_ORIGEN = 10000
INICIO_EVALUACION = 50000
RECALL_BASE = 0.0119
EXACTITUD_BALANCEADA_BASE = 0.7664
MARGEN_RECALL = 0.10
UMBRAL_RECALL = round(RECALL_BASE + MARGEN_RECALL, 4)
EXACTITUD_AZAR = 0.1
# The recall alone can be bought by saying «suéter» for every image (recall 1.0, balanced accuracy 0.1), and an
# untrained network sometimes comes close: the recall case also asks for a model that learned.
EXACTITUD_MINIMA_APRENDIDA = 0.5
PARAMETROS_REFERENCIA = 50_890
PARAMETROS_MAXIMOS = 400_000
N_CONTROL = 5000
TOLERANCIA_CONTROL_RECALL = 0.10
TOLERANCIA_CONTROL_BALANCEADA = 0.05
DATOS_EVALUACION = "las 10000 imágenes de evaluación"
DATOS_CONTROL = (f"{N_CONTROL} imágenes de entrenamiento que no están ni en tu subconjunto ni en la evaluación, "
                 "elegidas para tu modelo (con un ruido leve, imperceptible para una red que aprendió)")
PISTA_SIN_PESOS = ("una exhaustividad tan cercana a la del modelo base suele significar que el modelo se entrenó "
                   "sin pesos: pasa class_weight=pesos_de_clase(y_train) a entrenar_y_guardar. Si ya lo haces, "
                   "comprueba que las claves del dict sean int: Keras busca class_weight.get(int(etiqueta), 1.0) y "
                   "con claves de texto usa peso 1 para todos sin avisar.")

# training images 10000–49999: in neither the subset's range nor the evaluation set
conjunto_de_control = control_de_entrenamiento("cargar_fashion_mnist", N_CONTROL, (28 * 28,), 255.0,
                                               desde=FIN_ORIGEN, hasta=INICIO_EVALUACION)


@lru_cache(maxsize=1)
def evaluacion() -> tuple:
    """(X, y) de las 10000 imágenes de evaluación (entrenamiento 50000–59999), aplanadas y /255."""
    from source_data import cargar_fashion_mnist

    (x, y), _ = cargar_fashion_mnist()
    fin = INICIO_EVALUACION + 10000
    X = x[INICIO_EVALUACION:fin].reshape(10000, 28 * 28).astype(np.float32) / np.float32(255.0)
    return X, y[INICIO_EVALUACION:fin].astype(np.int64)


DATOS_DE_CONFIANZA = (evaluacion, conjunto_de_control.cargar)


def exhaustividad(y, y_pred, clase: int) -> float:
    return float(np.mean(y_pred[y == clase] == clase))


def metricas(alumno) -> dict:
    """{"recall", "balanceada"} del modelo entregado en la evaluación, tras el límite de parámetros y la
    comparación con la muestra de control."""
    exigir_parametros_maximos(alumno.modelo_guardado(ARCHIVO), QUE, PARAMETROS_MAXIMOS, PARAMETROS_REFERENCIA)
    X, y = evaluacion()
    predicciones, predicciones_control, _, y_control = predicciones_con_control(
        alumno, QUE, X, conjunto_de_control, 10, ARCHIVO,
        "imágenes aplanadas de 784 píxeles divididos entre 255, como las prepara el cuaderno")
    p, p_control = np.argmax(predicciones, axis=1), np.argmax(predicciones_control, axis=1)
    from sklearn.metrics import balanced_accuracy_score  # the model's metric, from the library (not the exercise)

    valores = {"recall": exhaustividad(y, p, CLASE_RARA), "balanceada": float(balanced_accuracy_score(y, p))}
    control = {"recall": exhaustividad(y_control, p_control, CLASE_RARA),
               "balanceada": float(balanced_accuracy_score(y_control, p_control))}
    for clave, nombre, tolerancia in (("recall", f"la exhaustividad de «{NOMBRE_CLASE_RARA}»",
                                       TOLERANCIA_CONTROL_RECALL),
                                      ("balanceada", "la exactitud balanceada", TOLERANCIA_CONTROL_BALANCEADA)):
        if valores[clave] > control[clave] + tolerancia:
            raise Fallo(f"{QUE}: {nombre} es {valores[clave]:.4f} en {DATOS_EVALUACION} pero solo "
                        f"{control[clave]:.4f} en {DATOS_CONTROL}. El modelo no entrenó con ninguna de las dos, así "
                        f"que debería dar más o menos lo mismo en ambas (se admite una diferencia de {tolerancia}).\n"
                        "  Pista: entrena solo con el subconjunto desbalanceado (X_train, Y_train) y no guardes "
                        "imágenes de evaluación en el modelo.")
    return valores


@caso(puntos=0.5, exito="el modelo entregado recibe 784 píxeles y devuelve 10 probabilidades (softmax).")
def test_arquitectura_del_modelo_entregado(alumno):
    """modelo.keras tiene entrada (None, 784) y salida softmax de 10, como construir_modelo()."""
    descripcion = alumno.modelo_guardado(ARCHIVO)
    exigir_entrada(descripcion, QUE, (None, 784))
    exigir_salida(descripcion, QUE, 10, "softmax", "una salida por clase de prenda")


@caso(puntos=1.5, exito=f"la exhaustividad de «{NOMBRE_CLASE_RARA}» supera a la del modelo base "
                        f"({RECALL_BASE}) en al menos {MARGEN_RECALL}.")
def test_exhaustividad_de_la_clase_rara(alumno):
    """Recall de la clase 2 en las 10000 imágenes de evaluación ≥ RECALL_BASE + MARGEN_RECALL."""
    valores = metricas(alumno)
    recall = valores["recall"]
    if valores["balanceada"] < EXACTITUD_MINIMA_APRENDIDA:
        sin_entrenar = (" Es casi la del azar (0.1): ¿guardaste el modelo sin entrenar?"
                        if valores["balanceada"] < EXACTITUD_AZAR + 0.1 else "")
        raise Fallo(f"{QUE}: la exactitud balanceada en {DATOS_EVALUACION} es {valores['balanceada']:.4f}, menor que "
                    f"{EXACTITUD_MINIMA_APRENDIDA}: el modelo no aprendió, así que su exhaustividad de "
                    f"«{NOMBRE_CLASE_RARA}» ({recall:.4f}) no dice nada (decir «{NOMBRE_CLASE_RARA}» a todo da "
                    f"exhaustividad 1).{sin_entrenar}")
    if recall >= UMBRAL_RECALL:
        return
    if recall < RECALL_BASE + MARGEN_RECALL / 2:
        pista = PISTA_SIN_PESOS
    else:
        pista = ("los pesos ayudan, pero no bastante: con class_weight=pesos_de_clase(y_train), la receta del "
                 "cuaderno (semilla 0, 10 épocas, lotes de 32) supera el umbral con holgura; compara la tuya.")
    raise Fallo(f"{QUE}: encuentra {recall:.4f} de los suéteres de {DATOS_EVALUACION} (exhaustividad) y el modelo base "
                f"{RECALL_BASE}; se pide al menos {UMBRAL_RECALL} (la base + {MARGEN_RECALL}).\n  Pista: {pista}")


@caso(puntos=1, exito=f"la exactitud balanceada es al menos la del modelo base ({EXACTITUD_BALANCEADA_BASE}).")
def test_exactitud_balanceada_no_peor_que_la_base(alumno):
    """Exactitud balanceada en las 10000 imágenes de evaluación ≥ EXACTITUD_BALANCEADA_BASE."""
    valores = metricas(alumno)
    if valores["balanceada"] >= EXACTITUD_BALANCEADA_BASE:
        return
    if valores["balanceada"] < EXACTITUD_AZAR + 0.1:
        pista = "es casi la del azar (0.1): ¿guardaste el modelo sin entrenar?"
    elif valores["recall"] >= UMBRAL_RECALL:
        pista = ("los suéteres se encuentran, pero a costa de las demás clases: los pesos son demasiado extremos. "
                 "Usa exactamente n / (k · n_c), sin elevarlos ni multiplicarlos.")
    else:
        pista = ("entrena con la receta del cuaderno (construir_modelo, 10 épocas, lotes de 32) y "
                 "class_weight=pesos_de_clase(y_train).")
    raise Fallo(f"{QUE}: la exactitud balanceada en {DATOS_EVALUACION} es {valores['balanceada']:.4f} y la del "
                f"modelo base {EXACTITUD_BALANCEADA_BASE}; se pide al menos esa (exhaustividad de "
                f"«{NOMBRE_CLASE_RARA}»: {valores['recall']:.4f}).\n  Pista: {pista}")
