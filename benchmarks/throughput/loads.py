"""The build's store loads alone: the document graphs of a built ``graph.nq`` replayed through the build's loader.

Why: the loads' cost is mostly not the loader's own. RocksDB compacts the store in background threads after
each bulk load, and how often it does depends on the chunk size and on when the ``cg:sha256`` triples are
written; a whole build shows that only as noise on 100 s. This replays just the loads, with a pause per
8 MB of documents standing in for the parse between them, and reports the compaction threads' CPU apart.

    python -m benchmarks.throughput.loads DIR/graph.nq --out OUT [--chunk-mb 64] [--pause 0.5]

Prints one JSON object: the wall time of the loads, the process CPU, RocksDB's compaction CPU
(``rocksdb_low_s``, Linux only, after a wait for the compactions to end), the peak RSS and the quads
loaded. The document graphs are the graphs holding a ``cg:sha256`` triple (the resolution graph is left
out), streamed from the file one graph at a time (an export writes each graph's lines together).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import SimpleNamespace

from benchmarks.throughput.stages import thread_cpu_by_name

__all__ = ["document_graphs", "main", "replay"]

_SHA256 = b"<https://w3id.org/claimgraph/ns#sha256>"
#: Documents loaded between two pauses: about one parse batch's worth of N-Quads.
PAUSE_EVERY_BYTES = 8 * 2**20


def document_graphs(path: Path) -> Iterator[tuple[str, bytes]]:
    """``(graph IRI, N-Quads)`` of each document graph of an N-Quads file whose graphs' lines come together.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     nq = Path(folder) / "g.nq"
    ...     _ = nq.write_bytes(b'<http://ex/a> <http://ex/p> "1" <http://ex/d> .\\n'
    ...                        b'<http://ex/d> ' + _SHA256 + b' "h" <http://ex/d> .\\n'
    ...                        b'<http://ex/a> <http://ex/q> "2" <http://ex/r> .\\n')
    ...     [(g, len(data.splitlines())) for g, data in document_graphs(nq)]
    [('http://ex/d', 2)]
    """
    graph, lines = None, []

    def done() -> Iterator[tuple[str, bytes]]:
        data = b"".join(lines)
        if graph is not None and graph.startswith(b"<") and _SHA256 in data:
            yield graph[1:-1].decode(), data

    with path.open("rb") as handle:
        for line in handle:
            name = line.rstrip(b" .\n").rsplit(b" ", 1)[-1]
            if name != graph:
                yield from done()
                graph, lines = name, []
            lines.append(line)
    yield from done()


def replay(nquads: Path, out: Path, chunk_mb: int, pause: float) -> dict:
    """Load the document graphs of ``nquads`` into a new store at ``out`` as a build does; see the module."""
    import kg.build
    from kg.store import open_store

    shutil.rmtree(out, ignore_errors=True)
    store = open_store(out, create=True)
    loader = kg.build._Loader(store, {}, kg.build.BuildReport(out_dir=out), chunk_bytes=chunk_mb * 2**20)
    start, start_cpu, since_pause = time.perf_counter(), time.process_time(), 0
    for iri, data in document_graphs(nquads):
        loader.add(SimpleNamespace(iri=iri, nquads=data, piece=b"", error=None, source=iri))
        since_pause += len(data)
        if since_pause >= PAUSE_EVERY_BYTES:
            time.sleep(pause)
            since_pause = 0
    loader.flush()
    store.seal_documents()
    wall = time.perf_counter() - start
    time.sleep(max(pause, 1.0) * 10)  # the last compactions end
    threads = thread_cpu_by_name()
    return {"chunk_mb": chunk_mb, "pause_s": pause, "wall_s": round(wall, 1),
            "cpu_s": round(time.process_time() - start_cpu, 1), "rocksdb_low_s": threads.get("rocksdb:low"),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
            "documents": loader.report.built, "quads": len(store)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("nquads", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--chunk-mb", type=int, default=64)
    parser.add_argument("--pause", type=float, default=0.5)
    args = parser.parse_args(argv)
    print(json.dumps(replay(args.nquads, args.out, args.chunk_mb, args.pause)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
