"""A description written as a group ("two guards") is not the one person another article describes so
(invented names; records made by hand, resolved by the pure rule function)."""

from __future__ import annotations

from kg.resolve.entities import EntityRecord, resolve_entities


def _story(noun: EntityRecord) -> list[EntityRecord]:
    """Two articles about Ola Brekke in Pemberton; the first describes her as a guard."""
    return [
        EntityRecord("e:ola", ("Ola Brekke", "Brekke"), frozenset({"Person"}), frozenset("ab"), 3, 1,
                     descriptions=frozenset({("a", "the guard")})),
        EntityRecord("e:town", ("Pemberton",), frozenset({"Place"}), frozenset("ab"), 2, 1),
        noun,
    ]


def test_a_guard_of_a_story_is_the_guard_it_describes():
    noun = EntityRecord("e:g", ("guard", "the guard"), frozenset({"Thing"}), frozenset("b"), 1, 1)
    assert resolve_entities(_story(noun)).same("e:g", "e:ola")


def test_two_guards_are_not_the_guard_it_describes():
    noun = EntityRecord("e:g", ("guard", "guards", "two guards"), frozenset({"Thing"}), frozenset("b"), 1, 1)
    assert not resolve_entities(_story(noun)).same("e:g", "e:ola")
