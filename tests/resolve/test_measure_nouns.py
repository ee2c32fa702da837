"""A noun one report counts several times over ("205 yards", "21 yards") is a unit, not one referent (invented
names; records made by hand, resolved by the pure rule function)."""

from __future__ import annotations

from kg.resolve.entities import EntityRecord, resolve_entities


def _rec(iri: str, label: str, types: str, docs: str, *alts: str) -> EntityRecord:
    return EntityRecord(iri, (label, *alts), frozenset(types.split()), frozenset(docs), 1, 1)


def _story(*records: EntityRecord) -> list[EntityRecord]:
    """The records with a place and a person every document names, so the documents make one story."""
    return [*records, _rec("e:town", "Pemberton", "Place", "abc"), _rec("e:ola", "Ola Brekke", "Person", "abc")]


def test_a_unit_counted_twice_in_one_report_meets_no_other_report_s_count():
    result = resolve_entities(_story(
        _rec("e:m1", "mile", "Thing", "a", "12 miles", "40 miles"),
        _rec("e:m2", "mile", "Thing", "b", "7 miles"),
        _rec("e:m3", "mile", "Thing", "c", "12 miles", "3 miles"),
    ))
    assert not result.same("e:m1", "e:m2")
    assert not result.same("e:m1", "e:m3")


def test_a_thing_counted_once_still_meets_its_head():
    result = resolve_entities(_story(
        _rec("e:b1", "bridge", "Thing", "a", "the old bridge"),
        _rec("e:b2", "bridge", "Thing", "b", "the bridge"),
    ))
    assert result.same("e:b1", "e:b2")


def test_people_counted_twice_are_still_people():
    """"12 people" and "four people" of one report (the dead and the hurt) keep the head rule of people."""
    result = resolve_entities(_story(
        _rec("e:p1", "people", "Thing", "a", "12 people", "four people"),
        _rec("e:p2", "people", "Thing", "b", "12 people"),
    ))
    assert result.same("e:p1", "e:p2")

