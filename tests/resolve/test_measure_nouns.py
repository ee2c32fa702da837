"""A noun one report counts several times over ("205 yards", "21 yards") is a unit, not one referent (invented
names; records made by hand, resolved by the pure rule function)."""

from __future__ import annotations

from kg.resolve.entities import resolve_entities

from tests.resolve.record_kit import record, story


def test_a_unit_counted_twice_in_one_report_meets_no_other_report_s_count():
    result = resolve_entities(story(
        record("e:m1", "mile", "Thing", "a", "12 miles", "40 miles"),
        record("e:m2", "mile", "Thing", "b", "7 miles"),
        record("e:m3", "mile", "Thing", "c", "12 miles", "3 miles"),
        docs="abc",
    ))
    assert not result.same("e:m1", "e:m2")
    assert not result.same("e:m1", "e:m3")


def test_a_thing_counted_once_still_meets_its_head():
    result = resolve_entities(story(
        record("e:b1", "bridge", "Thing", "a", "the old bridge"),
        record("e:b2", "bridge", "Thing", "b", "the bridge"),
        docs="abc",
    ))
    assert result.same("e:b1", "e:b2")


def test_people_counted_twice_are_still_people():
    """"12 people" and "four people" of one report (the dead and the hurt) keep the head rule of people."""
    result = resolve_entities(story(
        record("e:p1", "people", "Thing", "a", "12 people", "four people"),
        record("e:p2", "people", "Thing", "b", "12 people"),
        docs="abc",
    ))
    assert result.same("e:p1", "e:p2")

