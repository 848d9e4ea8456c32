"""The PDF printing process: it prints, at a lower priority, and goes when its server goes."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from samskab.core import pdf_process

ROOT = Path(__file__).resolve().parent.parent

# A server that starts its printer, says the printer's process id, and is killed (no clean-up).
KILLED_SERVER = """
import os, signal
from samskab.core import pdf_process
printer = pdf_process._printer(1)
print(printer.submit(os.getpid).result(), flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:  # a zombie waiting for its parent has gone too
        return stat.read().split(") ")[-1][0] != "Z"


def test_the_printer_goes_when_its_server_is_killed():
    result = subprocess.run([sys.executable, "-c", KILLED_SERVER], cwd=ROOT, capture_output=True, text=True, timeout=60)
    printer = int(result.stdout.strip())
    for _ in range(100):  # it looks for its parent once a second
        if not alive(printer):
            break
        time.sleep(0.1)
    else:
        os.kill(printer, signal.SIGKILL)
        raise AssertionError("the printing process outlived its killed server")


def test_a_pdf_is_printed_in_another_process_at_a_lower_priority():
    printer = pdf_process._printer(1)
    pid, niceness = printer.submit(_who_and_how_nice).result()
    assert pid != os.getpid()
    assert niceness > os.nice(0)
    pdf = pdf_process.print_apart("<html lang='da'><body><p>Hej</p></body></html>", {}, processes=1)
    assert pdf.startswith(b"%PDF")


def _who_and_how_nice() -> tuple[int, int]:
    return os.getpid(), os.nice(0)
