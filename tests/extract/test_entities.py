"""Entities: names grouped, short names linked, types fixed from context."""

from __future__ import annotations

import pytest

from kg.extract.entities import index_entities, initials, name_type_hint


def _index(nlp, *paragraphs):
    chunks, offset = [], 0
    for text in paragraphs:
        chunks.append((nlp(text), offset))
        offset += len(text) + 1
    return index_entities(chunks)


def _type(index, name):
    entity = next((e for e in index.entities.values() if e.label == name or name in e.aliases), None)
    assert entity is not None, f"{name!r} not among {[e.label for e in index.entities.values()]}"
    return entity.type


@pytest.mark.parametrize(
    "text, name, etype",
    [
        ("Han Sun, a senior scholar at the Veldra Institute for Regional Studies, spoke.", "Han Sun", "Person"),
        ("Martin Keller, a senior researcher at the Lindgren Institute, said the data was flawed.", "Martin Keller",
         "Person"),
        ("Hassan told Kyodo the talks had failed.", "Kyodo", "NewsOrganization"),
        ("Hassan told Kyodo the talks had failed.", "Hassan", "Person"),
        ("Julia Romero told Reuters that the plant would close.", "Reuters", "NewsOrganization"),
        ("According to Interfax, the pipeline was damaged.", "Interfax", "Organization"),
        ("Mr Abara said the vote would be delayed.", "Abara", "Person"),
        ("Fighting continued in the Donbas region on Sunday.", "Donbas", "Place"),
        ("Talks between the two unions have collapsed, the Daily Courier reports.", "Daily Courier",
         "NewsOrganization"),
        ("The Morning Herald reports that talks collapsed.", "Morning Herald", "NewsOrganization"),
        ("Officials at the Veldra Institute for Regional Studies met.", "Veldra Institute for Regional Studies",
         "Organization"),
    ],
)
def test_types_from_context(nlp, text, name, etype):
    found = _type(_index(nlp, text), name)
    assert found == etype or {found, etype} == {"Organization", "NewsOrganization"}


def test_surname_joins_the_full_name_even_before_it(nlp):
    index = _index(nlp, "Han told reporters the plan had failed.", "Han Sun, a senior scholar, spoke to Norvik.")
    assert "Han" in index.entities["Han Sun"].aliases and "Han" not in index.entities
    kinds = [m for m in index.mentions if m.entity == "Han Sun"]
    assert len(kinds) == 2


def test_short_name_prefers_the_most_mentioned_person(nlp):
    index = _index(nlp, "Jang Yong-su visited the plant. Jang Yong-su spoke. His sister Jang Mi Rae watched.",
                   "Jang praised the workers.")
    last = max((m for m in index.mentions if m.text == "Jang"), key=lambda m: m.start)
    assert last.entity == "Jang Yong-su"


def test_place_short_name_is_the_first_word(nlp):
    index = _index(nlp, "North Veldra sent troops. Officials in the North denied it.")
    assert "North" in index.entities["North Veldra"].aliases


def test_acronyms_join_their_names(nlp):
    index = _index(nlp, "The World Health Organization (WHO) declared an emergency. The WHO said cases rose.",
                   "The Federal Aviation Administration grounded the jets. The FAA said checks would take weeks.")
    assert "WHO" in index.entities["World Health Organization"].aliases
    assert "FAA" in index.entities["Federal Aviation Administration"].aliases


def test_title_is_not_part_of_the_name(nlp):
    index = _index(nlp, "Striker Marco Bellini scored twice. Bellini has now scored 30 goals.")
    assert "Marco Bellini" in index.entities and index.entities["Marco Bellini"].type == "Person"
    assert "striker" in index.roles["Marco Bellini"]


def test_a_name_that_is_a_title_word_is_not_stripped_to_its_possessive(nlp):
    index = _index(nlp, "The decision was King's.")  # the model reads "King's" as one name
    assert [(m.text, m.entity) for m in index.mentions] == [("King", "King")]


def test_compound_name_counts_only_under_a_kind_noun(nlp):
    doc = nlp("The state-run VCNA news agency praised the deceased NVR soldiers.")
    index = index_entities([(doc, 0)])
    agency = doc[0 : next(t.i for t in doc if t.text == "agency") + 1]
    soldiers_root = next(t for t in doc if t.text == "soldiers")
    soldiers = doc[soldiers_root.left_edge.i : soldiers_root.i + 1]
    assert index.entity_of(0, agency) == "VCNA"
    assert index.entity_of(0, soldiers) is None


def test_a_possessor_with_a_kind_noun_is_the_owner_not_the_thing(nlp):
    doc = nlp("The hikers fell from South Varrow's highest mountain near the Dellan region.")
    index = index_entities([(doc, 0)])
    mountain = next(t for t in doc if t.text == "mountain")
    region = next(t for t in doc if t.text == "region")
    owner = next(t for t in doc if t.text == "Varrow")
    assert index.type_of(index.by_token.get((0, owner.i))) == "Place"  # (the owner is read as a place)
    assert index.entity_of(0, doc[mountain.left_edge.i : mountain.i + 1]) is None
    assert index.entity_of(0, doc[region.left_edge.i : region.i + 1]) == index.by_token[(0, region.i - 1)]


def test_every_name_mention_quotes_its_text(nlp):
    text = "Prime Minister Helena Varga visited Oslo. Varga met the mayor."
    index = _index(nlp, text)
    assert index.mentions
    for m in index.mentions:
        assert text[m.start : m.end] == m.text


def test_helpers():
    assert initials("Democratic Republic of the Congo") == "DRC"
    assert name_type_hint("Norvik News Agency") == "NewsOrganization"
    assert name_type_hint("Jang Yong-su") is None


def test_common_nouns_get_document_scoped_keys_names_and_dates_do_not():
    from kg.extract.entities import scope_common_nouns, unscoped
    from kg.model import Argument, Claim, Document, Entity, EntityMention, Extraction

    doc = Document(text="Ryu met the man in 2024.", source="a.txt")
    man = Argument("the man", 8, 15, entity="man")
    ex = Extraction(
        doc,
        entities=(Entity("Ryu", "Ryu", "Person"), Entity("man", "man"), Entity("2024", "2024")),
        mentions=(EntityMention("Ryu", 0, 3, "Ryu"), EntityMention("man", 12, 15, "man", "nominal")),
        claims=(Claim(Argument("Ryu", 0, 3, entity="Ryu"), "meet", man, (0, 24), speaker="man"),),
    )
    out = scope_common_nouns(ex)
    keys = {e.key for e in out.entities}
    scoped = f"man #{doc.sha256[:8]}"
    assert keys == {"Ryu", "2024", scoped}
    assert out.mentions[1].entity == scoped and out.claims[0].object.entity == scoped
    assert out.claims[0].speaker == scoped and out.claims[0].subject.entity == "Ryu"
    assert unscoped(scoped) == "man"


@pytest.mark.parametrize(
    "text, start, end, key",
    [
        ("Critics said the Lopez family's old house was sold.", 2, 5, "Lopez family"),
        ("Critics said the Lopez family's old house was sold.", 2, 8, "old house"),
        ("The Carter administration's new plan failed.", 0, 6, "new plan"),
    ],
)
def test_phrase_key_keeps_the_head_and_drops_the_whole_possessor(nlp, text, start, end, key):
    # a possessor phrase is keyed by its own head noun, not by the name that modifies it, and a possessed
    # phrase by its head without the possessor's words
    from kg.extract.entities import phrase_key

    assert phrase_key(nlp(text)[start:end]) == key
