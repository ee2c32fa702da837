"""Names the tagger read unevenly across articles: as a noun phrase, with a nickname or a score in them,
by a short form (invented names; records made by hand, resolved by the pure rule function)."""

from __future__ import annotations

from kg.resolve.entities import EntityRecord, resolve_entities


def _rec(iri: str, label: str, types: str, docs: str, *alts: str, pref_count: int = 1) -> EntityRecord:
    return EntityRecord(iri, (label, *alts), frozenset(types.split()), frozenset(docs), 1, pref_count)


def _story(*records: EntityRecord) -> list[EntityRecord]:
    """The records with a place and a person every document names, so the documents make one story."""
    return [*records, _rec("e:town", "Pemberton", "Place", "abcd"), _rec("e:ola", "Ola Brekke", "Person", "abcd")]


def test_a_noun_phrase_written_as_a_name_meets_the_same_name_in_other_articles():
    """Each article's "Tarn Viewer" (a product the tagger missed) is a common noun of one document; the
    articles share no other name (a name is one across the topic, a noun only within its story)."""
    result = resolve_entities([
        _rec("e:v1", "tarn viewer", "Thing", "e", "Tarn Viewer"),
        _rec("e:v2", "tarn viewer", "Thing", "f", "Tarn Viewer"),
        _rec("e:tv", "TV", "Organization", "e"),  # its initials, read as a name
        *_story(),
    ])
    assert result.same("e:v1", "e:v2")
    assert result.same("e:v1", "e:tv")
    assert not result.same("e:v1", "e:ola")


def test_a_capitalised_common_noun_is_no_name():
    """A headline's "Harbour Crane" is the "harbour crane" some article writes in lower case; a role
    ("County Attorney") is no name either, capitalised everywhere."""
    result = resolve_entities(_story(
        _rec("e:c1", "harbour crane", "Thing", "a", "Harbour Crane"),
        _rec("e:c2", "harbour crane", "Thing", "b", "Harbour Crane"),
        _rec("e:c3", "old harbour crane", "Thing", "c", "the old harbour crane"),
        _rec("e:a1", "county attorney", "Thing", "a", "County Attorney"),
        _rec("e:a2", "county attorney", "Thing", "c", "County Attorney"),
    ))
    assert not any(result.reasons.get(iri, "").startswith("proper-noun") for iri in ("e:c1", "e:c2", "e:a1", "e:a2"))


def test_a_person_named_with_a_nickname_is_the_person_named_without_it():
    result = resolve_entities(_story(
        _rec("e:t1", 'Tom "The Hammer" Ruck', "Person", "a", "Ruck"),
        _rec("e:t2", "Tom Ruck", "Person", "b", "Ruck"),
        _rec("e:t3", "Tom (Tommy) Ruck", "Person", "c"),
        _rec("e:j", "Jan Ruck", "Person", "d"),
    ))
    assert result.same("e:t1", "e:t2") and result.same("e:t2", "e:t3")
    assert not result.same("e:t1", "e:j")


def test_a_score_read_into_a_team_name_is_no_part_of_it():
    result = resolve_entities(_story(
        _rec("e:s1", "Dunmore 91-73", "Organization", "a"),
        _rec("e:s2", "Dunmore", "Organization", "b"),
        _rec("e:r", "Route 52", "Place", "c"),
        _rec("e:r2", "Route", "Organization", "d"),
    ))
    assert result.same("e:s1", "e:s2")
    assert not result.same("e:r", "e:r2")


def test_a_surname_alone_is_the_person_whose_name_ends_with_it():
    """"Ruck" is Tom Ruck's surname, not the same word opening a misread "Ruck Hall"."""
    result = resolve_entities(_story(
        _rec("e:tom", "Tom Ruck", "Person", "ab"),
        _rec("e:hall", "Ruck Hall", "Person", "c"),
        _rec("e:ruck", "Ruck", "Person", "bd"),
    ))
    assert result.same("e:ruck", "e:tom")
    assert not result.same("e:ruck", "e:hall")


def test_a_team_called_by_its_nickname_is_the_team_of_its_town():
    """"Pemberton Harriers" is called "Harriers", which the tagger typed a person's name in two articles."""
    result = resolve_entities(_story(
        _rec("e:ph", "Pemberton Harriers", "Organization", "ab"),
        _rec("e:h1", "Harriers", "Person", "cd"),
        _rec("e:pr", "Pemberton Rovers", "Organization", "a"),
        _rec("e:r", "Rovers", "Person", "b"),
        _rec("e:x", "rover", "Thing", "c", "two rovers"),  # a common noun as well: no name alone
    ))
    assert result.same("e:h1", "e:ph")
    assert not result.same("e:r", "e:pr")


def test_a_score_written_alone_is_one_result_across_the_articles_of_its_story():
    """"21-17" alone names the game's result in each article; another score is another result."""
    result = resolve_entities(_story(
        _rec("e:s1", "21-17", "Thing", "a"),
        _rec("e:s2", "21-17", "Thing", "b"),
        _rec("e:s3", "21-17", "Thing", "c"),
        _rec("e:o", "14-10", "Thing", "d"),
    ))
    assert result.same("e:s1", "e:s2") and result.same("e:s1", "e:s3")
    assert not result.same("e:s1", "e:o")
