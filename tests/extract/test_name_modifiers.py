"""A name before a kind noun that only modifies it ("a Dunmore bank", "another Dunmore bank") is no mention of the
named entity: the phrase is a thing of its own and the name keeps its own mention
(kg.extract.entities.EntityIndex.entity_of, ``_name_as_modifier``)."""

from __future__ import annotations

from kg.model import Extraction


def _at(ex: Extraction, phrase: str) -> list[tuple[str, str]]:
    """(entity label, entity type) of every mention spelled ``phrase``."""
    entities = {e.key: e for e in ex.entities}
    return [(entities[m.entity].label, entities[m.entity].type) for m in ex.mentions if m.text == phrase]


def test_an_indefinite_phrase_is_a_bank_in_the_town_not_the_named_organisation(extract):
    ex = extract("Officers of the Dunmore Police Department said a robber hit a Dunmore bank on Monday.")
    banks = _at(ex, "Dunmore bank")
    assert banks and all(label == "Dunmore bank" and etype == "Thing" for label, etype in banks)
    assert _at(ex, "Dunmore Police Department")  # the name keeps its own mention and entity
    assert not any("bank" in label for label, _ in _at(ex, "Dunmore Police Department"))


def test_another_and_some_are_indefinite_too(extract):
    ex = extract("Officers of the Dunmore Police Department said a robber hit another Dunmore bank on Monday.")
    banks = _at(ex, "Dunmore bank")
    assert banks and all(label == "Dunmore bank" for label, _ in banks)


def test_a_definite_phrase_with_a_kind_noun_still_names_the_thing(extract):
    # "the Kestrel news agency" is the agency called Kestrel: the rule leaves the definite singular alone
    ex = extract("The Kestrel news agency reported the fire on Monday. Kestrel said two people died.")
    agency = _at(ex, "Kestrel news agency")
    assert agency and all(label == "Kestrel" for label, _ in agency)
