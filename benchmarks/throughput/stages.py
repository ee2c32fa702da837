"""Where the time of one build goes: ``kg.build.build`` with a clock around each stage.

The stages are timed by wrapping the functions the build calls (so the code measured
is the code shipped): parse+extract+convert per batch (``process_batch``, with
extraction, conversion and N-Quads serialization also timed alone), the bulk loads
into the store, resolve, the summary counts and the exports. Prints one JSON object.

    python -m benchmarks.throughput.stages CORPUS.jsonl --out DIR [--executor serial] [--exports ttl,trig]

With ``--executor processes`` only the main-process stages (store, resolve, exports)
are timed: the worker stages run in other processes.
"""

from __future__ import annotations

import argparse
import functools
import json
import time
from collections import defaultdict
from collections.abc import Sequence

__all__ = ["main", "timed_build"]


def _wrap(owner, name: str, key: str, totals: dict[str, float]) -> None:
    original = getattr(owner, name)

    @functools.wraps(original)
    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            totals[key] += time.perf_counter() - start

    setattr(owner, name, timed)


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
    _wrap(kg.nlp, "load_pipeline", "spacy_load", totals)
    _wrap(kg.parallel, "process_batch", "worker_total", totals)
    _wrap(kg.extract, "extract_parsed", "extract", totals)
    _wrap(kg.rdf.convert, "document_nquads", "convert", totals)  # conversion and N-Quads text
    _wrap(ox, "serialize", "serialize", totals)  # now only the exports' serializer (Turtle, TriG)
    _wrap(kg.store.Store, "load_documents", "store_load", totals)
    _wrap(kg.store.Store, "flush", "store_flush", totals)
    _wrap(kg.build, "resolve", "resolve", totals) if hasattr(kg.build, "resolve") else None
    _wrap(kg.resolve, "resolve", "resolve", totals)
    _wrap(kg.build, "graph_stats", "stats", totals)
    _wrap(kg.export.formats, "write_export", "exports", totals)
    start = time.perf_counter()
    report = kg.build.build(list(inputs), out, **options)
    total = time.perf_counter() - start
    stages = dict(totals)
    if "worker_total" in stages:
        stages["parse"] = stages["worker_total"] - sum(stages.get(k, 0.0) for k in ("extract", "convert"))
    return {"stages": {k: round(v, 3) for k, v in stages.items()}, "total_s": round(total, 3),
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
