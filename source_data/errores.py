"""Excepción única del paquete ``source_data``."""


class ErrorDatos(Exception):
    """Error al localizar, verificar o leer un conjunto de datos del curso.

    El mensaje (en español) dice siempre qué archivo falla, su sha256 esperado,
    dónde se buscó y cómo arreglarlo.
    """
