"""Certainty and polarity of clauses: hedges, modals, conditionals, questions, negation."""

from __future__ import annotations

import pytest

from kg.extract.certainty import certainty_of, is_question, min_certainty, polarity_of


def _verb(doc, word):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    "sentence, verb, certainty",
    [
        ("The rebels captured the airport.", "captured", "certain"),
        ("The rebels reportedly captured the airport.", "captured", "probable"),
        ("The suspect allegedly stole a car.", "stole", "probable"),
        ("The storm will likely reach the coast.", "reach", "probable"),
        ("The minister apparently misled parliament.", "misled", "probable"),
        ("The virus is believed to have originated in bats.", "originated", "probable"),
        ("The fire is thought to have started in the kitchen.", "started", "probable"),
        ("The leak appears to have damaged the walls.", "damaged", "probable"),
        ("It is likely that the company will miss its targets.", "miss", "probable"),
        ("The painting was possibly stolen.", "stolen", "possible"),
        ("The drought may destroy the harvest.", "destroy", "possible"),
        ("Prices might rise again.", "rise", "possible"),
        ("The strike could delay flights.", "delay", "possible"),
        ("If the talks fail, the union will strike.", "strike", "possible"),
        ("If the talks fail, the union will strike.", "fail", "possible"),
        ("Will the government cut taxes?", "cut", "possible"),
        ("The country likely wished to portray the soldiers as heroes.", "portray", "probable"),
    ],
)
def test_certainty(nlp, sentence, verb, certainty):
    doc = nlp(sentence)
    assert certainty_of(_verb(doc, verb), next(doc.sents)) == certainty


@pytest.mark.parametrize(
    "sentence, verb, polarity",
    [
        ("The government did not publish the report.", "publish", "negative"),
        ("The airline never paid the fine.", "paid", "negative"),
        ("The police found no weapons.", "found", "negative"),
        ("The council refused to approve the budget.", "approve", "negative"),
        ("The hospital hasn't received new patients.", "received", "negative"),
        ("The council agreed to approve the budget.", "approve", "positive"),
        ("The factory resumed production.", "resumed", "positive"),
    ],
)
def test_polarity(nlp, sentence, verb, polarity):
    assert polarity_of(_verb(nlp(sentence), verb)) == polarity


def test_min_certainty_orders_levels():
    assert min_certainty("certain", "certain") == "certain"
    assert min_certainty("probable", "certain", "possible") == "possible"


def test_is_question_ignores_closing_quotes(nlp):
    assert is_question(next(nlp('"Will they come?"').sents))
    assert not is_question(next(nlp("They will come.").sents))


def test_the_month_may_is_no_modal_even_where_the_parser_hangs_it_as_one():
    import spacy
    from spacy.tokens import Doc

    words = ["The", "vote", "May", "2", "was", "delayed"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 5, 5, 2, 5, 5],
              deps=["det", "nsubjpass", "aux", "nummod", "auxpass", "ROOT"],
              ents=["O", "O", "B-DATE", "I-DATE", "O", "O"])
    assert certainty_of(doc[5]) == "certain"
    modal = Doc(doc.vocab, words=["Prices", "may", "rise"], heads=[2, 2, 2], deps=["nsubj", "aux", "ROOT"])
    assert certainty_of(modal[2]) == "possible"
