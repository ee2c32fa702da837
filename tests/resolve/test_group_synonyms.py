"""Crowds and bodies of people that reports of one story call by near-synonyms (invented names)."""

from __future__ import annotations

from kg.resolve import resolve
from tests.resolve.resolve_kit import BASE, articles, load, merged

#: What every article of the invented story names, so they tell one story.
SHARED = (("Marlow Square", "Place"), ("Vestria", "Place"))


def test_protesters_of_one_report_are_the_demonstrators_of_another(store):
    # "the protesters" gathered in Marlow Square, "demonstrators" of the next report, "protestors" misspelt
    docs = articles(("protester", "Thing", "the protesters", "protesters #a"),
                    ("demonstrator", "Thing", "angry demonstrators", "demonstrators #b"),
                    ("protestor", "Thing", "the protestors", "protestors #c"), shared=SHARED)
    load(store, *docs)
    resolve(store, BASE)
    assert merged(store, "protesters #a", "demonstrators #b")
    assert merged(store, "protesters #a", "protestors #c")


def test_authorities_of_one_report_are_the_officials_of_another_but_not_one_official(store):
    # "authorities said" in one report is "officials said" in the next; "an official" is one person of the body
    docs = articles(("authority", "Thing", "authorities", "authorities #a"),
                    ("official", "Thing", "officials", "officials #b"),
                    ("official", "Thing", "an official", "official #c"), shared=SHARED)
    load(store, *docs)
    resolve(store, BASE)
    assert merged(store, "authorities #a", "officials #b")
    assert not merged(store, "official #c", "authorities #a")


def test_hackers_of_one_report_are_the_attackers_of_another(store):
    # "hackers" broke into Vestria's servers in one report, "the attackers" of the next did; "users" are others
    docs = articles(("hacker", "Thing", "the hackers", "hackers #a"),
                    ("attacker", "Thing", "the attackers", "attackers #b"),
                    ("user", "Thing", "the users", "users #c"), shared=SHARED)
    load(store, *docs)
    resolve(store, BASE)
    assert merged(store, "hackers #a", "attackers #b")
    assert not merged(store, "users #c", "hackers #a")
