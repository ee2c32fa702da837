"""Cross-document claims: corroboration, support by original source, conflicts of numbers and dates."""

from __future__ import annotations

import pytest

from kg.model import Quantity
from kg.queries import named_query
from kg.rdf import terms
from kg.resolve import resolve
from kg.resolve.claims import number_interval, numbers_conflict

from tests.resolve.resolve_kit import BASE, Doc, load

G = terms.resolution_graph_iri(BASE)


def _pairs(store, prop: str) -> set[tuple[str, str]]:
    return {(r["a"].value, r["b"].value)
            for r in store.select(f"SELECT ?a ?b WHERE {{ GRAPH <{G}> {{ ?a {prop} ?b }} }}")}


def _claim_of(store, pattern: str) -> str:
    rows = store.select(f"SELECT DISTINCT ?c WHERE {{ ?c a cg:Claim ; schema:text ?t FILTER(CONTAINS(?t, {pattern!r})) }}")
    assert len(rows) == 1, (pattern, rows)
    return rows[0]["c"].value


def _support(store) -> dict[str, int]:
    return {r["c"].value: int(r["n"].value)
            for r in store.select(f"SELECT ?c ?n WHERE {{ GRAPH <{G}> {{ ?c cg:supportCount ?n }} }}")}


def _sent(doc: Doc, subject: str, q: Quantity, *, time: str | None = None, obj: str = "soldiers") -> None:
    doc.entity(subject, "Place")
    doc.entity(obj, "Thing", key="soldier")
    doc.claim(subject, "send", "soldier", quantity=q, time=time)


def test_same_claim_in_other_words_corroborates_and_counts_two_publishers(store):
    a, b = Doc("Clarion", "a"), Doc("Herald", "b")
    _sent(a, "DR Congo", Quantity(15000, "15,000", "soldier"))
    _sent(b, "DRC", Quantity(15000, "about 15,000", "soldier", approximate=True))
    load(store, a, b)
    report = resolve(store, BASE)
    ca, cb = _claim_of(store, "DR Congo send"), _claim_of(store, "DRC send")
    assert {(ca, cb), (cb, ca)} <= _pairs(store, "cg:corroborates")
    assert _pairs(store, "cg:conflictsWith") == set()
    assert _support(store)[ca] == _support(store)[cb] == 2
    assert report.multi_source_claims == 2 and report.conflicts == 0


@pytest.mark.parametrize(
    "other, conflict",
    [
        (Quantity(4750, "4,750"), False),
        (Quantity(5000, "about 5,000", approximate=True), False),
        (Quantity(4500, "4,500"), True),  # below the bound
        (Quantity(5300, "5,300"), True),  # far above "over 4,700"
        (Quantity(4700, "4,700"), False),  # a round 4,700 may be 4,720
        (Quantity(4690, "4,690"), True),  # "over" excludes what lies below the bound
    ],
)
def test_bounds_are_respected(store, other, conflict):
    a, b = Doc("Clarion", "a"), Doc("Herald", "b")
    _sent(a, "DR Congo", Quantity(4700, "over 4,700", lower_bound=True))
    _sent(b, "DR Congo", other)
    load(store, a, b)
    resolve(store, BASE)
    assert bool(_pairs(store, "cg:conflictsWith")) is conflict


def test_conflict_links_both_ways_with_a_reason(store):
    a, b = Doc("Clarion", "a"), Doc("Herald", "b")
    _sent(a, "DR Congo", Quantity(15000, "15,000"))
    _sent(b, "DR Congo", Quantity(5000, "5,000"))
    load(store, a, b)
    resolve(store, BASE)
    pairs = _pairs(store, "cg:conflictsWith")
    assert len(pairs) == 2 and {(y, x) for x, y in pairs} == pairs
    reasons = {r["r"].value for r in store.select(f"SELECT ?r WHERE {{ GRAPH <{G}> {{ ?c cg:conflictReason ?r }} }}")}
    assert reasons == {"incompatible numbers: 15,000 vs 5,000"} or reasons == {"incompatible numbers: 5,000 vs 15,000"}


def test_numbers_of_one_publisher_never_conflict_with_each_other(store):
    a, b = Doc("Clarion", "a"), Doc("Clarion", "b")
    _sent(a, "DR Congo", Quantity(15000, "15,000"))
    _sent(b, "DR Congo", Quantity(3000, "3,000"))
    load(store, a, b)
    resolve(store, BASE)
    assert _pairs(store, "cg:conflictsWith") == set()


def _casualties(doc: Doc, figures: list[tuple[str, Quantity]]) -> None:
    doc.entity("DR Congo", "Place")
    for word, q in figures:
        doc.entity(word, "Thing", key=word)
        doc.claim("DR Congo", "suffer", word, quantity=q)


@pytest.mark.parametrize("wounded, conflict", [(4700, True), (4150, False)])
def test_casualty_figures_that_do_not_add_up(store, wounded, conflict):
    a, b = Doc("Clarion", "a"), Doc("Herald", "b")
    _casualties(a, [("casualties", Quantity(4700, "over 4,700", "casualty", lower_bound=True)),
                    ("fatalities", Quantity(600, "600", "fatality"))])
    _casualties(b, [("dead", Quantity(600, "600", "dead")),
                    ("wounded", Quantity(wounded, f"another {wounded:,}", "wounded"))])
    load(store, a, b)
    resolve(store, BASE)
    pairs = _pairs(store, "cg:conflictsWith")
    assert bool(pairs) is conflict
    if conflict:
        reasons = [r["r"].value for r in store.select(f"SELECT ?r WHERE {{ GRAPH <{G}> {{ ?c cg:conflictReason ?r }} }}")]
        assert any("do not add up" in r for r in reasons)
        ids = {_claim_of(store, "casualties"), _claim_of(store, "wounded")}
        assert {x for pair in pairs for x in pair} == ids


@pytest.mark.parametrize("times, conflict", [(("2024-06", "2025-04"), True), (("2025", "2025-04"), False)])
def test_dates(store, times, conflict):
    a, b = Doc("Clarion", "a"), Doc("Herald", "b")
    for doc, t in zip((a, b), times):
        doc.entity("Seol Tae-an")
        doc.entity("Tallinn", "Place")
        doc.claim("Seol Tae-an", "visit", "Tallinn", time=t)
    load(store, a, b)
    resolve(store, BASE)
    assert bool(_pairs(store, "cg:conflictsWith")) is conflict
    assert bool(_pairs(store, "cg:corroborates")) is not conflict


def test_denial_conflicts(store):
    a, b = Doc("Clarion", "a"), Doc("Herald", "b")
    for doc, polarity in ((a, "positive"), (b, "negative")):
        doc.entity("DRC", "Organization")
        doc.entity("troops", "Thing", key="troop")
        doc.claim("DRC", "send", "troop", polarity=polarity)
    load(store, a, b)
    resolve(store, BASE)
    assert len(_pairs(store, "cg:conflictsWith")) == 2


def test_support_counts_publishers_not_mentions_and_follows_same_as(store):
    a1, a2, b = Doc("The Clarion", "a1"), Doc("The Clarion", "a2"), Doc("Clarion", "b")
    for doc in (a1, a2, b):
        doc.entity("Seol Tae-an")
        doc.entity("coffins", "Thing", key="coffin")
        doc.claim("Seol Tae-an", "honor", "coffin")
        doc.claim("Seol Tae-an", "honor", "coffin")  # said twice in one article
    load(store, a1, a2, b)
    resolve(store, BASE)
    assert set(_support(store).values()) == {1}


def test_wire_copy_counts_once_and_records_its_primary_source(store):
    a, b = Doc("The Clarion", "a"), Doc("Herald", "b")
    for doc in (a, b):
        doc.entity("Seol Tae-an")
        doc.entity("coffins", "Thing", key="coffin")
    b.entity("The Clarion", "Organization", key="Clarion")
    a.claim("Seol Tae-an", "honor", "coffin")
    b.claim("Seol Tae-an", "honor", "coffin", speaker="Clarion")  # "..., The Clarion reports"
    load(store, a, b)
    resolve(store, BASE)
    claim = _claim_of(store, "Seol Tae-an honor")
    assert _support(store)[claim] == 1
    rows = store.select(f"SELECT ?m ?o WHERE {{ GRAPH <{G}> {{ ?m prov:hadPrimarySource ?o }} }}")
    assert len(rows) == 1 and rows[0]["o"].value.endswith("/clarion") or rows[0]["o"].value.endswith("the-clarion")


def test_named_queries_show_conflicts_and_support_once(store):
    a, b = Doc("Clarion", "a"), Doc("Herald", "b")
    _sent(a, "DR Congo", Quantity(15000, "15,000"))
    _sent(b, "DR Congo", Quantity(5000, "5,000"))
    a.entity("Seol Tae-an")
    b.entity("Seol Tae-an")
    a.claim("Seol Tae-an", "visit", "soldier")
    b.claim("Seol Tae-an", "visit", "soldier")
    load(store, a, b)
    resolve(store, BASE)
    conflicts = store.select(named_query("conflicts"))
    assert len(conflicts) == 1 and "incompatible numbers" in conflicts[0]["reason"].value
    support = store.select(named_query("support"))
    assert len(support) == len({r["claim"].value for r in support}) == 3
    top = support[0]
    assert int(top["n"].value) == 2 and top["publishers"].value in {"Clarion, Herald", "Herald, Clarion"}


@pytest.mark.parametrize(
    "a, b, conflict",
    [
        (number_interval(15000), number_interval(15000, approximate=True), False),
        (number_interval(15000), number_interval(14800), False),
        (number_interval(600), number_interval(4700), True),
        (number_interval(50, upper=True), number_interval(45), False),
        (number_interval(500, upper=True), number_interval(520), True),
        (number_interval(12), number_interval(13), True),
    ],
)
def test_number_intervals(a, b, conflict):
    assert numbers_conflict(a, b) is conflict


@pytest.mark.parametrize("dead, relation", [(600, "corroborates"), (900, "conflictsWith")])
def test_one_casualty_measure_in_other_words(store, dead, relation):
    """"600 fatalities" and "600 dead" count one measure: equal numbers corroborate, others conflict."""
    a, b = Doc("Clarion", "a"), Doc("Herald", "b")
    _casualties(a, [("fatalities", Quantity(600, "600", "fatality"))])
    _casualties(b, [("dead", Quantity(dead, f"{dead}", "soldier"))])
    load(store, a, b)
    resolve(store, BASE)
    ca, cb = _claim_of(store, "fatalities"), _claim_of(store, "dead")
    assert (ca, cb) in _pairs(store, f"cg:{relation}")
    if relation == "corroborates":
        assert _support(store)[ca] == _support(store)[cb] == 2


def test_casualty_measure_is_read_from_the_label_of_a_document_scoped_noun(store):
    """A common noun's key carries its document's scope ("fatality #1a2b3c4d", an IRI ending in the hash):
    the measure is still "fatalities" / "dead", read from the label."""
    a, b = Doc("Clarion", "a"), Doc("Herald", "b")
    for doc, word, key in ((a, "fatalities", "fatality #1a2b3c4d"), (b, "dead", "dead #5e6f7a8b")):
        doc.entity("DR Congo", "Place")
        doc.entity(word, "Thing", key=key)
        doc.claim("DR Congo", "suffer", key, quantity=Quantity(600, "600", None))
    load(store, a, b)
    resolve(store, BASE)
    ca, cb = _claim_of(store, "fatalities"), _claim_of(store, "dead")
    assert (ca, cb) in _pairs(store, "cg:corroborates")
    assert _support(store)[ca] == _support(store)[cb] == 2


def test_what_a_party_inflicts_is_not_its_loss(store):
    """"DR Congo killed 3,000 soldiers" is no figure of DR Congo's own dead: its 4,150 wounded fit the
    other outlet's "over 4,700 casualties, including 600 fatalities"."""
    a, b = Doc("Clarion", "a"), Doc("Herald", "b")
    _casualties(a, [("casualties", Quantity(4700, "over 4,700", "casualty", lower_bound=True)),
                    ("fatalities", Quantity(600, "600", "fatality"))])
    _casualties(b, [("wounded", Quantity(4150, "4,150", "wounded"))])
    b.entity("soldiers", "Thing", key="soldier")
    b.claim("DR Congo", "kill", "soldier", quantity=Quantity(3000, "3,000", "soldier"))
    load(store, a, b)
    resolve(store, BASE)
    assert _pairs(store, "cg:conflictsWith") == set()
