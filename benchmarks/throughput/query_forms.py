"""Named queries against their plain reference forms on one store: seconds, rows, equal as sets.

The reference forms are the plain joins of tests/test_queries.py (the queries as first written); on a big
store they take minutes, so ``--skip-reference`` times only the shipped forms. ``--bind name=VALUE`` binds a
variable of said/evidence as ``kg query --param`` does. Also times resolve's readers and graph_stats.

    python -m benchmarks.throughput.query_forms STORE_DIR [--skip-reference] [--bind name=police]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence

__all__ = ["main"]


def _rows(store, sparql: str, subs: dict) -> tuple[float, set]:
    start = time.perf_counter()
    rows = store.select(sparql, substitutions=subs) if subs else store.select(sparql)
    seconds = time.perf_counter() - start
    out = set()
    for row in rows:
        out.add(tuple(sorted((k, tuple(sorted(v.value.split(", "))) if k == "publishers" else str(v))
                             for k, v in row.items())))
    return seconds, out


def main(argv: Sequence[str] | None = None) -> int:
    import pyoxigraph as ox

    from kg.build import graph_stats
    from kg.queries import NAMED_QUERIES
    from kg.resolve.claims import read_claims
    from kg.resolve.entities import read_entities
    from kg.store import Store
    from tests.test_queries import REFERENCE

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store")
    parser.add_argument("--skip-reference", action="store_true")
    parser.add_argument("--bind", action="append", default=[], metavar="NAME=VALUE")
    args = parser.parse_args(argv)
    store = Store(args.store, read_only=True)
    binds = dict(item.partition("=")[::2] for item in args.bind)
    print(f"{len(store):,} quads; nproc {os.cpu_count()}; load average {os.getloadavg()[0]:.2f}")
    for name, text in NAMED_QUERIES.items():
        subs = {ox.Variable(k): ox.Literal(v) for k, v in binds.items() if f"?{k}" in text}
        seconds, fast = _rows(store, text, subs)
        line = f"{name} {binds if subs else ''}: {seconds:.2f} s, {len(fast):,} rows"
        if not args.skip_reference:
            ref_seconds, ref = _rows(store, REFERENCE[name], subs)
            line += f"; reference {ref_seconds:.2f} s, {'same rows' if ref == fast else 'DIFFERENT rows'}"
        print(line, flush=True)
    for label, fn in (("read_claims", lambda: read_claims(store)), ("read_entities", lambda: read_entities(store)),
                      ("graph_stats", lambda: graph_stats(store))):
        start = time.perf_counter()
        fn()
        print(f"{label}: {time.perf_counter() - start:.2f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
