"""El «alumno» que ven los casos de prueba: una forma uniforme de llamar a sus funciones.

Cases never touch the student's objects directly. They call
``alumno.llamar("softmax", Z)`` and receive plain data (NumPy arrays, numbers,
tuples, lists, dicts); anything else arrives as ``ObjetoNoAdmitido``.
``alumno.valor("respuesta_01")`` reads a global variable of the notebook
(str, number, bool or None; anything else arrives as ``ObjetoNoAdmitido``).

- ``AlumnoAislado``: trusted grading. The code runs in ``ProcesoAislado``.
- ``AlumnoLocal``: the student's own kernel (public self-checks only), with
  the same round trip through the encoder so that both behave alike.
"""
from __future__ import annotations

import copy
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from . import archivos_entregados, canal, trabajador
from .aislamiento import ConfiguracionAislamiento, LimitesAislamiento, ProcesoAislado
from .errores import ErrorAislamiento, ErrorDelAlumno, TiempoAgotado

ARRANQUES_MAXIMOS = 4  # workers started for one submission: the first one and up to 3 restarts


def _mensaje_error_variable(nombre: str, respuesta: dict) -> str:
    if respuesta.get("tipo") == "ausente":
        return (f"No encontré la variable `{nombre}` en tu cuaderno. Comprueba que la celda que la define "
                "se ejecuta y que el nombre es exactamente ese.")
    if respuesta.get("tipo") == "inicio":
        return respuesta.get("mensaje", "")
    return f"No se pudo leer la variable `{nombre}`: {respuesta.get('mensaje', '')}"


def _mensaje_error(nombre: str, respuesta: dict) -> str:
    tipo, detalle = respuesta.get("tipo"), respuesta.get("mensaje", "")
    if tipo == "ausente":
        return (f"No encontré la función `{nombre}` en tu cuaderno. Comprueba que la celda que la define "
                "se ejecuta sin errores y que el nombre es exactamente ese.")
    if "NotImplementedError" in detalle:
        return f"`{nombre}` todavía no está implementada (lanza NotImplementedError)."
    if tipo == "inicio":
        return detalle
    if tipo == "tiempo":
        return f"`{nombre}` {detalle}."
    if tipo == "no_serializable":
        return f"`{nombre}` devolvió algo que no se puede comparar: {detalle}"
    return f"`{nombre}` lanzó un error: {detalle}"


class _AlumnoBase:
    """Shared interface: ``llamar`` returns plain data or raises ``ErrorDelAlumno``."""

    ultima_llamada: dict

    def llamar(self, nombre: str, *args, **kwargs):
        respuesta = self._llamar(nombre, list(args), kwargs)
        if not respuesta.get("ok"):
            raise ErrorDelAlumno(_mensaje_error(nombre, respuesta))
        self.ultima_llamada = respuesta
        return respuesta["valor"]

    def valor(self, nombre: str):
        """El valor de la variable global `nombre` del cuaderno, como dato simple."""
        respuesta = self._valor(nombre)
        if not respuesta.get("ok"):
            raise ErrorDelAlumno(_mensaje_error_variable(nombre, respuesta))
        return respuesta["valor"]

    def _llamar(self, nombre, args, kwargs) -> dict:
        raise NotImplementedError

    def _valor(self, nombre) -> dict:
        raise NotImplementedError


class AlumnoLocal(_AlumnoBase):
    """Llama a las funciones definidas en el espacio de nombres del propio cuaderno."""

    def __init__(self, espacio: dict, directorio: Path | str = "."):
        self.espacio = espacio
        self.directorio = Path(directorio)

    def _llamar(self, nombre, args, kwargs) -> dict:
        funcion = self.espacio.get(nombre)
        if not callable(funcion):
            return {"ok": False, "tipo": "ausente"}
        args = trabajador._materializar(copy.deepcopy(args))
        kwargs = trabajador._materializar(copy.deepcopy(kwargs))
        try:
            valor = funcion(*args, **kwargs)
        except Exception as exc:
            return {"ok": False, "tipo": "excepcion", "mensaje": trabajador._resumen_error(exc)}
        respuesta = {"ok": True, "valor": valor, "args_despues": [a if hasattr(a, "shape") else None for a in args]}
        return trabajador.decodificar_mensaje(trabajador.codificar_mensaje(respuesta))

    def _valor(self, nombre) -> dict:
        if nombre not in self.espacio:
            return {"ok": False, "tipo": "ausente"}
        respuesta = {"ok": True, "valor": trabajador.dato_simple(self.espacio[nombre])}
        return trabajador.decodificar_mensaje(trabajador.codificar_mensaje(respuesta))

    def modelo_construido(self, nombre: str = "construir_modelo", *args) -> dict:
        funcion = self.espacio.get(nombre)
        if not callable(funcion):
            raise ErrorDelAlumno(_mensaje_error(nombre, {"tipo": "ausente"}))
        try:
            modelo = funcion(*trabajador._materializar(copy.deepcopy(list(args))))
        except Exception as exc:
            raise ErrorDelAlumno(_mensaje_error(nombre, {"tipo": "excepcion", "mensaje": trabajador._resumen_error(exc)})) from None
        with tempfile.TemporaryDirectory() as tmp:
            respuesta = trabajador.Trabajador(-1, -1)._guardar_modelo(modelo, str(Path(tmp) / "m.keras"), 0.0)
            if not respuesta.get("ok"):
                raise ErrorDelAlumno(_mensaje_error(nombre, respuesta))
            if (Path(tmp) / "m.keras").is_file():  # written only for a real keras.Model
                return _exigir_modelo(nombre, trabajador.evaluar_modelo({"ruta": str(Path(tmp) / "m.keras")}))
        raise ErrorDelAlumno(f"`{nombre}()` debe devolver un `keras.Model`.")

    def modelo_guardado(self, archivo: str = "modelo.keras", x=None) -> dict:
        ruta = self.directorio / archivo
        if not ruta.is_file():
            raise ErrorDelAlumno(_sin_modelo(archivo))
        return _exigir_modelo(archivo, trabajador.evaluar_modelo({"ruta": str(ruta), "x": x}))

    def archivo_entregado(self, nombre: str) -> bytes:
        return _leer_entregado(self.directorio, nombre)


class AlumnoEnEsteProceso(AlumnoLocal):
    """Self-check where no worker process can be used (Windows has no pipes to hand to a child):
    the notebook's cells run in this process, in the notebook's folder, as in the student's own kernel.
    Never used to grade someone else's work."""

    def __init__(self, celdas: list, directorio: Path | str):
        super().__init__({"__name__": "__main__"}, directorio)
        self.celdas = celdas

    def __enter__(self) -> "AlumnoEnEsteProceso":
        return self

    def __exit__(self, *exc) -> None:
        pass

    def ejecutar_cuaderno(self) -> list:
        ejecutor = trabajador.Trabajador(-1, -1)
        ejecutor.espacio = self.espacio
        anterior, carpeta = os.getcwd(), str(self.directorio.resolve())
        os.chdir(carpeta)
        sys.path.insert(0, carpeta)
        try:
            return ejecutor.ejecutar_celdas(self.celdas)
        finally:
            os.chdir(anterior)
            sys.path.remove(carpeta)


class AlumnoAislado(_AlumnoBase):
    """Ejecuta el cuaderno en un proceso aislado y le hace llamadas con plazo.

    If a call times out or kills the worker, the next call starts a new worker
    and runs the notebook again, so one bad function costs only its own points.
    """

    def __init__(self, celdas: list, configuracion: ConfiguracionAislamiento,
                 inyecciones: dict | None = None, directorio_entrega: Path | None = None):
        self.celdas = celdas
        self.configuracion = configuracion
        self.inyecciones = inyecciones or {}
        self.directorio_entrega = Path(directorio_entrega) if directorio_entrega else None
        self.proceso: ProcesoAislado | None = None
        self.salidas_celdas: list | None = None
        self.error_inicio: str | None = None
        self._evaluador: ProcesoAislado | None = None
        self._fin: float | None = None  # deadline of the whole submission, set when its first worker starts
        self._arranques = 0
        self._construidos: dict = {}  # (function, encoded args) → the description, or the ErrorDelAlumno
        self._descritos: dict = {}  # submitted model file → its description (loaded once per submission)

    def __enter__(self) -> "AlumnoAislado":
        return self

    def __exit__(self, *exc) -> None:
        for proceso in (self.proceso, self._evaluador):
            if proceso is not None:
                proceso.cerrar()

    def _restante(self) -> float:
        """Seconds left of this submission's total budget; ErrorDelAlumno once it is spent."""
        if self._fin is None:
            self._fin = time.monotonic() + self.configuracion.limites.segundos_total
        restante = self._fin - time.monotonic()
        if restante <= 0:
            raise ErrorDelAlumno(
                f"Se agotó el tiempo total para calificar tu entrega ({self.configuracion.limites.segundos_total:g} s): "
                "este caso y los que quedan valen 0. ¿Alguna función tarda demasiado o no termina?")
        return restante

    def _asegurar_proceso(self) -> ProcesoAislado:
        if self.error_inicio is not None:  # a notebook that could not start once is not retried per case
            raise ErrorDelAlumno(f"No se pudo ejecutar tu cuaderno: {self.error_inicio}.")
        if self.proceso is None or not self.proceso.vivo:
            restante = self._restante()
            if self._arranques >= ARRANQUES_MAXIMOS:
                raise ErrorDelAlumno(f"Tu cuaderno ya se reinició {ARRANQUES_MAXIMOS - 1} veces al calificar (tras "
                                     "errores graves o tiempos agotados): este caso y los que quedan valen 0.")
            self._arranques += 1
            self.proceso = ProcesoAislado(self.configuracion)
            try:
                salidas = self.proceso.iniciar(self.celdas, min(self.configuracion.limites.segundos_inicio, restante))
            except ErrorAislamiento as exc:
                self.error_inicio = str(exc)
                raise ErrorDelAlumno(f"No se pudo ejecutar tu cuaderno: {exc}.") from exc
            if self.salidas_celdas is None:
                self.salidas_celdas = salidas
        return self.proceso

    def ejecutar_cuaderno(self) -> list:
        """Ejecuta las celdas una vez (si no se había hecho) y devuelve sus salidas."""
        try:
            self._asegurar_proceso()
        except ErrorDelAlumno:
            return []
        return self.salidas_celdas or []

    def _llamar(self, nombre, args, kwargs, extra=None) -> dict:
        try:
            proceso = self._asegurar_proceso()
        except ErrorDelAlumno as error:
            return {"ok": False, "tipo": "inicio", "mensaje": str(error)}
        try:
            restante = self._restante()
        except ErrorDelAlumno as error:
            return {"ok": False, "tipo": "inicio", "mensaje": str(error)}
        plazo = min(self.configuracion.limites.segundos_llamada, max(restante - 5, 1.0))
        dependencias = self.inyecciones.get(nombre, {})
        orden = {"orden": "llamar", "funcion": nombre, "args": args, "kwargs": kwargs, "segundos": plazo,
                 "inyectar": list(dependencias), **(extra or {})}
        try:
            # the worker's own alarm fires first; this is the backstop
            respuesta = proceso.pedir(orden, plazo + 5, lambda peticion: _atender_dependencia(dependencias, peticion))
        except TiempoAgotado:
            respuesta = {"ok": False, "tipo": "tiempo"}
        except ErrorAislamiento as exc:
            return {"ok": False, "tipo": "muerte", "mensaje": str(exc)}
        if respuesta.get("tipo") == "tiempo":
            respuesta["mensaje"] = f"tardó más de {plazo:g} s (¿un bucle infinito o demasiadas épocas?)"
        return respuesta

    def _valor(self, nombre) -> dict:
        try:
            proceso = self._asegurar_proceso()
        except ErrorDelAlumno as error:
            return {"ok": False, "tipo": "inicio", "mensaje": str(error)}
        try:
            return proceso.pedir({"orden": "valor", "nombre": nombre},
                                 min(self.configuracion.limites.segundos_llamada + 5, self._restante()))
        except ErrorDelAlumno as error:
            return {"ok": False, "tipo": "inicio", "mensaje": str(error)}
        except ErrorAislamiento as exc:  # includes TiempoAgotado
            return {"ok": False, "tipo": "muerte", "mensaje": str(exc)}

    # -- submitted files and Keras --------------------------------------------
    def archivo_entregado(self, nombre: str) -> bytes:
        """Los bytes de un archivo entregado (leído sin seguir enlaces y con tamaño máximo)."""
        if nombre in self.configuracion.artefactos:
            return self.configuracion.artefactos[nombre]
        if self.directorio_entrega is None:
            raise FileNotFoundError(nombre)
        return _leer_entregado(self.directorio_entrega, nombre)

    def modelo_construido(self, nombre: str = "construir_modelo", *args) -> dict:
        """Llama a `nombre(*args)` en el proceso del alumno, recibe el modelo guardado y lo describe en otra jaula.

        Several cases of a task ask about the same call (layers, shapes, compilation): within one
        submission it is made, saved and described once, and each case gets its own copy (or the
        same ErrorDelAlumno)."""
        clave = (nombre, canal.codificar(list(args)))
        if clave not in self._construidos:
            try:
                self._construidos[clave] = self._construir_y_describir(nombre, args)
            except ErrorDelAlumno as error:
                self._construidos[clave] = error
        guardado = self._construidos[clave]
        if isinstance(guardado, ErrorDelAlumno):
            raise ErrorDelAlumno(str(guardado))
        return copy.deepcopy(guardado)

    def _construir_y_describir(self, nombre: str, args) -> dict:
        respuesta = self._llamar(nombre, list(args), {}, {"guardar_modelo": "construido.keras"})
        if not respuesta.get("ok"):
            raise ErrorDelAlumno(_mensaje_error(nombre, respuesta))
        valor = respuesta.get("valor")
        if not (isinstance(valor, dict) and isinstance(valor.get("__modelo__"), bytes)):
            raise ErrorDelAlumno(f"`{nombre}()` debe devolver un `keras.Model`; devolvió {_describir(valor)}.")
        return self._evaluar(valor["__modelo__"], f"{nombre}()", None)

    def modelo_guardado(self, archivo: str = "modelo.keras", x=None) -> dict:
        """Describe (y opcionalmente predice con) el modelo entregado, sin ejecutar código del alumno.

        The description of a file is asked by several cases; once one evaluation has succeeded, the
        next requests without `x` reuse it (a failed one is tried again: it may have been the jail)."""
        if x is None and archivo in self._descritos:
            return copy.deepcopy(self._descritos[archivo])
        try:
            datos = self.archivo_entregado(archivo)
        except FileNotFoundError:
            raise ErrorDelAlumno(_sin_modelo(archivo)) from None
        except archivos_entregados.ArchivoRechazado as exc:
            raise ErrorDelAlumno(f"No se pudo usar `{archivo}`: {exc}") from None
        descripcion = self._evaluar(datos, archivo, x)
        self._descritos[archivo] = copy.deepcopy({**descripcion, "predicciones": None})
        return descripcion

    def _evaluar(self, datos: bytes, nombre: str, x) -> dict:
        try:
            archivos_entregados.revisar_keras(datos, nombre)
        except archivos_entregados.ArchivoRechazado as exc:
            raise ErrorDelAlumno(str(exc)) from None
        try:
            evaluador = self._proceso_evaluador()
            respuesta = evaluador.pedir({"orden": "evaluar_modelo", "modelo": datos, "x": x},
                                        min(self.configuracion.limites.segundos_inicio, self._restante()))
        except ErrorAislamiento as exc:
            self._evaluador = None
            raise ErrorDelAlumno(f"No se pudo evaluar `{nombre}`: {exc}.") from exc
        return _exigir_modelo(nombre, _respuesta_de_evaluador(respuesta, x))

    def _proceso_evaluador(self) -> ProcesoAislado:
        """A jail of its own, where no student code ever ran (one per submission)."""
        if self._evaluador is None or not self._evaluador.vivo:
            limites = self.configuracion.limites
            self._evaluador = ProcesoAislado(ConfiguracionAislamiento(
                limites=LimitesAislamiento(memoria_gib=limites.memoria_gib, segundos_inicio=limites.segundos_inicio,
                                           archivo_max_mib=limites.archivo_max_mib),
                kit=self.configuracion.kit, prohibidos=self.configuracion.prohibidos, precargar=("numpy", "keras"),
                aislar=self.configuracion.aislar))
            self._evaluador.iniciar([], min(limites.segundos_inicio, self._restante()))
        return self._evaluador


def _atender_dependencia(dependencias: dict, peticion: dict) -> dict:
    """Run one reference dependency for the student's code, on plain data; never raises."""
    nombre, args, kwargs = peticion.get("dependencia"), peticion.get("args"), peticion.get("kwargs")
    if nombre not in dependencias or type(args) is not list or type(kwargs) is not dict:
        return {"ok": False, "mensaje": "no está disponible en esta llamada"}
    try:
        return {"ok": True, "valor": dependencias[nombre](*args, **kwargs)}
    except Exception as exc:  # noqa: BLE001 - the student's arguments may break the reference: their call fails
        return {"ok": False, "mensaje": trabajador._resumen_error(exc)[:300]}


def _leer_entregado(directorio: Path, nombre: str) -> bytes:
    """FileNotFoundError if absent; ArchivoRechazado (Spanish) if it is a link, not a file, or too big."""
    return archivos_entregados.leer(directorio, nombre)


def _describir(valor) -> str:
    if isinstance(valor, trabajador.ObjetoNoAdmitido):
        return f"un objeto de tipo {valor.tipo}"
    return f"un valor de tipo {type(valor).__name__}"


_CAMPOS_CAPA = {"clase": str, "activacion": str, "forma_salida": str, "regularizador": bool,
                "factor_regularizador": float, "tasa": float, "unidades": int}
_CAMPOS_MODELO = {"entrada": str, "salida": str, "compilado": bool, "perdida": str, "optimizador": str,
                  "parametros": int}


def _respuesta_de_evaluador(respuesta: dict, x) -> dict:
    """Type-check the evaluator's reply: a model file could, in theory, subvert its own evaluator."""
    invalida = {"ok": False, "tipo": "prediccion", "mensaje": "el evaluador respondió con datos mal formados"}
    if not respuesta.get("ok"):
        return respuesta
    valor = respuesta.get("valor")
    if not isinstance(valor, dict) or not isinstance(valor.get("capas"), list):
        return invalida
    for campo, tipo in _CAMPOS_MODELO.items():
        if type(valor.get(campo)) is not tipo:
            return invalida
    capas = []
    for capa in valor["capas"]:
        if not isinstance(capa, dict) or any(type(capa.get(c)) is not t for c, t in _CAMPOS_CAPA.items()):
            return invalida
        capas.append({c: capa[c] for c in _CAMPOS_CAPA})
    limpia = {"ok": True, "valor": {**{c: valor[c] for c in _CAMPOS_MODELO}, "capas": capas}}
    if x is not None:
        predicciones = respuesta.get("predicciones")
        if not (isinstance(predicciones, np.ndarray) and predicciones.dtype.kind == "f"
                and predicciones.ndim >= 1 and predicciones.shape[0] == len(x)):
            return invalida
        limpia["predicciones"] = predicciones
    return limpia


def _sin_modelo(archivo: str) -> str:
    return (f"No encontré `{archivo}` junto a tu cuaderno. Ejecuta la celda de entrenamiento "
            "(la celda de entrenamiento lo guarda con `entrenar_y_guardar`) y entrega el archivo con el cuaderno.")


def _exigir_modelo(nombre: str, respuesta: dict) -> dict:
    if respuesta.get("ok"):
        return {**respuesta["valor"], "predicciones": respuesta.get("predicciones")}
    if respuesta.get("tipo") == "carga":
        raise ErrorDelAlumno(
            f"Keras no pudo cargar `{nombre}` en modo seguro: {respuesta.get('mensaje')}. "
            "Usa solo capas estándar de Keras (sin Lambda ni capas propias) y guarda con `modelo.save(...)`.")
    raise ErrorDelAlumno(f"El modelo `{nombre}` falló al predecir: {respuesta.get('mensaje')}")
