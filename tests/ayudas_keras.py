"""Lo común de las pruebas de las tareas con Keras (07-11): datos sin conexión, modelos guardados y comprobaciones.

Importar este módulo no importa Keras; ``saltar_sin_datos`` va antes del ``import keras`` de cada prueba.
"""
from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest

from conftest import RAIZ, calificar, cuaderno_fuente, mensajes_fallidos

DATOS = Path(os.environ.get("CURSO_DL_DATOS") or RAIZ.parent / "shared" / "datasets")


def saltar_sin_datos(archivo: str, nombre: str):
    """Skips the importing test module when the offline copy lacks `archivo` (relative to DATOS)."""
    if not (DATOS / archivo).is_file():
        pytest.skip(f"no están los datos de {nombre} en {DATOS} (define CURSO_DL_DATOS)", allow_module_level=True)


@pytest.fixture(scope="module", autouse=True)
def _datos_sin_conexion():
    """The offline copy of the data, for this process and for the grading sandboxes it starts.

    Autouse in every test module that imports it."""
    with pytest.MonkeyPatch.context() as parche:
        parche.setenv("CURSO_DL_DATOS", str(DATOS))
        parche.setenv("CURSO_DL_SIN_DESCARGA", "1")
        yield


def guardar(modelo, directorio: Path) -> Path:
    """`directorio` with the Keras model saved as modelo.keras."""
    directorio.mkdir(parents=True, exist_ok=True)
    modelo.save(directorio / "modelo.keras")
    return directorio


def caso(resultado, identificador: str):
    (encontrado,) = [c for c in resultado.casos if c.id == identificador]
    return encontrado


def mensajes(resultado, ejercicio: str) -> str:
    """The messages of the failed cases of `ejercicio`, one per line."""
    return mensajes_fallidos(resultado, ejercicio, "\n")


def comprobar_modelo_guardado(modelo_referencia: Path, referencia):
    """The committed model has the architecture of construir_modelo(), weighs ≤ 1.5 MB and brings its history."""
    import keras

    from autograder.entrenamiento import diferencia_de_arquitectura

    ruta = modelo_referencia / "modelo.keras"
    assert ruta.stat().st_size <= 1.5 * 1024 * 1024
    guardado = keras.saving.load_model(ruta, safe_mode=True, compile=False)
    assert diferencia_de_arquitectura(referencia.construir_modelo(), guardado) == ""
    historial = json.loads((modelo_referencia / "historial.json").read_text(encoding="utf-8"))
    assert set(historial) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert {len(v) for v in historial.values()} == {referencia.EPOCAS_REFERENCIA}


def comprobar_modelo_comprometido(modelo_referencia: Path, referencia):
    """The committed modelo.keras has the layers and weights of construir_modelo(), weighs ≤ 1.5 MB, and its history is there."""
    import keras

    from autograder.entrenamiento import diferencia_de_arquitectura

    guardado = keras.saving.load_model(modelo_referencia / "modelo.keras", safe_mode=True, compile=False)
    assert diferencia_de_arquitectura(referencia.construir_modelo(), guardado) == ""
    assert (modelo_referencia / "modelo.keras").stat().st_size <= 1.5e6
    assert (modelo_referencia / "historial.json").is_file()


def comprobar_que_no_reentrena(tarea_id: str):
    """The notebook cells that train and save the model are skipped when grading."""
    omitidas = [c for c in cuaderno_fuente(tarea_id).cells if c.cell_type == "code" and "entrenar_y_guardar(" in c.source]
    assert omitidas and all(c.metadata["curso_dl"]["omitir_al_calificar"] for c in omitidas)


def comprobar_en_blanco(resultado, primer_ejercicio: str):
    """The notebook as published, without modelo.keras, earns 0 with Spanish messages."""
    assert resultado.puntaje == 0
    assert all("No encontré `modelo.keras`" in c.mensaje for c in resultado.del_ejercicio("modelo_entrenado"))
    assert all("todavía no está implementada" in c.mensaje for c in resultado.del_ejercicio(primer_ejercicio))


def comprobar_roto(resultado, tarea, puntos: dict, ejercicio: str, conserva: int):
    """Breaking one exercise costs only points of that exercise, which keeps `conserva`."""
    for otro in tarea.ejercicios:
        if otro != ejercicio:
            assert resultado.puntaje_ejercicio(otro) == puntos[otro], (otro, resultado.del_ejercicio(otro))
    assert resultado.puntaje_ejercicio(ejercicio) == conserva


def comprobar_referencia_en_casos_locales(tarea, ejercicio: str, funcion):
    """The reference function passes the public and hidden cases of `ejercicio` for several students."""
    from autograder.alumno import AlumnoLocal
    from autograder.motor import ejecutar_casos

    for alumno in ("ana", "beto", "carla"):
        resultados = ejecutar_casos(tarea, AlumnoLocal({ejercicio: funcion}), alumno, ejercicios=(ejercicio,))
        assert all(c.aprobada for c in resultados), [c.mensaje for c in resultados if not c.aprobada]


def calificar_entregas(entregas: dict, tarea_id: str, *args, **opciones) -> dict:
    """{nombre: resultado} grading each submission {nombre: (cuaderno, directorio del modelo)} with the real engine."""
    return {nombre: calificar(nb, tarea_id, *args, directorio=directorio, **opciones)
            for nombre, (nb, directorio) in entregas.items()}


def comprobar_referencia_calificada(resultado, total: int):
    """The source notebook with the reference model earns `total` of `total`, with no cell error."""
    assert resultado.puntaje == resultado.puntaje_max == total, [c.mensaje for c in resultado.casos if not c.aprobada]
    assert [s["error"] for s in resultado.salidas_celdas if s["error"]] == []
    print(f"calificar la referencia: {resultado.segundos:.1f} s")


def entrenar_midiendo(referencia, directorio: Path) -> tuple:
    """(directorio, segundos) of training the reference once into `directorio`."""
    inicio = time.perf_counter()
    referencia.entrenar_referencia(directorio)
    return directorio, time.perf_counter() - inicio


def exactitud_en_prueba(directorio: Path, casos_modelo) -> float:
    """Accuracy of `directorio`/modelo.keras on the grader's test set (``casos_modelo.conjunto_de_prueba``)."""
    import keras
    import numpy as np

    X_test, y_test = casos_modelo.conjunto_de_prueba()
    modelo = keras.saving.load_model(directorio / "modelo.keras", safe_mode=True)
    return float(np.mean(np.argmax(modelo.predict(X_test, verbose=0), axis=1) == y_test))


def puntos_por_ejercicio(tarea, resultado) -> dict:
    return {e: resultado.puntaje_ejercicio(e) for e in tarea.ejercicios}


def comprobar_que_solo_pierde_la_exactitud(resultado, patron: str, perdidos: int):
    """A weak model fails the accuracy case with its value in the message (`patron`), keeps the architecture
    point and loses exactly `perdidos` points. Returns the accuracy case."""
    exactitud = caso(resultado, "modelo_entrenado/exactitud_en_prueba")
    assert not exactitud.aprobada
    assert re.search(patron, exactitud.mensaje), exactitud.mensaje
    assert caso(resultado, "modelo_entrenado/arquitectura_del_modelo_entregado").aprobada
    assert resultado.puntaje == resultado.puntaje_max - perdidos
    return exactitud


def calificar_entregas_midiendo(entregas: dict, tarea_id: str, alumno: str) -> dict:
    """{nombre: (resultado, segundos)} grading each submission {nombre: (cuaderno, directorio del modelo)}."""
    resultados = {}
    for nombre, (nb, directorio) in entregas.items():
        inicio = time.perf_counter()
        resultados[nombre] = (calificar(nb, tarea_id, alumno, directorio), time.perf_counter() - inicio)
    return resultados


def comprobar_en_blanco_con_mensajes(resultado, primer_ejercicio: str):
    """The published notebook without modelo.keras earns 0, and the messages say why."""
    assert resultado.puntaje == 0
    assert "todavía no está implementada" in mensajes(resultado, primer_ejercicio)
    assert "No encontré `modelo.keras`" in mensajes(resultado, "modelo_entrenado")


def comprobar_funcion_rota(resultado, puntos: dict, ejercicio_roto: str):
    """A broken function loses all its points and the other parts keep theirs."""
    for ejercicio, maximo in puntos.items():
        assert resultado.puntaje_ejercicio(ejercicio) == (0 if ejercicio == ejercicio_roto else maximo), ejercicio


def comprobar_ocultos_fallan_sin_revelar(resultado, ejercicio: str):
    """The hidden cases of `ejercicio` fail without showing expected values."""
    ocultos = [c for c in resultado.del_ejercicio(ejercicio) if c.oculta]
    assert ocultos and all(not c.aprobada and "esperado:" not in c.mensaje for c in ocultos)


def comprobar_parte_rota(tarea, resultado, resultado_referencia, ejercicio_roto: str):
    """Breaking one part (a function or the submitted model) costs only points of that part."""
    puntos, completos = puntos_por_ejercicio(tarea, resultado), puntos_por_ejercicio(tarea, resultado_referencia)
    for ejercicio in tarea.ejercicios:
        if ejercicio == ejercicio_roto:
            assert puntos[ejercicio] < completos[ejercicio], ejercicio
        else:
            assert puntos[ejercicio] == completos[ejercicio], ejercicio
