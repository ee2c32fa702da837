"""Where a tagged name span holds two names or an aside, and what a name's last word or number
says (kg.extract.entities: _name_parts, _typed, phrase_key)."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from collections import Counter

from kg.extract.entities import _name_parts, _typed, index_entities, org_head, phrase_key


def _span(nlp, text: str, phrase: str, label: str):
    doc = nlp(text)
    start = text.index(phrase)
    span = doc.char_span(start, start + len(phrase))
    return Span(doc, span.start, span.end, label=label)


def _parts(nlp, text, phrase, label, persons=frozenset()):
    return [(p.text, p.label_) for p in _name_parts(_span(nlp, text, phrase, label), frozenset(), persons)]


def _parts_alone(nlp, text, phrase, label, alone):
    return [(p.text, p.label_) for p in _name_parts(_span(nlp, text, phrase, label), frozenset(), frozenset(), alone)]


def test_title_abbreviation_between_side_and_player_splits_the_span(nlp):
    parts = _parts(nlp, "Fans cheered when Hornets QB Dale Mercer threw again.", "Hornets QB Dale Mercer", "PERSON")
    assert parts == [("Hornets", "ORG"), ("QB Dale Mercer", "PERSON")]


def test_a_title_word_that_is_no_position_leaves_the_span_whole(nlp):
    parts = _parts(nlp, "Analysts met Tellsoft CEO Dana Reed on Monday.", "Tellsoft CEO Dana Reed", "PERSON")
    assert parts == [("Tellsoft CEO Dana Reed", "PERSON")]


def test_a_title_of_two_words_is_no_side(nlp):
    text = "They met Foreign Minister Dana Reed and the foreign press."
    assert _parts(nlp, text, "Foreign Minister Dana Reed", "PERSON") == [("Foreign Minister Dana Reed", "PERSON")]


def test_two_people_joined_by_and_are_two_names(nlp):
    text = "The jury heard the case against Vance and Morello on Friday."
    assert _parts(nlp, text, "Vance and Morello", "ORG", frozenset({"Dale", "Vance", "Morello"})) == \
        [("Vance", "PERSON"), ("Morello", "PERSON")]
    # a firm named after two people whom the text never names alone stays one name
    assert _parts(nlp, text, "Vance and Morello", "ORG") == [("Vance and Morello", "ORG")]


def test_two_names_joined_by_and_are_two_where_the_text_names_one_alone(nlp):
    text = "It was a matter of time before Harbor and Vance teamed up again."
    # "Vance" named on its own elsewhere: a side and a person, two names with their own labels
    assert _parts_alone(nlp, text, "Harbor and Vance", "ORG", {"Vance": "PERSON"}) == \
        [("Harbor", "ORG"), ("Vance", "PERSON")]
    # a short form, the first word of a side ("told Gazette" ... "to Courier and Gazette Weekly")
    text = "She spoke to Courier and Gazette Weekly on Friday."
    assert _parts_alone(nlp, text, "Courier and Gazette Weekly", "ORG", {"Gazette": "GPE"}) == \
        [("Courier", "ORG"), ("Gazette Weekly", "ORG")]
    # neither named alone: one name ("Harlow and Finch", a firm)
    assert _parts_alone(nlp, text, "Courier and Gazette Weekly", "ORG", {}) == [("Courier and Gazette Weekly", "ORG")]


def test_a_body_or_a_place_joined_by_and_stays_one_name(nlp):
    text = "Crews of Marlow Fire and Rescue came from Marlow."
    assert _parts_alone(nlp, text, "Marlow Fire and Rescue", "ORG", {"Marlow": "GPE"}) == \
        [("Marlow Fire and Rescue", "ORG")]
    text = "Troops left Ostland and Dallowia on Monday."
    assert _parts_alone(nlp, text, "Ostland and Dallowia", "GPE", {"Ostland": "GPE"}) == \
        [("Ostland and Dallowia", "GPE")]


def test_a_spaced_dash_ends_the_name(nlp):
    text = "They raised their offer to Marrow - - six years, $90 million - - on Monday."
    assert _parts(nlp, text, "Marrow - - six years", "ORG") == [("Marrow", "ORG")]


def test_names_of_people_stay_whole(nlp):
    text = "Dale Vance and his lawyer arrived."
    assert _parts(nlp, text, "Dale Vance", "PERSON") == [("Dale Vance", "PERSON")]


def test_organisation_head_word_makes_the_name_an_organisation():
    assert org_head("Marlow Police") and org_head("Tellport Fire Department") and not org_head("Dana Court")
    assert _typed("Marlow Police", Counter({"Person": 4})) == "Organization"
    assert _typed("Dana Court", Counter({"Person": 4})) == "Person"


def test_full_index_parts_side_and_player(nlp):
    doc = nlp("Fans were stunned when Comets QB Andrew Tolland was sacked. Tolland had struggled all day.")
    index = index_entities([(doc, 0)])
    typed = {e.key: e.type for e in index.entities.values()}
    assert typed.get("Andrew Tolland") == "Person"
    assert not any("QB" in key for key in typed)


@pytest.mark.parametrize("text, phrase, key", [
    ("Users of Tellsoft Browser 8 were warned.", "Tellsoft Browser 8", "Tellsoft Browser 8"),
    ("The six coffins arrived.", "six coffins", "coffin"),
])
def test_a_number_after_a_name_stays_in_its_key(nlp, text, phrase, key):
    doc = nlp(text)
    start = text.index(phrase)
    assert phrase_key(doc.char_span(start, start + len(phrase))) == key


def test_two_versions_have_two_keys(nlp):
    doc = nlp("Attacks hit Tellsoft Browser 8 and Tellsoft Browser 9 on Monday.")
    text = doc.text
    keys = set()
    for phrase in ("Tellsoft Browser 8", "Tellsoft Browser 9"):
        start = text.index(phrase)
        keys.add(phrase_key(doc.char_span(start, start + len(phrase))))
    assert len(keys) == 2


def test_a_place_and_a_person_are_no_two_people(nlp):
    text = "Tellport and Vance parted ways on Friday."
    assert _parts(nlp, text, "Tellport and Vance", "ORG", frozenset({"Dale", "Vance"})) == \
        [("Tellport and Vance", "ORG")]



def test_an_abbreviation_opening_a_firm_name_is_no_title(nlp):
    doc = nlp("Customers of WR-North and WR Data lost service.")
    index = index_entities([(doc, 0)])
    assert not any(e.type == "Person" for e in index.entities.values())
