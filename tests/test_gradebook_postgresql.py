"""El gradebook de nbgrader en PostgreSQL (``c.CourseDirectory.db_url``), con un servidor real.

SQLite (``gradebook.db`` in the course directory) stays the embedded default. When several graders share
one gradebook, PostgreSQL is the supported choice; this test proves the course works on it:

- a throwaway PostgreSQL server (Debian's binaries, ``/usr/lib/postgresql/<ver>/bin``) is started as the
  ``postgres`` system user (postgres refuses to run as root) in a temporary directory, listening on a free
  TCP port of 127.0.0.1 with password authentication (scram-sha-256), and is stopped and deleted at
  teardown, also when the test fails;
- a real course directory (``autograder.curso.preparar_curso``: the repository's ``nbgrader_config.py``,
  so the submissions are graded by ``CalificacionAislada`` inside the jail) with task 01_perceptron and
  ``c.CourseDirectory.db_url = "postgresql://curso:...@127.0.0.1:<puerto>/gradebook"``;
- real ``nbgrader`` commands as subprocesses: ``db assignment add`` (the first command creates the
  tables, so it runs alone), then two ``db student add`` and ``generate_assignment`` at the same time,
  then two ``autograde`` (two graders, two students) at the same time against the same gradebook, and
  ``export``;
- the scores come back from PostgreSQL three ways: the exported CSV, ``nbgrader.api.Gradebook(url)``
  and plain SQL through psycopg; and no ``gradebook.db`` (SQLite) appears in the course directory.

Without PostgreSQL binaries (or the psycopg driver, or a ``postgres`` user when running as root) the
test is skipped with the reason, unless ``CURSO_DL_POSTGRES_OBLIGATORIO`` is set (CI sets it): then it
fails. Not covered here: release/fetch/submit/collect and feedback (tests/test_ciclo_nbgrader.py covers
them on SQLite; they do not touch the gradebook differently).
"""
from __future__ import annotations

import csv
import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
import pytest

from autograder.curso import preparar_curso
from herramientas.alumnos_simulados import completar

TAREA = "01_perceptron"
CURSO = "curso_dl"
USUARIO, CLAVE, BASE = "curso", "clave-de-prueba", "gradebook"
ALUMNOS = {"ana": ("Ana", "García"), "beto": ("Beto", "López")}  # ana entrega la solución; beto, en blanco


def _no_se_puede(motivo: str):
    """Skip (en una máquina sin PostgreSQL) o fallo (si CURSO_DL_POSTGRES_OBLIGATORIO está definida)."""
    if os.environ.get("CURSO_DL_POSTGRES_OBLIGATORIO"):
        pytest.fail(f"CURSO_DL_POSTGRES_OBLIGATORIO está definida, pero {motivo}")
    pytest.skip(f"{motivo} (instálelo con `apt-get install postgresql`; "
                "defina CURSO_DL_POSTGRES_OBLIGATORIO=1 para que esto sea un fallo)")


def _binarios_postgres() -> Path | None:
    """Directorio con initdb y pg_ctl: el de mayor versión en Debian/Ubuntu, o el del PATH."""
    candidatos = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                        key=lambda ruta: int(Path(ruta).parts[-3]) if Path(ruta).parts[-3].isdigit() else 0)
    if candidatos:
        return Path(candidatos[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb and shutil.which("pg_ctl") else None


def _puerto_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def postgres_url():
    """Un servidor PostgreSQL desechable con una base vacía; devuelve su URL de SQLAlchemy."""
    binarios = _binarios_postgres()
    if binarios is None:
        _no_se_puede("no encuentro los binarios de PostgreSQL (initdb, pg_ctl)")
    try:
        import psycopg  # SQLAlchemy 2.1 maps a plain postgresql:// URL to psycopg 3
    except ImportError:
        _no_se_puede("falta el controlador psycopg (psycopg[binary], en pyproject.toml)")
    como = []  # postgres no arranca como root: se ejecuta como el usuario del sistema `postgres`
    if os.geteuid() == 0:
        try:
            usuario = pwd.getpwnam("postgres")
        except KeyError:
            _no_se_puede("se ejecuta como root y no existe el usuario del sistema `postgres`")
        como = ["runuser", "-u", "postgres", "--"] if shutil.which("runuser") else ["su", "postgres", "-s", "/bin/sh", "-c"]

    def ejecutar(*orden: str) -> subprocess.CompletedProcess:
        orden = [str(x) for x in orden]
        if como[:1] == ["su"]:
            import shlex
            orden = [*como, shlex.join(orden)]
        else:
            orden = [*como, *orden]
        return subprocess.run(orden, capture_output=True, text=True, timeout=60)

    directorio = Path(tempfile.mkdtemp(prefix="curso_dl_postgres_"))
    datos, clave = directorio / "datos", directorio / "clave"
    clave.write_text(CLAVE + "\n")
    if como:
        for ruta in (directorio, clave):
            os.chown(ruta, usuario.pw_uid, usuario.pw_gid)
    arrancado = False
    try:
        r = ejecutar(binarios / "initdb", "-D", datos, "-U", USUARIO, f"--pwfile={clave}", "--auth-local=trust",
                     "--auth-host=scram-sha-256", "--encoding=UTF8", "--locale=C", "--no-sync")
        assert r.returncode == 0, f"initdb falló:\n{r.stdout}\n{r.stderr}"
        for intento in range(3):  # the free port could be taken between choosing it and listening on it
            puerto = _puerto_libre()
            opciones = (f"-c listen_addresses=127.0.0.1 -p {puerto} -c unix_socket_directories={directorio} "
                        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
            r = ejecutar(binarios / "pg_ctl", "-D", datos, "-l", directorio / "registro.log", "-o", opciones,
                         "-w", "-t", "30", "start")
            arrancado = r.returncode == 0 or (datos / "postmaster.pid").exists()
            if r.returncode == 0:
                break
        registro = directorio / "registro.log"
        assert r.returncode == 0, (f"pg_ctl start falló:\n{r.stdout}\n{r.stderr}\n"
                                   + (registro.read_text() if registro.exists() else ""))
        with psycopg.connect(host="127.0.0.1", port=puerto, user=USUARIO, password=CLAVE, dbname="postgres",
                             autocommit=True) as conexion:
            conexion.execute(f"CREATE DATABASE {BASE}")
        yield f"postgresql://{USUARIO}:{CLAVE}@127.0.0.1:{puerto}/{BASE}"
    finally:
        if arrancado:
            r = ejecutar(binarios / "pg_ctl", "-D", datos, "-m", "immediate", "-w", "-t", "30", "stop")
            pid = datos / "postmaster.pid"
            if r.returncode != 0 and pid.exists():  # last resort: the postmaster this fixture started
                try:
                    os.kill(int(pid.read_text().split()[0]), 9)
                except (OSError, ValueError):
                    pass
        shutil.rmtree(directorio, ignore_errors=True)


def _nbgrader(*ordenes: tuple[str, ...], cwd: Path) -> list[str]:
    """Ejecuta las órdenes de nbgrader a la vez (procesos separados) y devuelve sus salidas."""
    entorno = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    procesos = [subprocess.Popen([sys.executable, "-m", "nbgrader", *orden], cwd=cwd, env=entorno,
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for orden in ordenes]
    salidas = []
    for orden, proceso in zip(ordenes, procesos):
        try:
            salida, _ = proceso.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            proceso.kill()
            salida, _ = proceso.communicate()
        assert proceso.returncode == 0, f"falló: nbgrader {' '.join(orden)}\n{salida}"
        salidas.append(salida)
    return salidas


def test_ciclo_de_nbgrader_con_gradebook_en_postgresql(postgres_url, tmp_path):
    import psycopg
    from nbgrader.api import Gradebook
    from autograder.calificadores import cargar_tarea

    curso = preparar_curso(tmp_path / "curso", [TAREA], CURSO)
    with open(curso / "nbgrader_config.py", "a", encoding="utf-8") as configuracion:
        configuracion.write(f"c.CourseDirectory.db_url = {postgres_url!r}\n")

    # The first command creates the tables and the course row: alone, before several graders share the base.
    _nbgrader(("db", "assignment", "add", TAREA, "--duedate=2030-01-01 00:00:00 UTC"), cwd=curso)
    # Then several processes at once: one registers each student while another generates the assignment.
    _nbgrader(*[("db", "student", "add", alumno, f"--first-name={nombre}", f"--last-name={apellido}")
                for alumno, (nombre, apellido) in ALUMNOS.items()],
              ("generate_assignment", TAREA, "--force"), cwd=curso)

    # What `collect` would leave: each student's copy of the release, ana's completed, beto's blank.
    fuente = nbformat.read(curso / "source" / TAREA / f"{TAREA}.ipynb", as_version=4)
    for alumno in ALUMNOS:
        entrega = curso / "submitted" / alumno / TAREA
        shutil.copytree(curso / "release" / TAREA, entrega)
        (entrega / "timestamp.txt").write_text("2029-12-31 12:00:00.000000 UTC")
        if alumno == "ana":
            ruta = entrega / f"{TAREA}.ipynb"
            nbformat.write(completar(nbformat.read(ruta, as_version=4), fuente), ruta)

    # Two graders at once on the same gradebook: one autograde per student, concurrently.
    _nbgrader(*[("autograde", TAREA, f"--student={alumno}") for alumno in ALUMNOS], cwd=curso)
    _nbgrader(("export", f"--to={curso / 'notas.csv'}"), cwd=curso)

    tarea = cargar_tarea(TAREA)
    maximo = sum(tarea.puntos(e) for e in tarea.ejercicios)
    esperado = {"ana": maximo, "beto": 0.0}
    with open(curso / "notas.csv", newline="", encoding="utf-8") as archivo:
        exportadas = {f["student_id"]: float(f["raw_score"]) for f in csv.DictReader(archivo) if f["assignment"] == TAREA}
    assert exportadas == esperado

    with Gradebook(postgres_url, course_id=CURSO) as gradebook:
        assert gradebook.db.get_bind().dialect.name == "postgresql"
        assert {a.id: (a.first_name, a.last_name) for a in gradebook.students} == ALUMNOS
        assert {a: gradebook.find_submission(TAREA, a).score for a in ALUMNOS} == esperado
        assert gradebook.find_assignment(TAREA).max_score == maximo
        assert str(gradebook.find_assignment(TAREA).duedate).startswith("2030-01-01")

    # The same scores in plain SQL, and nothing went to SQLite.
    with psycopg.connect(postgres_url) as conexion:
        cursor = conexion.execute("SELECT s.student_id, sum(coalesce(g.manual_score, g.auto_score, 0)) "
                       "FROM grade g JOIN submitted_notebook n ON g.notebook_id = n.id "
                       "JOIN submitted_assignment s ON n.assignment_id = s.id GROUP BY s.student_id")
        assert {alumno: float(total) for alumno, total in cursor.fetchall()} == esperado
    assert not list(curso.rglob("gradebook.db"))
