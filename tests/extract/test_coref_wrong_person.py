"""Descriptions the extractor gave to the wrong person of an article (issue 5).

Every sentence here is written for the test. A description inside a clause fronted before
the main clause's subject ("Whatever the faults of the referee, the coach said ...") is not
that subject; a noun for the doer of a crime ("the arsonist") is not a named person the text
never said did harm or was accused, however salient (the official who speaks of the deed).
"""

from __future__ import annotations


def test_a_description_in_a_fronted_clause_is_not_the_main_subject(parse):
    parsed = parse("Ada Quill, the coach of the Tellport Harriers, spoke on Monday. "
                   "Whatever the faults of the referee, the coach said the team had lost fairly.")
    assert parsed.key("coach", 1) == "Ada Quill"
    assert parsed.key("referee") not in {None, "Ada Quill"}


def test_a_pronoun_after_a_fronted_clause_still_takes_its_antecedent(parse):
    parsed = parse("Ada Quill, the coach, spoke on Monday. After the coach left the field, she said the team had lost.")
    assert parsed.key("coach", 1) == "Ada Quill"
    assert parsed.key("she") == "Ada Quill"


def test_the_arsonist_is_not_the_official_who_speaks_of_the_fire(parse):
    parsed = parse("A fire gutted the town hall on Friday. The mayor, Ada Quill, spoke on Monday. "
                   '"Whatever the motives of the arsonist, the town will rebuild," she said.')
    assert parsed.key("she") == "Ada Quill"
    assert parsed.key("arsonist") not in {None, "Ada Quill"}


def test_the_arsonist_is_the_person_the_text_says_was_arrested(parse):
    parsed = parse("A fire gutted the town hall on Friday. Police arrested Tom Vale on Sunday. "
                   "The arsonist had bought petrol the day before.")
    assert parsed.key("arsonist") == "Tom Vale"
