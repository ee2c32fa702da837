"""One random change of a store between two exports, for the incremental export tests
(test_incremental.py, test_incremental_counts.py): each test brings its own graphs."""

from __future__ import annotations

import random
from collections.abc import Callable

import pyoxigraph as ox

from kg.store import Store

RESOLUTION = ox.NamedNode("https://w3id.org/claimgraph/id/graph/resolution")


def change_store(rng: random.Random, store: Store, names: list[str],
                 doc_graph: Callable[[random.Random, str, int], list[ox.Quad]], *, keep: float,
                 resolution_extra: Callable[[random.Random], list[ox.Quad]]) -> None:
    """Add one or two document graphs (``doc_graph(rng, iri, size)``), replace one, drop one (sometimes, while
    more than three are left), and rewrite the resolution graph: each of its triples kept with probability
    ``keep``, then ``resolution_extra(rng)`` added. ``names`` (the document graphs' IRIs) is kept up to date."""
    for _ in range(rng.randrange(1, 3)):
        iri = f"https://w3id.org/claimgraph/id/doc/{rng.randrange(10**6):06d}"
        names.append(iri)
        store.replace_graph(ox.NamedNode(iri), doc_graph(rng, iri, rng.randrange(1, 30)))
    victim = rng.choice(names)
    store.replace_graph(ox.NamedNode(victim), doc_graph(rng, victim, rng.randrange(1, 30)))
    if len(names) > 3 and rng.random() < 0.6:
        gone = names.pop(rng.randrange(len(names)))
        store.drop_graph(ox.NamedNode(gone))
    quads = [q for q in store.quads(RESOLUTION) if rng.random() < keep]
    quads += resolution_extra(rng)
    store.replace_graph(RESOLUTION, quads)
