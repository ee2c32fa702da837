"""Person mentions the extractor filed under the wrong record or none (sentences and names are invented).

An ordinal or "another" that stands for a counted noun ("two tellers ... a third"), an age read by the
participle after it in a headline ("vigil for 15-year-old shot by deputies"), a one-word landmark after "the"
the tagger typed a person ("the Zwinger"), and a description after a person already met that is no lede's
introduction of the next name ("He was 81. The head of the crime family, who ..., died ... rival boss Tony Rizzo").
"""

from __future__ import annotations

import re


def _at(ex, phrase: str, nth: int = 0) -> set[str]:
    """The entities of the mentions spanning exactly the ``nth`` occurrence of ``phrase``."""
    found = list(re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", ex.document.text))[nth]
    return {m.entity for m in ex.mentions if (m.start, m.end) == (found.start(), found.end())}


def _label(ex, key: str) -> str:
    return next(e.label for e in ex.entities if e.key == key)


def _type(ex, key: str) -> str:
    return next(e.type for e in ex.entities if e.key == key)


def test_an_ordinal_after_a_count_is_one_more_of_the_counted_noun(extract):
    ex = extract("Police said a gunman killed two tellers and critically injured a third at the Dunmore branch.")
    (third,) = _at(ex, "a third")
    assert _label(ex, third) == "third teller"
    assert third not in _at(ex, "two tellers")


def test_another_after_a_count_of_people_is_one_more_person(extract):
    ex = extract("Officials say two people have been killed and another wounded in a fire at the Harlow mill.")
    (other,) = _at(ex, "another")
    assert _label(ex, other) == "another person"
    assert other not in _at(ex, "two people")


def test_a_share_is_no_elided_person(extract):
    ex = extract("Profits fell by a third after two managers left.")
    assert not _at(ex, "a third") and not _at(ex, "third")


def test_an_age_before_a_participle_with_its_agent_is_the_person(extract):
    ex = extract("Crowds gather for vigil for 15-year-old shot by deputies\nThe boy died on Sunday.")
    (age,) = _at(ex, "15-year-old")
    assert "shot" not in _label(ex, age)
    assert _at(ex, "The boy") == {age}
    assert not any("shot" in e.label for e in ex.entities)


def test_a_one_word_name_after_a_bare_the_is_no_person(extract):
    ex = extract("Shops closed and even the Zwinger was shut to visitors.\n"
                 "Witnesses said that the guard fired at the teenager.")
    assert _type(ex, "Zwinger") != "Person"
    assert "Zwinger" not in _at(ex, "the guard")
    guard = extract("Ray Zwinger was late. Zwinger said the bus broke down.")
    assert _type(guard, "Ray Zwinger") == "Person"


def test_a_description_after_a_person_met_is_not_the_next_name(extract):
    ex = extract("Mob boss Carlo Venti died in prison on Monday.\nHe was 81.\n"
                 "The head of the Marsala crime family, who had suffered from heart disease, died at the federal "
                 "prison, said spokesman Al Brand.\n"
                 "It was the same place where rival boss Tony Rizzo died in 2002.")
    head = next(m.entity for m in ex.mentions if m.text.startswith("head of the Marsala"))
    assert head == "Carlo Venti"


def test_a_second_victim_after_a_person_harmed_is_someone_else(extract):
    ex = extract("Ann Roe died in the blast on Monday.\nShe was 40.\n"
                 "A second victim, who had been trapped under the roof, died in hospital, police said.\n"
                 "It was the same hospital where Tom Vale died in 2002.")
    (victim,) = _at(ex, "second victim")
    assert victim not in {"Ann Roe", "Tom Vale"}
