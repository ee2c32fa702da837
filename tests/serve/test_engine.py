"""kg.serve.engine.run_query: SELECT answers from Oxigraph's writers, counted and limited as they are written."""

from __future__ import annotations

import time

import pyoxigraph as ox
import pytest

import kg.store
from kg.serve.engine import QueryDeadline, run_query, write_graph
from kg.store import Store
from tests.test_store_results import DATA, SELECT

MEDIA = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
         "csv": "text/csv", "tsv": "text/tab-separated-values"}
FORMATS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML, "tsv": ox.QueryResultsFormat.TSV}


@pytest.fixture(scope="module")
def store():
    store = Store()
    store.update("INSERT DATA { " + DATA + " }")
    return store


def _terms(solutions) -> list[tuple]:
    names = [v.value for v in solutions.variables]
    return sorted(tuple(str(s[n]) if s[n] is not None else None for n in names) for s in solutions)


@pytest.mark.parametrize("fmt", ["json", "xml", "tsv"])
def test_every_format_gives_the_decoded_terms(store, fmt):
    # languages, datatypes, line breaks, tabs and unbound cells survive the TSV the answer is first written in
    answer = run_query(store, SELECT, accept=MEDIA[fmt])
    assert answer.status == 200 and answer.media_type == MEDIA[fmt]
    assert _terms(ox.parse_query_results(answer.body, format=FORMATS[fmt])) == _terms(store.query(SELECT))
    assert answer.rows == 15


def test_csv_answer_has_the_values(store):
    answer = run_query(store, SELECT, accept="text/csv")
    assert answer.body.startswith(b"o,extra\r\n")
    assert b'"line\nbreak",\r\n' in answer.body and b'"comma, inside",\r\n' in answer.body


def test_the_row_limit_is_exact(store):
    # 15 rows, two of them with a literal holding a line break: lines of the answer are not rows
    assert run_query(store, SELECT, accept="text/csv", max_rows=15).status == 200
    over = run_query(store, SELECT, accept="text/csv", max_rows=14)
    assert over.status == 413 and b"more than 14 rows" in over.body


def test_a_big_answer_is_stopped_at_the_limit():
    store = Store()
    store.update("INSERT DATA { " + " ".join(f"<http://ex/s{i}> <http://ex/p> {i} ." for i in range(20_000)) + " }")
    answer = run_query(store, "SELECT * WHERE { ?s ?p ?o }", accept="application/sparql-results+json", max_rows=100)
    assert answer.status == 413
    whole = run_query(store, "SELECT * WHERE { ?s ?p ?o }", accept="application/sparql-results+json",
                      max_rows=20_000)
    assert whole.status == 200 and whole.rows == 20_000


def test_a_passed_deadline_stops_the_answer(store):
    with pytest.raises(QueryDeadline):
        run_query(store, SELECT, accept="text/csv", deadline=time.monotonic() - 1)


@pytest.mark.parametrize("existing", [False, True])
def test_a_graph_store_put_bigger_than_a_chunk_goes_through_the_staging_graph(monkeypatch, existing):
    # the same replace as resolve's: more quads than a chunk are staged, then swapped in by one update
    monkeypatch.setattr(kg.store, "REPLACE_CHUNK_QUADS", 2)
    graph = "http://ex/put"
    store = Store()
    if existing:
        store.add_quads([ox.Quad(ox.NamedNode("http://ex/s"), ox.NamedNode("http://ex/p"), ox.Literal("old"),
                                 ox.NamedNode(graph))])
    body = "".join(f'<http://ex/s> <http://ex/p> "{i}" .\n' for i in range(5)).encode()
    answer = write_graph(store, "PUT", graph, body, "text/turtle")
    assert answer.status == (204 if existing else 201)
    assert sorted(q.object.value for q in store.quads(ox.NamedNode(graph))) == [str(i) for i in range(5)]
    assert [g.value for g in store.named_graphs()] == [graph]  # the staging graph is gone


def test_blank_nodes_of_two_uploads_stay_two_nodes():
    store = Store()
    graph_a, graph_b = "http://ex/a", "http://ex/b"
    body = b'_:b0 <http://ex/p> "one" .\n'
    assert write_graph(store, "PUT", graph_a, body, "text/turtle").status == 201
    assert write_graph(store, "PUT", graph_b, body, "text/turtle").status == 201
    assert write_graph(store, "POST", graph_a, b'_:b0 <http://ex/p> "two" .\n', "text/turtle").status == 204
    subjects = [q.subject for g in (graph_a, graph_b) for q in store.quads(ox.NamedNode(g))]
    assert len(subjects) == 3 and all(isinstance(s, ox.BlankNode) for s in subjects)
    assert len({s.value for s in subjects}) == 3  # one node per upload, none shared across graphs or posts
