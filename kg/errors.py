"""The claimgraph exception family.

Library code raises these (or ``ValueError`` for bad arguments); only ``kg.cli``
turns them into one line on stderr and an exit code. Each error carries a code
so users can search for it and tests can assert on it without matching prose.

>>> str(InputError("E101", path="a.pdf", reason="binary file"))
'E101 a.pdf: binary file'
"""

from __future__ import annotations

__all__ = [
    "ClaimgraphError",
    "InputError",
    "StoreError",
    "QueryError",
    "ExportError",
    "RemoteError",
]

#: Message templates by code; ``{path}``/``{reason}``/... are filled from keyword arguments.
MESSAGES = {
    "E100": "{path}: no such file or folder",
    "E101": "{path}: {reason}",
    "E102": "{path}: cannot be decoded as text ({reason})",
    "E103": "{path}:{line}: {reason}",
    "E104": "{path}: cannot be read ({reason})",
    "E105": "{path}: unsupported file type {suffix!r} (supported: {known})",
    "E106": "{path}: extraction failed ({reason})",
    "E200": "{path}: the store is in use by another process (another `kg build` or `kg serve --allow-update`?);"
    " {hint}",
    "E201": "{path}: no claimgraph store here; run `kg build INPUT --out {path}` first",
    "E202": "{path}: {reason}",
    "E300": "query failed: {reason}",
    "E301": "unknown named query {name!r}; known: {known}",
    "E302": "the bound form of named query {name!r} is malformed: {reason}",
    "E400": "unknown format {name!r}; known: {known}",
    "E410": "{path}: cannot write the graph page ({reason})",
    "E500": "{url}: {reason}",
}


class ClaimgraphError(Exception):
    """Base class: ``code`` picks the template in :data:`MESSAGES`."""

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        self.fields = fields
        template = MESSAGES.get(code, "{reason}")
        try:
            text = template.format(**fields)
        except (KeyError, IndexError):
            text = f"{template} {fields}"
        super().__init__(f"{code} {text}")


class InputError(ClaimgraphError):
    """An input file or folder could not be read as an article."""


class StoreError(ClaimgraphError):
    """The on-disk store is missing, locked or damaged."""


class QueryError(ClaimgraphError):
    """A SPARQL query is invalid or failed."""


class ExportError(ClaimgraphError):
    """An export format is unknown or the file could not be written."""


class RemoteError(ClaimgraphError):
    """A remote triple store refused or failed a request."""
