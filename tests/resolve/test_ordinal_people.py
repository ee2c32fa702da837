"""People a story's reports count by an ordinal: "killing two co-workers and wounding a third co-worker" in one
report, "two dead and a third employee wounded" in another (invented names; records made by hand, resolved by
the pure rule function)."""

from __future__ import annotations

from dataclasses import replace

from kg.resolve.entities import resolve_entities

from tests.resolve.record_kit import record, story

REL = "https://w3id.org/claimgraph/id/relation/"


def _shooter(docs: str, *harmed: tuple[str, str]):
    return replace(record("e:gun-" + docs, "Orla Venn", "Person", docs), deeds=frozenset(harmed))


def test_the_third_person_of_a_story_is_one_person_whatever_noun_counts_him():
    # "killing two co-workers and critically injuring a third co-worker" / "a third colleague" / "a third employee"
    cw = record("e:cw", "third co-worker", "Thing", "a")
    col = record("e:col", "third colleague", "Thing", "b")
    emp = record("e:emp", "third employee", "Thing", "c")
    result = resolve_entities(story(cw, col, emp, _shooter("a", (REL + "injure", "e:cw")),
                                    _shooter("b", (REL + "wound", "e:col"))))
    assert result.same("e:cw", "e:col") and result.same("e:cw", "e:emp")


def test_the_third_killed_is_not_the_third_wounded():
    killed = record("e:k", "third worker", "Thing", "a")
    wounded = record("e:w", "third colleague", "Thing", "b")
    result = resolve_entities(story(killed, wounded, _shooter("a", (REL + "kill", "e:k")),
                                    _shooter("b", (REL + "wound", "e:w"))))
    assert not result.same("e:k", "e:w")


def test_a_second_gunman_is_no_second_victim():
    gunman = record("e:g", "second gunman", "Thing", "a")
    victim = record("e:v", "second victim", "Thing", "b")
    assert not resolve_entities(story(gunman, victim)).same("e:g", "e:v")


def test_a_counted_co_worker_is_not_another_reports_co_worker_of_hers():
    # "a co-worker of hers" of one report is any co-worker; "a third co-worker" is the third one the report counted
    third = record("e:t", "co-worker", "Thing", "a", "third co-worker")
    hers = record("e:h", "co-worker", "Thing", "b")
    assert not resolve_entities(story(third, hers)).same("e:t", "e:h")


def test_a_co_worker_uncounted_in_the_same_article_still_meets_its_head():
    # the same article's "a co-worker" and "the third co-worker" are not kept apart by the ordinal
    third = record("e:t", "co-worker", "Thing", "a", "third co-worker")
    again = record("e:a", "co-worker", "Thing", "a", "the co-worker")
    other = record("e:o", "co-worker", "Thing", "b", "the co-worker")
    result = resolve_entities(story(third, again, other))
    assert result.same("e:a", "e:o")
