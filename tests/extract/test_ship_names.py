"""Ships' names: one type whatever the tagger reads the name word as, and the ship its descriptions are."""

from __future__ import annotations

import pytest

from kg.extract import extract_document
from kg.extract.entities import index_entities, vessel_name
from kg.model import Document


def _types(nlp, text: str) -> dict[str, str]:
    index = index_entities([(nlp(text), 0)])
    return {e.label: e.type for e in index.entities.values()}


@pytest.mark.parametrize("text, name", [
    ("A statement says the raid happened when HMS Dorvan was escorting a group of tankers.", "HMS Dorvan"),
    ("Three boats were captured by HMS Dorvan, the statement said.", "HMS Dorvan"),
    ("The USS Keldan later escorted the MV Tarrow to safety.", "USS Keldan"),
    ("The USS Keldan later escorted the MV Tarrow to safety.", "MV Tarrow"),
    ("Last month, the HMS Dorvan, a missile-frigate, had sunk a trawler.", "HMS Dorvan"),
])
def test_a_name_after_a_ship_prefix_is_a_ship(nlp, text, name):
    assert _types(nlp, text).get(name) == "Product"


def test_a_ship_s_name_and_its_short_form_are_one_entity(nlp):
    index = index_entities([(nlp("HMS Dorvan closed in and ordered them to stop. Pirates fled when they saw "
                                 "the helicopter and the Dorvan."), 0)])
    assert [e.label for e in index.entities.values() if "Dorvan" in e.label or "Dorvan" in e.aliases] == ["HMS Dorvan"]


def test_a_ship_name_needs_a_ship_prefix_or_ship_word():
    assert vessel_name("Tellish Naval Ship Dorvan") and vessel_name("HMS Dorvan")
    assert not vessel_name("Dorvan Shipping Company") and not vessel_name("Marbury Ship Management Ltd")


@pytest.mark.parametrize("text", [
    ("A Tellish warship foiled a pirate attack on merchant vessels in the Marbury Strait on Friday. Patrol vessel "
     "HMS Dorvan was escorting five merchant vessels through the strait when the warship's crew saw the boats."),
    ("A Tellish warship on Thursday stopped three boats with pirates. HMS Dorvan detected five boats approaching "
     "the merchant vessels that the warship was escorting."),
])
def test_a_ship_description_the_named_ship_is_called_by_again_is_that_ship(pipeline, text):
    mentions = extract_document(Document(text=text, source="t.txt", publisher="Test Daily"), pipeline).mentions
    assert {m.entity for m in mentions if m.text in {"Tellish warship", "warship"}} == {"HMS Dorvan"}


def test_a_ship_description_with_no_named_ship_stays_a_description(pipeline):
    # guard: no ship is named, so "the warship" stays the warship of the first sentence
    text = ("A Tellish warship on Thursday stopped three boats with pirates. The pirates fled as the warship "
            "came closer.")
    mentions = extract_document(Document(text=text, source="t.txt", publisher="Test Daily"), pipeline).mentions
    keys = {m.entity for m in mentions if m.text in {"Tellish warship", "warship"}}
    assert len(keys) == 1 and "HMS" not in next(iter(keys))
