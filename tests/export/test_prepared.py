"""Export work prepared in another process while a graph changes (kg.export.formats.prepare_export, used by
`kg build` beside resolve): the files are the bytes a plain export writes, whatever happens meanwhile."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.export.formats import FORMATS, prepare_export, write_export_files
from kg.store import Store, open_store
from tests.fixtures import make_build

NAMES = ["turtle", "trig", "nquads", "jsonld"]  # the union (ttl) and the per-graph formats, as a build writes
P = ox.NamedNode("http://ex/p")


def _write(store, folder: Path, prepared=None) -> dict[str, bytes]:
    folder.mkdir(parents=True, exist_ok=True)
    targets = [(name, folder / f"graph.{FORMATS[name].extension.lstrip('.')}") for name in NAMES]
    return {e.path.name: e.path.read_bytes() for e in write_export_files(store, targets, prepared=prepared)}


def _truth(store: Store, folder: Path) -> dict[str, bytes]:
    """The same quads exported from an in-memory store (no cache, nothing prepared)."""
    copy = Store()
    copy.add_quads(store.quads())
    return _write(copy, folder)


@pytest.fixture
def store(tmp_path) -> Store:
    """A built store whose document graphs have cached pieces and that keeps no export state yet."""
    out = make_build(tmp_path / "out")
    store = open_store(out)
    _write(store, tmp_path / "first")  # caches a piece per named graph
    shutil.rmtree(store.export_state_dir(), ignore_errors=True)  # a first build has no export state
    return store


def _changing(store: Store) -> ox.NamedNode:
    return store.named_graphs()[-1]


def test_a_prepared_export_writes_the_bytes_of_a_plain_one_with_the_changed_graph_rendered_anew(store, tmp_path):
    changing = _changing(store)
    with prepare_export(store, NAMES, changing=[changing.value]) as prepared:
        store.replace_graph(changing, [ox.Quad(changing, P, ox.Literal("new"), changing)])  # meanwhile
        written = _write(store, tmp_path / "out1", prepared)
        assert prepared.ready(store.named_graphs(), set()) is not None  # the prepared work was used
    assert b'"new"' in written["graph.ttl"] and b'"new"' in written["graph.nq"]
    assert written == _truth(store, tmp_path / "truth")
    assert (store.export_state_dir() / "manifest.json").is_file()
    # the state kept for the next export describes the files: an incremental export gives the same bytes again
    store.add_quads([ox.Quad(changing, P, ox.Literal("more"), changing)])
    assert _write(store, tmp_path / "out1") == _truth(store, tmp_path / "truth2")


def test_an_unreadable_piece_makes_the_export_do_the_work_itself(store, tmp_path):
    first = store.named_graphs()[0]
    store.export_cache_file(first).write_bytes(b"not a piece")
    with prepare_export(store, NAMES, changing=[_changing(store).value]) as prepared:
        written = _write(store, tmp_path / "out1", prepared)
        assert prepared.ready(store.named_graphs(), set()) is None
    assert written == _truth(store, tmp_path / "truth")


def test_a_prepared_graph_dropped_meanwhile_is_not_exported(store, tmp_path):
    gone = store.named_graphs()[0]
    with prepare_export(store, NAMES, changing=[_changing(store).value]) as prepared:
        store.drop_graph(gone)
        written = _write(store, tmp_path / "out1", prepared)
    assert gone.value.encode() not in written["graph.nq"]
    assert written == _truth(store, tmp_path / "truth")


def test_nothing_is_prepared_without_cached_pieces_or_with_an_export_state(store, tmp_path):
    assert prepare_export(Store(), NAMES) is None  # in memory: no cache
    _write(store, tmp_path / "again")  # leaves an export state: the next export is incremental
    assert prepare_export(store, NAMES) is None
    shutil.rmtree(store.export_state_dir())
    store.add_quads([ox.Quad(_changing(store), P, ox.Literal("x"), _changing(store))])  # drops that piece
    assert prepare_export(store, NAMES) is None
    with prepare_export(store, NAMES, changing=[_changing(store).value]) as prepared:
        assert prepared is not None


def test_n_triples_beside_the_others_come_from_the_prepared_union_too(store, tmp_path):
    names = ["ntriples", *NAMES]
    with prepare_export(store, names, changing=[_changing(store).value]) as prepared:
        targets = [(name, tmp_path / "out" / f"graph{FORMATS[name].extension}") for name in names]
        written = [e.path.read_bytes() for e in write_export_files(store, targets, prepared=prepared)]
        assert prepared.ready(store.named_graphs(), set()) is not None
    copy = Store()
    copy.add_quads(store.quads())
    truth = [tmp_path / "truth" / f"graph{FORMATS[name].extension}" for name in names]
    assert written == [e.path.read_bytes() for e in write_export_files(copy, list(zip(names, truth)))]
