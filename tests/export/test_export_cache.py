"""The store's export cache: exports read from cached pieces are the bytes a cache-less export writes,
and every kind of write through kg.store.Store drops the pieces of the graphs it touches."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import build
from kg.export.formats import FORMATS, write_exports
from kg.store import EXPORT_CACHE_DIRNAME, Store, open_store
from tests.fixtures import make_build

FILES = [f.extension for f in FORMATS.values()]
P = ox.NamedNode("http://ex/p")


def _exports(store, folder: Path) -> dict[str, bytes]:
    folder.mkdir(parents=True, exist_ok=True)
    return {e.path.name: e.path.read_bytes() for e in write_exports(store, folder, list(FORMATS))}


def _truth(store: Store, folder: Path) -> dict[str, bytes]:
    """The exports of the same quads from an in-memory store, which has no cache."""
    copy = Store()
    copy.add_quads(store.quads())
    return _exports(copy, folder)


@pytest.fixture
def cached(tmp_path) -> tuple[Store, Path]:
    out = make_build(tmp_path / "out")
    store = open_store(out)
    _exports(store, tmp_path / "first")  # makes the pieces
    return store, out


def test_a_writable_store_caches_a_piece_per_named_graph_and_exports_the_same_bytes_from_them(cached, tmp_path):
    store, out = cached
    pieces = list((out / EXPORT_CACHE_DIRNAME).glob("*.bin"))
    assert len(pieces) == len(store.named_graphs()) > 1
    again = _exports(store, tmp_path / "again")
    assert again == _exports(store, tmp_path / "first") == _truth(store, tmp_path / "truth")
    # beside the open writer (whose compaction may race the open: Store tries again itself)
    reader = Store(out / "store", read_only=True)
    assert reader.cached_export(store.named_graphs()[0]) is None  # a reader may see an older state: no cache


@pytest.mark.parametrize("name", ["trig", "jsonld", "nquads"])
def test_a_writer_given_a_stream_that_is_no_file_writes_the_cached_pieces_bytes(cached, tmp_path, name):
    """The per-graph writers copy the pieces' blocks file to file; a stream without a file gets them read."""
    import io

    store, _ = cached
    stream = io.BytesIO()
    FORMATS[name].writer(store, stream)
    assert stream.getvalue() == _exports(store, tmp_path / "files")[f"graph{FORMATS[name].extension}"]


def test_a_writer_given_a_stream_that_transforms_its_bytes_gives_it_the_bytes(cached, tmp_path):
    """A gzip stream names its underlying file by ``fileno()``: the cached pieces must go through the stream."""
    import gzip

    store, _ = cached
    with gzip.open(tmp_path / "graph.trig.gz", "wb") as stream:
        FORMATS["trig"].writer(store, stream)
    with gzip.open(tmp_path / "graph.trig.gz") as back:
        assert back.read() == _exports(store, tmp_path / "files")["graph.trig"]


def _graph(store: Store) -> ox.NamedNode:
    return store.named_graphs()[0]


WRITES = {
    "update": lambda s: s.update(f'INSERT DATA {{ GRAPH <{_graph(s).value}> {{ <http://ex/s> <http://ex/p> "u" }} }}'),
    "replace_graph": lambda s: s.replace_graph(_graph(s), [ox.Quad(_graph(s), P, ox.Literal("r"), _graph(s))]),
    "drop_graph": lambda s: s.drop_graph(_graph(s)),
    "add_quads": lambda s: s.add_quads([ox.Quad(_graph(s), P, ox.Literal("a"), _graph(s))]),
    "add_data": lambda s: s.add_data(f'<http://ex/s> <http://ex/p> "d" <{_graph(s).value}> .\n'.encode()),
    "add_data_graph": lambda s: s.add_data(f'<http://ex/s> <http://ex/p> "d" <{_graph(s).value}> .\n'.encode(),
                                           _graph(s)),
    "load_documents": lambda s: s.load_documents([(_graph(s), f'<{_graph(s).value}> <http://ex/p> "l" '
                                                               f'<{_graph(s).value}> .\n'.encode())]),
    "bulk_replace": lambda s: s.bulk_replace({_graph(s): [ox.Quad(_graph(s), P, ox.Literal("b"), _graph(s))]}),
}


@pytest.mark.parametrize("write", sorted(WRITES))
def test_every_write_drops_the_pieces_it_makes_stale(cached, tmp_path, write):
    store, _ = cached
    before = _exports(store, tmp_path / "before")
    WRITES[write](store)
    after = _exports(store, tmp_path / "after")
    assert after != before
    assert after == _truth(store, tmp_path / "truth")


def test_a_damaged_or_foreign_piece_is_ignored(cached, tmp_path):
    store, out = cached
    pieces = sorted((out / EXPORT_CACHE_DIRNAME).glob("*.bin"))
    pieces[0].write_bytes(pieces[0].read_bytes()[:-5])  # cut short
    pieces[1].write_bytes(b"kg-export-piece 0000000000000000\n1 1 1\nabc")  # another version
    assert _exports(store, tmp_path / "again") == _truth(store, tmp_path / "truth")


def test_an_incremental_build_reads_pieces_and_writes_what_a_fresh_build_writes(seeds_dir, tmp_path):
    a, b = sorted(seeds_dir.glob("*.txt"))
    work = tmp_path / "in"
    work.mkdir()
    shutil.copy(a, work / a.name)
    out = tmp_path / "out"
    exports = ("ttl", "trig", "nq", "jsonld")
    build([work], out, exports=exports, executor="serial")
    pieces = {p.name: p.stat().st_mtime_ns for p in (out / EXPORT_CACHE_DIRNAME).glob("*.bin")}
    assert len(pieces) == 2  # the document and the resolution graph
    shutil.copy(b, work / b.name)
    second = build([work], out, exports=exports, executor="serial")
    assert (second.built, second.unchanged) == (1, 1)
    after = {p.name: p.stat().st_mtime_ns for p in (out / EXPORT_CACHE_DIRNAME).glob("*.bin")}
    kept = [name for name in pieces if after.get(name) == pieces[name]]
    assert len(kept) == 1 and len(after) == 3  # the first document's piece was read, not made again
    fresh = build([work], tmp_path / "fresh", exports=exports, executor="serial")
    assert fresh.built == 2
    for name in ("graph.ttl", "graph.trig", "graph.nq", "graph.jsonld"):
        assert (out / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes(), name


def test_the_pieces_a_build_caches_from_its_workers_are_those_the_store_renders(seeds_dir, tmp_path):
    """Workers make each document's piece from its N-Quads; it must be what the loaded graph renders to."""
    from kg.export.formats import _Piece, _graph_lines, _type_first

    out = tmp_path / "out"
    build([seeds_dir], out, exports=("nq",), executor="serial")
    store = open_store(out)
    documents = [g for g in store.named_graphs() if "/doc/" in g.value]
    assert len(documents) == 2
    for graph in documents:
        lines = sorted(_graph_lines(store, graph), key=_type_first)
        assert store.cached_export(graph) == _Piece(graph, lines).encode()
