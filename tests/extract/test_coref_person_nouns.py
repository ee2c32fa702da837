"""A description headed by a person noun of the general list (:mod:`kg.lexicon`) takes the named person.

Every sentence here is invented for the test; each noun is one the lexicon did not list before it was written
by news domain (sports positions, crime, health and trades).
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, word, key",
    [
        ("The Hawks traded Marco Delgado to Dunmore on Monday. The slugger hit 40 home runs last season.",
         "slugger", "Marco Delgado"),
        ("Carl Ostrow was released by the Falcons. The shortstop had struggled at the plate.", "shortstop",
         "Carl Ostrow"),
        ("Nina Pohl left the club on Sunday. The goalie had played 80 games for the team.", "goalie", "Nina Pohl"),
        ("Anna Kowal won the race. The sprinter thanked her coach.", "sprinter", "Anna Kowal"),
        ("Police arrested Lena Varga on Friday. The mobster had been on the run since 2004.", "mobster",
         "Lena Varga"),
        ("Ivan Rusk died in prison on Monday. The boss had led the family for twenty years.", "boss", "Ivan Rusk"),
    ],
)
def test_a_listed_person_noun_takes_the_named_person(parse, text, word, key):
    assert parse(text).key(word) == key


def test_a_person_noun_the_parser_reads_as_an_adverbial_is_a_mention(extract):
    # headline style: "Lawyer" left unattached before the colon, "Suspect" hung on "Begins" as an adverbial
    for text, noun in (("Lawyer: Dana Holt checks into rehab facility", "Lawyer"),
                       ("Trial Begins for Marlow Foods Shooting Suspect", "Suspect")):
        assert noun in {m.text for m in extract(text).mentions}, text
