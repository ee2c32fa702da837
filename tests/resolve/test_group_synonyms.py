"""Crowds and bodies of people that reports of one story call by near-synonyms (invented names).

Each case is one invented story: one article per mention (head, type, text, label), the pairs of labels
resolve must join and the pairs it must keep apart.
"""

from __future__ import annotations

import pytest

from kg.resolve import resolve
from tests.resolve.resolve_kit import BASE, articles, load, merged

#: What every article of the invented story names, so they tell one story.
SHARED = (("Marlow Square", "Place"), ("Vestria", "Place"))

CASES = {
    # "the protesters" gathered in Marlow Square, "demonstrators" of the next report, "protestors" misspelt
    "protesters of one report are the demonstrators of another": (
        [("protester", "Thing", "the protesters", "protesters #a"),
         ("demonstrator", "Thing", "angry demonstrators", "demonstrators #b"),
         ("protestor", "Thing", "the protestors", "protestors #c")],
        [("protesters #a", "demonstrators #b"), ("protesters #a", "protestors #c")],
        []),
    # "authorities said" in one report is "officials said" in the next; "an official" is one person of the body
    "authorities of one report are the officials of another, but not one official": (
        [("authority", "Thing", "authorities", "authorities #a"),
         ("official", "Thing", "officials", "officials #b"),
         ("official", "Thing", "an official", "official #c")],
        [("authorities #a", "officials #b")],
        [("official #c", "authorities #a")]),
    # "hackers" broke into Vestria's servers in one report, "the attackers" of the next did; "users" are others
    "hackers of one report are the attackers of another": (
        [("hacker", "Thing", "the hackers", "hackers #a"),
         ("attacker", "Thing", "the attackers", "attackers #b"),
         ("user", "Thing", "the users", "users #c")],
        [("hackers #a", "attackers #b")],
        [("users #c", "hackers #a")]),
    # the suspended worker of one report is "the worker" of the next; the co-worker she shot is someone else,
    # while "her co-workers" and "the workers" of two reports are one crowd
    "one co-worker is not the worker of the story, but co-workers are its workers": (
        [("suspended worker", "Thing", "a suspended worker", "suspended worker #a"),
         ("worker", "Thing", "the worker", "worker #b"),
         ("co-worker", "Thing", "a co-worker", "co-worker #c"),
         ("co-worker", "Thing", "her co-workers", "co-workers #d"),
         ("worker", "Thing", "the workers", "workers #e")],
        [("suspended worker #a", "worker #b"), ("co-workers #d", "workers #e")],
        [("co-worker #c", "worker #b")]),
    # the flaw put Vestria's "users" at risk in one report, its "customers" and "subscribers" in the next ones;
    # the attackers are others
    "users of one report are the customers of another": (
        [("user", "Thing", "the users", "users #a"),
         ("customer", "Thing", "its customers", "customers #b"),
         ("attacker", "Thing", "the attackers", "attackers #c"),
         ("subscriber", "Thing", "millions of subscribers", "subscribers #d")],
        [("users #a", "customers #b"), ("subscribers #d", "customers #b")],
        [("attackers #c", "users #a")]),
    # the doers of one break-in are "criminals" in one report, "crooks" and "miscreants" in others, "the
    # attackers" in a fourth; the customers they robbed are others
    "criminals, crooks and miscreants are the doers of the story": (
        [("criminal", "Thing", "the criminals", "criminals #a"),
         ("crook", "Thing", "the crooks", "crooks #b"),
         ("miscreant", "Thing", "miscreants", "miscreants #c"),
         ("attacker", "Thing", "the attackers", "attackers #d"),
         ("customer", "Thing", "the customers", "customers #e")],
        [("criminals #a", "attackers #d"), ("crooks #b", "attackers #d"), ("miscreants #c", "attackers #d")],
        [("customers #e", "attackers #d")]),
}


@pytest.mark.parametrize("mentions, joined, apart", CASES.values(), ids=list(CASES))
def test_groups_called_by_near_synonyms(store, mentions, joined, apart):
    load(store, *articles(*mentions, shared=SHARED))
    resolve(store, BASE)
    assert [pair for pair in joined if not merged(store, *pair)] == []
    assert [pair for pair in apart if merged(store, *pair)] == []
