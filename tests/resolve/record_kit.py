"""Entity records made by hand, for the tests that call the pure rule function directly.

:func:`kg.resolve.entities.resolve_entities` takes the :class:`~kg.resolve.entities.EntityRecord` s that
``read_entities`` gathers from a store. A test of one rule is shortest when it writes those records itself, one
line an entity, with no store and no RDF in between (:mod:`tests.resolve.resolve_kit` is for tests that go
through a store). :func:`record` spells a record the way such a test reads, and :func:`story` adds the named
entities that make a handful of documents one story, since common nouns are compared only within a story.
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.resolve.entities import EntityRecord

#: The named entities :func:`story` adds unless told otherwise: (IRI, label, types) of a place and a person.
PEMBERTON_STORY = (("e:town", "Pemberton", "Place"), ("e:ola", "Ola Brekke", "Person"))


def record(iri: str, label: str, types: str, docs: Iterable[str], *alts: str, mentions: int = 1,
           pref_count: int = 1, descriptions: Iterable[tuple[str, str]] = ()) -> EntityRecord:
    """One entity as the store would report it.

    Parameters
    ----------
    iri
        The entity's IRI; short ones (``"e:ola"``) are enough, as the tests ask ``result.same(iri, other)``.
    label
        Its preferred label. A common noun's is its key as the build writes it, lower case and singular
        (``"zoning rule"``).
    types
        schema.org class local names, separated by spaces (``"Person"``, ``"Place Organization"``; ``"Thing"``
        for a common noun).
    docs
        The documents that mention it. A string gives one document a character (``"ab"`` is documents ``a`` and
        ``b``); a tuple or set gives whole names (``("d1", "d2")``).
    *alts
        Its alternative labels, in order after ``label``: what the documents wrote (``"the new zoning rules"``).
    mentions
        How many mentions of it the store holds (:attr:`EntityRecord.mentions`); one unless a test says more.
    pref_count
        How many of ``label`` and ``alts`` are preferred labels (more than one where several documents gave the
        entity different preferred labels).
    descriptions
        (document, text) of its common-noun mentions (``("a", "the guard")``).

    Returns
    -------
    EntityRecord
        With ``labels == (label, *alts)`` and the other fields at their defaults (no publisher, deeds, days).
    """
    return EntityRecord(iri, (label, *alts), frozenset(types.split()), frozenset(docs), mentions, pref_count,
                        descriptions=frozenset(descriptions))


def story(*records: EntityRecord, shared: Iterable[tuple[str, str, str]] = PEMBERTON_STORY,
          docs: str = "abcd") -> list[EntityRecord]:
    """``records`` followed by the ``shared`` named entities, each mentioned by every one of ``docs``.

    Resolution compares common nouns ("the pipe", "the workers") only among documents of one story, which it finds
    by the named entities they share; a test about nouns of documents ``a`` to ``d`` therefore names the same
    place and person in all of them, so that the story, not the story split, is what it tests.

    Parameters
    ----------
    *records
        The records under test, first, in the order given.
    shared
        (IRI, label, types) of the named entities every document mentions, as for :func:`record`; by default a
        place and a person (:data:`PEMBERTON_STORY`).
    docs
        The documents of the story, one a character as for :func:`record`.

    Returns
    -------
    list[EntityRecord]
        The records, then one record per shared entity (one mention, one preferred label, no alternatives).
    """
    return [*records, *(record(iri, label, types, docs) for iri, label, types in shared)]


def named(label: str, docs: Iterable[str], types: str = "Person") -> EntityRecord:
    """A named entity for the story-grouping tests, its IRI made from its label (``"e:Ilse Marrow"``).

    ``docs`` and ``types`` are as for :func:`record`. Nothing is counted of it (``mentions=0``): story grouping
    reads only which documents name what, and these tests compare no representatives.
    """
    return record(f"e:{label}", label, types, docs, mentions=0)


def noun(label: str, doc: str) -> EntityRecord:
    """A common noun of the one document ``doc``, with a document-scoped IRI (``"e:the climber#a1"``) as the
    build mints common nouns' IRIs; nothing is counted of it, as for :func:`named`."""
    return record(f"e:{label}#{doc}", label, "Thing", (doc,), mentions=0)
