"""A record also known by the first words of its name, which other articles give an entity of its own (invented
names): read as that shorter name, it meets them."""

from __future__ import annotations

from kg.resolve.entities import EntityRecord, resolve_entities

from tests.resolve.record_kit import record


def _joined(records: list[EntityRecord], a: str, b: str) -> bool:
    canon = resolve_entities(records).canonical
    return canon.get(a, a) == canon.get(b, b)


def test_the_maker_named_before_its_product_meets_the_maker():
    records = [record("e:update", "Tellco Update", "Organization", ("d1",), "Tellco", mentions=3),
               record("e:tellco2", "Tellco", "Organization", ("d2",), mentions=3),
               record("e:tellco3", "Tellco", "Organization", ("d3",), mentions=3)]
    assert _joined(records, "e:update", "e:tellco2")
    assert _joined(records, "e:tellco2", "e:tellco3")


def test_two_products_of_one_maker_both_meet_the_maker():
    records = [record("e:update", "Tellco Update", "Organization", ("d1",), "Tellco", mentions=3),
               record("e:bulletin", "Tellco Security Bulletin", "Organization", ("d2",), "Tellco", mentions=3),
               record("e:tellco", "Tellco", "Organization", ("d3",), mentions=3)]
    assert _joined(records, "e:update", "e:tellco") and _joined(records, "e:bulletin", "e:tellco")


def test_a_town_before_its_street_meets_the_town():
    records = [record("e:street", "Ostvale High Street", "Place", ("d1",), "Ostvale", mentions=3),
               record("e:town", "Ostvale", "Place", ("d2",), mentions=3)]
    assert _joined(records, "e:street", "e:town")


def test_a_short_name_no_other_article_gives_changes_nothing():
    records = [record("e:update", "Tellco Update", "Organization", ("d1",), "Tellco", mentions=3),
               record("e:tellco", "Tellco", "Organization", ("d1",), mentions=3),  # the same article only
               record("e:other", "Tellco Update", "Organization", ("d2",), mentions=3)]
    assert _joined(records, "e:update", "e:other")
    assert not _joined(records, "e:update", "e:tellco")


def test_a_demonym_before_a_name_is_no_name_of_its_own():
    records = [record("e:navy", "Ostlandian Navy", "Organization", ("d1",), "Ostlandian", mentions=3),
               record("e:people", "Ostlandian", "Organization", ("d2",), mentions=3)]
    assert not _joined(records, "e:navy", "e:people")


def test_a_given_name_before_a_surname_is_left_to_the_person_rules():
    records = [record("e:mira", "Mira Vance", "Person", ("d1",), "Mira", mentions=3),
               record("e:other", "Mira Oduya", "Person", ("d2",), mentions=3),
               record("e:mira2", "Mira", "Person", ("d3",), mentions=3)]
    assert not _joined(records, "e:mira", "e:other")


def test_an_entity_of_another_kind_named_so_is_not_met():
    records = [record("e:team", "Pemberton Rovers", "Organization", ("d1",), "Pemberton", mentions=3),
               record("e:town", "Pemberton", "Place", ("d2",), mentions=3)]
    assert not _joined(records, "e:team", "e:town")
