"""Groups of people across the articles of one story (invented names)."""

from __future__ import annotations

from kg.resolve import resolve
from tests.resolve.resolve_kit import BASE, articles, load, merged

#: What every article of the invented story names, so they tell one story.
SHARED = (("Ostland Navy", "Organization"), ("Gulf of Tarsen", "Place"))


def test_two_groups_of_a_story_counted_differently_are_two_groups(store):
    # two crews of raiders in one story, each counted alike by its own reports
    docs = articles(("raider", "Thing", "14 raiders", "raiders #a"),
                    ("raider", "Thing", "the 14 raiders", "raiders #b"),
                    ("Ostish raider", "Thing", "17 Ostish raiders", "raiders #c"),
                    ("raider", "Thing", "17 raiders", "raiders #d"), shared=SHARED)
    load(store, *docs)
    resolve(store, BASE)
    assert merged(store, "raiders #a", "raiders #b") and merged(store, "raiders #c", "raiders #d")
    assert not merged(store, "raiders #a", "raiders #c")


def test_a_rough_count_and_a_count_of_things_tell_no_group_apart(store):
    # guard: "about 20 raiders" may be the 14; "three seasons" and "five seasons" are spans, not groups
    docs = articles(("raider", "Thing", "14 raiders", "raiders #a"),
                    ("raider", "Thing", "about 20 raiders", "raiders #b"),
                    ("season", "Thing", "three seasons", "seasons #c"),
                    ("season", "Thing", "five seasons", "seasons #d"), shared=SHARED)
    load(store, *docs)
    resolve(store, BASE)
    assert merged(store, "raiders #a", "raiders #b")
    assert merged(store, "seasons #c", "seasons #d")
