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
# # Tarea 04 — Retropropagación: una red neuronal desde cero
#
# En esta tarea construyes, solo con NumPy, una red neuronal de dos capas y la entrenas con
# **retropropagación** (*backpropagation*): el algoritmo que calcula, con la regla de la cadena, cuánto
# contribuye cada peso a la pérdida. Al final tu red resolverá el problema XOR, que un perceptrón no
# puede resolver, y reconocerá dígitos manuscritos de 8×8 píxeles con más de un 95 % de acierto.
#
# | parte | funciones | puntos |
# |---|---|---|
# | 1. Activaciones y derivadas | `sigmoide`, `derivada_sigmoide`, `relu`, `derivada_relu`, `derivada_tanh`, `tanh_desde_sigmoide`, `leaky_relu`, `derivada_leaky_relu` | {puntos:sigmoide} + {puntos:derivada_sigmoide} + {puntos:relu} + {puntos:derivada_relu} + {puntos:derivada_tanh} + {puntos:tanh_desde_sigmoide} + {puntos:leaky_relu} + {puntos:derivada_leaky_relu} |
# | 2. Grafo computacional y regla de la cadena | (lectura y un ejemplo) | — |
# | 3. Capa densa | `densa_adelante`, `densa_atras` | {puntos:densa_adelante} + {puntos:densa_atras} |
# | 4. Capa ReLU | `relu_adelante`, `relu_atras` | {puntos:relu_adelante} + {puntos:relu_atras} |
# | 5. Softmax y entropía cruzada | `softmax_entropia` | {puntos:softmax_entropia} |
# | 6. Verificación numérica del gradiente | `gradiente_numerico` | {puntos:gradiente_numerico} |
# | 7. La red de dos capas | `inicializar_red`, `perdida_y_gradientes` | {puntos:inicializar_red} + {puntos:perdida_y_gradientes} |
# | 8. Entrenamiento y predicción | `entrenar_red`, `predecir_red` | {puntos:entrenar_red} + {puntos:predecir_red} |
# | total | | {puntos} |
#
# **Cómo se califica.** Cada función vale los puntos indicados. La celda de comprobación que sigue a
# cada función ejecuta las *comprobaciones públicas* y te explica qué falla. Al calificar se añaden
# *casos ocultos* con otras entradas (otras formas, un solo ejemplo, ceros exactos, logits enormes),
# distintos para cada alumno. Los gradientes se comparan con un **gradiente numérico** calculado por el
# calificador: se exige un error relativo menor que $10^{-7}$ (sección 6). Cada función se califica por
# separado: si una falla, las que la usan se califican con una versión correcta de ella, así que un
# error solo te cuesta los puntos de esa función.
#
# Escribe tu código solo entre `# TU CÓDIGO AQUÍ` y el `return` de cada función; no cambies los
# nombres ni las firmas. Puedes comprobar el cuaderno completo desde una terminal con
# `python -m autograder comprobar 04_backprop.ipynb`.

# %%
import numpy as np

from autograder.comprobar import Comprobaciones

comprobar = Comprobaciones("04_backprop")
np.set_printoptions(precision=4, suppress=True)

# %% [markdown]
# ## 1. Funciones de activación y sus derivadas
#
# Una red neuronal alterna capas lineales con **funciones de activación** no lineales, aplicadas
# elemento a elemento. Sin ellas, varias capas lineales seguidas equivaldrían a una sola. Para entrenar
# la red necesitaremos además sus **derivadas**.
#
# ### 1.1 Sigmoide ({puntos:sigmoide} puntos)
#
# $$\sigma(z) = \frac{1}{1 + e^{-z}}$$
#
# Aplasta cualquier número real en el intervalo $(0, 1)$: $\sigma(0) = 0.5$, $\sigma(2) \approx 0.881$,
# $\sigma(-2) \approx 0.119$. Cuidado con la estabilidad: para $z = -1000$, `np.exp(-z)` desborda.
# Una forma segura es calcular $e = e^{-|z|}$ (nunca desborda) y usar
# $\sigma(z) = 1/(1+e)$ donde $z \ge 0$ y $\sigma(z) = e/(1+e)$ donde $z < 0$ (`np.where`).

# %% solucion="sigmoide"

# %% libre=true
print(sigmoide(np.array([-2.0, 0.0, 2.0, -1000.0, 1000.0])))

# %% prueba="sigmoide"
comprobar("sigmoide", sigmoide)

# %% [markdown]
# ### 1.2 Derivada de la sigmoide ({puntos:derivada_sigmoide} puntos)
#
# La sigmoide tiene una derivada muy cómoda, escrita con su propia salida:
#
# $$\sigma'(z) = \sigma(z)\,\big(1 - \sigma(z)\big)$$
#
# Por ejemplo, $\sigma'(0) = 0.5 \cdot 0.5 = 0.25$ (su valor máximo) y
# $\sigma'(2) = 0.881 \cdot 0.119 \approx 0.105$. La función recibe **$z$**, la entrada de la sigmoide:
# calcula primero $s = \sigma(z)$ (puedes llamar a tu `sigmoide`) y devuelve $s(1-s)$. Un error
# frecuente es escribir `z * (1 - z)`, que solo sería correcto si recibieras $s$.

# %% solucion="derivada_sigmoide"

# %% libre=true
print(derivada_sigmoide(np.array([-2.0, 0.0, 2.0])))   # ≈ [0.105 0.25 0.105]

# %% prueba="derivada_sigmoide"
comprobar("derivada_sigmoide", derivada_sigmoide)

# %% [markdown]
# ### 1.3 ReLU ({puntos:relu} puntos)
#
# La unidad lineal rectificada deja pasar los valores positivos y anula los negativos:
#
# $$\operatorname{ReLU}(z) = \max(0, z)$$
#
# Es la activación más usada en las capas ocultas: es barata y su derivada no se apaga para $z$
# grandes, como sí le pasa a la sigmoide. Usa `np.maximum` (elemento a elemento), no `max`.

# %% solucion="relu"

# %% libre=true
print(relu(np.array([-2.0, 0.0, 3.0])))   # [0. 0. 3.]

# %% prueba="relu"
comprobar("relu", relu)

# %% [markdown]
# ### 1.4 Derivada de ReLU ({puntos:derivada_relu} puntos)
#
# $$\operatorname{ReLU}'(z) = \begin{cases} 1 & \text{si } z > 0 \\ 0 & \text{si } z \le 0 \end{cases}$$
#
# En $z = 0$ la función tiene un pliegue y la derivada no existe; por convención usamos **0** (la
# desigualdad es estricta: `z > 0`). Devuelve floats (`.astype(float)`), no booleanos.

# %% solucion="derivada_relu"

# %% libre=true
print(derivada_relu(np.array([-1.0, 0.0, 2.0])))   # [0. 0. 1.]

# %% prueba="derivada_relu"
comprobar("derivada_relu", derivada_relu)

# %% [markdown]
# ### 1.5 Derivada de la tangente hiperbólica ({puntos:derivada_tanh} puntos)
#
# $\tanh(z) = \frac{e^z - e^{-z}}{e^z + e^{-z}}$ toma valores en $(-1, 1)$ y está centrada en 0
# (`np.tanh` ya la calcula). Su derivada es
#
# $$\tanh'(z) = 1 - \tanh(z)^2$$
#
# así que $\tanh'(0) = 1$ y $\tanh'(1) = 1 - 0.7616^2 \approx 0.42$. Ojo con el cuadrado:
# $1 - \tanh(z)$ no es la derivada.

# %% solucion="derivada_tanh"

# %% libre=true
print(derivada_tanh(np.array([-1.0, 0.0, 0.5])))   # ≈ [0.42 1. 0.786]

# %% prueba="derivada_tanh"
comprobar("derivada_tanh", derivada_tanh)

# %% [markdown]
# ### 1.6 tanh a partir de la sigmoide ({puntos:tanh_desde_sigmoide} puntos)
#
# La diapositiva «Redes Neuronales - Funciones de Activación» de la Clase 4 resume la relación entre
# las dos activaciones así:
#
# > - TanH = (Sigmoid\*2)-1
#
# y la programa con
#
# ```
# def TanH(x)
#     s=sigmoid(x)
#     return (x*2)-1
# ```
#
# **Las dos cosas tienen una errata.** La idea es buena (tanh es una sigmoide estirada y desplazada),
# pero la fórmula olvida que también se estira la *entrada*: $2\sigma(z) - 1 = \tanh(z/2)$, no
# $\tanh(z)$. Y el código ni siquiera usa `s`: devuelve $2x - 1$, una recta. La identidad correcta es
#
# $$\tanh(z) = 2\,\sigma(2z) - 1$$
#
# Compruébalo: $2\sigma(2z) - 1 = \frac{2}{1 + e^{-2z}} - 1 = \frac{1 - e^{-2z}}{1 + e^{-2z}}$, y
# multiplicando arriba y abajo por $e^{z}$ queda $\frac{e^{z} - e^{-z}}{e^{z} + e^{-z}} = \tanh(z)$.
# Por ejemplo, $\tanh(1) = 2\sigma(2) - 1 = 2 \cdot 0.8808 - 1 = 0.7616$, mientras que la fórmula de
# la diapositiva da $2\sigma(1) - 1 = 2 \cdot 0.7311 - 1 = 0.4621 = \tanh(0.5)$.
#
# Escribe `tanh_desde_sigmoide` con tu `sigmoide` (así hereda su estabilidad con $|z|$ grande). El
# resultado debe coincidir con `np.tanh`.

# %% solucion="tanh_desde_sigmoide"

# %% libre=true
# Tabla de valores: la identidad correcta coincide con np.tanh; la de la diapositiva, no.
print(f"{'z':>6} {'np.tanh(z)':>11} {'2σ(2z) − 1':>11} {'2σ(z) − 1':>10}")
for z0 in (-2.0, -1.0, 0.0, 0.5, 1.0, 2.0):
    z_ = np.array([z0])
    print(f"{z0:6.1f} {np.tanh(z0):11.4f} {tanh_desde_sigmoide(z_)[0]:11.4f} {2 * sigmoide(z_)[0] - 1:10.4f}")

# %% prueba="tanh_desde_sigmoide"
comprobar("tanh_desde_sigmoide", tanh_desde_sigmoide)

# %% [markdown]
# ### 1.7 Leaky ReLU ({puntos:leaky_relu} puntos)
#
# La diapositiva termina con «Generalmente se usa ReLU o variantes, más fácil de entrenar». La
# variante más sencilla es **Leaky ReLU** («ReLU con fugas»): en vez de anular los negativos, los
# deja pasar multiplicados por una pendiente pequeña $\alpha$ (por defecto $0.01$):
#
# $$\operatorname{LeakyReLU}_\alpha(z) = \begin{cases} z & \text{si } z > 0 \\ \alpha z & \text{si } z \le 0 \end{cases}$$
#
# Así una neurona cuya entrada es siempre negativa no queda «muerta»: su gradiente es pequeño, pero no
# cero. Por ejemplo, con $\alpha = 0.01$: $[-2, 0, 3] \mapsto [-0.02, 0, 3]$. `np.where(condición, a, b)`
# elige elemento a elemento entre dos arrays; usa el argumento `alfa`, no un 0.01 escrito a mano.

# %% solucion="leaky_relu"

# %% libre=true
print(leaky_relu(np.array([-2.0, 0.0, 3.0])))              # [-0.02  0.    3.  ]
print(leaky_relu(np.array([-5.0, 1.0]), alfa=0.2))         # [-1.  1.]

# %% prueba="leaky_relu"
comprobar("leaky_relu", leaky_relu)

# %% [markdown]
# ### 1.8 Derivada de Leaky ReLU ({puntos:derivada_leaky_relu} puntos)
#
# $$\operatorname{LeakyReLU}_\alpha'(z) = \begin{cases} 1 & \text{si } z > 0 \\ \alpha & \text{si } z \le 0 \end{cases}$$
#
# Como en ReLU, en $z = 0$ hay un pliegue y la derivada no existe. Usamos la misma convención que en
# `derivada_relu` (que allí da 0): el valor de la izquierda, así que en $z = 0$ devolvemos **$\alpha$**
# (la desigualdad es estricta, `z > 0`). Devuelve floats.

# %% solucion="derivada_leaky_relu"

# %% libre=true
print(derivada_leaky_relu(np.array([-1.0, 0.0, 2.0])))             # [0.01 0.01 1.  ]
print(derivada_leaky_relu(np.array([-1.0, 0.0, 2.0]), alfa=0.2))   # [0.2 0.2 1. ]

# %% prueba="derivada_leaky_relu"
comprobar("derivada_leaky_relu", derivada_leaky_relu)

# %% [markdown]
# Veamos las activaciones y sus derivadas. Observa que la derivada de la sigmoide nunca pasa de
# 0.25 y casi se anula para $|z| > 5$: al multiplicar muchas derivadas pequeñas en una red profunda, el
# gradiente se desvanece. ReLU no tiene ese problema para $z > 0$, y Leaky ReLU (dibujada con
# $\alpha = 0.1$ para que se vea la pendiente) tampoco lo tiene para $z \le 0$. La curva de puntos es
# la fórmula de la diapositiva, $2\sigma(z) - 1$: más tendida que tanh, porque es $\tanh(z/2)$.

# %% omitir_al_calificar=true
import matplotlib.pyplot as plt

z = np.linspace(-5, 5, 201)
figura, (izquierda, derecha) = plt.subplots(1, 2, figsize=(11, 3.5))
for nombre, funcion, derivada in (("sigmoide", sigmoide, derivada_sigmoide),
                                  ("ReLU", relu, derivada_relu),
                                  ("tanh", tanh_desde_sigmoide, derivada_tanh),
                                  ("Leaky ReLU (α = 0.1)", lambda z_: leaky_relu(z_, 0.1),
                                   lambda z_: derivada_leaky_relu(z_, 0.1))):
    izquierda.plot(z, funcion(z), label=nombre)
    derecha.plot(z, derivada(z), label=nombre)
izquierda.plot(z, 2 * sigmoide(z) - 1, "k:", label="2σ(z) − 1 (diapositiva)")
izquierda.set_title("Activaciones")
derecha.set_title("Derivadas")
for eje in (izquierda, derecha):
    eje.axhline(0, color="gray", linewidth=0.5)
    eje.set_xlabel("z")
    eje.legend()
plt.show()

# %% [markdown]
# ## 2. El grafo computacional y la regla de la cadena
#
# Una red calcula la pérdida como una **composición** de operaciones sencillas. Si la dibujamos como un
# grafo (un nodo por operación), retropropagar es recorrerlo de la pérdida hacia las entradas aplicando
# la **regla de la cadena**: si $L$ depende de $u$ y $u$ depende de $w$, entonces
#
# $$\frac{\partial L}{\partial w} = \frac{\partial L}{\partial u} \cdot \frac{\partial u}{\partial w}$$
#
# Cada nodo solo necesita saber su **derivada local** y multiplicarla por el gradiente que le llega
# desde arriba (el *gradiente aguas arriba*).
#
# **Ejemplo.** Una neurona con una entrada: $z = w x + b$, $a = \sigma(z)$, pérdida $L = (a - t)^2$.
# Con $x = 1$, $w = 2$, $b = -2$, $t = 1$:
#
# | paso | hacia adelante | hacia atrás (regla de la cadena) |
# |---|---|---|
# | $z = wx + b$ | $z = 0$ | $\partial L/\partial w = \partial L/\partial z \cdot x = -0.25$, $\;\partial L/\partial b = -0.25$ |
# | $a = \sigma(z)$ | $a = 0.5$ | $\partial L/\partial z = \partial L/\partial a \cdot \sigma'(z) = -1 \cdot 0.25 = -0.25$ |
# | $L = (a - t)^2$ | $L = 0.25$ | $\partial L/\partial a = 2(a - t) = -1$ |
#
# La tabla se lee hacia abajo en la pasada hacia adelante y hacia arriba en la pasada hacia atrás. El
# gradiente es negativo: aumentar $w$ o $b$ reduce la pérdida, que es justo lo que hará el descenso de
# gradiente. Las **capas** de las secciones siguientes son nodos de este grafo con la interfaz de
# cs231n: `capa_adelante(entradas) → (salida, cache)` guarda en `cache` lo que hará falta después, y
# `capa_atras(dsalida, cache)` devuelve el gradiente respecto de cada entrada.

# %% libre=true
# El ejemplo de la tabla, con tus funciones.
x, w, b, t = 1.0, 2.0, -2.0, 1.0
z = w * x + b
a = sigmoide(np.array(z))
dL_da = 2 * (a - t)
dL_dz = dL_da * derivada_sigmoide(np.array(z))
print("L =", (a - t) ** 2, "| dL/dw =", dL_dz * x, "| dL/db =", dL_dz)

# %% [markdown]
# ## 3. La capa densa
#
# ### 3.1 Hacia adelante ({puntos:densa_adelante} puntos)
#
# Una capa densa (o afín) recibe un lote de $n$ ejemplos $X$ de forma $(n, d)$ y calcula
#
# $$Z = X W + b, \qquad W: (d, m), \quad b: (m,), \quad Z: (n, m)$$
#
# NumPy suma $b$ a cada fila por **difusión** (*broadcasting*). Devuelve `(Z, cache)` con `cache = (X, W, b)`.

# %% solucion="densa_adelante"

# %% libre=true
Z, cache = densa_adelante(np.array([[1.0, 2.0, 3.0], [0.0, -1.0, 1.0]]),
                          np.array([[1.0, 0.0], [0.0, 1.0], [1.0, -1.0]]), np.array([0.5, -0.5]))
print(Z)   # [[ 4.5 -1.5] [ 1.5 -2.5]]

# %% prueba="densa_adelante"
comprobar("densa_adelante", densa_adelante)

# %% [markdown]
# ### 3.2 Hacia atrás ({puntos:densa_atras} puntos)
#
# Recibimos $dZ = \partial L / \partial Z$, de forma $(n, m)$. Como $Z_{ij} = \sum_l X_{il} W_{lj} + b_j$,
# la regla de la cadena da
#
# $$dX = dZ\, W^\top \;(n, d), \qquad dW = X^\top dZ \;(d, m), \qquad db = \sum_{i=1}^{n} dZ_{i,:} \;(m,)$$
#
# **Truco de las formas.** Cada gradiente tiene la forma de la variable a la que corresponde, y solo
# hay una manera de multiplicar $dZ$ $(n, m)$ con $W$ $(d, m)$ para obtener $(n, d)$: $dZ\,W^\top$. El
# sesgo se sumó a **todas** las filas, así que su gradiente acumula las de $dZ$: `np.sum(dZ, axis=0)`.
#
# **Ejemplo.** Con una sola muestra $x = [1, 2]$, $W = \begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}$ y
# $dZ = [1, 0]$: $dX = dZ\,W^\top = [1, 3]$, $dW = x^\top dZ = \begin{pmatrix} 1 & 0 \\ 2 & 0 \end{pmatrix}$ y $db = [1, 0]$.

# %% solucion="densa_atras"

# %% libre=true
dX, dW, db = densa_atras(np.array([[1.0, 0.0]]), (np.array([[1.0, 2.0]]), np.array([[1.0, 2.0], [3.0, 4.0]]), np.zeros(2)))
print(dX, dW, db, sep="\n")

# %% prueba="densa_atras"
comprobar("densa_atras", densa_atras)

# %% [markdown]
# ## 4. La capa ReLU
#
# ### 4.1 Hacia adelante ({puntos:relu_adelante} puntos)
#
# $A = \max(0, Z)$ elemento a elemento. Devuelve `(A, cache)` con `cache = Z`, la propia entrada: es
# lo que `relu_atras` necesita para saber qué neuronas estaban activas.

# %% solucion="relu_adelante"

# %% libre=true
A, cache = relu_adelante(np.array([[-1.0, 0.0, 2.0]]))
print(A, cache)

# %% prueba="relu_adelante"
comprobar("relu_adelante", relu_adelante)

# %% [markdown]
# ### 4.2 Hacia atrás ({puntos:relu_atras} puntos)
#
# Como $\partial A_{ij} / \partial Z_{ij}$ vale 1 donde $Z_{ij} > 0$ y 0 en el resto, la ReLU deja pasar el
# gradiente donde la neurona estaba activa y lo corta donde no:
#
# $$dZ = dA \odot \mathbb{1}[Z > 0]$$
#
# ($\odot$ es el producto elemento a elemento). Con $Z = [-1, 0, 2]$ y $dA = [10, 20, 30]$ el resultado es
# $[0, 0, 30]$: en $Z = 0$ también se corta.

# %% solucion="relu_atras"

# %% libre=true
print(relu_atras(np.array([[10.0, 20.0, 30.0]]), np.array([[-1.0, 0.0, 2.0]])))   # [[ 0.  0. 30.]]

# %% prueba="relu_atras"
comprobar("relu_atras", relu_atras)

# %% [markdown]
# ## 5. Softmax y entropía cruzada ({puntos:softmax_entropia} puntos)
#
# La última capa produce un **logit** por clase, $Z$ de forma $(n, k)$. Softmax los convierte en
# probabilidades y la entropía cruzada mide cuánta probabilidad recibió la clase correcta $y_i$:
#
# $$P_{ij} = \frac{e^{Z_{ij}}}{\sum_{c} e^{Z_{ic}}}, \qquad L = -\frac{1}{n}\sum_{i=1}^{n} \log P_{i, y_i}$$
#
# Juntas tienen un gradiente muy sencillo: con $Y$ la matriz one-hot de las etiquetas,
#
# $$\frac{\partial L}{\partial Z} = \frac{P - Y}{n}$$
#
# Intuición: la clase correcta recibe $P_{i,y_i} - 1 < 0$ (el descenso de gradiente sube su logit) y las
# demás $P_{ij} > 0$ (bajan). El $1/n$ viene de que la pérdida es una **media**.
#
# **Estabilidad.** `np.exp(1000)` es `inf`. Resta el máximo de cada fila antes de exponenciar (softmax no
# cambia si se resta una constante a toda la fila) y calcula el logaritmo como
# $\log P_{i,y_i} = (Z_{i,y_i} - m_i) - \log \sum_c e^{Z_{ic} - m_i}$, con $m_i = \max_c Z_{ic}$.
#
# **Ejemplo.** Con la fila $Z = [0, 0, 0]$ (un empate) y $y = 2$: $P = [1/3, 1/3, 1/3]$, $L = \log 3 \approx 1.099$
# y $dZ = [1/3, 1/3, -2/3]$.

# %% solucion="softmax_entropia"

# %% libre=true
print(softmax_entropia(np.zeros((1, 3)), np.array([2])))                       # ≈ (1.0986, [[0.33 0.33 -0.67]])
print(softmax_entropia(np.array([[1000.0, 0.0, -1000.0]]), np.array([0])))     # pérdida ≈ 0, sin nan

# %% prueba="softmax_entropia"
comprobar("softmax_entropia", softmax_entropia)


# %% [markdown]
# ## 6. Verificación numérica del gradiente ({puntos:gradiente_numerico} puntos)
#
# ¿Cómo sabemos que un gradiente calculado a mano es correcto? Comparándolo con la definición de
# derivada. Para una función escalar $f$ y cada entrada $x_i$:
#
# $$\frac{\partial f}{\partial x_i} \approx \frac{f(x + h\,e_i) - f(x - h\,e_i)}{2h}$$
#
# donde $e_i$ es el vector con un 1 en la posición $i$. Son **diferencias centradas**: su error es del
# orden de $h^2$, mientras que las diferencias hacia adelante, $(f(x + h e_i) - f(x))/h$, tienen un error
# del orden de $h$. Con $h = 10^{-5}$ eso es la diferencia entre un error de $\sim 10^{-10}$ y uno de
# $\sim 10^{-5}$.
#
# Implementa `gradiente_numerico(f, x, h)`: recorre cada entrada de `x` (por ejemplo con
# `for i in np.ndindex(*x.shape)`), guarda su valor, evalúa `f` con `x[i] + h` y con `x[i] - h`
# **modificando `x` en su sitio**, y **restaura** `x[i]` antes de pasar a la siguiente. Si olvidas
# restaurarla, las entradas siguientes se evalúan en otro punto y `x` queda estropeado para quien te
# llamó (por ejemplo, los pesos de tu red).
#
# **Cómo comparamos.** Usamos el **error relativo** entre el gradiente analítico $a$ y el numérico $b$,
#
# $$\text{error relativo} = \frac{\lVert a - b \rVert}{\max(\lVert a \rVert + \lVert b \rVert,\ 10^{-12})}$$
#
# que no depende de la escala de los gradientes. **La tolerancia de este curso es $10^{-7}$**: con
# diferencias centradas, un gradiente correcto da errores de $10^{-9}$ o menores, y uno equivocado
# (un signo, un $1/n$, una traspuesta) da errores cercanos a 1. La función `error_relativo` de la celda
# siguiente es la misma que usa el calificador.

# %%
def error_relativo(a, b):
    """‖a − b‖ / max(‖a‖ + ‖b‖, 1e-12): 0 si a y b coinciden, cerca de 1 si no se parecen."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return float(np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), 1e-12))


# %% solucion="gradiente_numerico"

# %% libre=true
# f(x) = Σ x², cuyo gradiente exacto es 2x.
x = np.array([[1.0, -2.0], [0.5, 3.0]])
print(gradiente_numerico(lambda v: float(np.sum(v**2)), x))   # ≈ 2x
print(x)                                                        # x debe seguir igual

# %% prueba="gradiente_numerico"
comprobar("gradiente_numerico", gradiente_numerico)

# %% [markdown]
# Ahora usa tu gradiente numérico para **verificar tus capas**. El truco: para comprobar una función
# hacia atrás que recibe $dZ$, definimos la función escalar $L = \sum_{ij} dZ_{ij}\, Z_{ij}$, cuyo
# gradiente respecto de $Z$ es exactamente $dZ$; su gradiente respecto de $X$, $W$ o $b$ es lo que debe
# devolver la capa. Todos los errores relativos deberían ser menores que $10^{-7}$.

# %% libre=true
rng = np.random.default_rng(0)
X, W, b, dZ = rng.normal(size=(4, 3)), rng.normal(size=(3, 5)), rng.normal(size=5), rng.normal(size=(4, 5))
dX, dW, db = densa_atras(dZ, densa_adelante(X, W, b)[1])
print("densa  dX:", error_relativo(dX, gradiente_numerico(lambda X_: np.sum(dZ * densa_adelante(X_, W, b)[0]), X)))
print("densa  dW:", error_relativo(dW, gradiente_numerico(lambda W_: np.sum(dZ * densa_adelante(X, W_, b)[0]), W)))
print("densa  db:", error_relativo(db, gradiente_numerico(lambda b_: np.sum(dZ * densa_adelante(X, W, b_)[0]), b)))

Z, dA = rng.normal(size=(4, 5)), rng.normal(size=(4, 5))
print("relu   dZ:", error_relativo(relu_atras(dA, Z), gradiente_numerico(lambda Z_: np.sum(dA * relu_adelante(Z_)[0]), Z)))

y = rng.integers(0, 5, size=4)
print("softmax dZ:", error_relativo(softmax_entropia(Z, y)[1], gradiente_numerico(lambda Z_: softmax_entropia(Z_, y)[0], Z)))

# %% [markdown]
# ## 7. La red de dos capas
#
# Nuestra red es
#
# $$X \xrightarrow{\text{densa } (W_1, b_1)} Z_1 \xrightarrow{\text{ReLU}} A_1
#   \xrightarrow{\text{densa } (W_2, b_2)} Z_2 \xrightarrow{\text{softmax + entropía cruzada}} L$$
#
# con $d$ entradas, $h$ unidades ocultas y $k$ clases.
#
# ### 7.1 Inicialización ({puntos:inicializar_red} puntos)
#
# Si todos los pesos empiezan iguales, todas las neuronas ocultas calculan lo mismo y reciben el mismo
# gradiente: nunca se diferencian. Por eso los pesos empiezan **al azar**, y con una escala cuidada: con
# ReLU, la **inicialización de He** usa $W \sim \mathcal{N}(0, 1) \cdot \sqrt{2 / \text{fan\_in}}$, donde
# fan_in es el número de entradas de la capa ($d$ para $W_1$, $h$ para $W_2$), para que la varianza de
# las activaciones no crezca ni se apague de capa en capa. Los sesgos empiezan en cero.
#
# Para que el resultado sea reproducible, usa `rng = np.random.default_rng(semilla)` y genera
# **primero** `W1 = rng.normal(size=(d, h)) * np.sqrt(2 / d)` y **después**
# `W2 = rng.normal(size=(h, k)) * np.sqrt(2 / h)`.

# %% solucion="inicializar_red"

# %% libre=true
params = inicializar_red(2, 3, 2, semilla=0)
for nombre, valor in params.items():
    print(nombre, valor.shape)

# %% prueba="inicializar_red"
comprobar("inicializar_red", inicializar_red)

# %% [markdown]
# ### 7.2 Pérdida y gradientes ({puntos:perdida_y_gradientes} puntos)
#
# Encadena tus capas: hacia adelante `densa_adelante` → `relu_adelante` → `densa_adelante` →
# `softmax_entropia` (que ya te da $dZ_2$), y hacia atrás en orden inverso, guardando cada gradiente
# en el diccionario `grads`:
#
# 1. `dA1, grads["W2"], grads["b2"] = densa_atras(dZ2, cache_densa2)`
# 2. `dZ1 = relu_atras(dA1, cache_relu)`
# 3. `_, grads["W1"], grads["b1"] = densa_atras(dZ1, cache_densa1)`
#
# Así cada capa solo sabe de sí misma y la regla de la cadena hace el resto.

# %% solucion="perdida_y_gradientes"

# %% libre=true
# Verificación numérica de la red completa: los cuatro errores relativos deben ser < 1e-7.
rng = np.random.default_rng(1)
params = inicializar_red(4, 6, 3, semilla=1)
X, y = rng.normal(size=(5, 4)), rng.integers(0, 3, size=5)
perdida, grads = perdida_y_gradientes(params, X, y)
print("pérdida:", perdida)
for nombre in params:
    numerico = gradiente_numerico(lambda valor: perdida_y_gradientes({**params, nombre: valor}, X, y)[0],
                                  params[nombre].copy())
    print(nombre, error_relativo(grads[nombre], numerico))

# %% prueba="perdida_y_gradientes"
comprobar("perdida_y_gradientes", perdida_y_gradientes)

# %% [markdown]
# ## 8. Entrenamiento y predicción
#
# ### 8.1 Descenso de gradiente estocástico por mini-lotes ({puntos:entrenar_red} puntos)
#
# En lugar de calcular el gradiente con todos los ejemplos en cada paso, lo estimamos con un
# **mini-lote** de `tam_lote` ejemplos: cada paso es mucho más barato y el ruido de la estimación
# incluso ayuda a escapar de malas regiones. Una **época** es una pasada completa por los datos:
#
# 1. `params = inicializar_red(d, h, k, semilla)`, con `k = max(y) + 1`, y
#    `rng = np.random.default_rng(semilla)` (una sola vez, antes de la primera época);
# 2. en cada época, `orden = rng.permutation(n)` y, para cada bloque consecutivo de `tam_lote` índices
#    de `orden` (el último puede ser más corto), calcula `perdida_y_gradientes` con esos ejemplos y
#    actualiza **cada** parámetro: $p \leftarrow p - \eta\, \partial L / \partial p$ ($\eta$ = `tasa`);
# 3. guarda en `historial` la media de las pérdidas de los mini-lotes de la época.
#
# Al calificar se comprueba el **comportamiento**: que tu red resuelva XOR y que llegue a 0.95 de
# exactitud en los dígitos de prueba con los hiperparámetros que fija el calificador.

# %% solucion="entrenar_red"

# %% prueba="entrenar_red"
comprobar("entrenar_red", entrenar_red)

# %% [markdown]
# ### 8.2 Predicción ({puntos:predecir_red} puntos)
#
# La clase predicha es la del logit más alto: $\hat{y}_i = \arg\max_j (Z_2)_{ij}$ (`np.argmax(..., axis=1)`;
# en caso de empate gana la primera clase). No hace falta aplicar softmax: es creciente, así que no
# cambia cuál es el máximo.

# %% solucion="predecir_red"

# %% prueba="predecir_red"
comprobar("predecir_red", predecir_red)

# %% [markdown]
# ## 9. Experimentos
#
# Estas celdas no se califican (el calificador no las ejecuta), pero son la recompensa de todo lo
# anterior.
#
# ### 9.1 XOR
#
# Un perceptrón no puede separar XOR con una recta. Con una capa oculta, sí: la capa oculta transforma
# los cuatro puntos en una representación donde las clases son separables linealmente.

# %% omitir_al_calificar=true
X_xor = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
y_xor = np.array([0, 1, 1, 0])
params_xor, historial_xor = entrenar_red(X_xor, y_xor, h=16, tasa=0.5, epocas=200, tam_lote=4, semilla=0)
print("predicciones:", predecir_red(params_xor, X_xor), "| etiquetas:", y_xor)
print(f"pérdida: {historial_xor[0]:.3f} en la primera época, {historial_xor[-1]:.4f} en la última")

# %% [markdown]
# ### 9.2 Dígitos manuscritos de 8×8 (UCI optdigits)
#
# El conjunto *optdigits* de UCI tiene imágenes de 8×8 píxeles con valores de 0 a 16: 3823 para entrenar
# y 1797 para evaluar, escritas por personas distintas. Estandarizamos cada píxel con la media y la
# desviación típica del **entrenamiento** (los píxeles que siempre valen lo mismo quedan en 0) y
# entrenamos una red con 64 unidades ocultas. El objetivo es superar 0.95 de exactitud en las imágenes
# de prueba; con estos hiperparámetros tarda unos segundos.

# %% omitir_al_calificar=true
import matplotlib.pyplot as plt

from source_data import cargar_optdigits

(x_train, y_train), (x_test, y_test) = cargar_optdigits()
media, desviacion = x_train.mean(axis=0), x_train.std(axis=0)
desviacion[desviacion == 0] = 1.0
X_train, X_test = (x_train - media) / desviacion, (x_test - media) / desviacion
y_train, y_test = y_train.astype(int), y_test.astype(int)

params, historial = entrenar_red(X_train, y_train, h=64, tasa=0.2, epocas=20, tam_lote=64, semilla=0)
print("exactitud en entrenamiento:", np.mean(predecir_red(params, X_train) == y_train))
print("exactitud en prueba:       ", np.mean(predecir_red(params, X_test) == y_test))

figura, (curva, ejemplos) = plt.subplots(1, 2, figsize=(11, 3.5))
curva.plot(range(1, len(historial) + 1), historial, marker="o")
curva.set_xlabel("época")
curva.set_ylabel("entropía cruzada (media de los mini-lotes)")
curva.set_title("Curva de pérdida")
prediccion = predecir_red(params, X_test[:12])
ejemplos.imshow(np.hstack([imagen.reshape(8, 8) for imagen in x_test[:12]]), cmap="gray_r")
ejemplos.set_title("predicción: " + " ".join(str(p) for p in prediccion))
ejemplos.axis("off")
plt.show()

# %% [markdown]
# **Para pensar.** ¿Qué pasa con `tasa=2.0`? ¿Y con `h=4`? ¿Cuántas épocas hacen falta para pasar de
# 0.95? Compara la exactitud de entrenamiento con la de prueba: ¿hay sobreajuste?
#
# ## Antes de entregar
#
# Reinicia el núcleo y ejecuta todo (*Kernel → Restart & Run All*): todas las celdas de comprobación
# deben pasar. La calificación final usa además casos ocultos, así que no ajustes tu código a los
# ejemplos.
