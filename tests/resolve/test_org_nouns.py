"""A singular organisation noun and the one organisation its article names (invented names; records made by
hand, resolved by the pure rule function)."""

from __future__ import annotations

from kg.resolve.entities import EntityRecord, resolve_entities

from tests.resolve.record_kit import record


def _org_story(noun: str) -> list[EntityRecord]:
    """An organisation two articles name, and a singular organisation noun of the first article."""
    return [record("e:org", "Dallowgate", "Organization", "ab"), record("e:noun", noun, "Thing", "a")]


def test_an_organisation_noun_takes_the_one_organisation_its_article_names():
    assert resolve_entities(_org_story("studio")).same("e:noun", "e:org")


def test_a_people_s_organisation_noun_is_that_people_s_body_not_the_named_organisation():
    """"the Ostlandish ministry" of an article about the Dallowgate company is Ostland's ministry."""
    assert not resolve_entities(_org_story("Ostlandish ministry")).same("e:noun", "e:org")
