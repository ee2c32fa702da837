"""A report that shares too few names with the others to join a story joins the story it tells by its words.

Invented collection: four reports of a fire bomb thrown into a bank in the (invented) town of Varnel, each
naming the bank's manager Ilse Marrow and the town; a fifth, short report names neither (only the
country, which the others leave out), yet tells of the same bank workers and the same fire bomb. Four more reports tell of a flood
on the river Oska. Alone in a story of its own, the short report's "bank workers" met no other report's.
"""

from __future__ import annotations

from kg.resolve.entities import (
    LONE_STORY_MEAN_SIMILARITY,
    EntityRecord,
    _place_lone_documents,
    resolve_entities,
    story_groups,
    NOUN_STORY_MEAN_SIMILARITY,
)

from tests.resolve.record_kit import named, noun

FIRE = ("f0", "f1", "f2", "f3")
FLOOD = ("w0", "w1", "w2", "w3")
SHORT = "s0"


def _collection(short_nouns=("bank workers", "fire bomb", "austerity strike")) -> list[EntityRecord]:
    records = [
        named("Ilse Marrow", FIRE, "Person"),
        named("Varnel", FIRE, "Place"),
        named("Oska", FLOOD, "Place"),
        named("Tomas Quill", FLOOD, "Person"),
        named("Daleria", (SHORT,), "Place"),  # the country, which no other report names
    ]
    for d in FIRE:
        records += [noun(n, d) for n in ("bank workers", "fire bomb", "austerity strike", "riot police")]
    for d in FLOOD:
        records += [noun(n, d) for n in ("flood water", "rescue boats", "river bank")]
    records += [noun(n, SHORT) for n in short_nouns]
    return records


def test_the_short_report_is_alone_by_its_names():
    groups = story_groups(_collection(), mean=NOUN_STORY_MEAN_SIMILARITY)
    assert groups[SHORT] not in {groups[d] for d in FIRE + FLOOD}


def test_it_joins_the_story_its_words_tell():
    groups = _place_lone_documents(_collection(), None, story_groups(_collection(), mean=NOUN_STORY_MEAN_SIMILARITY))
    assert groups[SHORT] == groups[FIRE[0]] != groups[FLOOD[0]]


def test_its_bank_workers_are_the_storys():
    resolution = resolve_entities(_collection())
    assert resolution.same(f"e:bank workers#{SHORT}", f"e:bank workers#{FIRE[0]}")
    assert resolution.same(f"e:fire bomb#{SHORT}", f"e:fire bomb#{FIRE[1]}")


def test_a_report_that_shares_no_words_stays_alone():
    records = _collection(short_nouns=("chess tournament", "opening move"))
    groups = _place_lone_documents(records, None, story_groups(records, mean=NOUN_STORY_MEAN_SIMILARITY))
    assert groups[SHORT] not in {groups[d] for d in FIRE + FLOOD}
    assert LONE_STORY_MEAN_SIMILARITY > 0
