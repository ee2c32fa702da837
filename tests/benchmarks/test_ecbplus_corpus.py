"""Reading ECB+: rendering, token map, gold mentions and chains, heads, the baseline."""

from __future__ import annotations

import os

from pathlib import Path

import pytest

from benchmarks.ecbplus.baseline import head_lemma_clusters
from benchmarks.ecbplus.corpus import (
    DEV_TOPICS,
    OTHER_TOPICS,
    TRAIN_TOPICS,
    annotate_heads,
    find_corpus,
    gold_clusters,
    load_evaluated_sentences,
    read_document,
    read_topic,
    render_tokens,
    topics_in,
)
from benchmarks.ecbplus.corpus import _head_index
from kg.errors import InputError

MINI = Path(__file__).parent / "data" / "ecbplus"


@pytest.mark.parametrize(
    ("tokens", "text"),
    [
        (["He", "said", "``", "yes", "''", "."], 'He said "yes".'),
        (["It", "does", "n't", "hurt", ",", "he", "'s", "fine", "!"], "It doesn't hurt, he's fine!"),
        (["a", "36", "-", "year", "-", "old", "man"], "a 36-year-old man"),
        (["at", "1", ":", "30", "PM", "on", "8", "/", "2", "/", "13"], "at 1:30 PM on 8/2/13"),
        (["cost", "$", "5", "(", "about", "4", "%", ")"], "cost $5 (about 4%)"),
        (["the", "Chargers", "'", "offense"], "the Chargers' offense"),
        (["“", "It", "’", "s", "official", "“", ",", "she", "said"], "“It’s official“, she said"),
        (["he", '"', "won", '"', "it"], 'he "won" it'),
        (["Tuesday", "--", "the", "day"], "Tuesday -- the day"),
        (["http", ":", "/", "/", "www", ".", "a", ".", "com", "/", "x", "-", "y"], "http://www.a.com/x-y"),
    ],
)
def test_render_tokens_typesets_punctuation(tokens, text):
    rendered, spans = render_tokens([tokens])
    assert rendered == text
    assert len(spans[0]) == len(tokens)
    for token, (start, end) in zip(tokens, spans[0]):
        assert rendered[start:end] == {"``": '"', "''": '"'}.get(token, token)


def test_render_tokens_separates_sentences_by_newline_and_keeps_offsets():
    text, spans = render_tokens([["A", "b", "."], ["C", "d"]])
    assert text == "A b.\nC d"
    assert [text[s:e] for s, e in spans[1]] == ["C", "d"]


def test_read_document_builds_mentions_with_exact_spans():
    doc = read_document(MINI / "ECB+" / "9" / "9_1ecb.xml", evaluated={0, 1})
    assert doc.topic == 9 and doc.subtopic == "ecb" and doc.doc_id == "DOC1"
    assert doc.text.splitlines()[1] == 'The producer of the show said "he\'s great" on Friday.'
    for token in doc.tokens:
        assert doc.text[token.start : token.end] == {"``": '"', "''": '"'}.get(token.text, token.text)
    texts = {m.id: m.text for m in doc.mentions}
    # events (ACTION_*) and unanchored instance markables are not mentions
    assert texts == {
        "9_1ecb:1": "Hugh Jackman",
        "9_1ecb:3": "The producer of the show",
        "9_1ecb:4": "he",
        "9_1ecb:5": "on Friday",
        "9_1ecb:6": "Jackman",
        "9_1ecb:7": "the Oscars",
    }
    for m in doc.mentions:
        assert doc.text[m.start : m.end] == m.text


def test_gold_chains_cross_intra_and_singletons():
    doc = read_document(MINI / "ECB+" / "9" / "9_1ecb.xml", evaluated={0, 1})
    cluster = {m.id: m.cluster for m in doc.mentions}
    assert cluster["9_1ecb:1"] == cluster["9_1ecb:4"] == "9:HUM1"  # topic-scoped instance
    assert cluster["9_1ecb:3"] == cluster["9_1ecb:5"] != cluster["9_1ecb:1"]  # intra-document chain
    assert cluster["9_1ecb:7"] not in {cluster[k] for k in cluster if k != "9_1ecb:7"}  # singleton


def test_only_listed_sentences_are_evaluated():
    docs = read_topic(MINI, 9)
    assert [d.name for d in docs] == ["9_1ecb", "9_1ecbplus"]
    gold = gold_clusters(docs)
    assert "9_1ecb:6" not in gold  # sentence 2 of 9_1ecb is not in the csv
    assert gold["9_1ecb:1"] == gold["9_1ecbplus:1"]  # one chain across the two documents
    assert gold["9_1ecb:7"] != gold["9_1ecbplus:2"]  # both "the Oscars", but not linked in the gold


def test_url_and_publisher_of_ecbplus_documents():
    docs = read_topic(MINI, 9)
    assert docs[0].url is None and docs[0].publisher is None
    assert docs[1].url == "http://www.example.com/oscars"
    assert docs[1].publisher == "example.com"


def test_bad_input_raises_input_errors(tmp_path):
    bad = tmp_path / "9_1ecb.xml"
    bad.write_text("<Document><token", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_document(bad)
    assert err.value.code == "E101"
    with pytest.raises(InputError):
        read_document(tmp_path / "notes.xml")
    (tmp_path / "ECBplus_coreference_sentences.csv").write_text("Topic,File,Sentence Number\nx,1ecb,0\n")
    with pytest.raises(InputError) as err:
        load_evaluated_sentences(tmp_path)
    assert err.value.code == "E103"
    with pytest.raises(InputError):
        read_topic(tmp_path, 9)


def test_find_corpus_honours_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("ECBPLUS_DIR", str(MINI))
    assert find_corpus() == MINI
    monkeypatch.setenv("ECBPLUS_DIR", str(tmp_path))
    with pytest.raises(InputError):
        find_corpus()


def test_heads_and_head_lemma_baseline(nlp):
    docs = annotate_heads(read_topic(MINI, 9), nlp)
    mentions = {m.id: m for d in docs for m in d.mentions}
    doc = docs[0]
    assert doc.token(mentions["9_1ecb:1"].head).text == "Jackman"
    assert doc.token(mentions["9_1ecb:3"].head).text == "producer"
    assert mentions["9_1ecb:1"].head_lemma == "jackman"
    assert mentions["9_1ecb:6"].head is None  # not evaluated, not parsed
    baseline = head_lemma_clusters(docs)
    assert baseline["9_1ecb:1"] == baseline["9_1ecbplus:1"]  # Hugh Jackman / Jackman
    assert baseline["9_1ecb:3"] == "9:producer"
    assert baseline["9_1ecb:1"] != baseline["9_1ecb:4"]  # Jackman / he
    with pytest.raises(ValueError):
        head_lemma_clusters(read_topic(MINI, 9))


@pytest.mark.parametrize(
    ("words", "heads", "pos", "members", "head"),
    [
        # "Rain hit Lyon Tuesday night ." : the mention "Tuesday night." takes its full stop; the stop is no head
        (["Rain", "hit", "Lyon", "Tuesday", "night", "."], [1, 1, 1, 4, 1, 1],
         ["NOUN", "VERB", "PROPN", "PROPN", "NOUN", "PUNCT"], [3, 4, 5], 4),
        # headline "Boy Hurt In Paris Car - Crash": "Paris" parsed as a compound of "Car", outside "In Paris"
        (["Boy", "Hurt", "In", "Paris", "Car", "-", "Crash"], [1, 1, 1, 4, 2, 6, 4],
         ["NOUN", "VERB", "ADP", "PROPN", "NOUN", "PUNCT", "NOUN"], [2, 3], 3),
        # 'ACME "gold medal" winner Ann Dole' with the quoted words misparsed as a verb
        (["ACME", '"gold', 'medal"', "winner", "Ann", "Dole"], [1, 2, 2, 5, 5, 2],
         ["PROPN", "PROPN", "VERB", "NOUN", "PROPN", "PROPN"], [0, 1, 2, 3, 4, 5], 5),
        # "fined three days before the vote": the mention "three days before" has "before" beside "days"
        (["fined", "three", "days", "before", "the", "vote"], [0, 2, 0, 0, 5, 3],
         ["VERB", "NUM", "NOUN", "ADP", "DET", "NOUN"], [1, 2, 3], 2),
        # unchanged: "On Friday" still takes the preposition's object, "the mayor" its noun
        (["On", "Friday", "he", "left"], [3, 0, 3, 3], ["ADP", "PROPN", "PRON", "VERB"], [0, 1], 1),
        (["the", "mayor", "left"], [1, 2, 2], ["DET", "NOUN", "VERB"], [0, 1], 1),
        # a mention with no noun at all keeps the parser's head ("twice")
        (["she", "won", "twice"], [1, 1, 1], ["PRON", "VERB", "ADV"], [2], 2),
    ],
)
def test_head_is_never_punctuation_nor_a_preposition_or_verb_beside_a_noun(words, heads, pos, members, head):
    assert words[_head_index(heads, members, pos)] == words[head]


# -- the real corpus (../shared/corpora/ecbplus) ------------------------------------------
def _real_corpus() -> Path:
    try:
        return find_corpus()
    except InputError:
        if os.environ.get("CI"):  # CI clones the project with shared/ beside it: a missing corpus is a failure
            raise
        pytest.skip("ECB+ is not beside this checkout (shared/corpora/ecbplus)")


def test_real_corpus_has_the_dev_topics_and_exact_token_maps():
    root = _real_corpus()
    assert set(DEV_TOPICS) <= set(topics_in(root))
    # every topic of the corpus is in one named set, so "dev,train,other" scores all of it
    assert set(topics_in(root)) == set(DEV_TOPICS) | set(TRAIN_TOPICS) | set(OTHER_TOPICS)
    docs = read_topic(root, 2)
    assert len(docs) == 21
    evaluated = [m for d in docs for m in d.evaluated_mentions]
    assert len(evaluated) > 100
    for d in docs:
        for t in d.tokens:
            assert d.text[t.start : t.end] == {"``": '"', "''": '"'}.get(t.text, t.text)
        assert not any(m.tag.startswith(("ACTION", "NEG")) for m in d.mentions)
    # the gold has cross-document chains spanning both sub-topics' documents
    chains: dict[str, set[str]] = {}
    for m in evaluated:
        chains.setdefault(m.cluster, set()).add(m.doc)
    assert max(len(v) for v in chains.values()) >= 5
