"""`make bench-workshop`'s facilitate scenario runs end to end: a small room, every move seen by every
phone and the projector. No times asserted (those are for the README, on a quiet machine)."""

from tests.test_bench import only_report, run_bench


def test_every_move_of_the_facilitator_reaches_every_phone_and_the_projector():
    result = run_bench("bench_workshop.py", "--quick", "--scenario", "facilitate")
    report = only_report(result)
    assert list(report) == [
        "bench", "scenario", "phones", "cards", "moves", "late", "move_p50_ms", "move_p95_ms", "move_max_ms",
    ]  # fmt: skip
    assert (report["bench"], report["scenario"]) == ("workshop", "facilitate")
    assert report["moves"] == report["cards"] == 10  # --quick: 4 phones, 10 cards
    assert report["late"] == 0, result.stderr  # every move reached every phone and the wall
    assert 0 < report["move_p50_ms"] <= report["move_p95_ms"] <= report["move_max_ms"]
