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
# # Tarea 02 — Regresión lineal múltiple y descenso de gradiente
#
# En esta tarea ajustas, solo con NumPy, un modelo lineal que predice **varias salidas a la vez** y lo
# entrenas con **descenso de gradiente por mini-lotes**. Vas a escribir:
#
# 1. dos formas de **normalizar** los datos: min-max y z-score;
# 2. la **predicción** del modelo lineal $\hat{Y} = XW + b$;
# 3. el **error cuadrático medio** (ECM), la pérdida que queremos minimizar;
# 4. su **gradiente** respecto de $W$ y $b$, derivado paso a paso, y
# 5. el **descenso de gradiente por mini-lotes**, con tamaño de lote y épocas.
#
# Al final comparamos el resultado con la solución exacta de **mínimos cuadrados**.
#
# **Cómo se califica.** Cada función vale los puntos indicados en su sección. La celda de prueba que sigue a
# cada función ejecuta *comprobaciones públicas* (las mismas que verás al calificar) y te explica qué falla.
# Al calificar se añaden *casos ocultos* con otras entradas (otras formas, un solo ejemplo, una sola
# característica, columnas constantes, valores grandes), que se generan para cada alumno. Escribe tu código
# solo entre `# TU CÓDIGO AQUÍ` y el `return`; no cambies los nombres ni las firmas de las funciones.
# Las celdas que solo cargan datos, entrenan o dibujan no se ejecutan al calificar.
#
# También puedes comprobar el cuaderno completo desde una terminal:
# `python -m autograder comprobar 02_descenso_gradiente.ipynb`.

# %%
import numpy as np

from autograder.comprobar import Comprobaciones

comprobar = Comprobaciones("02_descenso_gradiente")
np.set_printoptions(precision=3, suppress=True)

# %% [markdown]
# ## Los datos: la tabla de las diapositivas
#
# Usaremos la tabla de las diapositivas: para cada uno de 8 estudiantes conocemos tres características (las
# **entradas**: Estudio, Edad y Promedio) y queremos predecir sus notas en dos parciales (las **salidas**: N1
# y N2). La diapositiva escribe «13,4» con coma decimal; aquí es 13.4.
#
# | estudiante | Estudio | Edad | Promedio | N1 | N2 |
# |---|---|---|---|---|---|
# | 1 | 2 | 24 | 4 | 7 | 7.2 |
# | 2 | 5 | 22 | 3 | 4.5 | 5.2 |
# | 3 | 7 | 25 | 4 | 6.3 | 6 |
# | 4 | 9 | 20 | 7 | 5.4 | 4.4 |
# | 5 | 10 | 19 | 4 | 8.2 | 9.5 |
# | 6 | 11 | 20 | 3 | 7.2 | 8.1 |
# | 7 | 13.4 | 21 | 5 | 5.5 | 10 |
# | 8 | 14 | 20 | 3 | 3 | 4.3 |
#
# Con $n = 8$ ejemplos, $d = 3$ características y $m = 2$ salidas, guardamos las entradas en una matriz
# $X$ de forma $(n, d) = (8, 3)$ y las salidas en una matriz $Y$ de forma $(n, m) = (8, 2)$: **una fila por
# estudiante**. Es una regresión lineal *múltiple* (varias entradas) y con *varias salidas*: el mismo
# modelo predice N1 y N2.

# %%
X_tabla = np.array([
    [2.0, 24.0, 4.0], [5.0, 22.0, 3.0], [7.0, 25.0, 4.0], [9.0, 20.0, 7.0],
    [10.0, 19.0, 4.0], [11.0, 20.0, 3.0], [13.4, 21.0, 5.0], [14.0, 20.0, 3.0],
])
Y_tabla = np.array([
    [7.0, 7.2], [4.5, 5.2], [6.3, 6.0], [5.4, 4.4], [8.2, 9.5], [7.2, 8.1], [5.5, 10.0], [3.0, 4.3],
])
print("X:", X_tabla.shape, "| Y:", Y_tabla.shape)
print("mínimo por columna:", X_tabla.min(axis=0), "| máximo por columna:", X_tabla.max(axis=0))

# %% [markdown]
# ## 1. Normalización min-max ({puntos:normalizar_minmax} puntos)
#
# Las características viven en escalas muy distintas: Estudio va de 2 a 14, Edad de 19 a 25 y Promedio
# de 3 a 7. El descenso de gradiente usa **una sola** tasa de aprendizaje para todos los pesos;
# si una característica toma valores grandes, su gradiente también lo es, y una tasa que va bien para una
# columna hace diverger a otra. Normalizar pone todas las columnas en la misma escala.
#
# La normalización **min-max** lleva cada columna $j$ al intervalo $[0, 1]$:
#
# $$x'_{ij} = \frac{x_{ij} - \min_j}{\max_j - \min_j}$$
#
# donde $\min_j$ y $\max_j$ son el mínimo y el máximo **de la columna** $j$ (`axis=0`). El mínimo de cada
# columna pasa a 0 y el máximo a 1.
#
# **Ejemplo.** La columna Estudio va de 2 a 14: el estudiante 4, con Estudio 9, pasa a
# $(9 - 2) / (14 - 2) = 7/12 \approx 0.58$.
#
# **Columnas constantes.** Si todos los valores de una columna son iguales, $\max_j - \min_j = 0$ y la
# fórmula divide por cero (`nan`). Esa columna no aporta información: conviértela en una columna de ceros,
# por ejemplo sustituyendo los rangos nulos por 1 antes de dividir (`np.where`).

# %% solucion="normalizar_minmax"

# %% libre=true
print(normalizar_minmax(np.array([[1.0, 10.0], [2.0, 20.0], [3.0, 40.0], [5.0, 30.0]])))
# [[0.    0.   ]
#  [0.25  0.333]
#  [0.5   1.   ]
#  [1.    0.667]]

# %% prueba="normalizar_minmax"
comprobar("normalizar_minmax", normalizar_minmax)

# %% [markdown]
# ## 2. Normalización z-score ({puntos:normalizar_zscore} puntos)
#
# La normalización **z-score** (estandarización) resta la media de cada columna y divide por su desviación
# típica, de modo que cada columna queda con media 0 y desviación típica 1:
#
# $$x'_{ij} = \frac{x_{ij} - \mu_j}{\sigma_j}, \qquad
#   \mu_j = \frac{1}{n}\sum_{i=1}^{n} x_{ij}, \qquad
#   \sigma_j = \sqrt{\frac{1}{n}\sum_{i=1}^{n} (x_{ij} - \mu_j)^2}$$
#
# Usamos la desviación típica **poblacional**, que divide entre $n$: es lo que calcula `np.std(X, axis=0)`
# (con `ddof=0`, el valor por defecto). La muestral, `ddof=1`, divide entre $n - 1$ y da otro resultado.
# A diferencia de min-max, el z-score no acota los valores a $[0, 1]$, pero un valor atípico lo afecta menos.
#
# **Ejemplo.** La columna $[2, 4, 4, 4, 5, 5, 7, 9]$ tiene media 5 y desviación típica poblacional 2, así que
# se convierte en $[-1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2]$: por ejemplo, el 9 da $(9 - 5) / 2 = 2$.
#
# Una columna constante tiene $\sigma_j = 0$: como antes, debe convertirse en una columna de ceros.

# %% solucion="normalizar_zscore"

# %% libre=true
columna = np.array([[2.0], [4.0], [4.0], [4.0], [5.0], [5.0], [7.0], [9.0]])
print(normalizar_zscore(columna).ravel())   # [-1.5 -0.5 -0.5 -0.5  0.   0.   1.   2. ]

# %% prueba="normalizar_zscore"
comprobar("normalizar_zscore", normalizar_zscore)

# %% [markdown]
# Veamos la tabla con las dos normalizaciones. Desde aquí entrenaremos con la versión z-score.

# %% omitir_al_calificar=true
print("min-max:\n", normalizar_minmax(X_tabla))
X_norm = normalizar_zscore(X_tabla)
print("z-score:\n", X_norm)
print("medias:", X_norm.mean(axis=0), "| desviaciones:", X_norm.std(axis=0))

# %% [markdown]
# ## 3. Predicción del modelo lineal ({puntos:predecir_lineal} puntos)
#
# Con una sola salida, el modelo lineal predice $\hat{y}_i = \sum_j x_{ij} w_j + b$. Con $m$ salidas
# tenemos un vector de pesos y un sesgo por salida: los pesos forman una matriz $W$ de forma $(d, m)$ (la
# columna $k$ son los pesos de la salida $k$) y los sesgos un vector $b$ de forma $(m,)$. Para todos los
# ejemplos a la vez:
#
# $$\hat{Y} = XW + b, \qquad \hat{Y}_{ik} = \sum_{j=1}^{d} X_{ij} W_{jk} + b_k$$
#
# $XW$ tiene forma $(n, d) \cdot (d, m) = (n, m)$ y NumPy suma $b$ a cada fila por **difusión**
# (*broadcasting*): repite el vector $b$ a lo largo de las $n$ filas sin copiarlo.
#
# **Ejemplo.** Con $x = [1, 2]$, $W = \begin{pmatrix} 1 & 0.5 \\ -2 & 1 \end{pmatrix}$ y $b = [0.5, -1]$:
# $\hat{y} = [1 \cdot 1 + 2 \cdot (-2) + 0.5,\; 1 \cdot 0.5 + 2 \cdot 1 - 1] = [-2.5, 1.5]$.

# %% solucion="predecir_lineal"

# %% libre=true
W_ejemplo = np.array([[1.0, 0.5], [-2.0, 1.0]])
b_ejemplo = np.array([0.5, -1.0])
print(predecir_lineal(np.array([[1.0, 2.0], [0.0, -1.0]]), W_ejemplo, b_ejemplo))   # [[-2.5  1.5] [ 2.5 -2. ]]

# %% [markdown]
# **La tabla de las diapositivas.** Las diapositivas prueban el modelo en su tabla con
# $W = \begin{pmatrix} 1 & 4 \\ 2 & 5 \\ 3 & 6 \end{pmatrix}$ y $b = [-46, -108]$. Para el estudiante 1,
# $x = [2, 24, 4]$: $P_1 = 2 \cdot 1 + 24 \cdot 2 + 4 \cdot 3 - 46 = 16$ y
# $P_2 = 2 \cdot 4 + 24 \cdot 5 + 4 \cdot 6 - 108 = 44$. La celda siguiente calcula las 8 filas, que deben
# coincidir con las columnas P1 y P2 de la diapositiva: 16, 44; 12, 40; 23, 69; 24, 70; 14, 51; 14, 54;
# 24.4, 80.6; 17, 66 (una de las comprobaciones públicas lo verifica). Son predicciones malas, muy lejos de
# N1 y N2: esos pesos no salen de entrenar, sirven para ilustrar el cálculo del error. (Otra diapositiva
# muestra $X = [3, 10, 9] \to [8.5, 7.2]$, pero eso no sale de estos $W$ y $b$, que dan $[4, 8]$: no lo usamos.)

# %% libre=true
W_diapositivas = np.array([[1.0, 4.0], [2.0, 5.0], [3.0, 6.0]])
b_diapositivas = np.array([-46.0, -108.0])
P_diapositivas = predecir_lineal(X_tabla, W_diapositivas, b_diapositivas)
print(P_diapositivas)   # [[16. 44.] [12. 40.] [23. 69.] ... [17. 66.]]

# %% prueba="predecir_lineal"
comprobar("predecir_lineal", predecir_lineal)

# %% [markdown]
# ## 4. Error cuadrático medio ({puntos:error_cuadratico_medio} puntos)
#
# Para medir lo lejos que están las predicciones de los valores reales usamos el **error cuadrático medio**,
# la media de los cuadrados de los residuos sobre **todas** las $n \cdot m$ entradas:
#
# $$\operatorname{ECM}(Y, \hat{Y}) = \frac{1}{n\,m} \sum_{i=1}^{n} \sum_{k=1}^{m} \big(\hat{Y}_{ik} - Y_{ik}\big)^2$$
#
# Elevar al cuadrado hace que los errores positivos y negativos no se cancelen y penaliza más los errores
# grandes. El resultado es un único número (`float`).
#
# **Ejemplo.** Si $Y = \begin{pmatrix} 1 & 2 \\ 3 & 4 \\ 5 & 6 \end{pmatrix}$ y
# $\hat{Y} = \begin{pmatrix} 1 & 3 \\ 1 & 4 \\ 4 & 4 \end{pmatrix}$, las diferencias son
# $0, 1, -2, 0, -1, -2$; sus cuadrados suman $0 + 1 + 4 + 0 + 1 + 4 = 10$ y hay 6 entradas:
# $\operatorname{ECM} = 10/6 \approx 1.667$.

# %% solucion="error_cuadratico_medio"

# %% libre=true
Y_ejemplo = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
Y_pred_ejemplo = np.array([[1.0, 3.0], [1.0, 4.0], [4.0, 4.0]])
print(error_cuadratico_medio(Y_ejemplo, Y_pred_ejemplo))   # ≈ 1.667

# %% [markdown]
# **El error de la tabla de las diapositivas, y un factor 2.** La diapositiva calcula, para cada estudiante,
# $E_i = (N1_i - P1_i)^2 + (N2_i - P2_i)^2$ (para el estudiante 1, $(7 - 16)^2 + (7.2 - 44)^2 = 81 + 1354.24
# = 1435.24$) y da su media sobre las 8 filas: «Promedio(E) = 3106.64». Esa convención **suma** sobre las
# $m = 2$ salidas y promedia solo sobre los $n$ ejemplos. Nuestro ECM (como `mse` de Keras) promedia sobre las
# $n \cdot m = 16$ entradas, así que con los mismos datos da la mitad: $3106.64 / 2 = 1553.32$. Las dos miden
# lo mismo salvo el factor constante $m$, que no cambia dónde está el mínimo; una comprobación pública usa
# esta tabla y espera 1553.32.

# %% libre=true
print(np.sum((Y_tabla - P_diapositivas) ** 2, axis=1))             # la columna E de la diapositiva
print(np.mean(np.sum((Y_tabla - P_diapositivas) ** 2, axis=1)))    # ≈ 3106.64, el «Promedio(E)»
print(error_cuadratico_medio(Y_tabla, P_diapositivas))             # ≈ 1553.32 = 3106.64 / 2

# %% prueba="error_cuadratico_medio"
comprobar("error_cuadratico_medio", error_cuadratico_medio)

# %% [markdown]
# ## 5. El gradiente del ECM ({puntos:gradientes_lineal} puntos)
#
# Para bajar el error necesitamos saber cómo cambia al mover cada peso. Llamemos $L$ al ECM y
# $R = \hat{Y} - Y$ a la matriz $(n, m)$ de **residuos**. Derivamos paso a paso con la regla de la cadena.
#
# **Paso 1: respecto de cada predicción.** Cada $\hat{Y}_{ik}$ aparece en un único término de la suma:
#
# $$\frac{\partial L}{\partial \hat{Y}_{ik}} = \frac{1}{n\,m} \cdot 2\big(\hat{Y}_{ik} - Y_{ik}\big)
#   = \frac{2}{n\,m} R_{ik}$$
#
# **Paso 2: respecto de un peso.** $W_{jk}$ solo interviene en la salida $k$, y
# $\partial \hat{Y}_{ik} / \partial W_{jk} = X_{ij}$ para cada ejemplo $i$. Sumando sobre los ejemplos:
#
# $$\frac{\partial L}{\partial W_{jk}} = \sum_{i=1}^{n} \frac{2}{n\,m} R_{ik} X_{ij}
#   \quad\Longrightarrow\quad dW = \frac{2}{n\,m} X^\top R \qquad \text{forma } (d, m)$$
#
# **Paso 3: respecto de un sesgo.** $\partial \hat{Y}_{ik} / \partial b_k = 1$, así que
#
# $$\frac{\partial L}{\partial b_k} = \frac{2}{n\,m} \sum_{i=1}^{n} R_{ik}
#   \quad\Longrightarrow\quad db = \frac{2}{n\,m} \sum_{i} R_{i,:} \qquad \text{forma } (m,)$$
#
# Tres detalles que suelen fallar:
#
# - el factor es $\frac{2}{n\,m}$: el 2 sale de derivar el cuadrado y la media es sobre **todas** las $n \cdot m$
#   entradas (`R.size`), no solo sobre los $n$ ejemplos;
# - el residuo es $\hat{Y} - Y$ (predicción menos valor real); al revés el signo queda invertido;
# - `db` suma sobre los **ejemplos** (`axis=0`): un valor por salida.
#
# Puedes usar tu función `predecir_lineal`.

# %% solucion="gradientes_lineal"

# %% [markdown]
# **¿Cómo saber si un gradiente está bien?** Compáralo con las *diferencias centradas*: para un parámetro $p$
# y un $h$ pequeño, $\frac{\partial L}{\partial p} \approx \frac{L(p + h) - L(p - h)}{2h}$. La celda
# siguiente lo hace con cada peso de un ejemplo pequeño; las dos matrices deben coincidir.

# %% libre=true
generador = np.random.default_rng(0)
X_g, Y_g = generador.normal(size=(5, 2)), generador.normal(size=(5, 3))
W_g, b_g = generador.normal(size=(2, 3)), generador.normal(size=3)
h = 1e-5
dW_numerico = np.zeros_like(W_g)
for j in range(W_g.shape[0]):
    for k in range(W_g.shape[1]):
        W_mas, W_menos = W_g.copy(), W_g.copy()
        W_mas[j, k] += h
        W_menos[j, k] -= h
        dW_numerico[j, k] = (error_cuadratico_medio(Y_g, predecir_lineal(X_g, W_mas, b_g))
                             - error_cuadratico_medio(Y_g, predecir_lineal(X_g, W_menos, b_g))) / (2 * h)
dW_analitico, db_analitico = gradientes_lineal(X_g, Y_g, W_g, b_g)
print("dW analítico:\n", dW_analitico)
print("dW numérico:\n", dW_numerico)

# %% prueba="gradientes_lineal"
comprobar("gradientes_lineal", gradientes_lineal)

# %% [markdown]
# ## 6. Descenso de gradiente por mini-lotes ({puntos:descenso_gradiente} puntos)
#
# El gradiente apunta hacia donde el error **crece** más deprisa; para reducirlo damos un paso pequeño en
# la dirección contraria, con una **tasa de aprendizaje** $\eta$ (`tasa`):
#
# $$W \leftarrow W - \eta\, dW, \qquad b \leftarrow b - \eta\, db$$
#
# Como en las diapositivas, no hace falta usar todos los ejemplos para cada paso:
#
# - el **tamaño de lote** (`tam_lote`) es cuántos ejemplos se usan para calcular el gradiente de **una**
#   actualización;
# - una **época** es una pasada completa por todos los datos;
# - por tanto hay $\lceil n / \text{tam\_lote} \rceil$ **iteraciones** (actualizaciones) por época, y el
#   último lote puede ser más pequeño.
#
# **Ejemplo.** Con los $n = 8$ estudiantes y `tam_lote = 3`, cada época tiene 3 iteraciones, con lotes de 3, 3
# y 2 ejemplos. Con `tam_lote = 1` es el descenso *estocástico* (un ejemplo por paso, 8 pasos por época); con
# `tam_lote` $\ge n$ es el descenso *por lotes completos* (un paso por época con todos los datos).
#
# **El algoritmo, paso a paso** (así se puede reproducir exactamente):
#
# 1. Empieza con $W = 0$ y $b = 0$ (ya está escrito) y crea **un solo** generador antes del bucle:
#    `rng = np.random.default_rng(semilla)`.
# 2. En cada época, baraja los índices con `orden = rng.permutation(n)`: barajar evita que el modelo vea los
#    ejemplos siempre en el mismo orden.
# 3. Recorre `orden` en lotes consecutivos: `lote = orden[inicio:inicio + tam_lote]` para
#    `inicio` en `range(0, n, tam_lote)`. Con cada lote calcula `gradientes_lineal(X[lote], Y[lote], W, b)`
#    y actualiza $W$ y $b$.
# 4. Al terminar la época, añade a `historial` el ECM sobre **todos** los datos con los parámetros actuales.
#
# La curva de `historial` (la *curva de aprendizaje*) debe bajar. Al calificar se comprueba el
# comportamiento: las formas, el historial, que el ECM final quede muy cerca del mínimo posible y que el
# entrenamiento termine en pocos segundos.

# %% solucion="descenso_gradiente"

# %% prueba="descenso_gradiente"
comprobar("descenso_gradiente", descenso_gradiente)

# %% [markdown]
# ## 7. Entrenamiento en la tabla y curva de aprendizaje
#
# Entrenamos con los datos estandarizados y dibujamos el ECM por época para tres tamaños de lote. Con lotes
# pequeños hay más actualizaciones por época, así que el error baja en menos épocas, pero cada paso es más
# «ruidoso» porque usa menos ejemplos.

# %% omitir_al_calificar=true
import matplotlib.pyplot as plt

for tam_lote in (1, 4, 8):
    W, b, historial = descenso_gradiente(X_norm, Y_tabla, tasa=0.05, epocas=200, tam_lote=tam_lote)
    plt.plot(historial, label=f"tam_lote = {tam_lote}")
plt.yscale("log")
plt.xlabel("época")
plt.ylabel("ECM (escala logarítmica)")
plt.title("Curva de aprendizaje en la tabla de estudiantes")
plt.legend()
plt.show()

W, b, historial = descenso_gradiente(X_norm, Y_tabla, tasa=0.05, epocas=200, tam_lote=4)
print("ECM final:", historial[-1])
print("W (una columna por nota):\n", W)
print("b:", b)

# %% [markdown]
# ## 8. Comparación con la solución exacta de mínimos cuadrados
#
# Para la regresión lineal el mínimo del ECM se puede calcular directamente: es la solución de **mínimos
# cuadrados**. Si añadimos a $X$ una columna de unos, el sesgo $b$ se convierte en un peso más, y
# `np.linalg.lstsq` encuentra los coeficientes que minimizan la suma de cuadrados. El descenso de gradiente
# debería llegar prácticamente al mismo ECM y a parámetros muy parecidos.
#
# ¿Para qué sirve entonces el descenso de gradiente? La solución exacta solo existe para modelos lineales con
# pérdida cuadrática; las redes neuronales no tienen fórmula cerrada y se entrenan precisamente así.

# %% omitir_al_calificar=true
A = np.hstack([X_norm, np.ones((X_norm.shape[0], 1))])       # (n, d + 1): la última columna es el sesgo
coeficientes = np.linalg.lstsq(A, Y_tabla, rcond=None)[0]    # (d + 1, m)
W_exacta, b_exacta = coeficientes[:-1], coeficientes[-1]
print("ECM de mínimos cuadrados:", error_cuadratico_medio(Y_tabla, predecir_lineal(X_norm, W_exacta, b_exacta)))
print("ECM del descenso de gradiente:", historial[-1])
print("mayor diferencia entre los pesos:", np.max(np.abs(W - W_exacta)))
print("mayor diferencia entre los sesgos:", np.max(np.abs(b - b_exacta)))

# %% [markdown]
# **¿Y sin normalizar?** Con los datos originales y la misma tasa, la edad (alrededor de 20) produce
# gradientes enormes y cada paso se pasa del mínimo cada vez más lejos: el error **diverge**. Prueba también
# a bajar la tasa hasta que converja y observa cuántas épocas más necesita.

# %% omitir_al_calificar=true
with np.errstate(over="ignore", invalid="ignore"):
    _, _, historial_crudo = descenso_gradiente(X_tabla, Y_tabla, tasa=0.05, epocas=10, tam_lote=5)
print("ECM por época sin normalizar:", historial_crudo)

# %% [markdown]
# **Interpretación.** Con los datos estandarizados, cada peso dice cuánto cambia la nota al aumentar esa
# característica en una desviación típica, y el sesgo es la nota predicha para un estudiante «medio». En
# estas 8 filas, sin embargo, el mejor modelo lineal apenas mejora a predecir siempre la media (ECM ≈ 3.09
# frente a ≈ 3.36): las notas casi no dependen linealmente de Estudio, Edad y Promedio (la correlación más
# fuerte, −0.30 entre Estudio y N1, es incluso negativa). Con tan pocos ejemplos los pesos no permiten sacar
# conclusiones: la tabla sirve para practicar el cálculo, no para explicar las notas.
#
# ## Antes de entregar
#
# Reinicia el núcleo y ejecuta todo (*Kernel → Restart & Run All*): todas las celdas de prueba deben pasar.
# Recuerda que la calificación final usa además casos ocultos, así que no ajustes tu código a los ejemplos.
