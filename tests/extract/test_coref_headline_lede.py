"""A headline's unnamed person is the person its lede tells of doing the same thing."""

from __future__ import annotations

import pytest

from kg.extract import extract_document
from kg.extract.coref import _headline_and_lede
from kg.ingest.layout import analyse_text
from kg.model import Document


@pytest.fixture(scope="module")
def entity_of(pipeline):
    """``entity_of(text, phrase, nth=0)``: the entity of the mention spelled ``phrase`` in the article ``text``
    (laid out the way ingest lays out a plain-text article: a title line is taken out of the body)."""

    def run(text: str, phrase: str, nth: int = 0) -> str | None:
        layout = analyse_text(text)
        document = Document(text=text, source="t.txt", title=layout.title, body=layout.body, publisher="Test Daily")
        found = [m.entity for m in extract_document(document, pipeline).mentions if m.text == phrase]
        return found[nth] if len(found) > nth else None

    return run


def test_a_headline_noun_is_the_person_the_lede_arrests(entity_of):
    text = ("Lancers lineman arrested on DUI charge\n\n"
            "Lancers defensive end Omar Reyes was arrested early Sunday on suspicion of drunken driving.")
    assert entity_of(text, "Lancers lineman") == "Omar Reyes"


def test_a_headline_under_a_url_line_is_read_as_one(entity_of):
    text = ("http://example.org/2021/lineman-arrested\nLancers lineman arrested on DUI charge\nMay 4, 2021\n"
            "Lancers guard Omar Reyes was arrested early Sunday on suspicion of drunken driving.\n"
            "Reyes was released on bail.")
    assert entity_of(text, "Lancers lineman") == "Omar Reyes"


def test_a_headline_noun_is_the_described_person_the_lede_says_died(entity_of):
    text = ("Skier dies in fall near Varnholt\n\n"
            "A 41-year-old Danish man died on Friday after falling 90 metres from a ridge near Varnholt. "
            "Tomas Eberle, a native of Lisk, was skiing with two friends.")
    assert entity_of(text, "41-year-old Danish man") is not None
    assert entity_of(text, "Skier") == entity_of(text, "41-year-old Danish man")


def test_the_object_of_an_arrest_is_its_patient(entity_of):
    text = "Veteran lineman arrested after crash\n\nPolice arrested Omar Reyes, 31, near the stadium on Sunday."
    assert entity_of(text, "Veteran lineman") == "Omar Reyes"


def test_two_persons_arrested_in_the_lede_leave_the_headline_noun_alone(entity_of):
    text = ("Veteran lineman arrested on DUI charge\n\n"
            "Omar Reyes was arrested on Sunday in Tellport. Pete Lund was arrested on Monday.")
    assert entity_of(text, "Veteran lineman") not in {"Omar Reyes", "Pete Lund", None}


def test_the_agent_of_the_headline_is_not_the_patient_of_the_lede(entity_of):
    text = "Veteran lineman arrested on DUI charge\n\nOmar Reyes arrested two men outside a bar in Tellport on Sunday."
    assert entity_of(text, "Veteran lineman") not in {"Omar Reyes", None}


def test_one_of_two_men_who_died_is_not_the_headline_person(entity_of):
    text = "Second skier dies near Varnholt\n\nTwo men have died in separate accidents near Varnholt this weekend."
    assert entity_of(text, "Second skier") != entity_of(text, "Two men")


def test_a_first_line_with_a_stop_is_the_lede_not_a_headline(nlp):
    doc = nlp("A lineman was arrested on Sunday.\nOmar Reyes was arrested on Monday.")
    headline, lede = _headline_and_lede([(doc, 0)])
    assert headline == []
    assert [tok.text for _, tok in lede][:3] == ["A", "lineman", "was"]


def test_the_headline_lines_end_at_the_first_line_with_a_stop(nlp):
    doc = nlp("http://example.org/lineman-arrested\nVeteran lineman arrested\nMay 4, 2021\n"
              "Omar Reyes was arrested on Sunday.")
    headline, lede = _headline_and_lede([(doc, 0)])
    assert "lineman" in [tok.text for _, tok in headline]
    assert [tok.text for _, tok in lede][:2] == ["Omar", "Reyes"]


def test_a_headline_noun_the_body_gives_one_named_person_is_that_person(entity_of):
    text = ("Lancers Defensive End Faces DUI Charges\n\n"
            "Omar Reyes, the defensive end for the Lancers, was arrested on suspicion of drunk driving on Sunday.")
    assert entity_of(text, "Lancers Defensive End") == "Omar Reyes"


def test_the_object_of_a_verb_of_appointing_may_be_the_office(entity_of):
    text = ("Mayor nominates new harbour master\n\n"
            "Mayor Ida Brandt nominated Omar Reyes, 52, as the town's new harbour master on Monday.")
    assert entity_of(text, "new harbour master") != "Omar Reyes"


def test_a_man_linked_by_salience_alone_is_not_the_headline_man(entity_of):
    text = ("Man charged after Tellport crash\n\n"
            "A woman was killed while visiting a former neighbor on Friday, and the man behind the wheel of the "
            "car that hit her was charged with manslaughter.")
    neighbor = entity_of(text, "former neighbor")
    assert neighbor is not None
    assert entity_of(text, "Man") != neighbor


@pytest.mark.parametrize("word", ["prison", "harbour"])
def test_a_noun_modifying_a_title_is_not_the_person_titled(entity_of, word):
    # "prison spokesman Al Ruiz" gives Al Ruiz no role "prison": the headline's prison is a place
    place = {"prison": "Ex-convict Tom Vale dies in prison", "harbour": "Storm wrecks boats in harbour"}[word]
    body = {"prison": "Tom Vale died on Monday at a prison in Dunmere, said prison spokesman Al Ruiz.",
            "harbour": "The storm wrecked six boats on Monday in Dunmere, said harbour master Al Ruiz."}[word]
    assert entity_of(f"{place}\n\n{body}", word) != "Al Ruiz"
