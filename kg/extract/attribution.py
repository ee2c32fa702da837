"""Who says what: reporting verbs and "according to" (first version).

A clause inside the complement of a reporting verb ("Hong told Yonhap that ...")
is attributed to that verb's subject with the verb as cue; "according to X"
attributes every other clause of its sentence to X. The innermost source wins, so
"The Guardian reports that KCNA said ..." gives the inner claim to KCNA.

>>> "tell" in REPORTING_VERBS and "deny" in DENIAL_VERBS
True
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

__all__ = ["REPORTING_VERBS", "DENIAL_VERBS", "Source", "sources_of"]

REPORTING_VERBS = frozenset(
    "say tell assert claim report note add continue state deny confirm announce estimate insist argue "
    "explain warn write suggest acknowledge admit reveal disclose allege contend maintain stress "
    "emphasize emphasise declare believe think predict indicate observe remark reply respond".split()
)
DENIAL_VERBS = frozenset({"deny", "dispute", "reject", "refute"})
_COMPLEMENTS = {"ccomp", "parataxis"}


@dataclass(frozen=True)
class Source:
    """The speaker phrase of a reported clause, the cue words, and whether it is a denial."""

    speaker: Span
    cue: str
    verb: int | None  # token index of the reporting verb (None for "according to")
    denial: bool = False


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return child
    if verb.dep_ in {"conj", "advcl", "xcomp"} and verb.head is not verb:
        return _subject(verb.head)
    return None


def _phrase(tok: Token) -> Span:
    """A name phrase without its appositions and relative clauses ("Hong Min, a scholar, ..." -> "Hong Min")."""
    left = tok.left_edge.i
    right = tok.i + 1
    for child in tok.rights:
        if child.dep_ in {"appos", "relcl", "acl", "punct", "prep", "cc", "conj"}:
            break
        right = child.right_edge.i + 1
    return tok.doc[left:right]


def sources_of(sent: Span) -> dict[int, Source]:
    """Map every token index of the sentence that lies in reported content to its source."""
    found: list[tuple[int, set[int], Source]] = []  # (depth, tokens, source): deeper = innermost
    for tok in sent:
        if tok.lemma_.lower() in REPORTING_VERBS and tok.pos_ in {"VERB", "AUX"}:
            comps = [c for c in tok.children if c.dep_ in _COMPLEMENTS]
            if tok.dep_ == "parataxis":
                comps.append(tok.head)
            subj = _subject(tok)
            if not comps or subj is None:
                continue
            tokens = set()
            for comp in comps:
                tokens |= {t.i for t in comp.subtree}
            if tok.dep_ == "parataxis":
                tokens -= {t.i for t in tok.subtree}
            cue = " ".join(t.text for t in sorted([tok, *[c for c in tok.children if c.dep_ in {"aux", "neg"}]], key=lambda t: t.i))
            found.append((len(list(tok.ancestors)), tokens, Source(_phrase(subj), cue, tok.i, tok.lemma_.lower() in DENIAL_VERBS)))
        elif tok.lower_ == "according" and tok.dep_ == "prep":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if pobj is None:
                continue
            inside = {t.i for t in tok.subtree}
            tokens = {t.i for t in sent if t.i not in inside}
            found.append((-1, tokens, Source(_phrase(pobj), "according to", None)))
    result: dict[int, Source] = {}
    for _, tokens, source in sorted(found, key=lambda f: f[0]):
        for i in tokens:
            result[i] = source
    return result
