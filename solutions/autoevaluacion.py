"""Cuestionario de la tarea 13_autoevaluacion y su clave: solo para quien califica.

This module is never shipped to students (the kit drops every ``solutions``
import). The builder renders each question of the notebook from ``PREGUNTAS``
and each block's answer cell from ``celda_de_respuestas``; the hidden cases
compare the student's letters with ``Pregunta.correcta`` and, when wrong, say
where to review without revealing the right letter.
"""
from __future__ import annotations

from dataclasses import dataclass, field

LETRAS = ("a", "b", "c", "d")


@dataclass(frozen=True)
class Pregunta:
    """Una pregunta de opción múltiple.

    Attributes:
        numero: 1, 2, ...; la respuesta va en la variable ``respuesta_NN``.
        bloque: el ejercicio calificado (grade id de la celda de respuestas).
        enunciado: texto en Markdown (puede llevar LaTeX y tablas).
        opciones: los cuatro textos de las opciones a, b, c y d, en ese orden.
        correcta: la letra correcta.
        repaso: dónde se explica el tema («la tarea 04_backprop, función `densa_atras`»).
        pistas: {letra incorrecta: pista sobre el error típico que lleva a elegirla}, en texto
            plano (sin LaTeX): aparece en la retroalimentación, no en el cuaderno.
    """

    numero: int
    bloque: str
    enunciado: str
    opciones: tuple
    correcta: str
    repaso: str
    pistas: dict = field(default_factory=dict)

    @property
    def variable(self) -> str:
        return f"respuesta_{self.numero:02d}"


_P = Pregunta
PREGUNTAS = (
    # --- Bloque 1: el perceptrón y las funciones de activación -------------------------------
    _P(1, "perceptron_y_activaciones",
       "Un perceptrón con función escalón (salida 1 si $z \\ge 0$, si no 0) tiene $w = (0.5, -0.5)$, $b = 0$ "
       "y tasa $\\eta = 0.1$. Recibe el ejemplo $x = (1, 2)$ con etiqueta $y = 1$. Tras aplicar la regla del "
       "perceptrón, $w \\leftarrow w + \\eta\\,(y - \\hat y)\\,x$ y $b \\leftarrow b + \\eta\\,(y - \\hat y)$, "
       "con este único ejemplo, ¿cuáles son los nuevos parámetros?",
       ("$w = (0.5, -0.5)$, $b = 0$: no cambian, porque $z$ es negativo.",
        "$w = (0.4, -0.7)$, $b = -0.1$.",
        "$w = (0.6, -0.3)$, $b = 0.1$.",
        "$w = (0.6, -0.4)$, $b = 0.1$."),
       "c", "la tarea 01_perceptron, función `entrenar_perceptron` (regla de aprendizaje del perceptrón)",
       {"a": "calcula primero la salida: con z = −0.5 el perceptrón predice 0, pero la etiqueta es 1, "
             "así que hay un error que corregir.",
        "b": "el error es y − ŷ (etiqueta menos predicción), no al revés.",
        "d": "el cambio de cada peso se multiplica por su componente de x."}),
    _P(2, "perceptron_y_activaciones",
       "¿Por qué un único perceptrón no puede aprender la función XOR?",
       ("Porque la tasa de aprendizaje por defecto es demasiado pequeña: con más épocas lo lograría.",
        "Porque los puntos con salida 1, $(0,1)$ y $(1,0)$, no pueden separarse de $(0,0)$ y $(1,1)$ con "
        "una sola recta: XOR no es linealmente separable.",
        "Porque la función escalón no es derivable en 0.",
        "Porque XOR tiene cuatro ejemplos y un perceptrón de dos entradas solo puede memorizar tres."),
       "b", "la tarea 01_perceptron, función `red_xor` (XOR y separabilidad lineal)",
       {"a": "la regla del perceptrón converge solo si existe una recta que separe las clases; con XOR "
             "los errores no llegan nunca a cero, por muchas épocas que uses."}),
    _P(3, "perceptron_y_activaciones",
       "Una red apila tres capas densas **sin** función de activación: "
       "$Z = ((XW_1 + b_1)W_2 + b_2)W_3 + b_3$. ¿Qué puede representar?",
       ("Lo mismo que una sola capa densa: la composición de funciones afines es afín, así que, por "
        "ejemplo, no puede resolver XOR.",
        "Cualquier función continua, porque tiene más de una capa.",
        "Funciones más complejas que una sola capa, siempre que cada capa tenga muchas unidades.",
        "Nada útil: sin activación los gradientes son siempre cero y la red no aprende."),
       "a", "la tarea 04_backprop, funciones de activación (`relu`, `sigmoide`): por qué hace falta una "
            "no linealidad entre capas",
       {"b": "el teorema de aproximación universal necesita una activación no lineal en la capa oculta.",
        "c": "multiplica las matrices: W₁·W₂·W₃ es una sola matriz, tenga el tamaño que tenga."}),
    _P(4, "perceptron_y_activaciones",
       "En las capas ocultas de una red profunda se prefiere ReLU a la sigmoide. ¿Cuál es la razón principal?",
       ("ReLU produce salidas entre 0 y 1, que se interpretan como probabilidades.",
        "La sigmoide no es derivable, así que no se puede usar con retropropagación.",
        "ReLU hace que la red sea lineal y por tanto más fácil de optimizar.",
        "La derivada de la sigmoide vale como mucho 0.25; al multiplicarse capa tras capa en la "
        "retropropagación, el gradiente se desvanece. La derivada de ReLU vale 1 para $z > 0$."),
       "d", "la tarea 04_backprop, funciones `derivada_sigmoide` y `derivada_relu`",
       {"a": "ReLU no está acotada por arriba: max(0, z) puede valer 7.",
        "b": "σ'(z) = σ(z)·(1 − σ(z)) existe para todo z."}),

    # --- Bloque 2: softmax y entropía cruzada --------------------------------------------------
    _P(5, "softmax_y_entropia",
       "Las puntuaciones (logits) de un ejemplo son $z = (\\ln 2, \\ln 3, \\ln 5)$. ¿Qué devuelve "
       "$\\operatorname{softmax}(z)$?",
       ("$(0.2, 0.3, 0.5)$", "$(0.20, 0.32, 0.47)$", "$(0, 0, 1)$", "$(2, 3, 5)$"),
       "a", "la tarea 03_softmax_entropia, sección «1. Softmax»",
       {"b": "softmax exponencia antes de normalizar: no basta con dividir los logits por su suma.",
        "c": "softmax no es el argmax: reparte la probabilidad entre todas las clases.",
        "d": "falta dividir por la suma de las exponenciales: las probabilidades deben sumar 1."}),
    _P(6, "softmax_y_entropia",
       "Un clasificador da a la clase correcta probabilidad 0.5 en el primer ejemplo y 0.25 en el segundo. "
       "¿Cuál es la entropía cruzada media (logaritmo natural)? Ayuda: $\\ln 2 \\approx 0.693$.",
       ("0.375", "0.981", "2.079", "1.040"),
       "d", "la tarea 03_softmax_entropia, sección «3. Entropía cruzada»",
       {"a": "eso es la probabilidad media; la pérdida es −log de la probabilidad de la clase correcta.",
        "b": "toma primero −log de cada ejemplo y después la media (no el logaritmo de la media).",
        "c": "la pérdida de un conjunto es la media sobre los ejemplos, no la suma."}),
    _P(7, "softmax_y_entropia",
       "En la clasificación de reseñas de IMDB (positiva o negativa) la red termina en **una sola unidad**. "
       "¿Qué activación de salida y qué pérdida corresponden?",
       ("Softmax y entropía cruzada categórica.",
        "Sigmoide y entropía cruzada binaria (`binary_crossentropy`).",
        "ReLU y error cuadrático medio.",
        "Sigmoide y entropía cruzada categórica con etiquetas one-hot de dos columnas."),
       "b", "la tarea 03_softmax_entropia, sección «4. Entropía cruzada binaria», y la tarea 11_lstm_imdb",
       {"a": "softmax sobre una sola unidad vale siempre 1, sea cual sea la entrada.",
        "d": "con una sola unidad de salida no hay dos columnas que comparar: la etiqueta es 0 o 1."}),
    _P(8, "softmax_y_entropia",
       "Para un ejemplo con 3 clases, softmax da $P = (0.7, 0.2, 0.1)$ y la clase correcta es la primera "
       "(índice 0). ¿Cuál es el gradiente de la entropía cruzada respecto de los logits, "
       "$\\partial L / \\partial z$?",
       ("$(0.3, -0.2, -0.1)$", "$(0.7, 0.2, 0.1)$", "$(-0.3, 0.2, 0.1)$", "$(-1.43, 0, 0)$"),
       "c", "la tarea 03_softmax_entropia, sección «6. Gradiente de la pérdida»",
       {"a": "revisa el signo: subir el logit de la clase correcta debe bajar la pérdida.",
        "b": "falta restar la codificación one-hot de la etiqueta.",
        "d": "eso es la derivada respecto de la probabilidad P₀, no respecto de los logits."}),

    # --- Bloque 3: descenso de gradiente -------------------------------------------------------
    _P(9, "descenso_de_gradiente",
       "Minimizamos $f(w) = w^2$ con descenso de gradiente. Partimos de $w = 3$ con tasa $\\eta = 0.1$. "
       "¿Cuánto vale $w$ tras **un** paso?",
       ("3.6", "2.7", "0", "2.4"),
       "d", "la tarea 02_descenso_gradiente, función `descenso_gradiente` (la regla de actualización)",
       {"a": "el paso va en contra del gradiente: se resta η·f'(w).",
        "b": "la derivada de w² es 2w.",
        "c": "un paso de descenso de gradiente no salta al mínimo: se mueve η·f'(w)."}),
    _P(10, "descenso_de_gradiente",
       "Durante el entrenamiento la pérdida oscila con saltos cada vez más grandes y termina en `nan`. "
       "¿Qué es lo más probable?",
       ("La tasa de aprendizaje es demasiado grande: cada paso se pasa del mínimo y se aleja cada vez más.",
        "La tasa de aprendizaje es demasiado pequeña.",
        "El modelo sobreajusta los datos de entrenamiento.",
        "El tamaño de lote es demasiado grande."),
       "a", "la tarea 02_descenso_gradiente (el papel de la tasa de aprendizaje)",
       {"b": "una tasa pequeña hace el entrenamiento lento, pero la pérdida baja sin oscilar.",
        "c": "el sobreajuste se ve en la validación; aquí es la pérdida de entrenamiento la que explota."}),
    _P(11, "descenso_de_gradiente",
       "Entrenas con 60 000 ejemplos, `batch_size=100` y `epochs=5`. ¿Cuántas veces se actualizan los pesos?",
       ("5", "600", "3000", "300 000"),
       "c", "la tarea 02_descenso_gradiente, función `descenso_gradiente` (lotes y épocas)",
       {"a": "en cada época hay una actualización por lote, no una por época.",
        "b": "eso es lo que ocurre en una época; ¿cuántas épocas hay?",
        "d": "habría una actualización por ejemplo solo con lotes de tamaño 1."}),
    _P(12, "descenso_de_gradiente",
       "¿Qué afirmación sobre las variantes del descenso de gradiente es correcta?",
       ("El descenso por lotes completo (*batch*) actualiza los pesos una vez por cada ejemplo.",
        "El estocástico usa un solo ejemplo por actualización (pasos baratos pero ruidosos); el de "
        "mini-lotes es un término medio que además aprovecha el cálculo vectorizado.",
        "Con mini-lotes el gradiente es exacto, y por eso converge siempre en menos épocas que el estocástico.",
        "El tamaño de lote no cambia el número de actualizaciones por época."),
       "b", "la tarea 02_descenso_gradiente (descenso por lotes, estocástico y por mini-lotes)",
       {"a": "por lotes completo usa todos los ejemplos para un solo paso: una actualización por época.",
        "c": "el gradiente de un mini-lote es una estimación del gradiente de todos los datos, no el exacto."}),

    # --- Bloque 4: retropropagación ------------------------------------------------------------
    _P(13, "retropropagacion",
       "Sea $z = 2w$, $a = 3z$ y $L = (a - 5)^2$. ¿Cuánto vale $\\partial L / \\partial w$ en $w = 1$?",
       ("1", "2", "12", "6"),
       "c", "la tarea 04_backprop (la regla de la cadena)",
       {"a": "eso es el valor de la pérdida, no su derivada.",
        "b": "te quedaste en ∂L/∂a: la regla de la cadena multiplica todas las derivadas "
             "locales hasta llegar a w.",
        "d": "falta el último factor, ∂z/∂w."}),
    _P(14, "retropropagacion",
       "¿Qué hace la retropropagación (*backpropagation*)?",
       ("Actualiza los pesos restándoles el gradiente multiplicado por la tasa de aprendizaje.",
        "Propaga las entradas hacia adelante, capa por capa, para calcular la predicción.",
        "Busca automáticamente la mejor tasa de aprendizaje.",
        "Calcula el gradiente de la pérdida respecto de todos los parámetros aplicando la regla de la cadena "
        "desde la salida hacia la entrada, reutilizando lo guardado en la pasada hacia adelante."),
       "d", "la tarea 04_backprop, funciones `perdida_y_gradientes` y `densa_atras`",
       {"a": "eso lo hace el optimizador (descenso de gradiente) con los gradientes que le da la "
             "retropropagación.",
        "b": "esa es la pasada hacia adelante."}),
    _P(15, "retropropagacion",
       "En una capa densa $Z = XW + b$, $X$ tiene forma $(n, d)$, $W$ forma $(d, h)$ y el gradiente que llega, "
       "$dZ = \\partial L/\\partial Z$, forma $(n, h)$. ¿Cómo se calculan $\\partial L/\\partial W$ y "
       "$\\partial L/\\partial b$?",
       ("$dW = X^\\top dZ$, de forma $(d, h)$, y $db$ = suma de $dZ$ sobre los ejemplos (eje 0), de forma $(h,)$.",
        "$dW = dZ^\\top X$, de forma $(h, d)$, y $db = dZ$.",
        "$dW = X^\\top dZ$ y $db$ = suma de $dZ$ sobre las unidades (eje 1), de forma $(n,)$.",
        "$dW = XW$ y $db = b$."),
       "a", "la tarea 04_backprop, función `densa_atras`",
       {"b": "cada gradiente tiene la forma de su parámetro: dW como W, (d, h), y db como b, (h,).",
        "c": "b se suma a todos los ejemplos, así que su gradiente suma sobre los ejemplos."}),
    _P(16, "retropropagacion",
       "Hacia adelante, ReLU calcula $A = \\max(0, Z)$. Si $Z = (-1, 2, 0.5)$ y el gradiente que llega es "
       "$dA = (3, -4, 5)$, ¿cuánto vale $dZ$?",
       ("$(3, -4, 5)$", "$(0, -4, 5)$", "$(0, 2, 0.5)$", "$(0, 0, 5)$"),
       "b", "la tarea 04_backprop, función `relu_atras`",
       {"a": "ReLU deja pasar el gradiente solo donde Z > 0.",
        "c": "eso es la salida de ReLU hacia adelante, no el gradiente.",
        "d": "la máscara depende del signo de Z, no del de dA."}),

    # --- Bloque 5: sobreajuste y regularización ------------------------------------------------
    _P(17, "sobreajuste_y_regularizacion",
       "Tras 40 épocas la exactitud de entrenamiento es 0.99 y la de validación 0.78; desde la época 10 la "
       "pérdida de validación sube mientras la de entrenamiento sigue bajando. ¿Qué ocurre?",
       ("Subajuste: el modelo es demasiado simple para los datos.",
        "Sobreajuste: el modelo memoriza el entrenamiento y generaliza peor; ayudan la parada temprana, la "
        "regularización L2, el dropout o más datos.",
        "La tasa de aprendizaje es demasiado pequeña.",
        "Los datos de validación están mal etiquetados y hay que quitarlos."),
       "b", "la tarea 12_sobreajuste (curvas de entrenamiento y validación)",
       {"a": "un modelo que subajusta también va mal en el entrenamiento, y aquí acierta el 99 %."}),
    _P(18, "sobreajuste_y_regularizacion",
       "Usas `EarlyStopping(monitor=\"val_loss\", patience=2, restore_best_weights=True)`. Las pérdidas de "
       "validación de las épocas 1 a 6 serían 0.60, 0.45, 0.40, 0.42, 0.41 y 0.38. ¿Qué ocurre?",
       ("Se detiene tras la época 4 y conserva los pesos de la época 4.",
        "Entrena las 6 épocas y se queda con los pesos de la época 6, la mejor.",
        "Se detiene tras la época 5 y se queda con los pesos de la época 5.",
        "Se detiene tras la época 5 y restaura los pesos de la época 3."),
       "d", "la tarea 05_keras_iris y la tarea 12_sobreajuste (`EarlyStopping`)",
       {"a": "`patience=2` permite dos épocas seguidas sin mejorar antes de parar.",
        "b": "la mejora de la época 6 llega tarde: el entrenamiento ya se detuvo.",
        "c": "`restore_best_weights=True` recupera los pesos de la mejor época vista."}),
    _P(19, "sobreajuste_y_regularizacion",
       "La regularización L2 añade $\\lambda \\sum w^2$ a la pérdida. ¿Qué efecto tiene en cada paso de "
       "descenso de gradiente?",
       ("A cada peso se le resta además una cantidad proporcional a él mismo, $\\eta \\cdot 2\\lambda w$: los "
        "pesos tienden a ser pequeños («decaimiento de pesos») y el modelo resulta más suave.",
        "Pone exactamente a cero los pesos pequeños y elimina esas conexiones.",
        "Anula al azar una fracción de las unidades en cada paso.",
        "Aumenta la tasa de aprendizaje de los pesos grandes para que converjan antes."),
       "a", "la tarea 12_sobreajuste (regularización L2)",
       {"b": "el gradiente de w² se hace pequeño cerca de 0: L2 encoge los pesos, pero no los anula.",
        "c": "eso es dropout."}),
    _P(20, "sobreajuste_y_regularizacion",
       "¿Qué hace una capa `Dropout(0.5)` de Keras?",
       ("Elimina para siempre la mitad de las neuronas de la capa anterior.",
        "Anula la mitad de las activaciones también al predecir, para que la red se comporte igual que al "
        "entrenar.",
        "Durante el entrenamiento anula al azar cada activación con probabilidad 0.5 (y multiplica por 2 las "
        "que quedan); al predecir no anula ninguna.",
        "Reduce a la mitad la tasa de aprendizaje cuando la pérdida de validación deja de bajar."),
       "c", "la tarea 12_sobreajuste (`Dropout`)",
       {"a": "las unidades anuladas cambian en cada paso: ninguna se elimina de la red.",
        "b": "al predecir se usan todas las unidades; el escalado durante el entrenamiento mantiene la "
             "activación esperada."}),

    # --- Bloque 6: redes convolucionales y recurrentes -----------------------------------------
    _P(21, "convolucionales_y_recurrentes",
       "La entrada es una imagen de $28 \\times 28 \\times 1$ y la primera capa es `Conv2D(32, (3, 3))`. "
       "¿Cuántos parámetros entrenables tiene esa capa?",
       ("288", "320", "25 088", "9"),
       "b", "la tarea 09_cnn_mnist (parámetros de `Conv2D`)",
       {"a": "cada filtro tiene además un sesgo.",
        "c": "los pesos de un filtro se comparten en todas las posiciones: no dependen del tamaño de la imagen.",
        "d": "la capa tiene 32 filtros, no uno."}),
    _P(22, "convolucionales_y_recurrentes",
       "Una imagen de $28 \\times 28 \\times 1$ pasa por `Conv2D(32, (3, 3))` (relleno `\"valid\"`, paso 1) y "
       "después por `MaxPooling2D((2, 2))`. ¿Qué forma tiene la salida (sin contar el eje del lote)?",
       ("$(14, 14, 32)$", "$(26, 26, 32)$", "$(13, 13, 1)$", "$(13, 13, 32)$"),
       "d", "la tarea 09_cnn_mnist (`Conv2D` y `MaxPooling2D`: formas de salida)",
       {"a": "una convolución 3×3 sin relleno pierde un píxel por cada borde: 28 → 26.",
        "b": "falta aplicar el pooling, que divide el alto y el ancho por 2.",
        "c": "cada filtro produce un canal de salida."}),
    _P(23, "convolucionales_y_recurrentes",
       "¿Qué caracteriza a una red recurrente (por ejemplo `SimpleRNN`) frente a una red densa?",
       ("Tiene un conjunto de pesos distinto para cada posición de la secuencia.",
        "Solo acepta secuencias de longitud fija igual a 1.",
        "Procesa la secuencia paso a paso, con los mismos pesos en cada paso, y mantiene un estado oculto "
        "que resume lo visto hasta ese momento.",
        "Al predecir recorre la red desde la salida hacia la entrada."),
       "c", "la tarea 11_lstm_imdb (redes recurrentes)",
       {"a": "los pesos se comparten entre pasos: por eso acepta secuencias de cualquier longitud."}),
    _P(24, "convolucionales_y_recurrentes",
       "¿Por qué una LSTM suele recordar dependencias más largas que una RNN simple?",
       ("Porque su estado de celda se actualiza de forma aditiva, regulado por puertas (olvido, entrada y "
        "salida), y así el gradiente puede fluir durante muchos pasos sin desvanecerse.",
        "Porque tiene más unidades que una RNN simple.",
        "Porque usa ReLU en lugar de tangente hiperbólica.",
        "Porque procesa toda la secuencia a la vez, sin importar el orden."),
       "a", "la tarea 11_lstm_imdb (`LSTM`)",
       {"b": "la diferencia es la estructura de la celda, no el número de unidades."}),

    # --- Bloque 7: métricas --------------------------------------------------------------------
    _P(25, "metricas",
       "Un filtro de spam se evalúa con 200 correos. Matriz de confusión (filas: clase real; columnas: "
       "clase predicha):\n\n"
       "| | predicho spam | predicho no spam |\n|---|---|---|\n"
       "| **real spam** | 40 | 20 |\n| **real no spam** | 10 | 130 |\n\n"
       "¿Cuál es la **precisión** de la clase «spam»?",
       ("0.67", "0.80", "0.85", "0.20"),
       "b", "la tarea 07_keras_mnist, evaluación (`classification_report`: precisión)",
       {"a": "eso es la exhaustividad (*recall*): aciertos entre los spam reales. La precisión mira los "
             "predichos como spam.",
        "c": "eso es la exactitud global (aciertos de las dos clases entre el total).",
        "d": "eso es la fracción de falsas alarmas entre los predichos como spam: 1 − precisión."}),
    _P(26, "metricas",
       "Con la misma matriz de confusión de la pregunta 25, ¿cuál es la **exhaustividad** (*recall*) de la "
       "clase «spam»?",
       ("0.80", "0.85", "0.67", "0.33"),
       "c", "la tarea 07_keras_mnist, evaluación (`classification_report`: exhaustividad o *recall*)",
       {"a": "eso es la precisión: aciertos entre los predichos como spam. El recall mira los spam reales.",
        "b": "eso es la exactitud global.",
        "d": "eso es la fracción de spam reales que se escapan (falsos negativos): 1 − recall."}),
    _P(27, "metricas",
       "Un modelo tiene precisión 0.8 y exhaustividad (*recall*) 0.5 en una clase. ¿Cuál es su F1?",
       ("0.62", "0.40", "0.65", "0.80"),
       "a", "la tarea 07_keras_mnist, evaluación (`classification_report`: F1)",
       {"b": "eso es el producto; F1 = 2·P·R / (P + R).",
        "c": "F1 es la media armónica de precisión y recall, no la aritmética.",
        "d": "F1 combina las dos métricas; no es la mayor de ellas."}),
    _P(28, "metricas",
       "En la matriz de confusión de MNIST (filas: dígito real; columnas: dígito predicho), la celda de la "
       "fila 4 y la columna 9 vale 12. ¿Qué significa?",
       ("Que 12 imágenes de un 9 se clasificaron como 4.",
        "Que el modelo acierta el 12 % de los cuatros.",
        "Que hay 12 imágenes de cuatros en el conjunto de prueba.",
        "Que 12 imágenes de un 4 se clasificaron como 9."),
       "d", "la tarea 07_keras_mnist, evaluación (matriz de confusión)",
       {"a": "las filas son la clase real y las columnas la predicha.",
        "c": "los cuatros del conjunto de prueba son la suma de toda la fila 4."}),

    # --- Bloque 8: ejemplos de las diapositivas --------------------------------------------------
    _P(29, "ejemplos_de_las_diapositivas",
       "El ejemplo de las diapositivas «Perceptrón para decidir si debo ir o no a un evento»: cada entrada "
       "vale 1 si se cumple la condición y 0 si no, y la salida 1 significa «voy». Con los pesos de la tarea "
       "01 — $x_1$ = ¿hace buen tiempo? con $w_1 = 6$, $x_2$ = ¿me acompaña alguien? con $w_2 = 2$, "
       "$x_3$ = ¿hay transporte? con $w_3 = 2$ — y **Umbral = 3**, ¿cuándo voy?",
       ("Solo si hace buen tiempo; sin buen tiempo no voy nunca.",
        "Siempre que haga buen tiempo, y sin buen tiempo solo si tengo compañía **y** transporte.",
        "Cuando se cumplen al menos dos de las tres condiciones, sean cuales sean.",
        "Cuando se cumple al menos una de las tres condiciones."),
       "b", "la tarea 01_perceptron, «Un ejemplo: ¿voy al evento?»",
       {"a": "eso pasa con umbral 5. Con umbral 3, sin buen tiempo la suma puede llegar a 2 + 2 = 4, que "
             "alcanza el umbral.",
        "c": "eso pasa con w1 = 2 (la otra pregunta de la diapositiva). Con w1 = 6 el buen tiempo basta "
             "solo: 6 ≥ 3.",
        "d": "una sola condición sin buen tiempo suma 2, que no llega a 3."}),
    _P(30, "ejemplos_de_las_diapositivas",
       "Mismo perceptrón del evento ($w = (6, 2, 2)$), pero con la pregunta de la diapositiva "
       "«¿Qué pasa si cambiamos **Umbral = 5**?». ¿Cuándo voy ahora?",
       ("Igual que con umbral 3: el umbral no cambia las decisiones, solo la escala de la suma.",
        "Nunca: ninguna combinación llega a 5.",
        "Solo si hace buen tiempo: con él la suma es al menos 6 ≥ 5, y sin él es como mucho 2 + 2 = 4 < 5.",
        "Solo si se cumplen las tres condiciones."),
       "c", "la tarea 01_perceptron, «Un ejemplo: ¿voy al evento?»",
       {"a": "con umbral 3 el caso «sin buen tiempo, con compañía y transporte» (suma 4) decidía ir; "
             "con umbral 5 ya no.",
        "b": "con buen tiempo la suma es al menos 6, que supera 5.",
        "d": "las tres condiciones suman 10, pero basta con el buen tiempo: 6 ya alcanza el umbral 5."}),
    _P(31, "ejemplos_de_las_diapositivas",
       "La diapositiva «AND» da la suma ponderada Σ de un perceptrón para las cuatro entradas:\n\n"
       "| $x_1$ | $x_2$ | Σ | y |\n|---|---|---|---|\n"
       "| 0 | 0 | −1.5 | 0 |\n| 0 | 1 | −0.5 | 0 |\n| 1 | 0 | −0.5 | 0 |\n| 1 | 1 | 0.5 | 1 |\n\n"
       "¿Qué pesos y sesgo producen esa columna Σ ($\\Sigma = w_1 x_1 + w_2 x_2 + b$)?",
       ("$w = (1, 1)$, $b = -0.5$.",
        "$w = (1, 1)$, $b = 1.5$.",
        "$w = (0.5, 0.5)$, $b = -1.5$.",
        "$w = (1, 1)$, $b = -1.5$."),
       "d", "la tarea 01_perceptron, función `salida_perceptron` (la puerta AND con w = (1, 1), b = −1.5)",
       {"a": "con b = −0.5 las sumas serían −0.5, 0.5, 0.5, 1.5: eso es la puerta OR. La fila (0, 0) dice "
             "directamente cuánto vale b.",
        "b": "la fila (0, 0) da Σ = b, y la tabla dice −1.5: el sesgo es negativo.",
        "c": "con pesos 0.5 la fila (1, 1) daría 0.5 + 0.5 − 1.5 = −0.5, no 0.5: cada entrada suma 1 a Σ "
             "(de −1.5 a −0.5)."}),
    _P(32, "ejemplos_de_las_diapositivas",
       "La diapositiva de softmax calcula $\\operatorname{softmax}([4, 8, 3])$ en tres pasos: "
       "$E = [e^4, e^8, e^3] = [54.59, 2980.95, 20.08]$, $N = 3055.63$ y $P = E / N$. ¿Cuánto vale $P$ "
       "(redondeado a cuatro decimales)?",
       ("$[0.2667, 0.5333, 0.2000]$",
        "$[0.0179, 0.9756, 0.0066]$",
        "$[0.0183, 1.0000, 0.0067]$",
        "$[0.9820, 0.9997, 0.9526]$"),
       "b", "la tarea 03_softmax_entropia, función `softmax` (el ejemplo [4, 8, 3])",
       {"a": "eso es dividir cada valor por la suma 4 + 8 + 3 = 15, sin exponenciar: softmax divide e^z por "
             "la suma de los e^z.",
        "c": "eso es dividir por e^8, el mayor, y no por la suma N: las probabilidades deben sumar 1.",
        "d": "eso es aplicar la sigmoide a cada valor por separado: no suman 1."}),
    _P(33, "ejemplos_de_las_diapositivas",
       "La primera red de las diapositivas para Iris:\n\n"
       "```\nmodel=Sequential()\nmodel.add(Dense(2, input_shape=[4], activation='tanh'))\n"
       "model.add(Dense(3, activation='sigmoid'))\nmodel.summary()\n```\n\n"
       "¿Qué informa `model.summary()`?",
       ("`dense_1`: 8 parámetros; `dense_2`: 6; en total 14.",
        "`dense_1`: 10 parámetros; `dense_2`: 9; en total 19.",
        "`dense_1`: 10 parámetros; `dense_2`: 6; en total 16.",
        "`dense_1`: 12 parámetros; `dense_2`: 12; en total 24."),
       "b", "la tarea 05_keras_iris, «Parte 2: construir el modelo» (la red de 19 parámetros de las diapositivas)",
       {"a": "faltan los sesgos: cada unidad tiene uno (4·2 + 2 = 10 y 2·3 + 3 = 9).",
        "c": "la capa de salida también tiene un sesgo por unidad: 2·3 pesos + 3 sesgos = 9.",
        "d": "una capa densa tiene entradas × unidades pesos más un sesgo por unidad: cuenta los de cada "
             "capa con su propio número de entradas (4 en la oculta, 2 en la de salida)."}),
    _P(34, "ejemplos_de_las_diapositivas",
       "La matriz de confusión de Iris de las diapositivas (filas: clase real setosa, versicolor, virginica; "
       "columnas: clase predicha en el mismo orden):\n\n"
       "```\n[[42  0  0]\n [ 0 36  5]\n [ 0  1 36]]\n```\n\n"
       "¿Cuál es la **precisión** de *versicolor*?",
       ("$36/41 \\approx 0.88$", "$114/120 = 0.95$", "$72/78 \\approx 0.92$", "$36/37 \\approx 0.97$"),
       "d", "la tarea 05_keras_iris, «Evaluación» (precisión y exhaustividad a mano con esta matriz)",
       {"a": "eso es la exhaustividad (recall): aciertos entre las 41 versicolor reales (la fila). La "
             "precisión mira las 37 predichas como versicolor (la columna).",
        "b": "eso es la exactitud global (la diagonal entre el total).",
        "c": "eso es F1 = 2·36 / (41 + 37), que combina precisión y exhaustividad."}),
    _P(35, "ejemplos_de_las_diapositivas",
       "Con la misma matriz de confusión de Iris de la pregunta 34, ¿cuál es la **exhaustividad** "
       "(*recall*) de *versicolor*?",
       ("$36/41 \\approx 0.88$", "$36/37 \\approx 0.97$", "$5/41 \\approx 0.12$", "$72/78 \\approx 0.92$"),
       "a", "la tarea 05_keras_iris, «Evaluación» (precisión y exhaustividad a mano con esta matriz)",
       {"b": "eso es la precisión: aciertos entre las 37 predichas como versicolor (la columna). El recall "
             "mira las 41 versicolor reales (la fila).",
        "c": "eso es la fracción de versicolor que se escapan (clasificadas como virginica): 1 − recall.",
        "d": "eso es F1 = 2·36 / (41 + 37), que combina precisión y exhaustividad."}),
    _P(36, "ejemplos_de_las_diapositivas",
       "La diapositiva «Regresión Lineal - Epochs» pone el ejemplo con **N=8, batch_size=2 y epochs = 3**. "
       "¿Cuántas veces se actualizan los pesos durante todo el entrenamiento?",
       ("3", "4", "12", "24"),
       "c", "la tarea 02_descenso_gradiente, función `descenso_gradiente` (lotes, iteraciones y épocas)",
       {"a": "eso es el número de épocas; en cada época hay una actualización por lote.",
        "b": "eso son las actualizaciones de una sola época (8 / 2 = 4); hay 3 épocas.",
        "d": "eso es el número de ejemplos procesados (8 · 3); se actualiza una vez por lote de 2, no por "
             "ejemplo."}),
    _P(37, "ejemplos_de_las_diapositivas",
       "La diapositiva «3 regresiones = 1 regresión!» apila tres regresiones lineales sin activación y "
       "escribe $N = ((X W_1 + B_1) W_2 + B_2) W_3 + B_3 = X W_5 + B_5$. ¿Qué son $W_5$ y $B_5$?",
       ("$W_5 = W_1 W_2 W_3$ y $B_5 = B_1 + B_2 + B_3$.",
        "$W_5 = W_1 + W_2 + W_3$ y $B_5 = B_1 + B_2 + B_3$.",
        "$W_5 = W_1 W_2 W_3$ y $B_5 = B_1 W_2 W_3 + B_2 W_3 + B_3$.",
        "No existen: con tres capas la red puede representar funciones que una sola regresión no puede."),
       "c", "la tarea 04_backprop, «Funciones de activación y sus derivadas» (sin ellas, varias capas "
            "lineales equivalen a una)",
       {"a": "los sesgos de las primeras capas también pasan por las matrices siguientes: B1 se multiplica "
             "por W2 y W3, y B2 por W3.",
        "b": "las capas se componen, así que sus matrices se multiplican, no se suman.",
        "d": "sin activación la composición de funciones afines es afín: es justo lo que dice la diapositiva "
             "(«W y V son matrices constantes => W.V es otra matriz»)."}),
    _P(38, "ejemplos_de_las_diapositivas",
       "Las diapositivas predicen las notas N1 y N2 a partir de Estudio, Edad y Promedio de dos maneras: "
       "con dos regresiones lineales separadas («Dos salidas → Dos modelos») y con una regresión lineal "
       "múltiple ($W$ de 3×2, $B$ de 2), entrenada sumando los errores cuadráticos de las dos salidas. "
       "¿Qué relación hay entre sus soluciones óptimas?",
       ("Son la misma: la columna $j$ de $W$ y $B_j$ solo afectan a la salida $j$ y el error es la suma de "
        "un término por salida, así que minimizarlo juntas es minimizar cada una por separado.",
        "La múltiple es mejor, porque aprovecha la relación entre N1 y N2 y deja de ser un modelo lineal.",
        "La múltiple es peor, porque un solo descenso de gradiente tiene que repartirse entre dos salidas.",
        "No se pueden comparar: el error de la múltiple deja de ser convexo y tiene varios mínimos."),
       "a", "la tarea 02_descenso_gradiente (la regresión lineal con m = 2 salidas de la tabla de las "
            "diapositivas)",
       {"b": "la diapositiva «Resumen» lo responde: «¿Es más potente que Regresión Lineal Simple? No, sigue "
             "siendo un modelo lineal». Cada salida usa solo su columna de W.",
        "c": "el gradiente respecto de cada columna de W solo depende del error de su salida: las dos "
             "regresiones se entrenan a la vez sin estorbarse.",
        "d": "la diapositiva «Resumen» dice lo contrario: «Sigue siendo convexo el error (solución única)»."}),
    _P(39, "ejemplos_de_las_diapositivas",
       "Las diapositivas de «Regresión Logística Múltiple» muestran dos tablas «Carrera»: en la primera, "
       "P1, P2 y P3 son «Múltiples opciones ⇒ predicciones independientes» (una fila puede tener varios 1); "
       "en la segunda, LS, LI e IC son «Clases mutuamente exclusivas ⇒ Problema de clasificación». (La fila "
       "Estudio 10, Edad 19, Promedio 4 de esa segunda tabla no tiene ningún 1: es una errata, con clases "
       "excluyentes cada fila tiene exactamente uno.) ¿Qué salida y qué pérdida corresponden a cada tabla?",
       ("Softmax y entropía cruzada categórica en las dos: son tres salidas en ambos casos.",
        "Tabla P1–P3: softmax; tabla LS/LI/IC: tres sigmoides independientes.",
        "Sigmoide en las dos, porque los objetivos son ceros y unos.",
        "Tabla P1–P3: tres sigmoides independientes con entropía cruzada binaria; tabla LS/LI/IC: softmax "
        "con entropía cruzada categórica."),
       "d", "la tarea 03_softmax_entropia, funciones `softmax`, `entropia_cruzada` y "
            "`entropia_cruzada_binaria`",
       {"a": "softmax obliga a que las tres probabilidades sumen 1, así que no puede dar alta probabilidad a "
             "P1 y a P3 a la vez, como pide una fila con varios 1.",
        "b": "está al revés: las opciones independientes (varios 1 por fila) necesitan una sigmoide por "
             "salida, y las clases excluyentes una softmax.",
        "c": "con clases excluyentes las probabilidades deben sumar 1, y tres sigmoides independientes no lo "
             "garantizan: ahí va softmax."}),
)

CLAVE = {p.variable: p.correcta for p in PREGUNTAS}


def pregunta(numero: int) -> Pregunta:
    """La pregunta con ese número (1, 2, ...)."""
    return PREGUNTAS[numero - 1]


def preguntas_del_bloque(bloque: str) -> tuple:
    return tuple(p for p in PREGUNTAS if p.bloque == bloque)


def celda_de_respuestas(bloque: str) -> str:
    """Código de la celda de respuestas de un bloque: esbozo con None y la clave entre los marcadores."""
    preguntas = preguntas_del_bloque(bloque)
    lineas = ['# Escribe la letra de cada respuesta entre comillas: "a", "b", "c" o "d".']
    lineas += [f"{p.variable} = None" for p in preguntas]
    lineas.append("### BEGIN SOLUTION")
    lineas += [f'{p.variable} = "{p.correcta}"' for p in preguntas]
    lineas.append("### END SOLUTION")
    return "\n".join(lineas)
