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
# # Tarea 12 — Sobreajuste y regularización
#
# Una red con muchos parámetros y pocos datos puede **memorizar** los ejemplos de entrenamiento en lugar
# de aprender lo que tienen en común: acierta casi todo en entrenamiento y bastante menos en datos nuevos.
# Eso es el **sobreajuste**, y la diferencia entre ambas exactitudes es la **brecha de generalización**:
# $$\text{brecha} = \text{exactitud}_{\text{entrenamiento}} - \text{exactitud}_{\text{validación}}.$$
#
# En esta tarea lo provocamos a propósito: entrenamos con solo **1000 imágenes** de Fashion-MNIST un
# modelo base de dos capas ocultas de 256 unidades, sin regularización. Después escribes una versión
# **regularizada** (Dropout y/o L2) y la entrenas con **parada temprana**. Medido con la receta de este
# cuaderno, el modelo base llega a una exactitud de validación de **{valor:EXACTITUD_VALIDACION_BASE}** con una brecha de
# **{valor:BRECHA_BASE}**. Tu modelo regularizado debe tener:
#
# - una exactitud de validación **de al menos {valor:EXACTITUD_VALIDACION_BASE}**, y
# - una brecha **menor que {valor:BRECHA_BASE}**.
#
# | parte | qué haces | puntos |
# |---|---|---|
# | 1. `construir_modelo_regularizado` | añadir Dropout y/o L2 al modelo base | {puntos:construir_modelo_regularizado} |
# | 2. modelo entrenado | entrenar con EarlyStopping, comparar con la base y entregar `modelo.keras` | {puntos:modelo_entrenado} |
# | total | | {puntos} |
#
# Escribe tu código solo donde dice `# TU CÓDIGO AQUÍ` (y borra el `raise NotImplementedError()` de debajo). Las celdas de comprobación ejecutan las pruebas
# públicas; al calificar se usan los mismos subconjuntos de datos.
#
# **Regla de calificación de esta tarea.** La calificación evalúa el archivo `modelo.keras` que entregas
# junto al cuaderno y **nunca vuelve a entrenar**: al calificar, `entrenar_y_guardar` no entrena, sino
# que carga los pesos de tu `modelo.keras`. Por eso entrena **solo** con `entrenar_y_guardar` (no llames
# a `modelo.fit` por tu cuenta) y entrega con el cuaderno `modelo.keras`, `historial.json` y
# `entrenamiento.json` (los tres del modelo regularizado). Si cambias `construir_modelo_regularizado`,
# vuelve a ejecutar su celda de entrenamiento.

# %% [markdown]
# ## Preparación
#
# Importamos Keras (con el motor de TensorFlow) y NumPy. Matplotlib y scikit-learn se importan en las
# celdas que los usan.

# %% generar="keras_comun.preparacion"

# %% [markdown]
# ## Los datos
#
# Fashion-MNIST tiene imágenes de 28×28 en escala de grises de 10 clases de prendas, las mismas de la
# tarea 08:
# {valor:PRENDAS_EN_TEXTO}.
#
# Usamos dos subconjuntos fijos de sus 60000 imágenes de entrenamiento, los mismos que usa el calificador:
#
# - **entrenamiento**: las primeras {valor:N_ENTRENAMIENTO} imágenes (unas 100 por clase): pocas, para
#   que el sobreajuste aparezca enseguida;
# - **validación**: las imágenes {valor:INICIO_VALIDACION} a 59999
#   (10000), que el modelo nunca usa para ajustar sus pesos.
#
# Como en la tarea 07, cada imagen se aplana en un vector de 784 píxeles divididos entre 255 y las
# etiquetas se codifican en one-hot.

# %% omitir_al_calificar=true
from source_data import cargar_fashion_mnist

(x_completo, y_completo), _ = cargar_fashion_mnist()


def preparar(x, y):
    X = x.reshape(len(x), 28 * 28).astype("float32") / 255.0
    return X, keras.utils.to_categorical(y, num_classes=10)


x_train, y_train = x_completo[:{valor:N_ENTRENAMIENTO}], y_completo[:{valor:N_ENTRENAMIENTO}]
x_val = x_completo[{valor:INICIO_VALIDACION}:60000]
y_val = y_completo[{valor:INICIO_VALIDACION}:60000]
X_train, Y_train = preparar(x_train, y_train)
X_val, Y_val = preparar(x_val, y_val)
print("Entrenamiento:", X_train.shape, "| validación:", X_val.shape)
print("Imágenes por clase en entrenamiento:", np.bincount(y_train))

# %% [markdown]
# ## El modelo base (provisto)
#
# Dos capas ocultas de 256 unidades son unos 270000 parámetros para 1000 imágenes: más que de sobra para
# memorizarlas. Este es el modelo que vamos a regularizar; no lo cambies.

# %% generar="modelo_base"

# %% [markdown]
# ## Parte 1: el modelo regularizado ({puntos:construir_modelo_regularizado} puntos)
#
# Dos herramientas contra el sobreajuste:
#
# - **Dropout** (`layers.Dropout(p)`, después de una capa oculta): en cada paso de entrenamiento pone a
#   cero al azar una fracción $p$ de las salidas de esa capa (y multiplica las demás por $1/(1-p)$ para
#   mantener la escala). La red no puede depender de unas pocas neuronas concretas, así que aprende
#   rasgos más robustos. Al predecir, Dropout no hace nada.
# - **Regularización L2** (`kernel_regularizer=keras.regularizers.L2(λ)` en una capa `Dense`): suma a
#   la pérdida un castigo por pesos grandes,
#   $$L_{\text{total}} = L_{\text{entropía cruzada}} + \lambda \sum_j w_j^2,$$
#   que empuja a la red hacia funciones más suaves. Por ejemplo, con $\lambda = 0.001$ y pesos
#   $w = (3, -4)$ el castigo es $0.001 \cdot (9 + 16) = 0.025$.
#
# Escribe `construir_modelo_regularizado()`: la misma red que el modelo base (entrada 784, dos capas
# ocultas de 256 unidades ReLU, salida softmax de 10, compilada con adam y entropía cruzada
# categórica), con **Dropout y/o L2**. Un buen punto de partida: `layers.Dropout(0.2)` justo después de la
# entrada (apaga el 20 % de los píxeles), `L2(1e-3)` en las dos capas ocultas y `Dropout(0.5)` después de
# cada una. Con solo 1000 imágenes hace falta regularizar con fuerza para que la brecha baje de verdad.

# %% solucion="construir_modelo_regularizado"

# %% libre=true
# Compara las capas y los parámetros de ambos modelos: Dropout no añade parámetros.
construir_modelo_base().summary()
construir_modelo_regularizado().summary()

# %% prueba="construir_modelo_regularizado"
comprobar("construir_modelo_regularizado", construir_modelo_regularizado)

# %% [markdown]
# ## Parte 2: entrenar, comparar y entregar ({puntos:modelo_entrenado} puntos)
#
# ### El modelo base
#
# Lo entrenamos {valor:EPOCAS_BASE} épocas con lotes de {valor:TAM_LOTE}, midiendo en cada época
# la exactitud en validación (`validation_data`). Se guarda en la carpeta `base/` para no pisar tu
# `modelo.keras`. Tarda alrededor de un minuto y medio en un procesador de 2 núcleos.

# %% generar="entrenamiento_base"

# %% [markdown]
# ### Tu modelo regularizado, con parada temprana
#
# La **parada temprana** vigila la exactitud de validación y detiene el entrenamiento cuando lleva
# `patience` épocas sin mejorar; con `restore_best_weights=True` el modelo vuelve a los pesos de su mejor
# época. Así se puede pedir un máximo generoso de épocas ({valor:EPOCAS_MAXIMAS_REGULARIZADO}) sin
# adivinar cuántas hacen falta. Esta celda guarda `modelo.keras`, `historial.json` y `entrenamiento.json`
# junto al cuaderno: son los archivos que entregas. Tarda alrededor de un minuto y medio.

# %% generar="entrenamiento_regularizado"

# %% [markdown]
# ### Curvas de entrenamiento y validación, lado a lado
#
# En el modelo base, la exactitud de entrenamiento sube hasta casi 1 mientras la de validación se
# estanca: la distancia entre las dos curvas es el sobreajuste. En el regularizado las curvas deberían
# quedar más cerca. (Con Dropout, la exactitud de entrenamiento que registra `fit` se mide con Dropout
# activo y sale algo más baja que la real; la comparación de abajo usa `predict`, sin Dropout.)

# %% omitir_al_calificar=true
import matplotlib.pyplot as plt

figura, ejes = plt.subplots(1, 2, figsize=(12, 4), sharey=True)
for eje, historial, titulo in ((ejes[0], historia_base, "Modelo base"), (ejes[1], historia, "Regularizado")):
    eje.plot(historial.history["accuracy"], label="entrenamiento")
    eje.plot(historial.history["val_accuracy"], "--", label="validación")
    eje.set_title(titulo)
    eje.set_xlabel("época")
    eje.grid(True, alpha=0.3)
    eje.legend()
ejes[0].set_ylabel("exactitud")
plt.show()
graficar_historial(historia)


# %% [markdown]
# ## Evaluación
#
# Calculamos, igual que el calificador, la exactitud de cada modelo en los dos subconjuntos con `predict`
# y la brecha entre ellas. Después, el informe de clasificación y la matriz de confusión del modelo
# regularizado en validación: la precisión de una clase es qué fracción de lo que el modelo llamó así lo
# era, la exhaustividad (recall) qué fracción de esa clase encontró, y F1 su media armónica.

# %% omitir_al_calificar=true
def exactitud(modelo, X, y):
    return float(np.mean(np.argmax(modelo.predict(X, verbose=0), axis=1) == y))


for nombre, m in (("base", modelo_base), ("regularizado", modelo)):
    en_entrenamiento, en_validacion = exactitud(m, X_train, y_train), exactitud(m, X_val, y_val)
    print(f"{nombre:>12}: entrenamiento {en_entrenamiento:.4f} | validación {en_validacion:.4f} "
          f"| brecha {en_entrenamiento - en_validacion:.4f}")

# %% omitir_al_calificar=true
import matplotlib.pyplot as plt
from sklearn.metrics import ConfusionMatrixDisplay, classification_report

# Los nombres de las clases, los mismos de la tarea 08.
prendas = {valor:NOMBRES_CLASES}
y_predicho = np.argmax(modelo.predict(X_val, verbose=0), axis=1)
print(classification_report(y_val, y_predicho, target_names=prendas, digits=3))
matriz = ConfusionMatrixDisplay.from_predictions(y_val, y_predicho, display_labels=prendas, colorbar=False,
                                                 xticks_rotation=45)
matriz.ax_.set_title("Matriz de confusión del modelo regularizado (validación)")
plt.show()

# %% [markdown]
# ### Comprobación del modelo entregado
#
# Esta celda evalúa los archivos entregados tal como se calificarán: que `modelo.keras` tenga entrada de
# 784, salida softmax de 10 y regularización; que su exactitud de validación sea al menos
# {valor:EXACTITUD_VALIDACION_BASE} y su brecha menor que {valor:BRECHA_BASE} (los valores
# del modelo base); y que `entrenamiento.json` registre el `EarlyStopping`.

# %% prueba="modelo_entrenado"
comprobar("modelo_entrenado")
