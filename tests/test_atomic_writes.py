"""Every file claimgraph writes into a build folder is written atomically: a temporary file, then ``os.replace``.

Checked from the outside with a Python audit hook, whatever the writer's code:
the target is never opened for writing, the new content arrives by one rename
from a temporary file in the same folder, and at the moment of that rename the
target still holds its previous content. A writer that fails halfway leaves the
previous file whole and no temporary file behind. The writers: every export
format, the graph page, and the document texts.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg.export.formats as formats
from kg.build import _save_text
from kg.export.formats import FORMATS, write_export
from kg.export.page import write_page
from kg.model import Document
from kg.store import Store

DATA = Path(__file__).resolve().parent / "data"
_EVENTS: list[tuple[str, tuple]] | None = None  # recording when a list


def _hook(event: str, args: tuple) -> None:
    if _EVENTS is not None and event in ("open", "os.rename"):
        _EVENTS.append((event, args))


sys.addaudithook(_hook)  # audit hooks cannot be removed: this one records only inside _recording()

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC


def _recording(call: Callable[[], object], target: Path) -> tuple[list[tuple[str, tuple]], list[bytes | None]]:
    """Run ``call`` recording opens and renames; also what ``target`` held at each rename onto it."""
    global _EVENTS
    seen_at_rename: list[bytes | None] = []
    events: list[tuple[str, tuple]] = []
    _EVENTS = events
    original = os.replace

    def spying_replace(src, dst, *args, **kwargs):
        if Path(dst) == target:
            seen_at_rename.append(target.read_bytes() if target.exists() else None)
        return original(src, dst, *args, **kwargs)

    os.replace = spying_replace
    try:
        call()
    finally:
        os.replace = original
        _EVENTS = None
    return events, seen_at_rename


def _opened_for_writing(events, target: Path) -> bool:
    for event, args in events:
        if event != "open" or not isinstance(args[0], (str, bytes, os.PathLike)):
            continue
        path, mode, flags = args
        writes = (mode and any(c in str(mode) for c in "wax+")) or (isinstance(flags, int) and flags & _WRITE_FLAGS)
        if writes and Path(os.fsdecode(path)) == target:
            return True
    return False


def _store(n: int) -> Store:
    store = Store()
    g = ox.NamedNode("https://w3id.org/claimgraph/id/doc/1")
    title = ox.NamedNode("http://purl.org/dc/terms/title")
    store.replace_graph(g, [ox.Quad(g, title, ox.Literal(f"version {i}"), g) for i in range(n)])
    return store


def _sample_store() -> Store:
    """Two outlets' documents with claims and entities: enough for the page to draw something."""
    store = Store()
    quads = list(ox.parse(path=str(DATA / "two_outlets.trig"), format=ox.RdfFormat.TRIG))
    for graph in {q.graph_name for q in quads}:
        store.replace_graph(graph, [q for q in quads if q.graph_name == graph])
    return store


WRITERS: dict[str, Callable[[Store, Path], object]] = {
    **{f"export {name}": (lambda name: lambda store, path: write_export(store, name, path))(name) for name in FORMATS},
    "graph page": lambda store, path: write_page(store, path),
}


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_each_writer_replaces_its_file_in_one_rename(tmp_path, name):
    target = tmp_path / "out.file"
    WRITERS[name](_store(1), target)
    before = target.read_bytes()
    events, at_rename = _recording(lambda: WRITERS[name](_sample_store(), target), target)
    assert not _opened_for_writing(events, target), "the target itself was opened for writing"
    renames = [args for event, args in events if event == "os.rename" and Path(args[1]) == target]
    assert len(renames) == 1 and Path(renames[0][0]).parent == tmp_path
    assert at_rename == [before], "the target changed before the rename"
    assert target.read_bytes() != before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.file"]


def test_document_texts_are_written_the_same_way(tmp_path):
    document = Document(text="Kim spoke.\n", source="a.txt")
    events, _ = _recording(lambda: _save_text(tmp_path, document), tmp_path / "texts" / f"{document.sha256}.txt")
    target = tmp_path / "texts" / f"{document.sha256}.txt"
    assert not _opened_for_writing(events, target)
    assert [Path(args[1]) for event, args in events if event == "os.rename"] == [target]
    assert target.read_text(encoding="utf-8") == document.text


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_an_export_that_fails_halfway_leaves_the_previous_file_whole(tmp_path, monkeypatch, name):
    target = tmp_path / "graph.out"
    write_export(_store(2), name, target)
    before = target.read_bytes()
    real = FORMATS[name]

    def failing(store, out):
        real.writer(store, out)
        raise RuntimeError("disk pulled out")

    monkeypatch.setitem(formats.FORMATS, name, formats.ExportFormat(real.name, real.extension, real.media_type,
                                                                      real.aliases, failing, real.counts))
    with pytest.raises(RuntimeError):
        write_export(_store(5), name, target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["graph.out"]


def test_a_page_that_fails_halfway_leaves_the_previous_page_whole(tmp_path, monkeypatch):
    target = tmp_path / "graph.html"
    write_page(_store(2), target)
    before = target.read_bytes()

    def failing_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(Exception):
        write_page(_store(5), target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]
