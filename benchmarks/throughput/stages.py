"""Where the time of one build goes: ``kg.build.build`` with a clock around each stage.

The stages are timed by wrapping the functions the build calls (so the code measured
is the code shipped): parse+extract+convert per batch (``process_batch``, with
extraction, conversion and N-Quads serialization also timed alone), the bulk loads
into the store, resolve, the summary counts and the exports. Prints one JSON object.

    python -m benchmarks.throughput.stages CORPUS.jsonl --out DIR [--executor serial] [--exports ttl,trig]

With ``--executor processes`` only the main-process stages (store, resolve, exports)
are timed: the worker stages run in other processes.

Process CPU time (``stages_cpu``) counts every thread of the process, and the store has
threads of its own: Oxigraph's bulk loader parses and sorts on several threads, and
RocksDB compacts the loaded files in background threads that go on while the next batch
is parsed. So a stage's process CPU holds whatever store work overlapped it (in a serial
build of the ECB+ corpus about 20 s landed in "parse"); ``stages_main_thread_cpu`` is the
calling thread's CPU alone, and ``other_threads_cpu_s`` the store threads' total.
``live_threads_cpu`` splits the CPU of the threads alive at the end by name (Linux only):
``rocksdb:low`` is RocksDB's compaction, ``rocksdb:high`` its memtable flushes; the bulk
loader's own threads have ended by then and are the rest of ``other_threads_cpu_s``.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import time
from collections import defaultdict
from collections.abc import Sequence

__all__ = ["main", "timed_build"]


def _wrap(owner, name: str, key: str, totals: dict[str, float], cpu: dict[str, float] | None = None,
          thread: dict[str, float] | None = None) -> None:
    original = getattr(owner, name)

    @functools.wraps(original)
    def timed(*args, **kwargs):
        start, start_cpu, start_thread = time.perf_counter(), time.process_time(), time.thread_time()
        try:
            return original(*args, **kwargs)
        finally:
            totals[key] += time.perf_counter() - start
            if cpu is not None:
                cpu[key] += time.process_time() - start_cpu
            if thread is not None:
                thread[key] += time.thread_time() - start_thread

    setattr(owner, name, timed)


def thread_cpu_by_name() -> dict[str, float]:
    """CPU seconds of this process's live threads, summed by thread name (empty where /proc is missing)."""
    totals: dict[str, float] = defaultdict(float)
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    try:
        tasks = os.listdir(f"/proc/{os.getpid()}/task")
    except OSError:
        return {}
    for tid in tasks:
        try:
            with open(f"/proc/{os.getpid()}/task/{tid}/comm") as comm, open(f"/proc/{os.getpid()}/task/{tid}/stat") as stat:
                name, fields = comm.read().strip(), stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        totals[name] += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return {k: round(v, 2) for k, v in sorted(totals.items())}


def timed_build(inputs: Sequence[str], out: str, **options) -> dict:
    """Build with stage clocks; returns ``{"stages": {...}, "total_s": ..., "built": ..., "unchanged": ...}``."""
    import pyoxigraph as ox

    import kg.build
    import kg.export.formats
    import kg.extract
    import kg.nlp
    import kg.parallel
    import kg.rdf.convert
    import kg.resolve
    import kg.store

    totals: dict[str, float] = defaultdict(float)
    cpu: dict[str, float] = defaultdict(float)  # process CPU time, less moved by other jobs than wall time
    thread: dict[str, float] = defaultdict(float)  # CPU time of the calling thread alone (see the module docstring)
    _wrap(kg.nlp, "load_pipeline", "spacy_load", totals, cpu, thread)
    _wrap(kg.parallel, "process_batch", "worker_total", totals, cpu, thread)
    _wrap(kg.extract, "extract_parsed", "extract", totals, cpu, thread)
    # conversion and N-Quads text, and the worker's export piece (inside the first: taken out of it below)
    _wrap(kg.export.formats, "document_nquads_and_piece", "convert", totals, cpu, thread)
    _wrap(kg.export.formats, "statements_piece", "piece", totals, cpu, thread)
    _wrap(ox, "serialize", "serialize", totals, cpu, thread)  # now only the exports' serializer (Turtle, TriG)
    _wrap(kg.store.Store, "load_documents", "store_load", totals, cpu, thread)
    _wrap(kg.store.Store, "flush", "store_flush", totals, cpu, thread)
    _wrap(kg.build, "resolve", "resolve", totals, cpu, thread) if hasattr(kg.build, "resolve") else None
    _wrap(kg.resolve, "resolve", "resolve", totals, cpu, thread)
    _wrap(kg.build, "graph_stats", "stats", totals, cpu, thread)
    _wrap(kg.export.formats, "write_export_files", "exports", totals, cpu, thread)
    start, start_cpu, start_thread = time.perf_counter(), time.process_time(), time.thread_time()
    report = kg.build.build(list(inputs), out, **options)
    total, total_cpu = time.perf_counter() - start, time.process_time() - start_cpu
    total_thread = time.thread_time() - start_thread
    stages, stages_cpu, stages_thread = dict(totals), dict(cpu), dict(thread)
    for table in (stages, stages_cpu, stages_thread):
        if "convert" in table:
            table["convert"] -= table.get("piece", 0.0)
        if "worker_total" in table:
            table["parse"] = table["worker_total"] - sum(table.get(k, 0.0) for k in ("extract", "convert", "piece"))
    return {"stages": {k: round(v, 3) for k, v in stages.items()}, "total_s": round(total, 3),
            "stages_cpu": {k: round(v, 3) for k, v in stages_cpu.items()}, "total_cpu_s": round(total_cpu, 3),
            "stages_main_thread_cpu": {k: round(v, 3) for k, v in stages_thread.items()},
            "main_thread_cpu_s": round(total_thread, 3), "other_threads_cpu_s": round(total_cpu - total_thread, 3),
            "live_threads_cpu": thread_cpu_by_name(),
            "built": report.built, "unchanged": report.unchanged, "skipped": len(report.skipped)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--out", required=True)
    parser.add_argument("--executor", default="serial")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--exports", default="ttl,trig")
    args = parser.parse_args(argv)
    exports = tuple(e for e in args.exports.split(",") if e)
    result = timed_build(args.inputs, args.out, executor=args.executor, workers=args.workers,
                         batch_size=args.batch_size, exports=exports)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
