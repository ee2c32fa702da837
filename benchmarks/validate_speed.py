"""How fast kg.validate.validate() checks a claim graph, against a reference in the same run.

The graph is tests/data/sample.trig (the hand-written model sample, 169 triples) copied
N times under renamed IRIs, so every copy is a distinct, valid set of documents, claims
and mentions. The reference is rdflib parsing the same graph from N-Triples: a pass that
touches every triple once with the same library pyshacl runs on.

Usage: python benchmarks/validate_speed.py [COPIES ...]   (default: 100 400)
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.validate import validate  # noqa: E402

BASE = "https://w3id.org/claimgraph/id/"


def _sample() -> Graph:
    dataset = Dataset()
    dataset.parse(ROOT / "tests" / "data" / "sample.trig", format="trig")
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def _renamed(term, copy: int):
    if isinstance(term, URIRef) and str(term).startswith(BASE):
        return URIRef(f"{BASE}{copy}/{str(term)[len(BASE):]}")
    return term


def scaled(copies: int) -> Graph:
    sample = _sample()
    graph = Graph()
    for copy in range(copies):
        for s, p, o in sample:
            graph.add((_renamed(s, copy), _renamed(p, copy), _renamed(o, copy)))
    return graph


def main(argv: list[str]) -> None:
    print(f"cores: {os.cpu_count()}")
    for copies in [int(a) for a in argv] or [100, 400]:
        graph = scaled(copies)
        data = graph.serialize(format="nt")
        start = time.perf_counter()
        Graph().parse(data=data, format="nt")
        reference = time.perf_counter() - start
        start = time.perf_counter()
        report = validate(graph)
        seconds = time.perf_counter() - start
        print(
            f"copies={copies} triples={len(graph)} conforms={report.conforms} validate={seconds:.2f}s "
            f"({len(graph) / seconds:.0f} triples/s) rdflib-parse={reference:.2f}s ratio={seconds / reference:.1f}x"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
