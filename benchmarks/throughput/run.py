"""Throughput, memory and incremental cost of ``kg build`` on the ECB+ articles (issue 8).

Steps (``--steps``, comma separated; default all but ``memory``):

- ``bare``: the reference, bare ``nlp.pipe`` over the texts the build parses (one process,
  same model and batch size; :mod:`benchmarks.throughput.bare`).
- ``build``: ``kg build CORPUS --no-page`` (exports ttl and trig) as a subprocess with the
  ``serial`` executor and with ``processes`` and 1 and 2 workers: wall time, documents/s,
  tokens/s (tokens counted by the reference), peak RSS of the process tree, ratios.
- ``stages``: where the time of a serial build goes (:mod:`benchmarks.throughput.stages`).
- ``incremental``: after the 2-worker build, add 1% new documents (copies of the first
  1% with a header line) and build again into the same folder.
- ``memory``: peak RSS of ``kg build`` (default executor) on the corpus and on 10 copies
  of it (each copy with its own header line, so every document is new).

Every number of one run comes from the same machine state; the load average is recorded
before and after. Results print as a markdown table (and ``--json FILE``).

``--repeat N`` runs ``bare`` and the three builds N times, in rounds (bare, serial, 1 worker,
2 workers, then again), and reports each one's median run with the range of all: on a shared
2-core machine one build varies by 5-10% from run to run, as much as a change worth keeping.

    python -m benchmarks.throughput.run --work /tmp/tp --markdown
    python -m benchmarks.throughput.run --steps bare,build --repeat 3 --work /tmp/tp --markdown
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from benchmarks.throughput.corpus import read_records, write_corpus
from benchmarks.throughput.measure import measure, project_env

__all__ = ["main"]

DEFAULT_STEPS = ("bare", "build", "stages", "incremental")
BATCH_SIZE = 16


def _python(*args: str) -> list[str]:
    return [sys.executable, *args]


def _kg_build(inputs: Sequence[Path], out: Path, *extra: str) -> list[str]:
    return _python("-m", "kg", "build", *map(str, inputs), "--out", str(out), "--no-page", "-q",
                   "--batch-size", str(BATCH_SIZE), *extra)


def _check(run, what: str) -> None:
    """Exit code 1 with only 'skipped' lines is a build that left out unreadable inputs: still measured."""
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    if run.returncode == 0 or (run.returncode == 1 and lines and all(l.startswith("kg: skipped:") for l in lines)):
        return
    raise SystemExit(f"{what} failed (exit {run.returncode}):\n{run.stderr[-3000:]}")


def _load() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


class _Results(dict):
    """The results, each also written to stderr as one JSON line when it arrives (a long run that is stopped
    keeps the steps it finished)."""

    def __setitem__(self, key, value) -> None:
        super().__setitem__(key, value)
        print(json.dumps({key: value, "load": _load()}), file=sys.stderr, flush=True)


def median_run(runs: Sequence[dict]) -> dict:
    """The run of median wall time (the lower of the two middle ones for an even count), with every run's
    seconds under ``runs`` when there are several.

    >>> median_run([{"seconds": 3.0}, {"seconds": 1.0}, {"seconds": 2.0}])
    {'seconds': 2.0, 'runs': [3.0, 1.0, 2.0]}
    >>> median_run([{"seconds": 5.0}])
    {'seconds': 5.0}
    """
    if len(runs) == 1:
        return dict(runs[0])
    middle = sorted(runs, key=lambda run: run["seconds"])[(len(runs) - 1) // 2]
    return {**middle, "runs": [run["seconds"] for run in runs]}


def run_steps(steps: Sequence[str], work: Path, repeat: int = 1) -> dict:
    env = project_env()
    results: dict = _Results(nproc=os.cpu_count(), load_before=_load(), batch_size=BATCH_SIZE)
    records = read_records()
    corpus = write_corpus(records, work / "ecbplus.jsonl")
    results["records"] = len(records)

    def build(name: str, *extra: str, inputs: Sequence[Path] = (corpus,), fresh: bool = True) -> dict:
        out = work / name
        if fresh:
            shutil.rmtree(out, ignore_errors=True)
        run = measure(_kg_build(inputs, out, *extra), env=env)
        _check(run, name)
        skipped = sum(1 for l in run.stderr.splitlines() if l.startswith("kg: skipped:"))
        return {"seconds": round(run.seconds, 2), "cpu_s": round(run.cpu_seconds, 2),
                "peak_rss_mb": round(run.peak_rss / 2**20), "skipped": skipped}

    def bare() -> dict:
        run = measure(_python("-m", "benchmarks.throughput.bare", str(corpus), "--batch-size", str(BATCH_SIZE)), env=env)
        _check(run, "bare")
        reference = json.loads(run.stdout)
        reference["seconds"] = round(run.seconds, 2)  # the whole process, startup and model load included
        reference["cpu_s"] = round(run.cpu_seconds, 2)
        reference["peak_rss_mb"] = round(run.peak_rss / 2**20)
        return reference

    timed = {"bare": bare} if "bare" in steps else {}
    if "build" in steps:
        timed["serial"] = lambda: build("serial", "--executor", "serial")
        timed["processes_1"] = lambda: build("processes-1", "--executor", "processes", "--workers", "1")
        timed["processes_2"] = lambda: build("processes-2", "--executor", "processes", "--workers", "2")
    runs: dict[str, list[dict]] = {name: [] for name in timed}
    for round_ in range(repeat):
        for name, step in timed.items():
            runs[name].append(step())  # each run on stderr as it ends: a stopped run keeps what it measured
            print(json.dumps({"round": round_ + 1, name: runs[name][-1], "load": _load()}), file=sys.stderr, flush=True)
    for name in timed:
        results[name] = median_run(runs[name])
    if "stages" in steps:
        run = measure(_python("-m", "benchmarks.throughput.stages", str(corpus), "--out", str(work / "stages"),
                              "--batch-size", str(BATCH_SIZE)), env=env)
        _check(run, "stages")
        results["stages"] = json.loads(run.stdout)
    if "incremental" in steps:
        if not (work / "processes-2").is_dir():
            results["processes_2"] = build("processes-2", "--executor", "processes", "--workers", "2")
        extra = write_corpus(records[: max(1, len(records) // 100)], work / "new.jsonl", first=1)
        run = measure(_python("-m", "benchmarks.throughput.stages", str(corpus), str(extra), "--out",
                              str(work / "processes-2"), "--executor", "serial", "--batch-size", str(BATCH_SIZE)),
                      env=env)
        _check(run, "incremental")
        inc = json.loads(run.stdout)
        inc["seconds"] = round(run.seconds, 2)
        inc["cpu_s"] = round(run.cpu_seconds, 2)
        inc["new_records"] = max(1, len(records) // 100)
        results["incremental"] = inc
    if "memory" in steps:
        ten = write_corpus(records, work / "ecbplus-x10.jsonl", copies=10)
        results["memory_1x"] = build("memory-1x")
        results["memory_10x"] = build("memory-10x", inputs=(ten,))
    results["commit"] = _commit()
    results["load_after"] = _load()
    return results


def _commit() -> str:
    """The measured checkout's commit (and "+dirty" with uncommitted changes), or "unknown" outside git."""
    import subprocess

    root = Path(__file__).resolve().parents[2]
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return os.environ.get("KG_COMMIT", "unknown")
    return head + ("+dirty" if dirty else "")


def _seconds(row: dict) -> str:
    """A run's seconds; with several runs, the median one's and the range of all (``90.2 (88.1-97.4)``)."""
    runs = row.get("runs")
    return f"{row['seconds']:.1f}" + (f" ({min(runs):.1f}-{max(runs):.1f})" if runs else "")


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b else "-"


def format_markdown(r: dict) -> str:
    lines = [f"nproc {r['nproc']}, batch size {r['batch_size']}, {r['records']} records; "
             f"load average (1/5/15 min) before {r['load_before']}, after {r['load_after']}; "
             f"code {r.get('commit', 'unknown')}", ""]
    bare = r.get("bare")
    if bare:
        lines += [f"Reference (bare nlp.pipe, one process): {bare['documents']} documents, {bare['pieces']} texts, "
                  f"{bare['tokens']} tokens; model load {bare['load_s']:.1f} s, parse {bare['parse_s']:.1f} s "
                  f"({bare.get('parse_cpu_s', 0):.1f} s CPU), whole process {_seconds(bare)} s "
                  f"({bare.get('cpu_s', 0):.1f} s CPU), peak RSS {bare['peak_rss_mb']} MB.", ""]
    rows = [(k, r[k]) for k in ("serial", "processes_1", "processes_2") if k in r]
    if rows:
        lines += ["| kg build | seconds | CPU s | docs/s | tokens/s | peak RSS MB | vs bare process | vs bare parse "
                  "| CPU vs bare parse CPU |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for name, row in rows:
            docs = (bare["documents"] - row["skipped"]) if bare else 0
            lines.append(
                f"| {name} | {_seconds(row)} | {row.get('cpu_s', 0):.1f} | {docs / row['seconds']:.1f} | "
                f"{(bare['tokens'] if bare else 0) / row['seconds']:.0f} | {row['peak_rss_mb']} | "
                f"{_ratio(row['seconds'], bare['seconds']) if bare else '-'} | "
                f"{_ratio(row['seconds'], bare['parse_s']) if bare else '-'} | "
                f"{_ratio(row.get('cpu_s', 0), bare.get('parse_cpu_s', 0)) if bare else '-'} |")
        if "processes_1" in r and "processes_2" in r:
            lines += ["", f"2 workers vs 1: {_ratio(r['processes_1']['seconds'], r['processes_2']['seconds'])} faster."]
        lines.append("")
    if "stages" in r:
        s = r["stages"]
        lines += ["Serial build by stage (s): " + ", ".join(f"{k} {v:.1f}" for k, v in s["stages"].items())
                  + f"; total {s['total_s']:.1f}", ""]
        if "stages_cpu" in s:
            lines += ["Same, CPU s of the process: " + ", ".join(f"{k} {v:.1f}" for k, v in s["stages_cpu"].items())
                      + f"; total {s['total_cpu_s']:.1f}", ""]
    if "incremental" in r:
        inc = r["incremental"]
        full = r.get("processes_2", {}).get("seconds")
        lines += [f"Incremental: {inc['new_records']} new records on the built corpus: built {inc['built']}, "
                  f"unchanged {inc['unchanged']}, {inc['seconds']:.1f} s in all, {inc.get('cpu_s', 0):.1f} s CPU "
                  f"(full 2-worker build {full} s, {r.get('processes_2', {}).get('cpu_s')} s CPU); stages (s): "
                  + ", ".join(f"{k} {v:.1f}" for k, v in inc["stages"].items())
                  + ("; CPU s: " + ", ".join(f"{k} {v:.1f}" for k, v in inc["stages_cpu"].items())
                     if "stages_cpu" in inc else ""), ""]
    if "memory_1x" in r:
        a, b = r["memory_1x"], r["memory_10x"]
        lines += [f"Memory (default executor): 1x {a['peak_rss_mb']} MB in {a['seconds']:.0f} s, 10x "
                  f"{b['peak_rss_mb']} MB in {b['seconds']:.0f} s: {_ratio(b['peak_rss_mb'], a['peak_rss_mb'])}.", ""]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", default=",".join(DEFAULT_STEPS))
    parser.add_argument("--work", default=None, help="folder for the corpus and the builds (default: a temporary one)")
    parser.add_argument("--json", default=None, help="also write the results as JSON to this file")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run bare and the builds this many times, in rounds, and report the median runs")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    steps = [s for s in args.steps.split(",") if s]
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="kg-throughput-"))
    work.mkdir(parents=True, exist_ok=True)
    results = run_steps(steps, work, repeat=args.repeat)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    print(format_markdown(results) if args.markdown else json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
