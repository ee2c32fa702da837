"""Extraction -> quads: the RDF model of DESIGN.md, one named graph per document.

Every quad of a document lives in the graph named by the document IRI, and every
node has a deterministic IRI (kg.rdf.terms), so converting twice gives the same
quads and two documents that name the same entity or state the same claim meet
on the same nodes.

A one-place claim (a clause without an object: "talks have collapsed", "the footage
was released") is the unary predicate written as a boolean-valued property, the
usual RDF reading of P(x): ``rdf:object true`` (``xsd:boolean``) and the direct edge
``<talks> <rel/collapse> true``; its ``schema:text`` has no object ("talks collapse").
A negated one ("talks have not collapsed") keeps ``true`` and says ``cg:Negative`` on
its mention, so it meets the positive claim of another source and conflicts by polarity.

>>> from kg.model import Document, Extraction
>>> doc = Document(text="Kim spoke.", source="a.txt", publisher="Daily")
>>> quads = extraction_to_quads(Extraction(doc), "http://ex.org/")
>>> {q.graph_name.value for q in quads} == {terms.document_iri("http://ex.org/", doc.sha256)}
True
>>> [q.object.value for q in quads if q.predicate.value.endswith("prefLabel")]
['Daily']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import PurePath
from urllib.parse import urlparse

from pyoxigraph import Literal, NamedNode, Quad

from kg.model import Argument, Claim, Document, Entity, EntityMention, Extraction, Quantity
from kg.rdf import terms
from kg.rdf import namespaces as _ns

__all__ = [
    "ENTITY_CLASSES",
    "document_nquads",
    "document_quads",
    "extraction_to_quads",
    "publisher_label",
    "claim_identity",
    "clean_text",
    "seal_quads",
    "typed_time",
]


class _Nodes:
    """The terms of one namespace as pyoxigraph ``NamedNode``s, each made once.

    Why: a document yields thousands of quads, and an rdflib namespace lookup
    (``CG.sha256``) plus a ``NamedNode`` per quad cost more than the rest of the
    conversion. ``_Nodes(RDFS).label`` is the node of ``rdfs:label``.

    >>> _Nodes(_ns.RDFS).label.value
    'http://www.w3.org/2000/01/rdf-schema#label'
    """

    def __init__(self, namespace) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> NamedNode:
        node = NamedNode(str(getattr(self._namespace, name)))
        setattr(self, name, node)
        return node


# In this module the vocabulary names are tables of NamedNodes (see _Nodes).
CG, DCTERMS, OA, PROV, RDF, RDFS, SCHEMA, SKOS, XSD = map(
    _Nodes, (_ns.CG, _ns.DCTERMS, _ns.OA, _ns.PROV, _ns.RDF, _ns.RDFS, _ns.SCHEMA, _ns.SKOS, _ns.XSD)
)

#: claimgraph entity type -> schema.org class
ENTITY_CLASSES = {
    "Person": SCHEMA.Person,
    "Organization": SCHEMA.Organization,
    "NewsOrganization": SCHEMA.NewsMediaOrganization,
    "Place": SCHEMA.Place,
    "Group": SCHEMA.Organization,
    "Event": SCHEMA.Event,
    "Work": SCHEMA.CreativeWork,
    "Product": SCHEMA.Product,
    "Thing": SCHEMA.Thing,
}
_CERTAINTY = {"certain": CG.Certain, "probable": CG.Probable, "possible": CG.Possible}
_POLARITY = {"positive": CG.Positive, "negative": CG.Negative}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
_SPACE = re.compile(r"\s+")
_LEAD_DET = re.compile(r"^(the|a|an|this|that|these|those)\s+", re.I)
# A file name that is not valid UTF-8 reaches Python with lone surrogates (PEP 383); RDF text cannot hold them.
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(value: str) -> str:
    """``value`` fit for an RDF literal: lone surrogates (undecodable file-name bytes) become U+FFFD.

    >>> clean_text("bad\\udcffname.txt")
    'bad\ufffdname.txt'
    """
    return _SURROGATE.sub("\ufffd", value)


def _n(iri) -> NamedNode:
    return iri if isinstance(iri, NamedNode) else NamedNode(str(iri))


_A = _n(RDF.type)
_XSD_INT = _n(XSD.integer)
_XSD_DEC = _n(XSD.decimal)
_XSD_BOOL = _n(XSD.boolean)


def _int(value: int, datatype: NamedNode = _XSD_INT) -> Literal:
    return Literal(str(value), datatype=datatype)


def _decimal(value: float) -> Literal:
    d = Decimal(repr(float(value))).normalize()
    text = format(d, "f")
    return Literal(text if "." in text else text + ".0", datatype=_XSD_DEC)


def _bool(value: bool) -> Literal:
    return Literal("true" if value else "false", datatype=_XSD_BOOL)


#: The object of a one-place claim ("talks have collapsed": talks | collapse | true).
_TRUE = _bool(True)


def publisher_label(document: Document) -> str | None:
    """The publisher's name; without one, the host of the article's URL; else ``None``.

    A file name is no outlet: a document whose publisher is unknown gets a publisher of its own
    (:func:`kg.rdf.terms.unknown_publisher_iri`, labelled "unknown publisher of" its source), rather
    than an outlet named after its path that would merge every "article.txt" of every folder into one.

    >>> publisher_label(Document(text="x", source="/tmp/feeds/ap-0001.txt")) is None
    True
    >>> publisher_label(Document(text="x", source="a.html", url="https://www.ostrelstar.example/news/1"))
    'ostrelstar.example'
    """
    if document.publisher and document.publisher.strip():
        return clean_text(document.publisher.strip())
    if document.url:
        host = urlparse(document.url).hostname
        if host:
            return clean_text(host.removeprefix("www."))
    return None


def typed_time(value: str | None) -> Literal | None:
    """An ISO date, month or year as the matching XSD literal."""
    if not value:
        return None
    if _DATE.match(value):
        return Literal(value, datatype=_n(XSD.date))
    if _YEAR_MONTH.match(value):
        return Literal(value, datatype=_n(XSD.gYearMonth))
    if _YEAR.match(value):
        return Literal(value, datatype=_n(XSD.gYear))
    return None


def _literal_key(text: str) -> str:
    return _LEAD_DET.sub("", _SPACE.sub(" ", text).strip()).casefold()


def _quantity_key(q: Quantity) -> str:
    flags = "".join(f for f, on in (("~", q.approximate), (">", q.lower_bound), ("<", q.upper_bound)) if on)
    return f"{flags}{Decimal(repr(q.value)).normalize()}"


def claim_identity(base: str, claim: Claim) -> tuple[str, str]:
    """The claim IRI and its key: subject, relation, object and qualifiers, normalised."""
    subject = terms.entity_iri(base, claim.subject.entity or claim.subject.text)
    obj = ""
    if claim.object is not None:
        obj = terms.entity_iri(base, claim.object.entity) if claim.object.entity else _literal_key(claim.object.text)
    qualifiers: list[tuple[str, str]] = []
    if claim.quantity is not None:
        qualifiers.append(("quantity", _quantity_key(claim.quantity)))
    if claim.time is not None and claim.time.value:
        qualifiers.append(("time", claim.time.value))
    if claim.location:
        qualifiers.append(("location", terms.entity_iri(base, claim.location)))
    if claim.polarity == "negative":
        qualifiers.append(("polarity", "negative"))
    key = terms.claim_key(subject, terms.relation_iri(base, claim.relation), obj, tuple(qualifiers))
    return terms.claim_iri(base, key), key


def extraction_to_quads(extraction: Extraction, base: str) -> list[Quad]:
    """All quads of one document, in its own named graph."""
    return list(_quads(extraction, base))


def document_quads(extraction: Extraction, base: str) -> list[Quad]:
    """The quads of one document's graph: the extraction plus the document's sentence count."""
    quads = extraction_to_quads(extraction, base)
    doc = _n(terms.document_iri(base, extraction.document.sha256))
    quads.append(Quad(doc, _n(CG.sentenceCount), _int(len(extraction.sentences)), doc))
    return quads


def seal_quads(document: Document, base: str, sentences: int) -> list[Quad]:
    """The quads that complete a document's graph: its ``cg:sha256`` and ``cg:sentenceCount``.

    :func:`document_quads` includes them; a huge document extracted window by
    window gets them once, after its last window, so that a graph holding its
    ``cg:sha256`` is always complete (see :mod:`kg.store`).

    >>> doc = Document(text="Kim spoke.", source="a.txt")
    >>> sorted(q.predicate.value.rsplit("#")[-1] for q in seal_quads(doc, "http://ex.org/", 1))
    ['sentenceCount', 'sha256']
    """
    d = _n(terms.document_iri(base, document.sha256))
    return [Quad(d, _n(CG.sha256), Literal(document.sha256), d), Quad(d, _n(CG.sentenceCount), _int(sentences), d)]


def document_nquads(extraction: Extraction, base: str) -> bytes:
    """:func:`document_quads` as an N-Quads document, written without making ``Quad`` objects.

    Why: a document has thousands of quads, and building a ``Quad`` per statement and then
    serializing it cost more than the rest of the conversion. Each term is written by
    pyoxigraph itself (``str`` of a term is its N-Triples form), so the text parses back to
    exactly :func:`document_quads`.

    >>> from kg.model import Document, Extraction
    >>> ex = Extraction(Document(text="Kim spoke.", source="a.txt", publisher="Daily"))
    >>> import pyoxigraph as ox
    >>> data = document_nquads(ex, "http://ex.org/")
    >>> list(ox.parse(data, format=ox.RdfFormat.N_QUADS)) == document_quads(ex, "http://ex.org/")
    True
    """
    doc = _n(terms.document_iri(base, extraction.document.sha256))
    graph = f" {doc} .\n"

    def line(s, p, o) -> str:
        return f"{s} {p} {o}{graph}"

    lines = list(_quads(extraction, base, line))
    lines.append(line(doc, CG.sentenceCount, _int(len(extraction.sentences))))
    return "".join(lines).encode("utf-8")


def _quads(ex: Extraction, base: str, make=None) -> Iterator:
    """The statements of one document, each made by ``make(s, p, o)`` (default: a ``Quad`` in its graph)."""
    doc = ex.document
    d = _n(terms.document_iri(base, doc.sha256))
    g = d

    def quad(s, p, o) -> Quad:
        return Quad(s, p, o, g)  # p is always a NamedNode of a _Nodes table

    q = make or quad

    # the document and its publisher: named, or one of its own (every document has one, so the sources
    # of a claim are counted by publisher and every mention is attributed, as DESIGN.md's queries expect)
    pub_label = publisher_label(doc)
    if pub_label:
        pub = _n(terms.entity_iri(base, pub_label))
    else:
        pub = _n(terms.unknown_publisher_iri(d.value))
        pub_label = f"unknown publisher of {clean_text(doc.source)}"
    yield q(d, _A, _n(SCHEMA.NewsArticle))
    yield q(d, CG.sha256, Literal(doc.sha256))
    yield q(d, DCTERMS.source, Literal(clean_text(doc.source)))
    yield q(d, DCTERMS.publisher, pub)
    if doc.title:
        yield q(d, DCTERMS.title, Literal(clean_text(doc.title)))
    if doc.issued:
        yield q(d, DCTERMS.issued, typed_time(doc.issued) or Literal(doc.issued))
    if doc.modified:
        yield q(d, DCTERMS.modified, typed_time(doc.modified) or Literal(doc.modified))
    if doc.url:
        yield q(d, SCHEMA.url, Literal(clean_text(doc.url), datatype=_n(XSD.anyURI)))
    if doc.language:
        yield q(d, DCTERMS.language, Literal(doc.language))
    yield q(pub, _A, _n(CG.Entity))
    yield q(pub, _A, _n(SCHEMA.NewsMediaOrganization))
    yield q(pub, SKOS.prefLabel, Literal(pub_label))

    entities = {e.key: e for e in ex.entities}
    for entity in ex.entities:
        yield from _entity_quads(entity, base, q)
    for mention in ex.mentions:
        yield from _mention_quads(mention, d, doc.text, base, q)

    relations: set[str] = set()
    for claim in ex.claims:
        yield from _claim_quads(claim, d, pub, doc.text, base, q, entities, relations)


def _entity_quads(entity: Entity, base: str, q) -> Iterator[Quad]:
    e = _n(terms.entity_iri(base, entity.key))
    yield q(e, _A, _n(CG.Entity))
    yield q(e, _A, _n(ENTITY_CLASSES.get(entity.type, SCHEMA.Thing)))
    yield q(e, SKOS.prefLabel, Literal(entity.label))
    for alias in entity.aliases:
        if alias != entity.label:
            yield q(e, SKOS.altLabel, Literal(alias))


def _selectors(annotation: NamedNode, doc_iri: NamedNode, text: str, start: int, end: int, q) -> Iterator[Quad]:
    t = _n(terms.target_iri(annotation.value))
    pos = _n(terms.position_selector_iri(annotation.value))
    quote = _n(terms.quote_selector_iri(annotation.value))
    yield q(annotation, OA.hasTarget, t)
    yield q(t, _A, _n(OA.SpecificResource))
    yield q(t, OA.hasSource, doc_iri)
    yield q(t, OA.hasSelector, pos)
    yield q(t, OA.hasSelector, quote)
    yield q(pos, _A, _n(OA.TextPositionSelector))
    yield q(pos, OA.start, _int(start))  # xsd:integer, as the store keeps any integer type (DESIGN.md)
    yield q(pos, OA.end, _int(end))
    yield q(quote, _A, _n(OA.TextQuoteSelector))
    yield q(quote, OA.exact, Literal(text[start:end]))


def _mention_quads(m: EntityMention, doc_iri: NamedNode, text: str, base: str, q) -> Iterator[Quad]:
    a = _n(terms.entity_mention_iri(doc_iri.value, m.start, m.end))
    yield q(a, _A, _n(CG.EntityMention))
    yield q(a, _A, _n(OA.Annotation))
    yield q(a, OA.hasBody, _n(terms.entity_iri(base, m.entity)))
    yield q(a, CG.mentionKind, Literal(m.kind))
    yield from _selectors(a, doc_iri, text, m.start, m.end, q)


def _object_term(arg: Argument, base: str):
    if arg.entity:
        return _n(terms.entity_iri(base, arg.entity))
    return Literal(_SPACE.sub(" ", arg.text).strip())


def _label(arg: Argument | None, entities: dict[str, Entity]) -> str:
    if arg is None:
        return ""
    if arg.entity and arg.entity in entities:
        return entities[arg.entity].label
    return _SPACE.sub(" ", arg.text).strip()


def _claim_quads(
    claim: Claim, doc_iri: NamedNode, publisher: NamedNode, text: str, base: str, q, entities, relations: set[str]
) -> Iterator[Quad]:
    c_iri, key = claim_identity(base, claim)
    c = _n(c_iri)
    subject = _n(terms.entity_iri(base, claim.subject.entity or claim.subject.text))
    rel = _n(terms.relation_iri(base, claim.relation))
    if claim.relation not in relations:
        relations.add(claim.relation)
        yield q(rel, _A, _n(CG.Relation))
        yield q(rel, RDFS.label, Literal(claim.relation))
    obj = _object_term(claim.object, base) if claim.object is not None else _TRUE
    yield q(c, _A, _n(CG.Claim))
    yield q(c, RDF.subject, subject)
    yield q(c, RDF.predicate, rel)
    yield q(c, RDF.object, obj)
    readable = " ".join(p for p in (_label(claim.subject, entities), claim.relation, _label(claim.object, entities)) if p)
    yield q(c, SCHEMA.text, Literal(readable))
    yield q(subject, rel, obj)
    if claim.quantity is not None:
        qty = claim.quantity
        yield q(c, CG.quantity, _int(int(qty.value)) if float(qty.value).is_integer() else _decimal(qty.value))
        if qty.unit:
            yield q(c, CG.unit, Literal(qty.unit))
        if qty.approximate:
            yield q(c, CG.approximate, _bool(True))
        if qty.lower_bound:
            yield q(c, CG.lowerBound, _bool(True))
        if qty.upper_bound:
            yield q(c, CG.upperBound, _bool(True))
    if claim.time is not None:
        typed = typed_time(claim.time.value)
        if typed is not None:
            yield q(c, CG.time, typed)
        yield q(c, CG.timeText, Literal(claim.time.text))
    if claim.location:
        yield q(c, CG.location, _n(terms.entity_iri(base, claim.location)))
    for arg in claim.arguments:
        yield q(c, CG.argument, _object_term(arg, base))

    start, end = claim.sentence
    m = _n(terms.claim_mention_iri(doc_iri.value, start, end, key))
    yield q(m, _A, _n(CG.ClaimMention))
    yield q(m, _A, _n(OA.Annotation))
    yield q(m, _A, _n(PROV.Entity))
    yield q(m, OA.hasBody, c)
    speaker = _n(terms.entity_iri(base, claim.speaker)) if claim.speaker else publisher
    yield q(m, PROV.wasAttributedTo, speaker)
    if claim.cue:
        yield q(m, CG.cue, Literal(claim.cue))
    yield q(m, CG.certainty, _n(_CERTAINTY[claim.certainty]))
    yield q(m, CG.polarity, _n(_POLARITY[claim.polarity]))
    yield q(m, CG.confidence, _decimal(round(max(0.0, min(1.0, claim.confidence)), 4)))
    if claim.rule:
        yield q(m, CG.rule, Literal(claim.rule))
    if claim.relation_text:
        yield q(m, CG.relationText, Literal(claim.relation_text))
    yield from _selectors(m, doc_iri, text, start, end, q)
    # The same span on the mention itself (a shortcut: one pattern per value instead of the target and its
    # two selectors), so the evidence query reads it without four joins over every mention's target.
    yield q(m, CG.start, _int(start))
    yield q(m, CG.end, _int(end))
    yield q(m, CG.exact, Literal(text[start:end]))


