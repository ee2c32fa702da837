"""User alias files (``--aliases FILE``): force, forbid or link merges of entities.

A user knows things no rule does: that "the Agency" in their corpus is the IAEA, that
two people sharing a name are different, that an entity is Wikidata's Q423. One rule per
row, CSV or YAML (chosen by the file's suffix):

CSV: ``label,canonical[,type]``; a first row whose first cell is ``label`` is a header;
blank lines and lines starting with ``#`` are skipped.

    label,canonical,type
    the Agency,International Atomic Energy Agency,Organization
    North Korea,http://www.wikidata.org/entity/Q423
    Kim Yo Jong,!Kim Jong-un,Person

YAML: a list of mappings with ``label`` and either ``canonical`` or ``not``, and
optionally ``type``:

    - {label: the Agency, canonical: International Atomic Energy Agency, type: Organization}
    - {label: Kim Yo Jong, not: Kim Jong-un}

Meaning of a rule: ``canonical`` a label -> every entity named ``label`` is the same as
every entity named ``canonical`` (a forced merge); ``canonical`` an absolute IRI -> the
entities named ``label`` are one and are ``owl:sameAs`` that external IRI; ``!label`` in
CSV or ``not`` in YAML -> they are never merged, whatever the rules say. ``type``
restricts the entities the rule applies to (a claimgraph type such as ``Person`` or a
schema.org class such as ``NewsMediaOrganization``). Names are compared after
:func:`kg.resolve.names.normalise`, so "The DPRK" and "DPRK" are the same label.

A bad file raises :class:`kg.errors.InputError` (code E103) naming the file and line.

>>> rules = parse_aliases("label,canonical\\nDPRK,North Korea\\nKim,!Kim Jong-un\\n", "a.csv")
>>> [(r.label, r.target, r.forbid, r.line) for r in rules]
[('DPRK', 'North Korea', False, 2), ('Kim', 'Kim Jong-un', True, 3)]
>>> parse_aliases("DPRK\\n", "a.csv")
Traceback (most recent call last):
...
kg.errors.InputError: E103 a.csv:1: expected label,canonical[,type]; got 1 field(s)
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError

__all__ = ["AliasRule", "TYPE_CLASSES", "load_aliases", "parse_aliases"]

#: Type names a rule may give -> the schema.org class local name the entity must have.
TYPE_CLASSES: dict[str, str] = {
    "person": "Person",
    "organization": "Organization",
    "organisation": "Organization",
    "group": "Organization",
    "newsorganization": "NewsMediaOrganization",
    "newsmediaorganization": "NewsMediaOrganization",
    "place": "Place",
    "event": "Event",
    "work": "CreativeWork",
    "creativework": "CreativeWork",
    "product": "Product",
    "thing": "Thing",
}
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")
_ABSOLUTE = re.compile(r"^(?:https?|urn|ftp|mailto|tag|did):", re.I)
_SUFFIXES = {".csv": "csv", ".tsv": "tsv", ".yaml": "yaml", ".yml": "yaml"}


@dataclass(frozen=True)
class AliasRule:
    """One row of an alias file."""

    label: str
    target: str  # a label, or an absolute IRI when :attr:`is_iri`
    type: str | None = None  # schema.org class local name
    forbid: bool = False
    line: int = 0
    source: str = ""

    @property
    def is_iri(self) -> bool:
        """The target is an external IRI (e.g. a Wikidata entity), not a label."""
        return bool(_ABSOLUTE.match(self.target))


def load_aliases(path: str | os.PathLike[str]) -> tuple[AliasRule, ...]:
    """Read an alias file (``.csv``, ``.tsv``, ``.yaml`` or ``.yml``).

    Raises :class:`InputError` E100 when the file is missing, E101 for an unknown suffix
    or undecodable bytes, and E103 (with the line number) for a bad row.
    """
    p = Path(path)
    if not p.is_file():
        raise InputError("E100", path=str(p))
    if p.suffix.lower() not in _SUFFIXES:
        raise InputError("E101", path=str(p), reason="alias files are .csv, .tsv, .yaml or .yml")
    try:
        text = p.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("E101", path=str(p), reason=f"not UTF-8 text ({exc.reason})") from None
    return parse_aliases(text, str(p))


def parse_aliases(text: str, source: str) -> tuple[AliasRule, ...]:
    """Parse the text of an alias file; ``source`` (its path) picks the syntax by suffix and names errors."""
    kind = _SUFFIXES.get(Path(source).suffix.lower(), "csv")
    rules = _parse_yaml(text, source) if kind == "yaml" else _parse_csv(text, source, "\t" if kind == "tsv" else ",")
    _check_consistent(rules)
    return tuple(rules)


def _error(source: str, line: int, reason: str) -> InputError:
    return InputError("E103", path=source, line=line, reason=reason)


def _rule(label: object, target: object, type_: object, forbid: bool, line: int, source: str) -> AliasRule:
    label = "" if label is None else str(label).strip()
    target = "" if target is None else str(target).strip()
    if not label:
        raise _error(source, line, "empty label")
    if not forbid and target.startswith("!"):
        forbid, target = True, target[1:].strip()
    if not target:
        raise _error(source, line, f"no canonical label or IRI for {label!r}")
    if _ABSOLUTE.match(target) and not _IRI.match(target):
        raise _error(source, line, f"not a valid IRI: {target!r}")
    if forbid and _ABSOLUTE.match(target):
        raise _error(source, line, "a forbidden merge names a label, not an IRI")
    cls = None
    if type_ is not None and str(type_).strip():
        cls = TYPE_CLASSES.get(re.sub(r"[\s_-]+", "", str(type_)).casefold())
        if cls is None:
            known = ", ".join(sorted({"Person", "Organization", "NewsOrganization", "Place", "Group", "Event",
                                      "Work", "Product", "Thing"}))
            raise _error(source, line, f"unknown type {str(type_).strip()!r}; known: {known}")
    return AliasRule(label, target, cls, forbid, line, source)


def _parse_csv(text: str, source: str, delimiter: str) -> list[AliasRule]:
    rules = []
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    first = True
    try:
        for row in reader:
            line = reader.line_num
            cells = [c.strip() for c in row]
            if not any(cells) or cells[0].startswith("#"):
                continue
            if first and cells[0].casefold() == "label":
                first = False
                continue
            first = False
            while cells and not cells[-1]:
                cells.pop()
            if not 2 <= len(cells) <= 3:
                raise _error(source, line, f"expected label,canonical[,type]; got {len(cells)} field(s)")
            rules.append(_rule(cells[0], cells[1], cells[2] if len(cells) > 2 else None, False, line, source))
    except csv.Error as exc:
        raise _error(source, reader.line_num, f"bad CSV ({exc})") from None
    return rules


def _parse_yaml(text: str, source: str) -> list[AliasRule]:
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise _error(source, line, f"bad YAML ({getattr(exc, 'problem', None) or exc})") from None
    if root is None:
        return []
    if isinstance(root, yaml.MappingNode):
        items = {k.value: v for k, v in root.value}
        if set(items) != {"aliases"}:
            raise _error(source, root.start_mark.line + 1, "expected a list of rules, or a mapping with 'aliases:'")
        root = items["aliases"]
    if not isinstance(root, yaml.SequenceNode):
        raise _error(source, root.start_mark.line + 1, "expected a list of rules")
    rules = []
    for node in root.value:
        line = node.start_mark.line + 1
        if not isinstance(node, yaml.MappingNode):
            raise _error(source, line, "a rule is a mapping with label and canonical (or not)")
        fields: dict[str, str] = {}
        for key, value in node.value:
            if not isinstance(value, yaml.ScalarNode):
                raise _error(source, value.start_mark.line + 1, f"{key.value!r} must be a single value")
            fields[str(key.value)] = value.value
        unknown = set(fields) - {"label", "canonical", "not", "type"}
        if unknown:
            raise _error(source, line, f"unknown field(s) {', '.join(sorted(unknown))}; "
                                       "use label, canonical, not, type")
        if ("canonical" in fields) == ("not" in fields):
            raise _error(source, line, "give exactly one of 'canonical' and 'not'")
        forbid = "not" in fields
        rules.append(_rule(fields.get("label"), fields.get("not" if forbid else "canonical"), fields.get("type"),
                           forbid, line, source))
    return rules


def _check_consistent(rules: list[AliasRule]) -> None:
    """A pair of labels may not be both forced together and kept apart."""
    from kg.resolve.names import normalise

    forced = {}
    for r in rules:
        if not r.forbid and not r.is_iri:
            forced[frozenset({normalise(r.label), normalise(r.target)})] = r
    for r in rules:
        pair = frozenset({normalise(r.label), normalise(r.target)})
        if r.forbid and pair in forced:
            other = forced[pair]
            raise _error(r.source, r.line, f"contradicts line {other.line}: {r.label!r} cannot be both the same "
                                           f"as and different from {r.target!r}")
