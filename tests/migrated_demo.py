"""A migrated SQLite database with Demo Kommune loaded, made once and copied where needed.

Several tests start Django in a subprocess on a database of its own and load the demo there
first (the benchmarks, the killed and restarted server, the server's log): about 2.7 s of CPU
each, most of it approving the demo's referat. They copy this file instead, and their own
`demo.load()` finds the demo there and returns at once.

The file is made as those subprocesses made the demo: `manage.py bench_workshops prepare` with
the real settings (and so their password hasher), on a copy of tests/migrated.py's file. Its
name holds the day, as the demo's dates are counted from it, and a key over the migrated file
and the app's code, templates and translations (any of them may change what the demo writes).
When a new one is made, the others made more than an hour ago are removed (a run that started on
other code has copied them by then). Two workers that find no file wait on a lock while the
first one makes it.
"""

import contextlib
import fcntl
import hashlib
import os
import shutil
import sqlite3
import time
from datetime import date
from pathlib import Path

from bench.servers import manage, server_env
from tests import migrated

ROOT = migrated.ROOT
PREFIX = "test-demo-"


def _key() -> str:
    digest = hashlib.sha256(migrated.template().name.encode())
    sources = [*ROOT.glob("samskab/**/*.py"), *ROOT.glob("samskab/**/*.html"), *ROOT.glob("locale/*/LC_MESSAGES/*.po")]
    for path in sorted(sources):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def template() -> Path:
    """The migrated database with today's Demo Kommune, made now if it is not there yet."""
    today = date.today().isoformat()
    path = migrated.VAR / f"{PREFIX}{today}-{_key()}.sqlite3"
    if path.exists():
        return path
    migrated.VAR.mkdir(exist_ok=True)
    with open(migrated.VAR / f"{PREFIX}lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not path.exists():
            _make(path)
            _remove_older_than(path, seconds=3600)
    return path


def _remove_older_than(kept: Path, seconds: float) -> None:
    for other in migrated.VAR.glob(f"{PREFIX}*.sqlite3"):
        with contextlib.suppress(FileNotFoundError):  # removed meanwhile by another run
            if other != kept and time.time() - other.stat().st_mtime > seconds:
                other.unlink()


def copy_to(path: Path) -> Path:
    """A migrated database with the demo at `path` (a new file), for a subprocess to use."""
    shutil.copyfile(template(), path)
    return path


def _make(path: Path) -> None:
    partial = path.with_suffix(f".{os.getpid()}.partial")
    migrated.copy_to(partial)
    try:
        manage(server_env(sqlite_path=partial), "bench_workshops", "prepare")
        with contextlib.closing(sqlite3.connect(partial)) as database:  # one self-contained file (the WAL folded in)
            database.execute("PRAGMA journal_mode=DELETE")
        os.replace(partial, path)
    finally:
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            leftover.unlink(missing_ok=True)
