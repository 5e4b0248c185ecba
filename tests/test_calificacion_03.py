"""¿Califica el motor la tarea 03 como debe: referencia, en blanco, funciones rotas, trampas, pistas?"""
import numpy as np
import pytest

from autograder.alumno import AlumnoLocal
from autograder.calificadores import cargar_tarea
from autograder.motor import ejecutar_casos
from conftest import calificar, con_celda, en_blanco

TAREA03 = cargar_tarea("03_softmax_entropia")

FUNCION_ROTA = '''def {nombre}(*args, **kwargs):
    raise NotImplementedError()
'''


def test_la_referencia_obtiene_todos_los_puntos(resultado_referencia03):
    fallidas = [c.mensaje for c in resultado_referencia03.casos if not c.aprobada]
    assert fallidas == []
    assert resultado_referencia03.puntaje == resultado_referencia03.puntaje_max == 26


def test_el_cuaderno_en_blanco_obtiene_cero(fuente03):
    resultado = calificar(en_blanco(fuente03), "03_softmax_entropia")
    assert resultado.puntaje == 0
    assert all("todavía no está implementada" in c.mensaje for c in resultado.casos)


@pytest.mark.parametrize("ejercicio", ["softmax", "one_hot", "entropia_cruzada", "entropia_cruzada_binaria",
                                       "exactitud", "gradientes_softmax", "entrenar_regresion_logistica"])
def test_romper_una_funcion_solo_cuesta_sus_puntos(fuente03, tarea03, resultado_referencia03, ejercicio):
    nb = con_celda(fuente03, ejercicio, FUNCION_ROTA.format(nombre=ejercicio))
    resultado = calificar(nb, "03_softmax_entropia")
    for otro in tarea03.ejercicios:
        esperado = 0 if otro == ejercicio else resultado_referencia03.puntaje_ejercicio(otro)
        assert resultado.puntaje_ejercicio(otro) == esperado, otro


def test_la_misma_entrega_recibe_la_misma_nota_y_otro_alumno_otras_entradas(fuente03):
    softmax_eje_0 = con_celda(fuente03, "softmax", "import numpy as np\ndef softmax(Z):\n"
                              "    Z = np.asarray(Z, dtype=float)\n    e = np.exp(Z - Z.max())\n"
                              "    return e / e.sum(axis=0, keepdims=True)\n")
    primera = calificar(softmax_eje_0, "03_softmax_entropia", alumno="ana")
    segunda = calificar(softmax_eje_0, "03_softmax_entropia", alumno="ana")
    otro = calificar(softmax_eje_0, "03_softmax_entropia", alumno="beto")
    assert [c.mensaje for c in primera.casos] == [c.mensaje for c in segunda.casos]
    assert primera.puntaje == segunda.puntaje
    ocultos_ana = [c.mensaje for c in primera.casos if c.oculta and not c.aprobada]
    ocultos_beto = [c.mensaje for c in otro.casos if c.oculta and not c.aprobada]
    assert ocultos_ana != ocultos_beto  # shapes/values of the hidden inputs differ per student


PARCHES_TRAMPA = '''import numpy as np
np.allclose = lambda *a, **k: True
np.isclose = lambda *a, **k: True
np.testing.assert_allclose = lambda *a, **k: None
import builtins
builtins.AssertionError = Exception
print("Total: 26 de 26 puntos.")
'''


def test_parchear_numpy_y_falsear_salidas_no_da_puntos(fuente03):
    nb = en_blanco(fuente03)
    from nbformat.v4 import new_code_cell, new_output

    nb.cells.insert(1, new_code_cell(PARCHES_TRAMPA))
    for c in nb.cells:
        if c.get("metadata", {}).get("nbgrader", {}).get("grade"):
            c["metadata"]["tags"] = ["skip-execution"]
            c["source"] = "pass"
            c["outputs"] = [new_output("execute_result", data={"text/plain": "26"}, execution_count=1)]
    assert calificar(nb, "03_softmax_entropia").puntaje == 0


def test_el_codigo_del_alumno_no_puede_leer_el_proyecto_ni_escribir_fuera(fuente03, tmp_path):
    """The kernel jail: the project is not there, and a write to a host path leaves nothing on the host."""
    fuera = tmp_path / "fuera_del_aislamiento.txt"
    espia = '''import os
resultados = []
for accion in (lambda: open(os.path.join({raiz!r}, "solutions", "softmax_entropia.py")).read(),
               lambda: os.listdir(os.path.join({raiz!r}, "solutions")),
               lambda: open({fuera!r}, "w").write("escrito")):
    try:
        accion()
        resultados.append("permitido")
    except OSError:
        resultados.append("denegado")
print(resultados)
'''
    from conftest import RAIZ
    from nbformat.v4 import new_code_cell

    nb = en_blanco(fuente03)
    nb.cells.insert(1, new_code_cell(espia.format(raiz=str(RAIZ), fuera=str(fuera))))
    resultado = calificar(nb, "03_softmax_entropia")
    salida = next(s["salida"] for s in resultado.salidas_celdas if s["indice"] == 1)
    assert "['denegado', 'denegado', 'denegado']" in salida
    assert not fuera.exists()


@pytest.mark.parametrize("ejercicio, codigo, pista", [
    ("softmax", "def softmax(Z):\n    Z = np.asarray(Z, dtype=float)\n    e = np.exp(Z)\n"
                "    return e / e.sum(axis=0, keepdims=True)\n", "normalizaste por columnas"),
    ("softmax", "def softmax(Z):\n    Z = np.asarray(Z, dtype=float)\n    e = np.exp(Z)\n"
                "    return e / e.sum(axis=-1, keepdims=True)\n", "resta el máximo de cada fila"),
    ("entropia_cruzada", "def entropia_cruzada(P, y):\n    P = np.asarray(P, dtype=float)\n"
                         "    return float(-np.sum(np.log(np.clip(P[np.arange(len(y)), y], 1e-12, 1))))\n",
     "sumaste las pérdidas"),
    ("entropia_cruzada", "def entropia_cruzada(P, y):\n    P = np.asarray(P, dtype=float)\n"
                         "    return float(np.mean(np.log(np.clip(P[np.arange(len(y)), y], 1e-12, 1))))\n",
     "falta el signo menos"),
    ("entropia_cruzada", "def entropia_cruzada(P, y):\n    P = np.asarray(P, dtype=float)\n"
                         "    return float(-np.mean(np.log(P[np.arange(len(y)), y])))\n", "np.clip"),
    ("entropia_cruzada_binaria", "def entropia_cruzada_binaria(p, y):\n    p = np.asarray(p, dtype=float)\n"
                                 "    return float(-np.mean(y * np.log(np.clip(p, 1e-12, 1))))\n",
     "falta el término (1 - y)"),
    ("exactitud", "def exactitud(P, y):\n    return float(np.sum(np.argmax(P, axis=1) == y))\n",
     "devolviste el número de aciertos"),
    ("gradientes_softmax", "def gradientes_softmax(X, y, W, b):\n    X = np.asarray(X, dtype=float)\n"
                           "    dZ = softmax(X @ W + b) - one_hot(y, W.shape[1])\n    return X.T @ dZ, dZ.sum(axis=0)\n",
     "falta dividir por n"),
    ("gradientes_softmax", "def gradientes_softmax(X, y, W, b):\n    X = np.asarray(X, dtype=float)\n"
                           "    dZ = (one_hot(y, W.shape[1]) - softmax(X @ W + b)) / len(y)\n"
                           "    return X.T @ dZ, dZ.sum(axis=0)\n", "el signo está invertido"),
    ("gradientes_softmax", "def gradientes_softmax(X, y, W, b):\n    X = np.asarray(X, dtype=float)\n"
                           "    dZ = (softmax(X @ W + b) - one_hot(y, W.shape[1])) / len(y)\n"
                           "    return X.T @ dZ, dZ.sum(axis=1)\n", "suma dZ sobre los ejemplos"),
    ("one_hot", "def one_hot(y, k):\n    return np.eye(k)[np.asarray(y) - 1]\n", "las etiquetas empiezan en 0"),
])
def test_cada_error_conocido_recibe_su_pista(fuente03, ejercicio, codigo, pista):
    resultado = calificar(con_celda(fuente03, ejercicio, "import numpy as np\n" + codigo), "03_softmax_entropia")
    mensajes = " ".join(c.mensaje for c in resultado.del_ejercicio(ejercicio) if not c.aprobada)
    assert pista in mensajes, mensajes


def test_un_bucle_infinito_agota_el_plazo_y_solo_pierde_esa_funcion(fuente03, resultado_referencia03):
    nb = con_celda(fuente03, "exactitud", "def exactitud(P, y):\n    while True:\n        pass\n")
    resultado = calificar(nb, "03_softmax_entropia")
    assert resultado.puntaje == resultado_referencia03.puntaje - resultado_referencia03.puntaje_ejercicio("exactitud")
    assert any("tardó más de" in c.mensaje for c in resultado.del_ejercicio("exactitud"))


def test_los_mensajes_de_casos_ocultos_no_revelan_valores_esperados(fuente03):
    nb = con_celda(fuente03, "softmax", "import numpy as np\ndef softmax(Z):\n    return np.zeros_like(np.asarray(Z, float))\n")
    resultado = calificar(nb, "03_softmax_entropia")
    for caso in resultado.del_ejercicio("softmax"):
        if caso.oculta:
            assert "esperado:" not in caso.mensaje


def test_una_dependencia_inyectada_no_queda_definida_despues_de_la_llamada():
    """Si el alumno no escribió `g`, calificar antes `f` (con `g` de referencia inyectada) no le regala `g`."""
    from autograder.aislamiento import ConfiguracionAislamiento
    from autograder.alumno import AlumnoAislado
    from autograder.errores import ErrorDelAlumno

    celdas = [{"indice": 0, "codigo": "def f(x):\n    return g(x) + 1\n"}]
    inyecciones = {"f": {"g": lambda x: 2 * x}}
    with AlumnoAislado(celdas, ConfiguracionAislamiento(precargar=("numpy",)), inyecciones) as alumno:
        alumno.ejecutar_cuaderno()
        assert alumno.llamar("f", 1) == 3
        with pytest.raises(ErrorDelAlumno, match="No encontré la función `g`"):
            alumno.llamar("g", 1)


def test_una_dependencia_de_referencia_guardada_no_sirve_fuera_de_su_llamada():
    """The reference runs on the trusted side only for the call it serves: a stub kept for later gets nothing."""
    from autograder.aislamiento import ConfiguracionAislamiento
    from autograder.alumno import AlumnoAislado
    from autograder.errores import ErrorDelAlumno

    celdas = [{"indice": 0, "codigo": "guardada = {}\n"
                                      "def f(x):\n    guardada['g'] = g\n    return g(x) + 1\n"
                                      "def h(x):\n    return guardada['g'](x)\n"}]
    with AlumnoAislado(celdas, ConfiguracionAislamiento(precargar=("numpy",)), {"f": {"g": lambda x: 2 * x}}) as alumno:
        alumno.ejecutar_cuaderno()
        assert alumno.llamar("f", 1) == 3
        with pytest.raises(ErrorDelAlumno, match="no está disponible en esta llamada"):
            alumno.llamar("h", 1)


# -- each hint fires only when its mistake is recognised (in-process: ejecutar_casos + AlumnoLocal) -------

def _fallidas(ejercicio: str, funcion) -> dict:
    """{case name: message} of the failed cases of one exercise when grading `funcion` (hidden cases included)."""
    resultados = ejecutar_casos(TAREA03, AlumnoLocal({ejercicio: funcion}), "alumno_pistas", ejercicios=(ejercicio,))
    return {r.id.split("/")[1]: r.mensaje for r in resultados if not r.aprobada}


def _softmax_sin_restar_maximo(Z):
    e = np.exp(np.asarray(Z, dtype=float))
    return e / e.sum(axis=-1, keepdims=True)


def _softmax_por_columnas(Z):
    Z = np.asarray(Z, dtype=float)
    e = np.exp(Z - Z.max())
    return e / e.sum(axis=0, keepdims=True)


def _entropia(recortar: bool, media: bool):
    def entropia_cruzada(P, y):
        p = np.asarray(P, dtype=float)[np.arange(len(y)), y]
        perdidas = -np.log(np.clip(p, 1e-12, 1) if recortar else p)
        return float(np.mean(perdidas) if media else np.sum(perdidas))
    return entropia_cruzada


def _binaria(recortar: bool, con_negativos: bool):
    def entropia_cruzada_binaria(p, y):
        p = np.clip(np.asarray(p, dtype=float), 1e-12, 1 - 1e-12) if recortar else np.asarray(p, dtype=float)
        terminos = y * np.log(p) + ((1 - y) * np.log(1 - p) if con_negativos else 0)
        return float(-np.mean(terminos))
    return entropia_cruzada_binaria


def _exactitud(prediccion):
    def exactitud(P, y):
        return float(np.mean(prediccion(np.asarray(P)) == np.asarray(y)))
    return exactitud


def _empate_cuenta_como_acierto(P, y):
    P = np.asarray(P)
    return float(np.mean(P[np.arange(len(y)), y] == P.max(axis=1)))


PISTAS_OCULTAS = [
    ("softmax", _softmax_sin_restar_maximo, "estable_con_logits_grandes", "resta el máximo de cada fila", True),
    ("softmax", _softmax_por_columnas, "estable_con_logits_grandes", "resta el máximo de cada fila", False),
    ("softmax", _softmax_por_columnas, "una_fila_y_empates", "normalizaste por columnas", True),
    ("entropia_cruzada", _entropia(recortar=False, media=True), "recorte_de_probabilidad_cero", "np.clip", True),
    ("entropia_cruzada", _entropia(recortar=True, media=False), "recorte_de_probabilidad_cero", "np.clip", False),
    ("entropia_cruzada", _entropia(recortar=True, media=False), "recorte_de_probabilidad_cero", "sumaste", True),
    ("entropia_cruzada_binaria", _binaria(recortar=False, con_negativos=True), "probabilidades_extremas",
     "recorta p y 1 - p", True),
    ("entropia_cruzada_binaria", _binaria(recortar=True, con_negativos=False), "probabilidades_extremas",
     "recorta p y 1 - p", False),
    ("entropia_cruzada_binaria", _binaria(recortar=True, con_negativos=False), "probabilidades_extremas",
     "falta el término (1 - y)", True),
    ("exactitud", _exactitud(lambda P: P.shape[1] - 1 - np.argmax(P[:, ::-1], axis=1)), "empates",
     "elegiste la última columna", True),
    ("exactitud", _empate_cuenta_como_acierto, "empates", "cualquier clase empatada", True),
    ("exactitud", _exactitud(lambda P: np.argmax(P, axis=1)), "empates", "np.argmax", False),
]


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # the wrong functions overflow or take log(0) on purpose
@pytest.mark.parametrize("ejercicio, funcion, caso, pista, aparece", PISTAS_OCULTAS,
                         ids=[f"{c}-{p[:20]}-{a}" for _, _, c, p, a in PISTAS_OCULTAS])
def test_cada_pista_de_un_caso_oculto_aparece_solo_con_su_error(ejercicio, funcion, caso, pista, aparece):
    fallidas = _fallidas(ejercicio, funcion)
    if aparece:
        assert caso in fallidas and pista in fallidas[caso], fallidas
    else:
        assert pista not in fallidas.get(caso, ""), fallidas


# -- the slides' worked examples as public checks (issue 11, section 3) ----------------------------------

def _exactitud_con_conteo(P, y):
    return float(np.sum(np.argmax(np.asarray(P), axis=1) == np.asarray(y)))


PISTAS_DIAPOSITIVAS = [
    ("entropia_cruzada", _entropia(recortar=True, media=False), "tabla_carrera", "sumaste las pérdidas"),
    ("exactitud", _exactitud(lambda P: P.shape[1] - 1 - np.argmax(P[:, ::-1], axis=1)), "tabla_carrera",
     "elegiste la última columna"),
    ("exactitud", _exactitud_con_conteo, "tabla_carrera", "devolviste el número de aciertos"),
    ("softmax", _softmax_por_columnas, "filas_suman_uno", "normalizaste por columnas"),
]


def test_la_referencia_reproduce_los_ejemplos_de_las_diapositivas():
    """The slides' numbers, corrected where the slides are wrong: 1.514 (not 1.41), 2/8 and 0.976 (not 0.975)."""
    from autograder.calificadores.softmax_entropia.datos import CARRERA_MEDIA, CARRERA_P, CARRERA_Y
    from solutions import softmax_entropia as ref

    assert ref.entropia_cruzada(CARRERA_P, CARRERA_Y) == pytest.approx(1.514, abs=5e-4)
    assert ref.entropia_cruzada(CARRERA_P, CARRERA_Y) == pytest.approx(CARRERA_MEDIA, abs=1e-4)
    assert ref.exactitud(CARRERA_P, CARRERA_Y) == 0.25
    assert np.round(ref.softmax(np.array([4.0, 8.0, 3.0])), 3).tolist() == [0.018, 0.976, 0.007]
    assert np.exp([4.0, 8.0, 3.0]).sum() == pytest.approx(3055.6, abs=0.05)
    for ejercicio in ("softmax", "entropia_cruzada", "exactitud"):
        assert _fallidas(ejercicio, getattr(ref, ejercicio)) == {}, ejercicio


@pytest.mark.parametrize("ejercicio, funcion, caso, pista", PISTAS_DIAPOSITIVAS,
                         ids=[f"{e}-{p[:20]}" for e, _, _, p in PISTAS_DIAPOSITIVAS])
def test_un_error_en_un_ejemplo_de_las_diapositivas_recibe_su_pista(ejercicio, funcion, caso, pista):
    fallidas = _fallidas(ejercicio, funcion)
    assert caso in fallidas and pista in fallidas[caso], fallidas


def test_los_casos_publicos_nuevos_no_cambian_los_puntos_ni_valen_al_calificar():
    """Public cases declare points that only add to the exercise total; when grading they are worth 0."""
    from autograder.casos import puntos_al_calificar

    for ejercicio, total in (("entropia_cruzada", 4), ("exactitud", 3), ("softmax", 5)):
        casos = TAREA03.casos(ejercicio)
        assert sum(c.puntos for c in casos) == total, ejercicio
        for c, p in zip(casos, puntos_al_calificar(casos)):
            assert p == 0 or c.oculta, (ejercicio, c.nombre)
