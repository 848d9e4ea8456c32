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

from tests import migrated

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
    "SAMSKAB_DEV",
    "SAMSKAB_DEMO",
    "ALLOWED_HOSTS",
    "SERVE_STATIC",
    "EMAIL_HOST",
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
        "EMAIL_HOST": "smtp.example.dk",
    }
    return environment(tmp_path, **(defaults | settings))


def development(tmp_path: Path) -> dict[str, str]:
    """What `make run` sets: development (the built-in key) and a demo."""
    return environment(tmp_path, SAMSKAB_DEV="1", SAMSKAB_DEMO="1")


def make_run_server_command(port: int) -> list[str]:
    """The uvicorn command line of `make run`, read from the Makefile (`make -n` runs nothing)."""
    done = run(["make", "--no-print-directory", "-n", "run", f"PORT={port}"], environment(Path("/tmp")))
    lines = [line for line in done.stdout.splitlines() if "uvicorn samskab.asgi:application" in line]
    assert len(lines) == 1, done.stdout + done.stderr
    return [UVICORN, *lines[0].split()[1:]]


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
    # A guard against a hang, not a speed check: a sign-in (PBKDF2) on a machine at load 20 took more than 10 s.
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
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
    """`make run`'s server on a free port: a fresh temporary SQLite database, migrated, with the demo.

    The database starts as the suite's migrated copy (tests/migrated.py), so `migrate` here finds
    nothing left to do, as on every `make run` after the first. Both commands skip Django's system
    checks (1.2 s of CPU each): the tests below run `check` with the same settings.
    """
    tmp_path = tmp_path_factory.mktemp("server")
    env = development(tmp_path)
    migrated.copy_to(Path(env["SQLITE_PATH"]))
    for command in (["migrate", "--noinput", "--skip-checks"], ["load_demo", "--skip-checks"]):
        done = run([PYTHON, "manage.py", *command], env)
        assert done.returncode == 0, done.stderr
    port = free_port()
    log = tmp_path / "uvicorn.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            make_run_server_command(port),
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


def test_production_behind_tls_refuses_the_development_key_even_when_development_is_said(tmp_path):
    env = production(tmp_path, SAMSKAB_DEV="1")
    del env["SECRET_KEY"]
    result = run([PYTHON, "-c", "import samskab.asgi"], env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_without_a_secret_key_nothing_starts_unless_development_is_said(tmp_path):
    result = run([PYTHON, "manage.py", "check"], environment(tmp_path))
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
    assert run([PYTHON, "manage.py", "check"], development(tmp_path)).returncode == 0


def test_the_deployment_checks_fail_with_the_development_key(tmp_path):
    env = production(tmp_path, SECURE="0", SAMSKAB_DEV="1")
    del env["SECRET_KEY"]
    result = run([PYTHON, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)
    assert result.returncode != 0
    assert "security.W009" in result.stdout + result.stderr


def test_production_refuses_to_start_without_a_mail_server(tmp_path):
    env = production(tmp_path)
    del env["EMAIL_HOST"]
    result = run([PYTHON, "-c", "import samskab.asgi"], env)
    assert result.returncode != 0
    assert "EMAIL_HOST" in result.stderr


def test_the_server_started_like_make_run_names_no_server_and_sends_the_security_policies(server):
    _status, headers, _body = request(server, "GET", "/log-ind/")
    assert headers.get("Server") is None
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert "camera=()" in headers["Permissions-Policy"]


def test_make_run_limits_websocket_frames_to_what_the_consumers_accept():
    from django.conf import settings

    command = make_run_server_command(8000)
    assert "--no-server-header" in command and "--no-access-log" in command
    assert command[command.index("--ws-max-size") + 1] == str(settings.WS_MAX_FRAME)


def test_make_run_keeps_an_idle_connection_open_longer_than_a_proxy_keeps_its_own():
    """A server that closes an idle connection while a card is sent on it fails that send (the
    phone sends it again; behind nginx the phone gets a 502): the app keeps it longer than nginx's
    upstream keep-alive (60 s) and a phone's pause between two sends."""
    command = make_run_server_command(8000)
    assert int(command[command.index("--timeout-keep-alive") + 1]) > 60


def test_the_server_started_like_make_run_answers_on_a_connection_idle_for_longer_than_uvicorns_default(server):
    conn = http.client.HTTPConnection("127.0.0.1", server, timeout=60)
    try:
        for pause in (0, 6):  # uvicorn's own default closes a connection idle for 5 s
            time.sleep(pause)
            conn.request("GET", "/log-ind/")
            response = conn.getresponse()
            response.read()
            assert response.status == 200
    finally:
        conn.close()


def test_the_server_started_like_make_run_refuses_a_large_body_before_reading_it(server):
    """A body declared larger than the limit is answered with 413 while most of it is unsent."""
    with socket.create_connection(("127.0.0.1", server), timeout=10) as sock:
        sock.sendall(
            b"POST /log-ind/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
            b"Content-Length: 20971520\r\n\r\n" + b"x" * 65536
        )
        answer = sock.recv(65536)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]


def test_the_sqlite_database_uses_wal_mode(tmp_path):
    env = development(tmp_path)
    result = django_says(
        "from django.db import connection\n"
        "with connection.cursor() as cursor:\n"
        "    cursor.execute('PRAGMA journal_mode')\n"
        "    print(connection.vendor, cursor.fetchone()[0])",
        env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["sqlite", "wal"]
