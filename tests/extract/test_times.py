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
        # "May" that starts a date is the month, not the modal verb: the full date, not its year
        ("May 2, 2024", None, "past", "2024-05-02"),
        ("May 2024", None, "past", "2024-05"),
        ("May of 2024", None, "past", "2024-05"),
        ("May of last year", ISSUED, "past", "2024-05"),  # spaCy's DATE entity, without the "in" before it
        ("May of next year", ISSUED, "future", "2026-05"),
        ("May 20", ISSUED, "past", "2025-05-20"),
        ("May", ISSUED, "past", "2025-05"),
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


def test_a_phrase_opened_by_the_modal_may_is_no_month():
    assert normalise_time("may next year", ISSUED, tense="future") == "2026"  # the year, never May


@pytest.mark.parametrize("text, tense, value", [
    ("May last year", "past", "2024-05"), ("may last year", "past", "2024-05"),
    ("May this year", "future", "2025-05"), ("in March of this year", "future", "2025-03"),
    ("May next year", "past", "2026-05"),
])
def test_a_month_before_a_relative_year_is_that_month(text, tense, value):
    # (ISSUED is in 2025: "May last year" was read as the modal and gave only the year; "this year" is the
    # article's year whatever the tense)
    assert normalise_time(text, ISSUED, tense=tense) == value


@pytest.mark.parametrize("text", [
    "The Ostrel council approved the dam on May 2, 2024. Work began at once.",
    "May 2, 2024 was the day the Ostrel council approved the dam.",
])
def test_a_date_written_with_may_keeps_its_full_date(extract, text):
    ex = extract(text)
    dates = [m for m in ex.mentions if m.text == "May 2, 2024"]
    assert dates and {m.entity for m in dates} == {"2024-05-02"}
    assert not [e for e in ex.entities if e.key == "2024" or e.key.split(" #")[0] == "may"]
    assert not [c for c in ex.claims if c.time is not None and c.time.value == "2024"]
    assert all(c.certainty == "certain" for c in ex.claims)


def test_a_last_night_the_recogniser_misses_in_a_long_sentence_is_still_a_time_mention(extract):
    text = "The Harlow Chapel in Denton was apparently attacked by an arsonist last night.\nThe fire spread fast."
    ex = extract(text)
    start = text.index("last night")
    found = [m for m in ex.mentions if (m.start, m.end) == (start, start + len("last night"))]
    assert len(found) == 1 and found[0].entity.startswith("last night")
    assert not [m for m in ex.mentions if m.text in {"night", "arsonist last night"}]
