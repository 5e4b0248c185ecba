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
# # Tarea 03 — Regresión logística múltiple: softmax y entropía cruzada
#
# En esta tarea construyes, solo con NumPy, las piezas de un clasificador de varias clases:
#
# 1. **softmax**, que convierte puntuaciones en probabilidades;
# 2. la codificación **one-hot** de las etiquetas;
# 3. la **entropía cruzada** (multiclase y binaria), la pérdida que mide lo sorprendido que queda el modelo;
# 4. la **exactitud**;
# 5. el **gradiente** de la pérdida respecto de los pesos, y
# 6. el **entrenamiento** por descenso de gradiente sobre el conjunto Iris.
#
# **Cómo se califica.** Cada función vale los puntos indicados en su sección. La celda de prueba que sigue a
# cada función ejecuta *comprobaciones públicas* (las mismas que verás al calificar) y te explica qué falla.
# Al calificar se añaden *casos ocultos* con otras entradas (otras formas, casos borde, valores grandes), que
# se generan para cada alumno. Escribe tu código solo entre `# TU CÓDIGO AQUÍ` y el `return`; no cambies
# los nombres ni las firmas de las funciones.
#
# También puedes comprobar el cuaderno completo desde una terminal:
# `python -m autograder comprobar 03_softmax_entropia.ipynb`.

# %%
import numpy as np

from autograder.comprobar import Comprobaciones

comprobar = Comprobaciones("03_softmax_entropia")
np.set_printoptions(precision=3, suppress=True)

# %% [markdown]
# ## 1. Softmax ({puntos:softmax} puntos)
#
# Un clasificador lineal calcula, para cada ejemplo, una puntuación por clase: $z = xW + b$. Softmax
# convierte esas puntuaciones en probabilidades positivas que suman 1:
#
# $$\operatorname{softmax}(z)_j = \frac{e^{z_j}}{\sum_{c=1}^{k} e^{z_c}}$$
#
# **Ejemplo de las diapositivas.** Para $z = [4, 8, 3]$: $e^4 \approx 54.6$, $e^8 \approx 2981.0$,
# $e^3 \approx 20.1$; la suma es $\approx 3055.6$ y las probabilidades son $0.01787$, $0.97556$ y $0.00657$,
# es decir $\approx [0.018, 0.976, 0.007]$ con tres decimales (la diapositiva escribe 0.975 porque trunca en
# vez de redondear). La clase 2 (índice 1) se lleva casi toda la probabilidad: la exponencial amplifica las
# diferencias.
#
# **Estabilidad numérica.** `np.exp(1000)` es `inf` en coma flotante. Como
# $\operatorname{softmax}(z) = \operatorname{softmax}(z - c)$ para cualquier constante $c$, resta el
# máximo de cada fila antes de exponenciar. Con una matriz $(n, k)$ cada **fila** es un ejemplo: normaliza
# por filas (`axis=-1, keepdims=True`).

# %% solucion="softmax"

# %% libre=true
print(softmax(np.array([4.0, 8.0, 3.0])))                    # ≈ [0.018 0.976 0.007]
print(softmax(np.array([[1.0, 2.0, 3.0], [1000.0, 1000.0, 0.0]])))

# %% prueba="softmax"
comprobar("softmax", softmax)

# %% [markdown]
# ## 2. Codificación one-hot ({puntos:one_hot} puntos)
#
# Las etiquetas son enteros $0, \dots, k-1$. Para compararlas con las probabilidades de softmax las
# escribimos como vectores con un 1 en la posición de la clase: con $k=3$, la etiqueta 2 es $[0, 0, 1]$.
# El resultado es una matriz $(n, k)$: una fila por ejemplo y una columna por clase (aunque alguna clase
# no aparezca en `y`).

# %% solucion="one_hot"

# %% libre=true
print(one_hot(np.array([0, 2, 1]), 3))

# %% prueba="one_hot"
comprobar("one_hot", one_hot)

# %% [markdown]
# ## 3. Entropía cruzada ({puntos:entropia_cruzada} puntos)
#
# La entropía cruzada mide cuánta probabilidad dio el modelo a la clase correcta:
#
# $$L = -\frac{1}{n} \sum_{i=1}^{n} \log P_{i, y_i}$$
#
# Si el modelo acierta con seguridad ($P_{i,y_i} = 1$) la pérdida es 0; si da probabilidad casi nula a la
# clase correcta, la pérdida crece sin límite. Por eso recortamos las probabilidades a $[10^{-12}, 1]$
# antes del logaritmo (`np.clip`).
#
# **La tabla «Carrera» de las diapositivas.** Un modelo predice qué carrera elegirán 8 estudiantes entre
# tres, codificadas LS = 0, LI = 1, IC = 2. La columna $y$ es la carrera elegida y $P_y$ la probabilidad que
# el modelo le dio (las probabilidades están redondeadas a dos decimales, como en la diapositiva):
#
# | estudiante | LS | LI | IC | $y$ | $P_y$ | $-\ln P_y$ |
# |---|---|---|---|---|---|---|
# | 1 | 0.01 | 0.45 | 0.55 | 0 (LS) | 0.01 | 4.61 |
# | 2 | 0.09 | 0.39 | 0.52 | 1 (LI) | 0.39 | 0.94 |
# | 3 | 0.09 | 0.39 | 0.52 | 1 (LI) | 0.39 | 0.94 |
# | 4 | 0.02 | 0.73 | 0.24 | 2 (IC) | 0.24 | 1.43 |
# | 5 | 0.36 | 0.36 | 0.27 | 0 (LS) | 0.36 | 1.02 |
# | 6 | 0.68 | 0.15 | 0.17 | 2 (IC) | 0.17 | 1.77 |
# | 7 | 0.55 | 0.27 | 0.18 | 1 (LI) | 0.27 | 1.31 |
# | 8 | 0.91 | 0.05 | 0.05 | 0 (LS) | 0.91 | 0.09 |
#
# La media de la última columna es $12.11 / 8 \approx 1.514$. Observa que el error «seguro» del estudiante 1
# (probabilidad 0.01 para su carrera) cuesta más que todas las dudas juntas de los estudiantes 2 a 4.
#
# **Fe de erratas.** La diapositiva da un promedio de 1.41 porque calcula mal tres filas: la 3 (escribe 1.20
# en vez de $-\ln 0.39 = 0.94$), la 5 (1.35 en vez de $-\ln 0.36 = 1.02$) y la 6 (0.39 en vez de
# $-\ln 0.17 = 1.77$); además, en la fila 7 escribe $-\log(0.55)$, la probabilidad de LS, aunque su valor 1.31
# sí es el de LI, $-\ln 0.27$. La comprobación pública usa la media correcta, 1.514, con una tolerancia de 0.005.

# %% solucion="entropia_cruzada"

# %% libre=true
P_carrera = np.array([[0.01, 0.45, 0.55], [0.09, 0.39, 0.52], [0.09, 0.39, 0.52], [0.02, 0.73, 0.24],
                      [0.36, 0.36, 0.27], [0.68, 0.15, 0.17], [0.55, 0.27, 0.18], [0.91, 0.05, 0.05]])
y_carrera = np.array([0, 1, 1, 2, 0, 2, 1, 0])   # LS = 0, LI = 1, IC = 2
print(entropia_cruzada(P_carrera, y_carrera))   # ≈ 1.514 (la diapositiva dice 1.41: ver la fe de erratas)

# %% prueba="entropia_cruzada"
comprobar("entropia_cruzada", entropia_cruzada)

# %% [markdown]
# ## 4. Entropía cruzada binaria ({puntos:entropia_cruzada_binaria} puntos)
#
# Con dos clases basta la probabilidad $p$ de la clase 1 (la de la clase 0 es $1-p$):
#
# $$L = -\frac{1}{n} \sum_{i} \big[y_i \log p_i + (1 - y_i) \log (1 - p_i)\big]$$
#
# Recorta $p$ y $1-p$ a $[10^{-12}, 1]$ antes del logaritmo.

# %% solucion="entropia_cruzada_binaria"

# %% libre=true
print(entropia_cruzada_binaria(np.array([0.9, 0.2, 0.6]), np.array([1, 0, 1])))   # ≈ 0.280

# %% prueba="entropia_cruzada_binaria"
comprobar("entropia_cruzada_binaria", entropia_cruzada_binaria)

# %% [markdown]
# ## 5. Exactitud ({puntos:exactitud} puntos)
#
# La exactitud (*accuracy*) es la fracción de ejemplos en los que la clase más probable (`np.argmax` por
# filas) coincide con la etiqueta. Es un número entre 0 y 1, no un porcentaje.
#
# **Un aviso de vocabulario.** Las diapositivas llaman «precisión» a la exactitud; en este curso «precisión»
# es otra métrica, la *precision* del informe de clasificación (de los ejemplos predichos de una clase, qué
# fracción es de esa clase).
#
# **En la tabla «Carrera».** Las clases predichas son 2, 2, 2, 1, 0, 0, 0, 0 y las reales 0, 1, 1, 2, 0, 2, 1, 0:
# aciertan solo las filas 5 y 8, así que la exactitud es $2/8 = 0.25$, como en las diapositivas. La fila 5 es
# un empate entre LS y LI (0.36 y 0.36): `np.argmax` devuelve el **primer** máximo, LS = 0, que es la carrera
# real. Si rompieras el empate hacia la última clase empatada, obtendrías $1/8$.

# %% solucion="exactitud"

# %% libre=true
print(exactitud(P_carrera, y_carrera))   # 0.25: el modelo acierta 2 de 8 (filas 5 y 8)

# %% prueba="exactitud"
comprobar("exactitud", exactitud)

# %% [markdown]
# ## 6. Gradiente de la pérdida ({puntos:gradientes_softmax} puntos)
#
# Con $Z = XW + b$, $P = \operatorname{softmax}(Z)$ e $Y$ la matriz one-hot, la derivada de la entropía
# cruzada media respecto de las puntuaciones es sorprendentemente simple:
#
# $$\frac{\partial L}{\partial Z} = \frac{P - Y}{n}$$
#
# y por la regla de la cadena $\frac{\partial L}{\partial W} = X^\top \frac{\partial L}{\partial Z}$
# (forma $(d, k)$) y $\frac{\partial L}{\partial b} = \sum_i \frac{\partial L}{\partial Z_i}$
# (forma $(k,)$: suma sobre los ejemplos, `axis=0`). No olvides el $1/n$: la pérdida es una media.
# Puedes usar tus funciones `softmax` y `one_hot`.

# %% solucion="gradientes_softmax"

# %% prueba="gradientes_softmax"
comprobar("gradientes_softmax", gradientes_softmax)

# %% [markdown]
# ## 7. Entrenamiento sobre Iris ({puntos:entrenar_regresion_logistica} puntos)
#
# El descenso de gradiente repite `epocas` veces: calcular el gradiente con **todos** los ejemplos y dar un
# paso en la dirección contraria, $W \leftarrow W - \eta\, \partial L / \partial W$ (igual para $b$),
# partiendo de $W = 0$, $b = 0$. Guarda en `historial` la pérdida después de cada paso: debe bajar.
#
# Iris tiene 150 flores, 4 medidas y 3 especies. Estandarizamos cada medida (media 0, desviación 1) para
# que una misma tasa de aprendizaje sirva para todas. El objetivo es superar 0.90 de exactitud.

# %% solucion="entrenar_regresion_logistica"

# %% omitir_al_calificar=true
import matplotlib.pyplot as plt
from sklearn.datasets import load_iris

X_iris, y_iris = load_iris(return_X_y=True)
X_iris = (X_iris - X_iris.mean(axis=0)) / X_iris.std(axis=0)
W, b, historial = entrenar_regresion_logistica(X_iris, y_iris, 3, tasa=0.1, epocas=200)
print("exactitud de entrenamiento:", exactitud(softmax(X_iris @ W + b), y_iris))
plt.plot(historial)
plt.xlabel("época")
plt.ylabel("entropía cruzada")
plt.title("Curva de aprendizaje en Iris")
plt.show()

# %% prueba="entrenar_regresion_logistica"
comprobar("entrenar_regresion_logistica", entrenar_regresion_logistica)

# %% [markdown]
# ## Antes de entregar
#
# Reinicia el núcleo y ejecuta todo (*Kernel → Restart & Run All*): todas las celdas de prueba deben pasar.
# Recuerda que la calificación final usa además casos ocultos, así que no ajustes tu código a los ejemplos.
