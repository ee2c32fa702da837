"""Rule 8 reads only nouns that may name a person as a person's description: a thing the extractor linked to a
person's name ("another clear round" of "It was another clear round for Brekke") draws no bare "round" of the
story to the person, while an agent noun in no person list ("the challenger") still does (invented names;
records made by hand, resolved by the pure rule function)."""

from __future__ import annotations

from kg.resolve.entities import EntityRecord, resolve_entities

from tests.resolve.record_kit import record


def _bout(said: str, types: str = "Person") -> list[EntityRecord]:
    """Three articles about a bout in Pemberton, two of them naming Ola Brekke; the first links ``said`` to her.
    (The third names no boxer: in an article that names her, a noun no person list holds is left apart.)"""
    return [
        record("e:ola", "Ola Brekke", types, "ab", "Brekke", mentions=3, descriptions={("a", said)}),
        record("e:town", "Pemberton", "Place", "abc", mentions=3),
        record("e:hall", "Tellport Arena", "Place", "abc", mentions=3),
    ]


def test_a_thing_linked_to_a_person_describes_no_person():
    noun = record("e:round", "round", "Thing", "c", "the round")
    assert not resolve_entities([*_bout("another clear round"), noun]).same("e:round", "e:ola")


def test_an_agent_noun_in_no_list_describes_a_person():
    noun = record("e:ch", "challenger", "Thing", "c", "the challenger")
    assert resolve_entities([*_bout("the mandatory challenger"), noun]).same("e:ch", "e:ola")


def test_a_person_also_typed_a_work_keeps_a_thing_noun():
    # (a film's title the tagger read as a person in one report: "Ola Brekke ... the sequel")
    noun = record("e:seq", "sequel", "Thing", "c", "the sequel")
    assert resolve_entities([*_bout("the sequel", "Person CreativeWork"), noun]).same("e:seq", "e:ola")
