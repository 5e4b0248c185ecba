"""Lo que ve el alumno en su cuaderno (issue 9): mensajes en español sin traceback, Validate, conteos,
celdas provistas sin stderr, y un calificador que no carga TensorFlow."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import nbformat
import numpy as np
import pytest

from autograder import entrenamiento
from autograder.calificadores import cargar_tarea
from autograder.casos import puntos_al_calificar
from autograder.comprobar import ComprobacionFallida, Comprobaciones
from autograder.kit import escribir_kit
from autograder.resultados import ResultadoCalificacion, ResultadoCaso, texto_resultado
from conftest import RAIZ, con_celda, cuaderno_fuente

TAREAS_KERAS = ["05_keras_iris", "06_keras_digitos", "07_keras_mnist", "08_fashion_mnist", "09_cnn_mnist",
                "10_cnn_cifar10", "11_lstm_imdb", "12_sobreajuste"]
TRACEBACK = re.compile(r"Traceback|File \"|line \d+, in ")


def _entorno_del_alumno() -> dict:
    """The student's environment: no repository on the path and no TF_CPP_MIN_LOG_LEVEL from scripts/entorno.sh."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "TF_CPP_MIN_LOG_LEVEL")}


def _fallo(comprobar, *argumentos) -> ComprobacionFallida:
    with pytest.raises(ComprobacionFallida) as error:
        comprobar(*argumentos)
    return error.value


def _sin_traceback(error: ComprobacionFallida) -> str:
    """What the notebook shows as the error (one Spanish line) and what Validate shows (the whole explanation)."""
    en_el_cuaderno = error._render_traceback_()
    anterior = os.environ.get("NBGRADER_EXECUTION")
    os.environ["NBGRADER_EXECUTION"] = "validate"
    try:
        al_validar = "\n".join(error._render_traceback_())
    finally:
        if anterior is None:
            del os.environ["NBGRADER_EXECUTION"]
        else:
            os.environ["NBGRADER_EXECUTION"] = anterior
    assert len(en_el_cuaderno) == 1 and "explicación arriba" in en_el_cuaderno[0], en_el_cuaderno
    for mostrado in (en_el_cuaderno[0], al_validar):
        assert not TRACEBACK.search(mostrado), mostrado
    assert "detalle arriba" not in str(error) and al_validar.endswith(str(error).splitlines()[-1])
    return al_validar


# -- 2: a blank or broken construir_modelo in the 07 check cell -----------------------------------

def test_construir_modelo_en_blanco_da_un_mensaje_en_espanol(capsys):
    def construir_modelo():
        # TU CÓDIGO AQUÍ
        raise NotImplementedError()

    error = _fallo(Comprobaciones("07_keras_mnist"), "construir_modelo", construir_modelo)
    mostrado = _sin_traceback(error)
    assert "`construir_modelo` todavía no está implementada" in mostrado
    assert "fallaron en 'construir_modelo'" in str(error)
    salida = capsys.readouterr().out
    assert "`construir_modelo` todavía no está implementada" in salida and not TRACEBACK.search(salida)


def test_construir_modelo_roto_da_un_mensaje_en_espanol():
    def construir_modelo():
        import keras

        return keras.Sequential([keras.Input(shape=(784,)), keras.layers.Dense(10, activation="softmaxx")])

    error = _fallo(Comprobaciones("07_keras_mnist"), "construir_modelo", construir_modelo)
    mostrado = _sin_traceback(error)
    assert "`construir_modelo` lanzó un error" in mostrado, mostrado


# -- 4, 5 and 8: a failed self-check shows its Spanish explanation; counts are checks ---------------

def softmax(Z):  # normalises columns instead of rows: a mistake the cases recognise
    e = np.exp(np.asarray(Z, dtype=float))
    return e / e.sum(axis=0, keepdims=True)


def test_comprobacion_fallida_lleva_el_detalle_y_la_pista(capsys):
    error = _fallo(Comprobaciones("03_softmax_entropia"), "softmax", softmax)
    mostrado = _sin_traceback(error)
    assert re.match(r"\d de 2 ", str(error)) and "comprobaciones públicas fallaron en 'softmax':" in str(error)
    assert "normalizaste por columnas" in mostrado  # the hint is in the message Validate shows
    salida = capsys.readouterr().out
    assert re.search(r"Comprobaciones públicas superadas: \d+ de 2\.", salida), salida
    assert "normalizaste por columnas" in salida and not TRACEBACK.search(salida)
    assert not re.search(r"\[\d+(\.\d+)?/\d", salida)  # no points per public check in the self-check


def test_comprobacion_superada_cuenta_comprobaciones_y_explica_los_puntos(capsys):
    from solutions import softmax_entropia

    Comprobaciones("03_softmax_entropia")("softmax", softmax_entropia.softmax)
    salida = capsys.readouterr().out
    publicas = [c for c in cargar_tarea("03_softmax_entropia").casos("softmax") if not c.oculta]
    assert f"Comprobaciones públicas superadas: {len(publicas)} de {len(publicas)}." in salida
    puntos = cargar_tarea("03_softmax_entropia").puntos("softmax")
    assert f"Al calificar, los {puntos:g} puntos de este ejercicio salen de casos ocultos con otras entradas" in salida


def test_el_total_de_la_autocomprobacion_no_confunde_puntos_y_comprobaciones():
    tarea = cargar_tarea("07_keras_mnist")
    casos = [ResultadoCaso(f"{e}/{c.nombre}", e, c.puntos, c.puntos, True, "bien")
             for e in tarea.ejercicios for c in tarea.casos(e) if not c.oculta]
    texto = texto_resultado(ResultadoCalificacion(tarea.id, "publico", casos), "Comprobaciones públicas")
    total = sum(tarea.puntos(e) for e in tarea.ejercicios)
    ocultos = sum(p for e in tarea.ejercicios for c, p in zip(tarea.casos(e), puntos_al_calificar(tarea.casos(e)))
                  if c.oculta)
    assert f"Total: {len(casos)} de {len(casos)} comprobaciones públicas superadas." in texto
    assert (f"Al calificar, {ocultos:g} de los {total:g} puntos de la tarea salen de casos ocultos con otras "
            f"entradas y {total - ocultos:g} de comprobaciones públicas como estas.") in texto
    assert "Al calificar, los 3 puntos de este ejercicio salen de estas mismas comprobaciones." in texto
    assert "puntos." not in texto.split("Total:")[1].split("\n")[0]


def test_validate_marca_la_celda_fallida_y_muestra_el_detalle_sin_traceback(tmp_path):
    """nbgrader's Validate runs the notebook in a kernel: the cell is failed, its error is the Spanish text."""
    from nbgrader.validator import Validator

    escribir_kit(cargar_tarea("03_softmax_entropia"), tmp_path)
    fuente = "import numpy as np\n\n\ndef softmax(Z):\n    e = np.exp(np.asarray(Z, dtype=float))\n" \
             "    return e / e.sum(axis=0, keepdims=True)"
    nb = con_celda(cuaderno_fuente("03_softmax_entropia"), "softmax", fuente)
    ruta = tmp_path / "03_softmax_entropia.ipynb"
    nbformat.write(nb, ruta)
    fallidas = Validator(ignore_checksums=True).validate(str(ruta)).get("failed", [])
    errores = [f["raw_error"] for f in fallidas if 'comprobar("softmax"' in f["source"]]
    assert errores, fallidas
    assert "normalizaste por columnas" in errores[0] and "fallaron en 'softmax'" in errores[0]
    assert not TRACEBACK.search(errores[0]), errores[0]


# -- 6: Validate never retrains nor overwrites modelo.keras -----------------------------------------

def _modelo_pequeno():
    import keras

    modelo = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2, activation="softmax")])
    modelo.compile(optimizer="adam", loss="categorical_crossentropy")
    return modelo


def test_al_validar_no_se_reentrena_ni_se_sobrescribe(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv(entrenamiento.VARIABLE_CALIFICANDO, raising=False)
    x, y = np.zeros((4, 3), "float32"), np.eye(2, dtype="float32")[[0, 1, 0, 1]]
    ruta = tmp_path / "modelo.keras"
    entregado = _modelo_pequeno()
    entrenamiento.entrenar_y_guardar(entregado, x, y, ruta=ruta, epochs=1, verbose=0)
    antes = ruta.read_bytes()

    monkeypatch.setenv("NBGRADER_EXECUTION", "validate")
    otro = _modelo_pequeno()
    otro.fit = lambda *a, **k: pytest.fail("Validate no debe entrenar")
    historia = entrenamiento.entrenar_y_guardar(otro, x, y, ruta=ruta, epochs=50, verbose=0)
    assert ruta.read_bytes() == antes
    assert all(np.array_equal(a, b) for a, b in zip(otro.get_weights(), entregado.get_weights()))
    assert len(historia.history["loss"]) == 1  # the history saved with the model
    assert "Validando: no se entrena; se usan los pesos de" in capsys.readouterr().out


def test_al_validar_sin_modelo_guardado_no_se_entrena_y_se_dice_que_hacer(tmp_path, monkeypatch, capsys):
    """nbgrader cuts every cell at 30 s when validating: training there would be cut, so it asks to train first."""
    monkeypatch.delenv(entrenamiento.VARIABLE_CALIFICANDO, raising=False)
    monkeypatch.setenv("NBGRADER_EXECUTION", "validate")
    ruta = tmp_path / "modelo.keras"
    modelo = _modelo_pequeno()
    modelo.fit = lambda *a, **k: pytest.fail("Validate no debe entrenar")
    historia = entrenamiento.entrenar_y_guardar(modelo, np.zeros((4, 3)), np.eye(2)[[0, 1, 0, 1]], ruta=ruta,
                                                epochs=1, verbose=0)
    assert not ruta.exists() and historia.history == {}
    assert "Entrena primero: ejecuta el cuaderno entero" in capsys.readouterr().out


# -- 9: the provided import cells write nothing to stderr ------------------------------------------

def _celda_de_importacion(tarea_id: str) -> str:
    return next(c.source for c in cuaderno_fuente(tarea_id).cells if c.cell_type == "code")


@pytest.mark.parametrize("tarea_id", TAREAS_KERAS)
def test_la_celda_de_importacion_no_escribe_en_stderr(tmp_path, tarea_id):
    """In the released folder, in a fresh process, with Python's warnings shown as IPython shows them."""
    escribir_kit(cargar_tarea(tarea_id), tmp_path)
    codigo = _celda_de_importacion(tarea_id) + textwrap.dedent("""

        modelo = keras.Sequential([keras.Input(shape=(3,)), layers.Dense(2, activation="softmax")])
        modelo.compile(optimizer="adam", loss="categorical_crossentropy")
        modelo.fit(np.zeros((4, 3)), np.eye(2)[[0, 1, 0, 1]], epochs=1, verbose=0)
        """)
    salida = subprocess.run([sys.executable, "-W", "default::DeprecationWarning:__main__", "-c", codigo],
                            cwd=tmp_path, env=_entorno_del_alumno(), capture_output=True, text=True, timeout=300)
    assert salida.returncode == 0, salida.stderr
    assert salida.stderr == ""


def test_la_celda_de_importacion_de_07_no_escribe_en_stderr_en_un_nucleo(tmp_path):
    from nbclient import NotebookClient

    escribir_kit(cargar_tarea("07_keras_mnist"), tmp_path)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(_celda_de_importacion("07_keras_mnist"))])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    anterior = dict(os.environ)
    os.environ.clear()
    os.environ.update(_entorno_del_alumno())
    try:
        NotebookClient(nb, timeout=300, resources={"metadata": {"path": str(tmp_path)}}).execute()
    finally:
        os.environ.clear()
        os.environ.update(anterior)
    salidas = nb.cells[0].outputs
    assert not [s for s in salidas if s.output_type == "error" or s.get("name") == "stderr"], salidas


# -- 10: grading a Keras submission does not load TensorFlow in the grading process -----------------

def _sin_tensorflow(codigo: str) -> dict:
    salida = subprocess.run([sys.executable, "-c", textwrap.dedent(codigo)], cwd=RAIZ, capture_output=True,
                            text=True, timeout=600, env={**os.environ, "PYTHONPATH": str(RAIZ)})
    assert salida.returncode == 0, salida.stderr[-3000:]
    return json.loads(salida.stdout.strip().splitlines()[-1])


def test_los_casos_ocultos_de_preprocesado_no_cargan_tensorflow():
    """Every Keras assignment's data-preparation exercise, public and hidden cases, with the reference's functions."""
    resultado = _sin_tensorflow(f"""
        import importlib, json, sys
        from autograder.alumno import AlumnoLocal
        from autograder.calificadores import cargar_tarea
        from autograder.motor import ejecutar_casos
        aprobados = {{}}
        for tarea_id in {TAREAS_KERAS!r}:
            tarea = cargar_tarea(tarea_id)
            referencia = importlib.import_module(tarea.referencia)
            tarea.dependencias_de_referencia()
            ejercicios = tuple(e for e in tarea.ejercicios  # not the model builders, which import Keras themselves
                               if not e.startswith("construir_") and e != "modelo_entrenado")
            alumno = AlumnoLocal({{n: getattr(referencia, n) for n in dir(referencia)}})
            casos = ejecutar_casos(tarea, alumno, "alguien", ejercicios=ejercicios) if ejercicios else []
            aprobados[tarea_id] = [c.id for c in casos if not c.aprobada]
        print(json.dumps({{"fallidos": aprobados, "tf": [m for m in ("tensorflow", "keras") if m in sys.modules]}}))
        """)
    assert resultado["tf"] == []
    assert not any(resultado["fallidos"].values()), resultado["fallidos"]


def test_los_datos_de_evaluacion_y_de_control_no_cargan_tensorflow():
    """Each Keras task's test set and control sample (``EXACTITUD.prueba`` / ``.control``), built on the trusted side."""
    resultado = _sin_tensorflow(f"""
        import json, sys
        import numpy as np
        from autograder.calificadores import cargar_tarea
        from autograder.comprobaciones_keras import ExactitudPedida
        formas = {{}}
        for tarea_id in {TAREAS_KERAS!r}:
            tarea = cargar_tarea(tarea_id)
            for ejercicio in tarea.ejercicios:
                tarea.casos(ejercicio)
                for nombre, valor in vars(tarea.modulo_casos(ejercicio)).items():
                    if isinstance(valor, ExactitudPedida):
                        X, _ = valor.prueba()
                        C, _ = valor.control(np.random.default_rng(0))
                        formas[f"{{tarea_id}}.{{nombre}}"] = [list(X.shape), list(C.shape)]
        print(json.dumps({{"formas": formas, "tf": [m for m in ("tensorflow", "keras") if m in sys.modules]}}))
        """)
    assert resultado["tf"] == []
    assert len(resultado["formas"]) >= 7, resultado["formas"]  # every task with a submitted model


def test_calificar_un_cuaderno_de_keras_no_carga_tensorflow_en_el_calificador(tmp_path):
    """09_cnn_mnist's reference notebook with the committed reference model, graded as nbgrader would."""
    from autograder import jaula

    if jaula.motivo_no_disponible() is not None:
        pytest.skip("esta máquina no puede aislar entregas")
    import shutil

    for archivo in (RAIZ / "solutions" / "modelos" / "09_cnn_mnist").iterdir():
        shutil.copy(archivo, tmp_path / archivo.name)
    resultado = _sin_tensorflow(f"""
        import json, sys
        from pathlib import Path
        from autograder.calificadores import cargar_tarea
        from autograder.cuaderno import leer_cuaderno
        from autograder.motor import calificar_cuaderno
        nb = leer_cuaderno(Path("assignments/09_cnn_mnist/09_cnn_mnist.ipynb"))
        r = calificar_cuaderno(nb, cargar_tarea("09_cnn_mnist"), "alguien", Path({str(tmp_path)!r}))
        print(json.dumps({{"puntaje": r.puntaje, "maximo": r.puntaje_max,
                          "tf": [m for m in ("tensorflow", "keras") if m in sys.modules]}}))
        """)
    assert resultado["tf"] == []
    assert resultado["puntaje"] == resultado["maximo"], resultado


# -- 3: the notebooks name the stub the student really gets ----------------------------------------

@pytest.mark.parametrize("tarea_id", TAREAS_KERAS)
def test_el_cuaderno_nombra_el_esbozo_en_espanol(tarea_id):
    texto = "\n".join(c.source for c in cuaderno_fuente(tarea_id).cells if c.cell_type == "markdown")
    assert "YOUR CODE HERE" not in texto
    assert "TU CÓDIGO AQUÍ" in texto


# -- 12: Spanish feedback labels and named demo students -------------------------------------------

def _configuracion_del_repositorio():
    from traitlets.config import Config

    configuracion = Config()
    codigo = (RAIZ / "nbgrader_config.py").read_text(encoding="utf-8")
    exec(compile(codigo, "nbgrader_config.py", "exec"), {"get_config": lambda: configuracion, "__file__":
                                                          str(RAIZ / "nbgrader_config.py")})
    return configuracion


def test_la_retroalimentacion_usa_la_plantilla_en_espanol():
    """The exporter nbgrader's GenerateFeedback builds from nbgrader_config.py renders Spanish labels."""
    from nbgrader.converters.generate_feedback import GenerateFeedback
    from nbgrader.coursedir import CourseDirectory

    configuracion = _configuracion_del_repositorio()
    convertidor = GenerateFeedback(coursedir=CourseDirectory(config=configuracion), config=configuracion)
    exportador = convertidor.exporter_class(config=convertidor.config)
    celdas = [nbformat.v4.new_code_cell("def f():\n    return 1", metadata={"nbgrader": {
                  "grade": False, "solution": True, "grade_id": "f", "comment": "Bien hecho."}}),
              nbformat.v4.new_code_cell('comprobar("f", f)', metadata={"nbgrader": {
                  "grade": True, "solution": False, "grade_id": "pruebas_f", "points": 2, "score": 1.5}})]
    html, _ = exportador.from_notebook_node(nbformat.v4.new_notebook(cells=celdas), resources={"nbgrader": {
        "notebook": "01_perceptron", "score": 1.5, "max_score": 2, "late_penalty": 0}})
    for etiqueta in ("Puntaje: 1.5 / 2.0", "Celda de prueba", "Respuesta del alumno", "Comentarios:",
                     "Celda calificada", "(Arriba)"):
        assert etiqueta in html, etiqueta
    for ingles in ("Score:", "Test cell", "Student&#39;s answer", "Student's answer", "Comments:", "(Top)"):
        assert ingles not in html, ingles


def test_los_alumnos_de_la_demo_tienen_nombre(tmp_path):
    from nbgrader.api import Gradebook

    from herramientas.demo import _lista_de_alumnos

    lista = _lista_de_alumnos(tmp_path)
    base = f"sqlite:///{tmp_path / 'gradebook.db'}"
    subprocess.run([sys.executable, "-m", "nbgrader", "db", "student", "import", str(lista), f"--db={base}"],
                   cwd=tmp_path, check=True, capture_output=True, timeout=120)
    with Gradebook(base) as libro:
        nombres = {(a.first_name, a.last_name) for a in libro.students}
    assert len(nombres) == 5 and all(n and a and "None" not in (n, a) for n, a in nombres), nombres
