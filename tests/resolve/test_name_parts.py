"""How a name's parts are read across reports: one pet name spelt two ways, a short given name with a middle name
left out, a role of several words as a person noun, and acronyms whose letters come from an acronym inside the
name or from a leading "The" (invented names; records made by hand, resolved by the pure rule function)."""

from __future__ import annotations

from kg.resolve.entities import resolve_entities
from kg.resolve.names import acronyms, given_name_variant

from tests.resolve.record_kit import record, story


def test_one_pet_name_spelt_with_ie_or_y_is_one_given_name():
    assert given_name_variant("jennie", "jenny") and given_name_variant("debby", "debbie")
    assert not given_name_variant("tony", "toni") and not given_name_variant("amy", "amie")
    result = resolve_entities(story(
        record("e:j1", "Jennie Marrowby", "Person", "a", "Marrowby"),
        record("e:j2", "Jenny Marrowby", "Person", "b", "Marrowby"),
    ))
    assert result.same("e:j1", "e:j2")


def test_a_short_given_name_with_the_middle_name_left_out_is_the_longer_name():
    """"Fred Quillaby" of two reports is the "Frederick Everett Quillaby" of a third; "Dan Quillaby" is not."""
    result = resolve_entities(story(
        record("e:t1", "Fred Quillaby", "Person", "a", "Quillaby"),
        record("e:t2", "Fred Quillaby", "Person", "b", "Quillaby"),
        record("e:t3", "Frederick Everett Quillaby", "Person", "c", "Quillaby"),
        record("e:d", "Dan Quillaby", "Person", "d"),
    ))
    assert result.same("e:t1", "e:t3") and result.same("e:t2", "e:t3")
    assert not result.same("e:d", "e:t3")


def test_a_title_of_several_words_describes_a_person_named_in_its_own_article():
    """Two reports call Oskar Vendt "the chief executive officer"; the third names him and says "the chief
    executive officer" too: the title is a person's, so it is his there as well."""
    said = {("a", "chief executive officer"), ("b", "chief executive officer")}
    result = resolve_entities(story(
        record("e:v", "Oskar Vendt", "Person", "abc", "Vendt", descriptions=said),
        record("e:ceo", "chief executive officer", "Thing", "c"),
    ))
    assert result.same("e:ceo", "e:v")


def test_an_acronym_inside_a_name_gives_all_its_letters():
    """"TNA Ports Authority" is TNAPA, not "TPA", which is the "Tarvell Port Authority" of the same reports."""
    assert acronyms("TNA Ports Authority") == {"tnapa"}
    result = resolve_entities(story(
        record("e:tna", "TNA Ports Authority", "Organization", "a"),
        record("e:tarvell", "Tarvell Port Authority", "Organization", "b"),
        record("e:tpa", "TPA", "Organization", "c"),
    ))
    assert result.same("e:tpa", "e:tarvell") and not result.same("e:tpa", "e:tna")


def test_an_acronym_may_keep_the_the_that_its_name_was_read_without():
    """"TDC" is "The Dallow Courier", whose key the extractor reads without "The"; "XDC" is nothing."""
    result = resolve_entities(story(
        record("e:courier", "Dallow Courier", "Organization", "ab"),
        record("e:tdc", "TDC", "Organization", "c"),
        record("e:xdc", "XDC", "Organization", "d"),
    ))
    assert result.same("e:tdc", "e:courier") and not result.same("e:xdc", "e:courier")
