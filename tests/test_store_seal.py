"""Bulk loads whose ``cg:sha256`` triples are written later (``Store.load_documents(seal=False)``): the documents
count as built, and their export pieces are read, only once those triples are written."""

from __future__ import annotations

import pyoxigraph as ox

from kg.rdf.namespaces import CG
from kg.store import open_store


def _document(iri: str, value: str) -> tuple[ox.NamedNode, bytes]:
    return ox.NamedNode(iri), (f'<{iri}> <http://ex/p> "{value}" <{iri}> .\n'
                               f'<{iri}> <{CG.sha256}> "{value}" <{iri}> .\n').encode()


def test_documents_are_built_and_their_pieces_read_only_once_sealed(tmp_path):
    store = open_store(tmp_path, create=True)
    graph, data = _document("http://ex/a", "1")
    store.load_documents([(graph, data)], seal=False)
    store.cache_export(graph, b"piece")
    assert not store.holds_document(graph) and len(store) == 1
    assert store.cached_export(graph) is None
    store.seal_documents()
    assert store.holds_document(graph) and len(store) == 2
    assert store.cached_export(graph) == b"piece"


def test_a_write_to_an_unsealed_graph_seals_it_first(tmp_path):
    store = open_store(tmp_path, create=True)
    (a, data_a), (b, data_b) = _document("http://ex/a", "1"), _document("http://ex/b", "2")
    store.load_documents([(a, data_a), (b, data_b)], seal=False)
    store.cache_export(a, b"piece a")
    store.drop_graph(a)  # the pending triples are written before the drop, never into the dropped graph after it
    store.seal_documents()
    assert not store.has_graph(a) and store.cached_export(a) is None
    assert store.holds_document(b)


def test_a_store_closed_before_sealing_holds_the_documents_unbuilt(tmp_path):
    store = open_store(tmp_path, create=True)
    graph, data = _document("http://ex/a", "1")
    store.load_documents([(graph, data)], seal=False)
    store.cache_export(graph, b"piece")
    assert len(list((tmp_path / "export-cache").glob("*.waiting"))) == 1
    del store  # a killed build: the triples were never written
    reopened = open_store(tmp_path)
    assert reopened.has_graph(graph) and not reopened.holds_document(graph)
    assert reopened.cached_export(graph) is None
    assert not list((tmp_path / "export-cache").glob("*.waiting"))  # the killed build's piece is gone on reopen
    reopened.load_documents([(graph, data)])  # the next build loads it again
    assert reopened.holds_document(graph) and len(reopened) == 2
