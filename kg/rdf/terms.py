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
from functools import lru_cache
from urllib.parse import quote

from kg.rdf.namespaces import PREFIXES

__all__ = [
    "DEFAULT_BASE_IRI",
    "check_base_iri",
    "is_iri",
    "slug",
    "document_iri",
    "entity_iri",
    "unknown_publisher_iri",
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
_PREFIX_NAMES = frozenset(name.lower() for name in PREFIXES)

# RFC 3987 (IRI) syntax, from its ABNF; ``ucschar`` less the bidirectional formatting characters that
# section 4.1 forbids (LRM, RLM, LRE..RLO, and the isolates LRI..PDI).
_UCS = (
    "\u00a0-\u200d\u2010-\u2029\u202f-\u2065\u206a-\ud7ff\uf900-\ufdcf\ufdf0-\uffef"
    "\U00010000-\U0001fffd\U00020000-\U0002fffd\U00030000-\U0003fffd\U00040000-\U0004fffd"
    "\U00050000-\U0005fffd\U00060000-\U0006fffd\U00070000-\U0007fffd\U00080000-\U0008fffd"
    "\U00090000-\U0009fffd\U000a0000-\U000afffd\U000b0000-\U000bfffd\U000c0000-\U000cfffd"
    "\U000d0000-\U000dfffd\U000e1000-\U000efffd"
)
# Characters RFC 3987 allows but a base IRI typed by a person never means to hold: spaces, format characters.
_INVISIBLE = {"Cc", "Cf", "Zs", "Zl", "Zp"}
_PRIVATE = "\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd"
_UNRESERVED = f"A-Za-z0-9\\-._~{_UCS}"
_SUB_DELIMS = "!$&'()*+,;="
_PCT = "%[0-9A-Fa-f]{2}"
_PCHAR = f"(?:[{_UNRESERVED}{_SUB_DELIMS}:@]|{_PCT})"
_IRI = re.compile(
    "[A-Za-z][A-Za-z0-9+.\\-]*:"  # scheme
    f"(?://(?:(?:[{_UNRESERVED}{_SUB_DELIMS}:]|{_PCT})*@)?"  # authority: userinfo
    f"(?:\\[[0-9A-Fa-f:.vV]+\\]|(?:[{_UNRESERVED}{_SUB_DELIMS}]|{_PCT})*)"  # host
    "(?::[0-9]*)?"  # port
    f"(?:/{_PCHAR}*)*"  # path-abempty
    f"|/?(?:{_PCHAR}+(?:/{_PCHAR}*)*)?)"  # path-absolute, path-rootless, path-empty
    f"(?:\\?(?:{_PCHAR}|[/?{_PRIVATE}])*)?"  # query
    f"(?:#(?:{_PCHAR}|[/?])*)?"  # fragment
)


def is_iri(text: str) -> bool:
    """Whether ``text`` is an absolute IRI by RFC 3987 (no spaces, ``<>"{}|\\^```, controls or bidi marks).

    >>> is_iri("https://w3id.org/claimgraph/id/entity/m%C3%BCller"), is_iri("https://例え.jp/グラフ/")
    (True, True)
    >>> is_iri("http://ex.org/a b"), is_iri("http://ex.org/<x>"), is_iri("relative/path")
    (False, False, False)
    """
    return _IRI.fullmatch(text) is not None


def check_base_iri(base: str) -> str:
    """Validate a user-given base IRI; it must be an absolute RFC 3987 IRI ending in '/' or '#'.

    >>> check_base_iri("http://example.org/kg/")
    'http://example.org/kg/'
    >>> check_base_iri("example")
    Traceback (most recent call last):
    ...
    ValueError: base IRI must be absolute (scheme:...) and end with '/' or '#': 'example'
    """
    invisible = any(unicodedata.category(c) in _INVISIBLE for c in base)
    if base[-1:] not in "/#" or not is_iri(base) or invisible or (base.endswith("#") and "#" in base[:-1]):
        raise ValueError(f"base IRI must be absolute (scheme:...) and end with '/' or '#': {base!r}")
    scheme = base.split(":", 1)[0].lower()
    if scheme in _PREFIX_NAMES:  # "cg:x/entity/a" would read as a prefixed name in JSON-LD and SPARQL
        raise ValueError(f"base IRI must not use a prefix name ({scheme}:) as its scheme: {base!r}")
    return base


@lru_cache(maxsize=1 << 16)
def slug(text: str) -> str:
    """A readable, IRI-safe path segment: NFKC, lower case, runs of non-word characters to '-'.

    Non-ASCII letters are kept and percent-encoded; a text with no word characters
    falls back to a short hash so that it still gets a stable, distinct segment. Cached: a document
    names the same entities and relations many times.
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


def unknown_publisher_iri(doc_iri: str) -> str:
    """The publisher of a document that names none: one per document, under the document's IRI.

    Never minted from a name, so two unnamed sources stay two and never meet a named outlet.
    """
    return f"{doc_iri}/publisher"


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
