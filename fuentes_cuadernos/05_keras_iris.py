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
# # Tarea 05 — Clasificar flores de Iris con una red en Keras
#
# El conjunto Iris tiene 150 flores de tres especies (*setosa*, *versicolor* y *virginica*), con cuatro
# medidas cada una: largo y ancho del sépalo y largo y ancho del pétalo, en centímetros. En esta tarea
# entrenas una red neuronal pequeña con Keras que, a partir de esas cuatro medidas, dice la especie.
# El objetivo es una **exactitud de al menos 0.93** en las 30 flores de prueba (como mucho 2 errores).
#
# **Un aviso de vocabulario.** Las diapositivas llaman «precisión» a la exactitud (*accuracy*, la fracción de
# aciertos); aquí «exactitud» es la *accuracy* y «precisión» es la *precision* del informe de clasificación.
#
# Por el camino verás las piezas de cualquier proyecto con Keras: normalizar las entradas, codificar las
# etiquetas en one-hot, definir un modelo `Sequential`, compilarlo, entrenarlo con **parada temprana**
# (`EarlyStopping`) y evaluarlo con precisión, exhaustividad, F1 y la matriz de confusión.
#
# | parte | qué haces | puntos |
# |---|---|---|
# | 1. `preparar_datos` | estandarizar las medidas y codificar las especies en one-hot | {puntos:preparar_datos} |
# | 2. `construir_modelo` | definir y compilar la red | {puntos:construir_modelo} |
# | 3. modelo entrenado | entrenar con parada temprana, guardar `modelo.keras` y entregarlo | {puntos:modelo_entrenado} |
# | total | | {puntos} |
#
# Escribe tu código solo donde dice `# TU CÓDIGO AQUÍ` (y borra el `raise NotImplementedError()` de debajo). Las celdas de comprobación de cada parte ejecutan
# las pruebas públicas; al calificar se usan además casos ocultos con otras entradas.
#
# **Regla de calificación de esta tarea.** La calificación evalúa el archivo `modelo.keras` que
# entregas junto al cuaderno y **nunca vuelve a entrenar**: al calificar, `entrenar_y_guardar` no
# entrena, sino que carga los pesos de tu `modelo.keras`. Por eso entrena **solo** con
# `entrenar_y_guardar` (no llames a `modelo.fit` por tu cuenta) y entrega con el cuaderno los tres
# archivos que escribe: `modelo.keras`, `historial.json` y `entrenamiento.json`. Si cambias
# `construir_modelo`, vuelve a ejecutar la celda de entrenamiento para que el archivo corresponda a tu
# modelo.

# %% [markdown]
# ## Preparación
#
# Importamos Keras (con el motor de TensorFlow) y NumPy. La variable de entorno `TF_CPP_MIN_LOG_LEVEL`
# se fija antes de importar Keras para ocultar los mensajes internos de TensorFlow. `sin_mensajes_de_tensorflow()`, de las herramientas
# del curso, oculta además los pocos que TensorFlow escribe al cargarse (en procesadores con AVX-512,
# un aviso de que usa oneDNN). Scikit-learn
# (datos y métricas) y Matplotlib (gráficas) se importan en las celdas que los usan.

# %% generar="keras_comun.preparacion"

# %% [markdown]
# ## Los datos
#
# Cargamos Iris con `sklearn.datasets.load_iris` y lo partimos en **120 flores de entrenamiento y 30 de
# prueba** (80 % / 20 %). La partición es **estratificada** (`stratify=y`): cada parte conserva la
# proporción de especies, así que en la prueba hay exactamente 10 flores de cada una. La semilla
# (`random_state={valor:SEMILLA_PARTICION}`) hace que la partición sea siempre la misma: el
# calificador usa esta misma partición para medir tu modelo.

# %% omitir_al_calificar=true
from sklearn.datasets import load_iris
from sklearn.model_selection import train_test_split

iris = load_iris()
X_crudo, y = iris.data, iris.target
X_train_crudo, X_test_crudo, y_train, y_test = train_test_split(
    X_crudo, y, test_size=0.2, stratify=y, random_state={valor:SEMILLA_PARTICION}
)
print("Medidas:", list(iris.feature_names))
print("Especies:", list(iris.target_names))
print("Entrenamiento:", X_train_crudo.shape, "| prueba:", X_test_crudo.shape)
print("Flores por especie en prueba:", np.bincount(y_test))
print("Media de cada medida (entrenamiento):", X_train_crudo.mean(axis=0).round(2))
print("Desviación de cada medida (entrenamiento):", X_train_crudo.std(axis=0).round(2))

# %% [markdown]
# ## Parte 1: preparar los datos ({puntos:preparar_datos} puntos)
#
# ### Normalizar las entradas
#
# Las cuatro medidas tienen escalas distintas: el largo del pétalo va de 1 a 7 cm y su ancho de 0.1 a
# 2.5 cm. Si las entradas tienen escalas muy distintas, el descenso de gradiente avanza deprisa en unas
# direcciones y muy despacio en otras. Por eso se normalizan antes de entrenar. Hay dos formas
# habituales, ambas **por columnas** (cada medida con sus propios valores):
#
# - **Normalización min-max**, que lleva cada columna al intervalo $[0, 1]$:
#   $$x' = \frac{x - \min(x)}{\max(x) - \min(x)}$$
# - **Estandarización (puntuación z)**, que deja cada columna con media 0 y desviación típica 1:
#   $$x' = \frac{x - \mu}{\sigma}, \qquad \mu = \frac{1}{n}\sum_{i=1}^{n} x_i, \qquad
#   \sigma = \sqrt{\frac{1}{n}\sum_{i=1}^{n} (x_i - \mu)^2}$$
#
# Ejemplo con una columna de cuatro valores, $x = (4, 6, 8, 6)$: min-max da $(0, 0.5, 1, 0.5)$. Para la
# puntuación z, $\mu = 6$ y $\sigma = \sqrt{(4 + 0 + 4 + 0)/4} = \sqrt{2}$, así que
# $x' = (-\sqrt{2}, 0, \sqrt{2}, 0) \approx (-1.414, 0, 1.414, 0)$.
#
# En esta tarea usamos la **estandarización**, con la desviación típica **poblacional** (dividiendo
# entre $n$), que es la de `X.std(axis=0)` en NumPy.
#
# ### Codificar las etiquetas en one-hot
#
# La red tendrá una salida por especie, así que cada etiqueta entera se convierte en un vector con un
# 1 en la posición de su especie: 0 → `[1, 0, 0]`, 1 → `[0, 1, 0]`, 2 → `[0, 0, 1]`. Keras lo hace con
# `keras.utils.to_categorical(y, num_classes=3)`; pasa siempre `num_classes=3`, porque unos datos
# pueden no contener las tres especies.
#
# Escribe `preparar_datos(X, y)`, que estandariza cada columna de `X` con **su propia** media y
# desviación y devuelve las etiquetas en one-hot.

# %% solucion="preparar_datos"

# %% libre=true
# Prueba tu función con cuatro flores escritas a mano.
flores = np.array([[5.1, 3.5, 1.4, 0.2], [7.0, 3.2, 4.7, 1.4], [6.3, 3.3, 6.0, 2.5], [5.8, 2.7, 5.1, 1.9]])
especies = np.array([0, 1, 2, 2])
X_ejemplo, Y_ejemplo = preparar_datos(flores, especies)
print("X estandarizado:\n", X_ejemplo.round(3))
print("Media por columna:", X_ejemplo.mean(axis=0).round(6), "| desviación:", X_ejemplo.std(axis=0).round(6))
print("Y:\n", Y_ejemplo)

# %% prueba="preparar_datos"
comprobar("preparar_datos", preparar_datos)

# %% [markdown]
# ## Parte 2: construir el modelo ({puntos:construir_modelo} puntos)
#
# Un `keras.Sequential` apila capas una detrás de otra. Empieza con `keras.Input(shape=(4,))`, que
# declara que cada ejemplo es un vector de 4 medidas; sigue con una capa oculta y termina con una capa
# de salida con una neurona por especie y activación **softmax**, que convierte las tres puntuaciones
# en probabilidades que suman 1:
# $$\mathrm{softmax}(z)_j = \frac{e^{z_j}}{\sum_{k=1}^{3} e^{z_k}}$$
#
# ### La primera red de las diapositivas
#
# Las diapositivas empiezan con la red más pequeña posible para Iris: una capa oculta de **2** neuronas
# con activación tanh y una salida de 3 neuronas. La escriben `Dense(2, input_shape=[4], activation='tanh')`;
# Keras 3 prefiere declarar la entrada aparte con `keras.Input`, como hace también la diapositiva
# siguiente. Su primera versión usa salida sigmoide y error cuadrático medio; la que entrenan al final,
# la de la celda siguiente, usa softmax y entropía cruzada categórica. `summary()` da los mismos
# **19 parámetros** que la diapositiva: la capa oculta tiene 4·2 pesos + 2 sesgos = 10 y la de salida
# 2·3 + 3 = 9. La celda solo la construye para mostrarla (no se entrena ni se califica).

# %% omitir_al_calificar=true
red_diapositivas = keras.Sequential(
    [
        keras.Input(shape=(4,)),
        layers.Dense(2, activation="tanh"),
        layers.Dense(3, activation="softmax"),
    ]
)
red_diapositivas.compile(optimizer="sgd", loss="categorical_crossentropy", metrics=["accuracy"])
red_diapositivas.summary()

# %% [markdown]
# ### La red de esta tarea
#
# Al compilar se eligen:
#
# - la **pérdida**: con etiquetas one-hot, la entropía cruzada categórica,
#   $L = -\frac{1}{n}\sum_{i=1}^{n}\sum_{j=1}^{3} Y_{ij} \log P_{ij}$
#   (`loss="categorical_crossentropy"`);
# - el **optimizador**: descenso de gradiente estocástico por lotes,
#   `keras.optimizers.SGD(learning_rate=0.1)`, que en cada paso mueve los pesos
#   $w \leftarrow w - \eta \, \partial L / \partial w$ con la tasa de aprendizaje $\eta = 0.1$;
# - la **métrica** que se muestra al entrenar: `metrics=["accuracy"]`.
#
# Escribe `construir_modelo()`, que devuelve el modelo **ya compilado** con: entrada de 4, una capa oculta
# `layers.Dense(16, activation="relu")` (más ancha que la de 2 de las diapositivas, para que llegue al
# umbral con pocas épocas de entrenamiento; puedes probar otros tamaños), salida
# `layers.Dense(3, activation="softmax")`, SGD, entropía cruzada categórica y exactitud.

# %% solucion="construir_modelo"

# %% libre=true
# `summary` muestra las capas, sus formas de salida y el número de parámetros:
# la capa oculta tiene 4·16 pesos + 16 sesgos = 80; la de salida 16·3 + 3 = 51.
modelo = construir_modelo()
modelo.summary()

# %% prueba="construir_modelo"
comprobar("construir_modelo", construir_modelo)

# %% [markdown]
# ## Parte 3: entrenar con parada temprana y entregar el modelo ({puntos:modelo_entrenado} puntos)
#
# ### Parada temprana
#
# ¿Cuántas épocas hay que entrenar? Pocas dejan el modelo a medias; demasiadas pueden llevarlo a
# memorizar las flores de entrenamiento (sobreajuste). La **parada temprana** lo decide mirando datos
# que el modelo no usa para ajustar sus pesos: con `validation_split=0.2`, Keras aparta el último 20 %
# de las flores de entrenamiento (24 flores) como **validación** y mide en ellas la exactitud al final de
# cada época (`val_accuracy`). El callback de las diapositivas
#
# ```python
# keras.callbacks.EarlyStopping(monitor="val_accuracy", patience=30, min_delta=0.0001)
# ```
#
# detiene el entrenamiento cuando `val_accuracy` lleva 30 épocas (`patience`) sin mejorar al menos
# `min_delta`. Con 24 flores de validación la exactitud cambia a saltos de 1/24 ≈ 0.042, así que cualquier
# mejora supera ese 0.0001. Así se puede pedir un máximo generoso de épocas (`epochs={valor:EPOCAS_REFERENCIA}`)
# y dejar que el entrenamiento pare solo.
#
# **Una diferencia con las diapositivas.** Allí la validación es el conjunto de prueba
# (`validation_data=(X_test, Y_test)`, con `epochs=4000` y `batch_size=20`). Aquí se valida con una parte de
# las flores de entrenamiento: si la prueba decide cuándo parar, ya ha influido en el modelo y su exactitud
# deja de medir flores nuevas, y es justo la medida con la que se califica.
#
# ### Entrenamiento
#
# La celda siguiente prepara los datos de entrenamiento con tu `preparar_datos`, construye el modelo y lo
# entrena con `entrenar_y_guardar`, que llama a `modelo.fit` y guarda `modelo.keras`, `historial.json`
# (las curvas) y `entrenamiento.json` (las épocas y el callback usados; el calificador comprueba ahí que
# usaste `EarlyStopping`). Con la red de referencia tarda unos 10 segundos en un procesador de
# 2 núcleos.
#
# Recuerda: al calificar esta celda **no se ejecuta**; se califican los tres archivos que escribe, así
# que entrégalos con el cuaderno.

# %% generar="entrenamiento"

# %% [markdown]
# ### Curvas de aprendizaje
#
# La pérdida de entrenamiento debería bajar época a época. Con solo 24 flores de validación, la exactitud
# de validación sube a saltos de 1/24 ≈ 0.04: es normal que sea escalonada.

# %% omitir_al_calificar=true
graficar_historial(historia)

# %% [markdown]
# ## Evaluación
#
# ### Estandarizar la prueba con las estadísticas de entrenamiento
#
# Las flores de prueba hacen el papel de flores nuevas que llegan después de entrenar: no podemos usar
# su media ni su desviación. Se estandarizan con la media y la desviación **de las 120 flores de
# entrenamiento**, las mismas con las que se transformaron los datos que vio la red. El calificador mide
# tu modelo exactamente así.

# %% omitir_al_calificar=true
media, desviacion = X_train_crudo.mean(axis=0), X_train_crudo.std(axis=0)
X_test = (X_test_crudo - media) / desviacion

probabilidades = modelo.predict(X_test, verbose=0)
y_predicho = np.argmax(probabilidades, axis=1)
print(f"Exactitud en prueba: {np.mean(y_predicho == y_test):.4f} "
      f"({np.sum(y_predicho == y_test)} de {len(y_test)} flores)")

# %% [markdown]
# ### Precisión, exhaustividad y F1
#
# La exactitud resume todo en un número; para ver **qué** especies se confunden se mira cada clase por
# separado. Para una clase $c$, sean $VP$ las flores de la clase $c$ que el modelo predijo como $c$
# (verdaderos positivos), $FP$ las de otras clases que predijo como $c$ (falsos positivos) y $FN$ las de
# la clase $c$ que predijo como otra (falsos negativos):
#
# - **precisión**: de las que el modelo llamó $c$, cuántas lo eran, $\;P = \dfrac{VP}{VP + FP}$;
# - **exhaustividad** (*recall*): de las que eran $c$, cuántas encontró, $\;R = \dfrac{VP}{VP + FN}$;
# - **F1**: la media armónica de ambas, $\;F_1 = \dfrac{2PR}{P + R}$, que solo es alta si las dos lo son.
#
# `classification_report` calcula las tres por especie (y su *support*, el número de flores de cada
# una). En la **matriz de confusión**, la fila es la especie real y la columna la predicha: la diagonal
# son los aciertos y cada casilla fuera de ella, una confusión concreta.
#
# **El ejemplo de las diapositivas.** Su red, medida en sus 120 flores de entrenamiento, da esta matriz
# de confusión (filas: setosa, versicolor, virginica reales; columnas: las predichas):
#
# ```
# [[42  0  0]
#  [ 0 36  5]
#  [ 0  1 36]]
# ```
#
# Para *versicolor* (fila y columna 2): $VP = 36$; $FN = 5$, las versicolor que llamó virginica (fila 2,
# columna 3); $FP = 1$, la virginica que llamó versicolor (fila 3, columna 2). Entonces la precisión es
# $36/37 \approx 0.973$, la exhaustividad $36/41 \approx 0.878$ y
# $F_1 = 2 \cdot 0.973 \cdot 0.878 / (0.973 + 0.878) = 72/78 \approx 0.923$. Para *virginica* se
# intercambian los papeles ($VP = 36$, $FP = 5$, $FN = 1$): precisión $36/41 \approx 0.878$,
# exhaustividad $36/37 \approx 0.973$ y el mismo $F_1 \approx 0.923$. *Setosa* no tiene ningún error: 1, 1
# y 1. La exactitud es $(42 + 36 + 36)/120 = 114/120 = 0.95$. Son, redondeadas a dos decimales, las cifras
# del informe que imprime la diapositiva:
#
# ```
#                  precision    recall  f1-score   support
#     Iris-setosa       1.00      1.00      1.00        42
# Iris-versicolor       0.97      0.88      0.92        41
#  Iris-virginica       0.88      0.97      0.92        37
#        accuracy                           0.95       120
# ```
#
# El *support* de cada especie es la suma de su fila. Abajo, el mismo informe y la misma matriz para tu
# modelo en las 30 flores de prueba.

# %% omitir_al_calificar=true
from sklearn.metrics import classification_report

print(classification_report(y_test, y_predicho, target_names=list(iris.target_names), digits=3))

# %% generar="matriz_confusion"

# %% [markdown]
# ### Comprobación del modelo entregado
#
# Esta celda evalúa los archivos entregados tal como se calificarán: que `modelo.keras` tenga entrada de
# 4 y salida softmax de 3, que su exactitud en las 30 flores de prueba sea al menos 0.93 y que
# `entrenamiento.json` registre el `EarlyStopping` con una métrica de validación. Entrega `modelo.keras`,
# `historial.json` y `entrenamiento.json` junto con el cuaderno.

# %% prueba="modelo_entrenado"
comprobar("modelo_entrenado")
