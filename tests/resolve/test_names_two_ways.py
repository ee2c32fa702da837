"""One organisation's or place's name read two ways across reports: with and without the kind words after it
("Tellport Police Department" / "Tellport Police"), and a one-word name a tagger read as a common noun ("Ardonia's"
lemmatised to a thing, "Harbourlight" of "Harbourlight Treatment Center"). Invented names; records made by hand,
resolved by the pure rule function."""

from __future__ import annotations

from kg.resolve.entities import resolve_entities

from tests.resolve.record_kit import record, story


def test_an_organisation_named_without_its_kind_words_is_that_organisation():
    """Rule 4b: "Tellport Police" is the "Tellport Police Department" another report writes out, and "Harbourlight
    Recovery" the "Harbourlight Recovery Center"; the town alone is not its police."""
    result = resolve_entities(story(
        record("e:dept", "Tellport Police Department", "Organization", "a"),
        record("e:police", "Tellport Police", "Organization", "b"),
        record("e:tellport", "Tellport", "Place", "c"),
        record("e:center", "Harbourlight Recovery Center", "Organization", "c"),
        record("e:short", "Harbourlight Recovery", "Organization Person", "d"),
    ))
    assert result.same("e:dept", "e:police")
    assert result.same("e:center", "e:short")
    assert not result.same("e:tellport", "e:dept") and not result.same("e:tellport", "e:police")


def test_a_service_named_short_names_its_members_not_the_body():
    """"the Tellish Marshals" are officers of the "Tellish Marshals Service", not the service: "service" is no
    kind word the short form leaves out."""
    result = resolve_entities(story(
        record("e:service", "Tellish Marshals Service", "Organization", "a"),
        record("e:marshals", "Tellish Marshals", "Organization", "b"),
    ))
    assert not result.same("e:service", "e:marshals")


def test_a_one_word_name_read_as_a_common_noun_joins_the_one_name_of_its_story():
    """Rule 4d: a capitalised one-word label of a common noun ("Ardonia's", "Harbourlight") is the one place or
    organisation of its story named so, also by the short name an article gave a longer one; a word some text
    writes in lower case ("promise") is a common noun and stays apart."""
    result = resolve_entities(story(
        record("e:ardonia", "Ardonia", "Place", "ab"),
        record("e:noun", "ardonia", "Thing", "c", "Ardonia's"),
        record("e:center", "Harbourlight Treatment Center", "Organization", "a", "Harbourlight"),
        record("e:read", "harbourlight", "Thing", "d", "Harbourlight"),
        record("e:promises", "Promise Hall", "Organization", "a", "Promise"),
        record("e:promise", "promise", "Thing", "b", "Promise"),
        record("e:lower", "promise", "Thing", "c", "his promise"),
    ))
    assert result.same("e:noun", "e:ardonia")
    assert result.same("e:read", "e:center")
    assert not result.same("e:promise", "e:promises")
