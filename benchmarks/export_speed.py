"""Export speed on a synthetic build of ~1.2M quads (the shape of tests/data/two_outlets.trig, repeated).

Usage: python benchmarks/export_speed.py [--copies 2400] [--workdir /tmp/kg-export-bench]

Each copy re-mints the two sample documents (new document, mention and claim IRIs; entities
and relations shared, so the union graph really deduplicates). Reports seconds per format
and the ratio to the reference measured in the same run: Oxigraph's raw, unsorted N-Quads
dump of the same store (the floor for any exporter). Also times rdflib's Turtle serializer
on a 10% slice to show why it is not used.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pyoxigraph as ox  # noqa: E402

from kg.export.formats import write_export  # noqa: E402
from kg.store import open_store  # noqa: E402
from tests.fixtures import SAMPLE_TRIG  # noqa: E402

DOCS = (b"doc/6881c461fd5387c4d7f7", b"doc/dea640a986b0bbd17530")


def synthetic_nquads(copies: int) -> bytes:
    base = ox.serialize(ox.parse(path=str(SAMPLE_TRIG), format=ox.RdfFormat.TRIG), format=ox.RdfFormat.N_QUADS)
    chunks = []
    for i in range(copies):
        text = base
        for j, doc in enumerate(DOCS):
            text = text.replace(doc, b"doc/%020x" % (2 * i + j))
        text = text.replace(b"/claim/", b"/claim/%d-" % (i % 500))  # claims shared by up to copies/500 docs
        chunks.append(text)
    return b"".join(chunks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=2400)
    parser.add_argument("--workdir", default="/tmp/kg-export-bench")
    args = parser.parse_args()
    work = Path(args.workdir)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    data = synthetic_nquads(args.copies)
    store = open_store(work, create=True)
    quads = list(ox.parse(data, format=ox.RdfFormat.N_QUADS))
    graphs: dict = {}
    for quad in quads:
        graphs.setdefault(quad.graph_name, []).append(quad)
    store.bulk_replace(graphs)
    store.flush()
    print(f"store: {len(store)} quads in {len(store.named_graphs())} graphs; cores: {os.cpu_count()}")

    t0 = time.perf_counter()
    with open(work / "raw.nq", "wb") as out:
        store.dump(out, ox.RdfFormat.N_QUADS)
    reference = time.perf_counter() - t0
    print(f"reference  raw unsorted N-Quads dump (Oxigraph): {reference:7.2f} s")
    for fmt, name in (("turtle", "graph.ttl"), ("trig", "graph.trig"), ("nquads", "graph.nq"),
                      ("jsonld", "graph.jsonld"), ("ntriples", "graph.nt")):
        t0 = time.perf_counter()
        export = write_export(store, fmt, work / name)
        seconds = time.perf_counter() - t0
        print(f"{fmt:9}  {export.count:>9} {export.counts:7} {seconds:7.2f} s  {seconds / reference:5.1f}x reference")

    import rdflib

    sample = b"\n".join((work / "graph.nt").read_bytes().splitlines()[: len(store) // 10]) + b"\n"
    graph = rdflib.Graph()
    t0 = time.perf_counter()
    graph.parse(data=sample, format="nt")
    parse_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    graph.serialize(format="turtle")
    ser_s = time.perf_counter() - t0
    print(f"rdflib on a 10% slice ({len(graph)} triples): parse {parse_s:.2f} s, Turtle serialize {ser_s:.2f} s "
          f"({ser_s / reference:.1f}x the full reference)")


if __name__ == "__main__":
    main()
