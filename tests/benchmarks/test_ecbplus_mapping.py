"""Mapping gold mentions to the entities of a build, on a small store written as DESIGN.md's RDF model."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from benchmarks.ecbplus.corpus import annotate_heads, gold_clusters, read_topic
from benchmarks.ecbplus.mapping import (
    SystemMention,
    covering_mention,
    head_mention,
    read_same_as,
    read_system_mentions,
    system_clusters,
)
from benchmarks.ecbplus.run import main, run_topic
from benchmarks.ecbplus.scorer import evaluate
from kg.model import Document
from kg.rdf import terms
from kg.rdf.namespaces import CG, DCTERMS, OA, OWL, RDF, SCHEMA
from kg.store import Store, open_store

MINI = Path(__file__).parent / "data" / "ecbplus"
BASE = terms.DEFAULT_BASE_IRI
XSD_INTEGER = NamedNode("http://www.w3.org/2001/XMLSchema#integer")


def _n(term) -> NamedNode:
    return NamedNode(str(term))


def _document_graph(text: str, source: str, mentions: list[tuple[str, str]]) -> tuple[NamedNode, list[Quad]]:
    """One document's named graph with an EntityMention per (surface text, entity key), first occurrence."""
    sha = Document(text=text, source=source).sha256
    doc = NamedNode(terms.document_iri(BASE, sha))
    quads = [
        Quad(doc, _n(RDF.type), _n(SCHEMA.NewsArticle), doc),
        Quad(doc, _n(DCTERMS.source), Literal(source), doc),
        Quad(doc, _n(CG.sha256), Literal(sha), doc),
    ]
    cursor = 0
    for surface, key in mentions:
        found = re.compile(rf"\b{re.escape(surface)}\b").search(text, cursor)
        assert found is not None, surface
        start, end = found.span()
        cursor = start + 1
        em = terms.entity_mention_iri(doc.value, start, end)
        target, pos = NamedNode(terms.target_iri(em)), NamedNode(terms.position_selector_iri(em))
        quote = NamedNode(terms.quote_selector_iri(em))
        entity = NamedNode(terms.entity_iri(BASE, key))
        quads += [
            Quad(entity, _n(RDF.type), _n(CG.Entity), doc),
            Quad(NamedNode(em), _n(RDF.type), _n(CG.EntityMention), doc),
            Quad(NamedNode(em), _n(RDF.type), _n(OA.Annotation), doc),
            Quad(NamedNode(em), _n(OA.hasBody), entity, doc),
            Quad(NamedNode(em), _n(OA.hasTarget), target, doc),
            Quad(target, _n(OA.hasSource), doc, doc),
            Quad(target, _n(OA.hasSelector), pos, doc),
            Quad(target, _n(OA.hasSelector), quote, doc),
            Quad(pos, _n(OA.start), Literal(str(start), datatype=XSD_INTEGER), doc),
            Quad(pos, _n(OA.end), Literal(str(end), datatype=XSD_INTEGER), doc),
            Quad(quote, _n(OA.exact), Literal(text[start:end]), doc),
        ]
    return doc, quads


@pytest.fixture(scope="module")
def docs(nlp):
    return annotate_heads(read_topic(MINI, 9), nlp)


@pytest.fixture
def store(docs):
    ecb, plus = docs
    store = Store()
    # document 1: "Hugh Jackman" -> hugh-jackman, "The producer" -> producer (a shorter span inside the gold
    # mention "The producer of the show"), "he" -> hugh-jackman, nothing for "on Friday" / "the Oscars".
    # A long span "Actor Hugh Jackman" -> actor-phrase also covers the head of "Hugh Jackman": the shortest wins.
    g1, q1 = _document_graph(
        ecb.text,
        "9_1ecb",
        [("Actor Hugh Jackman", "actor-phrase"), ("Hugh Jackman", "Hugh Jackman"), ("The producer", "producer"),
         ("he", "Hugh Jackman")],
    )
    # document 2: "Jackman" -> a separate entity "jackman", linked by owl:sameAs in the resolution graph
    g2, q2 = _document_graph(plus.text, "9_1ecbplus", [("Jackman", "Jackman"), ("the Oscars", "Oscars")])
    store.replace_graph(g1, q1)
    store.replace_graph(g2, q2)
    resolution = NamedNode(terms.resolution_graph_iri(BASE))
    store.replace_graph(
        resolution,
        [Quad(NamedNode(terms.entity_iri(BASE, "Jackman")), _n(OWL.sameAs),
              NamedNode(terms.entity_iri(BASE, "Hugh Jackman")), resolution)],
    )
    return store


def test_read_system_mentions_by_document_hash(store, docs):
    found = read_system_mentions(store)
    assert set(found) == {Document(text=d.text, source="x").sha256 for d in docs}
    ecb_mentions = found[Document(text=docs[0].text, source="x").sha256]
    assert len(ecb_mentions) == 4
    assert all(docs[0].text[m.start : m.end] for m in ecb_mentions)


def test_same_as_components_have_one_representative(store):
    same = read_same_as(store)
    a, b = terms.entity_iri(BASE, "Jackman"), terms.entity_iri(BASE, "Hugh Jackman")
    assert same[a] == same[b] == min(a, b)


def test_system_clusters_follow_heads_shortest_spans_and_same_as(store, docs):
    mapping = system_clusters(store, docs)
    c = mapping.clusters
    hugh = terms.entity_iri(BASE, "Hugh Jackman")
    jackman = terms.entity_iri(BASE, "Jackman")
    rep = min(hugh, jackman)
    assert c["9_1ecb:1"] == rep  # shortest covering span, not "Actor Hugh Jackman"
    assert c["9_1ecb:4"] == rep  # the pronoun
    assert c["9_1ecbplus:1"] == rep  # across documents through owl:sameAs
    assert c["9_1ecb:3"] == terms.entity_iri(BASE, "producer")  # head "producer" inside "The producer"
    assert c["9_1ecbplus:2"] == terms.entity_iri(BASE, "Oscars")
    # "on Friday" and "the Oscars" of document 1 have no system mention: singletons
    assert set(mapping.unmatched) == {"9_1ecb:5", "9_1ecb:7"}
    assert c["9_1ecb:5"] != c["9_1ecb:7"]
    assert (mapping.matched, mapping.total) == (5, 7)
    assert mapping.coverage == pytest.approx(5 / 7)
    assert set(c) == set(gold_clusters(docs))


def test_the_mapped_clusters_score_against_the_gold(store, docs):
    gold = gold_clusters(docs)
    system = system_clusters(store, docs).clusters
    e = evaluate(gold, system)
    # gold: {ecb:1, ecb:4, plus:1} {ecb:3, ecb:5} {ecb:7} {plus:2}
    # system: {ecb:1, ecb:4, plus:1} {ecb:3} {ecb:5} {ecb:7} {plus:2}
    # MUC recall (2 + 0)/(2 + 1) = 2/3, precision 2/2 = 1.
    assert e.muc.recall == pytest.approx(2 / 3) and e.muc.precision == pytest.approx(1.0)
    # B3 recall: (3 + 1/2 + 1/2 + 1 + 1)/7 = 6/7; precision 1.
    assert e.b3.recall == pytest.approx(6 / 7) and e.b3.precision == pytest.approx(1.0)


def test_a_document_missing_from_the_store_is_an_error(docs):
    store = Store()
    g, q = _document_graph(docs[0].text + " changed", "9_1ecb", [])
    store.replace_graph(g, q)
    with pytest.raises(ValueError, match="9_1ecb"):
        system_clusters(store, docs)


def test_covering_mention_prefers_shortest_then_earliest():
    ms = [SystemMention(0, 10, "e:b"), SystemMention(2, 6, "e:c"), SystemMention(3, 7, "e:a")]
    assert covering_mention(ms, 4, 5).entity == "e:c"  # both 4 long; the earlier start wins
    assert covering_mention(ms, 1, 3).entity == "e:b"
    assert covering_mention([], 0, 1) is None


# -- the runner, with builders that write the store the way kg build does -----------------
def _oracle_builder(docs, *, with_mentions: bool = True):
    """A builder that reads the .jsonl and writes each gold mention as an EntityMention of its gold chain."""
    by_text = {d.text: d for d in docs}

    def build(jsonl, out_dir, base_iri):
        store = open_store(out_dir, create=True)
        for line in jsonl.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            document = by_text[record["text"]]  # the .jsonl carries the rendered text unchanged
            mentions = [(m.start, m.end, m.cluster) for m in document.evaluated_mentions] if with_mentions else []
            graph, quads = _document_graph(record["text"], record["source"], [])
            for start, end, cluster in mentions:
                em = terms.entity_mention_iri(graph.value, start, end)
                target, pos = NamedNode(terms.target_iri(em)), NamedNode(terms.position_selector_iri(em))
                quads += [
                    Quad(NamedNode(em), _n(RDF.type), _n(CG.EntityMention), graph),
                    Quad(NamedNode(em), _n(OA.hasBody), NamedNode(terms.entity_iri(base_iri, cluster)), graph),
                    Quad(NamedNode(em), _n(OA.hasTarget), target, graph),
                    Quad(target, _n(OA.hasSource), graph, graph),
                    Quad(target, _n(OA.hasSelector), pos, graph),
                    Quad(pos, _n(OA.start), Literal(str(start), datatype=XSD_INTEGER), graph),
                    Quad(pos, _n(OA.end), Literal(str(end), datatype=XSD_INTEGER), graph),
                ]
            store.replace_graph(graph, quads)
        store.flush()
        del store

    return build


def test_runner_scores_an_oracle_build_perfectly(docs, nlp, tmp_path):
    result = run_topic(MINI, 9, nlp, tmp_path, builder=_oracle_builder(docs))
    assert (result.documents, result.mentions, result.matched) == (2, 7, 7)
    assert result.system.b3.f1 == pytest.approx(1.0)
    assert result.system.ceafe.f1 == pytest.approx(1.0)
    assert result.system.muc.f1 == pytest.approx(1.0)
    # the baseline merges "The producer of the show" with nothing and "he" with nothing: below the oracle
    assert result.baseline.conll < result.system.conll
    records = [json.loads(x) for x in (tmp_path / "topic-9" / "documents.jsonl").read_text().splitlines()]
    assert [r["source"] for r in records] == ["ecbplus/9/9_1ecb.xml", "ecbplus/9/9_1ecbplus.xml"]
    assert records[1]["publisher"] == "example.com" and "publisher" not in records[0]
    assert not any("title" in r for r in records)  # the first sentence is article text, not a headline


def test_runner_main_prints_topic_and_pooled_rows(docs, tmp_path, capsys):
    code = main(["--topics", "9", "--corpus", str(MINI), "--work", str(tmp_path), "--json", str(tmp_path / "s.json")],
                builder=_oracle_builder(docs, with_mentions=False))
    assert code == 0
    out = capsys.readouterr().out
    assert "system" in out and "baseline" in out and "diff" in out
    scores = json.loads((tmp_path / "s.json").read_text())
    assert [s["topic"] for s in scores] == ["9", "all"]
    # no system mention at all: every gold mention is a singleton, so nothing is merged
    assert scores[0]["matched"] == 0
    assert scores[0]["system"]["muc"]["f1"] == 0.0
    assert scores[0]["system"]["b3"]["precision"] == pytest.approx(1.0)


def test_runner_rejects_bad_topics_and_missing_corpus(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["--topics", "two"])
    assert main(["--topics", "9", "--corpus", str(tmp_path)]) == 1
    assert "E100" in capsys.readouterr().err


def test_head_mention_falls_back_to_the_first_word_character_of_a_wide_token():
    text = '"We won," said I\'m-not-sure.'
    ms = [SystemMention(1, 3, "e:we"), SystemMention(0, 8, "e:quote")]
    # the ECB+ token '"We' (0-3) is inside only the quote span: containment wins over the fallback
    assert head_mention(ms, text, 0, 3).entity == "e:quote"
    # without the quote span, the token's first letter (1) is inside "We"
    assert head_mention(ms[:1], text, 0, 3).entity == "e:we"
    assert head_mention(ms[:1], text, 4, 7) is None
    assert head_mention(ms[:1], text, 7, 9) is None  # ',"' has no letter or digit


def test_runner_counts_unmatched_gold_mentions_by_kind(docs, nlp, tmp_path):
    result = run_topic(MINI, 9, nlp, tmp_path, builder=_oracle_builder(docs, with_mentions=False))
    # evaluated: 4 HUMAN_PART_PER, 2 NON_HUMAN_PART, 1 TIME_DATE; none mapped
    assert result.unmatched_kinds == {"HUMAN": (4, 4), "NON_HUMAN": (2, 2), "TIME": (1, 1)}


def test_runner_reuse_rescores_kept_builds_without_rebuilding(docs, tmp_path, capsys):
    first = tmp_path / "first.json"
    assert main(["--topics", "9", "--corpus", str(MINI), "--work", str(tmp_path), "--json", str(first)],
                builder=_oracle_builder(docs)) == 0
    kept = tmp_path / "topic-9" / "documents.jsonl"
    kept.write_text(kept.read_text() + "\n")  # a mark that a rebuild would wipe
    again = tmp_path / "again.json"
    # the builder given is never called: --reuse runs claimgraph's resolve on the kept store instead
    assert main(["--topics", "9", "--corpus", str(MINI), "--work", str(tmp_path), "--reuse", "--json", str(again)],
                builder=None) == 0
    assert kept.read_text().endswith("\n\n")
    assert "resolving" in capsys.readouterr().err
    before, after = json.loads(first.read_text()), json.loads(again.read_text())
    assert after[0]["system"] == before[0]["system"] and after[0]["system"]["muc"]["f1"] == pytest.approx(1.0)


def test_runner_reuse_needs_a_kept_build(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["--topics", "9", "--corpus", str(MINI), "--reuse"])
    assert "--reuse needs --work" in capsys.readouterr().err
    assert main(["--topics", "9", "--corpus", str(MINI), "--work", str(tmp_path), "--reuse"]) == 1
    assert "run once without --reuse" in capsys.readouterr().err
