"""Two events of one kind that share their main name: names may meet across them, common nouns may not.

A collection of eight reports: four about a first capture of pirates by the (invented) Zorvan Navy,
led by captain Ilse Marrow, four about a second one led by captain Tomas Quill; one report of the
second capture recalls the navy by name, and every report names one place of its own. By their
named entities the eight reports are one loose story (the navy links them), which is enough for a
name; "the pirates" of the first capture are not those of the second. And two climbers who died on two
mountains of one country: one story of common nouns, two close stories, each "the climber" its own climber.
"""

from __future__ import annotations

from kg.resolve.entities import (
    CLOSE_STORY_MEAN_SIMILARITY,
    DEICTIC_STORY_MEAN_SIMILARITY,
    NOUN_STORY_MEAN_SIMILARITY,
    STORY_MEAN_SIMILARITY,
    EntityRecord,
    resolve_entities,
    story_groups,
)

from tests.resolve.record_kit import named, noun, record

FIRST = ("a0", "a1", "a2", "a3")
SECOND = ("b0", "b1", "b2", "b3")


def _two_captures(noun_label: str = "pirates") -> list[EntityRecord]:
    records = [
        named("Zorvan Navy", FIRST + SECOND[:1], "Organization"),
        named("Ilse Marrow", FIRST, "Person"),
        named("Tomas Quill", SECOND, "Person"),
    ]
    records += [named(f"Port Kell {d}", [d], "Place") for d in FIRST + SECOND]
    records += [noun(noun_label, d) for d in FIRST + SECOND]
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
    records += [named("Ilse Marrow", FIRST + SECOND, "Person"), named("Tomas Quill", FIRST + SECOND, "Person")]
    resolution = resolve_entities(records)
    assert len(_cluster(resolution, FIRST + SECOND, "vessel")) == 1


def _two_deaths() -> list[EntityRecord]:
    """Eight reports of two climbers who died on two mountains of one country, each event's first report
    describing its climber ("Tobin Marsh, the climber"), the others saying only "the climber"; the second
    event's first report recalls the first climber by name, so the eight are one story of common nouns."""
    records = [
        named("Ostland", FIRST + SECOND, "Place"),
        named("Alpine Rescue Corps", FIRST + SECOND, "Organization"),
        record("e:Tobin Marsh", "Tobin Marsh", "Person", FIRST + SECOND[:1], mentions=0,
               descriptions={(FIRST[0], "the climber")}),
        record("e:Odo Fenwick", "Odo Fenwick", "Person", SECOND, mentions=0, descriptions={(SECOND[0], "the climber")}),
        named("Mount Ellery", FIRST, "Place"),
        named("Mount Varra", SECOND, "Place"),
    ]
    records += [named(f"Hut {d}", [d], "Place") for d in FIRST + SECOND]
    records += [named(f"Guide {d}", [d], "Person") for d in FIRST + SECOND]
    records += [noun("climber", d) for d in FIRST[1:] + SECOND[1:]]
    return records


def test_close_stories_lie_between_the_noun_story_and_the_deictic_one():
    assert NOUN_STORY_MEAN_SIMILARITY < CLOSE_STORY_MEAN_SIMILARITY < DEICTIC_STORY_MEAN_SIMILARITY
    groups = story_groups(_two_deaths(), mean=NOUN_STORY_MEAN_SIMILARITY)
    close = story_groups(_two_deaths(), mean=CLOSE_STORY_MEAN_SIMILARITY)
    assert len(set(groups.values())) == 1  # one story of common nouns holds both deaths
    assert {close[d] for d in FIRST} != {close[d] for d in SECOND}
    assert len({close[d] for d in FIRST}) == 1 and len({close[d] for d in SECOND}) == 1


def test_a_description_joins_its_own_event_s_person_where_a_story_holds_two_events_of_one_kind():
    # in the loose story "the climber" of both deaths would meet, and two described climbers would leave
    # it to neither; in its close story each joins its own climber, and the two clash by name after
    resolution = resolve_entities(_two_deaths())
    for d in FIRST[1:]:
        assert resolution.canonical[f"e:climber#{d}"] == resolution.canonical["e:Tobin Marsh"]
    for d in SECOND[1:]:
        assert resolution.canonical[f"e:climber#{d}"] == resolution.canonical["e:Odo Fenwick"]
