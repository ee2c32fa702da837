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
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import PurePath
from urllib.parse import urlparse

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse

from kg.model import Argument, Claim, Document, Entity, EntityMention, Extraction, Quantity
from kg.rdf import terms
from kg.rdf import namespaces as _ns

__all__ = [
    "ENTITY_CLASSES",
    "Statements",
    "document_nquads",
    "document_statements",
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

    ``_Nodes(RDFS).label`` is the node of ``rdfs:label``.

    >>> _Nodes(_ns.RDFS).label.value
    'http://www.w3.org/2000/01/rdf-schema#label'
    """

    def __init__(self, namespace) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> NamedNode:
        node = NamedNode(str(getattr(self._namespace, name)))
        setattr(self, name, node)
        return node


class _Texts:
    """The terms of one namespace as their N-Triples text (``<iri>``), each written once by pyoxigraph.

    Why: the conversion writes each statement as a line of text, and a document has
    thousands; writing a term object into a line (``str`` of a ``NamedNode``, through
    ``format``) cost ten times what joining strings costs, and a vocabulary term's text
    never changes.

    >>> _Texts(_ns.RDFS).label
    '<http://www.w3.org/2000/01/rdf-schema#label>'
    """

    def __init__(self, namespace) -> None:
        self._nodes = _Nodes(namespace)

    def __getattr__(self, name: str) -> str:
        text = str(getattr(self._nodes, name))
        setattr(self, name, text)
        return text


# In this module the vocabulary names are tables of N-Triples texts (see _Texts).
CG, DCTERMS, OA, PROV, RDF, RDFS, SCHEMA, SKOS, XSD = map(
    _Texts, (_ns.CG, _ns.DCTERMS, _ns.OA, _ns.PROV, _ns.RDF, _ns.RDFS, _ns.SCHEMA, _ns.SKOS, _ns.XSD)
)
_SCHEMA_NODES, _XSD_NODES = _Nodes(_ns.SCHEMA), _Nodes(_ns.XSD)

#: claimgraph entity type -> schema.org class
ENTITY_CLASSES = {
    "Person": _SCHEMA_NODES.Person,
    "Organization": _SCHEMA_NODES.Organization,
    "NewsOrganization": _SCHEMA_NODES.NewsMediaOrganization,
    "Place": _SCHEMA_NODES.Place,
    "Group": _SCHEMA_NODES.Organization,
    "Event": _SCHEMA_NODES.Event,
    "Work": _SCHEMA_NODES.CreativeWork,
    "Product": _SCHEMA_NODES.Product,
    "Thing": _SCHEMA_NODES.Thing,
}
_CLASS_TEXTS = {kind: str(node) for kind, node in ENTITY_CLASSES.items()}
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


def _iri(value: str) -> str:
    """The N-Triples text of the IRI ``value``: pyoxigraph checks it (ValueError when it is no IRI).

    The text is the IRI as given between angle brackets, which is what ``str`` of the ``NamedNode``
    writes (a valid IRI needs no escape, and pyoxigraph keeps it as given), without asking for it.

    >>> iri = "http://ex.org/caf\u00e9/a%20b?q=1#f"
    >>> _iri(iri) == str(NamedNode(iri))
    True
    """
    NamedNode(value)
    return f"<{value}>"


@lru_cache(maxsize=1 << 16)
def _entity(base: str, key: str) -> str:
    """The N-Triples text of the entity IRI of ``key``. Cached: a document names its entities again in every
    mention and claim, and the corpus names the same entities in many documents."""
    return _iri(terms.entity_iri(base, key))


@lru_cache(maxsize=1 << 14)
def _text(value: str) -> str:
    """The N-Triples text of a plain string literal, written (escaped) by pyoxigraph. Cached: a document
    quotes the same names, labels and kinds many times (about three calls in four repeat a text)."""
    return str(Literal(value))


_A = RDF.type
_XSD_INT = NamedNode(str(_ns.XSD.integer))
_XSD_DEC = NamedNode(str(_ns.XSD.decimal))
_XSD_BOOL = NamedNode(str(_ns.XSD.boolean))


@lru_cache(maxsize=1 << 16, typed=True)  # typed: True is no integer here, though True == 1
def _int(value: int) -> str:
    """The N-Triples text of ``value`` as an ``xsd:integer``. Cached: offsets and counts repeat."""
    return str(Literal(str(value), datatype=_XSD_INT))


@lru_cache(maxsize=1 << 12)
def _decimal(value: float) -> str:
    """The N-Triples text of ``value`` as an ``xsd:decimal``. Cached: a corpus has few confidences."""
    d = Decimal(repr(float(value))).normalize()
    text = format(d, "f")
    return str(Literal(text if "." in text else text + ".0", datatype=_XSD_DEC))


#: ``xsd:boolean`` true: the object of a one-place claim ("talks have collapsed": talks | collapse | true).
_TRUE = str(Literal("true", datatype=_XSD_BOOL))


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
        return Literal(value, datatype=_XSD_NODES.date)
    if _YEAR_MONTH.match(value):
        return Literal(value, datatype=_XSD_NODES.gYearMonth)
    if _YEAR.match(value):
        return Literal(value, datatype=_XSD_NODES.gYear)
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
    """All quads of one document, in its own named graph (:func:`_lines` read back by pyoxigraph)."""
    graph = _iri(terms.document_iri(base, extraction.document.sha256))
    lines, _ = _lines(extraction, base)
    end = f" {graph} .\n"
    return list(parse(end.join(lines) + end, format=RdfFormat.N_QUADS))


def document_quads(extraction: Extraction, base: str) -> list[Quad]:
    """The quads of one document's graph: the extraction plus the document's sentence count."""
    return list(parse(document_nquads(extraction, base), format=RdfFormat.N_QUADS))


def seal_quads(document: Document, base: str, sentences: int) -> list[Quad]:
    """The quads that complete a document's graph: its ``cg:sha256`` and ``cg:sentenceCount``.

    :func:`document_quads` includes them; a huge document extracted window by
    window gets them once, after its last window, so that a graph holding its
    ``cg:sha256`` is always complete (see :mod:`kg.store`).

    >>> doc = Document(text="Kim spoke.", source="a.txt")
    >>> sorted(q.predicate.value.rsplit("#")[-1] for q in seal_quads(doc, "http://ex.org/", 1))
    ['sentenceCount', 'sha256']
    """
    d = NamedNode(terms.document_iri(base, document.sha256))
    cg = _Nodes(_ns.CG)
    count = Literal(str(sentences), datatype=_XSD_INT)
    return [Quad(d, cg.sha256, Literal(document.sha256), d), Quad(d, cg.sentenceCount, count, d)]


@dataclass(frozen=True)
class Statements:
    """The statements of one document's graph as N-Triples texts, as the conversion wrote them.

    Why: a build needs them twice, as the graph's N-Quads (for the store) and as its export
    piece (:func:`kg.export.formats.statements_piece`); reading the N-Quads text back to make
    the piece cost a quarter of the piece. ``lines`` are ``"s p o"`` (the three terms'
    N-Triples texts, no ``" ."``) in the order written, duplicates kept; ``typed`` holds every
    object that is a typed literal, the only terms a store may write back in another form
    (``"15.0"^^xsd:decimal`` as ``"15"``): IRIs and plain strings are written by pyoxigraph's
    own term writer, which is what a store's dump uses.
    """

    graph: str  #: the graph's (the document's) IRI as N-Triples text
    lines: list[str]
    typed: set[str]

    def nquads(self) -> bytes:
        """The statements as an N-Quads document, each line in :attr:`graph`."""
        end = f" {self.graph} .\n"
        return (end.join(self.lines) + end).encode("utf-8")


def document_statements(extraction: Extraction, base: str) -> Statements:
    """:func:`document_quads` as :class:`Statements`: written as text, without making ``Quad`` objects.

    Why: a document has thousands of quads, and building a ``Quad`` per statement and then
    serializing it cost more than the rest of the conversion. Each term is written by
    pyoxigraph itself (``str`` of a term is its N-Triples form) once, and the lines join
    those texts, so the text is what pyoxigraph's N-Quads writer gives for the quads.
    """
    doc = _iri(terms.document_iri(base, extraction.document.sha256))
    lines, typed = _lines(extraction, base)
    count = _int(len(extraction.sentences))
    lines.append(f"{doc} {CG.sentenceCount} {count}")
    typed.add(count)
    return Statements(doc, lines, typed)


def document_nquads(extraction: Extraction, base: str) -> bytes:
    """:func:`document_quads` as an N-Quads document (:meth:`Statements.nquads` of :func:`document_statements`).

    >>> from kg.model import Document, Extraction
    >>> ex = Extraction(Document(text="Kim spoke.", source="a.txt", publisher="Daily"))
    >>> import pyoxigraph as ox
    >>> data = document_nquads(ex, "http://ex.org/")
    >>> ox.serialize(ox.parse(data, format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS) == data
    True
    """
    return document_statements(extraction, base).nquads()


def _lines(ex: Extraction, base: str) -> tuple[list[str], set[str]]:
    """The statements of one document as ``"s p o"`` lines of N-Triples texts, and the typed literal objects
    among them (see :class:`Statements`): ``q`` writes a statement, ``qt`` one whose object is a typed literal."""
    lines: list[str] = []
    typed: set[str] = set()
    add, add_typed = lines.append, typed.add

    def q(s: str, p: str, o: str) -> None:
        add(f"{s} {p} {o}")

    def qt(s: str, p: str, o: str) -> None:
        add_typed(o)
        add(f"{s} {p} {o}")

    doc = ex.document
    d_iri = terms.document_iri(base, doc.sha256)
    d = _iri(d_iri)

    # the document and its publisher: named, or one of its own (every document has one, so the sources
    # of a claim are counted by publisher and every mention is attributed, as DESIGN.md's queries expect)
    pub_label = publisher_label(doc)
    if pub_label:
        pub = _entity(base, pub_label)
    else:
        pub = _iri(terms.unknown_publisher_iri(d_iri))
        pub_label = f"unknown publisher of {clean_text(doc.source)}"
    q(d, _A, SCHEMA.NewsArticle)
    q(d, CG.sha256, _text(doc.sha256))
    q(d, DCTERMS.source, _text(clean_text(doc.source)))
    q(d, DCTERMS.publisher, pub)
    if doc.title:
        q(d, DCTERMS.title, _text(clean_text(doc.title)))
    if doc.issued:
        qt(d, DCTERMS.issued, str(typed_time(doc.issued) or Literal(doc.issued)))
    if doc.modified:
        qt(d, DCTERMS.modified, str(typed_time(doc.modified) or Literal(doc.modified)))
    if doc.url:
        qt(d, SCHEMA.url, str(Literal(clean_text(doc.url), datatype=_XSD_NODES.anyURI)))
    if doc.language:
        q(d, DCTERMS.language, _text(doc.language))
    q(pub, _A, CG.Entity)
    q(pub, _A, SCHEMA.NewsMediaOrganization)
    q(pub, SKOS.prefLabel, _text(pub_label))

    entities = {e.key: e for e in ex.entities}
    for entity in ex.entities:
        _entity_lines(entity, base, q)
    for mention in ex.mentions:
        _mention_lines(mention, d_iri, d, doc.text, base, q, qt)

    relations: set[str] = set()
    for claim in ex.claims:
        _claim_lines(claim, d_iri, d, pub, doc.text, base, q, qt, entities, relations)
    return lines, typed


def _entity_lines(entity: Entity, base: str, q) -> None:
    e = _entity(base, entity.key)
    q(e, _A, CG.Entity)
    q(e, _A, _CLASS_TEXTS.get(entity.type, SCHEMA.Thing))
    q(e, SKOS.prefLabel, _text(entity.label))
    for alias in entity.aliases:
        if alias != entity.label:
            q(e, SKOS.altLabel, _text(alias))


def _selectors(annotation_iri: str, annotation: str, doc: str, text: str, start: int, end: int, q, qt) -> None:
    t = _iri(terms.target_iri(annotation_iri))
    pos = _iri(terms.position_selector_iri(annotation_iri))
    quote = _iri(terms.quote_selector_iri(annotation_iri))
    q(annotation, OA.hasTarget, t)
    q(t, _A, OA.SpecificResource)
    q(t, OA.hasSource, doc)
    q(t, OA.hasSelector, pos)
    q(t, OA.hasSelector, quote)
    q(pos, _A, OA.TextPositionSelector)
    qt(pos, OA.start, _int(start))  # xsd:integer, as the store keeps any integer type (DESIGN.md)
    qt(pos, OA.end, _int(end))
    q(quote, _A, OA.TextQuoteSelector)
    q(quote, OA.exact, _text(text[start:end]))


def _mention_lines(m: EntityMention, doc_iri: str, doc: str, text: str, base: str, q, qt) -> None:
    a_iri = terms.entity_mention_iri(doc_iri, m.start, m.end)
    a = _iri(a_iri)
    q(a, _A, CG.EntityMention)
    q(a, _A, OA.Annotation)
    q(a, OA.hasBody, _entity(base, m.entity))
    q(a, CG.mentionKind, _text(m.kind))
    _selectors(a_iri, a, doc, text, m.start, m.end, q, qt)


def _object_term(arg: Argument, base: str) -> str:
    if arg.entity:
        return _entity(base, arg.entity)
    return _text(_SPACE.sub(" ", arg.text).strip())


def _label(arg: Argument | None, entities: dict[str, Entity]) -> str:
    if arg is None:
        return ""
    if arg.entity and arg.entity in entities:
        return entities[arg.entity].label
    return _SPACE.sub(" ", arg.text).strip()


def _claim_lines(
    claim: Claim, doc_iri: str, doc: str, publisher: str, text: str, base: str, q, qt, entities, relations: set[str]
) -> None:
    c_iri, key = claim_identity(base, claim)
    c = _iri(c_iri)
    subject = _entity(base, claim.subject.entity or claim.subject.text)
    rel = _iri(terms.relation_iri(base, claim.relation))
    if claim.relation not in relations:
        relations.add(claim.relation)
        q(rel, _A, CG.Relation)
        q(rel, RDFS.label, _text(claim.relation))
    obj = _object_term(claim.object, base) if claim.object is not None else _TRUE
    q_obj = q if claim.object is not None else qt
    q(c, _A, CG.Claim)
    q(c, RDF.subject, subject)
    q(c, RDF.predicate, rel)
    q_obj(c, RDF.object, obj)
    readable = " ".join(p for p in (_label(claim.subject, entities), claim.relation, _label(claim.object, entities)) if p)
    q(c, SCHEMA.text, _text(readable))
    q_obj(subject, rel, obj)
    if claim.quantity is not None:
        qty = claim.quantity
        qt(c, CG.quantity, _int(int(qty.value)) if float(qty.value).is_integer() else _decimal(qty.value))
        if qty.unit:
            q(c, CG.unit, _text(qty.unit))
        if qty.approximate:
            qt(c, CG.approximate, _TRUE)
        if qty.lower_bound:
            qt(c, CG.lowerBound, _TRUE)
        if qty.upper_bound:
            qt(c, CG.upperBound, _TRUE)
    if claim.time is not None:
        typed = typed_time(claim.time.value)
        if typed is not None:
            qt(c, CG.time, str(typed))
        q(c, CG.timeText, _text(claim.time.text))
    if claim.location:
        q(c, CG.location, _entity(base, claim.location))
    for arg in claim.arguments:
        q(c, CG.argument, _object_term(arg, base))

    start, end = claim.sentence
    m_iri = terms.claim_mention_iri(doc_iri, start, end, key)
    m = _iri(m_iri)
    q(m, _A, CG.ClaimMention)
    q(m, _A, OA.Annotation)
    q(m, _A, PROV.Entity)
    q(m, OA.hasBody, c)
    speaker = _entity(base, claim.speaker) if claim.speaker else publisher
    q(m, PROV.wasAttributedTo, speaker)
    if claim.cue:
        q(m, CG.cue, _text(claim.cue))
    q(m, CG.certainty, _CERTAINTY[claim.certainty])
    q(m, CG.polarity, _POLARITY[claim.polarity])
    qt(m, CG.confidence, _decimal(round(max(0.0, min(1.0, claim.confidence)), 4)))
    if claim.rule:
        q(m, CG.rule, _text(claim.rule))
    if claim.relation_text:
        q(m, CG.relationText, _text(claim.relation_text))
    _selectors(m_iri, m, doc, text, start, end, q, qt)
    # The same span on the mention itself (a shortcut: one pattern per value instead of the target and its
    # two selectors), so the evidence query reads it without four joins over every mention's target.
    qt(m, CG.start, _int(start))
    qt(m, CG.end, _int(end))
    q(m, CG.exact, _text(text[start:end]))
