"""A description written as a group ("two guards") is not the one person another article describes so
(invented names; records made by hand, resolved by the pure rule function)."""

from __future__ import annotations

from kg.resolve.entities import EntityRecord, resolve_entities

from tests.resolve.record_kit import record


def _guard_story(noun: EntityRecord) -> list[EntityRecord]:
    """Two articles about Ola Brekke in Pemberton; the first describes her as a guard."""
    return [
        record("e:ola", "Ola Brekke", "Person", "ab", "Brekke", mentions=3, descriptions={("a", "the guard")}),
        record("e:town", "Pemberton", "Place", "ab", mentions=2),
        noun,
    ]


def test_a_guard_of_a_story_is_the_guard_it_describes():
    noun = record("e:g", "guard", "Thing", "b", "the guard")
    assert resolve_entities(_guard_story(noun)).same("e:g", "e:ola")


def test_two_guards_are_not_the_guard_it_describes():
    noun = record("e:g", "guard", "Thing", "b", "guards", "two guards")
    assert not resolve_entities(_guard_story(noun)).same("e:g", "e:ola")
