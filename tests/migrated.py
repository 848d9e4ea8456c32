"""One migrated database per state of the migrations, made once and copied where needed.

Running the migrations costs about 17 s of CPU (Django renders the model state after each of
them), and the suite needs a freshly migrated database many times: each xdist worker's test
database, and the tests that start Django in a subprocess (the benchmarks, `make run`'s server,
the demo guard). So the migrations run once, into `var/test-migrated-<key>.sqlite3`, and every
other place copies that file (SQLite's backup API into a worker's in-memory test database; a
plain file copy for a subprocess). The key covers the migration and model files and the locked
requirements: any change to them makes a new file. Two workers that find no file wait on a lock
while the first one makes it.

On PostgreSQL the same idea uses the server's own copying: the migrations run once into a
template database, `test_<name>_migrated_<key>`, and each worker's test database is created
from it (CREATE DATABASE … TEMPLATE); Django's table creation then finds every table there.
"""

import contextlib
import fcntl
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"
ENV_NAME = "SAMSKAB_MIGRATED_SQLITE"  # the benchmarks copy the file this names instead of migrating


def _key() -> str:
    digest = hashlib.sha256()
    sources = sorted(ROOT.glob("samskab/*/migrations/*.py")) + sorted(ROOT.glob("samskab/*/models*.py"))
    sources += sorted(ROOT.glob("samskab/*/models/*.py")) + [ROOT / "requirements.txt"]
    for path in sources:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def template() -> Path:
    """The migrated SQLite database for the code as it is, made now if it is not there yet."""
    path = VAR / f"test-migrated-{_key()}.sqlite3"
    if path.exists():
        return path
    with _locked():
        if not path.exists():
            _make_sqlite(path)
    return path


@contextlib.contextmanager
def _locked():
    VAR.mkdir(exist_ok=True)
    with open(VAR / "test-migrated.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _migrate(database_url: str) -> None:
    env = {name: value for name, value in os.environ.items() if name not in ("DATABASE_URL", "REDIS_URL", ENV_NAME)}
    env.update(DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE="samskab.test_settings", SAMSKAB_DEV="1")
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(f"migrate failed:\n{result.stderr}")


def _make_sqlite(path: Path) -> None:
    partial = path.with_suffix(f".{os.getpid()}.partial")
    try:
        _migrate(f"sqlite:///{partial}")
    except RuntimeError:
        partial.unlink(missing_ok=True)
        raise
    with sqlite3.connect(partial) as database:  # one self-contained file (no -wal beside it)
        database.execute("PRAGMA journal_mode=DELETE")
    os.replace(partial, path)


def copy_to(path: Path) -> Path:
    """A migrated database at `path` (a new file), for a subprocess to use."""
    shutil.copyfile(template(), path)
    return path


def load_into(connection: sqlite3.Connection) -> None:
    """Replace the whole content of an open SQLite database (e.g. the in-memory test database)."""
    with sqlite3.connect(template()) as source:
        source.backup(connection)


def postgres_template(database: dict) -> str:
    """The name of the migrated template database beside `database` (Django's settings), made if missing."""
    import psycopg

    prefix = f"test_{database['NAME']}_migrated_"
    name = prefix + _key()
    server = {"host": database.get("HOST") or None, "port": database.get("PORT") or None, "user": database.get("USER") or None}
    server["password"] = database.get("PASSWORD") or None
    with _locked(), psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        existing = [row[0] for row in admin.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", [prefix + "%"])]
        if name in existing:
            return name
        for stale in existing:  # made for migrations that have changed since
            admin.execute(f'DROP DATABASE IF EXISTS "{stale}"')
        admin.execute(f'CREATE DATABASE "{name}"')
        credentials = server["user"] or ""
        if server["password"]:
            credentials += f":{server['password']}"
        try:
            _migrate(f"postgres://{credentials}@{server['host'] or ''}:{server['port'] or 5432}/{name}")
        except RuntimeError:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            raise
    return name
