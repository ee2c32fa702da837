"""A count's bound ("at least three people") left in a noun phrase's key as a leading "at" ("at people"):
the phrase still has its head (invented names; records made by hand, resolved by the pure rule function)."""

from __future__ import annotations

from kg.resolve.entities import resolve_entities, thing_head, thing_modifiers

from tests.resolve.record_kit import record, story


def test_the_bound_of_a_count_is_neither_head_nor_modifier():
    assert thing_head("at passengers") == "passenger"
    assert thing_head("at least four passengers") == "passenger"
    assert thing_modifiers("at least four passengers") == frozenset({"four"})
    assert thing_head("at most two boats") == "boat"


def test_a_noun_counted_with_at_least_meets_the_same_noun_in_another_report():
    result = resolve_entities(story(
        record("e:p1", "at passenger", "Thing", "a", "at least four passengers"),
        record("e:p2", "passenger", "Thing", "b", "the passengers"),
        record("e:c1", "at crew member", "Thing", "c", "at least two crew members"),
    ))
    assert result.same("e:p1", "e:p2")
    assert not result.same("e:p1", "e:c1")
