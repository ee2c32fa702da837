"""A thing written in the plural by one report and in the singular by another of its story (invented names;
records made by hand, resolved by the pure rule function)."""

from __future__ import annotations

from kg.resolve.entities import resolve_entities

from tests.resolve.record_kit import record, story


def test_a_thing_one_report_writes_in_the_plural_is_the_thing_another_writes_in_the_singular():
    result = resolve_entities(story(
        record("e:r1", "zoning rule", "Thing", "a", "the new zoning rules"),
        record("e:r2", "zoning rule", "Thing", "b", "the zoning rule"),
    ))
    assert result.same("e:r1", "e:r2")


def test_a_report_writing_both_numbers_tells_them_apart():
    """Report "a" writes "the pipes" and, for another thing, "the burst pipe": the story counts its pipes."""
    result = resolve_entities(story(
        record("e:p1", "pipe", "Thing", "a", "the pipes"),
        record("e:p2", "burst pipe", "Thing", "a", "the burst pipe"),
        record("e:p3", "pipe", "Thing", "b", "the pipe"),
    ))
    assert not result.same("e:p1", "e:p3")
    assert not result.same("e:p1", "e:p2")


def test_people_of_a_group_are_not_one_of_them():
    result = resolve_entities(story(
        record("e:w1", "worker", "Thing", "a", "the workers"),
        record("e:w2", "worker", "Thing", "b", "a worker"),
    ))
    assert not result.same("e:w1", "e:w2")
