"""Names inside wider mentions get mentions of their own (kg.extract.entities.nested_names)."""

from __future__ import annotations

from kg.extract import extract_document
from kg.extract.entities import EntityIndex, nested_names
from kg.model import Document, EntityMention


def _index(text: str, entities: dict[str, str], spans: list[tuple[str, str, str]]) -> EntityIndex:
    """An index with ``entities`` (key -> type) and a mention of ``key`` of ``kind`` at each ``(phrase, key, kind)``,
    the n-th phrase repeated taking the next occurrence."""
    index = EntityIndex()
    for key, etype in entities.items():
        index.add(key, key, etype)  # type: ignore[arg-type]
    seen: dict[str, int] = {}
    for phrase, key, kind in spans:
        start = text.index(phrase, seen.get(phrase, 0))
        seen[phrase] = start + 1
        index.mentions.append(EntityMention(key, start, start + len(phrase), phrase, kind))  # type: ignore[arg-type]
    return index


def _at(index: EntityIndex, text: str, phrase: str, nth: int = 0) -> list[tuple[str, str]]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return sorted((m.entity, m.kind) for m in index.mentions if (m.start, m.end) == (start, start + len(phrase)))


def test_a_surname_inside_a_description_is_a_mention_of_the_person(nlp):
    text = "Mira Whitlock spoke on Monday. The Whitlock team declined to comment."
    index = _index(text, {"Mira Whitlock": "Person", "Whitlock team": "Thing"},
                   [("Mira Whitlock", "Mira Whitlock", "name"), ("Whitlock team", "Whitlock team", "nominal")])
    nested_names([(nlp(text), 0)], index)
    assert _at(index, text, "Whitlock", nth=1) == [("Mira Whitlock", "name")]
    assert _at(index, text, "Whitlock team") == [("Whitlock team", "nominal")]  # the wider mention stays


def test_a_full_name_inside_a_misread_name_but_not_a_single_word(nlp):
    text = "Comedian Megan DeLuca will host. Megan DeLuca said so. Megan was thrilled."
    index = _index(text, {"Comedian Megan DeLuca": "Person", "Megan DeLuca": "Person", "Megan": "Person"}, [])
    for phrase, nth in (("Comedian Megan DeLuca", 0), ("Megan DeLuca", 1), ("Megan", 2)):
        start = -1
        for _ in range(nth + 1):
            start = text.index(phrase, start + 1)
        index.mentions.append(EntityMention(phrase, start, start + len(phrase), phrase))
    nested_names([(nlp(text), 0)], index)
    assert _at(index, text, "Megan DeLuca") == [("Megan DeLuca", "name")]
    assert _at(index, text, "Megan") == []  # the one-word name stays part of the wider name


def test_a_one_word_name_inside_another_name_is_part_of_it(nlp):
    text = "Henry Calloway was a president. The Calloway Post said so."
    index = _index(text, {"Henry Calloway": "Person", "Calloway Post": "NewsOrganization"},
                   [("Henry Calloway", "Henry Calloway", "name"),
                    ("Calloway Post", "Calloway Post", "name")])
    before = list(index.mentions)
    nested_names([(nlp(text), 0)], index)
    assert index.mentions == before


def test_a_common_noun_reading_of_a_name_gives_way_to_the_name(nlp):
    text = "Desmond Fields was hired in 2005. Fields was fired on Saturday."
    index = _index(text, {"Desmond Fields": "Person", "field": "Thing"},
                   [("Desmond Fields", "Desmond Fields", "name"), ("Fields", "field", "nominal")])
    index.mentions = [index.mentions[0], EntityMention("field", 34, 40, "Fields", "nominal")]
    nested_names([(nlp(text), 0)], index)
    assert _at(index, text, "Fields", nth=1) == [("Desmond Fields", "name")]


def test_a_name_outside_every_mention_or_inside_its_own_entity_gets_nothing(nlp):
    text = "Desmond Fields was hired in 2005. Later Fields left, and the Fields era ended."
    index = _index(text, {"Desmond Fields": "Person"},
                   [("Desmond Fields", "Desmond Fields", "name"), ("the Fields era", "Desmond Fields", "nominal")])
    before = list(index.mentions)
    nested_names([(nlp(text), 0)], index)
    assert index.mentions == before


def test_offsets_point_into_the_document_in_every_chunk(nlp):
    first, second = "Mira Whitlock spoke on Monday.", "The Whitlock team declined to comment."
    text = first + "\n\n" + second
    offset = len(first) + 2
    index = _index(text, {"Mira Whitlock": "Person", "Whitlock team": "Thing"},
                   [("Mira Whitlock", "Mira Whitlock", "name"), ("Whitlock team", "Whitlock team", "nominal")])
    nested_names([(nlp(first), 0), (nlp(second), offset)], index)
    added = [m for m in index.mentions if m.start >= offset and m.kind == "name"]
    assert [(m.text, text[m.start : m.end], m.entity) for m in added] == [("Whitlock", "Whitlock", "Mira Whitlock")]


def test_extraction_gives_the_name_in_a_misread_name_its_own_mention(pipeline):
    text = "Comedian Megan DeLuca will host the Starlings. Megan DeLuca said she was thrilled."
    ex = extract_document(Document(text=text, source="t.txt"), pipeline)
    start = text.index("Megan")
    holding = [m for m in ex.mentions if m.start <= start and start + len("Megan DeLuca") <= m.end]
    assert holding, ex.mentions
    shortest = min(holding, key=lambda m: m.end - m.start)
    assert (shortest.text, shortest.entity) == ("Megan DeLuca", "Megan DeLuca")
    assert all(text[m.start : m.end] == m.text for m in ex.mentions)


def test_the_last_word_of_an_organisation_s_name_is_a_mention_of_it(nlp):
    # "Hornets" alone, where no mention covers it, is the team the text named in full
    text = "The Denver Hornets lost on Sunday. Hornets forward Tom Reyes was hurt."
    index = _index(text, {"Denver Hornets": "Organization", "Tom Reyes": "Person"},
                   [("Denver Hornets", "Denver Hornets", "name"), ("Tom Reyes", "Tom Reyes", "name")])
    nested_names([(nlp(text), 0)], index)
    assert _at(index, text, "Hornets", nth=1) == [("Denver Hornets", "name")]


def test_a_last_word_shared_by_two_names_or_of_a_person_is_left_alone(nlp):
    text = "Denver Hornets and Austin Hornets met. Hornets fans cheered. Lena Park won. Park officials left."
    index = _index(text, {"Denver Hornets": "Organization", "Austin Hornets": "Organization", "Lena Park": "Place"},
                   [("Denver Hornets", "Denver Hornets", "name"), ("Austin Hornets", "Austin Hornets", "name"),
                    ("Lena Park", "Lena Park", "name")])
    nested_names([(nlp(text), 0)], index)
    assert _at(index, text, "Hornets", nth=2) == []
    assert _at(index, text, "Park", nth=1) == []


def _mentions_of(ex, phrase: str) -> list[tuple[str, str]]:
    """(entity, kind) of every mention spanning exactly an occurrence of ``phrase``."""
    found, start = [], ex.document.text.find(phrase)
    while start >= 0:
        found += [(m.entity, m.kind) for m in ex.mentions if (m.start, m.end) == (start, start + len(phrase))]
        start = ex.document.text.find(phrase, start + 1)
    return found


def test_a_proper_noun_run_the_recogniser_missed_is_a_name_inside_a_phrase(pipeline):
    text = ("Brindle released an urgent fix for Market Compass on Monday. "
            "The flaw affects its Market Compass browser.")
    ex = extract_document(Document(text=text, source="a.txt"), pipeline)
    found = _mentions_of(ex, "Market Compass")
    assert len(found) == 2 and {kind for _, kind in found} == {"name"}
    assert len({entity for entity, _ in found}) == 1  # one thing, whichever phrase holds it
    entity = next(e for e in ex.entities if e.key == found[0][0])
    assert entity.type == "Thing" and "Market Compass" in entity.aliases
    # the phrases keep their own mentions, and the claims their arguments
    assert _mentions_of(ex, "urgent fix for Market Compass") and _mentions_of(ex, "its Market Compass browser")
    assert {c.object.text for c in ex.claims if c.object is not None} >= {
        "an urgent fix for Market Compass", "its Market Compass browser"}


def test_titles_and_named_entities_get_no_extra_mention(pipeline):
    text = "Coach Dalby praised the Tellport Hornets on Sunday. President Vance met Coach Dalby."
    ex = extract_document(Document(text=text, source="a.txt"), pipeline)
    assert not [m for m in ex.mentions if m.text in {"Coach", "President"}]
    assert all(next(e for e in ex.entities if e.key == m.entity).type != "Thing"
               for m in ex.mentions if m.kind == "name")


def test_a_proper_noun_run_inside_a_longer_capitalised_name_is_left_alone(pipeline):
    text = "The climbers told ONE Bulletin that the weather was bad."
    ex = extract_document(Document(text=text, source="a.txt"), pipeline)
    assert _mentions_of(ex, "Bulletin") == []


def test_a_noun_modifying_a_noun_is_a_mention_of_its_own_thing(pipeline):
    text = "The striker has a knee injury. The gang shooting cut Internet and telephone links."
    ex = extract_document(Document(text=text, source="a.txt"), pipeline)
    for word in ("knee", "gang", "Internet", "telephone"):
        found = _mentions_of(ex, word)
        assert [kind for _, kind in found] == ["nominal"], word
        assert found[0][0].split(" #")[0] == word.lower()
    assert _mentions_of(ex, "knee injury") and _mentions_of(ex, "gang shooting")  # the phrases stay
    assert not _mentions_of(ex, "striker has")


def test_a_score_before_a_noun_is_a_mention_of_the_result(pipeline):
    text = "The Gulls sealed a 31-28 victory over the Hornets. The Gulls' 31-28 win was their fifth. Three players scored."
    ex = extract_document(Document(text=text, source="a.txt"), pipeline)
    keys = [m.entity for m in ex.mentions if m.text == "31-28"]
    assert len(keys) == 2 and len(set(keys)) == 1 and next(iter(keys)).startswith("31-28 #")
    assert not _mentions_of(ex, "Three")  # a count is no score


def test_a_noun_compounded_on_a_participle_read_as_a_verb_is_a_mention(pipeline):
    # the tagger reads "shooting" and "cut" as verbs ("cut" even as the root), yet "police" and
    # "cable" are their compounds, a relation only nouns have
    text = ("Crowds marched a week after the police shooting of a young cyclist. "
            "A subsea power cable cut on Sunday partially blocked electricity and phone services in Norville.")
    ex = extract_document(Document(text=text, source="a.txt"), pipeline)
    doc = pipeline("the police shooting of a young cyclist")
    assert (doc[2].pos_, doc[1].dep_) == ("VERB", "compound")  # the misreadings the rule is for
    doc = pipeline(text.split(". ")[1])
    assert (doc[4].text, doc[4].tag_, doc[4].dep_, doc[3].dep_) == ("cut", "VBN", "ROOT", "compound")
    police = _mentions_of(ex, "police")
    assert [kind for _, kind in police] == ["nominal"] and police[0][0].split(" #")[0] == "police"
    cable = _mentions_of(ex, "power cable")
    assert [kind for _, kind in cable] == ["nominal"] and cable[0][0].split(" #")[0] == "power cable"
    assert not _mentions_of(ex, "Sunday partially")


def test_one_of_a_group_set_beside_a_name_is_a_mention_of_the_named(pipeline):
    text = ("Police arrested Marco Vitale, one of 40 suspected gang members seized on Tuesday, at his home. "
            "The victims, one of them a child, were taken to hospital.")
    ex = extract_document(Document(text=text, source="a.txt"), pipeline)
    first = text.index("one")
    assert [(m.entity, m.kind) for m in ex.mentions if (m.start, m.end) == (first, first + 3)] == \
        [("Marco Vitale", "nominal")]
    second = text.index("one", first + 1)  # one of the victims is not the victims
    assert not [m for m in ex.mentions if (m.start, m.end) == (second, second + 3)]
