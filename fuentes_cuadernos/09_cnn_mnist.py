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
# # Tarea 09 — Una red convolucional para MNIST en Keras
#
# En la tarea 07 una red de capas `Dense` llegó a un 97–98 % de aciertos en MNIST, pero para hacerlo
# tuvo que **aplanar** cada imagen: para ella, el píxel (3, 4) y el (3, 5) son dos entradas sin
# relación, y un dígito desplazado dos píxeles es un vector completamente distinto. Una **red
# convolucional** (CNN) trabaja con la imagen tal como es: aprende filtros pequeños que recorren la
# imagen buscando trazos, y los combina capa a capa. Con menos parámetros que la red densa, la red de
# referencia llega a una exactitud de 0.989 en prueba (casi el 99 %, sin llegar). El objetivo de esta
# tarea es una **exactitud de al menos {valor:UMBRAL_EXACTITUD}** en las 10000 imágenes de prueba.
#
# | parte | qué haces | puntos |
# |---|---|---|
# | 1. `preprocesar` | dar a las imágenes forma (28, 28, 1), escalarlas a [0, 1] y codificar las etiquetas en one-hot | {puntos:preprocesar} |
# | 2. `construir_modelo` | definir y compilar la red convolucional | {puntos:construir_modelo} |
# | 3. modelo entrenado | entrenar, guardar `modelo.keras` y entregarlo | {puntos:modelo_entrenado} |
# | total | | {puntos} |
#
# Escribe tu código solo donde dice `# TU CÓDIGO AQUÍ` (y borra el `raise NotImplementedError()` de debajo). Las celdas de comprobación de cada parte ejecutan
# las pruebas públicas; al calificar se usan además casos ocultos con otras entradas.
#
# **Regla de calificación de esta tarea.** La calificación evalúa el archivo `modelo.keras` que
# entregas junto al cuaderno y **nunca vuelve a entrenar**: al calificar, `entrenar_y_guardar` no
# entrena, sino que carga los pesos de tu `modelo.keras`. Por eso entrena **solo** con
# `entrenar_y_guardar` (no llames a `modelo.fit` por tu cuenta) y entrega `modelo.keras` con el
# cuaderno. Si cambias `construir_modelo`, vuelve a ejecutar la celda de entrenamiento para que el
# archivo corresponda a tu modelo. Las celdas que solo cargan datos, entrenan o dibujan no se
# ejecutan al calificar: tus funciones no deben depender de ellas.

# %% [markdown]
# ## Preparación
#
# Importamos Keras (con el motor de TensorFlow), NumPy y las herramientas del curso. La variable de
# entorno `TF_CPP_MIN_LOG_LEVEL` se fija antes de importar Keras para ocultar los mensajes internos de
# TensorFlow. `sin_mensajes_de_tensorflow()`, de las herramientas
# del curso, oculta además los pocos que TensorFlow escribe al cargarse (en procesadores con AVX-512,
# un aviso de que usa oneDNN). Matplotlib y scikit-learn se importan en las celdas que los usan.

# %% generar="keras_comun.preparacion"

# %% [markdown]
# ## Los datos
#
# Usamos MNIST, como en la tarea 07: 60000 imágenes de entrenamiento y 10000 de prueba, de 28×28
# píxeles en escala de grises (enteros de 0 a 255), con el dígito del 0 al 9 que muestran.
# `cargar_mnist()` devuelve lo mismo que `keras.datasets.mnist.load_data()`, leído de los archivos
# originales sin conexión.

# %% generar="keras_comun.datos_mnist"

# %% [markdown]
# ## Parte 1: preparar los datos ({puntos:preprocesar} puntos)
#
# Una capa `Conv2D` de Keras recibe un lote de imágenes con forma `(n, alto, ancho, canales)`: una
# imagen en color tiene 3 canales (rojo, verde, azul) y una en escala de grises tiene **1**. Las
# imágenes de MNIST vienen como `(n, 28, 28)`, así que hay que añadirles ese eje del canal al final
# (el formato «channels_last», el de Keras por defecto). **No las aplanes**: la red necesita saber
# qué píxeles son vecinos. Escribe `preprocesar(x, y)`, que:
#
# 1. da a las imágenes la forma `(n, 28, 28, 1)` (`x.reshape(n, 28, 28, 1)`);
# 2. las convierte a `float32` y las **divide entre 255**, para que los píxeles queden en [0, 1];
# 3. codifica las etiquetas en **one-hot** con 10 columnas (si usas `keras.utils.to_categorical`,
#    pásale `num_classes=10`).

# %% solucion="preprocesar"

# %% generar="keras_comun.ejemplo"

# %% prueba="preprocesar"
comprobar("preprocesar", preprocesar)

# %% [markdown]
# ## Parte 2: construir el modelo ({puntos:construir_modelo} puntos)
#
# ### Convolución y pooling
#
# Una capa `Conv2D` con filtros de $3\times 3$ desliza cada filtro $W$ (más un sesgo $b$) por la
# imagen y, en cada posición $(i, j)$, calcula una suma ponderada de la ventana de $3\times 3$
# píxeles que cubre:
#
# $$z_{i,j} = \sum_{u=0}^{2} \sum_{v=0}^{2} W_{u,v}\, x_{i+u,\, j+v} + b,
# \qquad a_{i,j} = \mathrm{ReLU}(z_{i,j}).$$
#
# El resultado es un **mapa de activación**: grande donde la ventana se parece al filtro (por
# ejemplo, un trazo vertical). Sin relleno (`padding="valid"`, el valor por defecto) una imagen de
# $28\times 28$ da un mapa de $(28 - 3 + 1)\times(28 - 3 + 1) = 26\times 26$ por filtro. El mismo
# filtro se usa en todas las posiciones, así que una capa de 32 filtros sobre 1 canal tiene solo
# $32\cdot(3\cdot 3\cdot 1 + 1) = 320$ parámetros.
#
# Una capa `MaxPooling2D` de $2\times 2$ se queda con el máximo de cada bloque de $2\times 2$:
# reduce el mapa a la mitad ($26\times 26 \to 13\times 13$) y hace a la red tolerante a pequeños
# desplazamientos. Tras dos bloques convolución + pooling, `Flatten` convierte los mapas en un vector
# para la capa `Dense` de salida.
#
# **Ejemplo.** La red de referencia: `Conv2D(32)` → $26\times26\times32$; `MaxPooling2D` →
# $13\times13\times32$; `Conv2D(64)` → $11\times11\times64$ ($64\cdot(3\cdot3\cdot32+1) = 18496$
# parámetros); `MaxPooling2D` → $5\times5\times64$; `Flatten` → $1600$; `Dense(10)` →
# $10\cdot(1600+1) = 16010$ parámetros. En total unos 35000 parámetros, frente a los más de 200000 de
# la red densa de la tarea 07.
#
# ### Tu modelo
#
# Escribe `construir_modelo()`, que devuelve un `keras.Model` **ya compilado** con:
#
# - entrada `keras.Input(shape=(28, 28, 1))`, las imágenes de `preprocesar`;
# - al menos una capa `layers.Conv2D(..., kernel_size=(3, 3), activation="relu")` seguida de una capa
#   `layers.MaxPooling2D(pool_size=(2, 2))` (la referencia usa dos bloques, con 32 y 64 filtros);
# - `layers.Flatten()` y, si quieres, `layers.Dropout(0.5)` para regularizar;
# - una capa de salida `layers.Dense(10, activation="softmax")`, que da una probabilidad por dígito;
# - `compile` con `optimizer="adam"`, `loss="categorical_crossentropy"` (las etiquetas están en
#   one-hot) y `metrics=["accuracy"]`.

# %% solucion="construir_modelo"

# %% generar="keras_comun.resumen"

# %% prueba="construir_modelo"
comprobar("construir_modelo", construir_modelo)

# %% [markdown]
# ## Parte 3: entrenar y entregar el modelo ({puntos:modelo_entrenado} puntos)
#
# ### Entrenamiento
#
# La celda siguiente prepara los datos con tu `preprocesar`, construye el modelo y lo entrena con
# `entrenar_y_guardar`, que llama a `modelo.fit` y guarda el resultado en `modelo.keras` (y el
# historial en `historial.json`) junto a este cuaderno. Se reserva el último 10 % de las imágenes de
# entrenamiento para validación. Una convolución cuesta mucho más cálculo por imagen que una capa
# densa: con la red de referencia, las {valor:EPOCAS_REFERENCIA} épocas tardan
# unos 4 minutos (bastante más si el equipo está ocupado) en un procesador de 2 núcleos y llegan a una exactitud de
# 0.989 en prueba.
#
# Recuerda: al calificar esta celda **no se ejecuta**; se califica tu `modelo.keras`, así que
# entrégalo con el cuaderno.

# %% generar="keras_comun.entrenamiento"

# %% [markdown]
# ### Curvas de aprendizaje
#
# La pérdida de entrenamiento debería bajar en cada época y la exactitud de validación quedar cerca de
# la de entrenamiento. No te extrañe que la de entrenamiento quede por debajo de la de validación: se
# mide con el `Dropout` activo (la mitad de las activaciones apagadas) y promediada a lo largo de la
# época, mientras que la de validación se mide al final de la época y sin dropout.

# %% omitir_al_calificar=true
graficar_historial(historia)

# %% [markdown]
# ## Evaluación
#
# Medimos el modelo en las 10000 imágenes de prueba, que no vio al entrenar. El informe de
# clasificación da la precisión, la exhaustividad (recall) y el F1 de cada dígito; la matriz de
# confusión muestra qué dígitos se confunden entre sí (las filas son el dígito real y las columnas el
# predicho). Compárala con la de la red densa de la tarea 07.

# %% generar="informe"

# %% generar="keras_comun.matriz_confusion"

# %% [markdown]
# ## Dentro de la red
#
# ### Los filtros aprendidos
#
# Los pesos de la primera capa `Conv2D` tienen forma `(3, 3, 1, filtros)`: un filtro de $3\times 3$
# por cada mapa de activación. Dibujados como imágenes (claro = peso positivo, oscuro = negativo),
# muchos parecen detectores de bordes o de trazos en una dirección.

# %% omitir_al_calificar=true
primera_convolucion = next(capa for capa in modelo.layers if isinstance(capa, layers.Conv2D))
filtros = primera_convolucion.get_weights()[0]  # (3, 3, 1, número de filtros)
cuantos = min(filtros.shape[-1], 32)
figura, ejes = plt.subplots(4, 8, figsize=(10, 5))
for k, eje in enumerate(ejes.ravel()):
    eje.axis("off")
    if k < cuantos:
        eje.imshow(filtros[:, :, 0, k], cmap="gray")
        eje.set_title(f"filtro {k}", fontsize=8)
figura.suptitle("Filtros de la primera capa Conv2D")
plt.show()

# %% [markdown]
# ### Los mapas de activación de una imagen
#
# Un modelo auxiliar con la misma entrada y, como salida, la de la primera capa `Conv2D` nos deja ver
# qué «ve» la red: cada mapa resalta las zonas de la imagen donde aparece el patrón de su filtro.

# %% omitir_al_calificar=true
extractor = keras.Model(inputs=modelo.inputs, outputs=primera_convolucion.output)
imagen = X_test[:1]
mapas = extractor.predict(imagen, verbose=0)[0]  # (26, 26, número de filtros)

figura, ejes = plt.subplots(4, 9, figsize=(12, 5.6))
ejes = ejes.ravel()
ejes[0].imshow(imagen[0, :, :, 0], cmap="gray")
ejes[0].set_title(f"imagen ({y_test[0]})", fontsize=8)
for k, eje in enumerate(ejes[1:]):
    if k < mapas.shape[-1]:
        eje.imshow(mapas[:, :, k], cmap="viridis")
        eje.set_title(f"mapa {k}", fontsize=8)
for eje in ejes:
    eje.axis("off")
figura.suptitle("Mapas de activación de la primera capa Conv2D")
plt.show()

# %% [markdown]
# ### Comprobación del modelo entregado
#
# Esta celda evalúa el archivo `modelo.keras` tal como se calificará: comprueba que la red tenga capas
# `Conv2D` y de pooling, entrada (28, 28, 1) y salida softmax de 10, y mide su exactitud en las 10000
# imágenes de prueba (se pide al menos {valor:UMBRAL_EXACTITUD}). Entrega `modelo.keras` junto con el
# cuaderno.

# %% prueba="modelo_entrenado"
comprobar("modelo_entrenado")
