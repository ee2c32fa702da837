"""Crowds and bodies of people that reports of one story call by near-synonyms (invented names)."""

from __future__ import annotations

from kg.resolve import resolve
from tests.resolve.resolve_kit import BASE, Doc, load, merged

#: What every article of the invented story names, so they tell one story.
SHARED = (("Marlow Square", "Place"), ("Vestria", "Place"))


def _articles(*groups: tuple[str, str, str]) -> list[Doc]:
    """One article per (preferred label, written label, key) of a group noun, each naming :data:`SHARED`."""
    docs = []
    for n, (pref, written, key) in enumerate(groups):
        doc = Doc(f"Paper{n}", chr(ord("a") + n))
        for label, type_ in SHARED:
            doc.entity(label, type_)
        doc.entity(pref, "Thing", written, key=key)
        docs.append(doc)
    return docs


def test_protesters_of_one_report_are_the_demonstrators_of_another(store):
    # "the protesters" gathered in Marlow Square, "demonstrators" of the next report, "protestors" misspelt
    docs = _articles(("protester", "the protesters", "protesters #a"),
                     ("demonstrator", "angry demonstrators", "demonstrators #b"),
                     ("protestor", "the protestors", "protestors #c"))
    load(store, *docs)
    resolve(store, BASE)
    assert merged(store, "protesters #a", "demonstrators #b")
    assert merged(store, "protesters #a", "protestors #c")


def test_authorities_of_one_report_are_the_officials_of_another_but_not_one_official(store):
    # "authorities said" in one report is "officials said" in the next; "an official" is one person of the body
    docs = _articles(("authority", "authorities", "authorities #a"), ("official", "officials", "officials #b"),
                     ("official", "an official", "official #c"))
    load(store, *docs)
    resolve(store, BASE)
    assert merged(store, "authorities #a", "officials #b")
    assert not merged(store, "official #c", "authorities #a")
