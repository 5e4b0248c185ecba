"""Comprobaciones de arquitectura propias de una red convolucional para imágenes 28×28×1.

They read the plain description from ``alumno.modelo_construido`` /
``alumno.modelo_guardado`` (see ``autograder/comprobaciones_keras.py``) and
add what the shared checks do not cover: a pooling layer after the
convolutions and a Flatten (or global pooling) before the dense output.
"""
from autograder.comprobaciones_keras import ModeloPedido, clases_de_capas, exigir_capas, forma, mostrar
from autograder.errores import Fallo

ENTRADA = (None, 28, 28, 1)
PISTA_CONV2D = ("una red convolucional empieza con capas layers.Conv2D(filtros, kernel_size=(3, 3), "
                "activation='relu') que recorren la imagen con filtros pequeños y así aprovechan su estructura "
                "espacial.")
PISTA_ENTRADA = ("una red convolucional recibe las imágenes sin aplanar, con un eje final para el canal de "
                 "gris: empieza con keras.Input(shape=(28, 28, 1)), la forma que devuelve `preprocesar`.")


def exigir_pooling(descripcion: dict, que: str) -> None:
    """Al menos una capa de pooling (MaxPooling2D, AveragePooling2D o un pooling global)."""
    clases = clases_de_capas(descripcion)
    if any("Pooling2D" in clase for clase in clases):
        return
    raise Fallo(f"{que}: no tiene ninguna capa de pooling (capas: {', '.join(clases) or 'ninguna'}). Después de "
                "cada Conv2D (o de cada par) añade layers.MaxPooling2D(pool_size=(2, 2)): reduce a la mitad el "
                "alto y el ancho de los mapas de activación, así la red tiene menos parámetros y tolera pequeños "
                "desplazamientos del dígito.")


def exigir_aplanado(descripcion: dict, que: str) -> None:
    """La salida es un vector por imagen: si sigue siendo un mapa (None, h, w, c), falta Flatten."""
    salida = forma(descripcion["salida"])
    if salida is None or len(salida) <= 2:
        return
    capas = clases_de_capas(descripcion)
    if capas and capas[-1] == "Dense":  # recognised: a Dense layer applied to a map, without Flatten before it
        raise Fallo(f"{que}: la salida tiene forma {mostrar(salida)} y se esperaba (None, 10): la capa Dense final se "
                    "aplicó a cada posición del mapa de activación. Añade layers.Flatten() (o "
                    "layers.GlobalAveragePooling2D()) después de la última capa de pooling y antes de la capa Dense "
                    "de salida.")
    raise Fallo(f"{que}: la salida tiene forma {mostrar(salida)} y se esperaba (None, 10): la red aún devuelve un mapa "
                f"de activación (última capa: {capas[-1] if capas else 'ninguna'}). Para terminar, aplana el mapa con "
                "layers.Flatten() (o layers.GlobalAveragePooling2D()) y acaba con layers.Dense(10, "
                "activation='softmax').")


def exigir_red_convolucional(descripcion: dict, que: str) -> None:
    """Conv2D (≥ 1) y pooling: lo que pide el catálogo para 09_cnn_mnist."""
    exigir_capas(descripcion, que, "Conv2D", 1, PISTA_CONV2D)
    exigir_pooling(descripcion, que)


MODELO = ModeloPedido(ENTRADA, 10, "una probabilidad por dígito", capas=(exigir_red_convolucional,),
                      antes_de_la_salida=exigir_aplanado, pista_entrada=PISTA_ENTRADA,
                      pista_entrada_entregado=PISTA_ENTRADA)


def exigir_entrada_y_salida(descripcion: dict, que: str) -> None:
    """Entrada (None, 28, 28, 1) y salida (None, 10) softmax, con una pista si falta Flatten."""
    MODELO.exigir_formas(descripcion, que, PISTA_ENTRADA)
