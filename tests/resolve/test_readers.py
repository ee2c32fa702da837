"""The streamed readers of resolve give the records the plain readers gave (one select per query, every row held,
the queries as they were before the bag-multiplying joins were taken apart)."""

from __future__ import annotations

from collections import defaultdict

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from kg.model import Quantity
from kg.resolve import claims as C
from kg.resolve import entities as E
from kg.store import Store
from tests.resolve.resolve_kit import BASE, Doc, load

_OLD_LABELS = """
SELECT DISTINCT ?e ?label ?pref ?g WHERE { GRAPH ?g { ?e a cg:Entity .
  { ?e skos:prefLabel ?label BIND(true AS ?pref) } UNION { ?e skos:altLabel ?label BIND(false AS ?pref) } } }
"""
_OLD_TYPES = "SELECT DISTINCT ?e ?t WHERE { { SELECT DISTINCT ?e WHERE { ?e a cg:Entity } } ?e a ?t }"
_OLD_CLAIMS = ("SELECT DISTINCT ?c ?s ?p ?o WHERE { GRAPH ?g { ?c a cg:Claim ; rdf:subject ?s ; rdf:predicate ?p ; "
               "rdf:object ?o } }")
_OLD_MENTIONS = """
SELECT DISTINCT ?m ?c ?doc ?pub ?who WHERE { GRAPH ?g {
  ?m a cg:ClaimMention ; oa:hasBody ?c ; oa:hasTarget/oa:hasSource ?doc .
  OPTIONAL { ?doc dct:publisher ?pub } OPTIONAL { ?m prov:wasAttributedTo ?who } } }
"""
_OLD_RELATION_LABELS = "SELECT DISTINCT ?p ?v WHERE { ?p a cg:Relation ; rdfs:label ?v } ORDER BY ?p STR(?v)"
_OLD_OBJECT_LABELS = "SELECT DISTINCT ?o ?v WHERE { ?c a cg:Claim ; rdf:object ?o . ?o skos:prefLabel ?v }"
_OLD_DESCRIPTIONS = """
SELECT DISTINCT ?e ?d ?text WHERE { ?m a cg:EntityMention ; oa:hasBody ?e ; cg:mentionKind "nominal" ; oa:hasTarget ?t .
  ?e a ?described . VALUES ?described { schema:Person schema:Place } ?t oa:hasSource ?d ; oa:hasSelector ?s . ?s a oa:TextQuoteSelector ; oa:exact ?text }
"""

_OLD_MENTION_COUNTS = """SELECT ?e (COUNT(DISTINCT ?m) AS ?n) WHERE {
  { SELECT ?m WHERE { ?m a cg:EntityMention } } { SELECT ?m ?e WHERE { ?m oa:hasBody ?e } } } GROUP BY ?e"""

# (a negated claim, "did not shoot", is no deed)
_OLD_DEEDS = """SELECT DISTINCT ?s ?p ?o WHERE { ?c a cg:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o
  FILTER NOT EXISTS { ?m oa:hasBody ?c ; cg:polarity cg:Negative } }"""


def _plain_claims(store):
    negative = {row["c"].value for row in store.select(C._NEGATIVE)}
    values = {}
    for name, pattern in C._CLAIM_PROPERTIES.items():
        found = {}
        for row in store.select(f"SELECT DISTINCT ?c ?v WHERE {{ {pattern} }}"):
            c, v = row["c"].value, row["v"].value
            if c not in found or v < found[c]:
                found[c] = v
        values[name] = found
    relation_labels = {}
    for row in store.select(_OLD_RELATION_LABELS):
        relation_labels.setdefault(row["p"].value, row["v"].value)
    object_labels = {}
    for row in store.select(_OLD_OBJECT_LABELS):
        o, v = row["o"].value, row["v"].value
        if o not in object_labels or v < object_labels[o]:
            object_labels[o] = v
    claims = {}
    for row in sorted(store.select(_OLD_CLAIMS), key=lambda r: (r["s"].value, r["p"].value, r["o"].value,
                                                               isinstance(r["o"], NamedNode))):
        iri = row["c"].value
        if iri in claims:  # the smallest statement of a claim stated two ways
            continue
        get = {name: values[name].get(iri) for name in values}
        is_iri = isinstance(row["o"], NamedNode)
        claims[iri] = C.ClaimRecord(
            iri, row["s"].value, row["p"].value, row["o"].value, is_iri, relation_labels.get(row["p"].value, ""),
            get["text"] or "", float(get["q"]) if get["q"] is not None else None, get["unit"],
            get["approx"] in {"true", "1"}, get["lower"] in {"true", "1"}, get["upper"] in {"true", "1"},
            get["time"], get["loc"], "negative" if iri in negative else "positive",
            object_labels.get(row["o"].value, "") if is_iri else "")
    mentions = {C.MentionRecord(r["m"].value, r["c"].value, r["doc"].value, r["pub"].value if "pub" in r else None,
                                r["who"].value if "who" in r else None) for r in store.select(_OLD_MENTIONS)}
    return [claims[k] for k in sorted(claims)], sorted(mentions, key=lambda m: (m.iri, m.claim, m.document,
                                                                               m.publisher or "", m.speaker or ""))


def _plain_entities(store, graph=None):
    prefs, alts, types, docs, descriptions, deeds = (defaultdict(set) for _ in range(6))
    for row in store.select(_OLD_DEEDS):
        if isinstance(row["o"], NamedNode) and row["s"] != row["o"]:
            deeds[row["s"].value].add((row["p"].value, row["o"].value))
    for row in store.select(_OLD_LABELS):
        if row["g"].value != graph:
            (prefs if row["pref"].value == "true" else alts)[row["e"].value].add(row["label"].value)
    for row in store.select(_OLD_TYPES):
        types[row["e"].value].add(row["t"].value.rsplit("/", 1)[-1].rsplit("#", 1)[-1])
    for row in store.select(E._DOCS):
        if row["g"].value != graph:
            docs[row["e"].value].add(row["g"].value)
    counts = {row["e"].value: int(row["n"].value) for row in store.select(_OLD_MENTION_COUNTS)}
    publishers = {row["e"].value for row in store.select(E._PUBLISHERS)}
    for row in store.select(_OLD_DESCRIPTIONS):
        descriptions[row["e"].value].add((row["d"].value, row["text"].value))
    records = []
    for iri in sorted(docs):
        p = sorted(prefs.get(iri, ()))
        a = sorted(alts.get(iri, set()) - set(p))
        records.append(E.EntityRecord(iri, tuple(p + a), frozenset(types.get(iri, set()) - {"Entity"}),
                                      frozenset(docs[iri]), counts.get(iri, 0), len(p), iri in publishers,
                                      frozenset(descriptions.get(iri, ())), frozenset(deeds.get(iri, ()))))
    return records


def test_streamed_readers_give_the_plain_readers_records_on_the_seeds(seeds_store):
    assert C.read_claims(seeds_store) == _plain_claims(seeds_store)
    assert E.read_entities(seeds_store) == _plain_entities(seeds_store)


@pytest.mark.parametrize("graphs, entities", [(64, 4096), (1, 1), (2, 3)])
def test_streamed_readers_agree_when_documents_repeat_nodes_and_disagree_on_types(store, monkeypatch, graphs,
                                                                                  entities):
    # the readers read a few graphs at a time (and ask types or labels for a few entities at a time): one graph per
    # read must give the records of one read of the whole store
    monkeypatch.setattr(E, "GRAPHS_PER_READ", graphs)  # (claims read through the same batches: graph_batches)
    monkeypatch.setattr(E, "IRIS_PER_READ", entities)
    docs = []
    for n, publisher in enumerate(["Guardian", "Herald", "Times"]):
        doc = Doc(publisher, f"d{n}")
        doc.entity("North Korea", "Place")
        # one name typed a person in two documents, a place in the third: still described as a person
        doc.entity("Jordan Lee", "Person" if n < 2 else "Place")
        doc.describe("Jordan Lee", f"the {['climber', 'veteran climber', 'guide'][n]}")
        doc.entity("soldiers", "Thing", key="soldier")
        doc.claim("North Korea", "send", "soldier", quantity=Quantity(15000 + n, f"{15000 + n}", "soldier"))
        doc.claim("Jordan Lee", "deny", literal="the report", polarity="negative" if n else "positive")
        docs.append(doc)
    load(store, *docs)
    claims, mentions = C.read_claims(store)
    assert (claims, mentions) == _plain_claims(store)
    assert len(mentions) == 6 and {c.polarity for c in claims} == {"positive", "negative"}
    records = E.read_entities(store)
    assert records == _plain_entities(store)
    person = next(r for r in records if r.prefs == ("Jordan Lee",))
    assert {text for _, text in person.descriptions} == {"the climber", "the veteran climber", "the guide"}



def _claim_quads(graph: str, obj: str, subject: str = "dam") -> list[Quad]:
    from kg.rdf.namespaces import CG, RDF

    g, c = NamedNode(graph), NamedNode(f"{BASE}claim/c1")
    return [Quad(c, NamedNode(str(RDF.type)), NamedNode(str(CG.Claim)), g),
            Quad(c, NamedNode(str(RDF.subject)), NamedNode(f"{BASE}entity/{subject}"), g),
            Quad(c, NamedNode(str(RDF.predicate)), NamedNode(f"{BASE}relation/be"), g),
            Quad(c, NamedNode(str(RDF.object)), Literal(obj), g)]


#: (object, subject) of the claim in each of two documents: short literals, long ones (which the store keeps
#: by a hash, so its order is not theirs) and two subject IRIs
_TWO_WAYS = [(("uninsured", "dam"), ("Uninsured", "dam")),
             (("the fire at the old dairy building", "dam"), ("the fire at the dairy", "dam")),
             (("x" * 30, "dam"), ("y" * 30, "dam")),
             (("v", "dam-x"), ("v", "dam-y")),
             (("v", "a" * 40), ("v", "z" * 40))]


@pytest.mark.parametrize("first, second", _TWO_WAYS + [(b, a) for a, b in _TWO_WAYS])
@pytest.mark.parametrize("graphs", [("a", "b"), ("b", "a")])
def test_a_claim_stated_two_ways_keeps_the_smallest_statement_whatever_the_order_of_the_rows(first, second, graphs):
    # the rows of a claim come in the store's order (of graph and term ids): the record must not depend on it
    store = Store()
    store.add_quads(_claim_quads(f"{BASE}doc/{graphs[0]}", *first) + _claim_quads(f"{BASE}doc/{graphs[1]}", *second))
    claims, _ = C.read_claims(store)
    smallest = min((f"{BASE}entity/{subject}", obj) for obj, subject in (first, second))
    assert [(c.subject, c.object, c.object_is_iri) for c in claims] == [(*smallest, False)]


def test_a_mention_with_two_speakers_gives_its_records_in_the_order_of_the_speakers():
    # one record per speaker; they come out of a set, whose order changes from one process to the next
    from kg.rdf.namespaces import CG, OA, PROV, RDF

    store, quads = Store(), []
    g = NamedNode(f"{BASE}doc/d1")
    for i in range(8):
        m, t = NamedNode(f"{BASE}doc/d1/claim/{i}"), NamedNode(f"{BASE}doc/d1/claim/{i}/target")
        quads += [Quad(m, NamedNode(str(RDF.type)), NamedNode(str(CG.ClaimMention)), g),
                  Quad(m, NamedNode(str(OA.hasBody)), NamedNode(f"{BASE}claim/c{i}"), g),
                  Quad(m, NamedNode(str(OA.hasTarget)), t, g), Quad(t, NamedNode(str(OA.hasSource)), g, g)]
        quads += [Quad(m, NamedNode(str(PROV.wasAttributedTo)), NamedNode(f"{BASE}entity/{who}{i}"), g)
                  for who in ("zora", "abel")]
    store.add_quads(quads)
    _, mentions = C.read_claims(store)
    assert [(m.iri.rsplit("/", 1)[-1], m.speaker.rsplit("/", 1)[-1]) for m in mentions] == [
        (str(i), f"{who}{i}") for i in range(8) for who in ("abel", "zora")]


def test_reads_by_value_give_the_rows_of_their_queries(seeds_store):
    # types, documents and mention counts are read as a row per value with its entities' IRIs joined: the same pairs
    entities = " ".join(f"<{r.iri}>" for r in E.read_entities(seeds_store))
    for rows, value in ((E._TYPES % entities, "t"), (E._DOCS, "g"), (E._MENTIONS, "n")):
        plain = {(e.value, v.value) for e, v in seeds_store.rows(rows)}
        grouped = {(e, v.value) for v, iris in E.grouped_rows(seeds_store, E.by_value(rows, value, "e")) for e in iris}
        assert grouped == plain and len({v for _, v in plain}) < len(plain)


def test_a_read_by_value_leaves_out_what_is_not_an_iri():
    # (joined IRIs are split at spaces: a literal could hold one, and a blank node has no IRI)
    store = Store()
    store.update('INSERT DATA { <http://ex/a> <http://ex/p> "x" . <http://ex/b> <http://ex/p> "x" . _:n <http://ex/p> "x" . '
                 '<http://ex/c> <http://ex/q> "two words" , _:m }')
    query = E.by_value("SELECT ?e ?v WHERE { ?e <http://ex/p> ?v }", "v", "e")
    assert {v.value: sorted(iris) for v, iris in E.grouped_rows(store, query)} == {"x": ["http://ex/a", "http://ex/b"]}
    query = E.by_value("SELECT ?e ?v WHERE { ?v <http://ex/q> ?e }", "v", "e")
    assert list(E.grouped_rows(store, query)) == []
