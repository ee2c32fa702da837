"""Minting of every instance IRI: the only place IRIs are built.

IRIs are deterministic functions of content, so building twice, or on two
machines, yields the same nodes and graphs merge by IRI equality:

- documents: ``{base}doc/{sha256[:20]}`` (content hash of the text)
- entities: ``{base}entity/{slug(key)}`` (canonical name)
- relations: ``{base}relation/{slug(lemma)}``
- claims: ``{base}claim/{hash of subject, relation, object, qualifiers}``
- mentions, targets and selectors live under their document:
  ``{doc}/claim/{start}-{end}-{hash}``, ``{doc}/mention/{start}-{end}``, ``.../target``, ``.../target/pos``,
  ``.../target/quote``
- the graph of cross-document results: ``{base}graph/resolution``

>>> base = DEFAULT_BASE_IRI
>>> entity_iri(base, "Kim Jong-un")
'https://w3id.org/claimgraph/id/entity/kim-jong-un'
>>> entity_iri(base, "Kim Jong Un") == entity_iri(base, "kim jong-un")
True
>>> slug("Müller & Söhne <GmbH>")
'm%C3%BCller-s%C3%B6hne-gmbh'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote

__all__ = [
    "DEFAULT_BASE_IRI",
    "check_base_iri",
    "slug",
    "document_iri",
    "entity_iri",
    "relation_iri",
    "claim_iri",
    "claim_key",
    "claim_mention_iri",
    "entity_mention_iri",
    "target_iri",
    "position_selector_iri",
    "quote_selector_iri",
    "resolution_graph_iri",
]

DEFAULT_BASE_IRI = "https://w3id.org/claimgraph/id/"

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_IRI_FORBIDDEN = re.compile(r'[\s<>"{}|\\^`\x00-\x20]')


def check_base_iri(base: str) -> str:
    """Validate a user-given base IRI; it must be absolute and end in '/' or '#'.

    >>> check_base_iri("http://example.org/kg/")
    'http://example.org/kg/'
    >>> check_base_iri("example")
    Traceback (most recent call last):
    ...
    ValueError: base IRI must be absolute (scheme:...) and end with '/' or '#': 'example'
    """
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", base) or base[-1:] not in "/#" or _IRI_FORBIDDEN.search(base):
        raise ValueError(f"base IRI must be absolute (scheme:...) and end with '/' or '#': {base!r}")
    return base


def slug(text: str) -> str:
    """A readable, IRI-safe path segment: NFKC, lower case, runs of non-word characters to '-'.

    Non-ASCII letters are kept and percent-encoded; a text with no word characters
    falls back to a short hash so that it still gets a stable, distinct segment.
    """
    norm = unicodedata.normalize("NFKC", text).casefold()
    s = _NON_WORD.sub("-", norm).strip("-_")
    if not s:
        return "h" + _digest(norm, 12)
    if len(s) > 80:
        s = s[:60].rstrip("-") + "-" + _digest(norm, 12)
    return quote(s, safe="-_")


def _digest(text: str, size: int = 16) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:size]


def document_iri(base: str, sha256: str) -> str:
    return f"{base}doc/{sha256[:20]}"


def entity_iri(base: str, key: str) -> str:
    return f"{base}entity/{slug(key)}"


def relation_iri(base: str, lemma: str) -> str:
    return f"{base}relation/{slug(lemma)}"


def claim_key(subject: str, relation: str, obj: str, qualifiers: tuple[tuple[str, str], ...] = ()) -> str:
    """The normalised identity of a proposition: what two sources must share to state the same claim.

    Arguments are IRIs or normalised literal texts; qualifiers are ``(name, value)`` pairs.
    """
    parts = [subject, relation, obj] + [f"{k}={v}" for k, v in sorted(qualifiers)]
    return "\x1f".join(parts)


def claim_iri(base: str, key: str) -> str:
    return f"{base}claim/{_digest(key, 20)}"


def claim_mention_iri(doc_iri: str, start: int, end: int, key: str) -> str:
    return f"{doc_iri}/claim/{start}-{end}-{_digest(key, 10)}"


def entity_mention_iri(doc_iri: str, start: int, end: int) -> str:
    return f"{doc_iri}/mention/{start}-{end}"


def target_iri(annotation_iri: str) -> str:
    return f"{annotation_iri}/target"


def position_selector_iri(annotation_iri: str) -> str:
    return f"{annotation_iri}/target/pos"


def quote_selector_iri(annotation_iri: str) -> str:
    return f"{annotation_iri}/target/quote"


def resolution_graph_iri(base: str) -> str:
    return f"{base}graph/resolution"
