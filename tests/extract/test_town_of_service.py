"""A town and the services named after it (kg.extract.entities: _town_of_service): where an article uses a name
alone as a place ("in Dallow"), it is the town, not a short form of the town's fire service, police or church
("Dallow Fire", "Osland Bible Church"); a name used otherwise still shortens the longer one (invented names)."""

from __future__ import annotations


def _entity_of(extraction, text: str) -> set[str]:
    return {m.entity for m in extraction.mentions if m.kind == "name" and m.text == text}


def test_a_town_in_a_locative_phrase_is_not_its_fire_service(extract):
    ex = extract("A fire destroyed an old warehouse in Dallow on Tuesday. Crews from Dallow Fire and the county fire "
                 "department responded. Dallow Fire said the roof collapsed.")
    town, service = _entity_of(ex, "Dallow"), _entity_of(ex, "Dallow Fire")
    assert town and service and not town & service


def test_a_town_named_as_a_place_is_not_its_church(extract):
    ex = extract("Vandals set fire to Osland Bible Church on Friday. The pastor of Osland Bible Church said nobody was "
                 "hurt. Osland is a small town in the hills, and people in Osland were shocked.")
    town, church = _entity_of(ex, "Osland"), _entity_of(ex, "Osland Bible Church")
    assert town and church and not town & church


def test_a_name_not_used_as_a_place_still_shortens_its_organisation(extract):
    ex = extract("The Tellport News Agency reported the deal. Tellport said the talks would resume.")
    assert _entity_of(ex, "Tellport") == _entity_of(ex, "Tellport News Agency") != set()
