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
# # Tarea 06 — Dígitos manuscritos de 8×8 con una red densa en Keras
#
# En esta tarea entrenas con Keras una red de capas densas que reconoce dígitos escritos a mano, con el
# conjunto **optdigits** de UCI: imágenes pequeñas, de 8×8 píxeles, de dígitos que escribieron 43
# personas. Las 3823 imágenes de entrenamiento y las 1797 de prueba son de **personas distintas**, así
# que la prueba mide de verdad si la red generaliza a letras que nunca vio. El objetivo es una
# **exactitud de al menos 0.95** en las 1797 imágenes de prueba.
#
# **La cifra a superar es la de las diapositivas: 0.961** de aciertos de su red densa (`Keras_DIGITOS.ipynb`)
# en estas mismas 1797 imágenes de prueba. La diapositiva la imprime con el rótulo «% aciertos X_train», pero
# la calcula con `X_test` (su informe, «Dígitos de testeo», suma 1797 ejemplos): es exactitud en **prueba**, y
# el rótulo es una errata. La red de referencia de esta tarea llega a 0.962–0.967 según la semilla; el umbral
# de calificación, 0.95, queda un poco por debajo para admitir redes algo distintas.
#
# | parte | qué haces | puntos |
# |---|---|---|
# | 1. `preparar_datos` | escalar los píxeles a [0, 1] y codificar los dígitos en one-hot | {puntos:preparar_datos} |
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
# `entrenar_y_guardar` (no llames a `modelo.fit` por tu cuenta) y entrega `modelo.keras` (y
# `historial.json`) con el cuaderno. Si cambias `construir_modelo`, vuelve a ejecutar la celda de
# entrenamiento para que el archivo corresponda a tu modelo.

# %% [markdown]
# ## Preparación
#
# Importamos Keras (con el motor de TensorFlow) y NumPy. La variable de entorno `TF_CPP_MIN_LOG_LEVEL`
# se fija antes de importar Keras para ocultar los mensajes internos de TensorFlow. `sin_mensajes_de_tensorflow()`, de las herramientas
# del curso, oculta además los pocos que TensorFlow escribe al cargarse (en procesadores con AVX-512,
# un aviso de que usa oneDNN). Matplotlib y
# scikit-learn se importan en las celdas que los usan.

# %% generar="keras_comun.preparacion"

# %% [markdown]
# ## Los datos
#
# Cada dígito se escribió en un formulario y se digitalizó como un dibujo de 32×32 puntos blancos o
# negros. Para reducir el tamaño, el dibujo se dividió en 64 bloques de 4×4 y cada bloque se resumió en
# **cuántos puntos negros tiene**: un entero de 0 a 16. Así, cada dígito es una imagen de 8×8 con
# valores de 0 a 16, que llega ya aplanada como un vector de 64 números. `cargar_optdigits()` devuelve
# `(x_train, y_train), (x_test, y_test)` con `x` de forma (n, 64) y las etiquetas de 0 a 9.

# %% omitir_al_calificar=true
import matplotlib.pyplot as plt
from source_data import cargar_optdigits

(x_train, y_train), (x_test, y_test) = cargar_optdigits()
print("x_train:", x_train.shape, x_train.dtype, "valores de", x_train.min(), "a", x_train.max())
print("x_test: ", x_test.shape, "| ejemplos por dígito en prueba:", np.bincount(y_test))

figura, ejes = plt.subplots(1, 10, figsize=(12, 1.6))
for eje, imagen, etiqueta in zip(ejes, x_train[:10], y_train[:10]):
    eje.imshow(imagen.reshape(8, 8), cmap="gray_r", vmin=0, vmax=16)
    eje.set_title(str(etiqueta))
    eje.axis("off")
plt.show()

# %% [markdown]
# ## Parte 1: preparar los datos ({puntos:preparar_datos} puntos)
#
# Las redes aprenden mejor con entradas pequeñas y de escala parecida. Como cada píxel es un entero
# entre 0 y 16, basta dividir entre su máximo, 16, para llevarlo a $[0, 1]$ (es la normalización min-max
# con el mínimo y el máximo posibles, 0 y 16):
# $$x' = \frac{x}{16}, \qquad \text{por ejemplo} \quad (0, 4, 8, 16) \mapsto (0, 0.25, 0.5, 1).$$
# Ojo: no es 255 como en MNIST, donde los píxeles van de 0 a 255.
#
# Las etiquetas se codifican en **one-hot**: el dígito 3 pasa a ser `[0, 0, 0, 1, 0, 0, 0, 0, 0, 0]`,
# una columna por dígito, para compararlas con las 10 probabilidades de la salida softmax. Usa
# `keras.utils.to_categorical(y, num_classes=10)`: pasa siempre `num_classes=10`, porque un lote puede no
# contener todos los dígitos.
#
# Escribe `preparar_datos(x, y)`, que devuelve `X` en `float32` con los píxeles divididos entre 16 y `Y`
# en one-hot.

# %% solucion="preparar_datos"

# %% libre=true
# Prueba tu función con dos dígitos inventados: todo a 0 salvo algunos píxeles.
x_ejemplo = np.zeros((2, 64), dtype=np.uint8)
x_ejemplo[0, :4] = [0, 4, 8, 16]
X_ejemplo, Y_ejemplo = preparar_datos(x_ejemplo, np.array([3, 9]))
print("X:", X_ejemplo.shape, X_ejemplo.dtype, "| primeros píxeles:", X_ejemplo[0, :4])
print("Y:\n", Y_ejemplo)

# %% prueba="preparar_datos"
comprobar("preparar_datos", preparar_datos)

# %% [markdown]
# ## Parte 2: construir el modelo ({puntos:construir_modelo} puntos)
#
# Escribe `construir_modelo()`, que devuelve un `keras.Model` **ya compilado** con:
#
# - entrada `keras.Input(shape=(64,))`, los vectores de `preparar_datos`;
# - una o más capas ocultas `layers.Dense(..., activation="relu")`. La referencia usa 256 unidades
#   seguidas de `layers.Dropout(0.3)`, que en cada paso de entrenamiento apaga al azar el 30 % de las
#   unidades y así evita que la red dependa de unas pocas (ayuda a generalizar a otras personas);
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
# La celda siguiente prepara los datos con tu `preparar_datos`, construye el modelo y lo entrena con
# `entrenar_y_guardar`, que llama a `modelo.fit` y guarda el resultado en `modelo.keras` (y el historial en
# `historial.json`) junto a este cuaderno. Se reserva el último 10 % de las imágenes de entrenamiento
# para validación. Con la red de referencia, las {valor:EPOCAS_REFERENCIA} épocas tardan
# unos 20 segundos en un procesador de 2 núcleos.
#
# Recuerda: al calificar esta celda **no se ejecuta**; se califica tu `modelo.keras`, así que
# entrégalo con el cuaderno.

# %% generar="keras_comun.entrenamiento"

# %% [markdown]
# ### Curvas de aprendizaje
#
# La pérdida de entrenamiento debería bajar en cada época. Si la de validación empieza a subir mientras
# la de entrenamiento sigue bajando, el modelo está sobreajustando.

# %% omitir_al_calificar=true
graficar_historial(historia)

# %% [markdown]
# ## Evaluación
#
# Ahora medimos el modelo en las 1797 imágenes de prueba, escritas por personas que no aparecen en el
# entrenamiento; compara su exactitud con el 0.961 de las diapositivas. El informe de clasificación da, para cada dígito, la **precisión** (de las imágenes que
# la red llamó «3», qué fracción eran un 3), la **exhaustividad** o *recall* (de los 3 reales, qué
# fracción reconoció) y el **F1**, su media armónica $2PR/(P+R)$. La matriz de confusión muestra qué
# dígitos se confunden entre sí: las filas son el dígito real y las columnas el predicho.

# %% generar="keras_comun.informe"

# %% generar="keras_comun.matriz_confusion"

# %% [markdown]
# ### Comprobación del modelo entregado
#
# Esta celda evalúa el archivo `modelo.keras` tal como se calificará: comprueba que la red tenga entrada
# de 64 y salida softmax de 10, y mide su exactitud en las 1797 imágenes de prueba (se pide al menos
# 0.95). Entrega `modelo.keras` junto con el cuaderno.

# %% prueba="modelo_entrenado"
comprobar("modelo_entrenado")
