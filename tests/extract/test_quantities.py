"""Numbers -> Quantity: digits, words, units and bounds."""

from __future__ import annotations

import pytest

from kg.extract.quantities import number_flags, parse_number, quantity_of_phrase, quantity_of_token


@pytest.mark.parametrize(
    "text, value",
    [("15,000", 15000), ("4,700", 4700), ("2.5", 2.5), ("six", 6), ("a dozen", 12), ("two dozen", 24),
     ("twenty-five", 25), ("three hundred", 300), ("two hundred thousand", 200000), ("2.5 million", 2.5e6),
     ("15k", 15000), ("3bn", 3e9), ("hundreds", 200), ("dozens", 24)],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["soldiers", "", "many", "the"])
def test_parse_number_rejects_words_that_are_no_numbers(text):
    assert parse_number(text) is None


@pytest.mark.parametrize(
    "words, flags",
    [("about", (True, False, False)), ("over", (False, True, False)), ("more than", (False, True, False)),
     ("at least", (False, True, False)), ("up to", (False, False, True)), ("fewer than", (False, False, True)),
     ("as many as", (False, False, True)), ("no more than", (False, False, True)), ("", (False, False, False))],
)
def test_number_flags(words, flags):
    assert number_flags(words) == flags


@pytest.mark.parametrize(
    "sentence, noun, value, unit, flags",
    [
        ("The army sent about 15,000 soldiers.", "soldiers", 15000, "soldier", (True, False, False)),
        ("It suffered over 4,700 casualties.", "casualties", 4700, "casualty", (False, True, False)),
        ("The firm will cut up to 1,200 jobs.", "jobs", 1200, "job", (False, False, True)),
        ("The court sentenced a dozen officers.", "officers", 12, "officer", (False, False, False)),
        ("Rescuers found six coffins.", "coffins", 6, "coffin", (False, False, False)),
        ("Nearly 2.5 million people lost power.", "people", 2.5e6, "people", (True, False, False)),
    ],
)
def test_quantity_of_a_counted_noun(nlp, sentence, noun, value, unit, flags):
    doc = nlp(sentence)
    tok = next(t for t in doc if t.text == noun)
    q = quantity_of_token(tok)
    assert q is not None and q.value == value and q.unit == unit
    assert (q.approximate, q.lower_bound, q.upper_bound) == flags


def test_bare_number_takes_the_unit_given(nlp):
    doc = nlp("Of these, 600 have died.")
    q = quantity_of_token(next(t for t in doc if t.text == "600"), unit="soldier")
    assert (q.value, q.unit, q.text) == (600, "soldier", "600")


def test_dates_and_ordinals_are_no_quantities(nlp):
    doc = nlp("The first talks were held in 2019.")
    assert quantity_of_phrase(doc[0:3]) is None
    assert quantity_of_token(next(t for t in doc if t.text == "2019")) is None


def test_number_in_a_relative_clause_is_not_the_phrase_quantity(nlp):
    doc = nlp("The soldiers who carried six coffins marched.")
    subject = doc[0:7]
    assert quantity_of_phrase(subject) is None
