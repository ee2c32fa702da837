"""kg.validate and the SHACL shapes: the sample graph conforms, each broken variant fails for its reason.

tests/data/sample.trig follows the RDF model of DESIGN.md by hand. Every variant below
changes it with one SPARQL Update and must be rejected by the one shape that guards
the broken rule, on the node that breaks it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset, Graph

from kg.rdf.namespaces import sparql_prologue
from kg.store import Store
from kg.validate import ValidationReport, load_shapes, validate

SAMPLE = Path(__file__).parent / "data" / "sample.trig"
BASE = "https://w3id.org/claimgraph/id/"
SHAPES_NS = "https://w3id.org/claimgraph/shapes#"
SH_NS = "http://www.w3.org/ns/shacl#"

DOC = "<doc/e2a47244cdc10b970de3>"
CM = "<doc/e2a47244cdc10b970de3/claim/0-107-9c1d2e3f4a>"
TARGET = "<doc/e2a47244cdc10b970de3/claim/0-107-9c1d2e3f4a/target>"
POS = "<doc/e2a47244cdc10b970de3/claim/0-107-9c1d2e3f4a/target/pos>"
QUOTE = "<doc/e2a47244cdc10b970de3/claim/0-107-9c1d2e3f4a/target/quote>"
EM = "<doc/e2a47244cdc10b970de3/mention/83-91>"
#: the sentence CM quotes (its quote selector's oa:exact)
SENTENCE = "'North Korea has reportedly sent about 15,000 soldiers to Russia since last autumn, Hong Min told reporters.'"
CLAIM = "<claim/5be01c44a9d2a8f0e771>"
CLAIM_600 = "<claim/a0c3d9e14b27f6085d1e>"
CLAIM_4700 = "<claim/77f1e0b2c3d4a5968778>"


@pytest.fixture(scope="module")
def sample_dataset() -> Dataset:
    dataset = Dataset()
    dataset.parse(SAMPLE, format="trig")
    return dataset


@pytest.fixture(scope="module")
def sample_union(sample_dataset) -> Graph:
    union = Graph()
    for s, p, o, _ in sample_dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def variant(union: Graph, update: str) -> Graph:
    """A copy of the sample union graph changed by one SPARQL Update."""
    graph = Graph()
    graph += union
    for operation in re.split(r" ; (?=DELETE|INSERT)", update):  # one by one: rdflib loses prefixes after ';'
        before = len(graph)
        graph.update(f"BASE <{BASE}>\n{sparql_prologue()}{operation}")
        changed = len(graph) < before if operation.startswith("DELETE") else len(graph) > before
        assert changed, f"{operation!r} changed nothing, so the case would test nothing"
    return graph


def absolute(relative: str) -> str:
    return "<" + BASE + relative.strip("<>") + ">"


def test_the_sample_conforms(sample_dataset):
    report = validate(sample_dataset)
    assert report == ValidationReport(conforms=True, violations=0, text=report.text, results=())
    assert "Conforms: True" in report.text


def test_a_dataset_is_validated_as_the_union_of_its_graphs():
    # A link written in the resolution graph points from a claim (typed only in a document graph) to an
    # entity (typed only in another): no single named graph shows the error, the union does.
    dataset = Dataset()
    dataset.parse(SAMPLE, format="trig")
    dataset.update(
        f"BASE <{BASE}>\n{sparql_prologue()}"
        f"INSERT DATA {{ GRAPH <graph/resolution> {{ {CLAIM} cg:conflictsWith <entity/kcna> }} }}"
    )
    report = validate(dataset)
    assert not report.conforms
    assert [(r.shape, r.focus, r.value) for r in report.results] == [
        (f"<{SHAPES_NS}Claim-conflictsWith>", absolute(CLAIM), absolute("<entity/kcna>"))
    ]


def test_a_store_is_validated_through_rdflib():
    store = Store()
    quads = list(pyoxigraph.parse(path=str(SAMPLE), format=pyoxigraph.RdfFormat.TRIG))
    by_graph: dict = {}
    for quad in quads:
        by_graph.setdefault(quad.graph_name, []).append(quad)
    for graph, graph_quads in by_graph.items():
        store.replace_graph(graph, graph_quads)
    assert len(store) == len(quads) > 150
    assert validate(store).conforms


def test_other_input_is_refused():
    with pytest.raises(TypeError, match="rdflib Graph or Dataset"):
        validate("tests/data/sample.trig")


def test_load_shapes_gives_a_private_copy():
    shapes = load_shapes()
    shapes.remove((None, None, None))
    assert len(load_shapes()) > 300


# (case id, SPARQL Update, shape that must report it, constraint component, focus node)
BROKEN = [
    ("mention-without-body", f"DELETE WHERE {{ {CM} oa:hasBody ?b }}", "ClaimMention-body", "MinCount", CM),
    ("mention-with-two-bodies", f"INSERT DATA {{ {CM} oa:hasBody {CLAIM_600} }}", "ClaimMention-body", "MaxCount", CM),
    (
        "mention-body-not-a-claim",
        f"DELETE WHERE {{ {CM} oa:hasBody ?b }} ; INSERT DATA {{ {CM} oa:hasBody <entity/russia> }}",
        "ClaimMention-body",
        "Class",
        CM,
    ),
    ("mention-without-target", f"DELETE WHERE {{ {CM} oa:hasTarget ?t }}", "ClaimMention-target", "MinCount", CM),
    (
        "mention-not-an-annotation",
        f"DELETE DATA {{ {CM} a oa:Annotation }}",
        "ClaimMention-annotation",
        "HasValue",
        CM,
    ),
    ("mention-not-a-prov-entity", f"DELETE DATA {{ {CM} a prov:Entity }}", "ClaimMention-provEntity", "HasValue", CM),
    (
        "mention-without-attribution",
        f"DELETE WHERE {{ {CM} prov:wasAttributedTo ?w }}",
        "ClaimMention-attribution",
        "MinCount",
        CM,
    ),
    (
        "attributed-to-a-string",
        f"DELETE WHERE {{ {CM} prov:wasAttributedTo ?w }} ; INSERT DATA {{ {CM} prov:wasAttributedTo 'Hong Min' }}",
        "ClaimMention-attribution",
        "Class",
        CM,
    ),
    ("mention-without-certainty", f"DELETE WHERE {{ {CM} cg:certainty ?c }}", "ClaimMention-certainty", "MinCount", CM),
    (
        "unknown-certainty",
        f"DELETE WHERE {{ {CM} cg:certainty ?c }} ;"
        f" INSERT DATA {{ {CM} cg:certainty <https://w3id.org/claimgraph/ns#Sure> }}",
        "ClaimMention-certainty",
        "In",
        CM,
    ),
    (
        "two-certainties",
        f"INSERT DATA {{ {CM} cg:certainty cg:Possible }}",
        "ClaimMention-certainty",
        "MaxCount",
        CM,
    ),
    (
        "polarity-as-a-string",
        f"DELETE WHERE {{ {CM} cg:polarity ?p }} ; INSERT DATA {{ {CM} cg:polarity 'positive' }}",
        "ClaimMention-polarity",
        "In",
        CM,
    ),
    ("mention-without-polarity", f"DELETE WHERE {{ {CM} cg:polarity ?p }}", "ClaimMention-polarity", "MinCount", CM),
    (
        "confidence-above-one",
        f"DELETE WHERE {{ {CM} cg:confidence ?c }} ; INSERT DATA {{ {CM} cg:confidence 1.5 }}",
        "ClaimMention-confidence",
        "MaxInclusive",
        CM,
    ),
    (
        "confidence-below-zero",
        f"DELETE WHERE {{ {CM} cg:confidence ?c }} ; INSERT DATA {{ {CM} cg:confidence '-0.1'^^xsd:double }}",
        "ClaimMention-confidence",
        "MinInclusive",
        CM,
    ),
    (
        "confidence-as-a-string",
        f"DELETE WHERE {{ {CM} cg:confidence ?c }} ; INSERT DATA {{ {CM} cg:confidence 'high' }}",
        "ClaimMention-confidence",
        "Or",
        CM,
    ),
    (
        "mention-without-confidence",
        f"DELETE WHERE {{ {CM} cg:confidence ?c }}",
        "ClaimMention-confidence",
        "MinCount",
        CM,
    ),
    ("two-rules", f"INSERT DATA {{ {CM} cg:rule 'passive' }}", "ClaimMention-rule", "MaxCount", CM),
    # a claim mention's span on the mention itself (cg:start, cg:end, cg:exact): all three, its selectors' values
    (
        "span-start-not-its-selectors",
        f"INSERT DATA {{ {CM} cg:start 1 ; cg:end 107 ; cg:exact {SENTENCE} }}",
        "ClaimMentionSpanShape",
        "SPARQL",
        CM,
    ),
    (
        "span-exact-not-its-selectors",
        f"INSERT DATA {{ {CM} cg:start 0 ; cg:end 107 ; cg:exact 'North Korea has sent' }}",
        "ClaimMentionSpanShape",
        "SPARQL",
        CM,
    ),
    ("span-without-exact", f"INSERT DATA {{ {CM} cg:start 0 ; cg:end 107 }}", "ClaimMentionSpanShape", "SPARQL", CM),
    (
        "span-start-a-string",
        f"INSERT DATA {{ {CM} cg:start '0' ; cg:end 107 ; cg:exact {SENTENCE} }}",
        "ClaimMention-start",
        "Datatype",
        CM,
        ["ClaimMentionSpanShape"],  # '0' is not the selector's 0 either
    ),
    ("target-without-source", f"DELETE WHERE {{ {TARGET} oa:hasSource ?d }}", "Target-source", "MinCount", TARGET),
    (
        "target-source-not-an-article",
        f"DELETE WHERE {{ {TARGET} oa:hasSource ?d }} ; INSERT DATA {{ {TARGET} oa:hasSource <entity/guardian> }}",
        "Target-source",
        "Class",
        TARGET,
    ),
    (
        "target-not-a-specific-resource",
        f"DELETE DATA {{ {TARGET} a oa:SpecificResource }}",
        "Target-type",
        "HasValue",
        TARGET,
    ),
    (
        "missing-position-selector",
        f"DELETE DATA {{ {TARGET} oa:hasSelector {POS} }}",
        "Target-positionSelector",
        "QualifiedMinCount",
        TARGET,
    ),
    (
        "missing-quote-selector",
        f"DELETE DATA {{ {TARGET} oa:hasSelector {QUOTE} }}",
        "Target-quoteSelector",
        "QualifiedMinCount",
        TARGET,
    ),
    (
        "two-position-selectors",
        f"INSERT DATA {{ {TARGET} oa:hasSelector <doc/e2a47244cdc10b970de3/mention/83-91/target/pos> }}",
        "Target-positionSelector",
        "QualifiedMaxCount",
        TARGET,
    ),
    (
        "start-after-end",
        f"DELETE WHERE {{ {POS} oa:start ?s }} ; INSERT DATA {{ {POS} oa:start 200 }}",
        "TextPositionSelector-order",
        "LessThanOrEquals",
        POS,
    ),
    (
        "negative-start",
        f"DELETE WHERE {{ {POS} oa:start ?s }} ; INSERT DATA {{ {POS} oa:start -1 }}",
        "TextPositionSelector-start",
        "MinInclusive",
        POS,
    ),
    (
        "start-as-a-string",
        f"DELETE WHERE {{ {POS} oa:start ?s }} ; INSERT DATA {{ {POS} oa:start '0' }}",
        "TextPositionSelector-start",
        "Or",
        POS,
        {"TextPositionSelector-order"},  # a string cannot be compared with oa:end either
    ),
    ("selector-without-end", f"DELETE WHERE {{ {POS} oa:end ?e }}", "TextPositionSelector-end", "MinCount", POS),
    ("quote-without-exact", f"DELETE WHERE {{ {QUOTE} oa:exact ?x }}", "TextQuoteSelector-exact", "MinCount", QUOTE),
    (
        "quote-with-two-exacts",
        f"INSERT DATA {{ {QUOTE} oa:exact 'North Korea' }}",
        "TextQuoteSelector-exact",
        "MaxCount",
        QUOTE,
    ),
    (
        "empty-quote",
        f"DELETE WHERE {{ {QUOTE} oa:exact ?x }} ; INSERT DATA {{ {QUOTE} oa:exact '' }}",
        "TextQuoteSelector-exact",
        "MinLength",
        QUOTE,
    ),
    ("claim-without-object", f"DELETE WHERE {{ {CLAIM} rdf:object ?o }}", "Claim-object", "MinCount", CLAIM),
    ("claim-without-subject", f"DELETE WHERE {{ {CLAIM} rdf:subject ?s }}", "Claim-subject", "MinCount", CLAIM),
    ("claim-without-predicate", f"DELETE WHERE {{ {CLAIM} rdf:predicate ?p }}", "Claim-predicate", "MinCount", CLAIM),
    (
        "claim-with-two-subjects",
        f"INSERT DATA {{ {CLAIM} rdf:subject <entity/hong-min> }}",
        "Claim-subject",
        "MaxCount",
        CLAIM,
    ),
    (
        "claim-predicate-not-a-relation",
        f"DELETE WHERE {{ {CLAIM} rdf:predicate ?p }} ; INSERT DATA {{ {CLAIM} rdf:predicate <entity/russia> }}",
        "Claim-predicate",
        "Class",
        CLAIM,
    ),
    (
        "claim-object-an-untyped-iri",
        f"DELETE WHERE {{ {CLAIM} rdf:object ?o }} ; INSERT DATA {{ {CLAIM} rdf:object <entity/nowhere> }}",
        "Claim-object",
        "Or",
        CLAIM,
    ),
    (
        "quantity-as-a-string",
        f"DELETE WHERE {{ {CLAIM} cg:quantity ?q }} ; INSERT DATA {{ {CLAIM} cg:quantity '15,000' }}",
        "Claim-quantity",
        "Or",
        CLAIM,
    ),
    (
        "time-not-normalised",
        f"DELETE WHERE {{ {CLAIM} cg:time ?t }} ; INSERT DATA {{ {CLAIM} cg:time 'last autumn' }}",
        "Claim-time",
        "Or",
        CLAIM,
    ),
    (
        "approximate-as-a-string",
        f"DELETE WHERE {{ {CLAIM} cg:approximate ?a }} ; INSERT DATA {{ {CLAIM} cg:approximate 'yes' }}",
        "Claim-approximate",
        "Datatype",
        CLAIM,
    ),
    (
        "location-a-string",
        f"DELETE WHERE {{ {CLAIM_600} cg:location ?l }} ; INSERT DATA {{ {CLAIM_600} cg:location 'Ukraine' }}",
        "Claim-location",
        "Class",
        CLAIM_600,
    ),
    (
        "support-count-as-a-string",
        f"DELETE WHERE {{ {CLAIM} cg:supportCount ?n }} ; INSERT DATA {{ {CLAIM} cg:supportCount '1' }}",
        "Claim-supportCount",
        "Datatype",
        CLAIM,
    ),
    ("two-support-counts", f"INSERT DATA {{ {CLAIM} cg:supportCount 2 }}", "Claim-supportCount", "MaxCount", CLAIM),
    (
        "conflict-with-a-non-claim",
        f"INSERT DATA {{ {CLAIM} cg:conflictsWith <entity/russia> }}",
        "Claim-conflictsWith",
        "Class",
        CLAIM,
    ),
    (
        "conflicts-with-itself",
        f"INSERT DATA {{ {CLAIM} cg:conflictsWith {CLAIM} }}",
        "ClaimLinkShape",
        "SPARQL",
        CLAIM,
    ),
    (
        "conflicts-and-corroborates",
        f"INSERT DATA {{ {CLAIM_600} cg:corroborates {CLAIM_4700} }}",
        "Claim-conflictNotCorroboration",
        "Disjoint",
        CLAIM_600,
    ),
    ("entity-without-label", "DELETE WHERE { <entity/russia> skos:prefLabel ?l }", "Entity-prefLabel", "MinCount",
     "<entity/russia>"),
    (
        "entity-without-schema-type",
        "DELETE DATA { <entity/russia> a schema:Place }",
        "Entity-schemaType",
        "QualifiedMinCount",
        "<entity/russia>",
    ),
    (
        "label-an-iri",
        "INSERT DATA { <entity/russia> skos:altLabel <entity/ukraine> }",
        "Entity-altLabel",
        "NodeKind",
        "<entity/russia>",
    ),
    ("relation-without-label", "DELETE WHERE { <relation/send-to> rdfs:label ?l }", "Relation-label", "MinCount",
     "<relation/send-to>"),
    ("article-without-hash", f"DELETE WHERE {{ {DOC} cg:sha256 ?h }}", "NewsArticle-sha256", "MinCount", DOC),
    (
        "article-hash-not-hex",
        f"DELETE WHERE {{ {DOC} cg:sha256 ?h }} ; INSERT DATA {{ {DOC} cg:sha256 'E2A47244' }}",
        "NewsArticle-sha256",
        "Pattern",
        DOC,
    ),
    ("article-without-source", f"DELETE WHERE {{ {DOC} dct:source ?s }}", "NewsArticle-source", "MinCount", DOC),
    (
        "publisher-not-a-news-organisation",
        "DELETE DATA { <entity/guardian> a schema:NewsMediaOrganization } ;"
        " INSERT DATA { <entity/guardian> a schema:Organization }",
        "NewsArticle-publisher",
        "Class",
        DOC,
    ),
    (
        "issued-as-free-text",
        f"DELETE WHERE {{ {DOC} dct:issued ?d }} ; INSERT DATA {{ {DOC} dct:issued 'Sunday' }}",
        "NewsArticle-issued",
        "Or",
        DOC,
    ),
    ("entity-mention-without-body", f"DELETE WHERE {{ {EM} oa:hasBody ?b }}", "EntityMention-body", "MinCount", EM),
    (
        "entity-mention-body-a-claim",
        f"DELETE WHERE {{ {EM} oa:hasBody ?b }} ; INSERT DATA {{ {EM} oa:hasBody {CLAIM} }}",
        "EntityMention-body",
        "Class",
        EM,
    ),
    (
        "entity-mention-without-target",
        f"DELETE WHERE {{ {EM} oa:hasTarget ?t }}",
        "EntityMention-target",
        "MinCount",
        EM,
    ),
    (
        "entity-mention-not-an-annotation",
        f"DELETE DATA {{ {EM} a oa:Annotation }}",
        "EntityMention-annotation",
        "HasValue",
        EM,
    ),
    (
        "unknown-mention-kind",
        f"DELETE WHERE {{ {EM} cg:mentionKind ?k }} ; INSERT DATA {{ {EM} cg:mentionKind 'verb' }}",
        "EntityMention-kind",
        "Pattern",
        EM,
    ),
]


def test_a_mention_with_its_span_conforms(sample_union):
    # the span a build writes on a claim mention (its selectors' values) is valid, as is a mention without it
    graph = variant(sample_union, f"INSERT DATA {{ {CM} cg:start 0 ; cg:end 107 ; cg:exact {SENTENCE} }}")
    report = validate(graph)
    assert report.conforms, report.text


@pytest.mark.parametrize("case", BROKEN, ids=[case[0] for case in BROKEN])
def test_each_broken_rule_is_reported_by_its_shape(sample_union, case):
    _, update, shape, component, focus, *also = case
    report = validate(variant(sample_union, update))
    assert not report.conforms
    assert report.violations == len(report.results) >= 1
    # The shape that guards the rule reports it on the node that breaks it, and nothing else fails
    # (a value of the wrong type may also fail the same shape's range checks, or a named comparison).
    assert (f"<{SHAPES_NS}{shape}>", f"<{SH_NS}{component}ConstraintComponent>") in {
        (r.shape, r.component) for r in report.results
    }, report.text
    assert {r.shape for r in report.results} == {f"<{SHAPES_NS}{name}>" for name in {shape, *(also[0] if also else ())}}
    assert {r.focus for r in report.results} == {absolute(focus)}
    for result in report.results:
        assert result.message and result.message in report.text and "Constraint" not in result.message


@pytest.mark.parametrize(
    ("kind", "triples"),
    [
        ("claim mention", "cg:ClaimMention, oa:Annotation, prov:Entity"),
        ("entity", "cg:Entity, schema:Person ; skos:prefLabel 'Someone'"),
        ("claim", "cg:Claim ; rdf:subject <entity/russia> ; rdf:predicate <relation/send-to> ; rdf:object 'x'"),
    ],
)
def test_blank_nodes_are_rejected(sample_union, kind, triples):
    graph = variant(sample_union, f"INSERT DATA {{ _:b a {triples} }}")
    report = validate(graph)
    assert not report.conforms
    node_kind = [r for r in report.results if r.component == f"<{SH_NS}NodeKindConstraintComponent>" and r.path is None]
    assert len(node_kind) == 1 and node_kind[0].focus.startswith("_:"), report.text
    assert "not a blank node" in node_kind[0].message


def test_failures_are_counted_across_nodes(sample_union):
    # Two independent breakages on two different nodes give two violations.
    update = f"DELETE WHERE {{ {CM} oa:hasBody ?b }} ; DELETE WHERE {{ {CLAIM} rdf:object ?o }}"
    report = validate(variant(sample_union, update))
    assert report.violations == 2
    assert {r.focus for r in report.results} == {absolute(CM), absolute(CLAIM)}
