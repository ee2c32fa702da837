"""DESIGN.md's "What the seeds show", for the cross-document part, on one build of seeds/.

Checks that need within-document work the extractor does not do yet (metonymy) are
marked xfail with the reason.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.rdf import terms
from kg.resolve.names import normalise
from tests.resolve.resolve_kit import clusters

G = terms.resolution_graph_iri(terms.DEFAULT_BASE_IRI)


@pytest.fixture(scope="module")
def components(seeds_store) -> dict[str, str]:
    return clusters(seeds_store, terms.DEFAULT_BASE_IRI)


def _mentions(store, text: str) -> list[tuple[str, str]]:
    """(document, entity) of every entity mention whose quoted text is ``text`` (an article or a possessive aside)."""
    rows = store.select("""SELECT DISTINCT ?doc ?e ?x WHERE { ?m a cg:EntityMention ; oa:hasBody ?e ;
        oa:hasTarget ?t . ?t oa:hasSource ?doc ; oa:hasSelector/oa:exact ?x }""")
    return [(r["doc"].value, r["e"].value) for r in rows if normalise(r["x"].value) == normalise(text)]


def _clusters_of(store, components, *texts: str) -> tuple[set[str], set[str]]:
    found = [m for t in texts for m in _mentions(store, t)]
    return {d for d, _ in found}, {components.get(e, e) for _, e in found}


@pytest.mark.parametrize("names", [("Kim Jong-un",), ("Hong Min",), ("Olga Lyubimova",),
                                   ("Korea Institute for National Unification",)])
def test_one_entity_mentioned_in_both_documents(seeds_store, components, names):
    docs, clusters = _clusters_of(seeds_store, components, *names)
    assert len(docs) == 2 and len(clusters) == 1


def test_surname_alone_is_hong_min(seeds_store, components):
    docs, clusters = _clusters_of(seeds_store, components, "Hong Min", "Hong")
    assert len(clusters) == 1


def test_kcna_in_both_documents(seeds_store, components):
    docs, clusters = _clusters_of(seeds_store, components, "KCNA")
    assert len(docs) == 2 and len(clusters) == 1


def test_three_kims_stay_three_people(seeds_store, components):
    found = [c for t in ("Kim Jong-un", "Kim Yo Jong", "Kim Ju-ae") for c in _clusters_of(seeds_store, components, t)[1]]
    assert len(found) == 3 and len(set(found)) == 3


def test_north_korea_the_north_and_the_dprk_are_one(seeds_store, components):
    docs, clusters = _clusters_of(seeds_store, components, "North Korea", "North", "DPRK")
    assert len(docs) == 2 and len(clusters) == 1


def test_pyongyang_as_government_is_north_korea(seeds_store, components):
    north = _clusters_of(seeds_store, components, "North Korea")[1]
    agent = [e for d, e in _mentions(seeds_store, "Pyongyang") if components.get(e, e) in north]
    assert agent


def test_demonym_links_to_the_country(seeds_store):
    rows = seeds_store.select(f"""SELECT ?c WHERE {{ GRAPH <{G}> {{ ?d cg:demonymOf ?c }}
                                  ?d skos:prefLabel "North Korean" }}""")
    labels = {r["l"].value for c in rows for r in seeds_store.select(
        f"SELECT ?l WHERE {{ <{c['c'].value}> skos:prefLabel ?l }}")}
    assert labels & {"North Korea", "DPRK"}


def _support_of_quantity(store, value: int) -> int:
    rows = store.select(f"""SELECT (MAX(?n) AS ?m) WHERE {{ ?c cg:quantity ?q FILTER(?q = {value})
                            GRAPH <{G}> {{ ?c cg:supportCount ?n }} }}""")
    return int(rows[0]["m"].value) if rows and "m" in rows[0] else 0


def test_soldiers_sent_is_supported_by_two_publishers(seeds_store):
    assert _support_of_quantity(seeds_store, 15000) == 2


def test_six_hundred_dead_is_supported_by_two_publishers(seeds_store):
    assert _support_of_quantity(seeds_store, 600) == 2


def test_casualty_figures_conflict(seeds_store):
    """One outlet: over 4,700 casualties including 600 fatalities; the other: 600 dead and another 4,700 wounded."""
    rows = seeds_store.select(f"""SELECT ?a ?b ?r ?ta ?tb WHERE {{ GRAPH <{G}> {{ ?a cg:conflictsWith ?b ;
                                  cg:conflictReason ?r }} ?a schema:text ?ta . ?b schema:text ?tb }}""")
    assert rows
    pairs = {frozenset((r["ta"].value, r["tb"].value)) for r in rows}
    assert any(any("casualt" in t for t in p) and any("wounded" in t for t in p) for p in pairs), pairs
    assert any("do not add up" in r["r"].value for r in rows)
    # the two outlets stand behind the two sides
    docs = {r["a"].value: {d["doc"].value for d in seeds_store.select(
        f"SELECT DISTINCT ?doc WHERE {{ ?m oa:hasBody <{r['a'].value}> ; oa:hasTarget/oa:hasSource ?doc }}")}
        for r in rows}
    assert all(len(v) == 1 for v in docs.values()) and len(set().union(*docs.values())) == 2


def test_about_15000_and_15000_corroborate_never_conflict(seeds_store):
    sent = seeds_store.select(f"""SELECT DISTINCT ?c WHERE {{ ?c cg:quantity ?q ; rdf:predicate/rdfs:label "send"
                                  FILTER(?q = 15000) }}""")
    claims = {r["c"].value for r in sent}
    assert len(claims) == 2  # "15,000" (the Guardian) and "about 15,000" (the other outlet)
    a, b = sorted(claims)
    assert bool(seeds_store.query(f"ASK {{ GRAPH <{G}> {{ <{a}> cg:corroborates <{b}> }} }}"))
    assert not bool(seeds_store.query(f"ASK {{ GRAPH <{G}> {{ <{a}> cg:conflictsWith ?x }} }}"))
    assert not bool(seeds_store.query(f"ASK {{ GRAPH <{G}> {{ <{b}> cg:conflictsWith ?x }} }}"))


def test_the_guardian_reports_is_the_guardians_story(seeds_store):
    rows = seeds_store.select(f"""SELECT DISTINCT ?m ?l ?speaker WHERE {{ GRAPH <{G}> {{ ?m prov:hadPrimarySource ?o }}
                                  ?o skos:prefLabel ?l . ?m prov:wasAttributedTo ?speaker }}""")
    assert rows and "Guardian" in {r["l"].value for r in rows}
    # an outlet relayed by another ("according to the Korea Herald") is the original source of what it reported
    origins = seeds_store.select(f"SELECT DISTINCT ?m ?o WHERE {{ GRAPH <{G}> {{ ?m prov:hadPrimarySource ?o }} }}")
    attributed = {(r["m"].value, r["speaker"].value) for r in rows}
    assert all((r["m"].value, r["o"].value) in attributed for r in origins)


def _attributed(store, label: str) -> list[tuple[str, str]]:
    """(document, quoted sentence) of every claim mention attributed to the entity labelled ``label``."""
    rows = store.select(f"""SELECT DISTINCT ?doc ?x WHERE {{ ?m a cg:ClaimMention ; prov:wasAttributedTo ?who ;
        oa:hasTarget ?t . ?t oa:hasSource ?doc ; oa:hasSelector/oa:exact ?x . ?who skos:prefLabel {label!r} }}""")
    return [(r["doc"].value, r["x"].value) for r in rows]


def test_hong_mins_statements_are_his_in_both_documents(seeds_store):
    said = _attributed(seeds_store, "Hong Min")
    assert len({d for d, _ in said}) == 2
    sentences = " ".join(x for _, x in said)
    for words in ("likely wished to portray", "footage appears to have been released",
                  "present the dead as heroes", "became possible only after"):
        assert words in sentences, words


def test_kcna_speaks_for_itself_in_both_documents(seeds_store):
    said = _attributed(seeds_store, "KCNA")
    assert len({d for d, _ in said}) == 2 and all("friendship" in x for _, x in said)


@pytest.mark.parametrize(("words", "relation"), [("reportedly sent 15,000", "send"),
                                               ("allegedly displayed", "display"),
                                               ("likely wished to portray", "wish to portray"),
                                               ("allegedly sent Russia", "send"),
                                               ("allegedly found", "find on")])
def test_hedges_lower_certainty(seeds_store, words, relation):
    rows = seeds_store.select(f"""SELECT ?x ?cert WHERE {{ ?m a cg:ClaimMention ; cg:certainty ?cert ;
        oa:hasBody/rdf:predicate/rdfs:label {relation!r} ; oa:hasTarget/oa:hasSelector/oa:exact ?x }}""")
    found = {r["cert"].value.rsplit("#", 1)[-1] for r in rows if words in r["x"].value}
    assert found == {"Probable"}


def test_no_junk_claims(seeds_store, components):
    """No empty objects (a one-place claim says ``true``), no claim whose object is its own subject, no "X be of
    Y" noun-phrase readings."""
    rows = seeds_store.select("""SELECT ?c ?s ?o ?l ?t WHERE { ?c a cg:Claim ; rdf:subject ?s ; rdf:object ?o ;
        rdf:predicate/rdfs:label ?l ; schema:text ?t }""")
    assert rows
    for r in rows:
        s, o, label = r["s"].value, r["o"].value, r["l"].value
        assert o.strip(), r["t"].value
        if isinstance(r["o"], ox.Literal) and r["o"].datatype.value.endswith("#boolean"):
            assert o == "true" and len(r["t"].value.split()) >= 2
        assert components.get(s, s) != components.get(o, o), r["t"].value
        assert label not in {"be of", "be to", "be for", "be by"}, r["t"].value
        assert not label.startswith("to "), r["t"].value
