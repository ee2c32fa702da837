"""kg.open(DIR): the notebook API over a build folder."""

from __future__ import annotations

import subprocess
import sys

import pytest

import kg
from kg.errors import StoreError
from kg.store import Store
from tests.fixtures import DATA, DESIGN_QUERIES, RESOLUTION_GRAPH, sample_build, sample_quads  # noqa: F401

BASE = "https://w3id.org/claimgraph/id/"
SEND = BASE + "claim/0a1b2c3d4e5f60718293"


def test_import_kg_is_light_and_open_is_lazy(sample_build):
    code = (
        "import sys, kg; heavy = [m for m in ('pyoxigraph', 'rdflib', 'networkx', 'kg.store') if m in sys.modules]; "
        "assert not heavy, heavy; s = kg.open(sys.argv[1]); print(len(s))"
    )
    run = subprocess.run([sys.executable, "-c", code, str(sample_build)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert int(run.stdout) == len(sample_quads())


def test_open_answers_the_design_queries(sample_build):
    store = kg.open(sample_build)
    assert isinstance(store, Store)
    support = {r["claim"].value: int(r["n"].value) for r in store.select(DESIGN_QUERIES["support"])}
    assert support[SEND] == 2 and set(support.values()) == {1, 2}
    # the DESIGN.md query counts every annotation body: 4 claims and the 2 entities with mentions
    assert len(support) == 6 and support[BASE + "entity/kim-jong-un"] == 1
    conflicts = {(r["a"].value, r["b"].value) for r in store.select(DESIGN_QUERIES["conflicts"])}
    assert len(conflicts) == 2
    said = [r["text"].value for r in store.select(DESIGN_QUERIES["said_by"])]
    # Oxigraph's union default graph repeats a solution per graph holding the triple (the claim's
    # schema:text is in both documents), so without DISTINCT the row comes twice
    assert set(said) == {"North Korea | send | Russia"}
    sentences = store.select(DESIGN_QUERIES["sentence"])
    assert len({tuple(sorted((k, str(v)) for k, v in row.items())) for row in sentences}) == 5
    for row in sentences:
        doc_text = {"6881c461": "doc_a.txt", "dea640a9": "doc_b.txt"}[row["doc"].value.rsplit("/", 1)[1][:8]]
        text = (DATA / doc_text).read_text(encoding="utf-8")
        assert text[int(row["start"].value) : int(row["end"].value)] == row["exact"].value


def test_open_missing_build_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError) as info:
        kg.open(tmp_path / "nowhere")
    assert info.value.code == "E201"


def test_read_only_open_does_not_lock_the_build(sample_build):
    first = kg.open(sample_build)
    second = kg.open(sample_build)
    assert len(first) == len(second) > 0


def test_to_rdflib_keeps_graphs(sample_build):
    dataset = kg.open(sample_build).to_rdflib()
    graphs = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert RESOLUTION_GRAPH in graphs and len(graphs) == 3
    assert sum(1 for _ in dataset.quads((None, None, None, None))) == len(sample_quads())


def test_to_networkx_entities_and_claims(sample_build):
    graph = kg.open(sample_build).to_networkx()
    kim = graph.nodes[BASE + "entity/kim-jong-un"]
    assert kim["label"] == "Kim Jong-un" and kim["types"] == ["schema:Person"] and kim["kind"] == "entity"
    assert kim["alt_labels"] == ["Ким Чен Ын"]
    assert graph.nodes[BASE + "entity/north-korea"]["alt_labels"] == ["Nordkorea", "Pyongyang"]
    assert graph.number_of_edges() == 4  # one edge per claim, not per mention
    edge = graph.edges[BASE + "entity/north-korea", BASE + "entity/russia", SEND]
    assert edge["relation"] == "send" and edge["relation_iri"] == BASE + "relation/send"
    assert edge["support"] == 2 and edge["text"] == "North Korea | send | Russia"
    casualties = graph.nodes["literal:casualties"]
    assert casualties["kind"] == "literal"
    (_, _, key, data), = graph.in_edges("literal:casualties", keys=True, data=True)
    assert data["conflicts_with"] == [BASE + "claim/3d4e5f60718293041526"]


def test_to_networkx_support_falls_back_to_documents_before_resolve():
    store = Store()
    store.update("""INSERT DATA {
      GRAPH <http://ex/d1> { <http://ex/d1> dct:publisher <http://ex/p1> .
        <http://ex/c> a cg:Claim ; rdf:subject <http://ex/a> ; rdf:predicate <http://ex/r> ; rdf:object "x" .
        <http://ex/m1> oa:hasBody <http://ex/c> ; oa:hasTarget <http://ex/t1> . <http://ex/t1> oa:hasSource <http://ex/d1> }
      GRAPH <http://ex/d2> {
        <http://ex/m2> oa:hasBody <http://ex/c> ; oa:hasTarget <http://ex/t2> . <http://ex/t2> oa:hasSource <http://ex/d2> }
    }""")
    graph = store.to_networkx()
    (_, _, data), = graph.edges(data=True)
    assert data["support"] == 2 and data["relation"] == "http://ex/r"
