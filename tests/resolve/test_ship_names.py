"""Ships named with their prefix and with the words the prefix stands for (invented names)."""

from __future__ import annotations

from kg.resolve import resolve
from tests.resolve.resolve_kit import BASE, Doc, load, merged


def _articles(*names: str) -> list[Doc]:
    """One article per ship name, each also naming the story's strait, so the articles tell one story."""
    docs = []
    for n, name in enumerate(names):
        doc = Doc(f"Paper{n}", chr(ord("a") + n))
        doc.entity("Marbury Strait", "Place")
        doc.entity(name, "Product")
        docs.append(doc)
    return docs


def test_a_ship_s_spelled_out_prefix_is_the_ship_s_prefix(store):
    a, b = _articles("Tellish Naval Ship Dorvan", "TNS Dorvan")
    load(store, a, b)
    resolve(store, BASE)
    assert merged(store, "Tellish Naval Ship Dorvan", "TNS Dorvan")


def test_two_ships_of_one_navy_stay_apart(store):
    # guard: the prefix is no name of its own; the words after it name the ship
    a, b = _articles("Tellish Naval Ship Dorvan", "TNS Marlow")
    load(store, a, b)
    resolve(store, BASE)
    assert not merged(store, "Tellish Naval Ship Dorvan", "TNS Marlow")
