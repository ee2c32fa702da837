"""A plural noun is no mention of one named person; a pronoun inside a quotation is not its speaker (issue 5).

Every sentence here is written for the test. "producers Ann Roe and Tom Vale" titles both names, so reading the
plural as a mention of the first made that one person "the producers" (and left the second out). Inside quotation
marks a speaker calls themself "I", so a "he" or "she" there is someone else; read as the speaker, the
speaker of a witness's quotation took the deeds of the person the witness described.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, noun",
    [
        ("The show was ready on Monday, producers Ann Roe and Tom Vale said.", "producers"),
        ("The producers, Ann Roe and Tom Vale, caused a stir with the show.", "producers"),
        ("Ann Roe and Tom Vale, the new producers of the show, praised the cast.", "producers"),
    ],
    ids=["title", "apposition-after", "apposition-before"],
)
def test_a_plural_noun_is_not_the_first_of_the_names(parse, text, noun):
    assert parse(text).key(noun) not in {"Ann Roe", "Tom Vale"}


def test_a_singular_title_is_still_the_name(parse):  # guard: the rule is about the plural only
    assert parse("The show was ready on Monday, producer Ann Roe said.").key("producer") == "Ann Roe"


def test_a_pronoun_in_a_quotation_is_not_the_speaker(parse):
    parsed = parse('Tom Vale met Jim Oakes at the club on Monday. "He has a good arm," Vale said.', quotes=True)
    assert parsed.key("He") == "Jim Oakes"


def test_reported_speech_without_marks_may_be_the_speaker(parse):  # guard: only quotation marks part them
    parsed = parse("Tom Vale met Jim Oakes at the club on Monday. Vale said he was ready.", quotes=True)
    assert parsed.key("he") == "Tom Vale"


def test_who_opened_fire_killing_someone_harmed_someone(parse):
    # the harm is told by a participle that shares the subject of "opened": the gunman may be that person
    parsed = parse("Police said Tom Vale opened fire at the party, killing Jim Oakes. "
                   "Witnesses said the gunman then fled in a van.")
    assert parsed.key("gunman") == "Tom Vale"


def test_a_relative_clause_after_a_comma_does_not_make_someone_new(parse):
    parsed = parse("Police arrested Tom Vale on Friday. The officers talked with the suspect, who gave himself up.")
    assert parsed.key("suspect") == "Tom Vale"


def test_a_restrictive_relative_clause_still_does(parse):  # guard: without the comma the clause picks someone out
    parsed = parse("Police arrested Tom Vale on Friday. The officers talked with the suspect who gave himself up.")
    assert parsed.key("suspect") != "Tom Vale"


def test_a_person_the_text_says_is_unnamed_is_no_named_person(parse):
    parsed = parse('"He was looking for a third manager," said Jim Oakes. '
                   "The man, whom police did not identify, was not in the office.")
    assert parsed.key("man") != "Jim Oakes"
