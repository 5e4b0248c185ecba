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
# # Tarea 14 — Regresión con Keras
#
# En la «Clase 4» las diapositivas pasan de la regresión lineal múltiple a las redes neuronales con un
# mismo ejemplo: predecir dos notas, N1 y N2, de cada estudiante a partir de tres números (Estudio, Edad
# y Promedio). En 02_descenso_gradiente escribiste esa regresión a mano con NumPy; aquí la escribes en
# Keras, como hacen las diapositivas, y después la red de «3 regresiones» con activaciones entre ellas.
#
# | parte | qué haces | puntos |
# |---|---|---|
# | 1. `construir_regresor_lineal` | la regresión lineal múltiple: una capa `Dense` sin activación | {puntos:construir_regresor_lineal} |
# | 2. `construir_red_regresion` | la red de las diapositivas: `Dense(4, tanh)` → `Dense(5, relu)` → `Dense(d_out)` | {puntos:construir_red_regresion} |
# | 3. modelo entrenado | entrenar el regresor lineal con la tabla, guardar `modelo.keras` y entregarlo | {puntos:modelo_entrenado} |
# | total | | {puntos} |
#
# Escribe tu código solo donde dice `# TU CÓDIGO AQUÍ` (y borra el `raise NotImplementedError()` de debajo).
# Las celdas de comprobación ejecutan las pruebas públicas, con las dimensiones de la tabla
# (`d_in = 3`, `d_out = 2`); al calificar, tus funciones se llaman además con otras dimensiones.
#
# **Cómo se califica el modelo entrenado.** La calificación evalúa el archivo `modelo.keras` que entregas
# y **nunca vuelve a entrenar**: al calificar, `entrenar_y_guardar` no entrena, sino que carga los pesos de
# tu `modelo.keras`. Se califica el **regresor lineal** entrenado con la tabla de las diapositivas, de dos
# formas:
#
# - su error cuadrático medio en las 8 filas de la tabla debe quedar a menos de un 2 % del de
#   **mínimos cuadrados**, el menor que puede lograr un modelo lineal;
# - en **datos sintéticos** que siguen la relación lineal de la tabla (1000 ejemplos con su plano de mínimos
#   cuadrados más ruido, elegidos para tu modelo al calificar y que no ves), su error debe ser como mucho
#   1.1 veces el de mínimos cuadrados ajustado a esos mismos datos: así se comprueba que el modelo aprendió
#   la relación lineal en toda la región de la tabla, no solo en sus 8 puntos.
#
# Entrena **solo** con `entrenar_y_guardar` y entrega con el cuaderno `modelo.keras` y `historial.json`.

# %% [markdown]
# ## Preparación

# %% generar="keras_comun.preparacion"

# %% [markdown]
# ## Los datos: la tabla de las diapositivas
#
# Las diapositivas («Regresión Lineal Múltiple — Problema») pasan de predecir una nota a predecir
# **dos**: cada fila es un estudiante, $X = $ (Estudio, Edad, Promedio) e $Y = $ (N1, N2).
#
# | Estudio | Edad | Promedio | N1 | N2 |
# |---|---|---|---|---|
# | 2 | 24 | 4 | 7 | 7.2 |
# | 5 | 22 | 3 | 4.5 | 5.2 |
# | 7 | 25 | 4 | 6.3 | 6 |
# | 9 | 20 | 7 | 5.4 | 4.4 |
# | 10 | 19 | 4 | 8.2 | 9.5 |
# | 11 | 20 | 3 | 7.2 | 8.1 |
# | 13.4 | 21 | 5 | 5.5 | 10 |
# | 14 | 20 | 3 | 3 | 4.3 |
#
# (Una de las tablas escribe «13,4» con coma decimal y otra «13.4»: es el mismo 13.4.)
#
# **Estandarizamos las entradas.** Edad va de 19 a 25 y Promedio de 3 a 7: con escalas tan distintas el
# descenso de gradiente avanza deprisa en unas direcciones y muy despacio en otras. Cada columna de $X$ pasa
# a $(x - \mu)/\sigma$ con la media y la desviación típica **poblacional** de esa columna en la tabla
# (`X_tabla.std(axis=0)`). Las notas $Y$ no se tocan: el error se mide en puntos de nota. Un modelo
# lineal con entradas estandarizadas sigue siendo un modelo lineal de las entradas originales (solo
# cambian sus $W$ y $b$), así que el error mínimo es el mismo. El calificador estandariza igual.

# %% libre=true
X_tabla = np.array([[2, 24, 4], [5, 22, 3], [7, 25, 4], [9, 20, 7], [10, 19, 4], [11, 20, 3],
                    [13.4, 21, 5], [14, 20, 3]], dtype="float32")
Y_tabla = np.array([[7, 7.2], [4.5, 5.2], [6.3, 6], [5.4, 4.4], [8.2, 9.5], [7.2, 8.1],
                    [5.5, 10], [3, 4.3]], dtype="float32")
media, desviacion = X_tabla.mean(axis=0), X_tabla.std(axis=0)
X_estandar = (X_tabla - media) / desviacion
print("media:", media.round(3), "| desviación:", desviacion.round(3))
print("X estandarizado:\n", X_estandar.round(3))

# %% [markdown]
# ## Parte 1: la regresión lineal en Keras ({puntos:construir_regresor_lineal} puntos)
#
# La diapositiva «Regresión Lineal Múltiple — En Keras» la escribe así:
#
# ```python
# model=keras.Sequential()
# #Capa lineal que convierte vector de d_in a d_out dims
# model.add(keras.Dense(d_out,input_shape=[d_in]))
# model.compile(loss='mse', # error cuadratico medio
#               optimizer='sgd') # descenso de gradiente
# model.fit(x,y,epochs=100,batch_size=32)
# ```
#
# Una capa `Dense(d_out)` **sin activación** calcula exactamente la regresión lineal múltiple de
# 02_descenso_gradiente, $\hat{Y} = X W + b$, con $W$ de forma `(d_in, d_out)` y $b$ de forma `(d_out,)`:
# para la tabla, $W$ de 3×2 y $b$ de 2, 8 parámetros. Dos detalles de la diapositiva cambian en Keras 3: la
# capa es `keras.layers.Dense` (o `layers.Dense`; `keras.Dense` no existe) y la entrada se declara con
# `keras.Input(shape=(d_in,))` en lugar de `input_shape=[d_in]`.
#
# **La pérdida `mse` y el factor 2.** La diapositiva del error suma, para cada estudiante, los cuadrados de
# las 2 salidas, $E_i = (N1_i - P1_i)^2 + (N2_i - P2_i)^2$, y promedia sobre las 8 filas: «Promedio(E) =
# 3106.64». El `mse` de Keras promedia sobre **todas** las $n \cdot m$ entradas, como el ECM de
# 02_descenso_gradiente, así que con los mismos datos da la mitad (1553.32). Es el mismo mínimo: solo cambia
# un factor constante. Todos los errores de esta tarea usan la convención de Keras.
#
# Escribe `construir_regresor_lineal(d_in, d_out)`: entrada de `d_in`, una única capa
# `layers.Dense(d_out, activation=None)`, compilado con `loss="mse"` y descenso de gradiente,
# `keras.optimizers.SGD(learning_rate=0.2)` (la tasa que usa la referencia; con las entradas estandarizadas
# converge en unas decenas de pasos). Usa los argumentos: no escribas 3 ni 2 fijos.

# %% solucion="construir_regresor_lineal"

# %% libre=true
regresor = construir_regresor_lineal(3, 2)
regresor.summary()   # una capa Dense: 3·2 pesos + 2 sesgos = 8 parámetros

# %% prueba="construir_regresor_lineal"
comprobar("construir_regresor_lineal", construir_regresor_lineal)

# %% [markdown]
# ## Parte 2: la red de regresión de las diapositivas ({puntos:construir_red_regresion} puntos)
#
# **3 regresiones = 1 regresión.** Las diapositivas apilan tres regresiones lineales, $N = ((X W_1 + B_1)
# W_2 + B_2) W_3 + B_3$, y advierten: «Pero esto no va a funcionar… 3 regresiones = 1 regresión!». El
# producto de matrices constantes es otra matriz ($W_1 W_2 W_3 = W_5$) y lo mismo pasa con los sesgos, así
# que $N = X W_5 + B_5$: la pila entera es **una** regresión lineal y no puede más que ella. Lo que cambia
# el poder del modelo es poner una **función de activación** (no lineal) entre las capas. La red de la
# diapositiva «Regresión Con Redes + Keras»:
#
# ```python
# model=keras.Sequential()
# model.add(keras.Dense(4,input_shape=[d_in],activation='tanh'))
# model.add(keras.Dense(5,activation='relu'))
# model.add(keras.Dense(d_out,activation='none'))
# model.compile(loss='mse', # error cuadratico medio
#               optimizer='sgd') # descenso de gradiente
# ```
#
# **Una errata de la diapositiva: `activation='none'`.** Keras no conoce ninguna activación llamada
# `'none'` y falla al crear la capa (`ValueError: Could not interpret activation function identifier:
# none`). La capa de salida de una regresión es **lineal**: se escribe `activation=None` (sin comillas) o
# sin el argumento `activation`, que es lo mismo que `activation="linear"`. No uses `relu` ni `sigmoid` en la
# salida: `relu` no puede dar valores negativos y `sigmoid` solo da valores entre 0 y 1.
#
# Escribe `construir_red_regresion(d_in, d_out)`: entrada de `d_in`, `layers.Dense(4, activation="tanh")`,
# `layers.Dense(5, activation="relu")` y `layers.Dense(d_out, activation=None)`, compilada con
# `loss="mse"` y `optimizer="sgd"` como en la diapositiva. Los 4 y 5 son hiperparámetros («Los valores 4 y 5
# son arbitrarios»); aquí se piden esos.

# %% solucion="construir_red_regresion"

# %% libre=true
red = construir_red_regresion(3, 2)
red.summary()   # (3+1)·4 + (4+1)·5 + (5+1)·2 = 16 + 25 + 12 = 53 parámetros

# %% prueba="construir_red_regresion"
comprobar("construir_red_regresion", construir_red_regresion)

# %% [markdown]
# ## Parte 3: entrenar el regresor lineal y entregarlo ({puntos:modelo_entrenado} puntos)
#
# Se entrena y se califica el **regresor lineal**. Con 8 filas, la red de la Parte 2 (53 parámetros) podría
# aprenderse la tabla de memoria y dar un error menor que cualquier recta sin haber aprendido nada que sirva
# para otros estudiantes; el regresor lineal no puede, y su mejor error posible es el de **mínimos
# cuadrados**, que se calcula directamente (celda siguiente). Por eso la comparación es justa.
#
# La celda de entrenamiento usa `batch_size=8`, la tabla entera en cada paso: una época es un paso de
# descenso de gradiente (con `batch_size=2` cada época serían 4 pasos, como en el ejemplo de las
# diapositivas «N=8, batch_size=2, epochs=3»: 12 actualizaciones). 40 épocas bastan con la tasa 0.2. La
# receta literal de la diapositiva (`optimizer='sgd'`, cuya tasa por defecto en Keras es 0.01, y 100 épocas
# con `batch_size=32`, es decir, 100 pasos con la tabla entera) se queda lejos: su error en la tabla es
# 2.85 veces el de mínimos cuadrados.

# %% omitir_al_calificar=true
keras.utils.set_random_seed(0)
modelo = construir_regresor_lineal(3, 2)
historia = entrenar_y_guardar(modelo, X_estandar, Y_tabla, ruta="modelo.keras",
                              epochs={valor:EPOCAS_REFERENCIA}, batch_size={valor:TAM_LOTE_REFERENCIA}, verbose=0)
print("mse de la última época:", historia.history.get("loss", ["(sin historial)"])[-1])

# %% [markdown]
# ### Comparar con mínimos cuadrados
#
# Mínimos cuadrados resuelve el mismo problema de forma exacta: añadimos a $X$ una columna de unos (el
# sesgo) y `np.linalg.lstsq` da los $W$ y $b$ de menor error. Su error en la tabla es ≈ 3.0927 (6.1855 en la
# convención de la diapositiva, que suma las 2 salidas). Predecir siempre la media de cada nota da 3.3567,
# solo 1.085 veces más: en esta tabla las tres entradas explican poco de las notas. Por eso en la tabla se
# pide quedar a menos de un 2 %, y no al 10 %, que aprobaría a un modelo que solo aprendió la media.

# %% omitir_al_calificar=true
A = np.column_stack([X_estandar, np.ones(len(X_estandar))])
coeficientes = np.linalg.lstsq(A, Y_tabla, rcond=None)[0]
error_minimo = np.mean((A @ coeficientes - Y_tabla) ** 2)
error_modelo = np.mean((modelo.predict(X_estandar, verbose=0) - Y_tabla) ** 2)
error_media = np.mean((Y_tabla.mean(axis=0) - Y_tabla) ** 2)
print(f"mínimos cuadrados: {error_minimo:.4f} | tu modelo: {error_modelo:.4f} "
      f"({error_modelo / error_minimo:.4f} veces) | predecir la media: {error_media:.4f}")
W, b = modelo.layers[-1].get_weights()
print("W de Keras:\n", W.round(3), "\nW de mínimos cuadrados:\n", coeficientes[:-1].round(3))
print("b de Keras:", b.round(3), "| b de mínimos cuadrados:", coeficientes[-1].round(3))

# %% [markdown]
# **¿Y la red de la Parte 2?** Con la misma tabla, sus 53 parámetros (frente a 8 filas de 2 notas) le dan
# margen para ajustarse a esas filas concretas más que cualquier recta, pero un error menor en la tabla no
# diría nada de otros estudiantes: con tan pocos datos, más capas no es mejor. Si quieres probarla, entrénala en una copia de este
# cuaderno con `entrenar_y_guardar(red, X_estandar, Y_tabla, ruta="experimento/red.keras", epochs=200,
# batch_size=8)` (en otra carpeta, para no sobrescribir `modelo.keras` ni su `historial.json`).

# %% [markdown]
# La comprobación siguiente revisa tu `modelo.keras`: que es el regresor lineal, su error en la tabla
# (≤ 1.02 × mínimos cuadrados) y su error en datos sintéticos elegidos para tu modelo (≤ 1.1 × mínimos
# cuadrados en esos datos). Entrega `modelo.keras` y `historial.json` junto con el cuaderno.

# %% prueba="modelo_entrenado"
comprobar("modelo_entrenado")
