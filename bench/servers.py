"""Start the app's ASGI server as a separate process, wait until it answers, kill it.

Shared by the workshop benchmark (bench/bench_workshop.py) and the server-restart test
(tests/test_server_restart.py). The server is `uvicorn samskab.asgi:application` as in
production: no access log, DEBUG off. Its database and Redis come from the environment given
to `server_env`; `manage` runs a management command against the same database.
"""

import asyncio
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
# Variables of the calling environment that must not leak into the server's (the test suite's
# own database, settings and Redis).
NOT_INHERITED = ("DATABASE_URL", "SQLITE_PATH", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")


def copy_migrated(path: Path) -> bool:
    """Start from an already migrated SQLite file when SAMSKAB_MIGRATED_SQLITE names one (the suite does)."""
    migrated = os.environ.get("SAMSKAB_MIGRATED_SQLITE")
    if not migrated:
        return False
    shutil.copyfile(migrated, path)
    return True


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(*, sqlite_path: Path | None = None, database_url: str = "", redis_url: str = "", **extra: str) -> dict:
    """The environment for the server and `manage`: one SQLite file (WAL, busy timeout) or DATABASE_URL."""
    env = {name: value for name, value in os.environ.items() if name not in NOT_INHERITED}
    # As in production, whatever the caller's environment says (the suite's says demo): a central
    # konsulent signs in with a code as well.
    env.update(DEBUG="0", LOG_LEVEL="WARNING", PYTHONUNBUFFERED="1", TOTP_REQUIRED="True")
    if sqlite_path is not None:
        env["SQLITE_PATH"] = str(sqlite_path)  # settings.py gives SQLite WAL mode and a busy timeout
    if database_url:
        env["DATABASE_URL"] = database_url
    if redis_url:
        env["REDIS_URL"] = redis_url
    env.update(extra)
    return env


def manage(env: dict, command: str, *args: str, timeout: float = 300) -> str:
    """Run `manage.py <command> <args>` on the server's database; its standard output.

    Without Django's system checks: they cost about 1.2 s of CPU each time, more than most of
    these commands themselves (the suite runs them, tests/test_deploy.py).
    """
    result = subprocess.run(
        [sys.executable, "manage.py", command, "--skip-checks", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {command} {' '.join(args)} failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return result.stdout


def manage_json(env: dict, *args: str) -> dict:
    return json.loads(manage(env, *args).strip().splitlines()[-1])


class Server:
    """One uvicorn process on 127.0.0.1:`port`. Start it again on the same port after a kill."""

    def __init__(self, env: dict, log: Path, port: int | None = None, log_level: str = "warning"):
        self.env = env
        self.log = log
        self.port = port or free_port()
        self.log_level = log_level  # "info" writes a line per WebSocket (without its address: settings.LOGGING)
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def start(self, timeout: float = 60) -> "Server":
        command = [
            sys.executable, "-m", "uvicorn", "samskab.asgi:application",
            "--host", "127.0.0.1", "--port", str(self.port), "--no-access-log", "--log-level", self.log_level,
            "--no-server-header", "--ws-max-size", "4096", "--timeout-keep-alive", "75",
        ]  # fmt: skip
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        self.wait_until_answers(timeout)
        return self

    def wait_until_answers(self, timeout: float) -> None:
        """Until the join page answers: Django is loaded and the database reachable."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"uvicorn exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                conn.request("GET", "/w/")
                status = conn.getresponse().status
                conn.close()
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.05)
        self.kill()
        raise RuntimeError(f"uvicorn did not answer on port {self.port} within {timeout:.0f} s:\n{self.log_tail()}")

    def kill(self) -> None:
        """SIGKILL: no clean-up, no finishing of requests in flight, as in a crash."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        """Stop it politely (SIGTERM), and kill it if it does not stop."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()

    def psutil_processes(self) -> list[psutil.Process]:
        """The server process and any children it started (uvicorn's --workers)."""
        parent = psutil.Process(self.pid)
        return [parent, *parent.children(recursive=True)]

    def log_lines(self, containing: str) -> list[str]:
        """The lines of the server's log that contain `containing` (the live hub's pace, for example)."""
        try:
            return [line for line in self.log.read_text(errors="replace").splitlines() if containing in line]
        except OSError:
            return []

    def log_tail(self, chars: int = 3000) -> str:
        try:
            return self.log.read_text(errors="replace")[-chars:]
        except OSError:
            return ""


async def open_socket(server: Server, path: str, cookies: str):
    """A WebSocket to the server at `path`, opened as a browser with these cookies opens it, and its hello."""
    from websockets.asyncio.client import connect

    socket = await connect(
        f"ws://127.0.0.1:{server.port}{path}",
        origin=server.url,
        additional_headers={"Cookie": cookies},
        max_size=2**22,
        open_timeout=30,
        ping_interval=None,
    )
    hello = json.loads(await asyncio.wait_for(socket.recv(), timeout=30))
    if not hello.get("hello"):
        raise RuntimeError(f"the first frame was not a hello: {hello}")
    return socket, hello
