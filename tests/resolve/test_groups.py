"""Groups of people across the articles of one story (invented names)."""

from __future__ import annotations

from kg.resolve import resolve
from tests.resolve.resolve_kit import BASE, Doc, load, merged

#: What every article of the invented story names, so they tell one story.
SHARED = (("Ostland Navy", "Organization"), ("Gulf of Tarsen", "Place"))


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


def test_two_groups_of_a_story_counted_differently_are_two_groups(store):
    # two crews of raiders in one story, each counted alike by its own reports
    docs = _articles(("raider", "14 raiders", "raiders #a"), ("raider", "the 14 raiders", "raiders #b"),
                     ("Ostish raider", "17 Ostish raiders", "raiders #c"), ("raider", "17 raiders", "raiders #d"))
    load(store, *docs)
    resolve(store, BASE)
    assert merged(store, "raiders #a", "raiders #b") and merged(store, "raiders #c", "raiders #d")
    assert not merged(store, "raiders #a", "raiders #c")


def test_a_rough_count_and_a_count_of_things_tell_no_group_apart(store):
    # guard: "about 20 raiders" may be the 14; "three seasons" and "five seasons" are spans, not groups
    docs = _articles(("raider", "14 raiders", "raiders #a"), ("raider", "about 20 raiders", "raiders #b"),
                     ("season", "three seasons", "seasons #c"), ("season", "five seasons", "seasons #d"))
    load(store, *docs)
    resolve(store, BASE)
    assert merged(store, "raiders #a", "raiders #b")
    assert merged(store, "seasons #c", "seasons #d")
