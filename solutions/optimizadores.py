"""Solución de referencia de la tarea 16_optimizadores (SGD con momento, RMSProp y Adam en NumPy).

Each function is, character for character, the solution cell of
``assignments/16_optimizadores/16_optimizadores.ipynb`` (a test keeps them equal). The
``### BEGIN/END SOLUTION`` comments mark what nbgrader removes in the student's copy.

The three steps follow Keras 3 exactly (``keras/src/optimizers/sgd.py``, ``rmsprop.py`` and
``adam.py`` of Keras 3.15.1, the version installed): ``tests/test_optimizadores.py`` has a slow
test (``-m lento``) showing that each step equals one ``apply`` of the Keras optimizer.
``minimizar_cuadratica`` is not an exercise: it is the notebook's provided cell (same text), which
the grader calls because a gradient function cannot cross the channel into the sandbox.
"""
import numpy as np


def paso_momento(w, g, v, tasa=0.01, beta=0.9):
    """Un paso de descenso de gradiente con momento, con la convención de Keras (keras.optimizers.SGD).

        v_nuevo = beta · v - tasa · g
        w_nuevo = w + v_nuevo

    Args:
        w: array de parámetros (cualquier forma).
        g: array con el gradiente de la pérdida en w (la forma de w).
        v: array con la velocidad acumulada (la forma de w; empieza en ceros).
        tasa: tasa de aprendizaje.
        beta: coeficiente de momento (el `momentum` de Keras).

    Returns:
        w_nuevo: array (la forma de w).
        v_nuevo: array (la forma de w).
    """
    w, g, v = (np.asarray(a, dtype=float) for a in (w, g, v))
    w_nuevo, v_nuevo = None, None
    ### BEGIN SOLUTION
    v_nuevo = beta * v - tasa * g
    w_nuevo = w + v_nuevo
    ### END SOLUTION
    return w_nuevo, v_nuevo


def paso_rmsprop(w, g, s, tasa=0.001, rho=0.9, eps=1e-7):
    """Un paso de RMSProp con la convención de Keras (keras.optimizers.RMSprop, centered=False, momentum=0).

        s_nuevo = rho · s + (1 - rho) · g²
        w_nuevo = w - tasa · g / sqrt(s_nuevo + eps)        (eps DENTRO de la raíz, como Keras)

    Args:
        w: array de parámetros (cualquier forma).
        g: array con el gradiente en w (la forma de w).
        s: array con la media móvil de los cuadrados del gradiente (la forma de w; empieza en ceros).
        tasa: tasa de aprendizaje.
        rho: factor de olvido de la media móvil.
        eps: constante pequeña que evita dividir por cero.

    Returns:
        w_nuevo: array (la forma de w).
        s_nuevo: array (la forma de w).
    """
    w, g, s = (np.asarray(a, dtype=float) for a in (w, g, s))
    w_nuevo, s_nuevo = None, None
    ### BEGIN SOLUTION
    s_nuevo = rho * s + (1 - rho) * g**2
    w_nuevo = w - tasa * g / np.sqrt(s_nuevo + eps)
    ### END SOLUTION
    return w_nuevo, s_nuevo


def paso_adam(w, g, m, v, t, tasa=0.001, beta1=0.9, beta2=0.999, eps=1e-7):
    """El paso número t (t = 1, 2, ...) de Adam, con la convención de Keras (keras.optimizers.Adam).

        m_nuevo = beta1 · m + (1 - beta1) · g
        v_nuevo = beta2 · v + (1 - beta2) · g²
        alfa    = tasa · sqrt(1 - beta2**t) / (1 - beta1**t)      (la corrección de sesgo, en la tasa)
        w_nuevo = w - alfa · m_nuevo / (sqrt(v_nuevo) + eps)

    Args:
        w: array de parámetros (cualquier forma).
        g: array con el gradiente en w (la forma de w).
        m: array, media móvil del gradiente (primer momento; empieza en ceros).
        v: array, media móvil del gradiente al cuadrado (segundo momento; empieza en ceros).
        t: int ≥ 1, el número de este paso (el primero es t = 1).
        tasa, beta1, beta2, eps: los hiperparámetros de Adam (los valores por defecto de Keras).

    Returns:
        w_nuevo, m_nuevo, v_nuevo: arrays de la forma de w.
    """
    w, g, m, v = (np.asarray(a, dtype=float) for a in (w, g, m, v))
    if t < 1:
        raise ValueError("t es el número del paso y empieza en 1")
    w_nuevo, m_nuevo, v_nuevo = None, None, None
    ### BEGIN SOLUTION
    m_nuevo = beta1 * m + (1 - beta1) * g
    v_nuevo = beta2 * v + (1 - beta2) * g**2
    alfa = tasa * np.sqrt(1 - beta2**t) / (1 - beta1**t)
    w_nuevo = w - alfa * m_nuevo / (np.sqrt(v_nuevo) + eps)
    ### END SOLUTION
    return w_nuevo, m_nuevo, v_nuevo


def minimizar(grad, w0, optimizador, pasos, **hiperparametros):
    """Aplica `pasos` pasos de un optimizador partiendo de w0 y devuelve el punto final y la trayectoria.

    Args:
        grad: función grad(w) → array de la forma de w, el gradiente de la pérdida en w.
        w0: array, el punto de partida (cualquier forma).
        optimizador: "sgd" (w ← w - tasa · g; tasa por defecto 0.01, como keras.optimizers.SGD),
                     "momento" (paso_momento), "rmsprop" (paso_rmsprop) o "adam" (paso_adam).
                     Otro nombre lanza ValueError.
        pasos: número de pasos (int ≥ 0).
        **hiperparametros: se pasan tal cual al paso (p. ej. tasa=0.1, beta=0.9); los que no se
                     den toman los valores por defecto del paso.

    Returns:
        w: array (la forma de w0), el punto tras el último paso.
        historial: array (pasos + 1, *w0.shape); historial[0] = w0 e historial[k] es el punto
                   tras k pasos (historial[-1] es w). Los estados (v, s, m) empiezan en ceros y,
                   en Adam, el primer paso es t = 1.
    """
    w = np.array(w0, dtype=float)
    if optimizador not in ("sgd", "momento", "rmsprop", "adam"):
        raise ValueError(f"optimizador desconocido: {optimizador!r}; usa 'sgd', 'momento', 'rmsprop' o 'adam'")
    historial = None
    ### BEGIN SOLUTION
    estado = np.zeros_like(w)     # v de momento o s de RMSProp
    m, v = np.zeros_like(w), np.zeros_like(w)
    trayectoria = [w.copy()]
    for t in range(1, pasos + 1):
        g = np.asarray(grad(w), dtype=float)
        if optimizador == "sgd":
            w = w - hiperparametros.get("tasa", 0.01) * g
        elif optimizador == "momento":
            w, estado = paso_momento(w, g, estado, **hiperparametros)
        elif optimizador == "rmsprop":
            w, estado = paso_rmsprop(w, g, estado, **hiperparametros)
        else:
            w, m, v = paso_adam(w, g, m, v, t, **hiperparametros)
        trayectoria.append(np.array(w, dtype=float))
    historial = np.array(trayectoria)
    ### END SOLUTION
    return w, historial


def minimizar_cuadratica(A, centro, w0, optimizador, pasos, **hiperparametros):
    """minimizar sobre f(w) = ½ (w - centro)ᵀ A (w - centro), cuyo gradiente es A (w - centro)."""
    A, centro = np.asarray(A, dtype=float), np.asarray(centro, dtype=float)
    return minimizar(lambda w: A @ (w - centro), w0, optimizador, pasos, **hiperparametros)


# -- Known wrong variants (not exercises). The hidden cases reach them through the ``referencia``
# fixture and the public cases carry their outputs as literals, so the public kit ships no code that
# computes a step (see ``autograder/kit.py``). Each returns {clave: outputs}, with None for an output
# that the mistake leaves right; the hints are in the case files, under the same keys.

def errores_paso_momento(w, g, v, tasa=0.01, beta=0.9):
    otra = beta * v + g
    media = beta * v + (1 - beta) * g
    subida = beta * v + tasa * g
    return {"otra_convencion": (w - tasa * otra, otra), "media_movil": (w - tasa * media, media),
            "v_vieja": (w + v, None), "signo": (w + subida, subida), "sin_momento": (w - tasa * g, -tasa * g)}


def errores_paso_rmsprop(w, g, s, tasa=0.001, rho=0.9, eps=1e-7):
    s2 = rho * s + (1 - rho) * g**2
    with np.errstate(all="ignore"):
        sin_cuadrado = rho * s + (1 - rho) * g
        sin_uno = rho * s + g**2
        al_reves = (1 - rho) * s + rho * g**2
        return {"eps_fuera": (w - tasa * g / (np.sqrt(s2) + eps), None),
                "sin_cuadrado": (w - tasa * g / np.sqrt(sin_cuadrado + eps), sin_cuadrado),
                "sin_uno_menos_rho": (w - tasa * g / np.sqrt(sin_uno + eps), sin_uno),
                "rho_al_reves": (w - tasa * g / np.sqrt(al_reves + eps), al_reves),
                "sin_raiz": (w - tasa * g / (s2 + eps), None),
                "s_viejo": (w - tasa * g / np.sqrt(s + eps), None)}


def errores_paso_adam(w, g, m, v, t, tasa=0.001, beta1=0.9, beta2=0.999, eps=1e-7):
    m2 = beta1 * m + (1 - beta1) * g
    v2 = beta2 * v + (1 - beta2) * g**2
    c1, c2 = 1 - beta1**t, 1 - beta2**t
    alfa = tasa * np.sqrt(c2) / c1

    def con_alfa(a):
        return w - a * m2 / (np.sqrt(v2) + eps)

    errores = {"libro": (w - tasa * (m2 / c1) / (np.sqrt(v2 / c2) + eps), None, None),
               "sin_correccion": (con_alfa(tasa), None, None),
               "t_mas_uno": (con_alfa(tasa * np.sqrt(1 - beta2**(t + 1)) / (1 - beta1**(t + 1))), None, None),
               "eps_dentro": (w - alfa * m2 / np.sqrt(v2 + eps), None, None),
               "solo_m": (con_alfa(tasa / c1), None, None),
               "corregidos": (None, m2 / c1, v2 / c2),
               "m_vieja": (w - alfa * m / (np.sqrt(v) + eps), None, None)}
    if t > 1:
        errores["t_menos_uno"] = (con_alfa(tasa * np.sqrt(1 - beta2**(t - 1)) / (1 - beta1**(t - 1))), None, None)
    with np.errstate(all="ignore"):
        v_lineal = beta2 * v + (1 - beta2) * g
        errores["v_sin_cuadrado"] = (w - alfa * m2 / (np.sqrt(v_lineal) + eps), None, v_lineal)
    return errores


def minimizar_sin_estado(A, centro, w0, optimizador, pasos, t_fijo=False, **hiperparametros):
    """The trajectory of the mistake "the state restarts at zero every step" (in Adam, t counts or stays 1)."""
    w, trayectoria = np.array(w0, dtype=float), [np.array(w0, dtype=float)]
    for t in range(1, pasos + 1):
        g, cero = A @ (w - centro), np.zeros_like(w)
        if optimizador == "momento":
            w = paso_momento(w, g, cero, **hiperparametros)[0]
        elif optimizador == "rmsprop":
            w = paso_rmsprop(w, g, cero, **hiperparametros)[0]
        elif optimizador == "adam":
            w = paso_adam(w, g, cero, cero, 1 if t_fijo else t, **hiperparametros)[0]
        else:
            w = w - hiperparametros.get("tasa", 0.01) * g
        trayectoria.append(w)
    return np.array(trayectoria)
