"""WeasyPrint in a process of its own, so that printing a PDF does not slow the server's other requests.

Printing a referat is a long stretch of Python (a second or more). In the server's process it
would hold the interpreter lock that the phones' request threads and the live sockets' event
loop need, and all of them would wait their turn. Here the printing happens in a child process
(started once, when the first PDF is asked for, and renewed after PRINTS_PER_PROCESS prints so
that its memory stays bounded), at a lower CPU priority than the server's requests; the request
thread only waits for the bytes.

This module imports nothing from Django: the child imports it and WeasyPrint, and nothing more.
The parent finds the files a document may read (core/pdf.py) and hands over their paths. The
child is started fresh ("spawn"), so it imports the parent's main script again: a script of its
own that prints PDFs keeps its work under `if __name__ == "__main__":`, as manage.py and uvicorn do.
"""

import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

PRINTS_PER_PROCESS = 200
NICENESS = 10  # below the server's request threads: a phone's request gets the CPU first

_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()


class AllowedFiles(URLFetcher):
    """A WeasyPrint URL fetcher for exactly the given files ({file:// URL: path}), and nothing else."""

    def __init__(self, allowed: dict[str, Path]):
        super().__init__(allowed_protocols=("file",))
        self.allowed = allowed

    def fetch(self, url, headers=None):
        path = self.allowed.get(url)
        if path is None:
            raise ValueError(f"Not one of the document's static files: {url}")
        return URLFetcherResponse(url, body=Path(path).read_bytes())


def _start_printing(parent: int) -> None:
    """In the printing process: a lower priority, and an end when the server process has gone.

    A server that is killed cannot stop its printer; the printer sees its parent change.
    """
    os.nice(NICENESS)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def print_here(html: str, allowed: dict[str, Path]) -> bytes:
    """`html` printed as tagged PDF/UA-1, reading only the `allowed` files (in this process)."""
    return HTML(string=html, url_fetcher=AllowedFiles(allowed)).write_pdf(pdf_variant="pdf/ua-1")


def print_apart(html: str, allowed: dict[str, Path], processes: int) -> bytes:
    """The same, in the printing process(es); here when `processes` is 0."""
    if processes <= 0:
        return print_here(html, allowed)
    try:
        return _printer(processes).submit(print_here, html, allowed).result()
    except BrokenProcessPool:  # the child died (killed, out of memory): once more in a new one
        _forget(processes)
        return _printer(processes).submit(print_here, html, allowed).result()


def _printer(processes: int) -> ProcessPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ProcessPoolExecutor(
                max_workers=processes,
                mp_context=multiprocessing.get_context("spawn"),
                max_tasks_per_child=PRINTS_PER_PROCESS,
                initializer=_start_printing,
                initargs=(os.getpid(),),
            )
        return _pool


def _forget(processes: int) -> None:
    global _pool
    with _pool_lock:
        if _pool is not None:
            _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None
