"""A church, school or college named once and then called by the kind its name ends in ("Osland Bible Church ...
the church"): rule 8b by name joins the noun to that organisation (invented names; records made by hand,
resolved by the pure rule function)."""

from __future__ import annotations

from kg.resolve.entities import resolve_entities

from tests.resolve.record_kit import record, story


def test_the_church_of_an_article_joins_the_one_church_it_names():
    """The story names two churches (so the head rule 7 leaves "the church" open); its article names one."""
    result = resolve_entities(story(
        record("e:church", "Osland Bible Church", "Organization", "ab"),
        record("e:other", "Brenford Baptist Church", "Organization", "cd"),
        record("e:fire", "Dallow Fire", "Organization", "ab"),
        record("e:n", "church", "Thing", "a", "the church"),
    ))
    assert result.same("e:n", "e:church")
    assert not result.same("e:n", "e:other") and not result.same("e:n", "e:fire")


def test_an_article_naming_two_churches_leaves_the_church_open():
    result = resolve_entities(story(
        record("e:c1", "Osland Bible Church", "Organization", "ab"),
        record("e:c2", "Brenford Baptist Church", "Organization", "ac"),
        record("e:c3", "Tellport Methodist Church", "Organization", "d"),
        record("e:n", "church", "Thing", "a", "the church"),
    ))
    assert not result.same("e:n", "e:c1") and not result.same("e:n", "e:c2")
