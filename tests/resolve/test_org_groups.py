"""Organisations and the groups around a leader, called several ways across the articles of one story
(invented names)."""

from __future__ import annotations

from kg.resolve import resolve
from tests.resolve.resolve_kit import BASE, articles, load, merged

#: What every article of the invented story names, so they tell one story.
SHARED = (("Nora Quellmark", "Person"), ("Ostland", "Place"), ("Tellport Herald", "Organization"))
#: :data:`SHARED` but the organisation, for tests whose articles must each name one organisation only (an article
#: naming the Tellport Herald names two).
SHARED_BUT_ORGANISATION = SHARED[:2]


def test_a_leaders_team_and_administration_are_one_group(store):
    # "the Quellmark team" while she prepares, "the Quellmark administration" once in office
    docs = articles(("team", "Thing", "the Quellmark team", "team #a"),
                    ("administration", "Thing", "the Quellmark administration", "administration #b"),
                    ("Quellmark Administration", "Organization", "Quellmark Administration", "administration #c"),
                    shared=SHARED)
    load(store, *docs)
    resolve(store, BASE)
    assert merged(store, "team #a", "administration #b") and merged(store, "team #a", "administration #c")


def test_a_place_or_a_club_before_a_group_noun_is_no_leader(store):
    # guard: "the Ostland team" (its players) is not "the Ostland government"; "the Tellport Herald team" is the
    # paper's staff, not "the Tellport Herald management"
    docs = articles(("government", "Thing", "the Ostland government", "government #a"),
                    ("team", "Thing", "the Ostland team", "team #b"),
                    ("team", "Thing", "the Tellport Herald team", "team #c"),
                    ("administration", "Thing", "the Tellport Herald administration", "administration #d"),
                    shared=SHARED)
    load(store, *docs)
    resolve(store, BASE)
    assert not merged(store, "government #a", "team #b")
    assert not merged(store, "team #c", "administration #d")


def test_a_town_police_and_its_pd_acronym_are_one_force(store):
    docs = articles(("Port Tellis Police", "Organization", "Port Tellis Police", "police #a"),
                    ("PTPD", "Organization", "PTPD", "police #b"), shared=SHARED)
    load(store, *docs)
    resolve(store, BASE)
    assert merged(store, "police #a", "police #b")


def test_a_countrys_naval_forces_are_its_navy(store):
    docs = articles(("Ostish Navy", "Organization", "Ostish Navy", "navy #a"),
                    ("Ostish naval force", "Thing", "Ostish naval forces", "forces #b"),
                    ("Tellish naval force", "Thing", "Tellish naval forces", "forces #c"), shared=SHARED)
    load(store, *docs)
    resolve(store, BASE)
    assert merged(store, "navy #a", "forces #b")
    assert not merged(store, "navy #a", "forces #c")  # another country's


def test_an_organisation_noun_joins_the_one_organisation_its_article_names(store):
    # "Varnhold Pictures ... the studio": the article names one studio, and the story names it twice
    docs = articles(("Varnhold Pictures", "Organization", "Varnhold Pictures", "varnhold #a"),
                    ("Varnhold Pictures", "Organization", "Varnhold Pictures", "varnhold #b"),
                    shared=SHARED_BUT_ORGANISATION)
    docs[0].entity("studio", "Thing", "the studio", key="studio #a")
    load(store, *docs)
    resolve(store, BASE)
    assert merged(store, "studio #a", "varnhold #a")


def test_an_organisation_noun_stays_apart_when_its_article_names_two_or_says_other(store):
    # guard: two companies in one article leave "the company" open; "the other studio" is not the one named;
    # an organisation named in one article only takes nothing
    docs = articles(("Varnhold Pictures", "Organization", "Varnhold Pictures", "varnhold #a"),
                    ("Varnhold Pictures", "Organization", "Varnhold Pictures", "varnhold #b"),
                    ("Brisk Mills", "Organization", "Brisk Mills", "brisk #c"), shared=SHARED_BUT_ORGANISATION)
    docs[0].entity("Ostel Freight", "Organization", key="ostel #a")
    docs[1].entity("Ostel Freight", "Organization", key="ostel #b")
    docs[0].entity("company", "Thing", "the company", key="company #a")
    docs[1].entity("other studio", "Thing", "the other studio", key="studio #b")
    docs[2].entity("company", "Thing", "the company", key="company #c")
    load(store, *docs)
    resolve(store, BASE)
    assert not merged(store, "company #a", "varnhold #a") and not merged(store, "company #a", "ostel #a")
    assert not merged(store, "studio #b", "varnhold #b")
    assert not merged(store, "company #c", "brisk #c")


def test_a_facility_noun_joins_the_one_facility_its_article_names(store):
    # "Varrow Treatment Center ... rehab": the article names one facility, the story names it twice; "the
    # Bellport facility" is not a facility whose names never say Bellport
    docs = articles(("Varrow Treatment Center", "Organization", "Varrow Treatment Center", "varrow #a"),
                    ("Varrow Treatment Center", "Organization", "Varrow Treatment Center", "varrow #b"),
                    shared=SHARED_BUT_ORGANISATION)
    docs[0].entity("rehab", "Thing", "rehab", key="rehab #a")
    docs[1].entity("Bellport facility", "Thing", "the Bellport facility", key="facility #b")
    load(store, *docs)
    resolve(store, BASE)
    assert merged(store, "rehab #a", "varrow #a")
    assert not merged(store, "facility #b", "varrow #b")


def test_a_facility_written_with_another_kind_word_is_one_facility(store):
    # "Varrow Clinic", "Varrow Treatment Center", "Varrow Center": one facility; "Varrow Hall" names no facility
    docs = articles(("Varrow Clinic", "Organization", "Varrow Clinic", "clinic #a"),
                    ("Varrow Treatment Center", "Organization", "Varrow Treatment Center", "center #b"),
                    ("Varrow Center", "Organization", "Varrow Center", "center #c"),
                    ("Varrow Hall", "Organization", "Varrow Hall", "hall #d"), shared=SHARED_BUT_ORGANISATION)
    load(store, *docs)
    resolve(store, BASE)
    assert merged(store, "clinic #a", "center #b") and merged(store, "clinic #a", "center #c")
    assert not merged(store, "clinic #a", "hall #d")


def test_premises_one_place_names_are_one_premises(store):
    # "the Dunmere accounting firm", "the Dunmere office", "a Dunmere office building": where the story happened;
    # "a Dunmere hospital" (a place of care) and "another office" are other premises
    docs = articles(("Dunmere", "Place", "Dunmere", "dunmere #a"), ("Tarrow", "Place", "Tarrow", "tarrow #b"),
                    ("Dunmere", "Place", "Dunmere", "dunmere #c"), shared=SHARED_BUT_ORGANISATION)
    docs[0].entity("Dunmere accounting firm", "Thing", "the Dunmere accounting firm", key="firm #a")
    docs[1].entity("Dunmere office", "Thing", "the Dunmere office", key="office #b")
    docs[2].entity("Dunmere office building", "Thing", "a Dunmere office building", key="building #c")
    docs[2].entity("Dunmere hospital", "Thing", "a Dunmere hospital", key="hospital #c")
    docs[1].entity("another office", "Thing", "another office", key="office #t")
    load(store, *docs)
    resolve(store, BASE)
    assert merged(store, "firm #a", "office #b") and merged(store, "firm #a", "building #c")
    assert not merged(store, "firm #a", "hospital #c") and not merged(store, "firm #a", "office #t")
