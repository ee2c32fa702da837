"""Memory of resolve, phase by phase, on a copy of a built store (issue 8's bounded-memory check).

The build's peak on a big corpus is its tail (resolve after the last document), so this
replays the tail alone: the store of a build folder is copied, its resolution graph
dropped, and :func:`kg.resolve.resolve` run again with the resident memory (``VmRSS``)
and its peak since the last reset (``VmHWM``, reset through ``/proc/self/clear_refs``)
printed when each phase of resolve starts and ends; ``--python`` adds the Python heap
(tracemalloc: current and peak, which tells the heap from the store's native memory but
slows resolve about twice). ``--graph FILE`` writes the sorted N-Triples of the
resolution graph, to check that a change leaves it byte-identical. Linux only (``/proc``).

    python -m benchmarks.throughput.tail BUILD_DIR [--python] [--graph FILE]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
import tracemalloc
from pathlib import Path

__all__ = ["main"]

_PHASES = ("read_entities", "resolve_entities", "_outlets", "_entity_quads", "read_claims", "resolve_claim_blocks")


def _status() -> dict[str, int]:
    """VmRSS, VmHWM, RssAnon and RssFile of this process, in MB."""
    found = {}
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            key, _, value = line.partition(":")
            if key in {"VmRSS", "VmHWM", "RssAnon", "RssFile"}:
                found[key] = int(value.split()[0]) >> 10
    return found


def _mark(name: str, start: float) -> None:
    s = _status()
    extra = ""
    if tracemalloc.is_tracing():
        current, peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        extra = f"  python {current >> 20:5d} peak {peak >> 20:5d}"
    print(f"{name:30s} rss {s['VmRSS']:6d} hwm {s['VmHWM']:6d} anon {s['RssAnon']:6d} "
          f"cpu {time.process_time() - start:7.1f}{extra}", flush=True)


def _watched(module, name: str, start: float) -> None:
    """Wrap ``module.name`` so its start and end (a generator's last item) are marked."""
    function = getattr(module, name)

    def wrapper(*args, **kwargs):
        _mark(f"> {name}", start)
        out = function(*args, **kwargs)
        if hasattr(out, "__next__"):
            def drained():
                yield from out
                _mark(f"< {name}", start)
            return drained()
        _mark(f"< {name}", start)
        return out

    setattr(module, name, wrapper)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", type=Path, help="a kg build folder (its store is copied, not changed)")
    parser.add_argument("--base-iri", default="https://w3id.org/claimgraph/id/")
    parser.add_argument("--python", action="store_true", help="trace the Python heap too (slower)")
    parser.add_argument("--graph", type=Path, help="write the sorted resolution graph here")
    args = parser.parse_args(argv)

    import kg.resolve as resolve_module
    from pyoxigraph import NamedNode

    from kg.rdf import terms
    from kg.store import STORE_DIRNAME, open_store

    start = time.process_time()
    with tempfile.TemporaryDirectory(prefix="kg-tail-") as work:
        shutil.copytree(args.build / STORE_DIRNAME, Path(work) / STORE_DIRNAME)
        store = open_store(work)
        _mark("store open", start)
        graph = NamedNode(terms.resolution_graph_iri(args.base_iri))
        store.drop_graph(graph)
        store.flush()
        _mark("resolution graph dropped", start)
        for name in _PHASES:
            _watched(resolve_module, name, start)
        with open("/proc/self/clear_refs", "w", encoding="ascii") as handle:
            handle.write("5")  # VmHWM from here on is resolve's peak
        if args.python:
            tracemalloc.start()
        report = resolve_module.resolve(store, args.base_iri)
        _mark("resolved", start)
        tracemalloc.stop()
        print(report)
        if args.graph is not None:
            lines = sorted(f"{q.subject} {q.predicate} {q.object} .\n" for q in store.quads(graph))
            args.graph.write_text("".join(lines), encoding="utf-8")
            print(f"{len(lines)} triples -> {args.graph}")
        del store


if __name__ == "__main__":
    main()
