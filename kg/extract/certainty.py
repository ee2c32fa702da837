"""How sure and which way: the certainty and polarity of a clause.

A claim stated as fact is ``certain``; hedged ("reportedly", "allegedly",
"likely", "apparently", "is believed to", "appears to", "suggests") it is
``probable``; under a modal of possibility ("may", "might", "could"), in a
conditional ("if ...") or in a question it is only ``possible``. Hedges reach a
clause through the chain of verbs that governs it without a reporting verb in
between ("likely wished to portray" hedges "portray"). Polarity is ``negative``
under "not"/"never", with a negative subject or object ("no soldiers", "nobody"),
or under a verb of refusal ("refused to", "failed to").

>>> min_certainty("certain", "probable")
'probable'
>>> min_certainty("possible", "probable")
'possible'
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.texts import span_text
from kg.model import Certainty, Polarity

__all__ = [
    "EVIDENTIAL_PASSIVES",
    "PROBABLE_ADVERBS",
    "POSSIBLE_ADVERBS",
    "POSSIBLE_MODALS",
    "certainty_of",
    "is_question",
    "min_certainty",
    "polarity_of",
]

#: Adverbs that lower a clause to ``probable``.
PROBABLE_ADVERBS = frozenset({
    "reportedly", "allegedly", "likely", "apparently", "presumably", "supposedly", "probably", "purportedly",
    "seemingly", "ostensibly", "evidently", "reputedly", "most likely", "arguably", "believably",
})
#: Adverbs that lower a clause to ``possible``.
POSSIBLE_ADVERBS = frozenset({"possibly", "perhaps", "maybe", "conceivably", "potentially", "perchance"})
#: Modal auxiliaries of possibility.
POSSIBLE_MODALS = frozenset({"may", "might", "could", "can't", "mightn't"})
_TIME_ENTS = frozenset({"DATE", "TIME"})
#: "X is believed / thought / said ... to VERB": the complement is probable.
EVIDENTIAL_PASSIVES = frozenset({
    "believe", "think", "say", "report", "allege", "understand", "rumor", "rumour", "suspect", "presume",
    "suppose", "estimate", "expect", "claim", "consider",
})
#: Raising verbs whose complement is probable ("appears to", "seems to").
_RAISING = frozenset({"appear", "seem"})
#: Adjectives that hedge what they govern ("is likely to", "it is possible that").
_PROBABLE_ADJ = frozenset({"likely", "probable", "expected", "alleged", "apparent", "presumed", "suspected"})
_POSSIBLE_ADJ = frozenset({"possible", "unlikely", "uncertain", "unclear", "conceivable", "unconfirmed"})
_NEGATIVE_GOVERNORS = frozenset({"refuse", "fail", "decline", "deny", "avoid", "stop", "cease", "neglect"})
_NEGATIVE_WORDS = frozenset({"no", "none", "nobody", "nothing", "neither", "nor", "never", "no one", "noone"})
_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "provided", "lest"})
_ORDER = {"certain": 0, "probable": 1, "possible": 2}


def min_certainty(*levels: Certainty) -> Certainty:
    """The least certain of several levels."""
    return max(levels, key=lambda level: _ORDER[level])


def is_question(sent: Span) -> bool:
    """A sentence that ends in a question mark (quotes and brackets aside)."""
    text = span_text(sent).rstrip(" \"'”’)]\n")
    return text.endswith("?")


def _own_certainty(verb: Token) -> Certainty:
    """The hedges on one verb (or predicate adjective), looking at its children only."""
    level: Certainty = "certain"
    for child in verb.children:
        low = child.lower_
        if child.dep_ in {"aux", "auxpass"} and low in POSSIBLE_MODALS and child.ent_type_ not in _TIME_ENTS:
            # (a "May" inside a date, "May 2 vote delayed", is the month even where the parser makes it an aux)
            level = min_certainty(level, "possible")
        elif child.dep_ in {"advmod", "npadvmod", "prep"} and low in POSSIBLE_ADVERBS:
            level = min_certainty(level, "possible")
        elif child.dep_ in {"advmod", "npadvmod", "amod"} and low in PROBABLE_ADVERBS:
            level = min_certainty(level, "probable")
        elif child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITIONAL_MARKS for m in child.children):
            level = min_certainty(level, "possible")
        elif child.dep_ == "acomp" and child.lower_ in _PROBABLE_ADJ and _has_complement(child):
            level = min_certainty(level, "probable")
        elif child.dep_ == "acomp" and child.lower_ in _POSSIBLE_ADJ and _has_complement(child):
            level = min_certainty(level, "possible")
    if any(m.dep_ == "mark" and m.lower_ in _CONDITIONAL_MARKS for m in verb.children) and verb.dep_ == "advcl":
        level = min_certainty(level, "possible")
    return level


def _has_complement(adj: Token) -> bool:
    return any(c.dep_ in {"xcomp", "ccomp"} for c in adj.children)


def _governors(verb: Token) -> list[Token]:
    """The verbs (and predicate adjectives) above ``verb`` whose hedges and negation it inherits."""
    out = []
    tok = verb
    for _ in range(6):
        head = tok.head
        if head is tok:
            break
        if tok.dep_ in {"xcomp", "conj"} or (tok.dep_ == "ccomp" and head.lemma_ in _RAISING):
            out.append(head)
            tok = head
            continue
        if tok.dep_ == "ccomp" and any(ch.dep_ == "acomp" and ch.lower_ in _PROBABLE_ADJ | _POSSIBLE_ADJ
                                       for ch in head.children):
            out.extend(ch for ch in head.children if ch.dep_ == "acomp")  # "it is likely that P"
            tok = head
            continue
        if tok.dep_ in {"ccomp", "xcomp"} and head.pos_ == "ADJ" and head.dep_ == "acomp":
            out.extend([head, head.head])  # "it is likely that P", "X is likely to P"
            tok = head.head
            continue
        break
    return out


def certainty_of(verb: Token, sent: Span | None = None) -> Certainty:
    """Certainty of the clause headed by ``verb`` (its own hedges and those of the verbs governing it).

    ``sent`` is the verb's sentence; a question is only ``possible``.
    """
    level = _own_certainty(verb)
    if verb.lemma_ in _RAISING and any(c.dep_ in {"xcomp", "ccomp"} for c in verb.children):
        level = min_certainty(level, "probable")
    for gov in _governors(verb):
        level = min_certainty(level, _own_certainty(gov))
        if gov.lemma_ in _RAISING:
            level = min_certainty(level, "probable")
        if gov.lemma_ in EVIDENTIAL_PASSIVES and any(c.dep_ == "auxpass" for c in gov.children):
            level = min_certainty(level, "probable")
        if gov.pos_ == "ADJ" and gov.lower_ in _PROBABLE_ADJ:
            level = min_certainty(level, "probable")
        if gov.pos_ == "ADJ" and gov.lower_ in _POSSIBLE_ADJ:
            level = min_certainty(level, "possible")
    if sent is not None and is_question(sent):
        level = min_certainty(level, "possible")
    return level


def _negated(tok: Token) -> bool:
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in {"never", "no longer", "nowhere"}) for c in tok.children):
        return True
    return False


def _negative_argument(verb: Token) -> bool:
    """A subject or object that says "none": "no soldiers", "nobody", "nothing"."""
    for child in verb.children:
        if child.dep_ not in {"nsubj", "nsubjpass", "dobj", "attr"}:
            continue
        if child.lower_ in _NEGATIVE_WORDS:
            return True
        if any(d.dep_ == "det" and d.lower_ == "no" for d in child.children):
            return True
    return False


def polarity_of(verb: Token) -> Polarity:
    """``negative`` when the clause or a verb governing it is negated, or a refusal governs it.

    Negations cancel in pairs ("did not fail to send" is positive).
    """
    flips = int(_negated(verb)) + int(_negative_argument(verb))
    tok = verb
    for _ in range(6):
        head = tok.head
        if head is tok or tok.dep_ not in {"xcomp"}:
            break
        flips += int(_negated(head))
        flips += int(head.lemma_ in _NEGATIVE_GOVERNORS)
        tok = head
    return "negative" if flips % 2 else "positive"
