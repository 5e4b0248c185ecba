"""Proceso aislado que ejecuta el código del alumno y responde llamadas con datos planos.

This file is copied into a fresh sandbox directory and run as
``python -I trabajador.py FD_ENTRADA FD_SALIDA``. It must only depend on the
standard library and NumPy (Keras is imported on demand), because the project
itself is *not* importable from inside the sandbox.

Trust model: everything in this process is untrusted once the student's code
has run. It never sees expected values or scores; it only receives inputs and
returns outputs encoded as JSON + ``.npz`` (loaded with ``allow_pickle=False``).
The trusted parent (``autograder.aislamiento``) does every comparison.
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import sys
import time
import traceback
import warnings

import numpy as np

try:  # trusted side: autograder.trabajador
    from . import canal
except ImportError:  # the worker runs as a script with `python -I` (no script folder on sys.path)
    import importlib.util

    _spec = importlib.util.spec_from_file_location("canal", os.path.join(os.path.dirname(__file__), "canal.py"))
    canal = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(canal)

ObjetoNoAdmitido, FuncionDePrueba = canal.ObjetoNoAdmitido, canal.FuncionDePrueba
_nombre_tipo = canal.nombre_tipo
codificar_mensaje, decodificar_mensaje = canal.codificar, canal.decodificar

LIMITE_SALIDA = 20_000  # characters of captured output kept per cell or call
LIMITE_MODELO = 100 * 2**20  # bytes of a model saved by construir_modelo()


# --------------------------------------------------------------------------
# Sandbox policy: an audit hook that cannot be removed once installed.
# --------------------------------------------------------------------------

_EVENTOS_PROHIBIDOS = {
    "subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn",
    "os.fork", "os.forkpty", "os.kill", "os.killpg", "socket.connect", "socket.bind",
    "pty.spawn", "ctypes.dlopen", "ctypes.dlsym", "ctypes.cdata", "sys.remote_exec",
}
_EVENTOS_ESCRITURA = {
    "os.remove", "os.rename", "os.rmdir", "os.mkdir", "os.chmod", "os.chown",
    "os.symlink", "os.link", "os.truncate", "os.utime", "shutil.rmtree",
}
_BANDERAS_ESCRITURA = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


def _dentro(ruta: str, raices) -> bool:
    return any(ruta == r or ruta.startswith(r.rstrip(os.sep) + os.sep) for r in raices)


def instalar_politica(directorio: str, prohibidos: list, excepciones: list, escritura_libre: bool = False) -> None:
    """Deny reading `prohibidos` (except `excepciones`), writing outside `directorio`,
    and starting processes, sockets or native code.

    A second layer only, and not a security boundary (student code can undo it): when grading,
    the kernel's jail (``jaula.py``) is what protects the machine, and there ``escritura_libre``
    leaves the file system to it."""
    directorio = os.path.realpath(directorio)
    escritura_ok = ["/"] if escritura_libre else [directorio, "/dev/null", "/dev/shm"]
    prohibidos = [os.path.realpath(p) for p in prohibidos]
    excepciones = [os.path.realpath(p) for p in excepciones] + [directorio]
    realpath, fspath = os.path.realpath, os.fspath

    def verificar(ruta, escribir: bool) -> None:
        if isinstance(ruta, int):
            return
        try:
            real = realpath(fspath(ruta) if not isinstance(ruta, bytes) else ruta.decode())
        except (TypeError, ValueError):
            return
        if escribir and not _dentro(real, escritura_ok):
            raise PermissionError(f"el aislamiento no permite escribir en {real}")
        if _dentro(real, prohibidos) and not _dentro(real, excepciones):
            raise PermissionError(f"el aislamiento no permite acceder a {real}")

    def gancho(evento, argumentos):
        if evento == "open":
            ruta, modo, banderas = argumentos
            escribir = (isinstance(modo, str) and any(c in modo for c in "wax+")) or (
                modo is None and bool((banderas or 0) & _BANDERAS_ESCRITURA))
            verificar(ruta, escribir)
        elif evento in ("os.listdir", "os.scandir", "os.chdir", "glob.glob"):
            if argumentos and argumentos[0] is not None:
                verificar(argumentos[0], False)
        elif evento in _EVENTOS_ESCRITURA:
            verificar(argumentos[0], True)
            if evento in ("os.rename", "os.symlink", "os.link") and len(argumentos) > 1:
                verificar(argumentos[1], True)
        elif evento in _EVENTOS_PROHIBIDOS:
            raise PermissionError(f"el aislamiento no permite '{evento}' al calificar")

    sys.addaudithook(gancho)


# --------------------------------------------------------------------------
# Execution of the notebook and answering calls.
# --------------------------------------------------------------------------


_AUSENTE = object()  # marks a name the student's namespace did not have before an injection


def _construir_funcion(especificacion: FuncionDePrueba):
    """Scalar functions the trusted side can ask for (used by gradient checks)."""
    p = especificacion.parametros
    if especificacion.nombre == "cuadratica_seno":
        A, c = np.asarray(p["A"]), np.asarray(p["c"])
        return lambda x: float(np.sum(A * x**2) + np.sum(np.sin(c * x)))
    if especificacion.nombre == "producto_lineal":
        A = np.asarray(p["A"])
        return lambda x: float(np.sum(A * x))
    raise ValueError(f"función de prueba desconocida: {especificacion.nombre}")


def dato_simple(valor):
    """A student's global variable as plain data: str, int, float, bool or None; anything else by its type.

    Only exact built-in types pass (a ``str`` subclass could redefine ``__eq__``); NumPy scalars
    become their Python value. Nothing of the student's object is called (not even ``repr``).
    """
    tipo = type(valor)
    if issubclass(tipo, np.generic) and tipo.__module__ == "numpy" and valor.dtype.kind in "biufU":
        valor, tipo = valor.item(), type(valor.item())
    if valor is None or tipo in (str, int, float, bool):
        return valor
    return ObjetoNoAdmitido(_nombre_tipo(valor), "")


def _materializar(valor):
    if isinstance(valor, FuncionDePrueba):
        return _construir_funcion(valor)
    if isinstance(valor, list):
        return [_materializar(v) for v in valor]
    if isinstance(valor, tuple):
        return tuple(_materializar(v) for v in valor)
    if isinstance(valor, dict):
        return {k: _materializar(v) for k, v in valor.items()}
    return valor


def _resumen_error(error: BaseException) -> str:
    lineas = traceback.format_exception_only(type(error), error)
    return "".join(lineas).strip()[:2000]


def _recortar(texto: str) -> str:
    return texto if len(texto) <= LIMITE_SALIDA else texto[:LIMITE_SALIDA] + "\n[... salida recortada ...]"


class TiempoAgotadoEnTrabajador(BaseException):
    """Raised inside student code by an alarm; BaseException so `except Exception` does not swallow it."""


@contextlib.contextmanager
def _alarma(segundos):
    if not segundos:
        yield
        return

    def interrumpir(*_):
        raise TiempoAgotadoEnTrabajador(f"se superó el tiempo máximo de {segundos:g} s")

    anterior = signal.signal(signal.SIGALRM, interrumpir)
    signal.setitimer(signal.ITIMER_REAL, segundos)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, anterior)


def _quitar_magias(codigo: str) -> str:
    """IPython magics and shell escapes are not Python: comment them out."""
    if codigo.lstrip().startswith("%%"):
        return ""
    return "\n".join("pass  # " + l if l.lstrip().startswith(("%", "!")) else l for l in codigo.split("\n"))


class Trabajador:
    def __init__(self, entrada: int, salida: int):
        self.entrada, self.salida = entrada, salida
        self._n = None  # sequence number of the order being served
        self.espacio: dict = {"__name__": "__main__"}

    def ejecutar_celdas(self, celdas: list, segundos_celda=None) -> list:
        resultados = []
        for celda in celdas:
            buffer = io.StringIO()
            error = None
            try:
                codigo = compile(_quitar_magias(celda["codigo"]), f"<celda {celda['indice']}>", "exec")
                with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer), _alarma(segundos_celda):
                    exec(codigo, self.espacio)
            except BaseException as exc:  # the student's cell may raise anything, even SystemExit
                error = _resumen_error(exc)
            resultados.append({"indice": celda["indice"], "salida": _recortar(buffer.getvalue()), "error": error})
        return resultados

    def llamar(self, orden: dict) -> dict:
        nombre = orden["funcion"]
        funcion = self.espacio.get(nombre)
        if not callable(funcion):
            return {"ok": False, "tipo": "ausente", "mensaje": f"no existe una función llamada '{nombre}'"}
        originales = self._inyectar(orden.get("inyectar") or [])
        args = _materializar(list(orden.get("args") or []))
        kwargs = _materializar(orden.get("kwargs") or {})
        buffer = io.StringIO()
        inicio = time.perf_counter()
        try:
            with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer), _alarma(orden.get("segundos")):
                valor = funcion(*args, **kwargs)
        except TiempoAgotadoEnTrabajador:
            return {"ok": False, "tipo": "tiempo"}
        except BaseException as exc:
            return {"ok": False, "tipo": "excepcion", "mensaje": _resumen_error(exc), "salida": _recortar(buffer.getvalue())}
        finally:
            self._restaurar(originales)
        segundos = time.perf_counter() - inicio
        args_despues = [a if isinstance(a, np.ndarray) else None for a in args]
        if orden.get("guardar_modelo"):
            return self._guardar_modelo(valor, orden["guardar_modelo"], segundos)
        return {"ok": True, "valor": valor, "args_despues": args_despues,
                "salida": _recortar(buffer.getvalue()), "segundos": segundos}

    def valor(self, orden: dict) -> dict:
        """The value of one global variable of the notebook (see ``dato_simple``)."""
        nombre = orden["nombre"]
        if nombre not in self.espacio:
            return {"ok": False, "tipo": "ausente", "mensaje": f"no existe una variable llamada '{nombre}'"}
        return {"ok": True, "valor": dato_simple(self.espacio[nombre])}

    def _inyectar(self, nombres: list) -> dict:
        """Replace dependencies, for the duration of one call, by stubs that ask the trusted side.

        The reference code never enters the jail: a stub sends its arguments (plain data) over the
        channel and the trusted side answers with the reference function's result, and only for the
        dependencies of the function being called."""
        originales = {}
        for nombre in nombres if isinstance(nombres, list) else ():
            if isinstance(nombre, str):
                originales[nombre] = self.espacio.get(nombre, _AUSENTE)
                self.espacio[nombre] = self._dependencia(nombre)
        return originales

    def _dependencia(self, nombre: str):
        def referencia(*args, **kwargs):
            canal.enviar(self.salida, {"dependencia": nombre, "args": list(args), "kwargs": kwargs, "n": self._n})
            respuesta = canal.recibir(self.entrada)
            if not (isinstance(respuesta, dict) and respuesta.get("ok")):
                mensaje = respuesta.get("mensaje") if isinstance(respuesta, dict) else None
                raise RuntimeError(f"la función de referencia `{nombre}`, usada en lugar de la tuya en esta llamada, "
                                   f"falló con lo que le pasaste: {mensaje}")
            return respuesta.get("valor")

        referencia.__name__ = referencia.__qualname__ = nombre
        return referencia

    def _restaurar(self, originales: dict) -> None:
        """Undo `_inyectar`: names the notebook never defined must not survive the call."""
        for nombre, original in originales.items():
            if original is _AUSENTE:
                self.espacio.pop(nombre, None)
            else:
                self.espacio[nombre] = original

    def _guardar_modelo(self, modelo, ruta: str, segundos: float) -> dict:
        """Save a returned keras.Model and send its bytes: the trusted side hands them to a clean evaluator."""
        import keras

        if not isinstance(modelo, keras.Model):
            return {"ok": True, "valor": modelo, "segundos": segundos}
        try:
            modelo.save(ruta)
            with open(ruta, "rb") as archivo:
                datos = archivo.read(LIMITE_MODELO + 1)
        except BaseException as exc:
            return {"ok": False, "tipo": "excepcion", "mensaje": "no se pudo guardar el modelo: " + _resumen_error(exc)}
        if len(datos) > LIMITE_MODELO:
            return {"ok": False, "tipo": "excepcion",
                    "mensaje": f"el modelo guardado ocupa más de {LIMITE_MODELO // 2**20} MB"}
        return {"ok": True, "valor": {"__modelo__": datos}, "segundos": segundos}

    def bucle(self) -> None:
        while True:
            try:
                orden = canal.recibir(self.entrada)
            except EOFError:
                return
            self._n = orden.get("n") if isinstance(orden, dict) else None
            respuesta = self.atender(orden) if isinstance(orden, dict) else None
            if not isinstance(respuesta, dict):
                respuesta = {"ok": False, "tipo": "protocolo", "mensaje": "orden desconocida"}
            respuesta["n"] = orden.get("n") if isinstance(orden, dict) else None
            try:
                canal.enviar(self.salida, respuesta)
            except (TypeError, ValueError) as exc:
                canal.enviar(self.salida, {"ok": False, "tipo": "no_serializable", "mensaje": _resumen_error(exc),
                                           "n": respuesta["n"]})

    def atender(self, orden: dict) -> dict | None:
        tipo = orden.get("orden")
        if tipo == "iniciar":
            if orden.get("landlock"):  # fallback jail: restrict this process before anything else runs
                _restringir(orden["landlock"])
            for modulo in orden.get("precargar", []):
                __import__(modulo)
            sys.path.insert(0, os.getcwd())
            instalar_politica(os.getcwd(), orden.get("prohibidos") or [], orden.get("excepciones") or [],
                              escritura_libre=bool(orden.get("en_jaula")))
            return {"ok": True, "celdas": self.ejecutar_celdas(orden["celdas"], orden.get("segundos_celda"))}
        if tipo == "llamar":
            return self.llamar(orden)
        if tipo == "valor":
            return self.valor(orden)
        if tipo == "evaluar_modelo":
            return evaluar_modelo(orden)
        return None


def _restringir(reglas: dict) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("landlock", os.path.join(os.path.dirname(__file__), "landlock.py"))
    landlock = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(landlock)
    landlock.restringir(reglas["lectura"], reglas["escritura"], reglas.get("seccomp"))


def evaluar_modelo(orden: dict) -> dict:
    """Load a saved model in safe mode (no student code) and describe it.

    Runs in a worker that never executed student code, so nothing in Keras
    can have been monkeypatched."""
    import keras

    ruta = orden.get("ruta") or "a_evaluar.keras"
    try:
        if orden.get("modelo") is not None:  # bytes sent by the trusted side, already checked there
            with open(ruta, "wb") as archivo:
                archivo.write(orden["modelo"])
        with warnings.catch_warnings():  # e.g. "Skipping variable loading for optimizer" goes to stderr
            warnings.simplefilter("ignore")
            modelo = keras.saving.load_model(ruta, safe_mode=True, compile=True)
    except BaseException as exc:
        return {"ok": False, "tipo": "carga", "mensaje": _resumen_error(exc)}
    capas = []
    for capa in modelo.layers:
        config = capa.get_config()
        capas.append({
            "clase": type(capa).__name__,
            "activacion": str(config.get("activation", "")),
            "forma_salida": json.dumps(_forma(capa)),
            "regularizador": bool(config.get("kernel_regularizer")),
            "factor_regularizador": _factor_regularizador(config.get("kernel_regularizer")),
            "tasa": float(config.get("rate") or 0.0) if isinstance(config.get("rate"), (int, float)) else 0.0,
            "unidades": int(config.get("units") or config.get("filters") or 0),
        })
    perdida = getattr(modelo, "loss", None)
    optimizador = getattr(modelo, "optimizer", None) if getattr(modelo, "compiled", False) else None
    resumen = {
        "entrada": json.dumps([None if d is None else int(d) for d in modelo.inputs[0].shape]) if modelo.inputs else "null",
        "salida": json.dumps([None if d is None else int(d) for d in modelo.outputs[0].shape]) if modelo.outputs else "null",
        "capas": capas,
        "compilado": bool(getattr(modelo, "compiled", False)),
        "perdida": perdida if isinstance(perdida, str) else (type(perdida).__name__ if perdida is not None else ""),
        "optimizador": type(optimizador).__name__ if optimizador is not None else "",  # e.g. "SGD", "RMSprop"
        "parametros": int(modelo.count_params()),
    }
    respuesta = {"ok": True, "valor": resumen}
    if orden.get("x") is not None:
        try:
            respuesta["predicciones"] = np.asarray(_predecir(modelo, orden["x"]), dtype=np.float32)
        except BaseException as exc:
            return {"ok": False, "tipo": "prediccion", "mensaje": _resumen_error(exc), "valor": resumen}
    return respuesta


# Layers whose inference is a few matrix products: a network made only of them is evaluated with one
# eager call per block, three times faster than `predict` (which traces a function first and goes
# through tf.data) in a fresh worker; convolutional and recurrent networks are faster with `predict`.
CAPAS_DENSAS = frozenset({"InputLayer", "Dense", "Dropout", "Flatten", "Activation", "BatchNormalization",
                          "LayerNormalization", "Rescaling", "Normalization", "Reshape", "ReLU", "Softmax",
                          "LeakyReLU", "GaussianNoise", "GaussianDropout"})
BLOQUE_DIRECTO = 4096


def _predecir(modelo, x):
    """The model's outputs for `x` in inference mode (Dropout off, BatchNormalization with its moving statistics)."""
    directo = (len(x) > 0 and len(modelo.inputs or ()) == 1 and len(modelo.outputs or ()) == 1
               and all(type(capa).__name__ in CAPAS_DENSAS for capa in modelo.layers))
    if not directo:
        return modelo.predict(x, batch_size=512, verbose=0)
    import keras

    return np.concatenate([keras.ops.convert_to_numpy(modelo(x[i:i + BLOQUE_DIRECTO], training=False))
                           for i in range(0, len(x), BLOQUE_DIRECTO)])


def _factor_regularizador(config) -> float:
    """The largest L1/L2 factor of a serialized kernel_regularizer (0.0 when absent or zero)."""
    if not isinstance(config, dict):
        return 0.0
    valores = config.get("config", config)
    factores = [float(v) for k, v in (valores.items() if isinstance(valores, dict) else ())
                if k in ("l1", "l2") and isinstance(v, (int, float))]
    return max(factores, default=0.0)


def _forma(capa):
    try:
        forma = capa.output.shape
    except (AttributeError, ValueError):
        return None
    return [None if d is None else int(d) for d in forma]


if __name__ == "__main__":
    Trabajador(int(sys.argv[1]), int(sys.argv[2])).bucle()
