"""Casos de `entrenar_perceptron(X, y, tasa, max_epocas, semilla)` → (w, b, errores).

Graded mainly by behaviour: the returned weights must classify the training data when it
is linearly separable, `errores` must follow the stopping rule, and XOR must run all
`max_epocas`. Two checks are exact because the visiting order cannot matter there: one
training example worked by hand, and the scaling of (w, b) with `tasa` (starting from zero,
every update is a multiple of `tasa` and the step only looks at the sign). One hidden case
compares with the reference, since the docstring fixes the visiting order.
"""
import numpy as np

from autograder.casos import caso
from autograder.errores import Fallo
from autograder.verificar import exigir_array, exigir_cercano, exigir_forma, exigir_numero, exigir_tupla

TABLA = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y_AND, Y_OR, Y_XOR = np.array([0, 0, 0, 1]), np.array([0, 1, 1, 1]), np.array([0, 1, 1, 0])

# One example by hand, tasa = 0.5: with w = 0 and b = 0, z = 0 so ŷ = 1 but y = 0. The update is
# w = 0 + 0.5·(0 − 1)·[2, 1] = [-1, -0.5] and b = -0.5; in epoch 2, z = -2 - 0.5 - 0.5 = -3 gives ŷ = 0.
X_UNO, Y_UNO, TASA_UNO, EPOCAS_UNO = np.array([[2.0, 1.0]]), np.array([0]), 0.5, 10
W_UNO, B_UNO, ERRORES_UNO = np.array([-1.0, -0.5]), -0.5, [1, 0]
EPOCAS_SEPARABLES = 200  # above the convergence bound of the hidden separable data (see _separables)

PISTA_SIGNO = ("el signo de la actualización está invertido: es w ← w + tasa·(y − ŷ)·x; con (ŷ − y) "
               "el perceptrón se aleja de la respuesta correcta y nunca converge.")
PISTA_SESGO = "el sesgo no cambió: actualízalo también, b ← b + tasa·(y − ŷ)."
PISTA_PARADA = "después de una época con 0 errores hay que parar: los pesos ya no cambiarán."
PISTA_CONTAR_DESPUES = ("errores[e] cuenta los ejemplos mal clasificados DURANTE la época e, al visitarlos y "
                        "antes de actualizar; no los errores de los pesos del final de la época.")
PISTA_TASA_IGNORADA = ("w y b no cambiaron al cambiar la tasa: usa el argumento tasa en la regla, "
                       "w ← w + tasa·(y − ŷ)·x y b ← b + tasa·(y − ŷ).")
EXPLICACION_TASA = ("partiendo de w = 0 y b = 0 cada actualización es un múltiplo de tasa y el escalón solo mira el "
                    "signo, así que cambiar la tasa solo escala w y b.")
PISTA_ORDEN = ("sigue el procedimiento del enunciado al pie de la letra: pesos y sesgo desde cero, un solo "
               "generador = np.random.default_rng(semilla) creado al principio, en cada época los ejemplos en el "
               "orden generador.permutation(n) y la regla w ← w + tasa·(y − ŷ)·x, b ← b + tasa·(y − ŷ).")


def _entrenar(alumno, X, y, que, **opciones):
    """Calls the student's function and checks types and shapes; returns (w, b, errores as ints)."""
    w, b, errores = exigir_tupla(alumno.llamar("entrenar_perceptron", X, y, **opciones), 3, que)
    w = exigir_array(w, f"{que}: w")
    exigir_forma(w, (X.shape[1],), f"{que}: w", "Un peso por entrada: forma (d,).")
    b = exigir_numero(b, f"{que}: b")
    if not isinstance(errores, (list, tuple, np.ndarray)) or len(errores) == 0:
        raise Fallo(f"{que}: errores debe ser una lista no vacía con el número de errores de cada época "
                    f"ejecutada (se obtuvo {type(errores).__name__}).")
    cuentas = [exigir_numero(e, f"{que}: errores") for e in errores]
    if any(c != int(c) or c < 0 or c > X.shape[0] for c in cuentas):
        raise Fallo(f"{que}: cada elemento de errores es un número de ejemplos mal clasificados en una época: "
                    f"un entero entre 0 y n = {X.shape[0]}.")
    maximo = opciones.get("max_epocas", 100)
    if len(cuentas) > maximo:
        raise Fallo(f"{que}: errores tiene {len(cuentas)} épocas y max_epocas es {maximo}.")
    return w, b, [int(c) for c in cuentas]


def _exigir_regla_de_parada(errores, que):
    if 0 in errores[:-1]:
        raise Fallo(f"{que}: errores tiene una época con 0 errores antes de la última. {PISTA_PARADA}")


def _exigir_que_separa(X, y, w, b, errores, que):
    """Linearly separable data: the run ends with a zero-error epoch and (w, b) classify every example."""
    _exigir_regla_de_parada(errores, que)
    if errores[-1] != 0:
        raise Fallo(f"{que}: los datos son linealmente separables, pero ninguna de las {len(errores)} épocas "
                    f"terminó sin errores (la última tuvo {errores[-1]}). Con la regla correcta el perceptrón "
                    "converge en datos separables: revisa el signo, w ← w + tasa·(y − ŷ)·x y b ← b + tasa·(y − ŷ), "
                    "y que la predicción ŷ use los pesos actuales.")
    mal = int(np.sum(np.where(X @ w + b >= 0, 1, 0) != y))
    if mal:
        raise Fallo(f"{que}: la última época no tuvo errores, pero con los w y b devueltos {mal} ejemplos quedan "
                    "mal clasificados. Devuelve los pesos finales y cuenta los errores con los pesos que usas "
                    "para predecir cada ejemplo.")


def _separables(rng, n, d, margen=0.25):
    """n points of both classes in [-1, 1]^d, at distance ≥ `margen` from a random hyperplane.

    The hyperplane passes through a point of [-0.3, 0.3]^d, so for d ≤ 4 the perceptron
    convergence bound (R/γ)² with R² ≤ d + 1 guarantees fewer than 120 updates.
    """
    normal = rng.normal(size=d)
    normal /= np.linalg.norm(normal)
    sesgo = -normal @ rng.uniform(-0.3, 0.3, size=d)
    candidatos = rng.uniform(-1, 1, size=(40 * n, d))
    distancias = candidatos @ normal + sesgo
    positivos, negativos = candidatos[distancias >= margen], candidatos[distancias <= -margen]
    cuantos_positivos = int(rng.integers(1, n))
    X = np.vstack([positivos[:cuantos_positivos], negativos[:n - cuantos_positivos]])
    y = np.array([1] * cuantos_positivos + [0] * (n - cuantos_positivos))
    orden = rng.permutation(n)
    return X[orden], y[orden]


@caso(puntos=2, exito="con un solo ejemplo hecho a mano da w = [-1, -0.5], b = -0.5 y errores = [1, 0].")
def test_un_ejemplo_paso_a_paso(alumno):
    """X = [[2, 1]], y = [0], tasa = 0.5: una corrección en la época 1 y ningún error en la época 2."""
    que = "entrenar_perceptron([[2, 1]], [0], tasa=0.5, max_epocas=10)"
    w, b, errores = _entrenar(alumno, X_UNO, Y_UNO, que, tasa=TASA_UNO, max_epocas=EPOCAS_UNO)
    exigir_cercano(w, W_UNO, f"{que}: w", atol=1e-12,
                   errores_conocidos=((-W_UNO * EPOCAS_UNO, PISTA_SIGNO), (-W_UNO, PISTA_SIGNO)))
    exigir_cercano(b, B_UNO, f"{que}: b", atol=1e-12,
                   errores_conocidos=((0.0, PISTA_SESGO), (-B_UNO * EPOCAS_UNO, PISTA_SIGNO)))
    if errores != ERRORES_UNO:
        conocidos = {(0,): PISTA_CONTAR_DESPUES, (1,) + (0,) * (EPOCAS_UNO - 1): PISTA_PARADA,
                     (1,) * EPOCAS_UNO: PISTA_SIGNO}
        pista = conocidos.get(tuple(errores), "la época 1 tiene 1 error (ŷ = 1, y = 0) y la época 2 ninguno; ahí se para.")
        raise Fallo(f"{que}: errores es {errores} y se esperaba {ERRORES_UNO}.\n  Pista: {pista}")


@caso(puntos=1, exito="aprende AND: la última época no tiene errores y w, b clasifican los 4 puntos.")
def test_aprende_and(alumno):
    """AND es linealmente separable: con los valores por defecto debe converger."""
    que = "entrenar_perceptron(tabla, y_AND)"
    w, b, errores = _entrenar(alumno, TABLA, Y_AND, que)
    _exigir_que_separa(TABLA, Y_AND, w, b, errores, que)


@caso(puntos=1, exito="aprende OR: la última época no tiene errores y w, b clasifican los 4 puntos.")
def test_aprende_or(alumno):
    """OR es linealmente separable (con tasa = 0.5 y semilla = 3)."""
    que = "entrenar_perceptron(tabla, y_OR, tasa=0.5, semilla=3)"
    w, b, errores = _entrenar(alumno, TABLA, Y_OR, que, tasa=0.5, semilla=3)
    _exigir_que_separa(TABLA, Y_OR, w, b, errores, que)


@caso(puntos=1, exito="con XOR recorre las max_epocas = 25 épocas y ninguna queda sin errores.")
def test_xor_no_converge(alumno):
    """XOR no es linealmente separable: ninguna época puede terminar sin errores."""
    que = "entrenar_perceptron(tabla, y_XOR, max_epocas=25)"
    _, _, errores = _entrenar(alumno, TABLA, Y_XOR, que, max_epocas=25)
    if 0 in errores:
        raise Fallo(f"{que}: errores = {errores} contiene una época con 0 errores, imposible con XOR: ninguna "
                    "recta clasifica bien los 4 puntos. Cuenta cada ejemplo mal clasificado (ŷ ≠ y) al visitarlo.")
    if len(errores) != 25:
        raise Fallo(f"{que}: se ejecutaron {len(errores)} épocas y se esperaban 25: mientras haya errores, "
                    "el entrenamiento continúa hasta max_epocas.")


@caso(puntos=2, oculta=True, exito="converge y separa datos aleatorios linealmente separables (n, d).")
def test_datos_separables_ocultos(alumno, rng):
    """Puntos aleatorios en [-1, 1]^d separados por un hiperplano con margen 0.25, con d = 2 y con d = 3 o 4.

    Two data sets: a fixed (w, b) could separate one random set of points by luck, not both.
    """
    for d in (2, int(rng.integers(3, 5))):
        X, y = _separables(rng, int(rng.integers(8, 30)), d)
        tasa, semilla = float(rng.choice([0.05, 0.1, 0.3, 1.0])), int(rng.integers(0, 1000))
        que = f"entrenar_perceptron con datos separables de forma {X.shape}, tasa={tasa}"
        w, b, errores = _entrenar(alumno, X, y, que, tasa=tasa, max_epocas=EPOCAS_SEPARABLES, semilla=semilla)
        _exigir_que_separa(X, y, w, b, errores, que)


@caso(puntos=1, oculta=True, exito="funciona con una sola entrada (n, 1) y con un solo ejemplo (1, d).")
def test_una_entrada_y_un_ejemplo(alumno, rng):
    """Formas borde: un umbral en la recta (d = 1) y un único ejemplo de clase aleatoria."""
    n, d = int(rng.integers(5, 15)), int(rng.integers(2, 5))
    casos = [_separables(rng, n, 1), (rng.normal(size=(1, d)), rng.integers(0, 2, size=1))]
    for X, y in casos:
        que = f"entrenar_perceptron con X de forma {X.shape}"
        w, b, errores = _entrenar(alumno, X, y, que, max_epocas=EPOCAS_SEPARABLES, semilla=int(rng.integers(0, 1000)))
        _exigir_que_separa(X, y, w, b, errores, que)


@caso(puntos=1, oculta=True, exito="respeta `tasa`: partiendo de cero, multiplicar la tasa multiplica w y b.")
def test_tasa_escala_los_pesos(alumno, rng):
    """Con la misma semilla, tasa·k da los mismos errores y (w, b) multiplicados por k (y ambos separan los datos).

    Both runs must also separate the data: scaling alone is satisfied by any answer that does not
    learn (w = 0, b = 0 and no errors scale trivially).
    """
    X, y = _separables(rng, int(rng.integers(8, 20)), int(rng.integers(2, 4)))
    semilla, factor = int(rng.integers(0, 1000)), float(rng.choice([2.0, 4.0, 8.0]))
    que = f"entrenar_perceptron con tasa=0.1 y tasa={0.1 * factor:g} (misma semilla)"
    w1, b1, errores1 = _entrenar(alumno, X, y, que, tasa=0.1, max_epocas=EPOCAS_SEPARABLES, semilla=semilla)
    _exigir_que_separa(X, y, w1, b1, errores1, que)
    w2, b2, errores2 = _entrenar(alumno, X, y, que, tasa=0.1 * factor, max_epocas=EPOCAS_SEPARABLES, semilla=semilla)
    if errores1 != errores2:
        raise Fallo(f"{que}: la lista de errores cambió con la tasa, y no debería: {EXPLICACION_TASA}")
    exigir_cercano(w2, w1 * factor, f"{que}: w (debería ser el w de tasa=0.1 multiplicado por {factor:g})",
                   atol=1e-9, rtol=1e-9, revelar=False, errores_conocidos=((w1, PISTA_TASA_IGNORADA),))
    exigir_cercano(b2, b1 * factor, f"{que}: b (debería ser el b de tasa=0.1 multiplicado por {factor:g})",
                   atol=1e-9, rtol=1e-9, revelar=False, errores_conocidos=((b1, PISTA_TASA_IGNORADA),))


@caso(puntos=1, oculta=True, exito="sigue exactamente el procedimiento del enunciado (orden de visita incluido).")
def test_orden_de_visita_especificado(alumno, rng, referencia):
    """Mismos w, b y errores que la referencia, que visita los ejemplos en el orden del enunciado.

    Almost no margin, so training takes several epochs and the order of every epoch matters.
    """
    X, y = _separables(rng, int(rng.integers(20, 40)), int(rng.integers(2, 5)), margen=0.01)
    tasa, semilla = float(rng.choice([0.1, 0.5])), int(rng.integers(0, 1000))
    que = f"entrenar_perceptron con X de forma {X.shape}, tasa={tasa}, semilla={semilla}"
    w, b, errores = _entrenar(alumno, X, y, que, tasa=tasa, semilla=semilla)
    w_ok, b_ok, errores_ok = referencia.entrenar_perceptron(X, y, tasa=tasa, semilla=semilla)
    if errores != list(errores_ok):
        raise Fallo(f"{que}: la lista de errores por época no coincide con la esperada.\n  Pista: {PISTA_ORDEN}")
    exigir_cercano(w, w_ok, f"{que}: w", atol=1e-9, rtol=1e-9, revelar=False, pista=PISTA_ORDEN)
    exigir_cercano(b, b_ok, f"{que}: b", atol=1e-9, rtol=1e-9, revelar=False, pista=PISTA_ORDEN)
