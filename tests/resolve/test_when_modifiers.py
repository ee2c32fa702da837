"""A month or a year before a description's head says when its referent was, not how many there are (issue 5).
Names and sentences are invented."""

from __future__ import annotations

import pytest

from kg.resolve.entities import distinguishing_modifiers, resolve_entities

from tests.resolve.record_kit import record, story


@pytest.mark.parametrize("a, b", [
    pytest.param("October patch", "December patch", id="two months"),
    pytest.param("2008 fire", "2011 fire", id="two years"),
    pytest.param("December's update", "March's update", id="two months, possessive"),
    pytest.param("2008's flood", "2010's flood", id="two years, possessive"),
    pytest.param("October 2008 fire", "October 2011 fire", id="one month, two years"),
])
def test_descriptions_of_one_head_at_two_given_times_are_two_things(a, b):
    result = resolve_entities(story(record("e:a", a, "Thing", "a"), record("e:b", b, "Thing", "b")))
    assert not result.same("e:a", "e:b")


@pytest.mark.parametrize("a, b", [
    # a year is no count: "the 2008 fire" is not two thousand and eight fires against "two fires"
    pytest.param("2008 fire", "two fire", id="a year and a count"),
    pytest.param("2008's flood", "3 flood", id="a possessive year and a count"),
    # a month and a year are two facets of one time, not two times
    pytest.param("October fire", "2008 fire", id="a month and a year"),
    pytest.param("October 2008 fire", "2008 fire", id="one side gives the month too"),
    pytest.param("December patch", "patch", id="one side gives no time"),
])
def test_times_that_do_not_differ_do_not_clash(a, b):
    result = resolve_entities(story(record("e:a", a, "Thing", "a"), record("e:b", b, "Thing", "b")))
    assert result.same("e:a", "e:b")


def test_a_four_digit_number_before_a_plural_head_is_still_a_count():
    assert distinguishing_modifiers("2000 soldiers") == {"2000"}
    result = resolve_entities(story(record("e:a", "2000 soldiers", "Thing", "a"),
                                    record("e:b", "3000 soldiers", "Thing", "b")))
    assert not result.same("e:a", "e:b")


@pytest.mark.parametrize("label", ["2,008 fire", "1850 fire", "2150 fire"])
def test_only_a_plain_number_of_a_modern_year_is_read_as_a_year(label):
    assert all(not w.startswith("when:") for w in distinguishing_modifiers(label))


def test_a_possessive_owner_is_no_when_modifier_and_gives_nothing():
    """Owners of one head differ across reports of one referent ("Dale's store" / "the Bellport store"); they are
    left out of the clash checks."""
    assert distinguishing_modifiers("Dale's store") == frozenset()
    result = resolve_entities(story(record("e:a", "Dale's store", "Thing", "a"),
                                    record("e:b", "Corran's store", "Thing", "b")))
    assert result.same("e:a", "e:b")


def test_a_month_that_begins_a_name_is_no_time():
    assert not any(w.startswith("when:") for w in distinguishing_modifiers("the August Tarrow play"))
