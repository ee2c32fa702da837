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


@pytest.mark.parametrize(
    "text, noun, other",
    [
        # the source who tells the story is not the suspect
        ("Sergeant Ann Roe said a car hit a cyclist on Main Street. The driver did not stop.", "driver", "Ann Roe"),
        # the victim is not who did the harm
        ("Tom Vale shot a neighbour on Friday night. The victim died in hospital.", "victim", "Tom Vale"),
        # a subject description is not its verb's object
        ("Tom Vale waited at the corner for an hour. Then the man pushed Vale into the canal.", "man", "Tom Vale"),
        # a passive's agent is not its subject
        ("Tom Vale crossed the street at noon. He was knocked down by the man, police said.", "man", "Tom Vale"),
        # an object pronoun read before the subject is someone else
        ("Ann Roe waited outside the hall. After greeting her, the woman went inside.", "woman", "Ann Roe"),
        # a description is not the subject of the clause that holds it
        ("Tom Vale left the bar at midnight. Vale drove home after the man had paid.", "man", "Tom Vale"),
    ],
    ids=["source-not-suspect", "victim-not-harm-doer", "subject-not-object", "agent-not-passive-subject",
         "object-pronoun-first", "clause-subject"],
)
def test_a_description_does_not_take_the_other_party(parse, text, noun, other):
    assert parse(text).key(noun) != other


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
