"""Certainty, polarity, quantities and times of a clause (first version).

Small pure functions over a clause's head token; each looks only at the parse.

>>> parse_number("15,000")
15000.0
>>> parse_number("six")
6.0
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.model import Certainty, Polarity, Quantity, TimeValue

__all__ = ["certainty_of", "polarity_of", "parse_number", "quantity_in", "time_of"]

_PROBABLE = {"reportedly", "allegedly", "likely", "apparently", "presumably", "supposedly", "probably", "possibly"}
_POSSIBLE_MODALS = {"may", "might", "could"}
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "dozen": 12, "twenty": 20, "hundred": 100, "thousand": 1000, "million": 1e6,
}
_APPROX = {"about", "around", "approximately", "some", "roughly", "nearly", "almost"}
_LOWER = {"over", "more", "least", "above", "exceeding"}
_UPPER = {"under", "less", "fewer", "most", "below", "up"}


def certainty_of(verb: Token) -> Certainty:
    """Hedges on the clause head: reportedly/allegedly/likely -> probable, may/might/could -> possible."""
    level: Certainty = "certain"
    for child in verb.children:
        low = child.lower_
        if child.dep_ == "aux" and low in _POSSIBLE_MODALS:
            return "possible"
        if child.dep_ == "advmod" and low in _PROBABLE:
            level = "probable"
    if verb.lemma_ in {"appear", "seem"} or (verb.dep_ == "xcomp" and verb.head.lemma_ in {"appear", "seem"}):
        level = "probable"
    if verb.tag_ == "VBN" and any(c.lemma_ in {"think", "believe"} for c in [verb.head]):
        level = "probable"
    return level


def polarity_of(verb: Token) -> Polarity:
    return "negative" if any(c.dep_ == "neg" for c in verb.children) else "positive"


def parse_number(text: str) -> float | None:
    """Digits with thousands separators, or an English number word."""
    cleaned = text.replace(",", "").strip()
    try:
        return float(cleaned)
    except ValueError:
        return float(_NUMBER_WORDS[cleaned.lower()]) if cleaned.lower() in _NUMBER_WORDS else None


def quantity_in(span: Span) -> Quantity | None:
    """The first cardinal number of a phrase, with its unit (the noun it counts) and bounds."""
    for tok in span:
        if tok.like_num and tok.dep_ in {"nummod", "pobj", "dobj", "nsubj", "nsubjpass", "attr", "compound", "ROOT"}:
            value = parse_number(tok.text)
            if value is None:
                continue
            mods = {c.lower_ for c in tok.children if c.dep_ in {"quantmod", "advmod", "amod"}}
            unit = tok.head.lemma_.lower() if tok.dep_ == "nummod" else None
            return Quantity(
                value=value,
                text=tok.text,
                unit=unit,
                approximate=bool(mods & _APPROX),
                lower_bound=bool(mods & _LOWER),
                upper_bound=bool(mods & _UPPER),
            )
    return None


def time_of(verb: Token) -> TimeValue | None:
    """A DATE entity attached to the clause head (directly or through a preposition)."""
    for child in verb.children:
        target = child
        if child.dep_ == "prep":
            target = next((g for g in child.children if g.dep_ == "pobj"), None)
            if target is None:
                continue
        if target.ent_type_ in {"DATE", "TIME"}:
            phrase = child.doc[child.left_edge.i : child.right_edge.i + 1]
            return TimeValue(text=phrase.text)
    return None
