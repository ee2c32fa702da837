"""Who did it and who suffered it: descriptions kept apart from the other party of the event (issue 5).

Every sentence here is written for the test. A report of harm has two parties; a
description of the one ("the driver", "the suspect", "the victim") must not take the
other, nor may a description take a person its own clause already names in another role.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "A car hit Nora Bellamy on Main Street on Friday. The driver did not stop.",
        "Nora Bellamy was struck while crossing Main Street. The motorist drove on.",
        "Nora Bellamy died after a shooting at the mall. The gunman escaped in a van.",
    ],
)
def test_who_did_the_harm_is_not_who_suffered_it(parse, text):
    parsed = parse(text)
    noun = next(w for w in ("driver", "motorist", "gunman") if w in text.split())
    assert parsed.key(noun) != "Nora Bellamy"


def test_the_suspect_is_the_person_arrested(parse):
    parsed = parse("Police arrested Tom Vale on Friday. The suspect had left the bar at midnight.")
    assert parsed.key("suspect") == "Tom Vale"


def test_the_source_who_tells_the_story_is_not_the_suspect(parse):
    parsed = parse("Sergeant Ann Roe said a car hit a cyclist on Main Street. The driver did not stop.")
    assert parsed.key("driver") != "Ann Roe"


def test_the_victim_is_not_who_did_the_harm(parse):
    parsed = parse("Tom Vale shot a neighbour on Friday night. The victim died in hospital.")
    assert parsed.key("victim") != "Tom Vale"


def test_a_subject_description_is_not_its_verb_s_object(parse):
    parsed = parse("Tom Vale waited at the corner for an hour. Then the man pushed Vale into the canal.")
    assert parsed.key("man") != "Tom Vale"


def test_a_passive_s_agent_is_not_its_subject(parse):
    parsed = parse("Tom Vale crossed the street at noon. He was knocked down by the man, police said.")
    assert parsed.key("man") != "Tom Vale"


def test_an_object_pronoun_read_before_the_subject_is_someone_else(parse):
    parsed = parse("Ann Roe waited outside the hall. After greeting her, the woman went inside.")
    assert parsed.key("woman") != "Ann Roe"


def test_a_description_is_not_the_subject_of_the_clause_that_holds_it(parse):
    parsed = parse("Tom Vale left the bar at midnight. Vale drove home after the man had paid.")
    assert parsed.key("man") != "Tom Vale"


@pytest.mark.parametrize(
    "text, noun, key",
    [
        # a clause coordinated with the subject's is not held by it
        ("Ann Roe won the award on Sunday, and the actress thanked her family.", "actress", "Ann Roe"),
        # a predicate noun is said of the subject
        ("Tom Vale drove the car that night. Police said Vale was the driver.", "driver", "Tom Vale"),
    ],
)
def test_a_subject_may_still_be_described(parse, text, noun, key):
    assert parse(text).key(noun) == key


@pytest.mark.parametrize(
    "text",
    [
        "Officers later detained the suspect, identified as 31-year-old Tom Vale of Riverton.",
        "The driver, whom police identified as Tom Vale, fled the scene on foot.",
    ],
)
def test_a_description_identified_as_a_name_is_that_name(parse, text):
    parsed = parse(text)
    assert parsed.key("suspect" if "suspect" in text else "driver") == "Tom Vale"


def test_the_victim_is_not_the_person_arrested(parse):
    parsed = parse("Ann Roe was hit by a van on Friday. Police arrested Tom Vale an hour later. "
                   "The victim is a teacher from Riverton.")
    assert parsed.key("victim") != "Tom Vale"


def test_the_one_harmed_is_the_person_named_next_as_harmed(parse):
    parsed = parse("A gunman opened fire at a bar on Friday, killing one man. "
                   "Police said Tom Vale is accused of fatally shooting Sam Reed, 40.")
    assert parsed.key("man") == "Sam Reed"
    assert parsed.key("gunman") != "Sam Reed"


def test_the_one_harmed_is_not_the_person_named_next_as_arrested(parse):
    parsed = parse("A car struck a woman in Riverton on Friday night. Police arrested Sam Reed an hour later.")
    assert parsed.key("woman") != "Sam Reed"
