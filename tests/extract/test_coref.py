"""Within-document coreference: pronouns, descriptions, bare numbers."""

from __future__ import annotations

import pytest

from kg.extract.coref import resolve_references
from kg.extract.entities import index_entities


def _resolve(nlp, text):
    doc = nlp(text)
    index = index_entities([(doc, 0)])
    resolve_references([(doc, 0)], index)
    return doc, index


def _key_at(doc, index, word, nth=0):
    tok = [t for t in doc if t.text == word][nth]
    return index.by_token.get((0, tok.i))


@pytest.mark.parametrize(
    "text, word, nth, key",
    [
        ("Daniel Okafor won the vote. He thanked his supporters.", "He", 0, "Daniel Okafor"),
        ("Daniel Okafor won the vote. He thanked his supporters.", "his", 0, "Daniel Okafor"),
        ("Maria Santos met Daniel Okafor. She said the hospital was full.", "She", 0, "Maria Santos"),
        ("The Northwind Group reported profits. It plans to open new stores.", "It", 0, "Northwind Group"),
        ("President Luis Moreno met the miners. The president promised higher wages.", "president", 0, "Luis Moreno"),
        ("Fatima Diallo, the health minister, visited. The minister praised the nurses.", "minister", 1,
         "Fatima Diallo"),
        ("The Halden Shipping Company posted a loss. The company blamed fuel costs.", "company", 0,
         "Halden Shipping Company"),
        ("Norway has closed its border. The government sent troops.", "government", 0, "Norway"),
    ],
)
def test_references_resolve(nlp, text, word, nth, key):
    doc, index = _resolve(nlp, text)
    assert _key_at(doc, index, word, nth) == key


def test_gender_keeps_he_and_she_apart(nlp):
    doc, index = _resolve(nlp, "Mr Abara met Maria Santos. She thanked him.")
    assert _key_at(doc, index, "She") == "Maria Santos"
    assert _key_at(doc, index, "him") == "Abara"


@pytest.mark.parametrize(
    "text",
    ["It is a rare admission that the army has suffered losses.",
     "It is not yet known when the ceremony took place.",
     "It was reported that the mayor resigned."],
)
def test_pleonastic_it_is_left_alone(nlp, text):
    doc, index = _resolve(nlp, "The ministry published a report. " + text)
    assert _key_at(doc, index, "It") is None


def test_they_takes_a_plural_thing(nlp):
    doc, index = _resolve(nlp, "Farmers blocked the highway on Tuesday. They demanded lower prices.")
    assert _key_at(doc, index, "They") == "farmer"
    assert index.entities["farmer"].type == "Thing"


def test_according_to_source_is_not_it(nlp):
    doc, index = _resolve(nlp, "The diary was found on a battlefield. According to Yonhap, it contained a poem.")
    assert _key_at(doc, index, "it") != "Yonhap"


def test_bare_numbers_count_what_they_refer_to(nlp):
    doc, index = _resolve(nlp, "The bus carried 40 passengers. Of these, 12 were injured.")
    twelve = next(t for t in doc if t.text == "12")
    assert index.referents[(0, twelve.i)] == "passenger"


def test_modified_description_is_a_new_referent(nlp):
    doc, index = _resolve(nlp, "The Tribune reported the news. The central bank raised rates.")
    assert _key_at(doc, index, "bank") is None


def test_mentions_have_kinds_and_exact_offsets(nlp):
    text = "President Luis Moreno met the miners. The president promised that he would visit."
    doc, index = _resolve(nlp, text)
    kinds = {m.kind for m in index.mentions if m.entity == "Luis Moreno"}
    assert kinds == {"name", "nominal", "pronoun"}
    for m in index.mentions:
        assert text[m.start : m.end] == m.text


def test_he_can_be_an_unnamed_person(nlp):
    doc, index = _resolve(nlp, "The president told aides that he would not run again.")
    assert _key_at(doc, index, "he") == "president"
