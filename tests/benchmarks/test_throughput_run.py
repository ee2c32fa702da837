"""The throughput harness's report: with ``--repeat N`` each configuration is its median run, shown with the range."""

from __future__ import annotations

import doctest

from benchmarks.throughput import run


def _build(seconds: float) -> dict:
    return {"seconds": seconds, "cpu_s": seconds * 1.2, "peak_rss_mb": 700, "skipped": 0}


def test_docstring_examples():
    result = doctest.testmod(run)
    assert result.attempted > 0 and result.failed == 0


def test_the_median_run_is_one_of_the_runs_and_keeps_them_all():
    runs = [_build(120.0), _build(110.0), _build(131.0), _build(115.0)]
    median = run.median_run(runs)
    assert median["seconds"] == 115.0 and median["cpu_s"] == 115.0 * 1.2  # a real run, not an average of runs
    assert median["runs"] == [120.0, 110.0, 131.0, 115.0]


def test_the_report_gives_medians_their_range_and_ratios_of_medians():
    bare = {"documents": 10, "pieces": 20, "tokens": 1000, "load_s": 0.4, "parse_s": 50.0, "parse_cpu_s": 50.0,
            "seconds": 55.0, "cpu_s": 55.0, "peak_rss_mb": 170}
    results = {"nproc": 2, "batch_size": 16, "records": 10, "load_before": "1", "load_after": "1",
               "bare": run.median_run([bare, {**bare, "seconds": 57.0}, {**bare, "seconds": 54.0}]),
               "serial": run.median_run([_build(120.0), _build(110.0), _build(131.0)]),
               "processes_1": run.median_run([_build(100.0)]),
               "processes_2": run.median_run([_build(80.0)])}
    report = run.format_markdown(results)
    assert "whole process 55.0 (54.0-57.0) s" in report
    assert "| serial | 120.0 (110.0-131.0) | 144.0 |" in report
    assert "| 2.18x | 2.40x |" in report  # 120 against the bare medians 55 and 50
    assert "| processes_1 | 100.0 | " in report  # one run: no range
    assert "2 workers vs 1: 1.25x faster." in report
