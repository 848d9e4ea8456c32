"""The action-plan benchmark (`make bench-actions`) runs end to end and ends with its JSON line. No times asserted."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_actions_benchmark_prints_one_json_line_last():
    env = {name: value for name, value in os.environ.items() if name not in ("DATABASE_URL", "REDIS_URL")}
    result = subprocess.run(
        [sys.executable, "bench/bench_actions.py", "--requests", "3", "--warmup", "1"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert list(report) == ["bench", "plan_median_ms", "mine_median_ms", "queries_plan", "queries_mine"]
    assert report["bench"] == "actions"
    assert report["plan_median_ms"] > 0 and report["mine_median_ms"] > 0
    assert 0 < report["queries_plan"] < 15 and 0 < report["queries_mine"] < 15
