"""Deployment: production settings, the ASGI server as `make run` starts it, secrets and SQLite.

Each test runs Django in a subprocess with the environment it describes, so that the settings
are read exactly as a server would read them, not as the test suite's settings.
"""

import http.client
import os
import secrets
import socket
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
UVICORN = str(Path(sys.executable).parent / "uvicorn")

# Anything in the caller's environment that would change what these tests check.
CONFIGURATION = (
    "DJANGO_SETTINGS_MODULE",
    "DATABASE_URL",
    "REDIS_URL",
    "SQLITE_PATH",
    "DEBUG",
    "SECURE",
    "SECRET_KEY",
    "SECRET_KEY_FILE",
    "SAMSKAB_INSECURE_DEV_KEY",
    "ALLOWED_HOSTS",
    "SERVE_STATIC",
)


def environment(tmp_path: Path, **settings: str) -> dict[str, str]:
    """The environment of a fresh checkout: SQLite in tmp_path, plus `settings`."""
    env = {name: value for name, value in os.environ.items() if name not in CONFIGURATION}
    env["SQLITE_PATH"] = str(tmp_path / "samskab.sqlite3")
    env.update(settings)
    return env


def production(tmp_path: Path, **settings: str) -> dict[str, str]:
    defaults = {
        "DEBUG": "0",
        "SECURE": "1",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "samskab.example.dk",
        "SAMSKAB_INSECURE_DEV_KEY": "0",
    }
    return environment(tmp_path, **(defaults | settings))


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def django_says(code: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    """Run `code` after django.setup() with the real settings (not the test settings)."""
    setup = "import os, django; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'samskab.settings'); django.setup()\n"
    return run([PYTHON, "-c", setup + code], env)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(port: int, path: str) -> tuple[int, str, bytes]:
    status, headers, body = request(port, "GET", path)
    return status, headers.get("Content-Type", ""), body


def request(port: int, method: str, path: str, body: str = "", headers: dict | None = None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request(method, path, body=body.encode(), headers=headers or {})
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()


def cookies(headers) -> dict[str, str]:
    jar = SimpleCookie()
    for header in headers.get_all("Set-Cookie") or []:
        jar.load(header)
    return {name: morsel.value for name, morsel in jar.items()}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`make run`'s server on a free port: a fresh temporary SQLite database, migrated, with the demo."""
    tmp_path = tmp_path_factory.mktemp("server")
    env = environment(tmp_path)
    for command in (["migrate", "--noinput"], ["load_demo"]):
        done = run([PYTHON, "manage.py", *command], env)
        assert done.returncode == 0, done.stderr
    port = free_port()
    log = tmp_path / "uvicorn.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [UVICORN, "samskab.asgi:application", "--host", "127.0.0.1", "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, f"uvicorn exited:\n{log.read_text()}"
            try:
                get(port, "/log-ind/")
                break
            except OSError:
                assert time.monotonic() < deadline, f"uvicorn did not answer:\n{log.read_text()}"
                time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_production_settings_pass_the_deployment_checks(tmp_path):
    result = run([PYTHON, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], production(tmp_path))
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "no issues" in output


def test_the_deployment_checks_would_catch_debug_left_on(tmp_path):
    result = run([PYTHON, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], production(tmp_path, DEBUG="1"))
    assert result.returncode != 0
    assert "security.W018" in result.stdout + result.stderr


def test_the_server_started_like_make_run_serves_the_login_page(server):
    status, content_type, body = get(server, "/log-ind/")
    assert status == 200
    assert content_type.startswith("text/html")
    assert b'name="password"' in body


def test_the_server_started_like_make_run_serves_static_files(server):
    status, content_type, body = get(server, "/static/vendor/dkfds/css/dkfds.min.css")
    assert status == 200
    assert content_type.startswith("text/css")
    assert len(body) > 10_000


def test_a_persona_logs_in_through_the_server_and_sees_their_processes(server):
    status, headers, body = request(server, "GET", "/log-ind/")
    token = body.split(b'name="csrfmiddlewaretoken" value="', 1)[1].split(b'"', 1)[0].decode()
    jar = cookies(headers)
    form = urlencode({"csrfmiddlewaretoken": token, "username": "konsulent", "password": "samskab-demo"})
    status, headers, _ = request(
        server,
        "POST",
        "/log-ind/",
        form,
        {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={jar['csrftoken']}"},
    )
    assert status == 302
    session = cookies(headers)["sessionid"]
    status, _, body = request(server, "GET", headers["Location"], headers={"Cookie": f"sessionid={session}"})
    assert status == 200
    assert "Mindre bøvl, mere tid hos borgerne" in body.decode()


def test_the_secret_key_is_read_from_the_file_named_by_secret_key_file(tmp_path):
    key = secrets.token_urlsafe(64)
    key_file = tmp_path / "secret_key"
    key_file.write_text(key + "\n")
    env = production(tmp_path, SECRET_KEY_FILE=str(key_file))
    del env["SECRET_KEY"]
    result = django_says("from django.conf import settings; print(settings.SECRET_KEY)", env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == key


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = production(tmp_path)
    del env["SECRET_KEY"]
    result = run([PYTHON, "-c", "import samskab.asgi"], env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_behind_tls_refuses_the_development_key_even_when_not_told_to(tmp_path):
    env = production(tmp_path)
    del env["SECRET_KEY"], env["SAMSKAB_INSECURE_DEV_KEY"]
    result = run([PYTHON, "-c", "import samskab.asgi"], env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_the_sqlite_database_uses_wal_mode(tmp_path):
    env = environment(tmp_path)
    result = django_says(
        "from django.db import connection\n"
        "with connection.cursor() as cursor:\n"
        "    cursor.execute('PRAGMA journal_mode')\n"
        "    print(connection.vendor, cursor.fetchone()[0])",
        env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["sqlite", "wal"]
