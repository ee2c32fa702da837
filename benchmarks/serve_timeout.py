"""What a query time limit really stops: worker processes (killed) against threads (abandoned).

Usage: python benchmarks/serve_timeout.py [--timeout 2] [--watch 5]

Serves the test build (tests/data/two_outlets.trig) twice with kg serve's app in-process:
once with executor="process" (the default for an on-disk build), once with "thread" (what
an in-memory store gets). Each gets a runaway query (a 4-way cross product, hours of work)
and a time limit. Reports: when the 503 came, how long a small query took right after, and
how much CPU this process and its children burned in the following seconds (from
/proc/self/stat and the children's /proc/PID/stat) -- the runaway's cost after its 503.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
warnings.filterwarnings("ignore")

from starlette.testclient import TestClient  # noqa: E402

from kg.serve import make_app  # noqa: E402
from tests.fixtures import make_build  # noqa: E402

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime + stime
    return total / TICKS


def children() -> list[int]:
    path = Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def run(executor: str, build: Path, timeout: float, watch: float) -> None:
    app = make_app(build, timeout=timeout, workers=1, executor=executor)
    with TestClient(app) as client:
        client.get("/sparql", params={"query": "ASK {}"})  # workers up
        started = time.monotonic()
        answer = client.get("/sparql", params={"query": RUNAWAY})
        waited = time.monotonic() - started
        started = time.monotonic()
        small = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 5"})
        small_s = time.monotonic() - started
        pids = [os.getpid(), *children()]
        before = cpu_seconds(pids)
        time.sleep(watch)
        burned = cpu_seconds(pids) - before
    print(f"{executor:7}  runaway answered {answer.status_code} after {waited:5.2f} s; next query "
          f"{small.status_code} in {small_s * 1000:6.1f} ms; CPU burned in the {watch:g} s after: "
          f"{burned:5.2f} s ({burned / watch:4.0%} of one core)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=2.0)
    parser.add_argument("--watch", type=float, default=5.0)
    args = parser.parse_args()
    build = make_build(Path(tempfile.mkdtemp()) / "out")
    print(f"cores: {os.cpu_count()}; time limit {args.timeout:g} s")
    run("process", build, args.timeout, args.watch)
    run("thread", build, args.timeout, args.watch)


if __name__ == "__main__":
    main()
