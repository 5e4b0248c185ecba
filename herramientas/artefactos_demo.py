"""Archivos que los alumnos simulados entregan junto al cuaderno (modelos Keras entrenados)."""
from __future__ import annotations

from pathlib import Path


def _modelo_sin_entrenar(directorio: Path) -> Path:
    from solutions.keras_mnist import construir_modelo

    ruta = directorio / "sin_entrenar" / "modelo.keras"
    ruta.parent.mkdir(parents=True, exist_ok=True)
    construir_modelo().save(ruta)
    return ruta


def artefactos_para(tareas: list[str], directorio: Path) -> dict:
    """{(tarea, perfil): {nombre: ruta}}; entrena los modelos que hagan falta (≈ 30 s para MNIST)."""
    artefactos = {}
    if "07_keras_mnist" in tareas:
        from solutions.keras_mnist import entrenar_referencia

        referencia = Path(directorio) / "referencia"
        referencia.mkdir(parents=True, exist_ok=True)
        ruta, _ = entrenar_referencia(referencia)
        buena = {"modelo.keras": ruta, "historial.json": Path(ruta).with_name("historial.json")}
        mala = {"modelo.keras": _modelo_sin_entrenar(Path(directorio))}
        artefactos.update({("07_keras_mnist", "completo"): buena, ("07_keras_mnist", "roto"): buena,
                           ("07_keras_mnist", "parcial"): mala, ("07_keras_mnist", "tramposo"): mala})
    return artefactos
