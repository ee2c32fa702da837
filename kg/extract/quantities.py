"""Numbers in text -> :class:`kg.model.Quantity` values with units and bounds.

A claim that counts something ("sent 15,000 soldiers", "600 have died") carries
its number as a typed value, so that the resolver can compare figures across
sources. The value comes from digits or English number words ("six", "a dozen",
"2.5 million", "twenty-five"); the unit is the noun counted ("soldier"); the
modifiers set the bounds: "about 15,000" is approximate, "over 4,700" a lower
bound, "up to 40" an upper bound.

>>> parse_number("15,000")
15000.0
>>> parse_number("a dozen")
12.0
>>> parse_number("2.5 million")
2500000.0
>>> parse_number("twenty-five")
25.0
>>> number_flags("more than")
(False, True, False)
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from kg.model import Quantity

__all__ = [
    "GROUP_HOLDING_VERBS",
    "INTRANSITIVE_LOSS_VERBS",
    "LOSS_VERBS",
    "NUMBER_WORDS",
    "SCALES",
    "is_definite_count",
    "number_flags",
    "parse_number",
    "quantity_of_phrase",
    "quantity_of_token",
]

#: English number words below a hundred.
NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "score": 20,
}
#: Multipliers, including the abbreviations news uses ("15k", "$2bn", "3m").
SCALES: dict[str, float] = {
    "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12,
}
#: Plural vague counts: "dozens of" means at least two dozen, "hundreds of" at least two hundred.
_PLURAL_VAGUE = {"dozens": 24.0, "scores": 40.0, "hundreds": 200.0, "thousands": 2000.0, "millions": 2e6,
                 "billions": 2e9, "tens": 20.0}
_APPROX = frozenset({"about", "around", "approximately", "roughly", "some", "nearly", "almost", "circa", "c.",
                     "estimated", "approx", "approx.", "or", "so", "close"})
_LOWER = frozenset({"over", "more", "above", "exceeding", "least", "upwards", "plus", "+", "minimum"})
_UPPER = frozenset({"under", "less", "fewer", "below", "most", "up", "maximum", "max"})
_UNIT_WORDS = {"%": "percent", "percent": "percent", "per cent": "percent", "$": "USD", "€": "EUR", "£": "GBP",
               "¥": "JPY", "₩": "KRW"}
#: Bound words the parser may attach to the verb instead of the number ("destroyed over 300 homes").
_LOOSE_BOUNDS = frozenset({"over", "under", "about", "around", "nearly", "almost", "roughly", "approximately",
                           "some", "above", "below"})
#: Verbs that count losses of a group, and the measure each counts ("600 have died": 600 dead).
LOSS_VERBS: dict[str, str] = {
    **dict.fromkeys(("die", "perish", "kill", "slay", "execute"), "dead"),
    **dict.fromkeys(("wound", "injure", "hurt", "maim"), "wounded"),
    **dict.fromkeys(("capture", "detain", "imprison"), "captured"),
}
#: Loss verbs that are losses without a passive ("600 died"); the others only as passives ("600 were killed").
INTRANSITIVE_LOSS_VERBS = frozenset({"die", "perish"})
#: Verbs whose subject is the party a group of their object belongs to ("the DPRK has sent 15,000 soldiers").
GROUP_HOLDING_VERBS = frozenset({"send", "deploy", "dispatch", "commit", "station", "mobilize", "mobilise", "field",
                                 "have", "lose", "contribute", "transfer", "train", "recruit", "command", "employ"})
_DEFINITE = frozenset({"the", "these", "those", "this", "that", "both"})
_NUMERIC = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
_SUFFIXED = re.compile(r"^([+-]?\d+(?:\.\d+)?)(k|m|mn|bn|b|tn)$", re.I)
_QUANTITY_ENTS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
_NOT_COUNTS = frozenset({"DATE", "TIME", "ORDINAL"})


def number_flags(words: str) -> tuple[bool, bool, bool]:
    """``(approximate, lower_bound, upper_bound)`` implied by modifier words of a number.

    "as many as" and "up to" bound from above, "more than"/"at least"/"over" from
    below, "about"/"nearly"/"some" make the number approximate.
    """
    low = words.lower()
    tokens = set(re.findall(r"[a-z.+]+", low))
    approx = bool(tokens & _APPROX) or "close to" in low
    lower = bool(tokens & _LOWER) or "no fewer" in low or "no less" in low
    upper = bool(tokens & _UPPER) or "as many as" in low or "as much as" in low
    if "no more" in low or "not more" in low:
        lower, upper = False, True
    if "no fewer" in low or "no less" in low or "not less" in low:
        lower, upper = True, False
    if "at most" in low:
        lower, upper = False, True
    if upper and "more" in tokens and "as many as" not in low and "no more" not in low:
        upper = False  # "more" and "less" never stand together; "more" wins
    return approx, lower, upper


def parse_number(text: str) -> float | None:
    """The value of a number written in digits, words or both; ``None`` if it is no number.

    >>> parse_number("three hundred thousand")
    300000.0
    >>> parse_number("$2bn") is None
    True
    >>> parse_number("2bn")
    2000000000.0
    >>> parse_number("dozens")
    24.0
    """
    cleaned = text.strip().lower().replace("\u2009", " ").replace("\xa0", " ")
    if not cleaned:
        return None
    if _NUMERIC.match(cleaned):
        return float(cleaned.replace(",", ""))
    suffixed = _SUFFIXED.match(cleaned)
    if suffixed:
        return float(suffixed.group(1)) * SCALES[suffixed.group(2).lower()]
    if cleaned in _PLURAL_VAGUE:
        return _PLURAL_VAGUE[cleaned]
    total = current = 0.0
    seen = False
    for word in re.split(r"[\s-]+", cleaned):
        if word in {"and", ""}:
            continue
        if word in {"a", "an"}:
            current = current or 1.0
            continue
        if _NUMERIC.match(word):
            current += float(word.replace(",", ""))
        elif word in NUMBER_WORDS:
            value = NUMBER_WORDS[word]
            current = current * value if word in {"dozen", "score"} and current else current + value
        elif word in SCALES and len(word) > 2:
            scale = SCALES[word]
            if scale == 100:
                current = (current or 1.0) * 100
            else:
                total += (current or 1.0) * scale
                current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def is_definite_count(tok: Token) -> bool:
    """Whether a counted noun names a known set rather than stating a count: "the two nations", "its six ships".

    "Two nations signed" tells how many; "the two nations signed" refers back to them.
    """
    noun = tok.head if tok.dep_ == "nummod" and tok.head.pos_ in {"NOUN", "PROPN"} else tok
    return any(ch.dep_ == "poss" or (ch.dep_ in {"det", "predet"} and ch.lower_ in _DEFINITE)
               for ch in noun.children if ch.i < noun.i)


def _number_head(tok: Token) -> Token | None:
    """The token heading a number phrase modifying or being ``tok``, if any."""
    if _is_number(tok):
        return tok
    for child in tok.children:
        if child.dep_ in {"nummod", "quantmod"} and _is_number(child):
            return child
        if child.dep_ in {"compound", "amod"} and child.lower_ in NUMBER_WORDS and child.i < tok.i:
            return child  # "a dozen officers"
    return None


def _is_number(tok: Token) -> bool:
    if tok.ent_type_ in _NOT_COUNTS:
        return False
    if tok.like_num or tok.pos_ == "NUM":
        return True
    return tok.lower_ in _PLURAL_VAGUE or (tok.ent_type_ in _QUANTITY_ENTS and tok.lower_ in NUMBER_WORDS)


def _number_tokens(head: Token) -> list[Token]:
    """The tokens of the number phrase headed by ``head`` ("Nearly 2.5 million", "up to 40")."""
    out = [head]
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ in {"compound", "quantmod", "advmod", "amod", "nummod", "det", "cc", "conj", "punct"} and (
                child.like_num or child.pos_ in {"NUM", "ADV", "ADJ", "ADP", "PART", "DET", "CCONJ", "SYM"}
                or child.lower_ in SCALES
            ):
                if child.dep_ == "punct" and child.text not in {"-", "+"}:
                    continue
                out.append(child)
                stack.append(child)
    return sorted(out, key=lambda t: t.i)


def quantity_of_token(tok: Token, *, unit: str | None = None) -> Quantity | None:
    """The quantity a noun (or number) token carries: "15,000 soldiers", "about 600", "a dozen trucks".

    ``unit`` overrides the counted noun (used for bare numbers whose noun is
    elsewhere: "Of these, 600 have died").
    """
    head = _number_head(tok)
    if head is None:
        return None
    words = _number_tokens(head)
    value_words = [t for t in words if t.like_num or t.lower_ in NUMBER_WORDS or t.lower_ in SCALES
                   or t.lower_ in _PLURAL_VAGUE or (t.lower_ in {"a", "an"} and t.i < head.i)]
    value = parse_number(" ".join(t.text for t in value_words)) if value_words else None
    if value is None:
        value = parse_number(head.text)
    if value is None:
        return None
    modifiers = " ".join(t.lower_ for t in words if t not in value_words)
    first = words[0].i
    before = [t.lower_ for t in head.doc[max(0, first - 2) : first]]
    if not modifiers.strip() and before:
        if before[-1] in _LOOSE_BOUNDS:
            modifiers = before[-1]
        elif before == ["up", "to"]:
            modifiers = "up to"
    approx, lower, upper = number_flags(modifiers)
    if head.lower_ in _PLURAL_VAGUE:
        lower = True  # "hundreds of": at least two hundred
    if unit is None:
        unit = _unit_of(tok, head)
    start = min(t.i for t in words)
    end = max(t.i for t in words) + 1
    text = head.doc[start:end].text
    return Quantity(value=value, text=text, unit=unit, approximate=approx, lower_bound=lower, upper_bound=upper)


def _unit_of(tok: Token, head: Token) -> str | None:
    """The counted noun: the noun the number modifies, or the object of "of" ("hundreds of people")."""
    for t in head.doc[max(0, head.i - 1) : head.i + 2]:
        if t.text in _UNIT_WORDS:
            return _UNIT_WORDS[t.text]
    nxt = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if nxt is not None and nxt.lower_ in {"percent", "per"}:
        return "percent"
    if tok is not head and tok.pos_ in {"NOUN", "PROPN"}:
        return tok.lemma_.lower()
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pobj is not None and pobj.pos_ in {"NOUN", "PROPN"}:
        return pobj.lemma_.lower()
    return None


def quantity_of_phrase(span: Span) -> Quantity | None:
    """The quantity of a phrase: its head's number, else that of a coordinated or "of" noun.

    Numbers buried in relative clauses or deeper modifiers of the phrase are not
    the phrase's quantity and are ignored.
    """
    root = span.root
    found = quantity_of_token(root)
    if found is not None:
        return found
    for child in root.children:
        if child.dep_ == "conj" and span.start <= child.i < span.end:
            found = quantity_of_token(child)
            if found is not None:
                return found
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                found = quantity_of_token(pobj)
                if found is not None:
                    return found
    return None
