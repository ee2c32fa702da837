"""The replay of a build's store loads (benchmarks.throughput.loads): every document graph loaded and built."""

from __future__ import annotations

import json

from benchmarks.throughput import loads
from kg.rdf.namespaces import CG


def _graph_nq(path, documents: int) -> None:
    lines = []
    for d in range(documents):
        g = f"http://ex/doc/{d}"
        lines += [f'<http://ex/s{d}> <http://ex/p> "{d}-{i}" <{g}> .\n' for i in range(50)]
        lines.append(f'<{g}> <{CG.sha256}> "h{d}" <{g}> .\n')
    lines.append('<http://ex/s0> <http://ex/q> "resolved" <http://ex/resolution> .\n')  # not a document graph
    path.write_text("".join(lines))


def test_replay_loads_every_document_graph_in_chunks_and_reports_json(tmp_path, capsys, monkeypatch):
    nq = tmp_path / "graph.nq"
    _graph_nq(nq, 30)
    monkeypatch.setattr(loads, "PAUSE_EVERY_BYTES", 2000)
    monkeypatch.setattr(loads.time, "sleep", lambda seconds: None)
    assert loads.main([str(nq), "--out", str(tmp_path / "out"), "--chunk-mb", "0", "--pause", "0"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["documents"] == 30 and result["quads"] == 30 * 51  # each graph's lines and its seal, no more
    from kg.store import open_store
    from pyoxigraph import NamedNode

    store = open_store(tmp_path / "out", read_only=True)
    assert all(store.holds_document(NamedNode(f"http://ex/doc/{d}")) for d in range(30))
    assert not store.has_graph(NamedNode("http://ex/resolution"))


def test_docstring_examples():
    import doctest

    result = doctest.testmod(loads)
    assert result.attempted > 0 and result.failed == 0
