"""HTTP content negotiation for SPARQL results: pick a format from the Accept header.

Why a module of its own: the choice depends on the result kind (solutions and booleans
take SPARQL result formats, CONSTRUCT/DESCRIBE take RDF formats), is pure and easy to
get subtly wrong (q-values, wildcards, parameters), so it is tested on its own.

A ``format`` request parameter (``json``, ``xml``, ``csv``, ``tsv``, ``turtle``, ``nt``,
``jsonld``, ...) overrides the header, for links typed by hand.

>>> choose("application/sparql-results+xml, application/json;q=0.5", "solutions").name
'xml'
>>> choose("*/*", "triples").media_type
'text/turtle'
>>> choose("text/turtle", "solutions") is None
True
>>> choose("text/turtle", "triples", format_param="xml").name    # SPARQLWrapper sends format=xml
'rdfxml'
>>> choose("text/csv", "solutions", format_param="nonsense").name
'csv'
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Choice", "RESULT_FORMATS", "GRAPH_FORMATS", "choose", "parse_accept"]


@dataclass(frozen=True)
class Choice:
    """A negotiated format: short ``name``, the ``media_type`` to answer with, and the kind it serves."""

    name: str
    media_type: str
    kind: str  # "results" (SELECT/ASK) or "graph" (CONSTRUCT/DESCRIBE)


#: SELECT/ASK formats, default first: name -> (media type answered, media types accepted).
RESULT_FORMATS: dict[str, tuple[str, tuple[str, ...]]] = {
    "json": ("application/sparql-results+json", ("application/sparql-results+json", "application/json",
                                                 "text/javascript", "application/javascript")),
    "xml": ("application/sparql-results+xml", ("application/sparql-results+xml", "application/xml", "text/xml")),
    "csv": ("text/csv", ("text/csv",)),
    "tsv": ("text/tab-separated-values", ("text/tab-separated-values",)),
}

#: CONSTRUCT/DESCRIBE formats, default first.
GRAPH_FORMATS: dict[str, tuple[str, tuple[str, ...]]] = {
    "turtle": ("text/turtle", ("text/turtle", "application/x-turtle")),
    "ntriples": ("application/n-triples", ("application/n-triples", "text/plain")),
    "jsonld": ("application/ld+json", ("application/ld+json", "application/json")),
    "rdfxml": ("application/rdf+xml", ("application/rdf+xml", "application/xml", "text/xml")),
}

#: ``?format=`` values by result kind. Clients such as SPARQLWrapper send ``format=xml`` or
#: ``format=json`` whatever the query form, so those name the matching format of each kind.
_FORMAT_PARAM = {
    "results": {"json": "json", "srj": "json", "xml": "xml", "srx": "xml", "csv": "csv", "tsv": "tsv"},
    "graph": {"turtle": "turtle", "ttl": "turtle", "nt": "ntriples", "ntriples": "ntriples",
              "n-triples": "ntriples", "jsonld": "jsonld", "json-ld": "jsonld", "json": "jsonld",
              "rdfxml": "rdfxml", "rdf": "rdfxml", "xml": "rdfxml"},
}


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Media ranges of an Accept header, best first (by q, then specificity, then order).

    >>> parse_accept("text/*;q=0.5, text/csv, */*;q=0.1")
    [('text/csv', 1.0), ('text/*', 0.5), ('*/*', 0.1)]
    >>> parse_accept(None)
    [('*/*', 1.0)]
    """
    if not header or not header.strip():
        return [("*/*", 1.0)]
    ranges = []
    for position, item in enumerate(header.split(",")):
        parts = [p.strip() for p in item.split(";")]
        media = parts[0].lower()
        if not media:
            continue
        if media == "*":
            media = "*/*"
        q = 1.0
        for param in parts[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        specificity = 0 if media == "*/*" else 1 if media.endswith("/*") else 2
        ranges.append((media, q, specificity, position))
    ranges.sort(key=lambda r: (-r[1], -r[2], r[3]))
    return [(media, q) for media, q, _, _ in ranges if q > 0]


def _matches(media_range: str, media_type: str) -> bool:
    if media_range == "*/*":
        return True
    if media_range.endswith("/*"):
        return media_type.split("/", 1)[0] == media_range[:-2]
    return media_range == media_type


def choose(accept: str | None, kind: str, format_param: str | None = None) -> Choice | None:
    """The format for a result of ``kind`` ("solutions", "boolean" or "triples"), or None (406).

    >>> choose(None, "boolean", "csv").media_type
    'text/csv'
    >>> choose("application/json", "triples").name
    'jsonld'
    """
    table, label = (GRAPH_FORMATS, "graph") if kind == "triples" else (RESULT_FORMATS, "results")
    if format_param:
        name = _FORMAT_PARAM[label].get(format_param.strip().lower())
        if name is not None:
            return Choice(name, table[name][0], label)
        # a media type in ?format= is honoured too; anything else leaves the choice to Accept
        chosen = choose(format_param, kind) if "/" in format_param else None
        if chosen is not None:
            return chosen
    for media_range, _ in parse_accept(accept):
        for name, (answer, accepted) in table.items():
            if any(_matches(media_range, media) for media in accepted):
                return Choice(name, answer, label)
    return None
