"""¿Califica el motor el cuestionario 13_autoevaluacion como debe, sin revelar nunca la clave?"""
import re

import nbformat
import numpy as np
import pytest

from autograder.alumno import AlumnoLocal
from autograder.calificadores import cargar_tarea
from autograder.comprobar import ComprobacionFallida, Comprobaciones
from autograder.errores import ErrorDelAlumno
from autograder.kit import escribir_kit
from autograder.nbgrader_integracion import CalificacionAislada
from autograder.trabajador import ObjetoNoAdmitido, dato_simple
from conftest import RAIZ, calificar, celda, con_celda, cuaderno_fuente
from herramientas.simulados import perfiles_de
from solutions import autoevaluacion as ref

TAREA_ID = "13_autoevaluacion"
BLOQUES = ("perceptron_y_activaciones", "softmax_y_entropia", "descenso_de_gradiente", "retropropagacion",
           "sobreajuste_y_regularizacion", "convolucionales_y_recurrentes", "metricas", "ejemplos_de_las_diapositivas")
TOTAL = 43.0  # 39 preguntas de 1 punto + 8 bloques × 0.5 por el formato
TAREA = cargar_tarea(TAREA_ID)


def publicado(nb):
    """El cuaderno que nbgrader publica (ClearSolutions con el esbozo de nbgrader_config.py)."""
    from nbgrader.preprocessors import ClearSolutions
    from traitlets.config.loader import PyFileConfigLoader

    configuracion = PyFileConfigLoader("nbgrader_config.py", path=str(RAIZ)).load_config()
    limpiador = ClearSolutions(code_stub=dict(configuracion.ClearSolutions.code_stub))
    copia, _ = limpiador.preprocess(nbformat.from_dict(nb), {})
    return copia


def respuestas(letras: dict) -> str:
    """Una celda de respuestas escrita por un alumno: {número: valor en código Python}."""
    return "\n".join(f"respuesta_{n:02d} = {v}" for n, v in letras.items())


def letra_incorrecta(pregunta) -> str:
    """La opción equivocada que tiene pista (si alguna la tiene) o la primera equivocada."""
    return next(iter(pregunta.pistas), next(l for l in ref.LETRAS if l != pregunta.correcta))


@pytest.fixture(scope="module")
def fuente():
    return cuaderno_fuente(TAREA_ID)


@pytest.fixture(scope="module")
def nb_publicado(fuente):
    return publicado(nbformat.reads(nbformat.writes(nbformat.from_dict(fuente)), as_version=4))


def test_la_referencia_obtiene_todos_los_puntos(fuente):
    resultado = calificar(fuente, TAREA_ID)
    assert [c.mensaje for c in resultado.casos if not c.aprobada] == []
    assert resultado.puntaje == resultado.puntaje_max == TOTAL
    assert {c.mensaje for c in resultado.casos if c.oculta} == {"correcta."}


def test_lo_publicado_no_lleva_la_clave_y_en_blanco_obtiene_cero(nb_publicado, tmp_path):
    texto = nbformat.writes(nb_publicado)
    assert "BEGIN SOLUTION" not in texto
    assert re.search(r"respuesta_\d+\W{1,8}[abcd]\b", texto) is None
    for bloque in BLOQUES:
        fuente_celda = celda(nb_publicado, bloque).source
        for pregunta in ref.preguntas_del_bloque(bloque):
            assert f"{pregunta.variable} = None" in fuente_celda
    escribir_kit(cargar_tarea(TAREA_ID), tmp_path)
    codigo = "\n".join(p.read_text() for p in tmp_path.rglob("*.py"))
    assert re.search(r"respuesta_\d+\W{1,8}[abcd]\b", codigo) is None
    assert not any(p.repaso in codigo or p.enunciado in codigo for p in ref.PREGUNTAS)  # no question bank

    resultado = calificar(nb_publicado, TAREA_ID)
    assert resultado.puntaje == 0
    for caso in resultado.casos:
        assert "todavía vale None" in caso.mensaje, caso.mensaje


@pytest.mark.parametrize("bloque", BLOQUES)
def test_borrar_un_bloque_solo_cuesta_sus_puntos(fuente, bloque):
    resultado = calificar(con_celda(fuente, bloque, "# (el alumno borró sus respuestas)"), TAREA_ID)
    for otro in BLOQUES:
        assert resultado.puntaje_ejercicio(otro) == (0 if otro == bloque else TAREA.puntos(otro)), otro
    assert all("No encontré la variable" in c.mensaje for c in resultado.del_ejercicio(bloque))


def test_cada_error_de_formato_recibe_su_mensaje(fuente):
    nb = con_celda(fuente, "perceptron_y_activaciones",
                   respuestas({1: "None", 2: "2", 3: '"e"', 4: '["d"]'}))
    nb = con_celda(nb, "softmax_y_entropia",
                   "import numpy as np\n" + respuestas({5: '" A "', 6: '"D"', 7: '"b "', 8: 'np.str_("c")'}))
    nb = con_celda(nb, "descenso_de_gradiente", respuestas({9: '"d"', 10: '"a"', 11: '"c"'}))
    resultado = calificar(nb, TAREA_ID)
    mensajes = {c.id.split("/")[1]: c.mensaje for c in resultado.casos if not c.aprobada}
    assert "respuesta_01` todavía vale None" in mensajes["pregunta_01"]
    assert "respuesta_02` es de tipo int" in mensajes["pregunta_02"]
    assert "no es una de las opciones" in mensajes["pregunta_03"]
    assert "respuesta_04` es de tipo list" in mensajes["pregunta_04"]
    assert "4 de 4 respuestas del bloque" in resultado.del_ejercicio("perceptron_y_activaciones")[0].mensaje
    assert resultado.puntaje_ejercicio("softmax_y_entropia") == 4.5  # mayúsculas, espacios y np.str_ valen
    assert "No encontré la variable `respuesta_12`" in mensajes["pregunta_12"]
    assert resultado.puntaje_ejercicio("descenso_de_gradiente") == 3


def test_la_retroalimentacion_de_nbgrader_lista_las_incorrectas_sin_la_clave(fuente):
    nb = nbformat.from_dict(fuente)
    for bloque in BLOQUES:
        letras = {p.numero: f'"{letra_incorrecta(p)}"' for p in ref.preguntas_del_bloque(bloque)}
        celda(nb, bloque)["source"] = respuestas(letras)
    nb = nbformat.reads(nbformat.writes(nb), as_version=4)
    recursos = {"nbgrader": {"assignment": TAREA_ID, "student": "ana"}, "metadata": {"path": str(RAIZ)}}
    nb, _ = CalificacionAislada(raiz_curso=str(RAIZ)).preprocess(nb, recursos)
    for bloque in BLOQUES:
        salidas = celda(nb, f"pruebas_{bloque}").outputs
        texto = salidas[0]["text"]
        assert salidas[-1]["data"]["text/plain"] == "0.5"  # only the format point
        for pregunta in ref.preguntas_del_bloque(bloque):
            linea = re.search(rf"✘ {bloque}/pregunta_{pregunta.numero:02d} \[0/1\]: (.*?)(?=\n[✔✘]|\nPuntaje)",
                              texto, re.S)
            assert linea, texto
            mensaje = linea.group(1)
            assert f"la opción «{letra_incorrecta(pregunta)}» no es correcta" in mensaje
            assert f"Repasa {pregunta.repaso}." in mensaje
            if letra_incorrecta(pregunta) in pregunta.pistas:
                assert pregunta.pistas[letra_incorrecta(pregunta)] in mensaje
            assert f"«{pregunta.correcta}»" not in mensaje and f'"{pregunta.correcta}"' not in mensaje


@pytest.mark.parametrize("perfil, puntos", [("parcial", TOTAL - 3), ("roto", TOTAL - 4.5), ("tramposo", 0)])
def test_alumnos_simulados(fuente, nb_publicado, perfil, puntos):
    entrega = perfiles_de(TAREA_ID)[perfil](nbformat.from_dict(nb_publicado), nbformat.from_dict(fuente))
    assert calificar(nbformat.reads(nbformat.writes(entrega), as_version=4), TAREA_ID).puntaje == puntos


def test_comprobar_en_el_cuaderno_solo_mira_el_formato(capsys):
    comprobar = Comprobaciones(TAREA_ID)
    comprobar("metricas", respuesta_25="a", respuesta_26=" C", respuesta_27="a", respuesta_28="b")
    assert "formato pedido" in capsys.readouterr().out
    with pytest.raises(ComprobacionFallida):
        comprobar("metricas", respuesta_25=None, respuesta_26="c", respuesta_27="a", respuesta_28="d")
    assert "respuesta_25` todavía vale None" in capsys.readouterr().out


def test_alumno_local_lee_valores_simples_y_describe_lo_demas():
    class Texto(str):
        def __eq__(self, otro):
            return True

    alumno = AlumnoLocal({"a": "b", "n": np.float64(2.5), "s": np.str_("c"), "t": Texto("x"), "l": [1]})
    assert alumno.valor("a") == "b" and alumno.valor("n") == 2.5 and alumno.valor("s") == "c"
    assert type(alumno.valor("s")) is str
    assert isinstance(alumno.valor("t"), ObjetoNoAdmitido) and alumno.valor("l").tipo == "list"
    with pytest.raises(ErrorDelAlumno, match="No encontré la variable `z`"):
        alumno.valor("z")
    assert dato_simple(None) is None and dato_simple(True) is True and dato_simple(np.int64(3)) == 3


# -- block 8: the slides' worked examples (seeds 000 and 001) ---------------------------------------

DIAPOSITIVAS = ref.preguntas_del_bloque("ejemplos_de_las_diapositivas")


def _opcion(numero: int, letra: str = "") -> str:
    pregunta = ref.pregunta(numero)
    return pregunta.opciones[ref.LETRAS.index(letra or pregunta.correcta)]


def test_el_bloque_de_las_diapositivas_tiene_once_preguntas_con_una_pista_por_distractor():
    assert [p.numero for p in DIAPOSITIVAS] == list(range(29, 40))
    assert TAREA.puntos("ejemplos_de_las_diapositivas") == 11.5
    for pregunta in DIAPOSITIVAS:
        assert sorted(pregunta.pistas) == sorted(set(ref.LETRAS) - {pregunta.correcta}), pregunta.numero
        assert len(set(pregunta.opciones)) == 4, pregunta.numero


def test_las_claves_de_las_diapositivas_salen_de_los_calculos():
    """Each key is recomputed here from the slides' numbers, so a typo in an option or a letter is caught."""
    # ¿voy al evento?, w = (6, 2, 2): which of the 8 situations reach the threshold.
    situaciones = [(x1, x2, x3) for x1 in (0, 1) for x2 in (0, 1) for x3 in (0, 1)]
    voy = {u: {x for x in situaciones if 6 * x[0] + 2 * x[1] + 2 * x[2] >= u} for u in (3, 5)}
    assert voy[3] == {x for x in situaciones if x[0] == 1 or (x[1] == 1 and x[2] == 1)}
    assert voy[5] == {x for x in situaciones if x[0] == 1}
    assert "compañía **y** transporte" in _opcion(29) and "Solo si hace buen tiempo" in _opcion(30)
    # AND: Σ = x1 + x2 − 1.5.
    assert [x1 + x2 - 1.5 for x1, x2 in ((0, 0), (0, 1), (1, 0), (1, 1))] == [-1.5, -0.5, -0.5, 0.5]
    assert _opcion(31) == "$w = (1, 1)$, $b = -1.5$."
    # softmax([4, 8, 3]) = [0.01787, 0.97556, 0.00657].
    e = np.exp([4.0, 8.0, 3.0])
    assert _opcion(32) == "$[" + ", ".join(f"{v:.4f}" for v in e / e.sum()) + "]$"
    # Iris: Dense(2) on 4 inputs, Dense(3) on 2.
    assert "10 parámetros; `dense_2`: 9; en total 19" in _opcion(33) and (4 * 2 + 2, 2 * 3 + 3) == (10, 9)
    # Versicolor from [[42,0,0],[0,36,5],[0,1,36]]: column 37, row 41.
    M = np.array([[42, 0, 0], [0, 36, 5], [0, 1, 36]])
    assert (M[1, 1], M[:, 1].sum(), M[1, :].sum()) == (36, 37, 41)
    assert _opcion(34).startswith("$36/37") and _opcion(35).startswith("$36/41")
    assert _opcion(34, "a") == _opcion(35)  # the swapped metric is the distractor
    # N = 8, batch 2, 3 epochs.
    assert _opcion(36) == str(8 // 2 * 3)
    # ((X W1 + B1) W2 + B2) W3 + B3 = X W5 + B5.
    rng = np.random.default_rng(0)
    X, W1, W2, W3 = rng.normal(size=(5, 3)), rng.normal(size=(3, 4)), rng.normal(size=(4, 2)), rng.normal(size=(2, 3))
    B1, B2, B3 = rng.normal(size=4), rng.normal(size=2), rng.normal(size=3)
    W5, B5 = W1 @ W2 @ W3, B1 @ W2 @ W3 + B2 @ W3 + B3
    assert np.allclose(((X @ W1 + B1) @ W2 + B2) @ W3 + B3, X @ W5 + B5)
    assert "B_1 W_2 W_3 + B_2 W_3 + B_3" in _opcion(37)
    # One regression with two outputs = two regressions (least squares on the slides' table).
    tabla = np.array([[2, 24, 4, 7, 7.2], [5, 22, 3, 4.5, 5.2], [7, 25, 4, 6.3, 6], [9, 20, 7, 5.4, 4.4],
                      [10, 19, 4, 8.2, 9.5], [11, 20, 3, 7.2, 8.1], [13.4, 21, 5, 5.5, 10], [14, 20, 3, 3, 4.3]])
    A = np.hstack([tabla[:, :3], np.ones((8, 1))])
    conjunta = np.linalg.lstsq(A, tabla[:, 3:], rcond=None)[0]
    separadas = np.column_stack([np.linalg.lstsq(A, tabla[:, j], rcond=None)[0] for j in (3, 4)])
    assert np.allclose(conjunta, separadas) and _opcion(38).startswith("Son la misma")
    assert _opcion(39).startswith("Tabla P1–P3: tres sigmoides")


@pytest.mark.parametrize("pregunta", DIAPOSITIVAS, ids=lambda p: f"pregunta_{p.numero}")
def test_cada_distractor_de_las_diapositivas_da_su_pista(pregunta):
    """Through the real cases, in process: each wrong letter gets its own hint, never the right letter."""
    from autograder.motor import ejecutar_casos
    for letra, pista in pregunta.pistas.items():
        valores = {p.variable: p.correcta for p in DIAPOSITIVAS} | {pregunta.variable: letra}
        resultados = ejecutar_casos(TAREA, AlumnoLocal(valores), "alumno_pistas",
                                    ejercicios=("ejemplos_de_las_diapositivas",))
        fallidos = [r for r in resultados if not r.aprobada]
        assert [r.id for r in fallidos] == [f"ejemplos_de_las_diapositivas/pregunta_{pregunta.numero}"]
        assert pista in fallidos[0].mensaje and f"«{pregunta.correcta}»" not in fallidos[0].mensaje
