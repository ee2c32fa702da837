"""Helpers for small hand-made stores in the resolve tests, written through the public RDF model.

Each document is a :class:`kg.model.Extraction` made by hand (no spaCy) and converted with
:func:`kg.rdf.convert.extraction_to_quads`, so the store holds exactly what `kg build`
would write for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pyoxigraph import NamedNode

from kg.model import Argument, Claim, Document, Entity, EntityMention, Extraction, Quantity, TimeValue
from kg.rdf import terms
from kg.rdf.convert import extraction_to_quads
from kg.resolve import resolve
from kg.store import Store

BASE = "http://ex.org/"


@dataclass
class Doc:
    """A document under construction: text grows as entities and claims are added."""

    publisher: str
    name: str = "doc"
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[EntityMention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    text: str = ""

    def __post_init__(self) -> None:
        self.text = f"{self.name} by {self.publisher}. "  # two documents never share a text (nor an IRI)

    def _span(self, words: str) -> tuple[int, int]:
        start = len(self.text)
        self.text += words + ". "
        return start, start + len(words)

    def entity(self, label: str, type_: str = "Person", *aliases: str, key: str | None = None) -> str:
        key = key or label
        old = self.entities.get(key)
        alias_set = tuple(sorted(set(aliases) | set(old.aliases if old else ())))
        self.entities[key] = Entity(key, label, type_, alias_set)
        start, end = self._span(label)
        self.mentions.append(EntityMention(key, start, end, label, "name"))
        return key

    def describe(self, key: str, words: str) -> None:
        """A common-noun mention (``"nominal"``) of the entity ``key`` ("the climber" for a person)."""
        start, end = self._span(words)
        self.mentions.append(EntityMention(key, start, end, words, "nominal"))

    def claim(self, subject: str, relation: str, obj: str | None = None, *, literal: str | None = None,
              quantity: Quantity | None = None, time: str | None = None, speaker: str | None = None,
              polarity: str = "positive") -> None:
        sentence = self._span(f"{subject} {relation} {obj or literal}")
        s = Argument(subject, sentence[0], sentence[0] + 1, entity=subject)
        o = Argument(obj, sentence[0], sentence[0] + 1, entity=obj) if obj else Argument(literal or "", *sentence)
        self.claims.append(Claim(
            subject=s, relation=relation, object=o, sentence=sentence, quantity=quantity,
            time=TimeValue(time, time) if time else None, speaker=speaker, polarity=polarity,
            cue="reports" if speaker else None,
        ))

    def extraction(self) -> Extraction:
        document = Document(text=self.text, source=f"{self.name}.txt", publisher=self.publisher)
        return Extraction(document, ((0, len(document.text)),), tuple(self.entities.values()),
                          tuple(self.mentions), tuple(self.claims))


def papers(*publishers: str, shared: Iterable[tuple[str, str]] = ()) -> list[Doc]:
    """One document per publisher, named "a", "b", ... in order, each first naming the ``shared`` (label, type).

    Resolution compares common nouns only within a story, found by the named entities documents share: naming
    the same ``shared`` entities in every document makes them one story.
    """
    docs = [Doc(publisher, chr(ord("a") + n)) for n, publisher in enumerate(publishers)]
    for doc in docs:
        for label, type_ in shared:
            doc.entity(label, type_)
    return docs


def articles(*entities: tuple[str, str, str, str], shared: Iterable[tuple[str, str]] = ()) -> list[Doc]:
    """One document per entity, published by "Paper0", "Paper1", ... and named "a", "b", ..., each first naming
    the ``shared`` (label, type) entities (see :func:`papers`), then its own entity.

    Each entity is (preferred label, type, written label, key), as for :meth:`Doc.entity`: the key is the entity
    the test asks about (``"protesters #a"``), the written label what the document wrote of it
    (``"the protesters"``) and the preferred label the key a build would give it (``"protester"``).
    """
    docs = papers(*(f"Paper{n}" for n in range(len(entities))), shared=tuple(shared))
    for doc, (pref, type_, written, key) in zip(docs, entities):
        doc.entity(pref, type_, written, key=key)
    return docs


def load(store: Store, *docs: Doc) -> list[str]:
    """Put each document's graph in the store; return the document IRIs."""
    iris = []
    for doc in docs:
        ex = doc.extraction()
        iri = terms.document_iri(BASE, ex.document.sha256)
        store.replace_graph(NamedNode(iri), extraction_to_quads(ex, BASE))
        iris.append(iri)
    return iris


def resolve_with_nouns(store: Store, docs: list[Doc], *nouns: Iterable[tuple[str, str]]) -> None:
    """Give each of ``docs`` its own common nouns, load them all and resolve the store.

    ``nouns`` holds one list per document, in order, of (written label, key): each becomes an entity of type
    ``Thing`` labelled as written, which the test then asks about by its key (``("the blaze", "blaze #a")``).
    Make ``docs`` with :func:`papers` and shared entities, so that the nouns are compared within one story.
    """
    for doc, specs in zip(docs, nouns, strict=True):
        for label, key in specs:
            doc.entity(label, "Thing", key=key)
    load(store, *docs)
    resolve(store, BASE)


def eid(key: str) -> str:
    return terms.entity_iri(BASE, key)


def same_as(store: Store, base: str = BASE) -> set[tuple[str, str]]:
    """owl:sameAs pairs of the resolution graph of ``base``, as entity keys' IRIs."""
    g = terms.resolution_graph_iri(base)
    return {(r["a"].value, r["b"].value)
            for r in store.select(f"SELECT ?a ?b WHERE {{ GRAPH <{g}> {{ ?a owl:sameAs ?b }} }}")}


def clusters(store: Store, base: str = BASE) -> dict[str, str]:
    """Entity IRI -> representative (the least IRI) of its owl:sameAs component, in the resolution graph of
    ``base`` (a store built under another base IRI, such as the seeds' build, passes its own)."""
    parent: dict[str, str] = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            x = parent[x]
        return x

    for a, b in same_as(store, base):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {x: find(x) for x in parent}


def merged(store: Store, a: str, b: str) -> bool:
    c = clusters(store)
    ia, ib = eid(a), eid(b)
    return ia == ib or (ia in c and ib in c and c[ia] == c[ib])

