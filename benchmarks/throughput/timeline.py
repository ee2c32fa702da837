"""A timeline of one ``processes`` build: what each process does when, in wall and CPU time.

Made to see why 2 workers are not twice as fast as 1: each process appends its events to
``EVENTS/ev-PID.jsonl`` (``time.perf_counter`` start and end, which is one clock across the
processes of a Linux machine, and thread / process CPU). The main process's events come from
wrapping ``kg.parallel._bounded`` (``read``: the next batch from ingest, ``submit``, ``wait``:
blocked on the oldest batch's result, ``consumer``: the build's loop body between two results)
and the store and build functions (``load``, ``cache``, ``seal``, ``close``, ``resolve``,
``exports``, ...). Workers get ``init`` (spaCy's load) and ``batch``, split into ``extract``,
``convert`` and ``piece``; they are wrapped by a pool initializer and a batch function of this
module, which the spawned workers import by name. A thread samples the main process's threads'
CPU by name (``rocksdb:low`` is compaction) and the machine's busy time every half second, so
the share of the cores other jobs took is known.

    python -m benchmarks.throughput.timeline run CORPUS OUT EVENTS --workers 2
    python -m benchmarks.throughput.timeline summary EVENTS      # one JSON object

Run it from the repository root (the workers import ``benchmarks.throughput.timeline``).
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import re
import sys
import threading
import time
from collections import defaultdict, deque

__all__ = ["main", "summary", "timed_build"]

_EVENTS = "KG_TIMELINE_DIR"


def _clock() -> tuple[float, float, float]:
    return time.perf_counter(), time.thread_time(), time.process_time()


def _log(name: str, start: tuple[float, float, float], **extra) -> None:
    end = _clock()
    row = {"pid": os.getpid(), "ev": name, "t0": start[0], "t1": end[0], "cpu": end[1] - start[1],
           "pcpu": end[2] - start[2], **extra}
    with open(os.path.join(os.environ[_EVENTS], f"ev-{os.getpid()}.jsonl"), "a") as f:
        f.write(json.dumps(row) + "\n")


def _wrap(owner, attr: str, name: str) -> None:
    original = getattr(owner, attr)

    def timed(*args, **kwargs):  # no functools.wraps: pickled by this module's name, not the original's
        start = _clock()
        try:
            return original(*args, **kwargs)
        finally:
            _log(name, start)

    setattr(owner, attr, timed)


def worker_init(settings) -> None:
    """The pool's initializer in each worker: spaCy's load timed, then the worker stages wrapped."""
    import kg.export.formats
    import kg.extract
    import kg.parallel
    import kg.rdf.convert

    start = _clock()
    kg.parallel._init_worker(settings)
    _log("init", start)
    _wrap(kg.extract, "extract_parsed", "extract")
    _wrap(kg.rdf.convert, "document_nquads", "convert")
    _wrap(kg.export.formats, "document_piece", "piece")


def worker_batch(documents, settings):
    """``kg.parallel.process_batch`` in a worker, timed."""
    import kg.parallel

    start = _clock()
    try:
        return kg.parallel.process_batch(documents, settings)
    finally:
        _log("batch", start, n=len(documents))


def bounded(submit, items, limit: int, result):
    """``kg.parallel._bounded`` with each step timed (same order, same bound)."""
    pending: deque = deque()
    items = iter(items)

    def step(name, fn, *args):
        start = _clock()
        try:
            return fn(*args)
        finally:
            _log(name, start, inflight=len(pending))

    def give():
        value = step("wait", result, pending.popleft())
        start = _clock()
        yield value
        _log("consumer", start)

    while (item := step("read", next, items, None)) is not None:
        pending.append(step("submit", submit, item))
        if len(pending) >= limit:
            yield from give()
    while pending:
        yield from give()


def _ticks(path: str) -> int:
    with open(path) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def _sample(stop: threading.Event, out: str) -> None:
    """Every half second: the machine's busy ticks and this process's threads' ticks (Linux /proc)."""
    me, rows = os.getpid(), []
    while not stop.is_set():
        with open("/proc/stat") as f:
            cpu = [int(x) for x in f.readline().split()[1:]]
        threads = {}
        for tid in os.listdir(f"/proc/{me}/task"):
            try:
                with open(f"/proc/{me}/task/{tid}/comm") as comm:
                    threads[f"{comm.read().strip()}:{tid}"] = _ticks(f"/proc/{me}/task/{tid}/stat")
            except OSError:
                pass
        rows.append({"t": time.perf_counter(), "machine_busy": sum(cpu) - cpu[3] - cpu[4], "threads": threads})
        stop.wait(0.5)
    with open(os.path.join(out, "samples.json"), "w") as f:
        json.dump(rows, f)


def timed_build(corpus: str, out: str, events: str, workers: int, exports=("ttl", "trig", "nq", "jsonld")) -> dict:
    """Build ``corpus`` into ``out`` with the ``processes`` executor, logging events into ``events``."""
    import kg.build
    import kg.parallel
    import kg.resolve
    import kg.store

    os.makedirs(events, exist_ok=True)
    os.environ[_EVENTS] = events  # the spawned workers inherit it
    kg.parallel._bounded = bounded
    kg.parallel.process_batch = worker_batch
    kg.parallel._init_worker = worker_init
    for owner, attr, name in [(kg.store.Store, "load_documents", "load"), (kg.store.Store, "cache_export", "cache"),
                              (kg.store.Store, "seal_documents", "seal"), (kg.store.Store, "flush", "flush"),
                              (kg.resolve, "resolve", "resolve"), (kg.build, "write_outputs", "exports"),
                              (kg.build, "graph_stats", "stats"), (kg.parallel, "make_executor", "start"),
                              (kg.build, "release_free_memory", "release"),
                              (kg.parallel.ProcessExecutor, "close", "close")]:
        _wrap(owner, attr, name)
    stop = threading.Event()
    sampler = threading.Thread(target=_sample, args=(stop, events), daemon=True)
    sampler.start()
    start = _clock()
    report = kg.build.build([corpus], out, executor="processes", workers=workers, exports=exports)
    _log("build", start, built=report.built)
    stop.set()
    sampler.join()
    return {"built": report.built, "skipped": len(report.skipped)}


def _overlap(a: float, b: float, spans: list[tuple[float, float]]) -> float:
    return sum(max(0.0, min(b, s1) - max(a, s0)) for s0, s1 in spans)


def summary(events: str) -> dict:
    """Phases, the main process's and each worker's wall and CPU, worker idle time by what the main process did."""
    rows = [json.loads(line) for path in glob.glob(os.path.join(events, "ev-*.jsonl")) for line in open(path)]
    build = next(e for e in rows if e["ev"] == "build")
    mains = [e for e in rows if e["pid"] == build["pid"]]
    first = {e["ev"]: e for e in reversed(mains)}
    start, close, resolve = first["start"], first["close"], first["resolve"]
    batches = [e for e in rows if e["ev"] == "batch"]
    last_batch = max(e["t1"] for e in batches)
    r = lambda x: round(x, 2)  # noqa: E731
    out = {"wall": r(build["t1"] - build["t0"]), "main_thread_cpu": r(build["cpu"]), "main_process_cpu": r(build["pcpu"]),
           "phases_wall": {"open, read ahead": r(start["t0"] - build["t0"]),
                           "executor start -> first batch": r(min(e["t0"] for e in batches) - start["t0"]),
                           "first -> last batch": r(last_batch - min(e["t0"] for e in batches)),
                           "last batch -> close end (last load, seal, pool shutdown)": r(close["t1"] - last_batch),
                           "close -> resolve": r(resolve["t0"] - close["t1"]),
                           "tail (resolve, flush, exports, counts)": r(build["t1"] - resolve["t0"])}}
    by: dict = defaultdict(lambda: defaultdict(float))
    for e in mains:
        by[e["ev"]]["wall"] += e["t1"] - e["t0"]
        by[e["ev"]]["thread_cpu"] += e["cpu"]
        by[e["ev"]]["process_cpu"] += e["pcpu"]
        by[e["ev"]]["n"] += 1
    out["main"] = {k: {m: r(v) for m, v in d.items()} for k, d in sorted(by.items())}
    spans = {name: [(e["t0"], e["t1"]) for e in mains if e["ev"] in names]
             for name, names in [("consumer", ("consumer",)), ("read", ("read", "submit")), ("wait", ("wait",))]}
    out["workers"] = {}
    for pid in sorted({e["pid"] for e in batches}):
        mine = sorted((e for e in rows if e["pid"] == pid), key=lambda e: e["t0"])
        done = [e for e in mine if e["ev"] == "batch"]
        cpu = defaultdict(float)
        for e in mine:
            cpu[e["ev"]] += e["cpu"]
        gaps = [(a["t1"], b["t0"]) for a, b in zip(done, done[1:])]
        out["workers"][pid] = {
            "batches": len(done), "busy_wall": r(sum(e["t1"] - e["t0"] for e in done)), "init_cpu": r(cpu["init"]),
            "batch_cpu": r(cpu["batch"]), "parse_cpu": r(cpu["batch"] - cpu["extract"] - cpu["convert"] - cpu["piece"]),
            "extract_cpu": r(cpu["extract"]), "convert_cpu": r(cpu["convert"]), "piece_cpu": r(cpu["piece"]),
            "idle_between_batches": r(sum(b - a for a, b in gaps)),
            **{f"idle_while_main_{k}": r(sum(_overlap(a, b, s) for a, b in gaps)) for k, s in spans.items()},
            "idle_at_end": r(last_batch - done[-1]["t1"])}
    samples = json.load(open(os.path.join(events, "samples.json")))
    tick = os.sysconf("SC_CLK_TCK")

    def cpu_between(t0: float, t1: float) -> dict:
        a = min(samples, key=lambda s: abs(s["t"] - t0))
        b = min(samples, key=lambda s: abs(s["t"] - t1))
        names: dict = defaultdict(float)
        for k, v in b["threads"].items():
            names[re.sub(r":\d+$", "", k)] += (v - a["threads"].get(k, 0)) / tick
        return {"wall": r(b["t"] - a["t"]), "main_process_threads_by_name": {k: r(v) for k, v in names.items() if v},
                "machine_busy_cores": r((b["machine_busy"] - a["machine_busy"]) / tick / max(b["t"] - a["t"], 1e-9))}

    out["cpu_parse_phase"] = cpu_between(start["t0"], close["t1"])
    out["cpu_tail"] = cpu_between(resolve["t0"], build["t1"])
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run")
    run.add_argument("corpus")
    run.add_argument("out")
    run.add_argument("events")
    run.add_argument("--workers", type=int, default=2)
    show = sub.add_parser("summary")
    show.add_argument("events")
    args = parser.parse_args(argv)
    if args.command == "run":
        print(json.dumps(timed_build(args.corpus, args.out, args.events, args.workers)))
    else:
        print(json.dumps(summary(args.events), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
