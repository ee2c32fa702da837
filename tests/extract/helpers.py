"""Helpers shared by the extractor tests: find a claim, read an entity's label."""

from __future__ import annotations

from kg.model import Claim, Extraction


def claim_with(ex: Extraction, verb: str, *, act: bool = False) -> Claim:
    """The claim whose relation has the word ``verb`` (a reporting act when ``act``); fails if there is none."""
    found = [c for c in ex.claims if verb in c.relation.split() and c.rule.startswith("attribution") == act]
    assert found, f"no {'reporting act' if act else 'claim'} for {verb!r}: {[(c.relation, c.rule) for c in ex.claims]}"
    return found[-1]


def label(ex: Extraction, key: str | None) -> str | None:
    """The label of entity ``key`` in ``ex`` (``None`` stays ``None``)."""
    if key is None:
        return None
    return next(e.label for e in ex.entities if e.key == key)
