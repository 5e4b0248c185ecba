# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: solucion,prueba,respuestas,omitir_al_calificar,libre,generar,-all
#     notebook_metadata_filter: -jupytext.text_representation.jupytext_version
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Tarea 17 — Clases desbalanceadas
#
# La diapositiva «Temas avanzados» del curso de Granada define el problema en una línea:
#
# > **Clasificación no *balanceada*.** Predicción cuando en un problema número de instancias de una clase es
# > mucho mayor que el de otra.
#
# y la sesión 8 del plan de MIOTI («Conceptos avanzados de Deep Learning») lo incluye entre los temas
# avanzados. Las diapositivas solo nombran el tema; este cuaderno lo desarrolla con tres herramientas:
#
# 1. **pesos de clase** (`class_weight` en `model.fit`): cada ejemplo de una clase rara pesa más en la pérdida;
# 2. la **exactitud balanceada**, que no se deja engañar por la clase frecuente;
# 3. el **F1 macro**, que da el mismo peso al F1 de cada clase;
# 4. y un modelo de Keras entrenado con esos pesos sobre Fashion-MNIST con una clase casi ausente.
#
# | parte | qué haces | puntos |
# |---|---|---|
# | 1. `pesos_de_clase` | el dict de pesos que recibe `class_weight` | {puntos:pesos_de_clase} |
# | 2. `exactitud_balanceada` | media de la exhaustividad de cada clase | {puntos:exactitud_balanceada} |
# | 3. `f1_macro` | media del F1 de cada clase | {puntos:f1_macro} |
# | 4. modelo entrenado | entrenar con `class_weight` y entregar `modelo.keras` | {puntos:modelo_entrenado} |
# | total | | {puntos} |
#
# **Cómo se califica.** Las partes 1 a 3 se comparan con scikit-learn (`compute_class_weight("balanced")`,
# `balanced_accuracy_score`, `f1_score(average="macro")`). La celda de prueba que sigue a cada función ejecuta
# *comprobaciones públicas*; al calificar se añaden *casos ocultos* con otras etiquetas, distintos para cada
# alumno. Escribe tu código solo donde dice `# TU CÓDIGO AQUÍ` (y borra el `raise NotImplementedError()` de
# debajo). La parte 4 se califica con el archivo `modelo.keras` que entregas junto al cuaderno: el
# calificador **nunca vuelve a entrenar** (al calificar, `entrenar_y_guardar` carga tus pesos en vez de
# entrenar). Entrena solo con `entrenar_y_guardar` y entrega `modelo.keras` y `historial.json`.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"

from autograder.silencio import sin_mensajes_de_tensorflow

with sin_mensajes_de_tensorflow():
    import keras
import numpy as np
from keras import layers

from autograder.comprobar import Comprobaciones
from autograder.entrenamiento import entrenar_y_guardar

comprobar = Comprobaciones("17_clases_desbalanceadas")
np.set_printoptions(precision=3, suppress=True)

# %% [markdown]
# ## La paradoja de la exactitud
#
# Un ejemplo pequeño que usaremos en todo el cuaderno: 10 ejemplos, **8 de la clase 0 y 2 de la clase 1**, y
# un «modelo» que siempre responde 0. Acierta 8 de 10: exactitud **0.8**, y no ha aprendido nada. Con un 99 %
# de ejemplos de una clase, responder siempre esa clase da un 99 % de exactitud. La exactitud mide sobre todo
# cómo le va a la clase frecuente; las herramientas de esta tarea miran cada clase por separado.

# %%
y_ejemplo = np.array([0, 0, 0, 0, 0, 0, 0, 0, 1, 1])
y_siempre_0 = np.zeros(10, dtype=int)
print("exactitud:", np.mean(y_ejemplo == y_siempre_0))

# %% [markdown]
# ## 1. Pesos de clase ({puntos:pesos_de_clase} puntos)
#
# La entropía cruzada es una media sobre los ejemplos: con 8 ejemplos de la clase 0 por cada 2 de la 1, la
# clase 0 manda en el gradiente. Si cada ejemplo de la clase $c$ pesa
#
# $$w_c = \frac{n}{k \cdot n_c}$$
#
# ($n$ ejemplos, $k$ clases presentes, $n_c$ ejemplos de la clase $c$), todas las clases pesan lo mismo en
# total: $n_c \cdot w_c = n / k$ para cada una, y la suma de todos los pesos sigue siendo $n$. Una clase con
# exactamente $n/k$ ejemplos pesa 1; una rara, más; una frecuente, menos. En el ejemplo: $n = 10$, $k = 2$,
# $w_0 = 10 / (2 \cdot 8) = 0.625$ y $w_1 = 10 / (2 \cdot 2) = 2.5$ (y $8 \cdot 0.625 = 2 \cdot 2.5 = 5$).
# Es la regla `"balanced"` de scikit-learn (`sklearn.utils.class_weight.compute_class_weight`).
#
# Keras la recibe en `model.fit(..., class_weight=pesos)` como un **dict {clase: peso}** con **claves enteras**.
# Cuidado con las claves: Keras busca el peso de cada ejemplo con `class_weight.get(int(etiqueta), 1.0)`, así
# que con claves de texto (`{"0": 0.625, ...}`) no encuentra ninguno y entrena con peso 1 para todos, **sin
# avisar**.
#
# Escribe `pesos_de_clase(y)`: una entrada por cada clase **presente** en `y` (si las etiquetas son
# `[1, 1, 4, 7]`, las claves son 1, 4 y 7, y $k = 3$), con claves `int` y valores `float`.
# `np.unique(y, return_counts=True)` da las clases y sus cuentas.

# %% solucion="pesos_de_clase"

# %% [markdown]
# La celda siguiente es **provista** (no la cambies): el calificador recibe tu dict como una lista de pares
# (clave, valor), porque así conserva el tipo de cada clave y puede avisarte si son textos.

# %%
def pares_de_pesos(y):
    """Lo que recibe el calificador de `pesos_de_clase(y)`: (nombre del tipo, lista de pares (clave, valor))."""
    pesos = pesos_de_clase(y)
    return type(pesos).__name__, (list(pesos.items()) if isinstance(pesos, dict) else None)


# %% libre=true
print(pesos_de_clase(y_ejemplo))  # {0: 0.625, 1: 2.5}
print(pesos_de_clase(np.array([1, 1, 4, 7])))

# %% prueba="pesos_de_clase"
comprobar("pesos_de_clase", pares_de_pesos)

# %% [markdown]
# ## 2. Exactitud balanceada ({puntos:exactitud_balanceada} puntos)
#
# La **exhaustividad** (*recall*) de la clase $c$ es la fracción de sus ejemplos que el modelo encontró:
# $TP_c / n_c$. La **exactitud balanceada** es la media de las exhaustividades de las clases:
#
# $$\text{exactitud balanceada} = \frac{1}{k} \sum_{c} \frac{TP_c}{n_c}.$$
#
# En el ejemplo, el modelo que siempre dice 0 encuentra los 8 ejemplos de la clase 0 (exhaustividad 1) y
# ninguno de la clase 1 (0): exactitud balanceada $(1 + 0) / 2 = 0.5$, la de adivinar al azar entre dos
# clases, frente al 0.8 de la exactitud. Con clases del mismo tamaño ambas coinciden.
#
# Las clases son **las que aparecen en `y`**, como en `sklearn.metrics.balanced_accuracy_score`: una clase que
# solo aparece en `y_pred` no tiene ejemplos verdaderos, su exhaustividad no está definida y no cuenta
# (scikit-learn avisa «y_pred contains classes not in y_true» y la omite).

# %% solucion="exactitud_balanceada"

# %% libre=true
print(exactitud_balanceada(y_ejemplo, y_siempre_0))  # 0.5

# %% prueba="exactitud_balanceada"
comprobar("exactitud_balanceada", exactitud_balanceada)

# %% [markdown]
# ## 3. F1 macro ({puntos:f1_macro} puntos)
#
# Para cada clase $c$, la **precisión** es qué fracción de lo que el modelo llamó $c$ lo era,
# $P_c = TP_c / (TP_c + FP_c)$, la exhaustividad $R_c = TP_c / (TP_c + FN_c)$, y **F1** su media armónica:
#
# $$F1_c = \frac{2 P_c R_c}{P_c + R_c} = \frac{2\,TP_c}{2\,TP_c + FP_c + FN_c}.$$
#
# Con la matriz de confusión de Iris de las diapositivas (tarea 05), versicolor tiene $TP = 36$, $FP = 1$ y
# $FN = 5$: $P = 36/37$, $R = 36/41$ y $F1 = 72/78 \approx 0.923$.
#
# El **F1 macro** es la media simple de los $F1_c$: cada clase cuenta lo mismo, tenga muchos o pocos ejemplos.
# No lo confundas con el F1 *micro* (TP, FP y FN sumados sobre todas las clases: en multiclase es la exactitud)
# ni con el *weighted* (media ponderada por $n_c$: la clase frecuente vuelve a mandar). En el ejemplo:
# clase 0, $TP = 8$, $FP = 2$, $FN = 0$, $F1_0 = 16/18$; clase 1, ningún acierto, $F1_1 = 0$; F1 macro
# $= (16/18 + 0)/2 \approx 0.444$ (micro 0.8, weighted $0.8 \cdot 16/18 \approx 0.711$).
#
# Las clases son, como en `sklearn.metrics.f1_score(y, y_pred, average="macro")`, **las de `y` ∪ `y_pred`**
# (`np.union1d`): una clase que solo se predijo tiene F1 = 0 y cuenta. Con esas clases el denominador
# $2\,TP_c + FP_c + FN_c$ nunca es 0 (cada clase aparece en `y` o en `y_pred`), así que no hay división entre
# cero; scikit-learn solo avisa (`zero_division="warn"`, con resultado 0) si calculas la precisión o la
# exhaustividad de una clase nunca predicha o sin ejemplos, y su F1 es 0 igualmente.

# %% solucion="f1_macro"

# %% libre=true
print(f1_macro(y_ejemplo, y_siempre_0))  # 0.444

# %% prueba="f1_macro"
comprobar("f1_macro", f1_macro)

# %% [markdown]
# ## 4. Un modelo con pesos de clase ({puntos:modelo_entrenado} puntos)
#
# ### Los datos: Fashion-MNIST con una clase casi ausente
#
# Partimos de las 10 prendas de la tarea 08 ({valor:PRENDAS}) y fabricamos un desbalance: de las primeras
# 10000 imágenes de entrenamiento tomamos, con la semilla 17, **300 imágenes de cada clase** salvo la clase 2
# («{valor:NOMBRE_CLASE_RARA}»), de la que solo quedan **15** (el 5 % de 300). Son 2715 imágenes y solo el 0.55 %
# son suéteres. Evaluamos con las imágenes 50000 a 59999 (unas 1000 por clase), las mismas que usa el
# calificador. Como en la tarea 07, cada imagen se aplana en 784 píxeles divididos entre 255.

# %% omitir_al_calificar=true
from source_data import cargar_fashion_mnist

(x_completo, y_completo), _ = cargar_fashion_mnist()
rng = np.random.default_rng(17)
indices = []
for clase in range(10):
    cuantas = 15 if clase == 2 else 300
    indices.append(rng.choice(np.flatnonzero(y_completo[:10000] == clase), cuantas, replace=False))
indices = np.sort(np.concatenate(indices))

X_train = x_completo[indices].reshape(-1, 784).astype("float32") / 255.0
y_train = y_completo[indices]
Y_train = keras.utils.to_categorical(y_train, num_classes=10)
X_eval = x_completo[50000:60000].reshape(-1, 784).astype("float32") / 255.0
y_eval = y_completo[50000:60000]
print("Entrenamiento:", X_train.shape, "| imágenes por clase:", np.bincount(y_train))
print("Evaluación:", X_eval.shape)

# %% [markdown]
# ### La red (provista)
#
# Una red densa pequeña: 784 → 64 ReLU → 10 softmax. El modelo base y el tuyo usan la misma red, la misma
# semilla y las mismas 10 épocas: lo único que cambia es `class_weight`.

# %% generar="modelo"

# %% [markdown]
# ### El modelo base, sin pesos
#
# Se guarda en la carpeta `base/` para no pisar tu `modelo.keras`. Tarda unos 15 segundos.

# %% omitir_al_calificar=true
keras.utils.set_random_seed(0)
modelo_base = construir_modelo()
historia_base = entrenar_y_guardar(modelo_base, X_train, Y_train, ruta="base/modelo.keras", epochs=10, batch_size=32, verbose=0)

# %% [markdown]
# ### Tu modelo, con `class_weight=pesos_de_clase(y_train)`
#
# Con tus pesos, cada suéter pesa unas 20 veces lo que cualquier otra prenda (18.1 frente a 0.905). Esta celda
# guarda `modelo.keras` e `historial.json` junto al cuaderno: son los archivos que entregas.

# %% omitir_al_calificar=true
pesos = pesos_de_clase(y_train)
print("Pesos:", pesos)
keras.utils.set_random_seed(0)
modelo = construir_modelo()
historia = entrenar_y_guardar(modelo, X_train, Y_train, ruta="modelo.keras", epochs=10, batch_size=32, verbose=0,
                              class_weight=pesos)

# %% [markdown]
# ### Evaluación
#
# Medido con esta misma receta, el modelo base encuentra solo **{valor:RECALL_BASE}** de los suéteres de
# evaluación (exhaustividad) con una exactitud balanceada de **{valor:EXACTITUD_BALANCEADA_BASE}**: casi nunca
# dice «suéter», porque durante el entrenamiento acertarlo apenas bajaba la pérdida. Tu modelo debe:
#
# - encontrar al menos **{valor:UMBRAL_RECALL}** de los suéteres (la base + {valor:MARGEN_RECALL}); esa cifra solo
#   cuenta si el modelo aprendió (exactitud balanceada de al menos {valor:EXACTITUD_MINIMA_APRENDIDA}), porque
#   responder «suéter» a todo los encontraría todos; y
# - tener una exactitud balanceada **de al menos {valor:EXACTITUD_BALANCEADA_BASE}**: encontrar suéteres no
#   debe costar más de lo que gana en las demás clases.
#
# Las métricas de abajo usan tus funciones y, al lado, las de scikit-learn.

# %% omitir_al_calificar=true
from sklearn.metrics import balanced_accuracy_score, classification_report, f1_score

for nombre, m in (("base", modelo_base), ("con pesos", modelo)):
    y_predicho = np.argmax(m.predict(X_eval, verbose=0), axis=1)
    print(f"{nombre:>10}: exhaustividad de suéter {np.mean(y_predicho[y_eval == 2] == 2):.4f} | exactitud "
          f"{np.mean(y_predicho == y_eval):.4f} | balanceada {exactitud_balanceada(y_eval, y_predicho):.4f} "
          f"(sklearn {balanced_accuracy_score(y_eval, y_predicho):.4f}) | F1 macro {f1_macro(y_eval, y_predicho):.4f} "
          f"(sklearn {f1_score(y_eval, y_predicho, average='macro'):.4f})")
print(classification_report(y_eval, y_predicho, target_names={valor:PRENDAS}, digits=3))

# %% [markdown]
# Los pesos no son gratis. Con la semilla 0, la exhaustividad de «suéter» sube de 0.012 a 0.637, pero su
# precisión baja de 0.923 a 0.649: el modelo dice «suéter» mucho más a menudo y se equivoca más al decirlo. El
# modelo base llamaba «camisa» a muchos suéteres (precisión de camisa 0.364, exhaustividad 0.831); con pesos,
# camisa pasa a 0.644 de precisión y 0.448 de exhaustividad. Aun así la exactitud balanceada sube (0.7664 →
# 0.8161) y el F1 macro también (0.7451 → 0.8139): encontrar el 64 % de los suéteres en lugar del 1 % gana más
# de lo que pierden las demás clases. Otras formas de atacar el desbalance,
# que no se califican aquí: **sobremuestrear** la clase rara (repetir o aumentar sus ejemplos),
# **submuestrear** las frecuentes, o mover el **umbral de decisión**.
#
# ### Comprobación del modelo entregado
#
# Esta celda evalúa `modelo.keras` tal como se calificará: entrada de 784 y salida softmax de 10, la
# exhaustividad de «suéter» y la exactitud balanceada en las 10000 imágenes de evaluación.

# %% prueba="modelo_entrenado"
comprobar("modelo_entrenado")
