"""How fast this machine runs Python, on one core and on both at once: read the other benchmarks'
figures (and the suite's time) against it.

    make bench-machine           # or: .venv/bin/python bench/bench_machine.py

The same fixed piece of pure Python (summing a million squares) is timed `--repeat` times, first
in one process, then in one process per core at the same time; the median of each counts, as a
long run (the suite, a benchmark) sees the typical speed, not the best. The figures differ where
the cores are not whole cores of their own (hyperthreads of one core, a virtual machine sharing
its host's cores with others): on such a machine they also change from one run to the next, and
seconds apart (seen: 61 to 108 ms on one core within a minute). One JSON line on stdout:

    {"bench": "machine", "cores": 2, "one_core_ms": …, "all_cores_ms": …}

`all_cores_ms` is the slowest process's median while all of them ran.
"""

import argparse
import json
import os
import statistics
import time
from concurrent.futures import ProcessPoolExecutor

WORK = 1_000_000


def work() -> None:
    sum(number * number for number in range(WORK))


def median_of(repeat: int) -> float:
    """The median of `repeat` runs of the work, in milliseconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return 1000 * statistics.median(times)


def measure(repeat: int) -> dict:
    cores = os.cpu_count() or 1
    one_core = median_of(repeat)
    with ProcessPoolExecutor(max_workers=cores) as pool:
        list(pool.map(median_of, [1] * cores))  # every process started and warm before the timed runs
        all_cores = max(pool.map(median_of, [repeat] * cores))
    return {"bench": "machine", "cores": cores, "one_core_ms": round(one_core, 1), "all_cores_ms": round(all_cores, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=20, help="runs of the work per process; the median counts")
    args = parser.parse_args()
    print(json.dumps(measure(args.repeat)), flush=True)


if __name__ == "__main__":
    main()
