"""The store at scale: load, resolve and the named queries on a 1M+ quad claim graph.

The data is a real build (``kg build`` of the ECB+ corpus: about 1.5M quads), dumped as
N-Quads; ``--copies N`` replicates it N times under renamed document IRIs (documents,
their mentions and selectors are new nodes; entities, relations and claims are shared,
as when more outlets report the same stories). The same bytes are then

- bulk loaded into a fresh on-disk Oxigraph store (``kg.store.Store.load_documents``'s
  loader) and parsed into rdflib's in-memory ``Dataset`` (the reference);
- resolved (``kg.resolve.resolve`` on Oxigraph; rdflib runs the SELECTs resolve reads with);
- queried with the four named queries (kg/queries/*.rq) on both, the union graph as
  default graph, and row counts compared. Oxigraph is timed twice: answers written as
  SPARQL CSV by its own writer (``Store.query_to``, what ``kg query --format csv`` does)
  and rows of Python term objects (``Store.select``). ``said`` is run with ``?name`` bound to the
  most quoted speaker (as ``kg query --named said --param name=...``) and unbound.

An rdflib query that takes longer than ``--rdflib-timeout`` seconds is stopped and
reported as such. Prints JSON or a markdown table.

    python -m benchmarks.throughput.store BUILD_DIR --markdown
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

__all__ = ["main", "replicate"]

BASE = "https://w3id.org/claimgraph/id/"
_TOP_SPEAKER = """
SELECT ?name (COUNT(*) AS ?n) WHERE { ?m prov:wasAttributedTo ?who . ?who skos:prefLabel ?name }
GROUP BY ?name ORDER BY DESC(?n) LIMIT 1
"""


class _Timeout(Exception):
    pass


class _NullSink:
    """A binary output that drops what it is given (timing a writer without the cost of keeping its bytes)."""

    def write(self, data) -> int:
        return len(data)

    def flush(self) -> None:
        pass


def replicate(nquads: bytes, copies: int, base: str = BASE) -> bytes:
    """``copies`` copies of a dump, copy k > 0 with its document IRIs renamed.

    >>> replicate(b'<http://x/doc/ab> <http://p> "1" <http://x/doc/ab> .\\n', 2, "http://x/").count(b"doc/c1-ab")
    2
    """
    marker = (base + "doc/").encode()
    parts = [nquads] + [nquads.replace(marker, marker + f"c{k}-".encode()) for k in range(1, copies)]
    return b"".join(parts)


def _timed(fn):
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def _oxigraph(data: bytes, queries: dict[str, tuple[str, dict]], folder: Path) -> dict:
    import pyoxigraph as ox

    from kg.resolve import resolve
    from kg.store import Store

    store = Store(folder / "store")
    load_s, _ = _timed(lambda: store._store.bulk_load(data, format=ox.RdfFormat.N_QUADS, lenient=True))
    quads = len(store)
    resolve_s, _ = _timed(lambda: resolve(store, BASE))
    out = {"load_s": load_s, "quads": quads, "resolve_s": resolve_s, "queries": {}}
    for name, (sparql, bindings) in queries.items():
        subs = {ox.Variable(k): ox.Literal(v) for k, v in bindings.items()}
        kwargs = {"substitutions": subs} if subs else {}
        seconds, rows = _timed(lambda: store.select(sparql, **kwargs))
        native, _ = _timed(lambda: store.query_to(_NullSink(), sparql, "csv", **kwargs))
        out["queries"][name] = {"seconds": seconds, "rows": len(rows), "native_s": native}
    return out


def _rdflib(data: bytes, queries: dict[str, tuple[str, dict]], timeout: int) -> dict:
    import rdflib

    from kg.rdf.namespaces import PREFIXES
    from kg.resolve import claims, entities

    dataset = rdflib.Dataset(default_union=True)
    load_s, _ = _timed(lambda: dataset.parse(data=data, format="nquads"))
    namespaces = {p: rdflib.Namespace(iri) for p, iri in PREFIXES.items()}
    out: dict = {"load_s": load_s, "quads": len(dataset), "queries": {}}

    def run(sparql: str, bindings: dict) -> dict:
        def alarm(signum, frame):
            raise _Timeout

        previous = signal.signal(signal.SIGALRM, alarm)
        signal.alarm(timeout)
        try:
            init = {k: rdflib.Literal(v) for k, v in bindings.items()}
            seconds, rows = _timed(lambda: list(dataset.query(sparql, initNs=namespaces, initBindings=init)))
            return {"seconds": seconds, "rows": len(rows)}
        except _Timeout:
            return {"seconds": None, "rows": None, "timeout": timeout}
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)

    reads = [run(q, {}) for q in _resolve_reads(claims, entities)]
    out["resolve_queries_s"] = None if any(r["seconds"] is None for r in reads) else sum(r["seconds"] for r in reads)
    for name, (sparql, bindings) in queries.items():
        out["queries"][name] = run(sparql, bindings)
    return out


def _resolve_reads(claims, entities) -> list[str]:
    """The SELECTs resolve reads the store with (kg.resolve.claims and kg.resolve.entities)."""
    props = [f"SELECT DISTINCT ?c ?v WHERE {{ {p} }} ORDER BY ?c STR(?v)" for p in claims._CLAIM_PROPERTIES.values()]
    return [claims._CLAIMS, claims._NEGATIVE, claims._MENTIONS, *props, entities._LABELS, entities._TYPES,
            entities._DOCS, entities._MENTIONS, entities._PUBLISHERS]


def run_store(build_dir: Path, copies: int, timeout: int, extra: dict[str, str]) -> dict:
    from kg.queries import NAMED_QUERIES
    from kg.store import open_store

    source = open_store(build_dir, read_only=True)
    data = replicate(source._store.dump(format=__import__("pyoxigraph").RdfFormat.N_QUADS), copies)
    top = source.select(_TOP_SPEAKER)
    speaker = top[0]["name"].value if top else "nobody"
    queries: dict[str, tuple[str, dict]] = {name: (text, {}) for name, text in NAMED_QUERIES.items()}
    queries["said"] = (NAMED_QUERIES["said"], {"name": speaker})
    queries["said (all speakers)"] = (NAMED_QUERIES["said"], {})
    queries.update({name: (text, {}) for name, text in extra.items()})
    with tempfile.TemporaryDirectory(prefix="kg-store-bench-") as folder:
        result = {"nproc": os.cpu_count(), "copies": copies, "bytes": len(data), "speaker": speaker,
                  "load_before": " / ".join(f"{x:.2f}" for x in os.getloadavg())}
        result["oxigraph"] = _oxigraph(data, queries, Path(folder))
        result["rdflib"] = _rdflib(data, queries, timeout)
        result["load_after"] = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    return result


def _s(value) -> str:
    return "-" if value is None else f"{value:.2f}"


def format_markdown(r: dict) -> str:
    ox, rl = r["oxigraph"], r["rdflib"]

    def ratio(a, b) -> str:
        return f"{b / a:.0f}x" if a and b else "-"

    lines = [f"{ox['quads']:,} quads ({r['bytes'] / 2**20:.0f} MB of N-Quads, {r['copies']} cop(ies) of the build); "
             f"nproc {r['nproc']}; load average before {r['load_before']}, after {r['load_after']}; "
             f"said bound to {r['speaker']!r}", "",
             "| step | Oxigraph s (native CSV) | Oxigraph s (Python terms) | rows | rdflib Dataset s | rows | "
             "rdflib / Oxigraph native |", "|---|---:|---:|---:|---:|---:|---:|",
             f"| load | {_s(ox['load_s'])} | | {ox['quads']:,} | {_s(rl['load_s'])} | {rl['quads']:,} | "
             f"{ratio(ox['load_s'], rl['load_s'])} |",
             f"| resolve (rdflib: its SELECTs only) | {_s(ox['resolve_s'])} | | | {_s(rl['resolve_queries_s'])} | | "
             f"{ratio(ox['resolve_s'], rl['resolve_queries_s'])} |"]
    for name, q in ox["queries"].items():
        other = rl["queries"].get(name, {})
        shown = _s(other.get("seconds")) if other.get("seconds") is not None else f"> {other.get('timeout')}"
        lines.append(f"| query {name} | {_s(q.get('native_s'))} | {_s(q['seconds'])} | {q['rows']:,} | {shown} | "
                     f"{other.get('rows') or '-'} | {ratio(q.get('native_s'), other.get('seconds'))} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build_dir", type=Path)
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--rdflib-timeout", type=int, default=300)
    parser.add_argument("--query", action="append", default=[], metavar="NAME=FILE.rq",
                        help="also time this query (e.g. a faster formulation of a named one)")
    parser.add_argument("--json", default=None)
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args(argv)
    extra = {}
    for item in args.query:
        name, _, path = item.partition("=")
        extra[name] = Path(path).read_text(encoding="utf-8")
    result = run_store(args.build_dir, args.copies, args.rdflib_timeout, extra)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2))
    print(format_markdown(result) if args.markdown else json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
