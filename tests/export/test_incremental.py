"""Incremental exports (kg.export.incremental): an export into the same files as the previous one, after
graphs were added, replaced or dropped, writes the bytes a full export of the same store writes, and
really goes the incremental way (it does not read the unchanged graphs)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.export import formats
from kg.export.formats import write_exports
from kg.store import Store, open_store

from tests.export.store_changes import RESOLUTION, change_store

FORMATS = ("turtle", "trig", "nquads", "jsonld")
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
PREDICATES = [TYPE, ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"),
              ox.NamedNode("https://w3id.org/claimgraph/ns#quantity"), ox.NamedNode("http://ex/p"),
              ox.NamedNode("http://purl.org/dc/terms/title")]
CLASSES = [ox.NamedNode("https://w3id.org/claimgraph/ns#Claim"), ox.NamedNode("https://schema.org/Person"),
           ox.NamedNode("https://w3id.org/claimgraph/ns#Entity")]
SHARED = [ox.NamedNode(f"https://w3id.org/claimgraph/id/entity/e{i}") for i in range(12)]


def _object(rng: random.Random, predicate: ox.NamedNode):
    if predicate == TYPE:
        return rng.choice(CLASSES)
    kind = rng.randrange(4)
    if kind == 0:
        return rng.choice(SHARED)
    if kind == 1:
        return ox.Literal(str(rng.randrange(40)), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    return ox.Literal(rng.choice(["a", "b \"q\"", "line\nbreak", "Zürich", "x , y ; z ."]) + str(rng.randrange(3)))


def _graph(rng: random.Random, iri: str, size: int) -> list[ox.Quad]:
    g = ox.NamedNode(iri)
    own = [ox.NamedNode(f"{iri}/s{i}") for i in range(4)]
    quads = []
    for _ in range(size):
        subject = rng.choice(SHARED + own)
        predicate = rng.choice(PREDICATES)
        quads.append(ox.Quad(subject, predicate, _object(rng, predicate), g))
    return quads


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("graph.*"))}


def _truth(store: Store, folder: Path) -> dict[str, bytes]:
    """A full export of the same quads from an in-memory store (no cache, no state)."""
    copy = Store()
    copy.add_quads(store.quads())
    folder.mkdir(parents=True, exist_ok=True)
    write_exports(copy, folder, FORMATS)
    return _files(folder)


def _no_full_pass(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("a full export pass where the incremental one should do")

    monkeypatch.setattr(formats, "_write_all", refuse)


def _change(rng: random.Random, store: Store, names: list[str]) -> None:
    """Add, replace and drop a few graphs, and rewrite a 'resolution' graph with mostly the same triples."""
    change_store(rng, store, names, _graph, keep=0.9,
                 resolution_extra=lambda rng: _graph(rng, RESOLUTION.value, 3))


def _exported(tmp_path: Path, seed: int) -> tuple[random.Random, Store, list[str], Path]:
    """A store of five small document graphs, exported in full once (so the state is kept)."""
    rng = random.Random(seed)
    store = open_store(tmp_path / "out", create=True)
    names = [f"https://w3id.org/claimgraph/id/doc/{i}" for i in range(5)]
    for iri in names:
        store.replace_graph(ox.NamedNode(iri), _graph(rng, iri, 20))
    out = tmp_path / "out"
    write_exports(store, out, FORMATS)
    return rng, store, names, out


@pytest.mark.parametrize("seed", range(4))
def test_incremental_exports_are_the_bytes_of_a_full_export(tmp_path, monkeypatch, seed):
    rng = random.Random(seed)
    store = open_store(tmp_path / "out", create=True)
    names = [f"https://w3id.org/claimgraph/id/doc/{i:06d}" for i in range(8)]
    for iri in names:
        store.replace_graph(ox.NamedNode(iri), _graph(rng, iri, rng.randrange(1, 40)))
    _change(rng, store, names)
    out = tmp_path / "out"
    write_exports(store, out, FORMATS)  # full, keeps the state
    assert _files(out) == _truth(store, tmp_path / "truth0")
    for round_ in range(1, 5):
        _change(rng, store, names)
        with monkeypatch.context() as patch:
            _no_full_pass(patch)
            exports = write_exports(store, out, FORMATS)
        truth = _truth(store, tmp_path / f"truth{round_}")
        assert _files(out) == truth, f"round {round_}"
        counted = {e.path.name: e.count for e in exports}
        full = {e.path.name: e.count for e in write_exports(Store(), tmp_path / "empty", FORMATS)}
        assert counted.keys() == full.keys()
        store_copy = Store()
        store_copy.add_quads(store.quads())
        expected = {e.path.name: e.count for e in write_exports(store_copy, tmp_path / f"c{round_}", FORMATS)}
        assert counted == expected


def test_nothing_changed_copies_the_files(tmp_path, monkeypatch):
    _, store, _, out = _exported(tmp_path, 7)
    before = _files(out)
    _no_full_pass(monkeypatch)
    write_exports(store, out, FORMATS)
    assert _files(out) == before


def test_a_file_touched_since_makes_a_full_export(tmp_path, monkeypatch):
    rng, store, names, out = _exported(tmp_path, 3)
    (out / "graph.ttl").write_bytes(b"# edited by hand\n")
    _change(rng, store, names)
    calls = []
    original = formats._write_all
    monkeypatch.setattr(formats, "_write_all", lambda *a, **k: calls.append(1) or original(*a, **k))
    write_exports(store, out, FORMATS)
    assert calls, "a file changed by someone else is not spliced"
    assert _files(out) == _truth(store, tmp_path / "truth")


def test_a_lost_link_makes_a_full_export(tmp_path):
    """A state that cannot say what a replaced graph held (its link to the old piece is gone) is not used:
    the export is still right."""
    rng, store, names, out = _exported(tmp_path, 5)
    folder = store.export_state_dir()
    manifest = json.loads((folder / "manifest.json").read_text())
    first = manifest["members"][names[0]]
    (folder / "members" / first).unlink()  # the old triples of this graph are lost
    store.replace_graph(ox.NamedNode(names[0]), _graph(rng, names[0], 5))
    write_exports(store, out, FORMATS)
    assert _files(out) == _truth(store, tmp_path / "truth")


def test_a_read_only_store_keeps_no_state(tmp_path):
    store = open_store(tmp_path / "out", create=True)
    iri = "https://w3id.org/claimgraph/id/doc/1"
    store.replace_graph(ox.NamedNode(iri), _graph(random.Random(1), iri, 10))
    del store
    reader = open_store(tmp_path / "out", read_only=True)
    assert reader.export_state_dir() is None
    write_exports(reader, tmp_path / "files", FORMATS)
    assert not (tmp_path / "out" / "export-cache" / "incremental").exists()


def test_a_build_in_two_steps_writes_the_files_of_a_build_in_one(seeds_dir, tmp_path, monkeypatch):
    """Build one seed, then add the other (exports spliced), then change it (its old graph replaced): the
    files are those of building the same inputs at once."""
    from kg.build import build

    a, b = sorted(seeds_dir.glob("*.txt"))
    work = tmp_path / "in"
    work.mkdir()
    (work / a.name).write_bytes(a.read_bytes())
    steps = tmp_path / "steps"
    build([work], steps)
    (work / b.name).write_bytes(b.read_bytes())
    passes = []
    original = formats._write_all
    monkeypatch.setattr(formats, "_write_all", lambda *args, **kw: passes.append(1) or original(*args, **kw))
    second = build([work], steps)
    assert (second.built, second.unchanged) == (1, 1) and not passes
    monkeypatch.undo()
    build([work], tmp_path / "once")
    assert _files(steps) == _files(tmp_path / "once")

    changed = b.read_text(encoding="utf-8").replace("gala event", "grand gala event")
    (work / b.name).write_text(changed, encoding="utf-8")
    monkeypatch.setattr(formats, "_write_all", lambda *args, **kw: passes.append(1) or original(*args, **kw))
    third = build([work], steps)
    assert (third.built, third.replaced) == (1, 1) and not passes
    monkeypatch.undo()
    build([work], tmp_path / "again")
    assert b"grand gala event" in (steps / "graph.ttl").read_bytes()
    assert _files(steps) == _files(tmp_path / "again")


def _blank_graph(iri: str, own: str, *, shared: bool = True, extra: int = 0) -> list[ox.Quad]:
    """A graph with blank nodes of its own and, when ``shared``, statements about one blank node that several
    graphs share (the same triples stated in each, and links to it)."""
    g, p, label = ox.NamedNode(iri), ox.NamedNode("http://ex/p"), PREDICATES[1]
    mine = [ox.BlankNode(f"{own}{i}") for i in range(2 + extra)]
    quads = [ox.Quad(mine[0], p, mine[1], g), ox.Quad(g, p, mine[0], g)]
    quads += [ox.Quad(b, label, ox.Literal(f"{own} {i}"), g) for i, b in enumerate(mine)]
    if shared:
        hub = ox.BlankNode("hub")
        quads += [ox.Quad(hub, TYPE, CLASSES[2], g), ox.Quad(hub, label, ox.Literal("the hub"), g),
                  ox.Quad(hub, p, mine[1], g), ox.Quad(mine[0], p, hub, g)]
    return quads


def test_incremental_exports_with_blank_nodes_across_graphs_are_the_bytes_of_a_full_export(tmp_path, monkeypatch):
    # a hand-loaded or imported graph may hold blank nodes, and a store may share one among several graphs:
    # the union counts a blank node's triple once per graph stating it, as any other triple
    store = open_store(tmp_path / "out", create=True)
    docs = [f"https://w3id.org/claimgraph/id/doc/b{i}" for i in range(6)]
    for i, iri in enumerate(docs):
        store.replace_graph(ox.NamedNode(iri), _blank_graph(iri, f"d{i}x", shared=i % 2 == 0))
    store.replace_graph(RESOLUTION, _blank_graph(RESOLUTION.value, "r", extra=6))
    out = tmp_path / "out"
    write_exports(store, out, FORMATS)
    assert _files(out) == _truth(store, tmp_path / "truth0")
    steps = [
        lambda: store.replace_graph(ox.NamedNode(docs[0] + "n"), _blank_graph(docs[0] + "n", "n")),  # added
        lambda: store.replace_graph(ox.NamedNode(docs[1]), _blank_graph(docs[1], "d1y", shared=True)),  # replaced
        lambda: store.replace_graph(ox.NamedNode(docs[2]), _blank_graph(docs[2], "d2x", shared=False)),  # hub left
        lambda: store.drop_graph(ox.NamedNode(docs[4])),  # one statement of the hub's triples fewer
        # the resolution graph rewritten with most of its triples (its unchanged subjects' blocks are reused)
        lambda: store.replace_graph(RESOLUTION, _blank_graph(RESOLUTION.value, "r", extra=7)),
        lambda: store.replace_graph(ox.NamedNode(docs[3]), []),
    ]
    for round_, step in enumerate(steps, 1):
        step()
        with monkeypatch.context() as patch:
            _no_full_pass(patch)
            write_exports(store, out, FORMATS)
        assert _files(out) == _truth(store, tmp_path / f"truth{round_}"), f"step {round_}"
    assert b"the hub" in (out / "graph.ttl").read_bytes() and b"_:hub" in (out / "graph.trig").read_bytes()


def test_a_graph_loaded_from_text_with_blank_nodes_exports_the_stores_labels(tmp_path):
    # a build caches each document's piece made from the N-Quads it loads; the store names a loaded blank node
    # anew, so a piece made from the text would export labels the store does not have, and an export from the
    # store (or a later incremental one, taking the graph's old triples out of the union) would disagree
    from kg.export.formats import document_piece

    store = open_store(tmp_path / "out", create=True)
    loaded = []
    for i in range(3):
        iri = f"https://w3id.org/claimgraph/id/doc/t{i}"
        data = (f'_:a <http://ex/p> "x{i}" <{iri}> .\n<{iri}> <http://ex/p> _:a <{iri}> .\n'
                f'<{iri}> <http://purl.org/dc/terms/title> "T{i}" <{iri}> .\n'
                f'<{iri}> <https://w3id.org/claimgraph/ns#sha256> "{i:064d}" <{iri}> .\n').encode()
        loaded.append((ox.NamedNode(iri), data))
    store.load_documents(loaded)
    # each document's "_:a" is its own blank node
    assert len({q.subject for q in store.quads() if isinstance(q.subject, ox.BlankNode)}) == 3
    for graph, data in loaded:  # as kg.build does
        piece = document_piece(data, graph.value)
        if piece:
            store.cache_export(graph, piece)
    out = tmp_path / "out"
    write_exports(store, out, FORMATS)
    assert _files(out) == _truth(store, tmp_path / "truth0")
    store.replace_graph(loaded[0][0], [])
    write_exports(store, out, FORMATS)
    assert _files(out) == _truth(store, tmp_path / "truth1")


_TURTLE_TEXT = st.lists(st.sampled_from([b"<http://ex/a> ", b"\t", b"\n", b"\n\t", b"x", b"\x00", b";", b"\n\n"]),
                        max_size=30).map(b"".join)


@settings(max_examples=300, deadline=None)
@given(_TURTLE_TEXT)
def test_the_subject_blocks_of_a_turtle_body_are_where_a_line_starts_unindented(body):
    from kg.export.incremental import _BLOCK_START, _turtle_blocks

    assert _turtle_blocks(body) == [m.start() for m in _BLOCK_START.finditer(body)] + [len(body)]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.binary(min_size=1, max_size=5).filter(lambda b: b"\n" not in b), max_size=4), max_size=4))
def test_subjects_added_in_bulk_are_the_subjects_added_one_by_one(batches):
    from kg.export.incremental import _Subjects

    bulk, single = _Subjects(), _Subjects()
    for batch in batches:
        bulk.extend(batch)
        for subject in batch:
            single.append(subject)
    assert bulk.data() == single.data() and bulk[:] == single[:] and len(bulk) == len(single)


@pytest.mark.parametrize("slack", [0, 1000])
def test_the_unions_lines_appended_to_or_rewritten_give_the_files_of_a_full_export(tmp_path, monkeypatch, slack):
    """The union's lines file is appended to (slack 1000) or written anew (slack 0) by each incremental export;
    bytes after the last subject's lines (what an export that crashed after appending leaves) are ignored."""
    from kg.export import incremental

    monkeypatch.setattr(incremental, "_LINES_SLACK", slack)
    rng, store, names, out = _exported(tmp_path, 21)
    folder = store.export_state_dir()
    first = json.loads((folder / "manifest.json").read_text())["union"]["lines"]
    for round_ in range(1, 6):
        _change(rng, store, names)
        if round_ == 3:
            lines = json.loads((folder / "manifest.json").read_text())["union"]["lines"]
            with open(folder / lines, "ab") as blob:
                blob.write(b"<http://ex/left-over> <http://ex/p> <http://ex/o> .\n")
        with monkeypatch.context() as patch:
            _no_full_pass(patch)
            write_exports(store, out, FORMATS)
        assert _files(out) == _truth(store, tmp_path / f"truth{round_}"), f"round {round_}"
        now = json.loads((folder / "manifest.json").read_text())["union"]["lines"]
        assert (now == first) == bool(slack)
        assert sorted(p.name for p in folder.glob("lines.*")) == [now]


def _state_files(store: Store) -> dict[str, bytes]:
    """The union state's files, by what they hold (the names carry the generation)."""
    folder = store.export_state_dir()
    union = json.loads((folder / "manifest.json").read_text())["union"]
    return {key: (folder / name).read_bytes() for key, name in union.items()}


@pytest.mark.parametrize("seed", range(3))
def test_the_union_state_written_chunk_by_chunk_is_the_state_written_at_once(tmp_path, monkeypatch, seed):
    """A full export appends each union chunk's arrays to the state files and keeps none of them (the state of
    a big corpus's union is hundreds of MB); with the union spilled in runs of a few lines, read and merged a
    few lines at a time, the files are those of an export that sorted the union in memory and gave it in one
    chunk, and the incremental exports after it still give the bytes of full exports."""
    from kg.export import incremental

    rng = random.Random(seed)
    stores = []
    for name, run_lines, chunk in (("whole", 10**6, 10**6), ("chunked", 7, 5)):
        store = open_store(tmp_path / name, create=True)
        for i in range(8):
            iri = f"https://w3id.org/claimgraph/id/doc/{i:06d}"
            store.replace_graph(ox.NamedNode(iri), _graph(random.Random(f"{seed}-{i}"), iri, 30))
        held: list[int] = []
        with monkeypatch.context() as patch:
            patch.setattr(formats, "_RUN_LINES", run_lines)
            counted = formats._Union.counted
            patch.setattr(formats._Union, "counted", lambda self, size=chunk: counted(self, size))
            patch.setattr(formats, "_MERGE_BYTES", 64)  # the runs merged a few lines at a time
            patch.setattr(formats, "_MERGE_MIN_BYTES", 1)
            chunk_of = incremental.Recorder.union_chunk

            def spy(self, *chunk):
                chunk_of(self, *chunk)
                held.append(len(self.union.subjects) + len(self.union.counts) + len(self.union.at))

            patch.setattr(incremental.Recorder, "union_chunk", spy)
            write_exports(store, tmp_path / name, FORMATS)
        assert held and not any(held)  # nothing kept in memory after any chunk
        stores.append((store, len(held)))
    (whole, n_whole), (chunked, n_chunked) = stores
    assert n_chunked > max(3, n_whole)
    assert _state_files(chunked) == _state_files(whole)
    assert _files(tmp_path / "chunked") == _files(tmp_path / "whole")
    names = [f"https://w3id.org/claimgraph/id/doc/{i:06d}" for i in range(8)]
    for round_ in range(1, 3):
        _change(rng, chunked, names)
        with monkeypatch.context() as patch:
            _no_full_pass(patch)
            write_exports(chunked, tmp_path / "chunked", FORMATS)
        assert _files(tmp_path / "chunked") == _truth(chunked, tmp_path / f"truth{round_}"), f"round {round_}"
