"""Solución de referencia de la tarea 01_perceptron (el perceptrón, AND/OR/XOR).

Each function is, character for character, the solution cell of
``assignments/01_perceptron/01_perceptron.ipynb`` (a test keeps them equal).
The ``### BEGIN/END SOLUTION`` comments mark what nbgrader removes in the
student's copy.
"""
import numpy as np


def escalon(z):
    """Función escalón (de Heaviside), elemento a elemento.

    Args:
        z: array de cualquier forma, por ejemplo (n,) o (n, d).

    Returns:
        s: array float de la misma forma que z, con 1.0 donde z >= 0 y 0.0 donde z < 0.
           Ojo: en z = 0 exactamente el escalón vale 1.0. Devuelve floats (1.0/0.0),
           no booleanos ni enteros.
    """
    z = np.asarray(z, dtype=float)
    s = None
    ### BEGIN SOLUTION
    s = np.where(z >= 0, 1.0, 0.0)
    ### END SOLUTION
    return s


def salida_perceptron(X, w, b):
    """Salida de un perceptrón para cada ejemplo: escalon(X @ w + b).

    Args:
        X: array (n, d); cada fila es un ejemplo con d entradas.
        w: array (d,) de pesos.
        b: float, el sesgo (b = -umbral).

    Returns:
        y_pred: array (n,) de 0.0 y 1.0, la decisión del perceptrón para cada ejemplo.
    """
    X = np.asarray(X, dtype=float)
    w = np.asarray(w, dtype=float)
    y_pred = None
    ### BEGIN SOLUTION
    y_pred = escalon(X @ w + b)
    ### END SOLUTION
    return y_pred


def entrenar_perceptron(X, y, tasa=0.1, max_epocas=100, semilla=0):
    """Entrena un perceptrón con la regla del perceptrón, ejemplo a ejemplo.

    El procedimiento está fijado exactamente (así dos implementaciones correctas dan
    el mismo resultado):

    - Los pesos empiezan en cero, w = 0 (forma (d,)), y el sesgo en b = 0.0.
    - Se crea UN generador al principio, `generador = np.random.default_rng(semilla)`.
    - En cada época se visitan todos los ejemplos en el orden
      `generador.permutation(n)`, sacado una vez por época de ese mismo generador.
    - Para cada ejemplo i visitado: ŷ_i = escalon(x_i · w + b) con los pesos
      actuales, y se actualiza
          w ← w + tasa · (y_i − ŷ_i) · x_i
          b ← b + tasa · (y_i − ŷ_i)
      (si ŷ_i = y_i la actualización es cero).
    - errores[e] = número de ejemplos mal clasificados durante la época e, contados
      al visitarlos (antes de su actualización), no después de la época.
    - Se para al terminar la primera época con 0 errores, o tras `max_epocas` épocas.

    Args:
        X: array (n, d) de ejemplos.
        y: array (n,) de etiquetas 0 o 1.
        tasa: tasa de aprendizaje η > 0.
        max_epocas: número máximo de épocas.
        semilla: semilla del generador que baraja los ejemplos en cada época.

    Returns:
        w: array (d,) de pesos aprendidos.
        b: float, el sesgo aprendido.
        errores: lista de enteros, uno por época ejecutada (1 ≤ len(errores) ≤ max_epocas).
                 Si los datos son linealmente separables, termina en 0.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    errores = []
    generador = np.random.default_rng(semilla)
    ### BEGIN SOLUTION
    for _ in range(max_epocas):
        fallos = 0
        for i in generador.permutation(n):
            diferencia = y[i] - escalon(X[i] @ w + b)
            if diferencia != 0:
                w = w + tasa * diferencia * X[i]
                b = b + tasa * diferencia
                fallos += 1
        errores.append(fallos)
        if fallos == 0:
            break
    ### END SOLUTION
    return w, float(b), errores


def red_xor(X):
    """XOR con una red de dos capas de unidades escalón y pesos puestos a mano.

    Capa oculta (dos unidades, ambas con escalon):
        h1 = escalon(1·x1 + 1·x2 − 0.5)    # unidad OR:  w11 = 1, w12 = 1, b1 = −0.5
        h2 = escalon(1·x1 + 1·x2 − 1.5)    # unidad AND: w21 = 1, w22 = 1, b2 = −1.5
    Capa de salida:
        salida = escalon(1·h1 − 1.5·h2 − 0.5)    # w31 = 1, w32 = −1.5, b3 = −0.5

    Usa exactamente estos pesos y tu función `escalon`: se comprueba también con
    entradas reales (no solo 0/1), donde la red da 1 en la franja 0.5 ≤ x1 + x2 < 1.5.

    Args:
        X: array (n, 2); cada fila es un par (x1, x2), normalmente de 0 y 1.

    Returns:
        salida: array (n,) de 0.0 y 1.0; con entradas binarias, x1 XOR x2.
    """
    X = np.asarray(X, dtype=float)
    salida = None
    ### BEGIN SOLUTION
    pesos_ocultos = np.array([[1.0, 1.0],
                              [1.0, 1.0]])      # columna 0: unidad OR; columna 1: unidad AND
    sesgos_ocultos = np.array([-0.5, -1.5])
    pesos_salida = np.array([1.0, -1.5])
    sesgo_salida = -0.5
    ocultas = escalon(X @ pesos_ocultos + sesgos_ocultos)      # (n, 2): [OR, AND]
    salida = escalon(ocultas @ pesos_salida + sesgo_salida)    # (n,)
    ### END SOLUTION
    return salida


# Grader side (not in the notebook): the known wrong outputs that the hidden cases compare against.
def salida_perceptron_variantes(X, w, b):
    """(without the bias, without the step, with z > 0) for `salida_perceptron`'s hidden cases."""
    z = X @ w + b
    return np.where(X @ w >= 0, 1.0, 0.0), z, np.where(z > 0, 1.0, 0.0)


def red_xor_variantes(X):
    """(swapped hidden units, OR, AND, z > 0, logical XOR) for `red_xor`'s hidden cases."""
    def red(b_oculta, estricta=False):
        activar = (lambda z: np.where(z > 0, 1.0, 0.0)) if estricta else (lambda z: np.where(z >= 0, 1.0, 0.0))
        return activar(activar(X @ np.ones((2, 2)) + b_oculta) @ np.array([1.0, -1.5]) - 0.5)

    x1, x2 = X[:, 0], X[:, 1]
    return (red(np.array([-1.5, -0.5])), np.where(x1 + x2 - 0.5 >= 0, 1.0, 0.0), np.where(x1 + x2 - 1.5 >= 0, 1.0, 0.0),
            red(np.array([-0.5, -1.5]), estricta=True), np.logical_xor(x1 != 0, x2 != 0).astype(float))
