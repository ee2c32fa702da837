"""Entities and their mentions within one document.

spaCy's named entities are grouped into document-level entities keyed by their
canonical (longest, cleaned) name; a short form ("Kim", "Hong") joins the most
recent preceding full name that contains it, so surname-only mentions land on the
person they mean. Pronouns (he/she/his/her) point to the most recent person.
Noun phrases that are not named entities become ``Thing`` entities keyed by their
normalised text, so that every claim argument can be a node of the graph.

>>> clean_name("the Korea Herald's")
'Korea Herald'
>>> ENT_TYPES["GPE"]
'Place'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.model import Entity, EntityMention, EntityType

__all__ = ["ENT_TYPES", "EntityIndex", "clean_name", "index_entities", "phrase_key"]

#: spaCy NER label -> claimgraph entity type; labels not listed (DATE, CARDINAL, ...) are values, not entities.
ENT_TYPES: dict[str, EntityType] = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "NORP": "Group",
    "EVENT": "Event",
    "WORK_OF_ART": "Work",
    "PRODUCT": "Product",
    "LAW": "Work",
}
_PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
_LEADING = re.compile(r"^(the|a|an)\s+", re.I)
_TRAILING = re.compile(r"(['’]s|['’])$")
_DROP_DEPS = {"det", "poss", "nummod", "quantmod", "predet", "punct", "case"}


def clean_name(text: str) -> str:
    """Strip a leading article, a possessive ending and surrounding punctuation."""
    text = " ".join(text.split()).strip(" \t\"'“”‘’.,;:")
    text = _LEADING.sub("", text)
    return _TRAILING.sub("", text).strip()


def phrase_key(span: Span) -> str:
    """Normalised key of a common noun phrase: no determiners or numbers, head lemmatised.

    "the six coffins" and "a coffin" share the key "coffin".
    """
    root = span.root
    words = []
    for tok in span:
        if tok.dep_ in _DROP_DEPS or tok.like_num or tok.is_punct or (tok.i < root.i and tok.tag_ in {"JJS", "JJR"} and False):
            continue
        if tok.head.dep_ in {"nummod", "quantmod"} and tok.i < root.i and tok.head.i != root.i:
            continue
        words.append(tok.lemma_.lower() if tok.i == root.i else tok.text.lower() if not tok.ent_type_ else tok.text)
    return " ".join(words) or root.lemma_.lower()


@dataclass
class EntityIndex:
    """The entities of one document and which tokens belong to which of them.

    ``by_token`` maps ``(chunk, token index)`` to an entity key.
    """

    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[EntityMention] = field(default_factory=list)
    by_token: dict[tuple[int, int], str] = field(default_factory=dict)

    def entity_of(self, chunk: int, span: Span) -> str | None:
        """The entity the phrase ``span`` refers to: that of its root, else of any of its tokens."""
        key = self.by_token.get((chunk, span.root.i))
        if key is not None:
            return key
        for tok in span:
            if tok.head.i == span.root.i and (chunk, tok.i) in self.by_token and tok.dep_ in {"compound", "appos"}:
                return self.by_token[(chunk, tok.i)]
        return None

    def add(self, key: str, label: str, etype: EntityType, alias: str | None = None) -> None:
        old = self.entities.get(key)
        aliases = set(old.aliases) if old else set()
        if alias and alias != label:
            aliases.add(alias)
        if old is not None:
            etype = old.type if old.type != "Thing" else etype
            label = old.label
        self.entities[key] = Entity(key=key, label=label, type=etype, aliases=tuple(sorted(aliases)))


def index_entities(chunks: list[tuple[Doc, int]]) -> EntityIndex:
    """Group the named entities of a document's chunks ``(Doc, char offset)`` into entities."""
    index = EntityIndex()
    full_names: list[tuple[str, str, EntityType]] = []  # (key, label, type) of multi-word names, in text order
    last_person: str | None = None
    for c, (doc, offset) in enumerate(chunks):
        ents = {tok.i: ent for ent in doc.ents for tok in ent}
        for tok in doc:
            ent = ents.get(tok.i)
            if ent is not None and tok.i == ent.start and ent.label_ in ENT_TYPES:
                name = clean_name(ent.text)
                if not name:
                    continue
                etype = ENT_TYPES[ent.label_]
                key = _link_short_name(name, etype, full_names) or name
                if key == name and len(name.split()) > 1:
                    full_names.append((key, name, etype))
                index.add(key, key, etype, alias=name)
                for t in ent:
                    index.by_token[(c, t.i)] = key
                index.mentions.append(
                    EntityMention(key, offset + ent.start_char, offset + ent.end_char, ent.text, "name")
                )
                if index.entities[key].type == "Person":
                    last_person = key
            elif ent is None and tok.lower_ in _PERSON_PRONOUNS and tok.pos_ == "PRON" and last_person:
                index.by_token[(c, tok.i)] = last_person
                index.mentions.append(
                    EntityMention(last_person, offset + tok.idx, offset + tok.idx + len(tok), tok.text, "pronoun")
                )
    return index


def _link_short_name(name: str, etype: EntityType, full_names: list[tuple[str, str, EntityType]]) -> str | None:
    """A one-word name that is a word of a preceding multi-word name of a compatible type joins it."""
    if len(name.split()) != 1:
        return None
    word = name.casefold()
    for key, label, other in reversed(full_names):
        if word in (w.casefold() for w in re.split(r"[\s-]+", label)) and (other == etype or "Person" in (other, etype)):
            return key
    return None


def is_pronoun(tok: Token) -> bool:
    return tok.pos_ == "PRON"
