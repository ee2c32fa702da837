"""The person nouns of :mod:`kg.lexicon`: a general list by news domain, and phrases read by their head."""

from __future__ import annotations

import pytest

from kg.lexicon import AGENT_NOUNS, COMPOUND_PERSON_NOUNS, PERSON_NOUNS, PERSON_ROLES, THING_COMPOUNDS, \
    THING_SYNONYMS, agent_noun_form, is_person_noun


@pytest.mark.parametrize("noun", [
    # sports positions and roles
    "pitcher", "shortstop", "slugger", "umpire", "cornerback", "goalie", "golfer", "wrestler",
    # crime and justice
    "mobster", "boss", "ringleader", "accomplice", "informant", "magistrate", "juror", "solicitor",
    # military and police, offices
    "corporal", "brigadier", "sniper", "treasurer", "consul",
    # religion, health, entertainment and media, trades
    "vicar", "archbishop", "nun", "midwife", "caregiver", "playwright", "drummer", "pundit",
    "plumber", "mechanic", "janitor", "astronaut",
    # family and social ties
    "stepfather", "grandchild", "sibling", "bride", "teammate", "landlord", "retiree", "voter", "commuter",
])
def test_the_domains_person_nouns(noun):
    assert is_person_noun(noun)


@pytest.mark.parametrize("noun", [
    # a common news sense is a thing, an act, a quality, a company, a team or a state
    "ace", "closer", "tackle", "safety", "center", "model", "speaker", "trainer", "starter", "reliever", "cardinal",
    "private", "major", "principal", "parent", "cleaner", "client", "developer", "contractor", "dealer",
    "publisher", "broadcaster", "sponsor", "shareholder", "opponent", "rival", "customer", "viewer", "cto",
    "reader",
    # a common surname or given name, which a lone capitalised name lowercases to
    "butler", "carpenter", "mason", "hooker", "earl", "duke", "shah",
])
def test_words_left_out_by_the_rule(noun):
    assert not is_person_noun(noun)


@pytest.mark.parametrize("phrase", [
    "chief executive", "attorney general", "first baseman", "point guard", "mafia boss", "pop star",
    "secretary-general", "ex-wife", "co-founder", "great-grandmother", "running back", "tight end", "center fielder",
])
def test_a_phrase_is_read_by_its_head(phrase):
    assert is_person_noun(phrase)


@pytest.mark.parametrize("phrase", [
    "record player", "National Guard", "shin guard", "web host", "e-reader", "five-star", "two-man", "running shoe",
    "home run",
])
def test_a_phrase_naming_a_thing_is_no_person(phrase):
    assert not is_person_noun(phrase)


def test_the_lists_keep_apart():
    """A plain person noun is no office, and no person noun is in a thing's near-synonym class."""
    assert not PERSON_ROLES & PERSON_NOUNS
    things = frozenset().union(*THING_SYNONYMS)
    assert not (PERSON_ROLES | AGENT_NOUNS | PERSON_NOUNS) & things
    assert not {p for p in COMPOUND_PERSON_NOUNS if p in THING_COMPOUNDS}


@pytest.mark.parametrize("noun", ["challenger", "dispatcher", "instructor", "watchmaker", "pastor", "barber"])
def test_an_agent_noun_is_read_by_its_ending(noun):
    assert agent_noun_form(noun)


@pytest.mark.parametrize("noun", ["computer", "container", "monitor", "number", "error", "offer", "provider", "round"])
def test_a_thing_in_er_or_or_is_no_agent(noun):
    assert not agent_noun_form(noun)
