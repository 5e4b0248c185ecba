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
# # Tarea 08 — Prendas de Fashion-MNIST con una red densa en Keras
#
# En la tarea 07 una red de capas `Dense` reconoció dígitos manuscritos con más de un 97 % de
# aciertos. Aquí aplicas **la misma receta a un problema más difícil**: Fashion-MNIST, diez tipos de
# prendas y calzado fotografiados en escala de grises. Las imágenes tienen el mismo tamaño que las
# de MNIST, pero una camisa, una camiseta y un suéter se parecen mucho más entre sí que un 1 y un 7.
# El objetivo es una **exactitud de al menos {valor:UMBRAL_EXACTITUD}** en las 10000 imágenes de prueba.
#
# | parte | qué haces | puntos |
# |---|---|---|
# | 1. `preprocesar` | aplanar las imágenes, escalarlas a [0, 1] y codificar las etiquetas en one-hot | {puntos:preprocesar} |
# | 2. `construir_modelo` | definir y compilar la red | {puntos:construir_modelo} |
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

# %% generar="preparacion"

# %% [markdown]
# ## Los datos
#
# Fashion-MNIST (Zalando, 2017) se diseñó como reemplazo directo de MNIST: 70000 imágenes de 28×28
# píxeles en escala de grises, 60000 para entrenar y 10000 para evaluar, con 10 clases equilibradas
# (6000 prendas de cada clase en entrenamiento). Cada píxel es un entero entre 0 (negro) y 255
# (blanco) y cada etiqueta es un entero entre 0 y 9:
#
# {valor:CLASES_NUMERADAS}.
#
# En las imágenes originales la prenda es clara sobre un fondo negro (0). Las figuras de este cuaderno
# usan `cmap="gray_r"`, la escala de grises **invertida**: 0 se pinta blanco y 255 negro, así que verás
# las prendas oscuras sobre fondo blanco. Los datos son los mismos; solo cambia cómo se pintan.
#
# `cargar_fashion_mnist()` devuelve lo mismo que `keras.datasets.fashion_mnist.load_data()`, leído de
# los archivos originales sin conexión.

# %% omitir_al_calificar=true
import matplotlib.pyplot as plt
from source_data import cargar_fashion_mnist

(x_train, y_train), (x_test, y_test) = cargar_fashion_mnist()
print("x_train:", x_train.shape, x_train.dtype, "| y_train:", y_train.shape, y_train.dtype)
print("x_test: ", x_test.shape, x_test.dtype, "| y_test: ", y_test.shape, y_test.dtype)
print("Prendas por clase en entrenamiento:", np.bincount(y_train))

# La primera prenda de cada clase.
figura, ejes = plt.subplots(1, 10, figsize=(14, 1.9))
for clase, eje in enumerate(ejes):
    eje.imshow(x_train[np.argmax(y_train == clase)], cmap="gray_r")
    eje.set_title(NOMBRES_CLASES[clase], fontsize=8)
    eje.axis("off")
plt.show()

# %% [markdown]
# ## Parte 1: preparar los datos ({puntos:preprocesar} puntos)
#
# Una capa `Dense` recibe vectores, no imágenes, y aprende mejor con entradas pequeñas. Escribe
# `preprocesar(x, y)`, que:
#
# 1. **aplana** cada imagen de 28×28 en un vector de 784 píxeles, fila por fila
#    (`x.reshape(n, 784)`);
# 2. la convierte a `float32` y la **divide entre 255**, para que los píxeles queden en [0, 1].
#    Divide siempre entre 255 (el máximo posible de un píxel `uint8`) y no entre el píxel más
#    brillante del lote: muchas prendas son oscuras y cada lote quedaría en otra escala;
# 3. codifica las etiquetas en **one-hot**: con $k = 10$ clases, la etiqueta $y$ pasa a ser el vector
#    $\mathbf{e}_y \in \{0, 1\}^{10}$ con un 1 en la posición $y$. Por ejemplo, una sandalia
#    (clase 5) se convierte en `[0, 0, 0, 0, 0, 1, 0, 0, 0, 0]`. Siempre 10 columnas, aunque un lote
#    no tenga todas las prendas (si usas `keras.utils.to_categorical`, pásale `num_classes=10`).
#
# La salida softmax de la red da un vector de 10 probabilidades $\hat{\mathbf{p}}$, y la entropía
# cruzada categórica compara ambos vectores: $\ell = -\sum_{j=1}^{10} e_{y,j} \log \hat p_j =
# -\log \hat p_y$.

# %% solucion="preprocesar"

# %% generar="ejemplo"

# %% prueba="preprocesar"
comprobar("preprocesar", preprocesar)

# %% [markdown]
# ## Parte 2: construir el modelo ({puntos:construir_modelo} puntos)
#
# Escribe `construir_modelo()`, que devuelve un `keras.Model` **ya compilado** con:
#
# - entrada `keras.Input(shape=(784,))`, los vectores de `preprocesar`;
# - una o más capas ocultas `layers.Dense(..., activation="relu")`. Con una sola capa de 128 unidades
#   se queda cerca de 0.87; la referencia usa dos capas ocultas (256 y 128 unidades) con un
#   `layers.Dropout(0.2)` entre ellas. En esta tarea se usan **solo capas densas**: las convoluciones
#   llegan en la tarea 09;
# - una capa de salida `layers.Dense(10, activation="softmax")`, que da una probabilidad por prenda;
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
# historial en `historial.json`) junto a este cuaderno. Se reserva el último 10 % de las prendas de
# entrenamiento para validación. Con la red de referencia, las {valor:EPOCAS_REFERENCIA} épocas
# tardan algo más de un minuto en un procesador de 2 núcleos y llegan a una exactitud de
# 0.88 en prueba.
#
# Recuerda: al calificar esta celda **no se ejecuta**; se califica tu `modelo.keras`, así que
# entrégalo con el cuaderno.

# %% generar="keras_comun.entrenamiento"

# %% [markdown]
# ### Curvas de aprendizaje
#
# La pérdida de entrenamiento debería bajar en cada época. En Fashion-MNIST la de validación se
# estanca antes que en MNIST: si empieza a subir mientras la de entrenamiento sigue bajando, el
# modelo está sobreajustando y más épocas no ayudan.

# %% omitir_al_calificar=true
graficar_historial(historia)

# %% [markdown]
# ## Evaluación
#
# Medimos el modelo en las 10000 prendas de prueba, que no vio al entrenar. El informe de
# clasificación da la precisión, la exhaustividad (recall) y el F1 de cada clase; la matriz de
# confusión muestra qué prendas se confunden entre sí (las filas son la prenda real y las columnas la
# predicha). Fíjate en las prendas de la parte superior del cuerpo: camiseta/top, suéter, abrigo y
# camisa.

# %% generar="informe"

# %% generar="matriz_confusion"

# %% [markdown]
# ### Prendas mal clasificadas
#
# Mirar los errores ayuda a entender al modelo. Abajo están las primeras prendas de prueba que la red
# clasifica mal, con la clase real, la predicha y la probabilidad que le dio a la predicha. ¿Cometerías
# tú los mismos errores con imágenes de 28×28?

# %% omitir_al_calificar=true
errores = np.flatnonzero(y_predicho != y_test)[:15]
figura, ejes = plt.subplots(3, 5, figsize=(12, 8))
for eje, i in zip(ejes.ravel(), errores):
    eje.imshow(x_test[i], cmap="gray_r")
    eje.set_title(f"real: {NOMBRES_CLASES[y_test[i]]}\npredicha: {NOMBRES_CLASES[y_predicho[i]]}"
                  f" ({probabilidades[i, y_predicho[i]]:.0%})", fontsize=9)
    eje.axis("off")
figura.tight_layout()
plt.show()

# %% [markdown]
# ### Comprobación del modelo entregado
#
# Esta celda evalúa el archivo `modelo.keras` tal como se calificará: comprueba que la red tenga solo
# capas densas, entrada de 784 y salida softmax de 10, y mide su exactitud en las 10000 prendas de
# prueba (se pide al menos {valor:UMBRAL_EXACTITUD}). Entrega `modelo.keras` junto con el cuaderno.

# %% prueba="modelo_entrenado"
comprobar("modelo_entrenado")
