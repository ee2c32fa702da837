"""Teams and other organisations whose name is written several ways across articles (invented names)."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from kg.resolve import resolve
from kg.resolve.names import numeral_forms, numeral_nicknames
from tests.resolve.resolve_kit import BASE, Doc, load, merged

#: What every article of the invented story names: the team's home town and a player.
TOWN = (("Pemberton", "Place"), ("Ola Brekke", "Person"))


def _articles(*specs: Iterable[tuple], shared: Iterable[tuple[str, str]] = TOWN) -> list[Doc]:
    """One article per spec (entities as (label, type) or (label, type, alias..., key)), each naming ``shared``
    first, so the articles tell one story."""
    docs = []
    for n, spec in enumerate(specs):
        doc = Doc(f"Paper{n}", chr(ord("a") + n))
        for label, type_ in shared:
            doc.entity(label, type_)
        for label, type_, *rest in spec:  # (label, type) or (label, type, alias..., key)
            doc.entity(label, type_, *rest[:-1], key=rest[-1] if rest else None)
        docs.append(doc)
    return docs


def _resolve(store, *docs: Doc) -> None:
    load(store, *docs)
    resolve(store, BASE)


def test_a_number_in_a_name_is_one_name_in_digits_and_in_words():
    assert numeral_forms("Pemberton 88ers") == {"pemberton eightyeighters", "eightyeighters"}
    assert "88ers" in numeral_forms("the Eighty-Eighters")
    assert numeral_forms("Channel Nine") == {"channel 9"}
    assert numeral_nicknames("Pemberton 88ers") == {"pemberton eighters", "eighters"}
    assert numeral_nicknames("Pemberton 8ers") == set()  # only a compound number is cut to its last part


@pytest.mark.parametrize("name", ["42nd Street", "the 21st Century Club", "Pemberton's 73rd Regiment", "the 88th"])
def test_an_ordinal_in_a_name_is_no_numbered_name_word(name):
    """"42nd" reads as forty-two with the suffix "nd": no team's word, and no form "fortytwond"."""
    assert numeral_forms(name) == set() and numeral_nicknames(name) == set()


def test_a_team_named_by_its_number_meets_its_name_in_words_and_its_nickname(store):
    a, b, c, d = _articles([("Pemberton 88ers", "Organization")], [("the Eighty-Eighters", "Organization")],
                           [("Eighters", "Organization")], [("eighter", "Thing", "Eighters", "eighters #d")])
    _resolve(store, a, b, c, d)
    assert merged(store, "Pemberton 88ers", "the Eighty-Eighters")
    assert merged(store, "Pemberton 88ers", "Eighters")
    assert merged(store, "Pemberton 88ers", "eighters #d")  # the tagger's common noun "Eighters"
    assert not merged(store, "Pemberton 88ers", "Ola Brekke")


def test_the_nickname_of_two_numbered_teams_of_a_story_joins_neither(store):
    a, b, c = _articles([("Pemberton 88ers", "Organization")], [("Dalby 78ers", "Organization")],
                        [("Eighters", "Organization")])
    _resolve(store, a, b, c)
    assert not merged(store, "Eighters", "Pemberton 88ers") and not merged(store, "Eighters", "Dalby 78ers")
    assert not merged(store, "Pemberton 88ers", "Dalby 78ers")


def test_a_team_name_written_open_and_closed_is_one_name(store):
    a, b = _articles([("Pemberton Sky Hawks", "Organization")], [("Pemberton Skyhawks", "Organization")])
    _resolve(store, a, b)
    assert merged(store, "Pemberton Sky Hawks", "Pemberton Skyhawks")


def test_two_people_whose_names_differ_by_a_space_stay_apart(store):
    # guard: a person's name is not read closed ("Mary Ann" and "Maryann" are often two people)
    a, b = _articles([("Lina Mae Orlov", "Person")], [("Linamae Orlov", "Person")])
    _resolve(store, a, b)
    assert not merged(store, "Lina Mae Orlov", "Linamae Orlov")


def test_a_team_name_the_tagger_read_as_a_person_joins_the_name_with_its_town(store):
    # "Sky Hawks" opens a sentence in one article (a person there) and is an organisation in another; the
    # longer name adds its town, a place of the story
    a, b, c = _articles([("Sky Hawks", "Person")], [("Sky Hawks", "Organization")],
                        [("Pemberton Sky Hawks", "Organization")])
    _resolve(store, a, b, c)
    assert merged(store, "Sky Hawks", "Pemberton Sky Hawks")
    assert not merged(store, "Ola Brekke", "Pemberton Sky Hawks")


@pytest.mark.parametrize("other", ["Dalby Sky Hawks"])
def test_a_team_name_does_not_join_another_town_s_team(store, other):
    # guard: the extra word must be the town the story names; two towns' teams of one name stay apart
    a, b, c = _articles([("Sky Hawks", "Organization")], [(other, "Organization")],
                        [("Pemberton Sky Hawks", "Organization")])
    _resolve(store, a, b, c)
    assert not merged(store, other, "Pemberton Sky Hawks")


def test_two_towns_teams_of_one_numbered_name_stay_apart(store):
    # guard: the name word alone ("88ers") is a form of each team's name, but two full names that differ by
    # their town are two teams, however the number is written
    a, b, c = _articles([("Pemberton 88ers", "Organization")], [("Dalby 88ers", "Organization")],
                        [("Dalby Eighty-Eighters", "Organization")])
    _resolve(store, a, b, c)
    assert not merged(store, "Pemberton 88ers", "Dalby 88ers")
    assert not merged(store, "Pemberton 88ers", "Dalby Eighty-Eighters")
    assert merged(store, "Dalby 88ers", "Dalby Eighty-Eighters")
