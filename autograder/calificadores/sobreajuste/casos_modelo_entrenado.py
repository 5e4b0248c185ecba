"""Casos de `modelo_entrenado`: el `modelo.keras` regularizado entregado (y su `entrenamiento.json`).

The submitted file is loaded in safe mode in a clean process (no student code)
and asked for predictions on the two fixed subsets; both accuracies, and the
generalization gap between them, are computed here, on the trusted side. Nothing
is retrained at grading time.

Data (Fashion-MNIST, ``source_data.cargar_fashion_mnist()``, images flattened and
divided by 255): training subset = the first 1000 training images; validation
subset = training images 50000–59999 (10000 images, disjoint from the first).

Calibration of the baseline constants (the provided ``construir_modelo_base``:
Dense 256 ReLU, Dense 256 ReLU, Dense 10 softmax; adam, batch 32, 40 epochs,
``validation_data`` = the validation subset, i.e. the notebook's recipe,
``solutions.sobreajuste.entrenar_base``):
- seed 0 (the notebook's ``keras.utils.set_random_seed(0)``): training accuracy
  0.9140, validation accuracy 0.7729, gap 0.1411 (both measured with ``predict``
  on the two subsets, as the grader does). Seeds 1 and 2 give validation 0.8064
  and 0.8023, gaps 0.1636 and 0.1767: the last epoch of an overfit model is noisy,
  and seed 0 is the low end on both. The constants are seed 0's measured values,
  the numbers a student running the notebook unchanged sees; its best epoch
  reaches 0.8154 validation accuracy, so early stopping alone already helps;
- 40 epochs take 86 s on 2 CPUs at load average 4.4 (88–132 s at load 7–8);
- regularized reference (``solutions.sobreajuste.entrenar_referencia``: input
  Dropout 0.2, two Dense 256 ReLU with L2 1e-3 each followed by Dropout 0.5;
  EarlyStopping on val_accuracy, patience 15, restore_best_weights): seed 0 stops
  after 45 epochs with training 0.9210, validation 0.8165, gap 0.1045; seed 1
  after 57 epochs with 0.9320, 0.8157, 0.1163. Seed 0 trains in 90 s at load 1.7
  (163–204 s at load 7–8), so it is committed in ``solutions/modelos/12_sobreajuste``.
  Margins: +0.043 in validation accuracy, 0.025–0.037 in gap. A first version with
  Dropout 0.5 and L2 but no input Dropout had gap 0.1349 (margin 0.006, too thin:
  that is why the reference also drops 20 % of the input pixels);
- an untrained model has a gap ≈ 0 that means nothing, so the gap case also asks
  for validation accuracy ≥ 0.5 (``EXACTITUD_MINIMA_APRENDIDA``).

Validation accuracy and gap that cannot be bought by storing images (rules in
``comprobaciones_keras``; measured at load average 4–7 on 2 CPUs). Both subsets are
public, so a "model" could store them: the validation images to score 1.0 there, or
the training images with wrong labels to shrink the gap (the provided baseline plus
such a store has a negative gap and the baseline's validation accuracy).
- parameter cap: 2 000 000. The reference and the baseline have 269 322; the cap is
  7.4 times that. Storing the 11000 images of both subsets as a nearest-neighbour
  "model" (Dense 11000 holding the images, Dense 10 holding labels) needs
  784·11000 + 11000 + 11000·10 + 10 = 8 745 010; storing the 10000 validation
  images alone 7 950 010 and the 1000 training images alone 795 010 (fits, see
  below). Over the cap both cases score 0, before any prediction;
- control sample: 5000 training images that neither subset contains (indices
  1000–49999), drawn for each submission (seed: SHA-256 of ``modelo.keras``), /255,
  with Gaussian noise σ = 0.03. The model never saw them, like the validation
  images, so both accuracies must agree: validation ≤ control + 0.05, and the
  1000 training images, which it did see, ≥ control − 0.05. Measured (validation /
  control; four 2000-image samples each, two with the noise and two without): the
  reference 0.8165 / 0.801–0.816 (the largest difference +0.016, training images
  0.921), the baseline 0.7729 / 0.755–0.772 (+0.017, training images 0.914); the test
  set of Fashion-MNIST instead gave differences up to +0.029, which is why the
  control comes from the training images. The sampling error of 5000 images at 0.8
  is ≈ 0.006. A store of the validation images gets 1.0 there and what a
  nearest-neighbour classifier gets on new images (≈ 0.8) on the control; a store of
  the training images with wrong labels gets ≈ 0 on them: both differences are far
  beyond 0.05.

The EarlyStopping case reads ``entrenamiento.json``, written by
``entrenar_y_guardar`` beside the model. The student controls that file, so it is
a soft check: it confirms the declared recipe, it cannot prove how the weights
were obtained.
"""
from functools import lru_cache

import numpy as np

from autograder.calificadores.sobreajuste.casos_construir_modelo_regularizado import MODELO
from autograder.casos import caso
from autograder.comprobaciones_keras import (
    control_de_entrenamiento,
    exactitud,
    exigir_parada_temprana,
    exigir_parametros_maximos,
    predicciones_del_entregado,
    semilla_de_la_entrega,
)
from autograder.errores import Fallo

ARCHIVO = "modelo.keras"
QUE = "el modelo entregado (modelo.keras)"
N_ENTRENAMIENTO = 1000
INICIO_VALIDACION = 50000
EXACTITUD_VALIDACION_BASE = 0.7729
BRECHA_BASE = 0.1411
EXACTITUD_MINIMA_APRENDIDA = 0.5  # below this the model did not learn: its small gap means nothing
EXACTITUD_AZAR = 0.1  # 10 classes; below EXACTITUD_AZAR + 0.1 the hint asks whether it was trained at all
PARAMETROS_REFERENCIA = 269_322
PARAMETROS_MAXIMOS = 2_000_000
N_CONTROL = 5000
TOLERANCIA_CONTROL = 0.05
DATOS_CONTROL = (f"{N_CONTROL} imágenes de entrenamiento que no están en ninguno de los dos subconjuntos, elegidas "
                 "para tu modelo (con un ruido leve, imperceptible para una red que aprendió)")
PISTA_SIN_ENTRENAMIENTO = ("Ese archivo lo escribe `entrenar_y_guardar` al entrenar: vuelve a ejecutar la celda de "
                           "entrenamiento del modelo regularizado y entrega `entrenamiento.json` con `modelo.keras`.")


@lru_cache(maxsize=1)
def subconjuntos() -> tuple:
    """(X, y) de las 1000 imágenes de entrenamiento seguidas de las 10000 de validación, y cuántas son de entrenamiento."""
    from source_data import cargar_fashion_mnist

    (x, y), _ = cargar_fashion_mnist()
    indices = np.r_[0:N_ENTRENAMIENTO, INICIO_VALIDACION:INICIO_VALIDACION + 10000]
    X = x[indices].reshape(len(indices), 28 * 28).astype(np.float32) / np.float32(255.0)
    return X, y[indices].astype(np.int64), N_ENTRENAMIENTO


# training images 1000–49999: in neither subset
conjunto_de_control = control_de_entrenamiento("cargar_fashion_mnist", N_CONTROL, (28 * 28,), 255.0,
                                               desde=N_ENTRENAMIENTO, hasta=INICIO_VALIDACION)
DATOS_DE_CONFIANZA = (subconjuntos, conjunto_de_control.cargar)


def exactitudes(alumno) -> tuple:
    """(exactitud en entrenamiento, exactitud en validación) del modelo entregado, tras el límite de parámetros y
    la comparación con la muestra de control (imágenes que el modelo tampoco vio)."""
    exigir_parametros_maximos(alumno.modelo_guardado(ARCHIVO), QUE, PARAMETROS_MAXIMOS, PARAMETROS_REFERENCIA)
    X, y, n = subconjuntos()
    X_control, y_control = conjunto_de_control(np.random.default_rng(semilla_de_la_entrega(alumno, ARCHIVO, QUE)))
    predicciones = predicciones_del_entregado(
        alumno, np.concatenate([X, X_control]), QUE, (len(X) + len(X_control), 10), ARCHIVO,
        "imágenes aplanadas de 784 píxeles divididos entre 255, como las prepara el cuaderno",
        forma_mostrada=X.shape)
    entrenamiento = exactitud(predicciones[:n], y[:n])
    validacion = exactitud(predicciones[n:len(X)], y[n:])
    control = exactitud(predicciones[len(X):], y_control)
    if validacion > control + TOLERANCIA_CONTROL:
        raise Fallo(f"{QUE}: acierta {validacion:.4f} en las 10000 imágenes de validación pero solo {control:.4f} en "
                    f"{DATOS_CONTROL}. El modelo no entrenó con ninguna de las dos, así que debería acertar más o menos "
                    f"lo mismo en ambas (se admite una diferencia de {TOLERANCIA_CONTROL}); acertar mucho más en "
                    "validación solo ocurre si el modelo conoce esas imágenes.\n  Pista: pasa las imágenes de "
                    "validación solo en validation_data (sirven para vigilar el entrenamiento), no entrenes con ellas "
                    "y no guardes imágenes en el modelo.")
    if entrenamiento < control - TOLERANCIA_CONTROL:
        raise Fallo(f"{QUE}: acierta solo {entrenamiento:.4f} en las 1000 imágenes de entrenamiento y {control:.4f} en "
                    f"{DATOS_CONTROL}. Un modelo entrenado con esas 1000 imágenes acierta en ellas al menos tanto como "
                    "en imágenes que no vio, así que la brecha no significaría nada.\n  Pista: entrena con las 1000 "
                    "imágenes de entrenamiento tal como las prepara el cuaderno (X_train, Y_train).")
    return entrenamiento, validacion


@caso(puntos=1, exito="el modelo entregado es una red 784 → softmax 10 con regularización.")
def test_arquitectura_regularizada_del_modelo_entregado(alumno):
    """modelo.keras tiene entrada (None, 784), salida softmax de 10 y Dropout (tasa > 0) o kernel_regularizer (factor > 0)."""
    descripcion = alumno.modelo_guardado(ARCHIVO)
    MODELO.exigir_formas(descripcion, QUE)
    MODELO.exigir_tipo_de_capas(descripcion, QUE)  # Dropout (tasa > 0) o L1/L2 (factor > 0)


@caso(puntos=2, exito=f"la exactitud de validación es al menos la del modelo base ({EXACTITUD_VALIDACION_BASE}).")
def test_exactitud_de_validacion_no_peor_que_la_base(alumno):
    """Exactitud en las 10000 imágenes de validación ≥ la del modelo base."""
    entrenamiento, validacion = exactitudes(alumno)
    if validacion >= EXACTITUD_VALIDACION_BASE:
        return
    if entrenamiento < EXACTITUD_VALIDACION_BASE:  # recognised: it does not even fit its own training images
        pista = (f"la exactitud de entrenamiento ({entrenamiento:.4f}) también es baja, menor que la del modelo base en "
                 "validación: la regularización es demasiado fuerte (menos Dropout o un L2 más pequeño) o el "
                 "entrenamiento paró pronto: usa EarlyStopping con restore_best_weights=True y una paciencia de unas "
                 "15 épocas.")
    else:
        pista = ("regularizar debe quitar sobreajuste sin quitar capacidad de aprender. La referencia (Dropout y L2, "
                 "con EarlyStopping, restore_best_weights=True y una paciencia de 15 épocas) supera al modelo base en "
                 "validación: compara tu regularización y tu entrenamiento con ella.")
    raise Fallo(f"{QUE}: la exactitud en las 10000 imágenes de validación es {validacion:.4f} y la del modelo base es "
                f"{EXACTITUD_VALIDACION_BASE}; se pide al menos esa (en entrenamiento: {entrenamiento:.4f}).\n"
                f"  Pista: {pista}")


@caso(puntos=2, exito=f"la brecha entre entrenamiento y validación es menor que la del modelo base ({BRECHA_BASE}).")
def test_brecha_menor_que_la_base(alumno):
    """exactitud(entrenamiento) − exactitud(validación) < la brecha del modelo base, con un modelo que aprendió."""
    entrenamiento, validacion = exactitudes(alumno)
    brecha = entrenamiento - validacion
    if validacion < EXACTITUD_MINIMA_APRENDIDA:
        sin_entrenar = (" Es casi la de adivinar al azar (0.1): ¿guardaste el modelo sin entrenar?"
                        if validacion < EXACTITUD_AZAR + 0.1 else "")
        raise Fallo(f"{QUE}: la exactitud de validación es {validacion:.4f}, menor que {EXACTITUD_MINIMA_APRENDIDA}: "
                    f"el modelo no aprendió, así que su brecha ({brecha:.4f}) no dice nada.{sin_entrenar}")
    if brecha < BRECHA_BASE:
        return
    raise Fallo(f"{QUE}: la brecha de generalización es {brecha:.4f} (entrenamiento {entrenamiento:.4f} − validación "
                f"{validacion:.4f}) y la del modelo base es {BRECHA_BASE}; se pide que sea menor.\n"
                "  Pista: el modelo sigue memorizando las 1000 imágenes de entrenamiento. Aumenta la regularización "
                "(Dropout 0.5 tras cada capa oculta y 0.2 tras la entrada, y L2 de 1e-3 en sus kernels) o detén antes "
                "el entrenamiento con EarlyStopping.")


@caso(puntos=1, exito="se entrenó con EarlyStopping vigilando una métrica de validación.")
def test_entrenado_con_parada_temprana(alumno):
    """entrenamiento.json (lo escribe entrenar_y_guardar) registra un callback EarlyStopping con monitor 'val_…'."""
    exigir_parada_temprana(alumno, "el entrenamiento entregado (entrenamiento.json)",
                           "keras.callbacks.EarlyStopping(monitor='val_accuracy', patience=15, restore_best_weights=True)", PISTA_SIN_ENTRENAMIENTO)

