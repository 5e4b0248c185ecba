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
# # Tarea 13 — Autoevaluación
#
# Este cuestionario repasa la teoría del curso: el perceptrón, las funciones de activación, softmax y la
# entropía cruzada, el descenso de gradiente, la retropropagación, el sobreajuste y la regularización, las
# redes convolucionales y recurrentes, y las métricas de clasificación; el último bloque vuelve sobre los
# ejemplos resueltos de las diapositivas. Tiene {valor:N_PREGUNTAS} preguntas
# en {valor:N_BLOQUES} bloques. Algunas piden un cálculo corto: hazlo con lápiz y papel (o en una
# celda nueva) antes de elegir.
#
# **Cómo se responde.** Cada pregunta tiene cuatro opciones y una sola es correcta. Al final de cada
# bloque hay una celda de respuestas con una variable por pregunta, que empieza valiendo `None`.
# Sustituye las líneas `# TU CÓDIGO AQUÍ` y `raise NotImplementedError()` por tus respuestas, una línea
# por pregunta de la forma `respuesta_NN = "x"`, donde `x` es la letra elegida entre comillas (`"a"`,
# `"b"`, `"c"` o `"d"`; no `a` sin comillas ni `"a)"`). También puedes cambiar cada `None` por la letra y
# borrar esas dos líneas.
#
# **Cómo se califica.** Cada pregunta vale 1 punto, y cada bloque 0.5 puntos más si todas sus respuestas
# tienen el formato pedido. La celda de prueba de cada bloque solo comprueba ese formato: si tus
# respuestas son correctas lo sabrás al calificar, y entonces cada respuesta incorrecta te dirá qué
# tarea y qué parte repasar, sin revelar la letra correcta.
#
# También puedes comprobar el cuaderno completo desde una terminal:
# `python -m autograder comprobar 13_autoevaluacion.ipynb`.

# %%
from autograder.comprobar import Comprobaciones

comprobar = Comprobaciones("13_autoevaluacion")

# %% generar="preguntas"

# %% [markdown]
# ## Antes de entregar
#
# Reinicia el núcleo y ejecuta todas las celdas (*Kernel → Restart & Run All*): cada celda de respuestas
# debe ejecutarse sin errores y cada celda de prueba debe decir que el formato es el pedido. Después
# guarda el cuaderno y entrégalo.
