"""Names written short or slightly differently in one story: a title abbreviated before a name ("Tellish Gov."),
a town's name without its "City", one name spelt two ways behind one acronym (invented names; records made by
hand, resolved by the pure rule function)."""

from __future__ import annotations

from kg.resolve.entities import resolve_entities, thing_head

from tests.resolve.record_kit import record, story


def test_an_abbreviated_title_is_the_person_noun_it_shortens():
    """"Tellish Gov." (a tagger left the title behind when it read "Gov.Mira Sandal" as one word) is the
    Tellish governor another article writes out; an abbreviation that is a word of its own is not read so."""
    assert thing_head("Tellish Gov.") == "governor"
    assert thing_head("the Dallow Sgt") == "sergeant"
    assert thing_head("the gen") == "gen"
    result = resolve_entities(story(
        record("e:gov", "tellish gov.", "Thing", "a", "Tellish Gov"),
        record("e:governor", "tellish governor", "Thing", "b", "the Tellish governor"),
    ))
    assert result.same("e:gov", "e:governor")


def test_a_town_its_article_also_names_without_city_is_that_name():
    """An article's "Dallow City ... in Dallow" gives the town both names, so another article's "Dallow" is it,
    however the tagger typed it there (a place and an organisation)."""
    result = resolve_entities(story(
        record("e:city", "Dallow City", "Place", "a", "Dallow"),
        record("e:dallow", "Dallow", "Organization Place", "bc"),
    ))
    assert result.same("e:city", "e:dallow")


def test_an_acronym_of_one_name_spelt_two_ways_joins_it():
    """"TVC" stands for "Tellish Vote Commission" and "Tellish Votes Commission", one body misspelt in one word;
    two different names behind one acronym still leave it alone."""
    result = resolve_entities(story(
        record("e:one", "Tellish Vote Commission", "Organization", "a"),
        record("e:two", "Tellish Votes Commission", "Organization", "b"),
        record("e:tvc", "TVC", "Organization", "c"),
    ))
    assert result.same("e:tvc", "e:one") and result.same("e:tvc", "e:two")
    two = resolve_entities(story(
        record("e:one", "Tellish Vote Commission", "Organization", "a"),
        record("e:two", "Tellish Veterans Council", "Organization", "b"),
        record("e:tvc", "TVC", "Organization", "c"),
    ))
    assert not two.same("e:tvc", "e:one") and not two.same("e:tvc", "e:two")
