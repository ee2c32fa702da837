"""Place names before a description's head: a country written with full stops, a town and the area around a
city (issue 5). Names are invented."""

from __future__ import annotations

import pytest

from kg.resolve.entities import distinguishing_modifiers, resolve_entities

from tests.resolve.record_kit import record, story

#: The named entities every document of these stories mentions: a place and a person.
TARMO_STORY = (("e:gulf", "Gulf of Tarmo", "Place"), ("e:rell", "Rell Marlow", "Person"))


def test_a_country_abbreviated_with_full_stops_is_a_proper_modifier():
    assert distinguishing_modifiers("U.S. forces") == distinguishing_modifiers("US forces") == {"us"}
    assert distinguishing_modifiers("the U.K. embassy") == {"uk"}


def test_forces_of_two_countries_stay_apart_when_one_is_written_with_full_stops():
    result = resolve_entities(story(record("e:ost", "Ostlandian force", "Thing", "a"),
                                    record("e:us", "U.S. force", "Thing", "b"), shared=TARMO_STORY))
    assert not result.same("e:ost", "e:us")


@pytest.mark.parametrize("area, town", [
    ("suburban Ardon accounting firm", "Bellport accounting firm"),
    # a city's name may end as a plural demonym does ("-eans", "-ans"): after "greater" it still names the area
    ("greater New Tarleans accounting firm", "Bellport accounting firm"),
])
def test_a_site_placed_by_its_town_joins_the_site_placed_by_the_area_around_a_city(area, town):
    result = resolve_entities(story(record("e:area", area, "Thing", "a"), record("e:town", town, "Thing", "b"),
                                    shared=TARMO_STORY))
    assert result.same("e:area", "e:town")


@pytest.mark.parametrize("a, b", [
    # "rural" and compass words come before other proper adjectives ("a rural Tellish doctor"): no area words
    pytest.param("rural Tellish doctor", "Ostlandish doctor", id="rural"),
    # only a proper noun after "suburban" names an area; "a suburban 40-acre farm" is still no 25-acre farm, and
    # "a suburban second home" still another home than "the first home"
    pytest.param("suburban 40-acre farm", "25-acre farm", id="a count"),
    pytest.param("suburban second home", "first home", id="a contrast"),
    # "suburban" and "greater" also come before the adjective of a people ("suburban Tellish families", "a greater
    # Ostlandian role"): a people is no area holding the other side's place or people
    pytest.param("suburban Tellish families", "Varnese families", id="a people after suburban"),
    pytest.param("greater Ostlandian role", "Marlovian role", id="a people after greater"),
])
def test_descriptions_an_area_word_does_not_reconcile_stay_apart(a, b):
    result = resolve_entities(story(record("e:a", a, "Thing", "a"), record("e:b", b, "Thing", "b"),
                                    shared=TARMO_STORY))
    assert not result.same("e:a", "e:b")


def test_a_nationality_a_place_and_a_name_of_one_referent_do_not_clash():
    """Reports of one story call one bank "a Tellish bank", "the Ardon bank" (its town), "the Bellport bank" (the
    city it stands in) and "the Dallow bank" (its own name): the head rule reads none of them as another bank; two
    nationalities, two counts or "other" still clash."""
    recs = story(record("e:tellish", "Tellish bank", "Thing", "a"), record("e:ardon", "Ardon bank", "Thing", "b"),
                 record("e:dallow", "Dallow bank", "Thing", "c"), record("e:town", "Ardon", "Place", "b"),
                 record("e:town2", "Bellport", "Place", "d"), record("e:bell", "Bellport bank", "Thing", "d"),
                 record("e:cook", "Tellish cook", "Thing", "a"), record("e:cook2", "Ostlandish cook", "Thing", "c"),
                 record("e:two", "two tellers", "Thing", "a"), record("e:three", "three tellers", "Thing", "c"),
                 shared=TARMO_STORY)
    result = resolve_entities(recs)
    assert all(result.same("e:tellish", x) for x in ("e:ardon", "e:dallow", "e:bell"))
    assert not result.same("e:cook", "e:cook2")
    assert not result.same("e:two", "e:three")


@pytest.mark.parametrize("a, b, clash", [
    # an area word widens only a place named on one side; two towns, two areas, still clash where descriptions of
    # one head are weighed by their places (a description and the person another article calls so)
    pytest.param("Ardon accounting firm", "Bellport accounting firm", True, id="two towns"),
    pytest.param("suburban Ardon accounting firm", "suburban Dallow accounting firm", True, id="two areas"),
    pytest.param("suburban Ardon accounting firm", "Bellport accounting firm", False, id="an area and a town"),
    # "rural" and compass words come before other proper adjectives ("a rural Tellish doctor"): no area words
    pytest.param("rural Tellish doctor", "Ostland doctor", True, id="rural"),
])
def test_an_area_word_reconciles_only_a_place_named_on_one_side(a, b, clash):
    from kg.resolve.entities import _identifying, _regional_clash

    assert _regional_clash(*_identifying(a), *_identifying(b)) is clash


def test_the_head_rule_joins_descriptions_placed_by_two_towns_but_not_by_two_countries():
    result = resolve_entities(story(record("e:a", "Ardon accounting firm", "Thing", "a"),
                                    record("e:b", "Bellport accounting firm", "Thing", "b"),
                                    record("e:c", "Tellish accounting firm", "Thing", "c"),
                                    record("e:d", "Greece accounting firm", "Thing", "d"), shared=TARMO_STORY))
    assert result.same("e:a", "e:b") and not result.same("e:c", "e:d")
