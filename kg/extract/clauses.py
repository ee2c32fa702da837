"""Clause extraction over spaCy's dependency parse (first version).

One :class:`Clause` per verb with a subject: subject, relation (verb plus
particles and a folded preposition), object, extra prepositional arguments.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

__all__ = ["Clause", "extract_clauses"]

_SUBJ = {"nsubj", "nsubjpass", "csubj"}
_OBJ = {"dobj", "attr", "oprd", "dative"}
_CLAUSE_LINKS = {"conj", "ccomp", "xcomp", "advcl", "relcl", "acl"}


@dataclass(frozen=True)
class Clause:
    head: int
    subject: tuple[int, int] | None
    relation: tuple[int, ...]
    lemma: str
    object: tuple[int, int] | None
    extras: tuple[tuple[str, tuple[int, int]], ...] = ()
    negated: bool = False
    confidence: float = 0.5
    rule: str = ""


def _span(tok: Token) -> tuple[int, int]:
    left, right = tok.left_edge.i, tok.right_edge.i + 1
    # do not swallow trailing punctuation or a relative clause's comma
    while right - 1 > left and tok.doc[right - 1].is_punct:
        right -= 1
    return left, right


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJ:
            return child
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        return _subject(verb.head)
    if verb.dep_ == "xcomp":
        return _subject(verb.head)
    if verb.dep_ == "relcl":
        return verb.head
    return None


def extract_clauses(sent: Span, *, min_confidence: float = 0.0) -> Iterator[Clause]:
    """Yield the clauses of one sentence."""
    for verb in sent:
        if verb.pos_ not in {"VERB", "AUX"} or (verb.pos_ == "AUX" and verb.dep_ not in {"ROOT", "conj", "ccomp", "relcl"}):
            continue
        if verb.dep_ in {"aux", "auxpass"}:
            continue
        subj = _subject(verb)
        if subj is None:
            continue
        relation = [t.i for t in verb.children if t.dep_ in {"aux", "auxpass", "neg", "prt"} and t.i < verb.i + 3]
        relation.append(verb.i)
        lemma = [verb.lemma_.lower()]
        lemma += [t.lemma_.lower() for t in verb.children if t.dep_ == "prt"]
        obj = next((c for c in verb.children if c.dep_ in _OBJ), None)
        extras = []
        for prep in (c for c in verb.children if c.dep_ in {"prep", "agent"}):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            if obj is None:
                obj = pobj
                relation.append(prep.i)
                lemma.append(prep.lemma_.lower())
            else:
                extras.append((prep.lemma_.lower(), _span(pobj)))
        negated = any(c.dep_ == "neg" for c in verb.children)
        score = 0.4 + (0.3 if obj is not None else 0.0) + (0.1 if subj.dep_.startswith("nsubj") else 0.0)
        if score < min_confidence:
            continue
        yield Clause(
            head=verb.i,
            subject=_span(subj) if verb.dep_ != "relcl" else (subj.i, subj.i + 1),
            relation=tuple(sorted(relation)),
            lemma=" ".join(lemma),
            object=_span(obj) if obj is not None else None,
            extras=tuple(extras),
            negated=negated,
            confidence=round(score, 3),
            rule="svo",
        )
