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
# # Tarea 01 — El perceptrón
#
# El perceptrón (Frank Rosenblatt, 1958) es la neurona artificial más sencilla y el punto de partida de
# todas las redes neuronales del curso. En esta tarea lo programas desde cero con NumPy, lo entrenas para
# que aprenda las puertas lógicas AND y OR, descubres por qué **no puede** aprender XOR y resuelves XOR
# con una red de dos capas.
#
# | parte | qué haces | puntos |
# |---|---|---|
# | 1. `escalon` | la función de activación del perceptrón | {puntos:escalon} |
# | 2. `salida_perceptron` | la decisión del perceptrón para muchos ejemplos a la vez | {puntos:salida_perceptron} |
# | 3. `entrenar_perceptron` | la regla de aprendizaje del perceptrón | {puntos:entrenar_perceptron} |
# | 4. `red_xor` | XOR con una red de dos capas y pesos puestos a mano | {puntos:red_xor} |
# | total | | {puntos} |
#
# **Cómo se califica.** Cada función vale los puntos indicados. La celda de prueba que sigue a cada
# función ejecuta *comprobaciones públicas* (las mismas que verás al calificar) y te explica qué falla.
# Al calificar se añaden *casos ocultos* con otras entradas (otras formas, un solo ejemplo, valores
# exactamente en 0, datos aleatorios), que se generan para cada alumno. Escribe tu código solo entre
# `# TU CÓDIGO AQUÍ` y el `return`; no cambies los nombres ni las firmas de las funciones.
#
# También puedes comprobar el cuaderno completo desde una terminal:
# `python -m autograder comprobar 01_perceptron.ipynb`.

# %%
import numpy as np

from autograder.comprobar import Comprobaciones

comprobar = Comprobaciones("01_perceptron")
np.set_printoptions(precision=3, suppress=True)

# %% [markdown]
# ## De la neurona biológica al perceptrón
#
# **La neurona biológica.** Una neurona recibe señales de otras neuronas por sus *dendritas*; cada
# conexión (*sinapsis*) es más o menos fuerte y puede excitar o inhibir. El *cuerpo celular* acumula
# esas señales y, si la suma supera un umbral, la neurona se *dispara*: envía un impulso por su *axón*
# hacia otras neuronas. Es una respuesta de todo o nada.
#
# **La neurona artificial** copia esa idea con números:
#
# - las entradas son números $x_1, \dots, x_d$ (las señales que llegan);
# - cada entrada tiene un **peso** $w_i$ (la fuerza de la sinapsis; negativo si inhibe);
# - la neurona calcula la **suma ponderada** $z = w_1 x_1 + \dots + w_d x_d + b = \mathbf{w} \cdot \mathbf{x} + b$;
# - y le aplica una **función de activación** $f$ para producir la salida $\hat{y} = f(z)$.
#
# **El perceptrón** es la neurona artificial cuya activación es el **escalón**: la salida es 1 (se
# dispara) si la suma ponderada llega al umbral y 0 si no. El número $b$ se llama **sesgo** y es el
# umbral cambiado de signo: $\mathbf{w} \cdot \mathbf{x} \ge \theta$ es lo mismo que
# $\mathbf{w} \cdot \mathbf{x} + b \ge 0$ con $b = -\theta$.
#
# ### Un ejemplo: ¿voy al evento?
#
# Decido si voy a un evento según tres preguntas de sí (1) o no (0): $x_1$ = ¿hace buen tiempo?,
# $x_2$ = ¿me acompaña alguien?, $x_3$ = ¿hay transporte? A cada razón le doy un peso según lo que me
# importa: $w_1 = 6$ (el tiempo me importa mucho), $w_2 = 2$, $w_3 = 2$. Voy si $6x_1 + 2x_2 + 2x_3 \ge \theta$.
#
# - **Umbral $\theta = 3$.** Con buen tiempo voy siempre ($6 \ge 3$). Sin buen tiempo voy solo si tengo
#   compañía *y* transporte ($2 + 2 = 4 \ge 3$); una sola de las dos no basta ($2 < 3$).
# - **Umbral $\theta = 5$.** Ahora solo decide el tiempo: con buen tiempo $6 \ge 5$, y sin él lo máximo
#   es $4 < 5$. Subir el umbral hace al perceptrón más exigente.
# - **Peso $w_1 = 2$ (con $\theta = 3$, como en la diapositiva).** Si el tiempo me importa tanto como lo
#   demás, ya no basta por sí solo ($2 < 3$): voy cuando se cumplen al menos dos de las tres cosas
#   ($2 + 2 = 4 \ge 3$).
#
# El mismo «circuito» toma decisiones distintas según sus pesos y su umbral: **aprender** consistirá en
# encontrar esos números a partir de ejemplos. La celda siguiente recorre las 8 situaciones posibles.
#
# **¿Llegar al umbral o sobrepasarlo?** Las diapositivas dicen que la neurona se activa cuando la suma
# *sobrepasa* el umbral ($>$), y aquí el escalón da 1 cuando lo *alcanza* ($\ge$, es decir, 1 donde
# $z \ge 0$); en este ejemplo da igual, porque las sumas posibles (0, 2, 4, 6, 8, 10) son pares y los
# umbrales (3 y 5) impares, así que ninguna suma cae justo en el umbral.

# %% omitir_al_calificar=true
# Las 8 combinaciones de (tiempo, compañía, transporte) y la decisión con cada configuración.
situaciones = np.array([[x1, x2, x3] for x1 in (0, 1) for x2 in (0, 1) for x3 in (0, 1)])
configuraciones = {
    "w=[6,2,2], umbral 3": (np.array([6, 2, 2]), 3),
    "w=[6,2,2], umbral 5": (np.array([6, 2, 2]), 5),
    "w=[2,2,2], umbral 3": (np.array([2, 2, 2]), 3),
}
print("tiempo compañía transporte |", " | ".join(configuraciones))
for x in situaciones:
    decisiones = ["voy   " if x @ w >= umbral else "no voy" for w, umbral in configuraciones.values()]
    print(f"  {x[0]}        {x[1]}         {x[2]}      |", " | ".join(f"{d:^19}" for d in decisiones))

# %% [markdown]
# ## 1. La función escalón ({puntos:escalon} puntos)
#
# La activación del perceptrón es la función escalón (de Heaviside):
#
# $$\operatorname{escalon}(z) = \begin{cases} 1 & \text{si } z \ge 0 \\ 0 & \text{si } z < 0 \end{cases}$$
#
# Fíjate en el caso $z = 0$: vale **1** (la suma ponderada *llega* al umbral). Programa `escalon` para
# que funcione con arrays de cualquier forma, elemento a elemento y sin bucles, y que devuelva floats
# (`1.0` y `0.0`). Una comparación como `z >= 0` da un array de booleanos: conviértelo a float
# (`np.where` o `.astype(float)`).
#
# **Ejemplo.** `escalon([-2, -0.5, 0, 0.5, 3])` es `[0., 0., 1., 1., 1.]`.

# %% solucion="escalon"

# %% libre=true
print(escalon(np.array([-2.0, -0.5, 0.0, 0.5, 3.0])))   # [0. 0. 1. 1. 1.]
print(escalon(np.array([[-1.0, 0.0], [2.0, -3.0]])))      # la misma forma que la entrada

# %% prueba="escalon"
comprobar("escalon", escalon)

# %% [markdown]
# ## 2. La salida del perceptrón ({puntos:salida_perceptron} puntos)
#
# Con $n$ ejemplos en las filas de una matriz $X$ de forma $(n, d)$, las $n$ sumas ponderadas se calculan
# de una vez con un producto matriz-vector, y el perceptrón decide para todos a la vez:
#
# $$\hat{\mathbf{y}} = \operatorname{escalon}(X\mathbf{w} + b), \qquad X: (n, d),\ \mathbf{w}: (d,),\ b \text{ escalar} \ \Rightarrow\ \hat{\mathbf{y}}: (n,)$$
#
# **Ejemplo: puertas lógicas.** Las cuatro entradas de una puerta de dos entradas son las filas de
# `tabla = [[0, 0], [0, 1], [1, 0], [1, 1]]`.
#
# - Con $\mathbf{w} = [1, 1]$ y $b = -1.5$: $X\mathbf{w} + b = [-1.5, -0.5, -0.5, 0.5]$, así que
#   $\hat{\mathbf{y}} = [0, 0, 0, 1]$: es la puerta **AND**.
# - Con $\mathbf{w} = [1, 1]$ y $b = -1$: $X\mathbf{w} + b = [-1, 0, 0, 1]$ y
#   $\hat{\mathbf{y}} = [0, 1, 1, 1]$: la puerta **OR** (los dos ceros dan 1).
#
# Usa tu función `escalon` y no olvides el sesgo.

# %% solucion="salida_perceptron"

# %% libre=true
tabla = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
print("AND:", salida_perceptron(tabla, np.array([1.0, 1.0]), -1.5))   # [0. 0. 0. 1.]
print("OR: ", salida_perceptron(tabla, np.array([1.0, 1.0]), -1.0))   # [0. 1. 1. 1.]

# %% prueba="salida_perceptron"
comprobar("salida_perceptron", salida_perceptron)

# %% [markdown]
# ## 3. La regla de aprendizaje del perceptrón ({puntos:entrenar_perceptron} puntos)
#
# En vez de elegir los pesos a mano, el perceptrón los **aprende** de ejemplos $(\mathbf{x}_i, y_i)$
# con $y_i \in \{0, 1\}$. Para cada ejemplo predice $\hat{y}_i = \operatorname{escalon}(\mathbf{x}_i \cdot \mathbf{w} + b)$
# y corrige los pesos según el error $y_i - \hat{y}_i$:
#
# $$\mathbf{w} \leftarrow \mathbf{w} + \eta\,(y_i - \hat{y}_i)\,\mathbf{x}_i \qquad\qquad b \leftarrow b + \eta\,(y_i - \hat{y}_i)$$
#
# donde $\eta$ es la **tasa de aprendizaje** (`tasa`). El error solo puede valer tres cosas:
#
# | $y_i$ | $\hat{y}_i$ | $y_i - \hat{y}_i$ | qué hace la regla |
# |---|---|---|---|
# | 0 | 0 | 0 | acierta: nada cambia |
# | 1 | 1 | 0 | acierta: nada cambia |
# | 1 | 0 | +1 | suma $\eta\,\mathbf{x}_i$ a $\mathbf{w}$ y $\eta$ a $b$: $z$ sube para este ejemplo |
# | 0 | 1 | −1 | resta $\eta\,\mathbf{x}_i$ y $\eta$: $z$ baja para este ejemplo |
#
# Una **época** es una pasada por todos los ejemplos. Se repiten épocas hasta que una termina **sin
# errores** (los pesos ya no cambiarán) o hasta `max_epocas`. El *teorema de convergencia del perceptrón*
# garantiza que, si los datos son **linealmente separables** (una recta, o un hiperplano, deja cada clase
# a un lado), el algoritmo termina en un número finito de pasos.
#
# **Ejemplo a mano.** Un solo ejemplo $\mathbf{x} = [2, 1]$ con $y = 0$ y $\eta = 0.5$:
#
# - Época 1: $\mathbf{w} = [0, 0]$, $b = 0$, así que $z = 0$ y $\hat{y} = 1$ (recuerda: $z = 0$ da 1).
#   Error $0 - 1 = -1$: $\mathbf{w} = [0, 0] + 0.5 \cdot (-1) \cdot [2, 1] = [-1, -0.5]$ y $b = -0.5$.
#   Hubo **1** error en la época.
# - Época 2: $z = -2 - 0.5 - 0.5 = -3$, $\hat{y} = 0$: acierta. **0** errores, así que se para.
#
# Resultado: `w = [-1, -0.5]`, `b = -0.5`, `errores = [1, 0]`.
#
# **Procedimiento exacto** (para que todas las soluciones correctas den lo mismo): los pesos empiezan en
# cero; se crea **un** generador `np.random.default_rng(semilla)` al principio (ya está en el esbozo) y en
# cada época se visitan los ejemplos en el orden `generador.permutation(n)`; `errores[e]` cuenta los
# ejemplos mal clasificados **durante** la época $e$, al visitarlos; se para tras la primera época con 0
# errores. Lee la documentación de la función.

# %% solucion="entrenar_perceptron"

# %% libre=true
print(entrenar_perceptron(np.array([[2.0, 1.0]]), np.array([0]), tasa=0.5))   # w=[-1, -0.5], b=-0.5, [1, 0]

# %% prueba="entrenar_perceptron"
comprobar("entrenar_perceptron", entrenar_perceptron)

# %% [markdown]
# ### AND y OR aprendidos
#
# La celda siguiente entrena un perceptrón para cada puerta, muestra la tabla de verdad con las
# predicciones, la **curva de aprendizaje** (errores por época, que debe llegar a 0) y la **frontera de
# decisión**: la recta $w_1 x_1 + w_2 x_2 + b = 0$ que separa los puntos con salida 1 (región sombreada)
# de los de salida 0.
#
# Fíjate en que la recta aprendida pasa justo por algún punto: ahí $z = 0$ y el escalón da 1, así que el
# punto queda bien clasificado, pero sin ningún margen. La regla del perceptrón se detiene con la primera
# recta que separa los datos, no con la «mejor»; otros métodos (como las máquinas de vectores de soporte)
# buscan la recta más alejada de los puntos.

# %% omitir_al_calificar=true
import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator


def dibujar_frontera(eje, X, y, w, b, titulo):
    """Sombrea la región donde el perceptrón da 1, dibuja la recta w·x + b = 0 y los puntos (rojo si y = 1)."""
    valores = np.linspace(-0.5, 1.5, 201)
    malla_x1, malla_x2 = np.meshgrid(valores, valores)
    region = salida_perceptron(np.column_stack([malla_x1.ravel(), malla_x2.ravel()]), w, b)
    eje.contourf(malla_x1, malla_x2, region.reshape(malla_x1.shape), levels=[-0.5, 0.5, 1.5],
                 colors=["#dde6f5", "#f5d6d6"])
    eje.scatter(X[:, 0], X[:, 1], c=y, cmap="coolwarm", s=150, edgecolors="black", vmin=0, vmax=1)
    x1 = np.linspace(-0.5, 1.5, 50)
    if abs(w[1]) > 1e-12:
        eje.plot(x1, -(w[0] * x1 + b) / w[1], "k--", label="frontera")
    elif abs(w[0]) > 1e-12:
        eje.axvline(-b / w[0], color="k", linestyle="--", label="frontera")
    eje.set(xlim=(-0.5, 1.5), ylim=(-0.5, 1.5), xlabel="$x_1$", ylabel="$x_2$", title=titulo)
    eje.legend(loc="upper right")


tabla = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
puertas = {"AND": np.array([0, 0, 0, 1]), "OR": np.array([0, 1, 1, 1])}
figura, ejes = plt.subplots(2, 2, figsize=(10, 8))
for fila, (nombre, y) in enumerate(puertas.items()):
    w, b, errores = entrenar_perceptron(tabla, y)
    print(f"{nombre}: w = {w}, b = {b:.2f}, errores por época = {errores}")
    print("   x1 x2 | y  ŷ")
    for x, real, predicho in zip(tabla, y, salida_perceptron(tabla, w, b)):
        print(f"   {x[0]:.0f}  {x[1]:.0f}  | {real}  {predicho:.0f}")
    ejes[fila, 0].plot(range(1, len(errores) + 1), errores, "o-")
    ejes[fila, 0].set(xlabel="época", ylabel="errores", title=f"{nombre}: curva de aprendizaje")
    ejes[fila, 0].xaxis.set_major_locator(MaxNLocator(integer=True))
    ejes[fila, 0].yaxis.set_major_locator(MaxNLocator(integer=True))
    dibujar_frontera(ejes[fila, 1], tabla, y, w, b, f"{nombre}: frontera aprendida")
plt.tight_layout()
plt.show()

# %% [markdown]
# ## El problema de XOR
#
# La puerta **XOR** («o exclusivo») da 1 cuando las entradas son distintas:
#
# | $x_1$ | $x_2$ | XOR |
# |---|---|---|
# | 0 | 0 | 0 |
# | 0 | 1 | 1 |
# | 1 | 0 | 1 |
# | 1 | 1 | 0 |
#
# Los dos puntos con salida 1, $(0, 1)$ y $(1, 0)$, están en una diagonal del cuadrado y los dos con
# salida 0 en la otra: **ninguna recta** deja a los primeros a un lado y a los segundos al otro. XOR no es
# *linealmente separable*. Se puede demostrar: un perceptrón que acertara necesitaría
#
# - $(0, 0) \to 0$: $b < 0$;
# - $(0, 1) \to 1$ y $(1, 0) \to 1$: $w_2 + b \ge 0$ y $w_1 + b \ge 0$;
# - $(1, 1) \to 0$: $w_1 + w_2 + b < 0$.
#
# Sumando las dos del medio, $w_1 + w_2 + 2b \ge 0$, es decir, $w_1 + w_2 + b \ge -b > 0$, lo que
# contradice la última. Por eso la regla del perceptrón **nunca** termina una época sin errores con XOR:
# llega a `max_epocas`. Minsky y Papert señalaron esta limitación en 1969 y frenaron durante años el
# interés por las redes neuronales.
#
# La celda siguiente lo comprueba: dibuja los puntos de XOR y la curva de errores, que no llega a 0.

# %% omitir_al_calificar=true
import matplotlib.pyplot as plt

tabla = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
y_xor = np.array([0, 1, 1, 0])
w, b, errores = entrenar_perceptron(tabla, y_xor, max_epocas=30)
print(f"XOR: {len(errores)} épocas, errores por época = {errores}")
figura, (eje_puntos, eje_errores) = plt.subplots(1, 2, figsize=(10, 4))
eje_puntos.scatter(tabla[:, 0], tabla[:, 1], c=y_xor, cmap="coolwarm", s=150, edgecolors="black")
eje_puntos.set(xlim=(-0.5, 1.5), ylim=(-0.5, 1.5), xlabel="$x_1$", ylabel="$x_2$",
               title="XOR: ninguna recta separa los colores")
eje_errores.plot(range(1, len(errores) + 1), errores, "o-")
eje_errores.set(xlabel="época", ylabel="errores", ylim=(0, 4.5), title="XOR: los errores no llegan a 0")
eje_errores.axhline(0, color="gray", linewidth=0.8)
plt.tight_layout()
plt.show()

# %% [markdown]
# ## 4. XOR con una red de dos capas ({puntos:red_xor} puntos)
#
# Una sola recta no basta, pero **dos** sí: XOR es «OR pero no AND». Una red con una **capa oculta** de dos
# perceptrones y un perceptrón de salida lo calcula con estos pesos (los de las diapositivas):
#
# - unidad oculta 1, **OR**: $h_1 = \operatorname{escalon}(1 \cdot x_1 + 1 \cdot x_2 - 0.5)$
#   ($w_{11} = 1$, $w_{12} = 1$, $b_1 = -0.5$);
# - unidad oculta 2, **AND**: $h_2 = \operatorname{escalon}(1 \cdot x_1 + 1 \cdot x_2 - 1.5)$
#   ($w_{21} = 1$, $w_{22} = 1$, $b_2 = -1.5$);
# - salida: $\hat{y} = \operatorname{escalon}(1 \cdot h_1 - 1.5 \cdot h_2 - 0.5)$
#   ($w_{31} = 1$, $w_{32} = -1.5$, $b_3 = -0.5$).
#
# | $x_1$ | $x_2$ | $h_1$ (OR) | $h_2$ (AND) | $h_1 - 1.5 h_2 - 0.5$ | $\hat{y}$ |
# |---|---|---|---|---|---|
# | 0 | 0 | 0 | 0 | −0.5 | 0 |
# | 0 | 1 | 1 | 0 | 0.5 | 1 |
# | 1 | 0 | 1 | 0 | 0.5 | 1 |
# | 1 | 1 | 1 | 1 | −1 | 0 |
#
# Cada unidad oculta dibuja una recta ($x_1 + x_2 = 0.5$ y $x_1 + x_2 = 1.5$); la salida vale 1 en la
# **franja** entre ambas, $0.5 \le x_1 + x_2 < 1.5$. Capas con activaciones no lineales permiten fronteras
# que ninguna neurona sola puede trazar: esta es la idea de las redes multicapa del resto del curso.
#
# Programa `red_xor` con estos pesos exactos y tu función `escalon`, para todas las filas de `X` a la vez
# (una matriz $2 \times 2$ de pesos ocultos, o dos cálculos por separado). Se comprueba también con
# entradas reales, donde debe aparecer la franja.

# %% solucion="red_xor"

# %% libre=true
print(red_xor(np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])))   # [0. 1. 1. 0.]

# %% prueba="red_xor"
comprobar("red_xor", red_xor)

# %% [markdown]
# La celda siguiente evalúa tu red en una cuadrícula de puntos reales del cuadrado $[-0.5, 1.5]^2$ y
# colorea la región donde da 1: la franja entre las dos rectas de las unidades ocultas.

# %% omitir_al_calificar=true
import matplotlib.pyplot as plt

valores = np.linspace(-0.5, 1.5, 201)
malla_x1, malla_x2 = np.meshgrid(valores, valores)
puntos = np.column_stack([malla_x1.ravel(), malla_x2.ravel()])
region = red_xor(puntos).reshape(malla_x1.shape)
tabla = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
plt.figure(figsize=(5, 5))
plt.contourf(malla_x1, malla_x2, region, levels=[-0.5, 0.5, 1.5], colors=["#dde6f5", "#f5d6d6"])
plt.plot(valores, 0.5 - valores, "k--", label="$h_1$ (OR): $x_1 + x_2 = 0.5$")
plt.plot(valores, 1.5 - valores, "k:", label="$h_2$ (AND): $x_1 + x_2 = 1.5$")
plt.scatter(tabla[:, 0], tabla[:, 1], c=red_xor(tabla), cmap="coolwarm", s=150, edgecolors="black")
plt.xlim(-0.5, 1.5)
plt.ylim(-0.5, 1.5)
plt.xlabel("$x_1$")
plt.ylabel("$x_2$")
plt.title("Región donde la red XOR da 1")
plt.legend(loc="upper right")
plt.show()

# %% [markdown]
# ## Antes de entregar
#
# Reinicia el núcleo y ejecuta todo (*Kernel → Restart & Run All*): todas las celdas de prueba deben pasar.
# Recuerda que la calificación final usa además casos ocultos, así que no ajustes tu código a los ejemplos.
