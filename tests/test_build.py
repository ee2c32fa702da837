"""End-to-end: `build` on the seeds, and the store's incremental behaviour."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from kg.build import build
from kg.queries import named_query
from kg.rdf.terms import DEFAULT_BASE_IRI, entity_iri
from kg.store import open_store

FURNITURE = ("Leave a Reply", "Responses", "bookmarked", "Your email address", "Now watching", "web site")


def _mention_rows(store):
    return store.select(
        """SELECT DISTINCT ?m ?doc ?src ?start ?end ?exact WHERE {
             ?m a cg:ClaimMention ; oa:hasTarget ?t . ?t oa:hasSource ?doc ; oa:hasSelector ?p , ?q .
             ?doc dct:source ?src . ?p oa:start ?start ; oa:end ?end . ?q oa:exact ?exact }"""
    )


def test_seeds_build_summary(seeds_build):
    out, report = seeds_build
    assert report.ok and report.built == 2
    assert report.stats["documents"] == 2
    assert report.stats["sentences"] >= 30
    assert report.stats["claims"] >= 30
    assert (out / "graph.ttl").stat().st_size > 0 and (out / "graph.trig").stat().st_size > 0


def test_kim_jong_un_is_one_entity_mentioned_in_both_documents(seeds_store):
    kim = entity_iri(DEFAULT_BASE_IRI, "Kim Jong-un")
    rows = seeds_store.select(
        f"SELECT DISTINCT ?doc WHERE {{ ?m a cg:EntityMention ; oa:hasBody <{kim}> ; oa:hasTarget/oa:hasSource ?doc }}"
    )
    assert len(rows) == 2
    labels = {r["l"].value for r in seeds_store.select(f"SELECT ?l WHERE {{ <{kim}> skos:prefLabel ?l }}")}
    assert labels == {"Kim Jong-un"}


def test_every_quote_is_the_text_at_its_offsets(seeds_store, seeds_dir):
    rows = _mention_rows(seeds_store)
    assert rows
    texts = {p.as_posix(): p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt")}
    for row in rows:
        text = texts[row["src"].value]
        start, end = int(row["start"].value), int(row["end"].value)
        assert text[start:end] == row["exact"].value


def test_claim_quotes_whole_sentences(seeds_store, seeds_dir):
    sentence = "Since last autumn, the North has reportedly sent 15,000 soldiers to fight in the conflict."
    exacts = {r["exact"].value for r in _mention_rows(seeds_store)}
    assert sentence in exacts


def test_no_claim_comes_from_page_furniture(seeds_store, seeds_dir):
    guardian = next(p for p in seeds_dir.glob("000_*.txt")).read_text(encoding="utf-8")
    comments_start = guardian.index("4 Responses")
    for row in _mention_rows(seeds_store):
        exact = row["exact"].value
        assert not any(f in exact for f in FURNITURE), exact
        if row["src"].value.endswith(".txt") and "000_" in row["src"].value:
            assert int(row["start"].value) < comments_start


def test_design_queries_answer(seeds_store):
    support = seeds_store.select(named_query("support"))
    assert support and all(int(r["n"].value) >= 1 for r in support)
    said = seeds_store.select(named_query("said"), substitutions={ox.Variable("name"): ox.Literal("Hong Min")})
    assert said, "Hong Min's statements are attributed to him"
    evidence = seeds_store.select(named_query("evidence"))
    assert evidence and all(r["exact"].value for r in evidence)
    seeds_store.select(named_query("conflicts"))  # runs; contents are checked by the resolve tests


def test_no_blank_nodes_and_one_graph_per_document(seeds_store):
    graphs = {g.value for g in seeds_store.named_graphs()}
    docs = {r["d"].value for r in seeds_store.select("SELECT DISTINCT ?d WHERE { ?d a schema:NewsArticle }")}
    assert docs <= graphs
    assert graphs - docs == {DEFAULT_BASE_IRI + "graph/resolution"}
    for q in seeds_store.quads():
        assert not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode)


def test_exports_reparse_to_the_same_triples(seeds_build, seeds_store):
    out, _ = seeds_build
    union = {(q.subject, q.predicate, q.object) for q in seeds_store.quads()}
    ttl = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    assert len(ttl) == len(union)
    assert len(list(ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE))) == len(union)
    trig = rdflib.Dataset()
    trig.parse(out / "graph.trig", format="trig")
    n_quads = len(list(seeds_store.quads()))
    assert sum(1 for _ in trig.quads((None, None, None, None))) == n_quads
    assert len(list(ox.parse(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG))) == n_quads


def _nquads(out: Path) -> list[str]:
    store = open_store(out, read_only=True)
    return sorted(str(q) for q in store.quads())


def test_building_twice_gives_the_same_graph(seeds_build, seeds_dir, tmp_path):
    first, _ = seeds_build
    again = build([seeds_dir], tmp_path / "again", exports=("ttl", "trig"))
    assert again.built == 2
    assert _nquads(first) == _nquads(tmp_path / "again")
    assert (first / "graph.trig").read_bytes() == (tmp_path / "again" / "graph.trig").read_bytes()
    rerun = build([seeds_dir], tmp_path / "again", exports=("trig",))
    assert (rerun.built, rerun.unchanged) == (0, 2)
    assert _nquads(tmp_path / "again") == _nquads(first)


def test_incremental_add_and_changed_document(seeds_dir, tmp_path):
    a, b = sorted(seeds_dir.glob("*.txt"))
    work = tmp_path / "in"
    work.mkdir()
    shutil.copy(a, work / a.name)
    out = tmp_path / "out"
    first = build([work], out, exports=())
    assert first.built == 1
    before = {str(q) for q in open_store(out, read_only=True).quads() if "resolution" not in str(q.graph_name)}
    shutil.copy(b, work / b.name)
    second = build([work], out, exports=())
    assert (second.built, second.unchanged) == (1, 1)
    after = {str(q) for q in open_store(out, read_only=True).quads()}
    assert before <= after, "adding a document leaves the others' graphs untouched"

    changed = b.read_text(encoding="utf-8").replace("gala event", "grand gala event")
    (work / b.name).write_text(changed, encoding="utf-8")
    third = build([work], out, exports=())
    assert (third.built, third.unchanged, third.replaced) == (1, 1, 1)
    store = open_store(out, read_only=True)
    docs = store.select("SELECT DISTINCT ?d WHERE { ?d a schema:NewsArticle }")
    assert len(docs) == 2
    assert any("grand gala event" in r["exact"].value for r in _mention_rows(store))


def test_bad_inputs_are_reported_and_the_rest_is_built(seeds_dir, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("   \n\n", encoding="utf-8")
    (bad / "binary.txt").write_bytes(b"%PDF-1.7\n\x00\x01\x02\xff" * 50)
    (bad / "latin.txt").write_bytes(b"\xff\xfe\xfa not utf-8 \x80\x81")
    report = build([bad, tmp_path / "missing.txt", next(seeds_dir.glob("000_*.txt"))], tmp_path / "out", exports=())
    assert report.built == 1
    joined = "\n".join(report.skipped)
    assert "missing.txt" in joined and "empty.txt" in joined and "binary.txt" in joined
    assert not report.ok
