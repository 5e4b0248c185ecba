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
# # Tarea 15 — Redes recurrentes desde cero: un paso de RNN, una secuencia y un paso de LSTM
#
# El plan del curso de MIOTI dedica la **«Sesión 6: Redes neuronales recurrentes: RNNs y LSTMs»** a la
# teoría y la **«Sesión 7: Redes neuronales recurrentes en TensorFlow: LSTM – IMDB»** a la práctica (el
# reto «Reconocer secuencias – IMDB», que es la tarea 11). Las diapositivas de Granada resumen la idea en
# una línea: las redes recurrentes **«implementan memoria, de forma que una salida depende de la salida
# anterior»**. En esta tarea construyes esa memoria con NumPy, sin Keras, para ver qué hace por dentro la
# capa `LSTM(32)` que entrenaste en la tarea 11.
#
# | parte | qué haces | puntos |
# |---|---|---|
# | 1. `paso_rnn` | un paso de una red recurrente simple | {puntos:paso_rnn} |
# | 2. `rnn_adelante` | recorrer una secuencia entera con los mismos pesos | {puntos:rnn_adelante} |
# | 3. `paso_lstm` | un paso de una LSTM, con los pesos dispuestos como en Keras | {puntos:paso_lstm} |
# | 4. `contar_parametros_lstm` | cuántos parámetros tiene `LSTM(h)` | {puntos:contar_parametros_lstm} |
# | total | | {puntos} |
#
# **Cómo se califica.** Cada función vale los puntos indicados en su sección. La celda de prueba que sigue a
# cada función ejecuta *comprobaciones públicas* (los ejemplos de este cuaderno) y te explica qué falla.
# Al calificar, los ejemplos públicos no dan puntos: los puntos salen de *casos ocultos* con otras formas y
# otros pesos, generados para cada alumno, que se comparan con una solución de referencia. Si una función
# usa otra (como `rnn_adelante` usa `paso_rnn`), al calificarla se usa la versión de referencia de la otra:
# un error en `paso_rnn` solo cuesta los puntos de `paso_rnn`. Escribe tu código solo entre
# `# TU CÓDIGO AQUÍ` y el `return` (y borra el `raise NotImplementedError()`); no cambies los nombres ni las
# firmas de las funciones.
#
# También puedes comprobar el cuaderno completo desde una terminal:
# `python -m autograder comprobar 15_redes_recurrentes.ipynb`.
#
# **Sobre las diapositivas.** Lo que tenemos de la sesión 6 es su título; las ecuaciones de este cuaderno
# son las de la documentación de Keras (`SimpleRNN` y `LSTM`), que es lo que usa la tarea 11. La frase de
# Granada es exacta para la RNN simple, cuya salida *es* su estado; una LSTM, en cambio, pasa de un paso al
# siguiente **dos** cosas: su salida $h_t$ y su memoria $c_t$, que no se muestra fuera de la capa.

# %%
import numpy as np

from autograder.comprobar import Comprobaciones

comprobar = Comprobaciones("15_redes_recurrentes")
np.set_printoptions(precision=3, suppress=True)

# %% [markdown]
# ## 1. Un paso de una RNN simple ({puntos:paso_rnn} puntos)
#
# Una secuencia es una lista de vectores $x_1, x_2, \dots, x_T$ (en la tarea 11, los vectores del
# `Embedding` de cada palabra). Una red recurrente los lee **en orden** y guarda un estado $h_t$ que resume
# lo leído hasta ahora. En cada paso mezcla la entrada nueva con su estado anterior:
#
# $$h_t = \tanh(x_t W_x + h_{t-1} W_h + b)$$
#
# con $W_x$ de forma $(d, h)$, $W_h$ de forma $(h, h)$ y $b$ de forma $(h,)$. Como en las capas densas,
# trabajamos con un lote de $n$ ejemplos a la vez: `x_t` es $(n, d)$ y `h_prev` es $(n, h)$, así que cada
# fila es un ejemplo. Es la capa `SimpleRNN` de Keras, cuya activación por defecto es la tanh (estados
# entre −1 y 1).
#
# **Ejemplo a mano.** Con $x_t = [1, 2]$, $h_{t-1} = [0.5, -0.5]$,
# $W_x = \begin{bmatrix} 0.1 & 0.2 \\ 0.3 & -0.1 \end{bmatrix}$,
# $W_h = \begin{bmatrix} 1 & 0 \\ 0.5 & 1 \end{bmatrix}$ y $b = [0.1, -0.2]$:
# $x_t W_x = [0.7, 0]$, $h_{t-1} W_h = [0.25, -0.5]$, la suma con $b$ es $[1.05, -0.7]$ y
# $h_t = \tanh([1.05, -0.7]) \approx [0.782, -0.604]$.

# %% solucion="paso_rnn"

# %% libre=true
x_t, h_prev = np.array([[1.0, 2.0]]), np.array([[0.5, -0.5]])
Wx, Wh, b = np.array([[0.1, 0.2], [0.3, -0.1]]), np.array([[1.0, 0.0], [0.5, 1.0]]), np.array([0.1, -0.2])
print(paso_rnn(x_t, h_prev, Wx, Wh, b))   # ≈ [[ 0.782 -0.604]]

# %% prueba="paso_rnn"
comprobar("paso_rnn", paso_rnn)

# %% [markdown]
# ## 2. Recorrer una secuencia ({puntos:rnn_adelante} puntos)
#
# Para leer una secuencia entera se repite el paso: $h_1$ sale de $x_1$ y $h_0$, $h_2$ de $x_2$ y $h_1$,
# y así hasta $h_T$. Dos cosas hacen que esto sea una red *recurrente* y no $T$ redes distintas:
#
# - **los mismos pesos** $W_x$, $W_h$, $b$ en todos los pasos (por eso una RNN puede leer secuencias de
#   cualquier largo con un número fijo de parámetros);
# - **el estado pasa de un paso al siguiente**: cada paso recibe el $h$ que devolvió el anterior, no $h_0$.
#
# `X` tiene forma $(n, T, d)$ (ejemplo, instante, rasgo), como la salida del `Embedding` de la tarea 11, y
# `rnn_adelante` devuelve **todos** los estados, $(n, T, h)$, con `H[:, t]` el estado después de leer
# `X[:, t]` (sin incluir $h_0$). Es lo que devuelve una capa recurrente de Keras con `return_sequences=True`;
# con el valor por defecto, `False`, Keras devuelve solo el último, `H[:, -1]`, que es lo que la tarea 11
# pasa a la capa densa final. Usa tu `paso_rnn`.
#
# **Ejemplo: el eco.** Con una sola unidad ($h = 1$), $W_x = 1$, $W_h = 0.5$, $b = 0$, $h_0 = 0$ y la
# secuencia $1, 0, 0, 0$: $h_1 = \tanh(1) \approx 0.762$; después la entrada es 0 y solo queda la memoria,
# $h_2 = \tanh(0.5 \cdot 0.762) \approx 0.363$, $h_3 \approx 0.180$, $h_4 \approx 0.090$. El 1 del principio
# deja un eco que se reduce más o menos a la mitad en cada paso: con $|W_h| < 1$ la RNN simple olvida deprisa, y el
# gradiente que vuelve hacia atrás en el tiempo se apaga igual. Es el problema que resuelve la LSTM.

# %% solucion="rnn_adelante"

# %% libre=true
X_eco = np.array([[[1.0], [0.0], [0.0], [0.0]]])    # n = 1, T = 4, d = 1
print(rnn_adelante(X_eco, np.zeros((1, 1)), np.array([[1.0]]), np.array([[0.5]]), np.zeros(1)).ravel())
# ≈ [0.762 0.363 0.18  0.09 ]

# %% prueba="rnn_adelante"
comprobar("rnn_adelante", rnn_adelante)

# %% [markdown]
# ## 3. Un paso de una LSTM ({puntos:paso_lstm} puntos)
#
# La LSTM añade una **memoria** $c_t$ (el «estado de celda») que se actualiza sumando, no multiplicando por
# $W_h$ en cada paso, y tres **puertas**, sigmoides entre 0 y 1 que deciden qué pasa:
#
# $$\begin{aligned}
# z &= x_t W + h_{t-1} U + b && \text{forma } (n, 4h)\text{: las cuatro partes de abajo, una tras otra}\\
# i_t &= \sigma(z_i) && \text{puerta de entrada: cuánto de lo nuevo se escribe}\\
# f_t &= \sigma(z_f) && \text{puerta de olvido: cuánto de la memoria se conserva}\\
# g_t &= \tanh(z_c) && \text{candidata: lo nuevo que se propone, entre } -1 \text{ y } 1\\
# o_t &= \sigma(z_o) && \text{puerta de salida: cuánto de la memoria se muestra}\\
# c_t &= f_t \odot c_{t-1} + i_t \odot g_t\\
# h_t &= o_t \odot \tanh(c_t)
# \end{aligned}$$
#
# ($\odot$ es el producto elemento a elemento, `*` en NumPy.) Con $f_t \approx 1$ e $i_t \approx 0$ la
# memoria pasa intacta muchos pasos: así recuerda la LSTM de la tarea 11 una palabra del principio de la
# reseña.
#
# **Los pesos, como en Keras.** `keras.layers.LSTM(h)` no guarda cuatro matrices sino tres arrays, que
# `capa.get_weights()` devuelve en este orden: `W` (el *kernel*) de forma $(d, 4h)$, `U` (el
# *recurrent_kernel*) de forma $(h, 4h)$ y `b` de forma $(4h,)$. Las columnas de las cuatro partes van en
# el orden **i, f, c, o**: `z[:, :h]` es la puerta de entrada, `z[:, h:2*h]` la de olvido, `z[:, 2*h:3*h]`
# la candidata y `z[:, 3*h:]` la de salida. (Otros textos usan otros órdenes, por ejemplo i, f, o, g en
# cs231n; aquí manda el de Keras.) Tu `paso_lstm` debe dar exactamente lo que da la capa de Keras con esos
# pesos: lo comprueba la última celda de esta sección, si quieres ejecutarla. Devuelve la tupla
# `(h_t, c_t)`, en ese orden.
#
# **Ejemplo a mano.** Con $d = h = 1$, $x_t = 1$, $h_{t-1} = 0$, $c_{t-1} = 1$, $W = [1, 2, 0.5, 0]$ y
# $b = 0$ ($U$ no importa, porque $h_{t-1} = 0$): $z = [1, 2, 0.5, 0]$, así que $i_t = \sigma(1) \approx 0.731$,
# $f_t = \sigma(2) \approx 0.881$, $g_t = \tanh(0.5) \approx 0.462$ y $o_t = \sigma(0) = 0.5$. La memoria
# conserva el 88 % de lo que tenía y suma lo nuevo: $c_t \approx 0.881 + 0.731 \cdot 0.462 \approx 1.219$,
# y la salida es $h_t = 0.5 \cdot \tanh(1.219) \approx 0.420$.

# %% solucion="paso_lstm"

# %% libre=true
h_t, c_t = paso_lstm(np.array([[1.0]]), np.array([[0.0]]), np.array([[1.0]]),
                     np.array([[1.0, 2.0, 0.5, 0.0]]), np.array([[0.5, -1.0, 0.3, 0.2]]), np.zeros(4))
print(h_t, c_t)   # ≈ [[0.42]] [[1.219]]

# %% prueba="paso_lstm"
comprobar("paso_lstm", paso_lstm)

# %% [markdown]
# **Compruébalo con Keras (opcional, no se califica).** La celda siguiente crea una
# `keras.layers.LSTM(h, return_sequences=True, return_state=True)`, le pone unos pesos aleatorios con
# `set_weights([W, U, b])`, le pasa una secuencia y compara sus salidas con las de tu `paso_lstm` aplicado
# paso a paso. Las diferencias deben ser del orden de $10^{-7}$ (Keras calcula en `float32`). Tarda unos
# segundos en importar Keras; al calificar no se ejecuta.

# %% omitir_al_calificar=true
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
from autograder.silencio import sin_mensajes_de_tensorflow

with sin_mensajes_de_tensorflow():
    import keras

rng = np.random.default_rng(15)
n, T, d, h = 2, 6, 3, 4
X = rng.normal(size=(n, T, d)).astype("float32")
W, U, b = rng.normal(0, 0.5, (d, 4 * h)), rng.normal(0, 0.5, (h, 4 * h)), rng.normal(0, 0.5, 4 * h)
capa = keras.layers.LSTM(h, return_sequences=True, return_state=True)
capa.build((n, T, d))
capa.set_weights([W, U, b])
secuencia_keras, h_keras, c_keras = (np.asarray(v) for v in capa(X))

h_t, c_t = np.zeros((n, h)), np.zeros((n, h))
estados = []
for t in range(T):
    h_t, c_t = paso_lstm(X[:, t].astype(float), h_t, c_t, W, U, b)
    estados.append(h_t)
print("diferencia máxima en la secuencia:", np.abs(np.stack(estados, axis=1) - secuencia_keras).max())
print("diferencia máxima en h_T y c_T:", np.abs(h_t - h_keras).max(), np.abs(c_t - c_keras).max())

# %% [markdown]
# ## 4. Cuántos parámetros tiene una LSTM ({puntos:contar_parametros_lstm} puntos)
#
# Cuenta los números de `W` $(d, 4h)$, `U` $(h, 4h)$ y `b` $(4h,)$: por cada una de las cuatro partes hay
# $h \cdot d$ pesos de entrada, $h \cdot h$ recurrentes y $h$ sesgos, así que
#
# $$\text{parámetros} = 4\,\big(h\,(d + h) + h\big).$$
#
# **En la tarea 11.** `Embedding(10000, 32)` entrega vectores de $d = 32$ componentes a `LSTM(32)`:
# $4\,(32 \cdot 64 + 32) = 4 \cdot 2080 = 8320$, lo que muestra la fila de la LSTM en su `modelo.summary()`.
# Fíjate en que no depende del largo de la secuencia (200 palabras): son los mismos pesos en cada paso. En
# cambio el `Embedding` tiene $10000 \cdot 32 = 320000$: en la tarea 11 casi todos los parámetros están en la
# tabla de palabras, no en la LSTM. Devuelve un entero.

# %% solucion="contar_parametros_lstm"

# %% libre=true
print(contar_parametros_lstm(32, 32))   # 8320, como en el summary de la tarea 11

# %% prueba="contar_parametros_lstm"
comprobar("contar_parametros_lstm", contar_parametros_lstm)

# %% [markdown]
# ## Antes de entregar
#
# Reinicia el núcleo y ejecuta todo (*Kernel → Restart & Run All*): todas las celdas de prueba deben pasar.
# Recuerda que la calificación final usa además casos ocultos, así que no ajustes tu código a los ejemplos.
