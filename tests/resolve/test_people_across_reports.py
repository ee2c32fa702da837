"""People a story's reports call by other words: a headline's group read as a name, a
gang's boss and leader, and the one person held for the deed (invented names; records made by hand, resolved by
the pure rule function)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kg.resolve.entities import resolve_entities

from tests.resolve.record_kit import record, story

REL = "https://w3id.org/claimgraph/id/relation/"


def test_a_name_ending_in_a_plural_person_noun_takes_the_group_not_one_worker():
    # a headline's "Dallow Co-Workers" read as an organisation's name: "workers" are it, "the worker" is not
    name = record("e:cw", "Dallow Co-Workers", "Organization", "a")
    group = record("e:grp", "worker", "Thing", "b", "workers")
    one = record("e:one", "worker", "Thing", "c", "the worker")
    result = resolve_entities(story(name, group, one))
    assert not result.same("e:one", "e:cw")
    assert not result.same("e:one", "e:grp")


def test_a_gangs_boss_of_one_report_is_its_leader_in_another():
    boss = record("e:b", "suspected Varro boss", "Thing", "a", "the suspected Varro boss")
    leader = record("e:l", "suspected Varro leader", "Thing", "b", "a suspected Varro leader")
    assert resolve_entities(story(boss, leader)).same("e:b", "e:l")


def _accused_story(*people) -> list:
    """Reports of one killing in Pemberton: two call the doer "the suspect", another names the people in it."""
    suspect = [record("e:s1", "suspect", "Thing", "a", "the suspect"), record("e:s2", "suspect", "Thing", "b")]
    crime = record("e:murder", "count of murder", "Thing", "c")
    return story(*suspect, crime, *people, shared=(("e:town", "Pemberton", "Place"),))


def _charged(iri: str, name: str):
    """A person named in report "c" who "was charged with murder" (the story's count of murder)."""
    return replace(record(iri, name, "Person", "c"), deeds=frozenset({(REL + "charge-with", "e:murder")}))


def test_whoever_charged_someone_is_not_held_for_it():
    # the prosecutor Ivo Brandt "charged Rae Tolman": he charged a person, he is not held for anything
    rae = record("e:rae", "Rae Tolman", "Person", "c")
    ivo = replace(record("e:ivo", "Ivo Brandt", "Person", "c"), deeds=frozenset({(REL + "charge-with", "e:rae")}))
    assert not resolve_entities(_accused_story(rae, ivo)).same("e:s1", "e:ivo")


def test_a_woman_who_killed_someone_is_the_one_person_charged():
    # "a 60-year-old woman killed two teenagers" in one report; another names the woman charged
    woman = replace(record("e:w", "old woman", "Thing", "a", "a 60-year-old woman"),
                    deeds=frozenset({(REL + "kill", "e:v")}))
    victims = record("e:v", "teenager", "Thing", "a", "two teenagers")
    rae = _charged("e:rae", "Rae Tolman")
    crime = record("e:murder", "count of murder", "Thing", "c")
    result = resolve_entities(story(woman, victims, crime, rae, shared=(("e:town", "Pemberton", "Place"),)))
    assert result.same("e:w", "e:rae")


def _charged_neighbour_story(*people) -> list:
    """One report: "A neighbour has been charged in the slayings" (a person noun held for the deed, never named);
    another names the people of the story."""
    slayings = record("e:sl", "slaying", "Thing", "a", "the slayings")
    neighbour = replace(record("e:n", "neighbour", "Thing", "a", "A neighbour"),
                        deeds=frozenset({(REL + "charge-in", "e:sl")}))
    crime = record("e:murder", "count of murder", "Thing", "c")
    return story(slayings, neighbour, crime, *people, shared=(("e:town", "Pemberton", "Place"),))


def test_a_person_noun_indicted_by_a_jury_is_not_held_by_that_phrase():
    # "a 50-year-old Pemberton woman ... was indicted by a grand jury": "by" names who indicted her, not what for
    jury = record("e:jury", "grand jury", "Thing", "a", "a grand jury")
    woman = replace(record("e:w", "year old Pemberton woman", "Thing", "a", "a 50-year-old Pemberton woman"),
                    deeds=frozenset({(REL + "indict-by", "e:jury")}))
    rae = _charged("e:rae", "Rae Tolman")
    crime = record("e:murder", "count of murder", "Thing", "c")
    result = resolve_entities(story(jury, woman, crime, rae, shared=(("e:town", "Pemberton", "Place"),)))
    assert not result.same("e:w", "e:rae")


#: The description held for the deed in each story: "the suspect" (a doer noun), "A neighbour has been charged".
DESCRIBED = {"the suspect": (_accused_story, "e:s1"),
             "a person noun charged in the deed": (_charged_neighbour_story, "e:n")}


@pytest.mark.parametrize("make, described", DESCRIBED.values(), ids=list(DESCRIBED))
def test_the_description_is_the_one_person_charged_and_neither_of_two(make, described):
    rae, kit = _charged("e:rae", "Rae Tolman"), _charged("e:kit", "Kit Amsel")
    assert resolve_entities(make(rae)).same(described, "e:rae")
    two = resolve_entities(make(rae, kit))
    assert not two.same(described, "e:rae") and not two.same(described, "e:kit")
