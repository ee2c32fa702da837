"""Place names before a description's head: a country written with full stops, a town and the area around a
city (issue 5). Names are invented."""

from __future__ import annotations

from kg.resolve.entities import EntityRecord, distinguishing_modifiers, resolve_entities


def _rec(iri, label, types, docs, *alts):
    return EntityRecord(iri, (label, *alts), frozenset(types.split()), frozenset(docs), 1)


def _story(*records):
    """The records with a place and a person every document names, so the documents make one story."""
    return [*records, _rec("e:gulf", "Gulf of Tarmo", "Place", "abcd"), _rec("e:rell", "Rell Marlow", "Person", "abcd")]


def test_a_country_abbreviated_with_full_stops_is_a_proper_modifier():
    assert distinguishing_modifiers("U.S. forces") == distinguishing_modifiers("US forces") == {"us"}
    assert distinguishing_modifiers("the U.K. embassy") == {"uk"}


def test_forces_of_two_countries_stay_apart_when_one_is_written_with_full_stops():
    result = resolve_entities(_story(_rec("e:ost", "Ostlandian force", "Thing", "a"),
                                     _rec("e:us", "U.S. force", "Thing", "b")))
    assert not result.same("e:ost", "e:us")


def test_a_site_placed_by_its_town_joins_the_site_placed_by_the_area_around_a_city():
    result = resolve_entities(_story(_rec("e:area", "suburban Ardon accounting firm", "Thing", "a"),
                                     _rec("e:town", "Bellport accounting firm", "Thing", "b")))
    assert result.same("e:area", "e:town")


def test_sites_in_two_towns_or_around_two_cities_stay_apart():
    """Guards: an area word widens only a place named on one side; two towns, two areas, still clash."""
    towns = resolve_entities(_story(_rec("e:a", "Ardon accounting firm", "Thing", "a"),
                                    _rec("e:b", "Bellport accounting firm", "Thing", "b")))
    areas = resolve_entities(_story(_rec("e:a", "suburban Ardon accounting firm", "Thing", "a"),
                                    _rec("e:b", "suburban Dallow accounting firm", "Thing", "b")))
    assert not towns.same("e:a", "e:b")
    assert not areas.same("e:a", "e:b")


def test_a_word_that_names_no_place_after_rural_is_no_area():
    """Guard: "rural" and compass words come before other proper adjectives ("a rural Tellish doctor")."""
    result = resolve_entities(_story(_rec("e:rural", "rural Tellish doctor", "Thing", "a"),
                                     _rec("e:ost", "Ostland doctor", "Thing", "b")))
    assert not result.same("e:rural", "e:ost")


def test_a_count_or_contrast_after_an_area_word_is_no_place():
    """Guard: only a proper noun after "suburban" names an area; "a suburban 40-acre farm" is still no 25-acre
    farm, and "a suburban second home" still another home than "the first home"."""
    sizes = resolve_entities(_story(_rec("e:a", "suburban 40-acre farm", "Thing", "a"),
                                    _rec("e:b", "25-acre farm", "Thing", "b")))
    homes = resolve_entities(_story(_rec("e:a", "suburban second home", "Thing", "a"),
                                    _rec("e:b", "first home", "Thing", "b")))
    assert not sizes.same("e:a", "e:b")
    assert not homes.same("e:a", "e:b")


def test_a_people_after_an_area_word_is_no_area():
    """Guard: "suburban" and "greater" also come before the adjective of a people ("suburban Tellish families",
    "a greater Ostlandian role"): a people is no area holding the other side's place or people."""
    families = resolve_entities(_story(_rec("e:a", "suburban Tellish families", "Thing", "a"),
                                       _rec("e:b", "Varnese families", "Thing", "b")))
    roles = resolve_entities(_story(_rec("e:a", "greater Ostlandian role", "Thing", "a"),
                                    _rec("e:b", "Marlovian role", "Thing", "b")))
    assert not families.same("e:a", "e:b")
    assert not roles.same("e:a", "e:b")


def test_a_city_whose_name_ends_like_a_plural_people_is_an_area():
    """A city's name may end as a plural demonym does ("-eans", "-ans"): after "greater" it still names the
    area, and a firm placed by a town in it may be the same firm."""
    result = resolve_entities(_story(_rec("e:area", "greater New Tarleans accounting firm", "Thing", "a"),
                                     _rec("e:town", "Bellport accounting firm", "Thing", "b")))
    assert result.same("e:area", "e:town")
