"""Two events of one kind that share their main name: names may meet across them, common nouns may not.

A collection of eight reports: four about a first capture of pirates by the (invented) Zorvan Navy,
led by captain Ilse Marrow, four about a second one led by captain Tomas Quill; one report of the
second capture recalls the navy by name, and every report names one place of its own. By their
named entities the eight reports are one loose story (the navy links them), which is enough for a
name; "the pirates" of the first capture are not those of the second.
"""

from __future__ import annotations

from kg.resolve.entities import (
    NOUN_STORY_MEAN_SIMILARITY,
    STORY_MEAN_SIMILARITY,
    EntityRecord,
    resolve_entities,
    story_groups,
)

FIRST = ("a0", "a1", "a2", "a3")
SECOND = ("b0", "b1", "b2", "b3")


def _named(label: str, docs, kind: str) -> EntityRecord:
    return EntityRecord(f"e:{label}", (label,), frozenset({kind}), frozenset(docs))


def _noun(label: str, doc: str) -> EntityRecord:
    # common nouns get document-scoped IRIs, as the build mints them
    return EntityRecord(f"e:{label}#{doc}", (label,), frozenset({"Thing"}), frozenset({doc}))


def _two_captures(noun: str = "pirates") -> list[EntityRecord]:
    records = [
        _named("Zorvan Navy", FIRST + SECOND[:1], "Organization"),
        _named("Ilse Marrow", FIRST, "Person"),
        _named("Tomas Quill", SECOND, "Person"),
    ]
    records += [_named(f"Port Kell {d}", [d], "Place") for d in FIRST + SECOND]
    records += [_noun(noun, d) for d in FIRST + SECOND]
    return records


def _cluster(resolution, docs, noun: str = "pirates") -> set[str]:
    return {resolution.canonical[f"e:{noun}#{d}"] for d in docs}


def test_noun_stories_are_stricter_than_name_stories():
    assert NOUN_STORY_MEAN_SIMILARITY > STORY_MEAN_SIMILARITY


def test_the_shared_name_makes_one_loose_story():
    groups = story_groups(_two_captures())
    assert len(set(groups.values())) == 1


def test_the_noun_story_keeps_the_two_captures_apart():
    groups = story_groups(_two_captures(), mean=NOUN_STORY_MEAN_SIMILARITY)
    assert len({groups[d] for d in FIRST}) == 1
    assert len({groups[d] for d in SECOND}) == 1
    assert groups[FIRST[0]] != groups[SECOND[0]]


def test_pirates_of_two_captures_do_not_meet():
    resolution = resolve_entities(_two_captures())
    first, second = _cluster(resolution, FIRST), _cluster(resolution, SECOND)
    assert len(first) == 1 and len(second) == 1  # each capture's reports still share their pirates
    assert first != second


def test_reports_of_one_capture_still_join_their_nouns():
    # the same eight reports, all about one capture: every report names both captains
    records = [r for r in _two_captures("vessel") if r.iri not in {"e:Ilse Marrow", "e:Tomas Quill"}]
    records += [_named("Ilse Marrow", FIRST + SECOND, "Person"), _named("Tomas Quill", FIRST + SECOND, "Person")]
    resolution = resolve_entities(records)
    assert len(_cluster(resolution, FIRST + SECOND, "vessel")) == 1
