"""Organisations and the groups around a leader, called several ways across the articles of one story
(invented names)."""

from __future__ import annotations

from kg.resolve import resolve
from tests.resolve.resolve_kit import BASE, Doc, load, merged

#: What every article of the invented story names, so they tell one story.
SHARED = (("Nora Quellmark", "Person"), ("Ostland", "Place"), ("Tellport Herald", "Organization"))


def _articles(*extra: tuple[str, str, str, str]) -> list[Doc]:
    """One article per (preferred label, type, written label, key), each naming :data:`SHARED`."""
    docs = []
    for n, (pref, type_, written, key) in enumerate(extra):
        doc = Doc(f"Paper{n}", chr(ord("a") + n))
        for label, shared_type in SHARED:
            doc.entity(label, shared_type)
        doc.entity(pref, type_, written, key=key)
        docs.append(doc)
    return docs


def test_a_leaders_team_and_administration_are_one_group(store):
    # "the Quellmark team" while she prepares, "the Quellmark administration" once in office
    docs = _articles(("team", "Thing", "the Quellmark team", "team #a"),
                     ("administration", "Thing", "the Quellmark administration", "administration #b"),
                     ("Quellmark Administration", "Organization", "Quellmark Administration", "administration #c"))
    load(store, *docs)
    resolve(store, BASE)
    assert merged(store, "team #a", "administration #b") and merged(store, "team #a", "administration #c")


def test_a_place_or_a_club_before_a_group_noun_is_no_leader(store):
    # guard: "the Ostland team" (its players) is not "the Ostland government"; "the Tellport Herald team" is the
    # paper's staff, not "the Tellport Herald management"
    docs = _articles(("government", "Thing", "the Ostland government", "government #a"),
                     ("team", "Thing", "the Ostland team", "team #b"),
                     ("team", "Thing", "the Tellport Herald team", "team #c"),
                     ("administration", "Thing", "the Tellport Herald administration", "administration #d"))
    load(store, *docs)
    resolve(store, BASE)
    assert not merged(store, "government #a", "team #b")
    assert not merged(store, "team #c", "administration #d")


def test_a_town_police_and_its_pd_acronym_are_one_force(store):
    docs = _articles(("Port Tellis Police", "Organization", "Port Tellis Police", "police #a"),
                     ("PTPD", "Organization", "PTPD", "police #b"))
    load(store, *docs)
    resolve(store, BASE)
    assert merged(store, "police #a", "police #b")


def test_a_countrys_naval_forces_are_its_navy(store):
    docs = _articles(("Ostish Navy", "Organization", "Ostish Navy", "navy #a"),
                     ("Ostish naval force", "Thing", "Ostish naval forces", "forces #b"),
                     ("Tellish naval force", "Thing", "Tellish naval forces", "forces #c"))
    load(store, *docs)
    resolve(store, BASE)
    assert merged(store, "navy #a", "forces #b")
    assert not merged(store, "navy #a", "forces #c")  # another country's
