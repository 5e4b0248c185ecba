"""Lectura y corrección de las respuestas del cuestionario (``respuesta_NN = "b"``); el caso de formato de un bloque.

Shipped in the student kit: it holds no answer. ``corregir`` receives the key from the
grading side (the ``referencia`` module, hidden cases only).
"""
from __future__ import annotations

from autograder.casos import caso
from autograder.errores import Fallo
from autograder.trabajador import ObjetoNoAdmitido

LETRAS = ("a", "b", "c", "d")


def variable(numero: int) -> str:
    return f"respuesta_{numero:02d}"


def problema_de_formato(valor, numero: int) -> str | None:
    """Qué le pasa a una respuesta mal escrita (en español), o None si es una letra válida."""
    nombre = variable(numero)
    if valor is None:
        return (f"`{nombre}` todavía vale None: escribe en su lugar la letra elegida entre comillas "
                '("a", "b", "c" o "d").')
    if not isinstance(valor, str):
        tipo = valor.tipo if isinstance(valor, ObjetoNoAdmitido) else type(valor).__name__
        return (f"`{nombre}` es de tipo {tipo}; debe ser un texto con una sola letra entre comillas "
                '("a", "b", "c" o "d"), no una variable, un número ni una lista.')
    if valor.strip().lower() not in LETRAS:
        return (f"`{nombre}` vale {valor[:20]!r}, que no es una de las opciones: "
                'escribe solo la letra, "a", "b", "c" o "d".')
    return None


def leer_respuesta(alumno, numero: int) -> str:
    """La letra elegida, en minúsculas y sin espacios; Fallo si falta o no tiene el formato."""
    valor = alumno.valor(variable(numero))
    problema = problema_de_formato(valor, numero)
    if problema:
        raise Fallo(f"Pregunta {numero:02d} sin respuesta válida: {problema}")
    return valor.strip().lower()


def exigir_formato(alumno, numeros: tuple) -> None:
    """Todas las respuestas del bloque son letras válidas; si no, un mensaje con cada problema."""
    problemas = [problema_de_formato(alumno.valor(variable(n)), n) for n in numeros]
    problemas = [p for p in problemas if p]
    if problemas:
        raise Fallo(f"{len(problemas)} de {len(numeros)} respuestas del bloque no tienen el formato pedido:\n  "
                    + "\n  ".join(problemas))


def corregir(alumno, referencia, numero: int) -> None:
    """Fallo si la respuesta no es la correcta: dice qué repasar (y una pista si la hay), nunca la letra correcta."""
    letra = leer_respuesta(alumno, numero)
    pregunta = referencia.pregunta(numero)
    if letra != pregunta.correcta:
        pista = pregunta.pistas.get(letra)
        raise Fallo(f"Pregunta {numero:02d}: la opción «{letra}» no es correcta."
                    + (f" Pista: {pista}" if pista else "")
                    + f"\n  Repasa {pregunta.repaso}.")


CUANTAS = {4: "cuatro", 11: "once"}


def caso_de_formato(preguntas: tuple):
    """El caso público de un bloque: cada respuesta de ``preguntas`` es una letra válida.

    A block file declares it first, ``test_formato_de_las_respuestas = caso_de_formato(PREGUNTAS)``, and
    then only its hidden questions. It keeps its half point when grading (``formato=True``): it grades
    nothing a student could copy. ``casos.recolectar`` lists a file's cases in the order the file binds
    them, so this one comes before the questions.
    """
    cuantas = CUANTAS.get(len(preguntas), str(len(preguntas)))

    @caso(puntos=0.5, formato=True,
          exito=f"las {cuantas} respuestas tienen el formato pedido (si son correctas se sabrá al calificar).")
    def test_formato_de_las_respuestas(alumno):
        """Cada respuesta del bloque es una de las letras "a", "b", "c" o "d"."""
        exigir_formato(alumno, preguntas)

    return test_formato_de_las_respuestas
