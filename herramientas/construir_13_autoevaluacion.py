"""Genera assignments/13_autoevaluacion/13_autoevaluacion.ipynb.

Uso: PYTHONPATH=. python herramientas/construir_13_autoevaluacion.py

Questions and options come from ``solutions/autoevaluacion.py``; each block's answer cell
holds the key between nbgrader markers, so the release only shows ``respuesta_NN = None``.
"""
from autograder.calificadores import cargar_tarea
from herramientas.cuadernos import Cuaderno
from solutions import autoevaluacion as ref

TAREA = cargar_tarea("13_autoevaluacion")

# Heading and what each block covers (with where it was taught), in the order of TAREA.ejercicios.
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
}

c = Cuaderno(TAREA)
c.texto(f"""
    # Tarea 13 — Autoevaluación

    Este cuestionario repasa la teoría del curso: el perceptrón, las funciones de activación, softmax y la
    entropía cruzada, el descenso de gradiente, la retropropagación, el sobreajuste y la regularización, las
    redes convolucionales y recurrentes, y las métricas de clasificación. Tiene {len(ref.PREGUNTAS)} preguntas
    en {len(TAREA.ejercicios)} bloques. Algunas piden un cálculo corto: hazlo con lápiz y papel (o en una
    celda nueva) antes de elegir.

    **Cómo se responde.** Cada pregunta tiene cuatro opciones y una sola es correcta. Al final de cada
    bloque hay una celda de respuestas con una variable por pregunta, que empieza valiendo `None`.
    Sustituye las líneas `# TU CÓDIGO AQUÍ` y `raise NotImplementedError()` por tus respuestas, una línea
    por pregunta de la forma `respuesta_NN = "x"`, donde `x` es la letra elegida entre comillas (`"a"`,
    `"b"`, `"c"` o `"d"`; no `a` sin comillas ni `"a)"`). También puedes cambiar cada `None` por la letra y
    borrar esas dos líneas.

    **Cómo se califica.** Cada pregunta vale 1 punto, y cada bloque 0.5 puntos más si todas sus respuestas
    tienen el formato pedido. La celda de prueba de cada bloque solo comprueba ese formato: si tus
    respuestas son correctas lo sabrás al calificar, y entonces cada respuesta incorrecta te dirá qué
    tarea y qué parte repasar, sin revelar la letra correcta.

    También puedes comprobar el cuaderno completo desde una terminal:
    `python -m autograder comprobar 13_autoevaluacion.ipynb`.
""")
c.codigo("""
    from autograder.comprobar import Comprobaciones

    comprobar = Comprobaciones("13_autoevaluacion")
""")
for numero_bloque, bloque in enumerate(TAREA.ejercicios, start=1):
    titulo, temas = BLOQUES[bloque]
    preguntas = ref.preguntas_del_bloque(bloque)
    c.texto(f"## Bloque {numero_bloque}. {titulo} ({TAREA.puntos(bloque):g} puntos)\n\n**Qué repasa:** {temas}")
    for pregunta in preguntas:
        opciones = "\n".join(f"- **{letra})** {texto}" for letra, texto in zip(ref.LETRAS, pregunta.opciones))
        c.texto(f"### Pregunta {pregunta.numero:02d}\n\n{pregunta.enunciado}\n\n{opciones}")
    c.respuestas(bloque, ref.celda_de_respuestas(bloque))
    c.prueba(bloque, valores=tuple(p.variable for p in preguntas))
c.texto("""
    ## Antes de entregar

    Reinicia el núcleo y ejecuta todas las celdas (*Kernel → Restart & Run All*): cada celda de respuestas
    debe ejecutarse sin errores y cada celda de prueba debe decir que el formato es el pedido. Después
    guarda el cuaderno y entrégalo.
""")

if __name__ == "__main__":
    print(c.guardar())
