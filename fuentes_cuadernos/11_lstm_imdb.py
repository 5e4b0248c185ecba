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
# # Tarea 11 — Sentimiento de reseñas de cine (IMDB) con una red recurrente LSTM
#
# Hasta ahora cada ejemplo era un vector o una imagen de tamaño fijo. Un texto, en cambio, es una
# **secuencia** de palabras de largo variable. En esta tarea entrenas una red recurrente que lee una
# reseña de cine palabra por palabra y decide si es **positiva o negativa**. El objetivo es llegar a
# una **exactitud de al menos 0.84** en reseñas que la red no vio al entrenar.
#
# | parte | qué haces | puntos |
# |---|---|---|
# | 1. `preparar_secuencias` | llevar todas las reseñas a 200 palabras (relleno y recorte) | {puntos:preparar_secuencias} |
# | 2. `construir_modelo` | definir y compilar la red Embedding → LSTM → salida sigmoide | {puntos:construir_modelo} |
# | 3. modelo entrenado | entrenar, guardar `modelo.keras` y entregarlo | {puntos:modelo_entrenado} |
# | total | | {puntos} |
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
# Importamos Keras (con el motor de TensorFlow) y NumPy, y fijamos las dos constantes de la tarea:
# cada reseña se lleva a `LONGITUD = 200` palabras y solo se usan las `VOCABULARIO = 10000` palabras
# más frecuentes. La variable de entorno `TF_CPP_MIN_LOG_LEVEL` se fija antes de importar Keras para
# ocultar los mensajes internos de TensorFlow. `sin_mensajes_de_tensorflow()`, de las herramientas
# del curso, oculta además los pocos que TensorFlow escribe al cargarse (en procesadores con AVX-512,
# un aviso de que usa oneDNN).

# %% generar="preparacion"

# %% [markdown]
# ## Los datos
#
# El conjunto IMDB (Maas et al., 2011) tiene 50000 reseñas de películas escritas en inglés, la mitad
# para entrenar y la otra mitad para evaluar. Cada reseña está etiquetada como **negativa (0)** si su
# nota era de 1 a 4 estrellas sobre 10, o **positiva (1)** si era de 7 a 10; hay 12500 de cada clase
# en cada mitad.
#
# Una red no lee letras: `cargar_imdb(num_words=10000)` devuelve cada reseña ya convertida en una
# **lista de enteros**, con las mismas convenciones que `keras.datasets.imdb.load_data`. Aquí se
# construye sin conexión a partir de los textos originales, así:
#
# 1. **Tokenización** (como `text_to_word_sequence` de Keras): el texto se pasa a minúsculas, cada
#    signo de puntuación ``!"#$%&()*+,-./:;<=>?@[\]^_`{|}~`` se cambia por un espacio y se parte por
#    los espacios. El apóstrofo se conserva (`it's` es una palabra) y la etiqueta HTML `<br />` deja
#    la palabra `br`.
# 2. **Índice de palabras**: cada palabra se sustituye por su posición en el índice de Keras, ordenado
#    por frecuencia (`the` = 1, `and` = 2, `a` = 3, ...), **más 3**, porque los valores 0, 1 y 2 están
#    reservados: 0 es el **relleno**, 1 marca el **inicio** de cada reseña y 2 es una palabra
#    **desconocida**.
# 3. **Vocabulario**: con `num_words=10000` toda palabra cuyo valor sería 10000 o más (las menos
#    frecuentes) pasa a 2. Así todos los enteros están entre 0 y 9999.
#
# Por ejemplo, «This movie is great!» da los tokens `this`, `movie`, `is`, `great`, de índices 11, 17,
# 6 y 84, y la secuencia `[1, 14, 20, 9, 87]` (el 1 inicial y cada índice más 3).

# %% omitir_al_calificar=true
from source_data import cargar_imdb

(x_train, y_train), (x_test, y_test) = cargar_imdb(num_words=VOCABULARIO)
largos = np.array([len(resena) for resena in x_train])
print("x_train:", x_train.shape, "reseñas | y_train:", y_train.shape, y_train.dtype)
print("x_test: ", x_test.shape, "reseñas | y_test: ", y_test.shape, y_test.dtype)
print("Reseñas por clase en entrenamiento (neg, pos):", np.bincount(y_train))
print(f"Largo de las reseñas: mediana {np.median(largos):.0f} palabras, "
      f"{np.mean(largos <= LONGITUD):.0%} tienen como mucho {LONGITUD}")
print("Primera reseña (comienzo):", x_train[0][:12])

# %% [markdown]
# Para leer una reseña hay que invertir el índice. Como a cada índice se le suma 3 (`index_from=3`), un
# entero `k ≥ 3` es la palabra de índice `k − 3` en el diccionario; 0, 1 y 2 son el relleno, el inicio y
# la palabra desconocida. El 3 no aparece nunca, porque el índice de palabras empieza en 1 (`the` = 1 es
# el 4).
# `indice_palabras_imdb()` devuelve el mismo diccionario `{palabra: índice}` que
# `keras.datasets.imdb.get_word_index()`.

# %% omitir_al_calificar=true
from source_data import indice_palabras_imdb

palabra_de = {indice + 3: palabra for palabra, indice in indice_palabras_imdb().items()}
palabra_de.update({0: "<relleno>", 1: "<inicio>", 2: "<?>"})


def decodificar(resena):
    """Convierte una lista de enteros en el texto de la reseña (tokenizado)."""
    return " ".join(palabra_de.get(k, "<?>") for k in resena)


for i in range(2):
    etiqueta = "positiva" if y_train[i] == 1 else "negativa"
    print(f"Reseña {i} ({etiqueta}, {len(x_train[i])} palabras):")
    print(decodificar(x_train[i][:60]), "...\n")

# %% [markdown]
# ## Parte 1: secuencias de largo fijo ({puntos:preparar_secuencias} puntos)
#
# Para entrenar por lotes, todas las secuencias de un lote deben tener el mismo largo. Escribe
# `preparar_secuencias(x)`, que convierte la lista de reseñas en un array de enteros
# `(n, LONGITUD)` (`int32`), siguiendo la convención por defecto de
# `keras.utils.pad_sequences(x, maxlen=200)`:
#
# - **relleno al principio** («pre»): a una reseña de menos de 200 palabras se le anteponen ceros;
# - **recorte al principio** («pre»): de una reseña de más de 200 palabras se conservan las
#   **últimas** 200.
#
# ¿Por qué al principio? La LSTM lee de izquierda a derecha y la salida es su estado tras la última
# posición: si los ceros van al principio, las palabras reales son lo último que lee y no quedan
# «olvidadas» detrás de cientos de ceros. Con `LONGITUD = 6`, por ejemplo:
#
# | reseña | fila resultante |
# |---|---|
# | `[1, 5, 8]` | `[0, 0, 0, 1, 5, 8]` |
# | `[1, 2, 3, 4, 5, 6, 7, 8]` | `[3, 4, 5, 6, 7, 8]` |
# | `[]` | `[0, 0, 0, 0, 0, 0]` |
#
# Puedes usar `keras.utils.pad_sequences` o escribirlo con NumPy; `x` puede ser una lista de listas
# o el array de objetos que devuelve `cargar_imdb`.

# %% solucion="preparar_secuencias"

# %% libre=true
# Prueba tu función con una reseña corta, una de 250 palabras y una vacía.
ejemplo = preparar_secuencias([[1, 14, 22, 16, 43], [1] + list(range(4, 253)), []])
print("forma:", ejemplo.shape, "| dtype:", ejemplo.dtype)
print("fila 0, últimas 8 posiciones:", ejemplo[0, -8:])
print("fila 1, primeras 5 posiciones:", ejemplo[1, :5], "(deben ser 53 54 55 56 57)")

# %% prueba="preparar_secuencias"
comprobar("preparar_secuencias", preparar_secuencias)

# %% [markdown]
# ## Parte 2: construir el modelo ({puntos:construir_modelo} puntos)
#
# La red tiene tres piezas:
#
# - **`Embedding`**: una tabla entrenable de `VOCABULARIO × d` números; la palabra de índice $k$ se
#   convierte en la fila $k$ de la tabla, un vector denso de $d$ componentes. Palabras que se usan de
#   forma parecida acaban con vectores parecidos. Una secuencia `(n, 200)` de enteros sale como
#   `(n, 200, d)`.
# - **`LSTM`**: una red recurrente que recorre los 200 vectores en orden. En cada paso $t$ combina la
#   palabra $x_t$ con su estado anterior $h_{t-1}$; sus *puertas* (de olvido $f_t$, de entrada $i_t$
#   y de salida $o_t$, cada una una sigmoide entre 0 y 1) deciden qué borrar, qué añadir y qué mostrar
#   de su memoria $c_t$:
#   $$c_t = f_t \odot c_{t-1} + i_t \odot \tanh(W_c [h_{t-1}, x_t] + b_c), \qquad
#     h_t = o_t \odot \tanh(c_t).$$
#   Gracias a esa memoria aditiva la LSTM recuerda información de muchas palabras atrás. Devuelve el
#   último estado $h_{200}$, un resumen de la reseña.
# - **`Dense(1, activation="sigmoid")`**: convierte el resumen en la probabilidad
#   $\hat p = \sigma(w^\top h + b)$ de que la reseña sea positiva. Con dos clases y una sola salida,
#   la pérdida es la **entropía cruzada binaria**
#   $-\frac{1}{n}\sum_i \left[y_i \log \hat p_i + (1 - y_i)\log(1 - \hat p_i)\right]$.
#
# Escribe `construir_modelo()`, que devuelve un `keras.Model` **ya compilado** con:
#
# - entrada `keras.Input(shape=(LONGITUD,))`, las secuencias de `preparar_secuencias`;
# - `layers.Embedding(input_dim=VOCABULARIO, output_dim=32)`;
# - `layers.LSTM(32)`;
# - `layers.Dense(1, activation="sigmoid")`;
# - `compile` con `optimizer="adam"`, `loss="binary_crossentropy"` y `metrics=["accuracy"]`.

# %% solucion="construir_modelo"

# %% generar="keras_comun.resumen"

# %% prueba="construir_modelo"
comprobar("construir_modelo", construir_modelo)

# %% [markdown]
# ## Parte 3: entrenar y entregar el modelo ({puntos:modelo_entrenado} puntos)
#
# ### Entrenamiento
#
# La celda siguiente prepara las reseñas con tu `preparar_secuencias`, construye el modelo y lo
# entrena con `entrenar_y_guardar`, que llama a `modelo.fit` y guarda el resultado en `modelo.keras`
# (y el historial en `historial.json`) junto a este cuaderno. Se reserva el último 20 % de las reseñas
# de entrenamiento para validación. Una LSTM es lenta de entrenar: con la red de referencia, las
# {valor:EPOCAS_REFERENCIA} épocas tardan entre 4 y 6 minutos en un procesador de 2 núcleos.
#
# Recuerda: al calificar esta celda **no se ejecuta**; se califica tu `modelo.keras`, así que
# entrégalo con el cuaderno.

# %% generar="entrenamiento"

# %% [markdown]
# ### Curvas de aprendizaje
#
# La pérdida de entrenamiento debería bajar en cada época. Con IMDB la red suele empezar a
# sobreajustar pronto: si la pérdida de validación sube mientras la de entrenamiento sigue bajando,
# más épocas no ayudan.

# %% omitir_al_calificar=true
graficar_historial(historia)

# %% [markdown]
# ## Evaluación
#
# Ahora medimos el modelo en las 25000 reseñas de prueba (tarda unos segundos). La red da una
# probabilidad; la reseña se clasifica como positiva si es al menos 0.5. El informe de clasificación
# da la precisión, la exhaustividad (recall) y el F1 de cada clase, y la matriz de confusión muestra
# cuántas reseñas de cada clase se confunden con la otra (filas: clase real; columnas: predicha).

# %% generar="informe"

# %% omitir_al_calificar=true
import matplotlib.pyplot as plt
from sklearn.metrics import ConfusionMatrixDisplay

matriz = ConfusionMatrixDisplay.from_predictions(y_test, y_predicho, display_labels=["negativa", "positiva"],
                                                 colorbar=False)
matriz.ax_.set_xlabel("clase predicha")
matriz.ax_.set_ylabel("clase real")
matriz.ax_.set_title("Matriz de confusión en prueba")
plt.show()

# Las reseñas en las que la red se equivocó con más seguridad.
errores = np.argsort(-np.abs(probabilidades - y_test) * (y_predicho != y_test))[:2]
for i in errores:
    print(f"real {y_test[i]}, probabilidad de positiva {probabilidades[i]:.2f}:")
    print(decodificar(x_test[i][:60]), "...\n")

# %% [markdown]
# ### Comprobación del modelo entregado
#
# Esta celda evalúa el archivo `modelo.keras` tal como se calificará: comprueba que la red tenga
# `Embedding` y `LSTM`, entrada `(None, 200)` y salida sigmoide de 1, y mide su exactitud. Para que la
# calificación sea rápida se mide en un **subconjunto fijo y equilibrado de 5000 reseñas de prueba**
# (2500 positivas y 2500 negativas, elegidas con una semilla fija), y se pide al menos 0.84. Entrega
# `modelo.keras` junto con el cuaderno.

# %% prueba="modelo_entrenado"
comprobar("modelo_entrenado")
