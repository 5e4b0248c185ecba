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
# # Tarea 10 — Clasificar fotos de CIFAR-10 con una red convolucional
#
# En la tarea 07 una red densa reconocía dígitos en imágenes aplanadas. Con fotos en color de objetos
# reales eso funciona mal: aplanar la imagen tira la información de qué píxeles son vecinos. En esta
# tarea construyes una **red convolucional** (CNN), que aprende filtros pequeños que recorren la imagen
# y detectan bordes, colores y texturas, y la entrenas para distinguir las 10 clases de CIFAR-10.
#
# | parte | qué haces | puntos |
# |---|---|---|
# | 1. `preprocesar` | escalar las imágenes a [0, 1] y codificar las etiquetas en one-hot | {puntos:preprocesar} |
# | 2. `construir_modelo` | definir y compilar la red convolucional | {puntos:construir_modelo} |
# | 3. modelo entrenado | entrenar, guardar `modelo.keras` y entregarlo | {puntos:modelo_entrenado} |
# | total | | {puntos} |
#
# **Qué exactitud se pide.** Depende de los datos que tengas: con el CIFAR-10 completo (50000 imágenes
# de entrenamiento) se pide al menos **{valor:UMBRAL_COMPLETO:g}** en las 10000 de prueba. Sin conexión, el curso
# trae solo un **subconjunto** (las primeras 4000 imágenes de entrenamiento y las primeras 1000 de
# prueba); con tan pocos ejemplos ninguna red pequeña llega a {valor:UMBRAL_COMPLETO:g}, así que el umbral está
# calibrado con la solución de referencia entrenada en ese mismo subconjunto
# ({valor:EXACTITUD_REFERENCIA_SUBCONJUNTO:.3f}) menos un margen: se pide al menos **{valor:UMBRAL_SUBCONJUNTO:g}** en las 1000
# imágenes de prueba. El calificador usa el umbral de los datos que realmente tiene.
#
# Escribe tu código solo donde dice `# TU CÓDIGO AQUÍ` (y borra el `raise NotImplementedError()` de debajo). Las celdas de comprobación de cada parte ejecutan
# las pruebas públicas; al calificar se usan además casos ocultos con otras entradas.
#
# **Regla de calificación de esta tarea.** La calificación evalúa el archivo `modelo.keras` que
# entregas junto al cuaderno y **nunca vuelve a entrenar**: al calificar, `entrenar_y_guardar` no
# entrena, sino que carga los pesos de tu `modelo.keras`, y las celdas que cargan datos, entrenan o
# dibujan no se ejecutan. Por eso entrena **solo** con `entrenar_y_guardar` (no llames a `modelo.fit`
# por tu cuenta) y entrega `modelo.keras` con el cuaderno. Si cambias `construir_modelo`, vuelve a
# ejecutar la celda de entrenamiento para que el archivo corresponda a tu modelo.

# %% [markdown]
# ## Preparación
#
# Importamos Keras (con el motor de TensorFlow) y NumPy. La variable de entorno `TF_CPP_MIN_LOG_LEVEL`
# se fija antes de importar Keras para ocultar los mensajes internos de TensorFlow. `sin_mensajes_de_tensorflow()`, de las herramientas
# del curso, oculta además los pocos que TensorFlow escribe al cargarse (en procesadores con AVX-512,
# un aviso de que usa oneDNN).

# %% generar="preparacion"

# %% [markdown]
# ## Los datos
#
# CIFAR-10 (Krizhevsky, 2009) tiene 60000 fotos en color de 32×32 píxeles de 10 clases (avión,
# automóvil, pájaro, gato, ciervo, perro, rana, caballo, barco y camión): 50000 para entrenar y 10000
# para evaluar. Cada imagen es un array `(32, 32, 3)`: alto, ancho y los tres canales de color rojo,
# verde y azul, con enteros de 0 a 255. Las etiquetas vienen con forma `(n, 1)`, como en
# `keras.datasets.cifar10.load_data()`.
#
# `cargar_cifar10()` devuelve el conjunto completo si está en la caché de Keras o se puede descargar,
# y si no, el subconjunto sin conexión del curso (4000 + 1000 imágenes, las primeras de cada parte
# del conjunto oficial). `origen_cifar10()` dice cuál de los dos tienes.

# %% omitir_al_calificar=true
import matplotlib.pyplot as plt

from source_data import cargar_cifar10, origen_cifar10

(x_train, y_train), (x_test, y_test) = cargar_cifar10()
print("Datos:", origen_cifar10())
print("x_train:", x_train.shape, x_train.dtype, "| y_train:", y_train.shape, y_train.dtype)
print("x_test: ", x_test.shape, x_test.dtype, "| y_test: ", y_test.shape, y_test.dtype)
print("Ejemplos por clase en entrenamiento:", np.bincount(y_train.reshape(-1)))

figura, ejes = plt.subplots(2, 8, figsize=(12, 3.4))
for eje, imagen, etiqueta in zip(ejes.flat, x_train, y_train[:, 0]):
    eje.imshow(imagen)
    eje.set_title(CLASES[etiqueta], fontsize=9)
    eje.axis("off")
plt.show()

# %% [markdown]
# ## Parte 1: preparar los datos ({puntos:preprocesar} puntos)
#
# A diferencia de la tarea 07, aquí **no se aplana**: la red convolucional recibe cada imagen con su
# forma `(32, 32, 3)`, porque sus filtros aprovechan qué píxeles están cerca. Escribe
# `preprocesar(x, y)`, que:
#
# 1. convierte las imágenes a `float32` y las **divide entre 255**, para que queden en [0, 1] sin
#    cambiar su forma `(n, 32, 32, 3)`;
# 2. codifica las etiquetas en **one-hot** con 10 columnas: la etiqueta 3 (gato) pasa a ser
#    `[0, 0, 0, 1, 0, 0, 0, 0, 0, 0]`. Las etiquetas llegan con forma `(n, 1)`: aplánalas antes con
#    `y.reshape(-1)` (o usa `keras.utils.to_categorical(y, num_classes=10)`).
#
# Por ejemplo, un píxel `[255, 51, 0]` pasa a `[1.0, 0.2, 0.0]`.

# %% solucion="preprocesar"

# %% libre=true
# Prueba tu función con dos imágenes sintéticas: una negra y una blanca.
x_ejemplo = np.stack([np.zeros((32, 32, 3), np.uint8), np.full((32, 32, 3), 255, np.uint8)])
X_ejemplo, Y_ejemplo = preprocesar(x_ejemplo, np.array([[3], [8]]))
print("X:", X_ejemplo.shape, X_ejemplo.dtype, "valores:", X_ejemplo.min(), "a", X_ejemplo.max())
print("Y:", Y_ejemplo.shape)
print(Y_ejemplo)

# %% prueba="preprocesar"
comprobar("preprocesar", preprocesar)

# %% [markdown]
# ## Parte 2: construir el modelo ({puntos:construir_modelo} puntos)
#
# Una capa **`Conv2D(filtros, 3)`** desliza `filtros` núcleos de 3×3×(canales de entrada) por la
# imagen; en cada posición calcula
# $$z_{i,j,f} = b_f + \sum_{u,v,c} W_{u,v,c,f}\, x_{i+u,\,j+v,\,c},$$
# y así cada filtro produce un **mapa de activación** que indica dónde aparece su patrón. Con
# `padding="same"` el mapa conserva el alto y el ancho. Una **`MaxPooling2D()`** se queda con el máximo
# de cada bloque de 2×2: reduce el tamaño a la mitad y hace a la red menos sensible a desplazamientos
# pequeños. Apilando convoluciones y pooling, las primeras capas detectan bordes y colores y las
# siguientes, combinaciones cada vez más grandes (texturas, partes de objetos). Al final `Flatten` y
# una `Dense(10, activation="softmax")` dan una probabilidad por clase.
#
# Con pocas imágenes de entrenamiento la red **sobreajusta** enseguida. Dos remedios:
# - **aumento de datos**: capas como `layers.RandomFlip("horizontal")` y
#   `layers.RandomTranslation(0.1, 0.1)` al principio del modelo crean, en cada época, versiones
#   volteadas y desplazadas de las imágenes. Solo actúan al entrenar; al predecir dejan pasar la
#   imagen sin cambios, y como son capas estándar de Keras se guardan dentro de `modelo.keras`;
# - **`layers.Dropout`** antes de la capa de salida.
#
# Escribe `construir_modelo()`, que devuelve un `keras.Model` **ya compilado** con:
#
# - entrada `keras.Input(shape=(32, 32, 3))`;
# - (opcional) capas de aumento de datos;
# - **al menos dos** capas `layers.Conv2D(..., activation="relu")`, cada una con su `MaxPooling2D`
#   (la referencia usa tres, de 32, 64 y 64 filtros);
# - `layers.Flatten()`, y una salida `layers.Dense(10, activation="softmax")`;
# - `compile` con `optimizer="adam"`, `loss="categorical_crossentropy"` y `metrics=["accuracy"]`.
#
# Mantén el modelo pequeño (unos 100000 parámetros): entrena más rápido y sobreajusta menos.

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
# entrenamiento para validación. Con el subconjunto de 4000 imágenes y la red de referencia, las
# {valor:EPOCAS_REFERENCIA} épocas tardan unos 9 minutos en un procesador de 2 núcleos (más de 20 minutos si el equipo está ocupado con otras tareas). Con el conjunto completo cada época
# tarda unas 12 veces más; si lo tienes, prueba primero con pocas épocas.
#
# Recuerda: al calificar esta celda **no se ejecuta**; se califica tu `modelo.keras`, así que
# entrégalo con el cuaderno.

# %% generar="keras_comun.entrenamiento"

# %% [markdown]
# ### Curvas de aprendizaje
#
# Con aumento de datos la exactitud de entrenamiento suele quedar **por debajo** de la de validación al
# principio: la red entrena con imágenes volteadas y desplazadas, más difíciles que las originales. Si
# la de entrenamiento sube mucho más que la de validación, la red sobreajusta.

# %% omitir_al_calificar=true
graficar_historial(historia)

# %% [markdown]
# ## Evaluación
#
# Ahora medimos el modelo en las imágenes de prueba, que no vio al entrenar. El informe de
# clasificación da la precisión, la exhaustividad (recall) y el F1 de cada clase; la matriz de
# confusión muestra qué clases se confunden entre sí (filas: clase real; columnas: predicha). Fíjate
# en los pares gato/perro y automóvil/camión.

# %% generar="informe"

# %% generar="matriz_confusion"

# %% [markdown]
# ### ¿Qué aprendió la red? Filtros y mapas de activación
#
# Los 32 filtros de la primera `Conv2D` son pequeños parches de 3×3×3 que se pueden mirar como imágenes
# en color (reescalados a [0, 1]): suelen parecer detectores de bordes en distintas orientaciones y de
# colores. Debajo, los **mapas de activación** que produce esa capa para una imagen de prueba: cada
# uno se ilumina donde la imagen contiene el patrón de su filtro.

# %% omitir_al_calificar=true
primera_conv = next(capa for capa in modelo.layers if isinstance(capa, layers.Conv2D))
nucleos = primera_conv.get_weights()[0]  # (3, 3, 3, filtros)
nucleos = (nucleos - nucleos.min()) / (nucleos.max() - nucleos.min())

figura, ejes = plt.subplots(2, 16, figsize=(12, 1.8))
for f, eje in enumerate(ejes.flat):
    eje.imshow(nucleos[:, :, :, f])
    eje.axis("off")
figura.suptitle("Filtros de la primera capa Conv2D")
plt.show()

# Mapas de activación: la salida de la primera Conv2D para una imagen de prueba.
extractor = keras.Model(modelo.inputs, primera_conv.output)
mapas = extractor.predict(X_test[:1], verbose=0)[0]  # (32, 32, filtros)
figura, ejes = plt.subplots(2, 9, figsize=(12, 3))
ejes[0, 0].imshow(x_test[0])
ejes[0, 0].set_title(CLASES[y_test[0, 0]], fontsize=9)
ejes[1, 0].axis("off")
for f, eje in enumerate(list(ejes[0, 1:]) + list(ejes[1, 1:])):
    eje.imshow(mapas[:, :, f], cmap="viridis")
    eje.set_title(f"filtro {f}", fontsize=8)
for eje in ejes.flat:
    eje.axis("off")
plt.show()

# %% [markdown]
# ### Comprobación del modelo entregado
#
# Esta celda evalúa el archivo `modelo.keras` tal como se calificará: comprueba que la red tenga al
# menos dos `Conv2D`, entrada `(32, 32, 3)` y salida softmax de 10, y mide su exactitud en las
# imágenes de prueba que tengas: se pide al menos {valor:UMBRAL_SUBCONJUNTO:g} en las 1000 del subconjunto sin
# conexión, o {valor:UMBRAL_COMPLETO:g} en las 10000 del conjunto completo. Entrega `modelo.keras` junto con el
# cuaderno.

# %% prueba="modelo_entrenado"
comprobar("modelo_entrenado")
