"""Excepciones del calificador. Los mensajes están en español porque los lee el alumno."""


class ErrorCalificador(Exception):
    """Error de uso (archivo inexistente, cuaderno mal formado, tarea desconocida)."""


class ErrorAislamiento(Exception):
    """El proceso aislado murió o no respondió como se esperaba."""


class TiempoAgotado(ErrorAislamiento):
    def __init__(self, segundos: float):
        super().__init__(f"se superó el tiempo máximo de {segundos:g} s")
        self.segundos = segundos


class Fallo(AssertionError):
    """Una comprobación no se cumplió. El mensaje explica qué se comprobó y cómo arreglarlo."""


class ErrorDelAlumno(Fallo):
    """La función del alumno no existe, lanzó una excepción o tardó demasiado."""


class ServidorCalienteCaido(ErrorCalificador):
    """El servidor caliente murió mientras calificaba (no lo hizo el alumno): la entrega se califica otra vez, en frío."""


class ErrorAislamientoNoDisponible(ErrorCalificador):
    """Esta máquina no puede crear la jaula del núcleo: calificar se niega (falla cerrado)."""
