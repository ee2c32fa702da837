"""Names the tagger read unevenly across articles: as a noun phrase, with a nickname or a score in them,
by a short form (invented names; records made by hand, resolved by the pure rule function)."""

from __future__ import annotations

from kg.resolve.entities import resolve_entities

from tests.resolve.record_kit import record, story


def test_a_noun_phrase_written_as_a_name_meets_the_same_name_in_other_articles():
    """Each article's "Tarn Viewer" (a product the tagger missed) is a common noun of one document; the
    articles share no other name (a name is one across the topic, a noun only within its story)."""
    result = resolve_entities([
        record("e:v1", "tarn viewer", "Thing", "e", "Tarn Viewer"),
        record("e:v2", "tarn viewer", "Thing", "f", "Tarn Viewer"),
        record("e:tv", "TV", "Organization", "e"),  # its initials, read as a name
        *story(),
    ])
    assert result.same("e:v1", "e:v2")
    assert result.same("e:v1", "e:tv")
    assert not result.same("e:v1", "e:ola")


def test_a_capitalised_common_noun_is_no_name():
    """A headline's "Harbour Crane" is the "harbour crane" some article writes in lower case; a role
    ("County Attorney") is no name either, capitalised everywhere."""
    result = resolve_entities(story(
        record("e:c1", "harbour crane", "Thing", "a", "Harbour Crane"),
        record("e:c2", "harbour crane", "Thing", "b", "Harbour Crane"),
        record("e:c3", "old harbour crane", "Thing", "c", "the old harbour crane"),
        record("e:a1", "county attorney", "Thing", "a", "County Attorney"),
        record("e:a2", "county attorney", "Thing", "c", "County Attorney"),
    ))
    assert not any(result.reasons.get(iri, "").startswith("proper-noun") for iri in ("e:c1", "e:c2", "e:a1", "e:a2"))


def test_a_person_named_with_a_nickname_is_the_person_named_without_it():
    result = resolve_entities(story(
        record("e:t1", 'Tom "The Hammer" Ruck', "Person", "a", "Ruck"),
        record("e:t2", "Tom Ruck", "Person", "b", "Ruck"),
        record("e:t3", "Tom (Tommy) Ruck", "Person", "c"),
        record("e:j", "Jan Ruck", "Person", "d"),
    ))
    assert result.same("e:t1", "e:t2") and result.same("e:t2", "e:t3")
    assert not result.same("e:t1", "e:j")


def test_a_score_read_into_a_team_name_is_no_part_of_it():
    result = resolve_entities(story(
        record("e:s1", "Dunmore 91-73", "Organization", "a"),
        record("e:s2", "Dunmore", "Organization", "b"),
        record("e:r", "Route 52", "Place", "c"),
        record("e:r2", "Route", "Organization", "d"),
    ))
    assert result.same("e:s1", "e:s2")
    assert not result.same("e:r", "e:r2")


def test_a_surname_alone_is_the_person_whose_name_ends_with_it():
    """"Ruck" is Tom Ruck's surname, not the same word opening a misread "Ruck Hall"."""
    result = resolve_entities(story(
        record("e:tom", "Tom Ruck", "Person", "ab"),
        record("e:hall", "Ruck Hall", "Person", "c"),
        record("e:ruck", "Ruck", "Person", "bd"),
    ))
    assert result.same("e:ruck", "e:tom")
    assert not result.same("e:ruck", "e:hall")


def test_a_team_called_by_its_nickname_is_the_team_of_its_town():
    """"Pemberton Harriers" is called "Harriers", which the tagger typed a person's name in two articles."""
    result = resolve_entities(story(
        record("e:ph", "Pemberton Harriers", "Organization", "ab"),
        record("e:h1", "Harriers", "Person", "cd"),
        record("e:pr", "Pemberton Rovers", "Organization", "a"),
        record("e:r", "Rovers", "Person", "b"),
        record("e:x", "rover", "Thing", "c", "two rovers"),  # a common noun as well: no name alone
    ))
    assert result.same("e:h1", "e:ph")
    assert not result.same("e:r", "e:pr")


def test_a_score_written_alone_is_one_result_across_the_articles_of_its_story():
    """"21-17" alone names the game's result in each article; another score is another result."""
    result = resolve_entities(story(
        record("e:s1", "21-17", "Thing", "a"),
        record("e:s2", "21-17", "Thing", "b"),
        record("e:s3", "21-17", "Thing", "c"),
        record("e:o", "14-10", "Thing", "d"),
    ))
    assert result.same("e:s1", "e:s2") and result.same("e:s1", "e:s3")
    assert not result.same("e:s1", "e:o")
