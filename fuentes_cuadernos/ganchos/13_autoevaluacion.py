"""Ganchos de 13_autoevaluacion: los bloques de preguntas salen de ``solutions/autoevaluacion.py``.

Each block's answer cell holds the key between nbgrader markers, so the release only shows
``respuesta_NN = None``.
"""
from autograder.calificadores import cargar_tarea
from nbformat.v4 import new_code_cell, new_markdown_cell
from solutions import autoevaluacion as ref

N_PREGUNTAS = len(ref.PREGUNTAS)
N_BLOQUES = len(cargar_tarea("13_autoevaluacion").ejercicios)

# Heading and what each block covers (with where it was taught), in the order of the task's exercises.
# Deliberately no formulas or definitions here: they would answer the questions.
BLOQUES = {
    "perceptron_y_activaciones": (
        "El perceptrón y las funciones de activación",
        "La regla de aprendizaje del perceptrón, la separabilidad lineal y el problema XOR (tarea "
        "01_perceptron), y el papel de las funciones de activación en una red (tarea 04_backprop)."),
    "softmax_y_entropia": (
        "Softmax y entropía cruzada",
        "La función softmax, la entropía cruzada multiclase y binaria y su gradiente (tarea "
        "03_softmax_entropia), y la salida de un clasificador binario en Keras (tarea 11_lstm_imdb)."),
    "descenso_de_gradiente": (
        "Descenso de gradiente, lotes y épocas",
        "La regla de actualización, la tasa de aprendizaje, el tamaño de lote y las épocas, y las variantes "
        "por lotes, estocástica y por mini-lotes (tarea 02_descenso_gradiente)."),
    "retropropagacion": (
        "Retropropagación",
        "La regla de la cadena y las pasadas hacia adelante y hacia atrás de las capas densa y ReLU "
        "(tarea 04_backprop)."),
    "sobreajuste_y_regularizacion": (
        "Sobreajuste y regularización",
        "Cómo se reconoce el sobreajuste en las curvas de entrenamiento y validación, y tres remedios: "
        "parada temprana, regularización L2 y dropout (tareas 05_keras_iris y 12_sobreajuste)."),
    "convolucionales_y_recurrentes": (
        "Redes convolucionales y recurrentes",
        "Las capas `Conv2D` y `MaxPooling2D`, sus parámetros y formas de salida (tarea 09_cnn_mnist), y "
        "las redes recurrentes y LSTM (tarea 11_lstm_imdb)."),
    "metricas": (
        "Métricas de clasificación",
        "La matriz de confusión, la precisión, la exhaustividad (*recall*) y F1 del `classification_report` "
        "(tareas 05 a 11)."),
    "ejemplos_de_las_diapositivas": (
        "Ejemplos de las diapositivas",
        "Los ejemplos resueltos de las diapositivas del curso: el perceptrón «¿voy al evento?» y la puerta AND "
        "(tarea 01_perceptron), las épocas y los lotes y la regresión con varias salidas (tarea "
        "02_descenso_gradiente), softmax y la tabla «Carrera» (tarea 03_softmax_entropia), «3 regresiones = 1 "
        "regresión» (tarea 04_backprop) y la red de Iris con su matriz de confusión (tarea 05_keras_iris). "
        "Cada enunciado cita la diapositiva."),
}


def preguntas(tarea) -> list:
    """``# %% generar="preguntas"``: per block, its heading, its questions, its answer cell and its check cell."""
    celdas = []
    for numero_bloque, bloque in enumerate(tarea.ejercicios, start=1):
        titulo, temas = BLOQUES[bloque]
        celdas.append(new_markdown_cell(f"## Bloque {numero_bloque}. {titulo} ({{puntos:{bloque}}} puntos)\n\n"
                                        f"**Qué repasa:** {temas}"))
        variables = []
        for pregunta in ref.preguntas_del_bloque(bloque):
            opciones = "\n".join(f"- **{letra})** {texto}" for letra, texto in zip(ref.LETRAS, pregunta.opciones))
            celdas.append(new_markdown_cell(f"### Pregunta {pregunta.numero:02d}\n\n{pregunta.enunciado}\n\n{opciones}"))
            variables.append(pregunta.variable)
        celdas.append(new_code_cell(ref.celda_de_respuestas(bloque), metadata={"respuestas": bloque}))
        argumentos = "".join(f",\n          {v}={v}" for v in variables)
        celdas.append(new_code_cell(f'comprobar("{bloque}"{argumentos})', metadata={"prueba": bloque}))
    return celdas
