"""The named queries in one process: evaluation alone and answers written as CSV, wall and CPU seconds.

On a machine shared with other jobs the wall time of a query moves with the load average; its CPU time (user +
system of this process) far less, and on an idle machine it is what the query takes. For each named query
(or ``.rq`` file given): the evaluation alone, as ``SELECT (COUNT(*) AS ?n) WHERE { query }`` (no term
decoded), and the answer written as SPARQL CSV by Oxigraph (``Store.query_to`` into memory, as ``kg query
--format csv`` does); minimum and median wall seconds and the minimum CPU seconds of ``--repeat`` runs.

``--compare-to PATH`` also runs the named queries of another checkout (PATH/kg/queries/NAME.rq) on the same
store and says whether both give the same rows as a multiset (a GROUP_CONCAT list of publishers compared as a
set of names, as tests/test_queries.py does).

    python -m benchmarks.throughput.query_cpu STORE_DIR [--bind name=police] [--bind s='<IRI>'] [--compare-to /tmp/main]
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

__all__ = ["main"]


class _Sink:
    def __init__(self) -> None:
        self.size = 0

    def write(self, data) -> int:
        self.size += len(data)
        return len(data)

    def flush(self) -> None:
        pass


def _without_comments(text: str) -> str:
    """The query without its comment lines (so it can be wrapped in a COUNT).

    >>> _without_comments("# doc\\nSELECT ?s WHERE { ?s ?p ?o }")
    'SELECT ?s WHERE { ?s ?p ?o }'
    """
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def _timed(fn, repeat: int) -> tuple[float, float, float, object]:
    walls, cpus, value = [], [], None
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        value = fn()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), statistics.median(walls), min(cpus), value


def _rows(store, text: str, kwargs: dict) -> collections.Counter:
    out: collections.Counter = collections.Counter()
    for row in store.select(text, **kwargs):
        out[tuple(sorted((k, tuple(sorted(v.value.split(", "))) if k == "publishers" else str(v))
                         for k, v in row.items()))] += 1
    return out


def main(argv: Sequence[str] | None = None) -> int:
    import pyoxigraph as ox

    from kg.api import bind_term
    from kg.queries import NAMED_QUERIES, named_query
    from kg.store import Store

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", help="a store folder (DIR/store of a build)")
    parser.add_argument("queries", nargs="*", help="named queries or .rq files (default: every named query)")
    parser.add_argument("--bind", action="append", default=[], metavar="NAME=VALUE",
                        help="bind a variable where the query has it, as kg query --param does (<IRI> or a literal)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--compare-to", type=Path, metavar="PATH", help="another checkout to compare rows with")
    args = parser.parse_args(argv)
    store = Store(args.store, read_only=True)
    binds = dict(item.partition("=")[::2] for item in args.bind)
    names = args.queries or sorted(NAMED_QUERIES)
    print(f"{len(store):,} quads; nproc {os.cpu_count()}; load average before "
          + " / ".join(f"{x:.2f}" for x in os.getloadavg()))
    print("| query | rows | count: wall min / median, CPU s | CSV: wall min / median, CPU s |"
          + (" rows of --compare-to |" if args.compare_to else ""))
    print("|---|---:|---:|---:|" + ("---|" if args.compare_to else ""))
    for name in names:
        text = Path(name).read_text(encoding="utf-8") if name.endswith(".rq") else NAMED_QUERIES[name]
        terms = {k: bind_term(v) for k, v in binds.items() if re.search(rf"\?{re.escape(k)}\b", text)}
        if not name.endswith(".rq"):  # as kg query does: the bound form, if the query has one
            text = named_query(name, terms)
        subs = {ox.Variable(k): v for k, v in terms.items()}
        kwargs = {"substitutions": subs} if subs else {}
        label = name + (" (" + ", ".join(f"{k}={v}" for k, v in terms.items()) + ")" if subs else "")
        cells = [label]
        count_text = "SELECT (COUNT(*) AS ?n) WHERE { " + _without_comments(text) + " }"
        if subs:  # a bound variable must stay in the projection: count the rows in Python instead
            count = _timed(lambda: sum(1 for _ in store.query(text, **kwargs)), args.repeat)
            rows = count[3]
        else:
            count = _timed(lambda: int(next(iter(store.query(count_text)))[0].value), args.repeat)
            rows = count[3]
        csv = _timed(lambda: store.query_to(_Sink(), text, "csv", **kwargs), args.repeat)
        cells += [f"{rows:,}", f"{count[0]:.2f} / {count[1]:.2f}, {count[2]:.2f}",
                  f"{csv[0]:.2f} / {csv[1]:.2f}, {csv[2]:.2f}"]
        if args.compare_to:
            other = args.compare_to / "kg" / "queries" / f"{name}.rq"
            same = _rows(store, other.read_text(encoding="utf-8"), kwargs) == _rows(store, text, kwargs)
            cells.append("same" if same else "DIFFERENT")
        print("| " + " | ".join(cells) + " |", flush=True)
    print("load average after " + " / ".join(f"{x:.2f}" for x in os.getloadavg()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
