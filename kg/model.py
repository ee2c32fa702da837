"""Plain records passed between the stages of the data flow.

Every stage talks in these frozen dataclasses, never in dicts and never in spaCy
``Token``/``Span`` objects: offsets are code points into :attr:`Document.text`, so a
claim outlives the ``Doc`` it came from and can be pickled to another process or a
Ray worker.

    ingest  -> Document
    extract -> Extraction(document, sentences, entities, mentions, claims)
    rdf     -> quads (one named graph per document)

>>> doc = Document(text="Kim said so.", source="a.txt")
>>> doc.sha256[:12]
'46f1f44d2e79'
>>> doc.body
((0, 12),)
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

__all__ = [
    "Argument",
    "Certainty",
    "Claim",
    "Document",
    "Entity",
    "EntityMention",
    "EntityType",
    "Extraction",
    "MentionKind",
    "Polarity",
    "Quantity",
    "TimeValue",
]

#: Entity types claimgraph knows; each maps to a schema.org class in ``kg.rdf``.
EntityType = Literal[
    "Person", "Organization", "NewsOrganization", "Place", "Group", "Event", "Work", "Product", "Thing"
]
Certainty = Literal["certain", "probable", "possible"]
Polarity = Literal["positive", "negative"]
MentionKind = Literal["name", "pronoun", "nominal"]


@dataclass(frozen=True)
class Document:
    """One article, as read by ``kg.ingest``.

    ``text`` is the text every offset points into (for HTML, the extracted main
    text). ``body`` lists the ``(start, end)`` spans that are article content; page
    furniture (comments, "Leave a Reply", metadata lines) lies outside them and is
    never parsed. An empty ``body`` means the whole text.
    """

    text: str
    source: str
    title: str | None = None
    publisher: str | None = None
    issued: str | None = None  # ISO 8601 date, when known
    url: str | None = None
    language: str | None = None
    body: tuple[tuple[int, int], ...] = ()
    modified: str | None = None  # ISO 8601 date the page says it was last updated, when known

    def __post_init__(self) -> None:
        if not self.body:
            object.__setattr__(self, "body", ((0, len(self.text)),))
        for start, end in self.body:
            if not 0 <= start <= end <= len(self.text):
                raise ValueError(f"body span ({start}, {end}) is outside the text of {self.source}")

    @cached_property
    def sha256(self) -> str:
        """Hex SHA-256 of the UTF-8 text: the document's identity."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Entity:
    """A thing the document talks about, named by its canonical label.

    ``key`` is the normalised canonical name that the entity IRI is minted from,
    so the same key in two documents is the same entity.
    """

    key: str
    label: str
    type: EntityType = "Thing"
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class EntityMention:
    """One place in the text that refers to an entity (a name, a pronoun, a description)."""

    entity: str  # Entity.key
    start: int
    end: int
    text: str
    kind: MentionKind = "name"


@dataclass(frozen=True)
class Quantity:
    """A number read from the text: "about 15,000" is ``Quantity(15000, approximate=True)``."""

    value: float
    text: str
    unit: str | None = None
    approximate: bool = False
    lower_bound: bool = False  # "over 4,700", "at least 10"
    upper_bound: bool = False  # "under 50", "up to 10"


@dataclass(frozen=True)
class TimeValue:
    """A time expression; ``value`` is ISO 8601 (a date, a month, a year) when it could be normalised."""

    text: str
    value: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Argument:
    """A subject, object or extra argument of a claim: its surface text and offsets.

    ``entity`` is the key of the :class:`Entity` the argument refers to; when it is
    ``None`` the argument is a literal (a phrase, a number, a clause).
    """

    text: str
    start: int
    end: int
    entity: str | None = None
    role: str | None = None  # for extra arguments: "time", "location", or the preposition


@dataclass(frozen=True)
class Claim:
    """One claim stated by one sentence of one document (a ClaimMention in RDF terms).

    ``relation`` is the normalised predicate ("send to", "pay tribute to", "be");
    ``relation_text`` is the predicate as written ("has reportedly sent"). ``speaker``
    is the key of the entity the claim is attributed to; ``None`` means the article's
    publisher speaks for itself.
    """

    subject: Argument
    relation: str
    object: Argument | None
    sentence: tuple[int, int]
    relation_text: str = ""
    arguments: tuple[Argument, ...] = ()
    speaker: str | None = None
    cue: str | None = None
    certainty: Certainty = "certain"
    polarity: Polarity = "positive"
    quantity: Quantity | None = None
    time: TimeValue | None = None
    location: str | None = None  # Entity.key
    confidence: float = 0.5
    rule: str = ""  # which extraction rule produced it: explains the confidence


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document: a pure function of (document, settings)."""

    document: Document
    sentences: tuple[tuple[int, int], ...] = ()
    entities: tuple[Entity, ...] = ()
    mentions: tuple[EntityMention, ...] = ()
    claims: tuple[Claim, ...] = ()
    warnings: tuple[str, ...] = field(default=())
