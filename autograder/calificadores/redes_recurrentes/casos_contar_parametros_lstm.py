"""Casos de `contar_parametros_lstm(d, h)`: 4·(h·(d + h) + h)."""
from autograder.casos import caso
from autograder.errores import Fallo
from autograder.verificar import exigir_numero


def _errores(d, h):
    return ((4 * h * (d + h), "faltan los sesgos: cada una de las 4 puertas tiene h sesgos, 4·h en total (b es (4h,))."),
            (h * (d + h) + h, "contaste una sola puerta: la LSTM tiene 4 (entrada, olvido, candidata y salida), "
                              "cada una con sus pesos de entrada, recurrentes y sesgos."),
            (4 * (h * d + h), "faltan los pesos recurrentes U, forma (h, 4h): cada puerta mira también h_{t−1}."),
            (4 * (d * (d + h) + d), "intercambiaste d y h: W es (d, 4h), U es (h, 4h) y b es (4h,)."),
            (3 * (h * (d + h) + h), "contaste 3 puertas (como una GRU sin sesgos dobles): la LSTM tiene 4."))


def _comprobar(alumno, d, h, revelar):
    que = f"contar_parametros_lstm(d={d}, h={h})" if revelar else f"contar_parametros_lstm con d={d}, h={h}"
    total = exigir_numero(alumno.llamar("contar_parametros_lstm", d, h), que)
    esperado = 4 * (h * (d + h) + h)
    if total == esperado:
        return
    detalle = f" y se esperaba {esperado}" if revelar else ""
    for erroneo, pista in _errores(d, h):
        if total == erroneo and erroneo != esperado:
            raise Fallo(f"{que}: se obtuvo {total:g}{detalle}.\n  Pista: {pista}")
    raise Fallo(f"{que}: se obtuvo {total:g}{detalle}.\n  Pista: suma los tamaños de W (d, 4h), U (h, 4h) y b (4h,).")


@caso(puntos=1, exito="Embedding(10000, 32) → LSTM(32): 8320 parámetros, como en el summary de la tarea 11.")
def test_lstm_de_la_tarea_11(alumno):
    """La LSTM(32) de la tarea 11 lee vectores de 32 componentes (Embedding(10000, 32)): 8320 parámetros."""
    _comprobar(alumno, 32, 32, revelar=True)


@caso(puntos=3, oculta=True, exito="coincide con la fórmula con d y h aleatorios (d ≠ h).")
def test_tamanos_ocultos(alumno, rng):
    """Tres pares (d, h) aleatorios con d ≠ h, uno con h = 1."""
    for d, h in ((int(rng.integers(2, 300)), int(rng.integers(2, 128))), (int(rng.integers(1, 50)), 1),
                 (int(rng.integers(1, 20)), int(rng.integers(20, 64)))):
        if d == h:
            d += 1
        _comprobar(alumno, d, h, revelar=False)
