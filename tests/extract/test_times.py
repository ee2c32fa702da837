"""Time phrases normalised against the document's date."""

from __future__ import annotations

import pytest

from kg.extract.times import normalise_time, tense_of

ISSUED = "2025-06-22"  # a Sunday


@pytest.mark.parametrize(
    "text, issued, tense, value",
    [
        ("on Sunday", "2025-06-25", "past", "2025-06-22"),
        ("on Monday", ISSUED, "past", "2025-06-16"),
        ("on Monday", ISSUED, "future", "2025-06-23"),
        ("in April", ISSUED, "past", "2025-04"),
        ("in November", "2025-02-10", "past", "2024-11"),
        ("in March", "2025-02-10", "future", "2025-03"),
        ("last year", ISSUED, "past", "2024"),
        ("next year", ISSUED, "future", "2026"),
        ("this year", ISSUED, "present", "2025"),
        ("last month", "2025-01-15", "past", "2024-12"),
        ("since last autumn", ISSUED, "past", "2024"),
        ("in July or August", ISSUED, "future", "2025"),
        ("in December or January", "2025-11-01", "future", None),
        ("yesterday", ISSUED, "past", "2025-06-21"),
        ("two years ago", ISSUED, "past", "2023"),
        ("three months ago", ISSUED, "past", "2025-03"),
        ("on March 3, 2024", None, "past", "2024-03-03"),
        ("4 May 2019", None, "past", "2019-05-04"),
        ("in June 2024", None, "past", "2024-06"),
        ("in 2023", None, "past", "2023"),
        ("2025-06-01", None, "past", "2025-06-01"),
        ("on 10 Nov 11", None, "past", "2011-11-10"),  # a dateline: day, month, two-digit year
        ("3 March 97", None, "past", "1997-03-03"),
        ("10 November", None, "past", None),
    ],
)
def test_normalise_time(text, issued, tense, value):
    assert normalise_time(text, issued, tense=tense) == value


@pytest.mark.parametrize("text", ["last year", "on Sunday", "in April", "yesterday", "since last autumn"])
def test_relative_times_stay_text_without_a_document_date(text):
    assert normalise_time(text, None) is None


@pytest.mark.parametrize("text", ["recently", "months ago", "at the time", "later"])
def test_vague_times_have_no_value(text):
    assert normalise_time(text, ISSUED) is None


@pytest.mark.parametrize(
    "sentence, verb, tense",
    [("The army sent troops.", "sent", "past"), ("The army has sent troops.", "sent", "past"),
     ("The army will send troops.", "send", "future"), ("The army sends troops.", "sends", "present")],
)
def test_tense_of(nlp, sentence, verb, tense):
    doc = nlp(sentence)
    assert tense_of(next(t for t in doc if t.text == verb)) == tense


def test_claim_time_is_normalised_with_offsets(extract):
    text = "Parliament passed the law in April."
    ex = extract(text, issued=ISSUED)
    claim = next(c for c in ex.claims if c.relation.startswith("pass"))
    assert claim.time.value == "2025-04"
    assert text[claim.time.start : claim.time.end] == claim.time.text == "in April"
