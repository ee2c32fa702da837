"""A graph too big to hold (the resolution graph of a big corpus) is sorted on disk and written in pieces:
every format holds the same quads as when it is held whole, and the union exports the same bytes."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

import kg.export.formats as formats
from kg.export.formats import write_export_files

FORMATS = ("ttl", "trig", "nq", "jsonld")


def _write(store, folder):
    return write_export_files(store, [(fmt, folder / f"graph.{fmt}") for fmt in FORMATS])


def _quads(path, fmt):
    parsed = ox.parse(path.read_bytes(), format={"trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS,
                                                  "jsonld": ox.RdfFormat.JSON_LD}[fmt])
    return {str(q) for q in parsed}


@pytest.fixture()
def store(trig_store):
    return trig_store


def test_a_graph_past_the_limit_is_written_in_pieces_with_the_same_quads(store, tmp_path, monkeypatch):
    whole = _write(store, tmp_path / "whole")
    pieces: list[int] = []
    real = formats._big_pieces

    def counting(graph, dump):
        for piece in real(graph, dump):
            pieces.append(len(piece.lines))
            yield piece

    monkeypatch.setattr(formats, "_BIG_GRAPH_BYTES", 200)  # every graph of more than a line or two
    monkeypatch.setattr(formats, "_BIG_PIECE_LINES", 3)
    monkeypatch.setattr(formats, "_RUN_LINES", 5)  # and sorted through runs on disk
    monkeypatch.setattr(formats, "_big_pieces", counting)
    split = _write(store, tmp_path / "split")
    assert len(pieces) > len(store.named_graphs()) and max(pieces) <= 3
    assert [e.count for e in split] == [e.count for e in whole]
    assert (tmp_path / "split" / "graph.ttl").read_bytes() == (tmp_path / "whole" / "graph.ttl").read_bytes()
    for fmt in ("trig", "nq", "jsonld"):
        assert _quads(tmp_path / "split" / f"graph.{fmt}", fmt) == _quads(tmp_path / "whole" / f"graph.{fmt}", fmt)
    # the pieces come in the order of the whole graph's sorted lines
    assert (tmp_path / "split" / "graph.nq").read_bytes() == (tmp_path / "whole" / "graph.nq").read_bytes()
    json.loads((tmp_path / "split" / "graph.jsonld").read_text())  # still one JSON document


def test_a_graph_under_the_limit_is_not_split(store, tmp_path, monkeypatch):
    monkeypatch.setattr(formats, "_big_pieces", lambda graph, dump: pytest.fail("split a small graph"))
    _write(store, tmp_path)
