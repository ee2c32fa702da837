"""A record also known by the first words of its name, which other articles give an entity of its own (invented
names): read as that shorter name, it meets them."""

from __future__ import annotations

from kg.resolve.entities import EntityRecord, resolve_entities

ORG = frozenset({"Organization"})


def _rec(iri: str, labels: tuple[str, ...], types: frozenset[str], *docs: str) -> EntityRecord:
    return EntityRecord(iri, labels, types, frozenset(docs), mentions=3)


def _joined(records: list[EntityRecord], a: str, b: str) -> bool:
    canon = resolve_entities(records).canonical
    return canon.get(a, a) == canon.get(b, b)


def test_the_maker_named_before_its_product_meets_the_maker():
    records = [_rec("e:update", ("Tellco Update", "Tellco"), ORG, "d1"),
               _rec("e:tellco2", ("Tellco",), ORG, "d2"),
               _rec("e:tellco3", ("Tellco",), ORG, "d3")]
    assert _joined(records, "e:update", "e:tellco2")
    assert _joined(records, "e:tellco2", "e:tellco3")


def test_two_products_of_one_maker_both_meet_the_maker():
    records = [_rec("e:update", ("Tellco Update", "Tellco"), ORG, "d1"),
               _rec("e:bulletin", ("Tellco Security Bulletin", "Tellco"), ORG, "d2"),
               _rec("e:tellco", ("Tellco",), ORG, "d3")]
    assert _joined(records, "e:update", "e:tellco") and _joined(records, "e:bulletin", "e:tellco")


def test_a_town_before_its_street_meets_the_town():
    place = frozenset({"Place"})
    records = [_rec("e:street", ("Ostvale High Street", "Ostvale"), place, "d1"),
               _rec("e:town", ("Ostvale",), place, "d2")]
    assert _joined(records, "e:street", "e:town")


def test_a_short_name_no_other_article_gives_changes_nothing():
    records = [_rec("e:update", ("Tellco Update", "Tellco"), ORG, "d1"),
               _rec("e:tellco", ("Tellco",), ORG, "d1"),  # the same article only
               _rec("e:other", ("Tellco Update",), ORG, "d2")]
    assert _joined(records, "e:update", "e:other")
    assert not _joined(records, "e:update", "e:tellco")


def test_a_demonym_before_a_name_is_no_name_of_its_own():
    records = [_rec("e:navy", ("Ostlandian Navy", "Ostlandian"), ORG, "d1"),
               _rec("e:people", ("Ostlandian",), ORG, "d2")]
    assert not _joined(records, "e:navy", "e:people")


def test_a_given_name_before_a_surname_is_left_to_the_person_rules():
    person = frozenset({"Person"})
    records = [_rec("e:mira", ("Mira Vance", "Mira"), person, "d1"),
               _rec("e:other", ("Mira Oduya",), person, "d2"),
               _rec("e:mira2", ("Mira",), person, "d3")]
    assert not _joined(records, "e:mira", "e:other")


def test_an_entity_of_another_kind_named_so_is_not_met():
    records = [_rec("e:team", ("Pemberton Rovers", "Pemberton"), ORG, "d1"),
               _rec("e:town", ("Pemberton",), frozenset({"Place"}), "d2")]
    assert not _joined(records, "e:team", "e:town")
