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


def test_one_co_worker_is_not_the_worker_of_the_story_but_co_workers_are_its_workers(store):
    # the suspended worker of one report is "the worker" of the next; the co-worker she shot is someone else,
    # while "her co-workers" and "the workers" of two reports are one crowd
    docs = articles(("suspended worker", "Thing", "a suspended worker", "suspended worker #a"),
                    ("worker", "Thing", "the worker", "worker #b"),
                    ("co-worker", "Thing", "a co-worker", "co-worker #c"),
                    ("co-worker", "Thing", "her co-workers", "co-workers #d"),
                    ("worker", "Thing", "the workers", "workers #e"), shared=SHARED)
    load(store, *docs)
    resolve(store, BASE)
    assert merged(store, "suspended worker #a", "worker #b")
    assert not merged(store, "co-worker #c", "worker #b")
    assert merged(store, "co-workers #d", "workers #e")


def test_users_of_one_report_are_the_customers_of_another(store):
    # the flaw put Vestria's "users" at risk in one report, its "customers" and "subscribers" in the next ones;
    # the attackers are others
    docs = articles(("user", "Thing", "the users", "users #a"),
                    ("customer", "Thing", "its customers", "customers #b"),
                    ("attacker", "Thing", "the attackers", "attackers #c"),
                    ("subscriber", "Thing", "millions of subscribers", "subscribers #d"), shared=SHARED)
    load(store, *docs)
    resolve(store, BASE)
    assert merged(store, "users #a", "customers #b")
    assert merged(store, "subscribers #d", "customers #b")
    assert not merged(store, "attackers #c", "users #a")


def test_criminals_crooks_and_miscreants_are_the_doers_of_the_story(store):
    # the doers of one break-in are "criminals" in one report, "crooks" and "miscreants" in others, "the
    # attackers" in a fourth; the customers they robbed are others
    docs = articles(("criminal", "Thing", "the criminals", "criminals #a"),
                    ("crook", "Thing", "the crooks", "crooks #b"),
                    ("miscreant", "Thing", "miscreants", "miscreants #c"),
                    ("attacker", "Thing", "the attackers", "attackers #d"),
                    ("customer", "Thing", "the customers", "customers #e"), shared=SHARED)
    load(store, *docs)
    resolve(store, BASE)
    assert merged(store, "criminals #a", "attackers #d")
    assert merged(store, "crooks #b", "attackers #d")
    assert merged(store, "miscreants #c", "attackers #d")
    assert not merged(store, "customers #e", "attackers #d")
