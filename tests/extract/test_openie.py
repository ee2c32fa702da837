"""CaRB output of the extractor: pre-tokenized input, the sentence's own tokens, tab fields."""

from __future__ import annotations

import pytest

from benchmarks.carb.scorer import read_system
from kg.extract.openie import carb_lines, doc_from_tokens

SENTENCE = "Han Sun , a scholar at the institute , said `` the troops were honoured by Ryu . ''"


def test_doc_from_tokens_keeps_the_tokens_and_parses(nlp):
    tokens = ["Ryu", "'s", "troops", "did", "n't", "return", "."]
    doc = doc_from_tokens(nlp, tokens)
    assert [t.text for t in doc] == tokens
    assert doc.has_annotation("DEP")
    assert doc.text == " ".join(tokens)


@pytest.mark.parametrize("tokens", [[], ["Ryu", ""], ["Ri Chol-ho", "left"]])
def test_doc_from_tokens_rejects_bad_tokens(nlp, tokens):
    with pytest.raises(ValueError):
        doc_from_tokens(nlp, tokens)


def test_carb_lines_write_the_tab_format_with_the_sentence_tokens(nlp):
    lines = list(carb_lines(nlp, [SENTENCE, "   ", "Ryu visited Warsaw ."]))
    assert lines
    tokens = set(SENTENCE.split()) | {"Ryu", "visited", "Warsaw", "."}
    for line in lines:
        sentence, confidence, relation, *args = line.split("\t")
        assert sentence in {SENTENCE, "Ryu visited Warsaw ."}
        assert 0.0 < float(confidence) < 1.0
        assert len(args) >= 2 and all(args)
        # PTB tokens as given, never lemmas; implied relations are written "be"/"has"
        assert set(" ".join(args).split()) <= tokens
        assert set(relation.split()) <= tokens | {"be", "has", "of", "at"}
    rows = {tuple([s, r, *a]) for s, _, r, *a in (line.split("\t") for line in lines)}
    assert (SENTENCE, "were honoured by", "the troops", "Ryu") in rows
    assert (SENTENCE, "be", "Han Sun", "a scholar at the institute") in rows
    assert ("Ryu visited Warsaw .", "visited", "Ryu", "Warsaw") in rows


def test_carb_lines_are_read_back_by_the_scorer(nlp):
    system = read_system(carb_lines(nlp, ["Ryu visited Warsaw .", "Haddad met him there ."]))
    assert set(system) == {"Ryu visited Warsaw .", "Haddad met him there ."}


def test_min_confidence(nlp):
    every = list(carb_lines(nlp, [SENTENCE]))
    cut = sorted(float(line.split("\t")[1]) for line in every)[-1]
    assert [line for line in carb_lines(nlp, [SENTENCE], min_confidence=cut)] == [
        line for line in every if float(line.split("\t")[1]) >= cut
    ]
