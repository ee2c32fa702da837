"""A huge article is extracted window by window: bounded memory, the same sentences, exact offsets."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from pyoxigraph import NamedNode

import kg.build
from kg.build import build
from kg.rdf.terms import DEFAULT_BASE_IRI, document_iri
from kg.store import open_store

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def long_article(chars: int) -> str:
    """Paragraphs of the seed articles, numbered so they differ, until ``chars`` characters."""
    paragraphs = [p for f in sorted(SEEDS.glob("*.txt")) for p in f.read_text().split("\n\n") if len(p) > 200]
    parts, size = ["Long report"], 11
    for n, paragraph in enumerate(itertools.cycle(paragraphs)):
        if size >= chars:
            break
        part = f"Update {n}: {paragraph}"
        parts.append(part)
        size += len(part) + 2
    return "\n\n".join(parts) + "\n"


@pytest.fixture(scope="module")
def large_builds(tmp_path_factory):
    folder = tmp_path_factory.mktemp("large")
    (folder / "long.txt").write_text(long_article(30_000), encoding="utf-8")
    whole = tmp_path_factory.mktemp("whole")
    build([folder], whole, exports=(), executor="serial")
    windowed = tmp_path_factory.mktemp("windowed")
    patch = pytest.MonkeyPatch()
    patch.setattr(kg.build, "WINDOW_CHARS", 4_000)
    patch.setattr(kg.build, "BATCH_CHARS", 8_000)
    try:
        report = build([folder], windowed, exports=("trig",), executor="serial")
    finally:
        patch.undo()
    return folder, whole, windowed, report


def _sentences(out: Path) -> int:
    rows = open_store(out, read_only=True).select("SELECT ?n WHERE { ?d cg:sentenceCount ?n }")
    assert len(rows) == 1, "one sentence count per document, even when it was loaded window by window"
    return int(rows[0]["n"].value)


def test_a_windowed_document_is_one_complete_graph(large_builds):
    folder, _, windowed, report = large_builds
    assert report.ok and report.built == 1
    store = open_store(windowed, read_only=True)
    [doc] = store.select("SELECT ?d ?sha WHERE { ?d a schema:NewsArticle ; cg:sha256 ?sha }")
    assert doc["d"].value == document_iri(DEFAULT_BASE_IRI, doc["sha"].value)
    assert store.holds_document(NamedNode(doc["d"].value))
    assert len(store.select("SELECT ?c WHERE { ?m a cg:ClaimMention ; oa:hasBody ?c }")) > 50


def test_windows_parse_the_same_sentences_as_the_whole(large_builds):
    _, whole, windowed, _ = large_builds
    assert _sentences(windowed) == _sentences(whole) > 100


def test_every_quote_of_a_windowed_document_is_the_text_at_its_offsets(large_builds):
    folder, _, windowed, _ = large_builds
    text = (folder / "long.txt").read_text(encoding="utf-8")
    rows = open_store(windowed, read_only=True).select(
        "SELECT ?s ?e ?x WHERE { ?p oa:start ?s ; oa:end ?e . ?t oa:hasSelector ?p , ?q . ?q oa:exact ?x }")
    assert len(rows) > 100
    late = [r for r in rows if int(r["s"].value) > 20_000]
    assert late, "mentions from the last windows are there too"
    for row in rows:
        assert text[int(row["s"].value) : int(row["e"].value)] == row["x"].value
