"""Pruebas de 17_clases_desbalanceadas: referencia, calificador por el motor real, pistas y constantes calibradas.

The three NumPy functions are graded in-process (``ejecutar_casos`` + ``AlumnoLocal``) for the
hints and for "each function broken alone loses exactly its points" (they have no dependencies);
three submissions go through the real engine: the reference with its committed model, a blank
notebook and the reference notebook with the committed unweighted baseline as ``modelo.keras``.
The committed models are checked against the calibrated constants; the slow tier (``-m lento``)
retrains both with the notebook's recipe (about 15 s each).
"""
import os
import shutil
import warnings

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from autograder.alumno import AlumnoLocal  # noqa: E402
from autograder.calificadores import cargar_tarea  # noqa: E402
from autograder.calificadores.clases_desbalanceadas import casos_modelo_entrenado as casos_modelo  # noqa: E402
from autograder.calificadores.clases_desbalanceadas import (  # noqa: E402
    casos_exactitud_balanceada,
    casos_f1_macro,
    casos_pesos_de_clase,
)
from autograder.motor import ejecutar_casos  # noqa: E402
from conftest import calificar, cuaderno_fuente, en_blanco  # noqa: E402
from solutions import clases_desbalanceadas as referencia  # noqa: E402

TAREA_ID = "17_clases_desbalanceadas"
TAREA = cargar_tarea(TAREA_ID)
NUMPY = ("pesos_de_clase", "exactitud_balanceada", "f1_macro")


def _espacio(**cambios) -> dict:
    """The reference functions as a student's namespace, with some replaced; pares_de_pesos uses the namespace's."""
    espacio = {nombre: getattr(referencia, nombre) for nombre in NUMPY}
    espacio.update(cambios)
    espacio["pares_de_pesos"] = lambda y: (lambda p: (type(p).__name__, list(p.items()) if isinstance(p, dict)
                                                      else None))(espacio["pesos_de_clase"](y))
    return espacio


def _calificar_en_proceso(ejercicio: str, funcion) -> list:
    return ejecutar_casos(TAREA, AlumnoLocal(_espacio(**{ejercicio: funcion})), "alumno_pistas",
                          ejercicios=(ejercicio,))


# -- the reference agrees with scikit-learn --------------------------------------------------------

def test_la_referencia_coincide_con_scikit_learn():
    """¿pesos_de_clase, exactitud_balanceada y f1_macro de la referencia dan lo de scikit-learn en 200 casos?"""
    from sklearn.metrics import balanced_accuracy_score, f1_score
    from sklearn.utils.class_weight import compute_class_weight

    rng = np.random.default_rng(0)
    for _ in range(200):
        clases = np.sort(rng.choice(10, size=int(rng.integers(2, 6)), replace=False))
        y = rng.choice(clases, size=int(rng.integers(5, 60)), p=rng.dirichlet(np.ones(len(clases))))
        y_pred = rng.choice(np.arange(10), size=len(y))
        presentes = np.unique(y)
        assert referencia.pesos_de_clase(y) == pytest.approx(dict(zip(
            presentes.tolist(), compute_class_weight("balanced", classes=presentes, y=y))))
        assert all(type(k) is int and type(v) is float for k, v in referencia.pesos_de_clase(y).items())
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "y_pred contains classes not in y_true"
            assert referencia.exactitud_balanceada(y, y_pred) == pytest.approx(balanced_accuracy_score(y, y_pred))
        assert referencia.f1_macro(y, y_pred) == pytest.approx(f1_score(y, y_pred, average="macro"))


def test_el_ejemplo_del_cuaderno():
    """8 ceros y 2 unos, el modelo dice siempre 0: pesos {0: 0.625, 1: 2.5}, balanceada 0.5, F1 macro 8/18."""
    y, y_pred = np.array([0] * 8 + [1] * 2), np.zeros(10, dtype=int)
    assert referencia.pesos_de_clase(y) == {0: 0.625, 1: 2.5}
    assert referencia.exactitud_balanceada(y, y_pred) == 0.5
    assert referencia.f1_macro(y, y_pred) == pytest.approx(8 / 18)


# -- each NumPy function broken alone loses exactly its points ----------------------------------------

def _rota(*args, **kwargs):
    raise NotImplementedError()


@pytest.mark.parametrize("rota", NUMPY)
def test_cada_funcion_rota_solo_cuesta_sus_puntos(rota):
    resultados = ejecutar_casos(TAREA, AlumnoLocal(_espacio(**{rota: _rota})), "alumno_roto", ejercicios=NUMPY)
    for ejercicio in NUMPY:
        puntos = sum(r.puntaje for r in resultados if r.id.startswith(ejercicio + "/"))
        assert puntos == (0 if ejercicio == rota else TAREA.puntos(ejercicio)), ejercicio


# -- hints per known mistake -----------------------------------------------------------------------------

def _pesos(formula, clave=int):
    def pesos_de_clase(y):
        clases, cuentas = np.unique(y, return_counts=True)
        n, k = len(y), len(clases)
        return {clave(c): float(formula(n, k, n_c, clases)) for c, n_c in zip(clases, cuentas)}
    return pesos_de_clase


def _pesos_con_ausentes(y):
    n, maximo = len(y), int(np.max(y))
    cuentas = np.bincount(y, minlength=maximo + 1)
    return {c: (float(n / ((maximo + 1) * cuentas[c])) if cuentas[c] else 0.0) for c in range(maximo + 1)}


def _balanceada_union(y, y_pred):
    union = np.union1d(y, y_pred)
    return float(np.sum([np.mean(y_pred[y == c] == c) for c in np.unique(y)]) / len(union))


def _balanceada_precision(y, y_pred):
    return float(np.mean([np.mean(y[y_pred == c] == c) for c in np.unique(y_pred)]))


def _f1(promedio):
    def f1_macro(y, y_pred):
        from sklearn.metrics import f1_score
        return float(f1_score(y, y_pred, average=promedio))
    return f1_macro


def _f1_solo_y(y, y_pred):
    from sklearn.metrics import f1_score
    return float(f1_score(y, y_pred, labels=np.unique(y), average="macro"))


def _f1_armonica_de_medias(y, y_pred):
    from sklearn.metrics import precision_score, recall_score
    p = precision_score(y, y_pred, average="macro", zero_division=0)
    r = recall_score(y, y_pred, average="macro", zero_division=0)
    return float(2 * p * r / (p + r))


def _f1_media_aritmetica(y, y_pred):
    from sklearn.metrics import precision_score, recall_score
    p = precision_score(y, y_pred, average=None, zero_division=0)
    r = recall_score(y, y_pred, average=None, zero_division=0)
    return float(np.mean((p + r) / 2))


PISTAS = {
    "pesos_invertidos": ("pesos_de_clase", _pesos(lambda n, k, n_c, cl: n_c / n), casos_pesos_de_clase.PISTA_INVERTIDOS),
    "pesos_sin_k": ("pesos_de_clase", _pesos(lambda n, k, n_c, cl: n / n_c), casos_pesos_de_clase.PISTA_SIN_K),
    "pesos_claves_texto": ("pesos_de_clase", _pesos(lambda n, k, n_c, cl: n / (k * n_c), clave=str),
                           casos_pesos_de_clase.PISTA_CLAVES_TEXTO),
    "pesos_k_maximo": ("pesos_de_clase", _pesos(lambda n, k, n_c, cl: n / ((cl.max() + 1) * n_c)),
                       casos_pesos_de_clase.PISTA_K_MAXIMO),
    "pesos_clases_ausentes": ("pesos_de_clase", _pesos_con_ausentes, casos_pesos_de_clase.PISTA_AUSENTES),
    "balanceada_es_exactitud": ("exactitud_balanceada", lambda y, p: float(np.mean(y == p)),
                                casos_exactitud_balanceada.PISTA_EXACTITUD),
    "balanceada_union": ("exactitud_balanceada", _balanceada_union, casos_exactitud_balanceada.PISTA_UNION),
    "balanceada_precision": ("exactitud_balanceada", _balanceada_precision, casos_exactitud_balanceada.PISTA_PRECISION),
    "f1_micro": ("f1_macro", _f1("micro"), casos_f1_macro.PISTA_MICRO),
    "f1_ponderado": ("f1_macro", _f1("weighted"), casos_f1_macro.PISTA_PONDERADO),
    "f1_solo_y": ("f1_macro", _f1_solo_y, casos_f1_macro.PISTA_SOLO_Y),
    "f1_armonica_de_medias": ("f1_macro", _f1_armonica_de_medias, casos_f1_macro.PISTA_ARMONICA_DE_MEDIAS),
    "f1_media_aritmetica": ("f1_macro", _f1_media_aritmetica, casos_f1_macro.PISTA_MEDIA_ARITMETICA),
}
TODAS_LAS_PISTAS = {pista for _, _, pista in PISTAS.values()}


@pytest.mark.parametrize("nombre", PISTAS)
def test_cada_error_conocido_recibe_su_pista_y_ninguna_otra(nombre):
    ejercicio, funcion, pista = PISTAS[nombre]
    resultados = _calificar_en_proceso(ejercicio, funcion)
    fallidos = [r for r in resultados if not r.aprobada]
    assert fallidos, nombre
    assert sum(r.puntaje for r in resultados) < TAREA.puntos(ejercicio)
    assert any(pista in r.mensaje for r in fallidos), [r.mensaje for r in fallidos]
    # In the public example (the model that always says 0) some mistakes coincide (the mean precision over the
    # predicted classes is then the accuracy): "no other hint" is required of the hidden, random cases.
    ocultos = [r for r in fallidos if not r.id.endswith("/ejemplo_del_cuaderno")]
    assert any(pista in r.mensaje for r in ocultos), [r.mensaje for r in ocultos]
    otras = TODAS_LAS_PISTAS - {pista}
    assert not any(otra in r.mensaje for r in ocultos for otra in otras), [r.mensaje for r in ocultos]


def test_un_resultado_que_no_es_dict_se_explica():
    resultados = _calificar_en_proceso("pesos_de_clase", lambda y: [0.625, 2.5])
    assert all(not r.aprobada and "devolvió un list y se esperaba un dict" in r.mensaje for r in resultados)


def test_claves_numpy_se_aceptan():
    """Keras acepta claves np.int64 (class_weight.get(int(etiqueta))): también el calificador."""
    resultados = _calificar_en_proceso("pesos_de_clase", _pesos(lambda n, k, n_c, cl: n / (k * n_c), clave=np.int64))
    assert all(r.aprobada for r in resultados), [r.mensaje for r in resultados]


# -- the committed models and the calibrated constants -------------------------------------------------

def test_la_base_comprometida_da_las_constantes():
    valores = casos_modelo.metricas(AlumnoLocal({}, referencia.DIRECTORIO_MODELO / "base"))
    assert valores["recall"] == pytest.approx(casos_modelo.RECALL_BASE, abs=1e-4)
    assert valores["balanceada"] == pytest.approx(casos_modelo.EXACTITUD_BALANCEADA_BASE, abs=1e-4)


def test_la_referencia_comprometida_supera_a_la_base_con_margen():
    valores = casos_modelo.metricas(AlumnoLocal({}, referencia.DIRECTORIO_MODELO))
    assert valores["recall"] >= casos_modelo.UMBRAL_RECALL + 0.3
    assert valores["balanceada"] >= casos_modelo.EXACTITUD_BALANCEADA_BASE + 0.03
    for nombre in ("modelo.keras", "base/modelo.keras"):
        assert (referencia.DIRECTORIO_MODELO / nombre).stat().st_size <= 1_500_000, nombre


def test_el_calificador_y_la_referencia_usan_los_mismos_datos():
    """¿Evaluación y subconjunto del calificador = los de la referencia, y el cuaderno los construye igual?"""
    (X_train, y_train), (X_eval, y_eval) = referencia.subconjunto()
    X, y = casos_modelo.evaluacion()
    assert (X == X_eval).all() and (y == y_eval).all()
    assert np.bincount(y_train).tolist() == [300, 300, 15, 300, 300, 300, 300, 300, 300, 300]
    assert casos_modelo.CLASE_RARA == referencia.CLASE_RARA and casos_modelo.N_RARA == 15
    pesos = referencia.pesos_de_clase(y_train)
    assert pesos[2] == pytest.approx(18.1) and pesos[0] == pytest.approx(0.905)
    fuentes = "\n".join(c.source for c in cuaderno_fuente(TAREA_ID).cells if c.cell_type == "code")
    for fragmento in ("np.random.default_rng(17)", "cuantas = 15 if clase == 2 else 300",
                      "np.flatnonzero(y_completo[:10000] == clase)", "x_completo[50000:60000]",
                      "epochs=10, batch_size=32", "class_weight=pesos"):
        assert fragmento in fuentes, fragmento
    from herramientas.construir_cuadernos import ganchos
    assert ganchos(TAREA_ID).celda_modelo() in fuentes


# -- grading through the engine ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def calificaciones(tmp_path_factory):
    fuente = cuaderno_fuente(TAREA_ID)
    base = tmp_path_factory.mktemp("entregas")
    directorios = {}
    for nombre, origen in (("referencia", referencia.DIRECTORIO_MODELO),
                           ("sin_pesos", referencia.DIRECTORIO_MODELO / "base")):
        directorios[nombre] = base / nombre
        directorios[nombre].mkdir()
        for archivo in ("modelo.keras", "historial.json"):
            shutil.copy(origen / archivo, directorios[nombre] / archivo)
    (base / "vacio").mkdir()
    return {"referencia": calificar(fuente, TAREA_ID, directorio=directorios["referencia"]),
            "en_blanco": calificar(en_blanco(fuente), TAREA_ID, directorio=base / "vacio"),
            "sin_pesos": calificar(fuente, TAREA_ID, directorio=directorios["sin_pesos"])}


def _caso(resultado, identificador: str):
    (caso,) = [c for c in resultado.casos if c.id == identificador]
    return caso


def test_referencia_obtiene_todos_los_puntos(calificaciones):
    resultado = calificaciones["referencia"]
    assert resultado.puntaje == resultado.puntaje_max == 10, [c.mensaje for c in resultado.casos if not c.aprobada]
    assert [s["error"] for s in resultado.salidas_celdas if s["error"]] == []
    print(f"calificar la referencia: {resultado.segundos:.1f} s")


def test_en_blanco_obtiene_cero(calificaciones):
    assert calificaciones["en_blanco"].puntaje == 0


def test_modelo_sin_pesos_pierde_la_exhaustividad_con_su_pista(calificaciones):
    """¿El modelo base entregado como modelo.keras pierde solo la exhaustividad, con la pista de class_weight?"""
    resultado = calificaciones["sin_pesos"]
    caso = _caso(resultado, "modelo_entrenado/exhaustividad_de_la_clase_rara")
    assert not caso.aprobada and casos_modelo.PISTA_SIN_PESOS in caso.mensaje
    assert resultado.puntaje == resultado.puntaje_max - caso.puntaje_max


def test_modelo_sin_entrenar_pierde_exhaustividad_y_balanceada(tmp_path):
    referencia.construir_modelo().save(tmp_path / "modelo.keras")
    alumno = AlumnoLocal({}, tmp_path)
    resultados = ejecutar_casos(TAREA, alumno, "alumno_sin_entrenar", ejercicios=("modelo_entrenado",))
    por_nombre = {r.id.split("/")[1]: r for r in resultados}
    assert por_nombre["arquitectura_del_modelo_entregado"].aprobada
    for nombre in ("exhaustividad_de_la_clase_rara", "exactitud_balanceada_no_peor_que_la_base"):
        assert not por_nombre[nombre].aprobada and "sin entrenar" in por_nombre[nombre].mensaje


# -- slow tier: retrain with the notebook's recipe ---------------------------------------------------------

@pytest.mark.lento
def test_la_receta_reproduce_la_base_y_la_referencia(tmp_path):
    ruta_base = referencia.entrenar_base(tmp_path / "base")
    ruta_referencia = referencia.entrenar_referencia(tmp_path / "referencia")
    base = casos_modelo.metricas(AlumnoLocal({}, ruta_base.parent))
    con_pesos = casos_modelo.metricas(AlumnoLocal({}, ruta_referencia.parent))
    assert base["recall"] == pytest.approx(casos_modelo.RECALL_BASE, abs=0.01)
    assert base["balanceada"] == pytest.approx(casos_modelo.EXACTITUD_BALANCEADA_BASE, abs=0.01)
    assert con_pesos["recall"] >= casos_modelo.UMBRAL_RECALL + 0.05
    assert con_pesos["balanceada"] >= casos_modelo.EXACTITUD_BALANCEADA_BASE + 0.01


# -- simulated students (herramientas/simulados/clases_desbalanceadas.py) -----------------------------------

@pytest.mark.parametrize("perfil", ["parcial", "roto", "tramposo"])
def test_alumnos_simulados(tmp_path, perfil):
    from herramientas.simulados import celda_que_falta, modulo, perfiles_de, puntos_del_tramposo

    fuente = cuaderno_fuente(TAREA_ID)
    for nombre, ruta in modulo(TAREA_ID).artefactos(tmp_path / "artefactos")[perfil].items():
        shutil.copy(ruta, tmp_path / nombre)
    resultado = calificar(perfiles_de(TAREA_ID)[perfil](en_blanco(fuente), fuente), TAREA_ID, directorio=tmp_path)
    puntos = {e: resultado.puntaje_ejercicio(e) for e in TAREA.ejercicios}
    if perfil == "tramposo":
        assert resultado.puntaje == puntos_del_tramposo(TAREA_ID), puntos
        return
    esperado = {e: TAREA.puntos(e) for e in TAREA.ejercicios}
    if perfil == "parcial":  # pesos invertidos (n_c / n) y un modelo sin entrenar: solo la arquitectura
        esperado.update(pesos_de_clase=0, modelo_entrenado=0.5)
    else:
        esperado[celda_que_falta(TAREA_ID)] = 0
    assert puntos == esperado


# -- a model that knows the evaluation set (anti-memorisation) ---------------------------------------------

class _ConoceLaEvaluacion(AlumnoLocal):
    """A submission whose predictions are the evaluation labels (as a store of those images would give) and,
    on any other image, the baseline's predictions: it must lose the recall and balanced-accuracy points."""

    def modelo_guardado(self, archivo="modelo.keras", x=None):
        descripcion = super().modelo_guardado(archivo, x)
        if x is not None:
            X_eval, y_eval = casos_modelo.evaluacion()
            etiquetas = np.argmax(descripcion["predicciones"], axis=1)
            etiquetas[:len(y_eval)] = y_eval
            descripcion["predicciones"] = np.eye(10, dtype=np.float32)[etiquetas]
        return descripcion


def test_conocer_la_evaluacion_no_da_puntos(tmp_path):
    shutil.copy(referencia.DIRECTORIO_MODELO / "base" / "modelo.keras", tmp_path / "modelo.keras")
    resultados = ejecutar_casos(TAREA, _ConoceLaEvaluacion({}, tmp_path), "alumno_memoria",
                                ejercicios=("modelo_entrenado",))
    por_nombre = {r.id.split("/")[1]: r for r in resultados}
    for nombre in ("exhaustividad_de_la_clase_rara", "exactitud_balanceada_no_peor_que_la_base"):
        assert not por_nombre[nombre].aprobada and "no guardes imágenes de evaluación" in por_nombre[nombre].mensaje


def test_decir_siempre_la_clase_rara_no_da_la_exhaustividad(tmp_path):
    """Un modelo que responde «suéter» a todo (exhaustividad 1, balanceada 0.1) no gana ningún punto de métricas."""
    modelo = referencia.construir_modelo()
    pesos = [np.zeros_like(w) for w in modelo.get_weights()]
    pesos[-1][casos_modelo.CLASE_RARA] = 10.0  # output bias: class 2 always wins
    modelo.set_weights(pesos)
    modelo.save(tmp_path / "modelo.keras")
    resultados = ejecutar_casos(TAREA, AlumnoLocal({}, tmp_path), "alumno_suéter", ejercicios=("modelo_entrenado",))
    por_nombre = {r.id.split("/")[1]: r for r in resultados}
    recall = por_nombre["exhaustividad_de_la_clase_rara"]
    assert not recall.aprobada and "el modelo no aprendió" in recall.mensaje and "(1.0000)" in recall.mensaje
    assert not por_nombre["exactitud_balanceada_no_peor_que_la_base"].aprobada
