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
# # Tarea 16 — Optimizadores: SGD con momento, RMSProp y Adam
#
# Hasta ahora hemos entrenado con el descenso de gradiente «a secas» (tarea 02) y, en Keras, hemos escrito
# `optimizer="adam"` o `"sgd"` sin mirar qué hacen. En esta tarea programas, solo con NumPy, **un paso** de
# cada uno de tres optimizadores, exactamente como los implementa Keras, y los comparas:
#
# 1. `paso_momento`: descenso de gradiente con **momento** (`keras.optimizers.SGD(momentum=...)`);
# 2. `paso_rmsprop`: **RMSProp**, una tasa de aprendizaje adaptativa por parámetro (`keras.optimizers.RMSprop`);
# 3. `paso_adam`: **Adam**, momento + RMSProp + corrección de sesgo (`keras.optimizers.Adam`);
# 4. `minimizar`: aplica cualquiera de ellos (o SGD sin momento) muchos pasos sobre una función de gradiente.
#
# **Cómo se califica** ({puntos} puntos). Cada función vale los puntos indicados en su sección. La celda de prueba
# que sigue a cada función ejecuta *comprobaciones públicas* y te explica qué falla; al calificar se añaden
# *casos ocultos* con otras entradas, generadas para cada alumno (otras formas, tasas, pasos $t$, gradientes
# diminutos), y solo esos dan puntos. Los resultados se comparan con una solución de referencia en NumPy que
# coincide con Keras 3 (lo comprueba una prueba del curso que ejecuta los optimizadores de Keras). Un error en
# un paso solo cuesta los puntos de ese paso: `minimizar` se califica con los pasos de la referencia.
# Escribe tu código solo entre `# TU CÓDIGO AQUÍ` y el `return`; no cambies nombres ni firmas.
#
# También puedes comprobar el cuaderno completo desde una terminal:
# `python -m autograder comprobar 16_optimizadores.ipynb`.

# %%
import numpy as np

from autograder.comprobar import Comprobaciones

comprobar = Comprobaciones("16_optimizadores")
np.set_printoptions(precision=5, suppress=True)

# %% [markdown]
# ## Lo que dicen las diapositivas
#
# Las diapositivas de Granada («Entrenamiento — Aprendizaje — Algoritmos de optimización») resumen así el
# descenso de gradiente:
#
# > En cada iteración... $\Delta w_{ij} = -\eta \frac{\partial E}{\partial w_{ij}}$
# >
# > Gradiente descendente por lotes: calcula gradientes para todo el conjunto de entrenamiento.
# > Gradiente descendente estocástico: calcula gradientes para una instancia del conjunto de entrenamiento.
# > Gradiente descendente con mini-lotes: calcula gradientes para un subconjunto de instancias del conjunto
# > de entrenamiento ...y actualiza pesos.
# >
# > Tasas de aprendizaje adaptativas: Adagrad, Adadelta, RMSProp, Adam, Nadam
#
# y remiten a S. Ruder (2016), *An overview of gradient descent optimization algorithms*
# (<https://arxiv.org/abs/1609.04747>). Las tres variantes (por lotes, estocástico, mini-lotes) ya las
# programaste en la tarea 02: se distinguen por **cuántos ejemplos** se usan para calcular el gradiente. Esta
# tarea trata la otra mitad de la diapositiva: **cómo se usa** ese gradiente. Las diapositivas solo nombran los
# optimizadores adaptativos; aquí escribimos sus fórmulas.
#
# **Una errata de las diapositivas.** Una diapositiva anterior deriva el error cuadrático así:
# $\frac{\partial E}{\partial w_{ij}} = \frac{\partial \left( \frac{1}{Z} (y - \hat{y}(w))^2 \right)}{\partial w_{ij}}
# = -(y - \hat{y}) h'(x_j) y_i$. Al derivar el cuadrado sale un factor $2$ y el $\frac{1}{Z}$ no desaparece: lo
# correcto es $-\frac{2}{Z}(y - \hat{y})\,\frac{\partial \hat{y}}{\partial w_{ij}}$. Como es un factor constante,
# se puede «esconder» dentro de $\eta$, y por eso muchos textos lo omiten, pero no es una igualdad (en la tarea 02
# el gradiente del ECM lleva su $\frac{2}{n\,m}$).
#
# ## El problema del descenso de gradiente: los valles estrechos
#
# Con $\Delta w = -\eta\, \nabla E$ todos los pesos usan la **misma** tasa $\eta$. Si la pérdida es mucho más
# empinada en una dirección que en otra (un valle estrecho, una función *mal condicionada*), una $\eta$ que no
# diverge en la dirección empinada avanza muy despacio en la plana. Usaremos como ejemplo
#
# $$f(w) = \tfrac{1}{2}\left(w_1^2 + 50\, w_2^2\right), \qquad \nabla f(w) = (w_1,\; 50\, w_2)$$
#
# cuyo mínimo está en $(0, 0)$: en $w_2$ es 50 veces más empinada que en $w_1$. Si $\eta > 2/50$, los pasos en
# $w_2$ se pasan del mínimo cada vez más lejos y el descenso diverge; con $\eta = 1/50$, en $w_1$ cada paso solo
# reduce la distancia al mínimo en un 2 %.

# %%
def gradiente_valle(w):
    """Gradiente de f(w) = ½ (w₁² + 50 w₂²)."""
    return np.array([1.0, 50.0]) * w


def perdida_valle(w):
    return 0.5 * (w[..., 0] ** 2 + 50.0 * w[..., 1] ** 2)


w_inicial = np.array([-4.0, 1.0])

# %% [markdown]
# ## 1. Momento ({puntos:paso_momento} puntos)
#
# La idea del **momento** es la de una bola que rueda: acumula una *velocidad* $v$ que recuerda los pasos
# anteriores. En el valle, los gradientes en la dirección empinada cambian de signo en cada paso y se cancelan en
# $v$, mientras que en la dirección plana apuntan siempre igual y se suman: la bola acelera hacia el mínimo.
#
# **La convención de Keras.** En Keras 3 (`keras/src/optimizers/sgd.py`, método `update_step`) un paso es
#
# $$v \leftarrow \beta\, v - \eta\, g, \qquad w \leftarrow w + v$$
#
# con $\beta$ el argumento `momentum` (en esta tarea, `beta`), $\eta$ la tasa (`tasa`) y $v$ que empieza en ceros.
# Desde $v = 0$ el primer paso es un paso de SGD: $v = -\eta g$, $w = w - \eta g$.
#
# **Otra convención, igual de válida.** PyTorch y muchos libros escriben $v \leftarrow \beta v + g$ y
# $w \leftarrow w - \eta v$. Con $v = 0$ al principio y una tasa fija, producen los **mismos** $w$ (la $v$ de Keras
# es $-\eta$ veces la otra), pero la $v$ que se guarda es distinta. Aquí se pide la de Keras, y las comprobaciones
# reconocen la otra y te lo dicen. Tampoco es la media móvil $v \leftarrow \beta v + (1 - \beta) g$ de algunos cursos.
#
# **Ejemplo.** Con $w = [1, -2]$, $g = [0.5, 1]$, $v = [0.1, -0.2]$, $\eta = 0.1$ y $\beta = 0.9$:
# $v = 0.9 \cdot [0.1, -0.2] - 0.1 \cdot [0.5, 1] = [0.04, -0.28]$ y $w = [1.04, -2.28]$. Observa que $w_1$ **sube**
# aunque su gradiente pide bajar: la velocidad acumulada todavía lo empuja.

# %% solucion="paso_momento"

# %% libre=true
print(paso_momento(np.array([1.0, -2.0]), np.array([0.5, 1.0]), np.array([0.1, -0.2]), tasa=0.1, beta=0.9))
# (array([ 1.04, -2.28]), array([ 0.04, -0.28]))

# %% prueba="paso_momento"
comprobar("paso_momento", paso_momento)

# %% [markdown]
# ## 2. RMSProp ({puntos:paso_rmsprop} puntos)
#
# Las diapositivas hablan de **tasas de aprendizaje adaptativas**: en lugar de una $\eta$ común, cada parámetro
# divide su paso por la magnitud típica de **su** gradiente. RMSProp (Hinton, 2012) lleva una media móvil $s$ de
# los cuadrados del gradiente y divide por su raíz (la *raíz de la media de los cuadrados*, RMS):
#
# $$s \leftarrow \rho\, s + (1 - \rho)\, g^2, \qquad w \leftarrow w - \eta\, \frac{g}{\sqrt{s + \varepsilon}}$$
#
# todo elemento a elemento, con $s$ que empieza en ceros. En la dirección empinada del valle $g$ es grande, $s$
# también, y el paso se reduce; en la plana, el paso se agranda. Ese es el «adaptativo».
#
# **Dónde va $\varepsilon$.** Muchos libros (y el artículo de Ruder) escriben $\sqrt{s} + \varepsilon$. Keras 3
# (`keras/src/optimizers/rmsprop.py`, `update_step` con `centered=False`, el valor por defecto) lo pone **dentro** de la
# raíz: `lr * g / sqrt(velocity + epsilon)`. Aquí se pide la convención de Keras. Solo se nota cuando $s$ es del
# orden de $\varepsilon = 10^{-7}$ o menor, es decir, con gradientes diminutos: con $g = 10^{-4}$ y $s = 0$,
# $s_{\text{nuevo}} = 10^{-9}$, $\sqrt{s + \varepsilon} \approx 3.2 \cdot 10^{-4}$ pero $\sqrt{s} + \varepsilon \approx
# 3.2 \cdot 10^{-5}$: ¡un paso diez veces mayor! Una comprobación pública usa esos gradientes.
#
# **Ejemplo.** Con $w = [1, -1]$, $g = [0.2, -0.4]$, $s = [0.01, 0.04]$, $\eta = 0.01$ y $\rho = 0.9$:
# $s = 0.9 \cdot [0.01, 0.04] + 0.1 \cdot [0.04, 0.16] = [0.013, 0.052]$ y
# $w \approx [1 - 0.01 \cdot 0.2 / 0.11402,\; -1 + 0.01 \cdot 0.4 / 0.22804] \approx [0.98246, -0.98246]$. Los dos
# pesos se mueven **lo mismo** aunque un gradiente sea el doble del otro: RMSProp normaliza la escala.

# %% solucion="paso_rmsprop"

# %% libre=true
print(paso_rmsprop(np.array([1.0, -1.0]), np.array([0.2, -0.4]), np.array([0.01, 0.04]), tasa=0.01, rho=0.9))
# (array([ 0.98246, -0.98246]), array([0.013, 0.052]))

# %% prueba="paso_rmsprop"
comprobar("paso_rmsprop", paso_rmsprop)

# %% [markdown]
# ## 3. Adam ({puntos:paso_adam} puntos)
#
# **Adam** (Kingma y Ba, 2014) combina las dos ideas: una media móvil $m$ del gradiente (como el momento) y una
# media móvil $v$ de su cuadrado (como RMSProp), las dos empezando en ceros:
#
# $$m \leftarrow \beta_1 m + (1 - \beta_1)\, g, \qquad v \leftarrow \beta_2 v + (1 - \beta_2)\, g^2$$
#
# **La corrección de sesgo.** Como $m$ y $v$ empiezan en 0, en los primeros pasos son demasiado pequeñas: tras el
# primer paso $m = 0.1\, g$ con $\beta_1 = 0.9$. En el paso número $t$ (el primero es $t = 1$) se corrigen
# dividiendo por $1 - \beta_1^t$ y $1 - \beta_2^t$. La fórmula **de libro** es
#
# $$\hat m = \frac{m}{1 - \beta_1^t}, \qquad \hat v = \frac{v}{1 - \beta_2^t}, \qquad
#   w \leftarrow w - \eta\, \frac{\hat m}{\sqrt{\hat v} + \varepsilon}$$
#
# **La de Keras.** Keras 3 (`keras/src/optimizers/adam.py`, `update_step`, con `local_step = iterations + 1`, así
# que el primer paso es $t = 1$) mete la corrección en la tasa y suma $\varepsilon$ a la raíz de $v$ **sin
# corregir**:
#
# $$\alpha = \eta\, \frac{\sqrt{1 - \beta_2^t}}{1 - \beta_1^t}, \qquad w \leftarrow w - \alpha\, \frac{m}{\sqrt{v} + \varepsilon}$$
#
# Si desarrollas la de libro, $\eta \frac{m/(1-\beta_1^t)}{\sqrt{v}/\sqrt{1-\beta_2^t} + \varepsilon} =
# \alpha \frac{m}{\sqrt{v} + \varepsilon\sqrt{1 - \beta_2^t}}$: las dos son iguales salvo que en la de libro el
# $\varepsilon$ efectivo es $\varepsilon\sqrt{1-\beta_2^t}$ (en $t = 1$, unas 30 veces menor). Con gradientes
# normales no se distinguen; con gradientes de orden $10^{-6}$ sí, y las comprobaciones lo miran. Se pide la de
# Keras. Fíjate también en que en Adam $\varepsilon$ va **fuera** de la raíz, al revés que en el RMSprop de Keras.
#
# La función recibe $m$, $v$ y el número de paso $t \geq 1$ y devuelve $w$, $m$ y $v$ nuevos (las medias **sin
# corregir**, que son las que se guardan para el paso siguiente).
#
# **Ejemplo.** $w = [1, -1]$, $g = [0.2, -0.4]$, $m = [0.1, -0.1]$, $v = [0.01, 0.02]$, $t = 3$, $\eta = 0.01$:
# $m = [0.11, -0.13]$, $v = [0.01003, 0.02014]$, $\alpha = 0.01 \cdot \sqrt{1 - 0.999^3} / (1 - 0.9^3) \approx 0.002020$
# y $w \approx [0.99778, -0.99815]$.

# %% solucion="paso_adam"

# %% libre=true
print(paso_adam(np.array([1.0, -1.0]), np.array([0.2, -0.4]), np.array([0.1, -0.1]), np.array([0.01, 0.02]), 3,
                tasa=0.01))
# (array([ 0.99778, -0.99815]), array([ 0.11, -0.13]), array([0.01003, 0.02014]))

# %% prueba="paso_adam"
comprobar("paso_adam", paso_adam)

# %% [markdown]
# ## 4. Minimizar con cualquiera de ellos ({puntos:minimizar} puntos)
#
# `minimizar(grad, w0, optimizador, pasos, **hiperparametros)` parte de `w0` y aplica `pasos` pasos:
#
# - `grad` es una función: `grad(w)` devuelve el gradiente de la pérdida en `w`;
# - `optimizador` es uno de estos nombres: `"sgd"` (sin momento: $w \leftarrow w - \eta g$, con $\eta$ =
#   `hiperparametros.get("tasa", 0.01)`, el valor por defecto de `keras.optimizers.SGD`), `"momento"`
#   (`paso_momento`), `"rmsprop"` (`paso_rmsprop`) o `"adam"` (`paso_adam`); otro nombre lanza `ValueError`
#   (ya está escrito);
# - `**hiperparametros` se pasan tal cual a la función del paso (por ejemplo `tasa=0.1, beta=0.9`);
# - el estado ($v$, $s$, o $m$ y $v$) empieza en ceros **una vez**, antes del bucle, y se guarda de un paso al
#   siguiente; en Adam el primer paso es $t = 1$.
#
# Devuelve `(w, historial)`: `w` es el punto final y `historial` un array de forma `(pasos + 1, *w0.shape)` con
# `historial[0] = w0` e `historial[k]` el punto tras `k` pasos.
#
# Al calificar, `minimizar` se ejecuta con los pasos de la referencia (si uno de tus pasos falla, aquí no te
# cuesta puntos) y se comprueban las trayectorias de los cuatro optimizadores y una cuadrática mal condicionada
# generada para ti, $f(w) = \frac12 (w - c)^\top A (w - c)$ con $A = \mathrm{diag}(1, \kappa)$ y $\kappa$ entre 50 y
# 100: SGD y momento con $\eta = 1/\kappa$ ($\beta = 0.9$) y Adam con $\eta$ = {valor:TASA_ADAM_MAL_CONDICIONADA}
# deben llegar a $f(w) \le$ {valor:OBJETIVO_RELATIVO}$\cdot f(w_0)$ en {valor:PASOS_MAL_CONDICIONADA} pasos, y el
# momento y Adam en **menos pasos que SGD**. (Con la referencia, en 300 cuadráticas así, SGD necesita entre 112 y
# 267 pasos; el momento y Adam, como mucho la mitad que SGD.)

# %% solucion="minimizar"

# %% [markdown]
# La celda siguiente, ya escrita, es la que usa el calificador: como una función no se puede enviar al proceso
# aislado que ejecuta tu código, le envía $A$ y $c$ y esta celda construye el gradiente y llama a tu `minimizar`.
# No la cambies.

# %%
def minimizar_cuadratica(A, centro, w0, optimizador, pasos, **hiperparametros):
    """minimizar sobre f(w) = ½ (w - centro)ᵀ A (w - centro), cuyo gradiente es A (w - centro)."""
    A, centro = np.asarray(A, dtype=float), np.asarray(centro, dtype=float)
    return minimizar(lambda w: A @ (w - centro), w0, optimizador, pasos, **hiperparametros)


# %% prueba="minimizar"
comprobar("minimizar", minimizar, minimizar_cuadratica)

# %% [markdown]
# ## 5. Los cuatro optimizadores en el valle
#
# Dibujamos las trayectorias en el valle $f(w) = \frac12(w_1^2 + 50 w_2^2)$ desde $(-4, 1)$: SGD y momento con
# $\eta = 1/50$ (el momento con $\beta = 0.9$), RMSProp y Adam con $\eta = 0.1$.

# %% omitir_al_calificar=true
import matplotlib.pyplot as plt

configuraciones = {"sgd": {"tasa": 0.02}, "momento": {"tasa": 0.02, "beta": 0.9},
                   "rmsprop": {"tasa": 0.1}, "adam": {"tasa": 0.1}}
trayectorias = {nombre: minimizar(gradiente_valle, w_inicial, nombre, 150, **h)[1]
                for nombre, h in configuraciones.items()}

u, w2 = np.meshgrid(np.linspace(-4.5, 1.5, 200), np.linspace(-1.5, 1.5, 200))
figura, (ejes_1, ejes_2) = plt.subplots(1, 2, figsize=(13, 4.5))
ejes_1.contour(u, w2, perdida_valle(np.stack([u, w2], axis=-1)), levels=np.geomspace(0.01, 60, 15), cmap="Greys")
for nombre, H in trayectorias.items():
    ejes_1.plot(H[:60, 0], H[:60, 1], ".-", markersize=3, label=nombre)
    ejes_2.semilogy(perdida_valle(H), label=nombre)
ejes_1.set_title("Primeros 60 pasos en el valle")
ejes_1.set_xlabel("$w_1$")
ejes_1.set_ylabel("$w_2$")
ejes_1.legend()
ejes_2.set_title("Pérdida por paso (escala logarítmica)")
ejes_2.set_xlabel("paso")
ejes_2.legend()
plt.show()
for nombre, H in trayectorias.items():
    print(f"{nombre:8s} pérdida tras 150 pasos: {perdida_valle(H[-1]):.2e}")

# %% [markdown]
# **Qué se ve.** SGD baja enseguida en $w_2$ (la dirección empinada) y luego se arrastra por el fondo del valle en
# $w_1$. El momento oscila al principio pero acelera a lo largo del valle. RMSProp y Adam dan pasos de tamaño
# parecido en las dos coordenadas (dividen por la escala de cada gradiente), así que van casi en diagonal hacia el
# mínimo; con una tasa fija, RMSProp acaba oscilando alrededor del mínimo con una amplitud del orden de $\eta$
# (Adam lo amortigua con su media $m$). Por eso en la práctica se baja la tasa al final del entrenamiento.
#
# **Una advertencia honesta.** Lo «adaptativo» es **por coordenada**. Si el valle estuviera girado (sus ejes no
# coinciden con $w_1$ y $w_2$), dividir cada coordenada por su escala ya no lo endereza, y Adam con los valores por
# defecto puede ser incluso más lento que SGD en una cuadrática así (lo medimos al calibrar esta tarea: hasta unas
# 3 veces más lento). El momento, en cambio, no depende de la orientación. En redes reales Adam funciona bien
# porque muchas direcciones mal escaladas sí corresponden a parámetros concretos (por ejemplo, pesos de entradas
# con escalas distintas).
#
# ## 6. Los mismos optimizadores en Keras
#
# En Keras se eligen al compilar. Con los nombres de esta tarea:
#
# ```python
# keras.optimizers.SGD(learning_rate=tasa)                    # "sgd"
# keras.optimizers.SGD(learning_rate=tasa, momentum=beta)     # "momento"
# keras.optimizers.RMSprop(learning_rate=tasa, rho=rho)       # "rmsprop" (epsilon=1e-7, centered=False)
# keras.optimizers.Adam(learning_rate=tasa, beta_1=beta1, beta_2=beta2)   # "adam" (epsilon=1e-7)
# ```
#
# `optimizer="rmsprop"` (la Práctica 1 de MNIST) y `optimizer="adam"` usan los valores por defecto: tasa 0.001,
# como las firmas de `paso_rmsprop` y `paso_adam`. La tasa por defecto de `"sgd"` es 0.01 y su `momentum` por
# defecto es 0 (SGD sin momento); `paso_momento` usa `beta=0.9` por defecto, un valor habitual.
#
# ## Antes de entregar
#
# Reinicia el núcleo y ejecuta todo (*Kernel → Restart & Run All*): todas las celdas de prueba deben pasar.
# Recuerda que la calificación usa además casos ocultos, así que no ajustes tu código a los ejemplos.
