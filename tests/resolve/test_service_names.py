"""Names of services and organisations the tagger typed as people ("Dallow Fire", "Tellport Public Safety"):
their first word is the town they serve and their last a common noun, so neither alone is a short form of them
(invented names; records made by hand, resolved by the pure rule function)."""

from __future__ import annotations

from kg.resolve.entities import resolve_entities

from tests.resolve.record_kit import record, story


def test_a_capitalised_fire_is_no_surname_of_a_fire_service_typed_a_person():
    """A headline's "Fire" (a common noun written with a capital) is the blaze, not "Dallow Fire" read as a
    person whose surname is "Fire"; a real surname written so still joins its person."""
    result = resolve_entities(story(
        record("e:svc", "Dallow Fire", "Person", "a"),
        record("e:fire", "fire", "Thing", "b", "Fire"),
        record("e:prs", "Hana Banks", "Person", "c"),
        record("e:bank", "bank", "Thing", "d", "Banks"),
    ))
    assert not result.same("e:fire", "e:svc")
    assert result.same("e:bank", "e:prs")


def test_a_town_named_alone_is_no_short_form_of_its_service_typed_a_person():
    """"Tellport" alone (the town, typed a person in one article) does not join "Tellport Public Safety" or
    "Tellport Bible Church" by their first word, as a given name joins its person ("Mira" / "Mira Sandal")."""
    result = resolve_entities(story(
        record("e:town2", "Tellport", "Person", "a"),
        record("e:svc", "Tellport Public Safety", "Person", "b"),
        record("e:mira", "Mira", "Person", "c"),
        record("e:sandal", "Mira Sandal", "Person", "d"),
    ))
    assert not result.same("e:town2", "e:svc")
    assert result.same("e:mira", "e:sandal")
    church = resolve_entities(story(
        record("e:town2", "Tellport", "Person Place", "a"),
        record("e:church", "Tellport Bible Church", "Organization Person", "bc"),
        record("e:kind", "Church", "Organization", "d"),
    ))
    assert not church.same("e:town2", "e:church")
    assert church.same("e:kind", "e:church")  # the kind word alone still names it ("the Church")
