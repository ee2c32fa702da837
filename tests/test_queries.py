"""The named queries and the project's internal queries return the rows of their plain reference forms.

The default graph of every query is the union of all graphs, and Oxigraph's union is a bag: a triple stated
in k document graphs (an entity's label, a claim's text or rdf:subject) matches k times, and a join multiplies
the copies. The shipped queries make shared patterns distinct in subqueries; these tests keep the plain forms
(as first written, and DESIGN.md's text) as references and check that both give the same set of rows, on a
hand-made store where every shared triple is repeated across graphs, and on the seeds build.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg import build as build_module
from kg.export.page import data as page_data
from kg.queries import BOUND_FORMS, NAMED_QUERIES, named_query
from kg.resolve import claims as claims_module
from kg.resolve import entities as entities_module
from kg.store import Store

#: the named queries as first written: plain joins over the union graph
REFERENCE = {
    "support": """
SELECT ?claim ?text ?n (GROUP_CONCAT(DISTINCT ?publisher; separator=", ") AS ?publishers) WHERE {
  ?claim cg:supportCount ?n .
  OPTIONAL { ?claim schema:text ?text }
  OPTIONAL {
    { ?m oa:hasBody ?claim } UNION { ?claim cg:corroborates ?other . ?m oa:hasBody ?other }
    ?m oa:hasTarget/oa:hasSource/dct:publisher/skos:prefLabel ?publisher
  }
}
GROUP BY ?claim ?text ?n""",
    "conflicts": """
SELECT DISTINCT ?a ?aText ?b ?bText ?reason WHERE {
  ?a cg:conflictsWith ?b .
  FILTER (STR(?a) < STR(?b))
  OPTIONAL { ?a schema:text ?aText } OPTIONAL { ?b schema:text ?bText }
  OPTIONAL { ?a cg:conflictReason ?reason }
}""",
    "said": """
SELECT DISTINCT ?name ?claim ?text ?cue WHERE {
  ?m prov:wasAttributedTo ?who ; oa:hasBody ?claim .
  ?who skos:prefLabel ?name .
  OPTIONAL { ?claim schema:text ?text } OPTIONAL { ?m cg:cue ?cue }
}""",
    "evidence": """
SELECT DISTINCT ?s ?p ?o ?doc ?start ?end ?exact WHERE {
  ?c rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  ?m oa:hasBody ?c ; oa:hasTarget ?t . ?t oa:hasSource ?doc ; oa:hasSelector ?q , ?r .
  ?q oa:exact ?exact . ?r oa:start ?start ; oa:end ?end
}""",
}

#: DESIGN.md's text of two questions whose named query answers a superset of columns
DESIGN_SAID = """SELECT ?claim ?text WHERE { ?m prov:wasAttributedTo ?who ; oa:hasBody ?claim .
  ?who skos:prefLabel "Hong Min" . OPTIONAL { ?claim schema:text ?text } }"""
DESIGN_EVIDENCE = """SELECT ?doc ?start ?end ?exact WHERE { ?c rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  ?m oa:hasBody ?c ; oa:hasTarget ?t . ?t oa:hasSource ?doc ; oa:hasSelector ?q , ?r .
  ?q oa:exact ?exact . ?r oa:start ?start ; oa:end ?end }"""

#: the internal queries as first written, and where their shipped form lives
INTERNAL = [
    ("claims", "SELECT DISTINCT ?c ?s ?p ?o WHERE { ?c a cg:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }",
     lambda: claims_module._CLAIMS),
    ("relation labels", "SELECT DISTINCT ?p ?v WHERE { ?p a cg:Relation . ?p rdfs:label ?v }",
     lambda: claims_module._RELATION_LABELS),
    # labels per document graph: resolve reads the documents' own labels, not its previous output
    # (each document graph's labels apart: a calendar day's labels are read per document, _weekdays_named)
    ("entity labels", """SELECT DISTINCT ?e ?label ?pref ?g WHERE { GRAPH ?g { ?e a cg:Entity .
  { ?e skos:prefLabel ?label BIND(true AS ?pref) } UNION { ?e skos:altLabel ?label BIND(false AS ?pref) } } }""",
     lambda: entities_module._labels_query(None)),
    # every entity has the type cg:Entity: the records leave it out, so the read does not return it; it is asked
    # for the entities of each batch of graphs (``%s``: their IRIs; here, every entity of the store: _shipped)
    ("entity types", "SELECT DISTINCT ?e ?t WHERE { ?e a cg:Entity ; a ?t FILTER(?t != cg:Entity) }",
     lambda: entities_module._TYPES),
    ("entity mention counts",
     "SELECT ?e (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a cg:EntityMention ; oa:hasBody ?e } GROUP BY ?e",
     lambda: entities_module._MENTIONS),
    ("claim mentions", """SELECT DISTINCT ?m ?c ?doc ?pub ?who WHERE {
  ?m a cg:ClaimMention ; oa:hasBody ?c ; oa:hasTarget/oa:hasSource ?doc .
  OPTIONAL { ?doc dct:publisher ?pub } OPTIONAL { ?m prov:wasAttributedTo ?who } }""", lambda: claims_module._MENTIONS),
    ("page entity mentions", """SELECT ?e ?doc (COUNT(DISTINCT ?m) AS ?n) WHERE {
  ?m a cg:EntityMention ; oa:hasBody ?e ; oa:hasTarget ?t . ?t oa:hasSource ?doc } GROUP BY ?e ?doc""",
     lambda: page_data._Q_ENTITY_MENTIONS),
    ("page claim mentions", """
SELECT DISTINCT ?m ?c ?doc ?start ?end ?exact ?speaker ?cue ?certainty ?polarity ?confidence ?reltext WHERE {
  ?m a cg:ClaimMention ; oa:hasBody ?c ; oa:hasTarget ?t . ?t oa:hasSource ?doc .
  OPTIONAL { ?t oa:hasSelector ?qs . ?qs oa:exact ?exact }
  OPTIONAL { ?t oa:hasSelector ?ps . ?ps oa:start ?start ; oa:end ?end }
  OPTIONAL { ?m prov:wasAttributedTo ?speaker } OPTIONAL { ?m cg:cue ?cue } OPTIONAL { ?m cg:certainty ?certainty }
  OPTIONAL { ?m cg:polarity ?polarity } OPTIONAL { ?m cg:confidence ?confidence }
  OPTIONAL { ?m cg:relationText ?reltext } }""", lambda: page_data._Q_MENTIONS),
    ("page sources", "SELECT DISTINCT ?d WHERE { ?t a oa:SpecificResource ; oa:hasSource ?d }",
     lambda: page_data._Q_SOURCES),
    ("page conflicts", "SELECT DISTINCT ?a ?b ?reason WHERE { ?a cg:conflictsWith ?b OPTIONAL { ?a cg:conflictReason ?reason } }",
     lambda: page_data._Q_CONFLICTS),
    ("named entity count",
     "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a cg:Entity FILTER NOT EXISTS { ?e a schema:Thing } }",
     lambda: build_module._STATS["entities"]),
]

BASE = "http://ex.org/"


def _shipped(store, query: str) -> str:
    """A shipped query as the code asks it: one asked for given entities (``%s`` in VALUES) for every entity."""
    if "%s" not in query:
        return query
    entities = {str(row["e"]) for row in store.select("SELECT DISTINCT ?e WHERE { ?e a cg:Entity }")}
    return query % " ".join(sorted(entities))


def _rows(store, sparql: str, **kwargs) -> set[tuple]:
    """The rows of a SELECT as a set; a GROUP_CONCAT list of publishers compared as a set of names."""
    out = set()
    for row in store.select(sparql, **kwargs):
        items = {k: (tuple(sorted(v.value.split(", "))) if k == "publishers" else str(v)) for k, v in row.items()}
        out.add(tuple(sorted(items.items())))
    return out


def _project(rows: set[tuple], columns: tuple[str, ...]) -> set[tuple]:
    return {tuple((k, v) for k, v in row if k in columns) for row in rows}


def _repeated_store(spans: tuple[str, ...] = ()) -> Store:
    """Three documents of two outlets stating the same claims: every shared triple is in every graph.

    The claim mentions of the documents named in ``spans`` also carry their span (cg:start, cg:end, cg:exact),
    as a build writes them since; the others have only their target's selectors, as a store built before.
    """
    lines = []
    docs = [("d1", "guardian", "Guardian"), ("d2", "herald", "Herald"), ("d3", "guardian", "Guardian")]
    for doc, pub, pub_label in docs:
        d, g = f"<{BASE}doc/{doc}>", f"<{BASE}doc/{doc}>"
        shared = [
            f"<{BASE}entity/{pub}> a <https://w3id.org/claimgraph/ns#Entity> .",
            f'<{BASE}entity/{pub}> <http://www.w3.org/2004/02/skos/core#prefLabel> "{pub_label}" .',
            f"<{BASE}entity/hong> a <https://w3id.org/claimgraph/ns#Entity> , <https://schema.org/Person> .",
            f'<{BASE}entity/hong> <http://www.w3.org/2004/02/skos/core#prefLabel> "Hong Min" .',
            f'<{BASE}entity/hong> <http://www.w3.org/2004/02/skos/core#altLabel> "Hong" .',
            f"<{BASE}entity/troops> a <https://w3id.org/claimgraph/ns#Entity> , <https://schema.org/Thing> .",
            f'<{BASE}entity/troops> <http://www.w3.org/2004/02/skos/core#prefLabel> "troops" .',
            f'<{BASE}relation/send> <http://www.w3.org/2000/01/rdf-schema#label> "send" .',
        ]
        for c, number in (("c1", 15000), ("c2", 5000)):
            shared += [
                f"<{BASE}claim/{c}> a <https://w3id.org/claimgraph/ns#Claim> ;"
                f" <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> <{BASE}entity/hong> ;"
                f" <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> <{BASE}relation/send> ;"
                f" <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> <{BASE}entity/troops> ;"
                f' <https://schema.org/text> "Hong Min | send | {number} troops" .',
            ]
        own = [
            f"{d} a <https://schema.org/NewsArticle> ; <http://purl.org/dc/terms/publisher> <{BASE}entity/{pub}> .",
        ]
        for i, c in enumerate(("c1", "c2") if doc != "d3" else ("c1",)):
            m = f"<{BASE}doc/{doc}/claim/{i}>"
            own += [
                f"{m} a <https://w3id.org/claimgraph/ns#ClaimMention> ; <http://www.w3.org/ns/oa#hasBody> <{BASE}claim/{c}> ;"
                f" <http://www.w3.org/ns/oa#hasTarget> <{BASE}doc/{doc}/claim/{i}/t> ;"
                f" <http://www.w3.org/ns/prov#wasAttributedTo> <{BASE}entity/hong> ;"
                f' <https://w3id.org/claimgraph/ns#cue> "said" .',
                f"<{BASE}doc/{doc}/claim/{i}/t> <http://www.w3.org/ns/oa#hasSource> {d} ;"
                f" <http://www.w3.org/ns/oa#hasSelector> <{BASE}doc/{doc}/claim/{i}/t/pos> , <{BASE}doc/{doc}/claim/{i}/t/quote> .",
                f"<{BASE}doc/{doc}/claim/{i}/t/pos> <http://www.w3.org/ns/oa#start> {10 * i} ; <http://www.w3.org/ns/oa#end> {10 * i + 9} .",
                f'<{BASE}doc/{doc}/claim/{i}/t/quote> <http://www.w3.org/ns/oa#exact> "sentence {i}" .',
            ]
            if doc in spans:
                own.append(f"{m} <https://w3id.org/claimgraph/ns#start> {10 * i} ; <https://w3id.org/claimgraph/ns#end>"
                           f' {10 * i + 9} ; <https://w3id.org/claimgraph/ns#exact> "sentence {i}" .')
        lines.append(f"{g} {{\n" + "\n".join(shared + own) + "\n}")
    cg = "https://w3id.org/claimgraph/ns#"
    lines.append(f"""<{BASE}graph/resolution> {{
  <{BASE}claim/c1> <{cg}supportCount> 2 ; <{cg}conflictsWith> <{BASE}claim/c2> ; <{cg}conflictReason> "incompatible numbers" .
  <{BASE}claim/c2> <{cg}supportCount> 2 ; <{cg}conflictsWith> <{BASE}claim/c1> ; <{cg}conflictReason> "incompatible numbers" ;
    <{cg}corroborates> <{BASE}claim/c1> .
}}""")
    store = Store()
    store._store.load("\n".join(lines).encode(), format=ox.RdfFormat.TRIG)
    return store


@pytest.fixture(scope="module")
def repeated():
    return _repeated_store()


def test_hand_made_store_repeats_shared_triples(repeated):
    # the premise of the rewrites: the union yields one copy of a shared triple per graph stating it
    rows = repeated.select('SELECT ?e WHERE { ?e skos:prefLabel "Hong Min" }')
    assert len(rows) == 3
    plain = repeated.select(REFERENCE["evidence"].replace("SELECT DISTINCT", "SELECT"))
    assert len(plain) > len(_rows(repeated, REFERENCE["evidence"]))


@pytest.mark.parametrize("name", sorted(REFERENCE))
def test_named_query_equals_reference_on_repeated_triples(repeated, name):
    fast, reference = _rows(repeated, NAMED_QUERIES[name]), _rows(repeated, REFERENCE[name])
    assert fast == reference and fast


def test_said_bound_to_a_name_equals_reference(repeated):
    subs = {ox.Variable("name"): ox.Literal("Hong Min")}
    fast = _rows(repeated, NAMED_QUERIES["said"], substitutions=subs)
    assert fast == _rows(repeated, REFERENCE["said"], substitutions=subs)
    assert _project(fast, ("claim", "text")) == _rows(repeated, DESIGN_SAID)
    assert {dict(r)["text"] for r in fast} == {'"Hong Min | send | 15000 troops"', '"Hong Min | send | 5000 troops"'}


def test_support_lists_each_publisher_once(repeated):
    rows = {dict(r)["claim"]: dict(r)["publishers"] for r in _rows(repeated, NAMED_QUERIES["support"])}
    assert rows[f"<{BASE}claim/c1>"] == ("Guardian", "Herald")  # c2 corroborates c1: its publishers count too
    assert rows[f"<{BASE}claim/c2>"] == ("Guardian", "Herald")


def test_support_of_a_claim_without_publisher_equals_reference():
    # support groups the publishers per claim in a subquery: a claim whose documents name no publisher
    # keeps its row (no publisher list), and a claim with two texts keeps one row per text
    store = _repeated_store()
    cg, oa = "https://w3id.org/claimgraph/ns#", "http://www.w3.org/ns/oa#"
    store._store.load(f"""<{BASE}doc/d4> {{
  <{BASE}claim/c3> <https://schema.org/text> "Hong Min | send | 9 troops" , "Hong Min | send | nine troops" .
  <{BASE}doc/d4/claim/0> <{oa}hasBody> <{BASE}claim/c3> ; <{oa}hasTarget> <{BASE}doc/d4/claim/0/t> .
  <{BASE}doc/d4/claim/0/t> <{oa}hasSource> <{BASE}doc/d4> .
}}
<{BASE}graph/resolution> {{ <{BASE}claim/c3> <{cg}supportCount> 1 . }}""".encode(), format=ox.RdfFormat.TRIG)
    fast = _rows(store, NAMED_QUERIES["support"])
    assert fast == _rows(store, REFERENCE["support"])
    c3 = [dict(r) for r in fast if dict(r)["claim"] == f"<{BASE}claim/c3>"]
    assert len(c3) == 2 and all("publishers" not in r for r in c3)


#: which documents' claim mentions carry their span: none (a store built before), some, all
SPANS = {"no spans": (), "some spans": ("d2",), "all spans": ("d1", "d2", "d3")}


@pytest.mark.parametrize("spans", sorted(SPANS))
def test_evidence_equals_reference_with_and_without_spans(spans):
    # each claim mention is read once: from its own span if it has one, else through its target's selectors
    store = _repeated_store(SPANS[spans])
    fast = _rows(store, NAMED_QUERIES["evidence"])
    assert fast == _rows(store, REFERENCE["evidence"]) and len(fast) == 5
    for case in ("subject", "document", "quote"):
        subs = {ox.Variable(k): v for k, v in EVIDENCE_BINDINGS[case].items()}
        assert _rows(store, NAMED_QUERIES["evidence"], substitutions=subs) == _rows(
            store, REFERENCE["evidence"], substitutions=subs)


def test_evidence_reads_the_span_on_the_mention():
    # where a claim mention carries its span, evidence answers it without reading the target's selectors; the
    # mentions without one (here d1's) are answered from their selectors. (The build writes the same values
    # in both places, and the shapes report a mention where they differ: here they differ on purpose.)
    store = _repeated_store(("d2", "d3"))
    store.update(f"""PREFIX cg: <https://w3id.org/claimgraph/ns#>
DELETE {{ GRAPH ?g {{ ?m cg:start ?s ; cg:end ?e ; cg:exact ?x }} }}
INSERT {{ GRAPH ?g {{ ?m cg:start 100 ; cg:end 109 ; cg:exact "on the mention" }} }}
WHERE {{ GRAPH ?g {{ ?m cg:start ?s ; cg:end ?e ; cg:exact ?x }} }}""")
    rows = [dict(r) for r in _rows(store, NAMED_QUERIES["evidence"])]
    spans = {(r["doc"], r["start"], r["end"], r["exact"]) for r in rows}
    integer = "^^<http://www.w3.org/2001/XMLSchema#integer>"
    assert spans == {
        (f"<{BASE}doc/d1>", f'"0"{integer}', f'"9"{integer}', '"sentence 0"'),
        (f"<{BASE}doc/d1>", f'"10"{integer}', f'"19"{integer}', '"sentence 1"'),
        (f"<{BASE}doc/d2>", f'"100"{integer}', f'"109"{integer}', '"on the mention"'),
        (f"<{BASE}doc/d3>", f'"100"{integer}', f'"109"{integer}', '"on the mention"'),
    }


def test_evidence_of_one_edge_equals_reference(repeated):
    subs = {ox.Variable("s"): ox.NamedNode(f"{BASE}entity/hong")}
    fast = _rows(repeated, NAMED_QUERIES["evidence"], substitutions=subs)
    assert fast == _rows(repeated, REFERENCE["evidence"], substitutions=subs) and len(fast) == 5
    none = {ox.Variable("s"): ox.NamedNode(f"{BASE}entity/troops")}
    assert _rows(repeated, NAMED_QUERIES["evidence"], substitutions=none) == set()


XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")

#: bindings of evidence's columns; those of ?s ?p ?o are answered by its bound form (kg query --param ...)
EVIDENCE_BINDINGS = {
    "subject": {"s": ox.NamedNode(f"{BASE}entity/hong")},
    "relation": {"p": ox.NamedNode(f"{BASE}relation/send")},
    "object": {"o": ox.NamedNode(f"{BASE}entity/troops")},
    "edge": {"s": ox.NamedNode(f"{BASE}entity/hong"), "p": ox.NamedNode(f"{BASE}relation/send"),
             "o": ox.NamedNode(f"{BASE}entity/troops")},
    "subject and document": {"s": ox.NamedNode(f"{BASE}entity/hong"), "doc": ox.NamedNode(f"{BASE}doc/d2")},
    "document": {"doc": ox.NamedNode(f"{BASE}doc/d2")},
    "quote": {"exact": ox.Literal("sentence 1")},
    "start": {"start": ox.Literal("10", datatype=XSD_INTEGER)},
    "no such subject": {"s": ox.NamedNode(f"{BASE}entity/troops")},
    "literal never a subject": {"s": ox.Literal(f"{BASE}entity/hong")},
}


@pytest.mark.parametrize("case", sorted(EVIDENCE_BINDINGS))
def test_evidence_bound_equals_reference(repeated, case):
    # whichever form named_query picks for the bindings answers the rows of the plain joins
    terms = EVIDENCE_BINDINGS[case]
    subs = {ox.Variable(k): v for k, v in terms.items()}
    text = named_query("evidence", terms)
    assert (text != NAMED_QUERIES["evidence"]) == bool({"s", "p", "o"} & set(terms))
    rows = _rows(repeated, text, substitutions=subs)
    assert rows == _rows(repeated, REFERENCE["evidence"], substitutions=subs)
    assert rows == _rows(repeated, NAMED_QUERIES["evidence"], substitutions=subs)
    assert bool(rows) == (case not in ("no such subject", "literal never a subject"))


def test_evidence_bound_form_binds_by_values():
    # the VALUES clause written into the bound form binds by itself (the plan starts from it)
    store = _repeated_store()
    terms = EVIDENCE_BINDINGS["object"]
    text = named_query("evidence", terms)
    assert _rows(store, text) == _rows(store, REFERENCE["evidence"], substitutions={ox.Variable("o"): terms["o"]})
    assert {dict(r)["o"] for r in _rows(store, text)} == {f"<{BASE}entity/troops>"}


def test_bound_forms_list_their_variables():
    assert named_query("evidence") == named_query("evidence", {}) == NAMED_QUERIES["evidence"]
    # a variable the query does not have (said's ?name) leaves the scan form
    assert named_query("evidence", {"name": ox.Literal("Hong Min")}) == NAMED_QUERIES["evidence"]
    # a blank node has no VALUES syntax: the scan form, bound by substitution
    assert named_query("evidence", {"s": ox.BlankNode("b0")}) == NAMED_QUERIES["evidence"]
    assert "evidence" in BOUND_FORMS and "evidence.bound" not in NAMED_QUERIES
    for name, text in BOUND_FORMS.items():
        assert name in NAMED_QUERIES
        assert sum(line.lstrip().startswith("# VALUES ?") for line in text.splitlines()) == 1, name


def test_evidence_bound_form_keeps_the_unions_copies_apart():
    # a claim stated with two spellings of its literal object in two documents: the union gives the claim both
    # objects, so each spelling answers with the mentions of both documents, as the plain joins do
    cg, oa = "https://w3id.org/claimgraph/ns#", "http://www.w3.org/ns/oa#"
    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    store = Store()
    graphs = []
    for doc, spelling in (("d1", "the army"), ("d2", "Army")):
        m = f"<{BASE}{doc}/m>"
        graphs.append(f"""<{BASE}{doc}> {{
  <{BASE}claim/c> a <{cg}Claim> ; <{rdf}subject> <{BASE}entity/kim> ; <{rdf}predicate> <{BASE}relation/send> ;
    <{rdf}object> "{spelling}" .
  {m} <{oa}hasBody> <{BASE}claim/c> ; <{oa}hasTarget> <{BASE}{doc}/m/t> .
  <{BASE}{doc}/m/t> <{oa}hasSource> <{BASE}{doc}> ; <{oa}hasSelector> <{BASE}{doc}/m/t/pos> , <{BASE}{doc}/m/t/quote> .
  <{BASE}{doc}/m/t/pos> <{oa}start> 0 ; <{oa}end> 5 .
  <{BASE}{doc}/m/t/quote> <{oa}exact> "Kim sent {spelling}" .
}}""")
    store._store.load("\n".join(graphs).encode(), format=ox.RdfFormat.TRIG)
    terms = {"o": ox.Literal("Army")}
    subs = {ox.Variable("o"): terms["o"]}
    bound = _rows(store, named_query("evidence", terms), substitutions=subs)
    assert bound == _rows(store, REFERENCE["evidence"], substitutions=subs)
    assert {dict(r)["doc"] for r in bound} == {f"<{BASE}d1>", f"<{BASE}d2>"}


def test_evidence_bound_to_each_seeds_edge_equals_reference(seeds_store):
    # every edge of the seeds build, asked for alone: the bound form and the plain joins agree, and the
    # edges' answers together are the whole scan's answer
    everything = _rows(seeds_store, NAMED_QUERIES["evidence"])
    edges = {tuple(dict(r)[k] for k in ("s", "p", "o")) for r in everything}
    assert len(edges) > 20
    together = set()
    for s, p, o in sorted(edges):
        terms = {k: _term(v) for k, v in zip("spo", (s, p, o))}
        subs = {ox.Variable(k): v for k, v in terms.items()}
        bound = _rows(seeds_store, named_query("evidence", terms), substitutions=subs)
        assert bound and bound == _rows(seeds_store, REFERENCE["evidence"], substitutions=subs)
        together |= bound
    assert together == everything


def _term(text: str):
    """A pyoxigraph term from its N-Triples form (an IRI or a literal, as str() of a term gives it)."""
    store = ox.Store()
    return next(iter(store.query(f"SELECT ?x WHERE {{ BIND({text} AS ?x) }}")))["x"]


def test_evidence_equals_design_text(repeated):
    fast = _rows(repeated, NAMED_QUERIES["evidence"])
    assert _project(fast, ("doc", "start", "end", "exact")) == _rows(repeated, DESIGN_EVIDENCE)
    assert len(fast) == 5  # five claim mentions


@pytest.mark.parametrize("name, reference, shipped", INTERNAL, ids=[i[0] for i in INTERNAL])
def test_internal_query_equals_reference_on_repeated_triples(repeated, name, reference, shipped):
    assert _rows(repeated, _shipped(repeated, shipped())) == _rows(repeated, reference)


@pytest.mark.parametrize("name", sorted(REFERENCE))
def test_named_query_equals_reference_on_seeds(seeds_store, name):
    fast = _rows(seeds_store, NAMED_QUERIES[name])
    assert fast == _rows(seeds_store, REFERENCE[name])
    if name != "conflicts":
        assert fast


def test_design_questions_equal_named_on_seeds(seeds_store):
    subs = {ox.Variable("name"): ox.Literal("Hong Min")}
    said = _rows(seeds_store, NAMED_QUERIES["said"], substitutions=subs)
    assert said and _project(said, ("claim", "text")) == _rows(seeds_store, DESIGN_SAID)
    evidence = _rows(seeds_store, NAMED_QUERIES["evidence"])
    assert _project(evidence, ("doc", "start", "end", "exact")) == _rows(seeds_store, DESIGN_EVIDENCE)


@pytest.mark.parametrize("name, reference, shipped", INTERNAL, ids=[i[0] for i in INTERNAL])
def test_internal_query_equals_reference_on_seeds(seeds_store, name, reference, shipped):
    rows = _rows(seeds_store, _shipped(seeds_store, shipped()))
    assert rows == _rows(seeds_store, reference) and rows


#: a bound form whose header comments start like its marker line; only the line inside the braces is the marker
HEADER_LOOKALIKE = """# VALUES ?s and ?o, when bound, are written into the line marked below
# VALUES written by kg.queries go inside the subquery
SELECT ?s ?o WHERE {
  { SELECT ?s ?o WHERE {
      # VALUES ?s ?o (the marker)
      ?s <http://ex.org/p> ?o } }
}"""


@pytest.mark.parametrize("bound", [{"s": "<http://ex.org/a>"}, {"o": '"x"', "z": "<http://ex.org/z>"}])
def test_bound_form_marker_is_the_line_inside_the_braces(bound, monkeypatch):
    from kg import queries

    monkeypatch.setitem(queries.BOUND_FORMS, "evidence", HEADER_LOOKALIKE)
    text = named_query("evidence", bound)
    lines = text.splitlines()
    assert lines[:3] == HEADER_LOOKALIKE.splitlines()[:3]  # the header is left as written
    (var,) = bound.keys() - {"z"}
    assert lines[4].strip() == f"VALUES (?{var}) {{ ({bound[var]}) }}"
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://ex.org/a"), ox.NamedNode("http://ex.org/p"), ox.Literal("x")))
    store.add(ox.Quad(ox.NamedNode("http://ex.org/b"), ox.NamedNode("http://ex.org/p"), ox.Literal("y")))
    assert [(str(r["s"]), str(r["o"])) for r in store.query(text)] == [("<http://ex.org/a>", '"x"')]


@pytest.mark.parametrize(
    "form, reason",
    [
        ("# VALUES ?s: header only\nSELECT ?s WHERE { ?s ?p ?o }", "no '# VALUES ?x' line"),
        ("SELECT ?s WHERE {\n  # VALUES are written here\n  ?s ?p ?o\n}", "no '# VALUES ?x' line"),
        ("SELECT ?s WHERE {\n  # VALUES ?s\n  ?s ?p ?o .\n  # VALUES ?o\n}", "2 '# VALUES ?x' lines (2, 4)"),
        # braces inside a string, an IRI's fragment or a comment do not open the block
        ('SELECT ?s WHERE { ?s ?p "{" } # {\n# VALUES ?s', "no '# VALUES ?x' line"),
    ],
)
def test_malformed_bound_form_is_a_clear_error(form, reason, monkeypatch):
    from kg import queries
    from kg.errors import QueryError

    monkeypatch.setitem(queries.BOUND_FORMS, "evidence", form)
    with pytest.raises(QueryError) as caught:
        named_query("evidence", {"s": "<http://ex.org/a>"})
    assert caught.value.code == "E302"
    assert "'evidence'" in str(caught.value) and reason in str(caught.value)


def test_shipped_bound_forms_have_one_marker_inside_their_braces():
    from kg.queries import _marker_lines

    for name, text in BOUND_FORMS.items():
        assert [listed for _, listed in _marker_lines(text.splitlines())] == [["s", "p", "o"]], name
