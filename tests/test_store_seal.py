"""Bulk loads whose ``cg:sha256`` triples are written later (``Store.load_documents(seal=False)``), and documents
staged for a load (``Store.stage_document``): the documents
count as built, and their export pieces are read, only once those triples are written."""

from __future__ import annotations

import threading
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg.store
from kg.errors import StoreError
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


def test_a_load_in_the_background_is_whole_before_any_other_use_of_the_store(tmp_path):
    store = open_store(tmp_path, create=True)
    documents = [_document(f"http://ex/d{i}", str(i)) for i in range(200)]
    store.load_documents(documents, seal=False, background=True)
    store.cache_export(documents[0][0], b"piece")
    assert len(store) == 200  # waits for the load: every quad but the held-back cg:sha256 triples
    assert not store.holds_document(documents[0][0]) and store.cached_export(documents[0][0]) is None
    store.seal_documents()
    assert all(store.holds_document(graph) for graph, _ in documents) and len(store) == 400
    assert store.cached_export(documents[0][0]) == b"piece"


def test_a_failed_load_in_the_background_is_raised_and_its_documents_are_never_sealed(tmp_path):
    store = open_store(tmp_path, create=True)
    good, bad = _document("http://ex/good", "1"), _document("http://ex/bad", "2")
    broken = bad[1].replace(b'"2" <', b'"2 <', 1)  # an unclosed literal: the bulk loader's syntax error
    store.load_documents([good], seal=False)
    store.load_documents([(bad[0], broken)], seal=False, background=True)
    with pytest.raises(SyntaxError):
        store.seal_documents()
    store.seal_documents()  # the error was raised once; what loaded before it is sealed, the failed graph is not
    assert store.holds_document(good[0]) and not store.holds_document(bad[0])
    store.load_documents([bad])  # the store is still usable: the next build loads the document again
    assert store.holds_document(bad[0])


@pytest.fixture
def held_loads(monkeypatch):
    """Bulk loads that wait for ``release`` to be set; ``timed_out`` records, per load, whether it waited in vain."""
    release, timed_out, bulk_load = threading.Event(), [], kg.store._bulk_load

    def slow_load(oxigraph, loads):
        timed_out.append(not release.wait(timeout=30))
        bulk_load(oxigraph, loads)

    monkeypatch.setattr(kg.store, "_bulk_load", slow_load)
    return release, timed_out


def test_holds_document_does_not_wait_for_a_load_in_the_background(tmp_path, held_loads):
    """A build asks it of every new input while the previous documents load: waiting would undo the overlap."""
    release, timed_out = held_loads
    store = open_store(tmp_path, create=True)
    graph, data = _document("http://ex/a", "1")
    store.load_documents([(graph, data)], seal=False, background=True)
    assert not store.holds_document(graph) and not store.holds_document(ox.NamedNode("http://ex/other"))
    release.set()
    store.seal_documents()
    assert timed_out == [False] and store.holds_document(graph)


def test_staged_documents_wait_on_disk_not_in_memory_until_loaded(tmp_path, monkeypatch):
    """A build stages some 64 MB of documents per load: their N-Quads in one file beside the store, their pieces
    in the cache, so the chunk is never held in memory beside the bulk loader."""
    loaded, bulk_load = [], kg.store._bulk_load

    def seen_load(oxigraph, loads):
        loaded.extend(load.read_bytes() if isinstance(load, Path) else None for load in loads)
        bulk_load(oxigraph, loads)

    monkeypatch.setattr(kg.store, "_bulk_load", seen_load)
    store = open_store(tmp_path, create=True)
    (a, data_a), (b, data_b) = _document("http://ex/a", "1"), _document("http://ex/b", "2")
    store.stage_document(a, data_a, b"piece a")
    store.stage_document(b, data_b)
    assert len(list(tmp_path.glob(".bulk-load-*.nq"))) == 1
    assert len(store) == 0 and store.cached_export(a) is None  # nothing loaded yet
    store.load_staged()
    assert len(loaded) == 1 and loaded[0] is not None  # one load, read from the file
    assert b'"1"' in loaded[0] and b'"2"' in loaded[0] and str(CG.sha256).encode() not in loaded[0]
    assert len(store) == 2 and not store.holds_document(a)
    assert not list(tmp_path.glob(".bulk-load-*"))  # the load's file is gone once loaded
    store.seal_documents()
    assert store.holds_document(a) and store.holds_document(b) and len(store) == 4
    assert store.cached_export(a) == b"piece a" and store.cached_export(b) is None


def test_staged_documents_replace_their_old_graphs_and_pieces(tmp_path):
    store = open_store(tmp_path, create=True)
    graph, old = _document("http://ex/a", "old")
    store.load_documents([(graph, old)])
    store.cache_export(graph, b"old piece")
    _, new = _document("http://ex/a", "new")
    store.stage_document(graph, new, b"new piece")
    assert store.cached_export(graph) == b"old piece"  # the store is as it was until the load
    store.seal_documents()  # seals what is loaded; staged documents wait for their load
    assert {q.object.value for q in store.quads(graph)} == {"old"}
    store.flush()  # loads what is staged, then seals it
    values = {q.object.value for q in store.quads(graph)}
    assert values == {"new"} and store.cached_export(graph) == b"new piece"


def test_staging_does_not_wait_for_a_load_in_the_background(tmp_path, held_loads):
    """The next chunk is staged while the last one loads: waiting would undo the overlap."""
    release, timed_out = held_loads
    store = open_store(tmp_path, create=True)
    (a, data_a), (b, data_b) = _document("http://ex/a", "1"), _document("http://ex/b", "2")
    store.load_documents([(a, data_a)], seal=False, background=True)
    store.stage_document(b, data_b, b"piece b")
    release.set()
    store.load_staged(background=True)
    store.seal_documents()
    assert timed_out == [False, False] and store.holds_document(a) and store.holds_document(b)
    assert store.cached_export(b) == b"piece b"


def test_a_store_reopened_after_a_kill_drops_what_was_staged(tmp_path):
    store = open_store(tmp_path, create=True)
    graph, data = _document("http://ex/a", "1")
    store.stage_document(graph, data, b"piece")
    assert list(tmp_path.glob(".bulk-load-*")) and list((tmp_path / "export-cache").glob("*.staged"))
    del store  # a killed build: never loaded
    reopened = open_store(tmp_path)
    assert not reopened.has_graph(graph) and reopened.cached_export(graph) is None
    assert not list(tmp_path.glob(".bulk-load-*")) and not list((tmp_path / "export-cache").glob("*.staged"))


def test_a_failed_staged_load_leaves_no_file_behind(tmp_path):
    store = open_store(tmp_path, create=True)
    graph, data = _document("http://ex/bad", "2")
    store.stage_document(graph, data.replace(b'"2" <', b'"2 <', 1))
    with pytest.raises(SyntaxError):
        store.load_staged()
    assert not list(tmp_path.glob(".bulk-load-*")) and not store.holds_document(graph)


def test_staging_on_a_full_disk_is_a_clear_error_and_stages_nothing(tmp_path, monkeypatch):
    store = open_store(tmp_path, create=True)
    (a, data_a), (b, data_b) = _document("http://ex/a", "1"), _document("http://ex/b", "2")
    store.stage_document(a, data_a)

    def full(self, *args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(kg.store._Staged, "add", full)
    with pytest.raises(StoreError, match="E202 .*cannot stage documents for a bulk load .No space left on device"):
        store.stage_document(b, data_b)
    monkeypatch.undo()
    assert not list(tmp_path.glob(".bulk-load-*"))  # what was staged is dropped, not loaded half
    store.flush()
    assert len(store) == 0 and not store.holds_document(a)


def test_a_write_to_a_staged_graph_loads_it_first(tmp_path):
    store = open_store(tmp_path, create=True)
    (a, data_a), (b, data_b) = _document("http://ex/a", "1"), _document("http://ex/b", "2")
    store.stage_document(a, data_a)
    store.stage_document(b, data_b)
    store.drop_graph(a)  # the load comes first, never after the drop
    store.flush()
    assert not store.has_graph(a) and store.holds_document(b)
