"""The build's summary counts kept with the export state (kg.export.incremental, kg.build.graph_stats): after
incremental exports of random adds, replaces and drops, the kept counts are what counting the whole store gives,
and they are really the kept ones (the store is not counted again)."""

from __future__ import annotations

import random
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import _STATS, graph_stats
from kg.export import formats, incremental
from kg.export.formats import write_exports
from kg.store import Store, open_store

from tests.export.store_changes import RESOLUTION, change_store

FORMATS = ("turtle", "trig", "nquads", "jsonld")
CG = "https://w3id.org/claimgraph/ns#"
SCHEMA = "https://schema.org/"
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
CLASSES = [ox.NamedNode(CG + name) for name in ("Entity", "Claim", "ClaimMention", "Relation")] + [
    ox.NamedNode(SCHEMA + name) for name in ("Thing", "Person", "NewsArticle")]
SENTENCES, SUPPORT, CONFLICTS = (ox.NamedNode(CG + name) for name in ("sentenceCount", "supportCount",
                                                                       "conflictsWith"))
#: Nodes several graphs talk about (so a triple may be stated in many graphs, and counted once or k times).
SHARED = [ox.NamedNode(f"https://w3id.org/claimgraph/id/entity/e{i}") for i in range(10)] + [
    ox.NamedNode(f"https://w3id.org/claimgraph/id/claim/c{i}") for i in range(8)] + [ox.BlankNode("hub")]


def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=INTEGER)


def _doc_graph(rng: random.Random, iri: str, size: int) -> list[ox.Quad]:
    """A document graph: the document (a NewsArticle with its sentence count) and typed, counted, conflicting
    statements about its own nodes and shared ones, some stated by other graphs too."""
    g = ox.NamedNode(iri)
    own = [ox.NamedNode(f"{iri}/n{i}") for i in range(4)]
    quads = [ox.Quad(g, TYPE, CLASSES[-1], g), ox.Quad(g, SENTENCES, _integer(rng.randrange(1, 60)), g)]
    if rng.random() < 0.3:  # the same document stated with a second count
        quads.append(ox.Quad(g, SENTENCES, _integer(rng.randrange(1, 60)), g))
    for _ in range(size):
        subject = rng.choice(SHARED + own)
        kind = rng.randrange(5)
        if kind <= 1:
            quads.append(ox.Quad(subject, TYPE, rng.choice(CLASSES), g))
        elif kind == 2:
            quads.append(ox.Quad(subject, LABEL, ox.Literal(f"label {rng.randrange(3)}"), g))
        elif kind == 3:
            quads.append(ox.Quad(subject, SUPPORT, _integer(rng.randrange(0, 4)), g))
        else:
            quads.append(ox.Quad(subject, CONFLICTS, rng.choice(SHARED + own), g))
    if rng.random() < 0.2:  # another graph's document, typed and counted here too (the bag union sums it twice)
        other = ox.NamedNode(f"https://w3id.org/claimgraph/id/doc/{rng.randrange(6):06d}")
        quads += [ox.Quad(other, TYPE, CLASSES[-1], g), ox.Quad(other, SENTENCES, _integer(7), g)]
    return quads


def _change(rng: random.Random, store: Store, names: list[str]) -> None:
    """Add, replace and drop a few document graphs; rewrite the resolution graph with most of its triples and
    a few new conflicts and support counts."""
    def conflicts(rng: random.Random) -> list[ox.Quad]:
        quads = []
        for _ in range(rng.randrange(1, 6)):
            a, b = rng.sample(SHARED, 2)
            quads.append(ox.Quad(a, CONFLICTS, b, RESOLUTION))
            quads.append(ox.Quad(a, SUPPORT, _integer(rng.randrange(1, 4)), RESOLUTION))
        return quads

    change_store(rng, store, names, _doc_graph, keep=0.85, resolution_extra=conflicts)


def _recount(store: Store) -> dict[str, int]:
    """The counts of the same quads in a store with no export state: the whole store counted."""
    copy = Store()
    copy.add_quads(store.quads())
    return graph_stats(copy)


def _no_recount(patch, store: Store) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("the store counted again where the kept counts should do")

    patch.setattr(store, "select", refuse)


def _started(tmp_path: Path, seed: int) -> tuple[random.Random, Store, list[str], Path]:
    """A store of eight document graphs and a resolution graph, exported in full and counted once."""
    rng = random.Random(seed)
    out = tmp_path / "out"
    store = open_store(out, create=True)
    names = [f"https://w3id.org/claimgraph/id/doc/{i:06d}" for i in range(8)]
    for iri in names:
        store.replace_graph(ox.NamedNode(iri), _doc_graph(rng, iri, rng.randrange(1, 40)))
    _change(rng, store, names)
    write_exports(store, out, FORMATS)
    assert incremental.union_counts(store) is None  # a full export keeps no counts: none were counted yet
    assert graph_stats(store) == _recount(store)
    return rng, store, names, out


@pytest.mark.parametrize("seed", range(5))
def test_kept_counts_after_incremental_exports_are_a_full_recount(tmp_path, monkeypatch, seed):
    rng, store, names, out = _started(tmp_path, seed)
    assert incremental.union_counts(store) is not None
    seen = set()
    for round_ in range(1, 6):
        _change(rng, store, names)
        with monkeypatch.context() as patch:
            patch.setattr(formats, "_write_all", lambda *a, **k: pytest.fail("a full export pass"))
            write_exports(store, out, FORMATS)
            _no_recount(patch, store)
            kept = graph_stats(store)
        assert kept == _recount(store), f"round {round_}"
        seen.update(name for name, value in kept.items() if value)
    # the random graphs exercised every count (else the comparison proves little)
    assert seen == set(_STATS)


def test_the_counts_and_the_sparql_counts_name_the_same_things():
    assert tuple(_STATS) == incremental.COUNT_NAMES


def test_counts_are_not_used_once_the_store_changed_since_the_export(tmp_path, monkeypatch):
    rng, store, names, out = _started(tmp_path, 11)
    _change(rng, store, names)  # no export after it: the state describes the store as it was
    assert incremental.union_counts(store) is None
    assert graph_stats(store) == _recount(store)
    # and an export made without graph.ttl keeps no union, hence no counts
    write_exports(store, tmp_path / "other", ("trig",))
    assert incremental.union_counts(store) is None
    assert graph_stats(store) == _recount(store)


@pytest.mark.parametrize("odd", [
    ox.Quad(SHARED[0], SENTENCES, ox.Literal("many"), RESOLUTION),  # not a number: SPARQL's SUM fails
    ox.Quad(SHARED[1], SUPPORT, ox.Literal("3"), RESOLUTION),  # a string: SPARQL's >= 2 fails
    ox.Quad(SHARED[3], SENTENCES, ox.Literal("2.5", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")),
            RESOLUTION),  # a number of another type
    ox.Quad(SHARED[2], CONFLICTS, ox.Literal("zzz"), RESOLUTION),  # a literal compared by its text
])
def test_values_the_counters_do_not_read_make_a_recount(tmp_path, monkeypatch, odd):
    """A value the kept counters do not read as SPARQL does is never summed into them: the store is
    counted, before and after an incremental export that adds or removes it."""
    rng, store, names, out = _started(tmp_path, 3)
    quads = list(store.quads(RESOLUTION)) + [odd]
    store.replace_graph(RESOLUTION, quads)
    write_exports(store, out, FORMATS)
    assert incremental.union_counts(store) is None
    assert graph_stats(store) == _recount(store)
    assert incremental.union_counts(store) is None  # not kept: the recount reads the odd value its own way
    store.replace_graph(RESOLUTION, [q for q in quads if q != odd])
    write_exports(store, out, FORMATS)
    assert graph_stats(store) == _recount(store)
    assert incremental.union_counts(store) is not None  # kept again once the odd value is gone


def test_a_build_in_two_steps_reports_the_counts_of_a_build_in_one(seeds_dir, tmp_path, monkeypatch):
    """The summary a user sees after adding a document (counts kept and updated) is the one of building
    everything at once (counted)."""
    from kg import build as build_module

    a, b = sorted(seeds_dir.glob("*.txt"))
    work = tmp_path / "in"
    work.mkdir()
    (work / a.name).write_bytes(a.read_bytes())
    build_module.build([work], tmp_path / "steps", exports=("ttl", "trig", "nq", "jsonld"))
    (work / b.name).write_bytes(b.read_bytes())
    recounts = []
    original = Store.select
    monkeypatch.setattr(Store, "select", lambda self, q, **k: (recounts.append(q) if q in _STATS.values()
                                                                else None) or original(self, q, **k))
    second = build_module.build([work], tmp_path / "steps", exports=("ttl", "trig", "nq", "jsonld"))
    assert second.built == 1 and not recounts
    monkeypatch.undo()
    once = build_module.build([work], tmp_path / "once", exports=("ttl", "trig", "nq", "jsonld"))
    assert second.stats == once.stats and once.stats["documents"] == 2 and once.stats["claims"] > 20
