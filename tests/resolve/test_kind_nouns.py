"""A kind noun ("the vehicle", "the weapon") and the one thing of its kind the closest reports call by a sub-kind
("a prison van", "a revolver"): kg.lexicon.KIND_NOUNS, kg.resolve.entities._join_kinds (rule 13), on invented
stories."""

from __future__ import annotations

from kg.lexicon import KIND_NOUNS, THING_SYNONYMS, is_person_noun, sub_kinds, thing_synonyms
from tests.resolve.resolve_kit import merged, papers, resolve_with_nouns

#: What both reports of the invented story name, so they tell one story (and are each other's closest report).
SHARED = (("Harlow Bay", "Place"), ("Dunmere County Jail", "Organization"), ("Ann Wrexley", "Person"))


def _story(store, left: list[tuple[str, str]], right: list[tuple[str, str]]) -> None:
    """Two reports of one story with the given (label, key) descriptions, resolved."""
    resolve_with_nouns(store, papers("Courier", "Ledger", shared=SHARED), left, right)


def test_the_kind_noun_is_the_one_thing_of_its_kind(store):
    # one report's "a prison van" is the next report's "the vehicle", its "a revolver" "the weapon": the only
    # vehicle and the only weapon of the story; the van is no weapon
    _story(store, [("a prison van", "prison van #a"), ("a revolver", "revolver #a")],
           [("the vehicle", "vehicle #b"), ("the weapon", "weapon #b")])
    assert merged(store, "prison van #a", "vehicle #b")
    assert merged(store, "revolver #a", "weapon #b")
    assert not merged(store, "prison van #a", "weapon #b")


def test_two_things_of_the_kind_leave_the_kind_noun_open(store):
    # a van and a truck are both vehicles: "the vehicle" may be either; a gun and a knife both weapons
    _story(store, [("a prison van", "prison van #a"), ("a pickup truck", "pickup truck #a"), ("a knife", "knife #a")],
           [("the vehicle", "vehicle #b"), ("the weapon", "weapon #b"), ("a shotgun", "shotgun #b")])
    assert not merged(store, "prison van #a", "vehicle #b")
    assert not merged(store, "pickup truck #a", "vehicle #b")
    assert not merged(store, "knife #a", "weapon #b")
    assert not merged(store, "shotgun #b", "weapon #b")


def test_groups_and_a_noun_also_called_by_a_sub_kind_stay_apart(store):
    # "the boats" may be some of the skiffs; "the car" of a report is a car, not any vehicle: the van stays apart
    _story(store, [("pirate skiffs", "skiff #a"), ("a white van", "white van #a")],
           [("the boats", "boat #b"), ("the car", "car #b")])
    assert not merged(store, "skiff #a", "boat #b")
    assert not merged(store, "white van #a", "car #b")


def test_the_kind_table_is_general_and_apart_from_the_thesaurus():
    # a sub-kind of a sub-kind is of the kind; no kind noun is a near-synonym of its own sub-kind (the thesaurus
    # would join any two of them); no word of the table is a person noun
    assert {"revolver", "pistol", "knife"} <= sub_kinds("weapon") and "revolver" in sub_kinds("gun")
    assert not sub_kinds("river")
    for kind, subs in KIND_NOUNS.items():
        assert not subs & (thing_synonyms(kind) - {kind}) - {"car", "automobile"}, kind
        assert not [w for w in subs | {kind} if is_person_noun(w)]
    assert len(KIND_NOUNS) >= 10 and all(len(subs) >= 1 for subs in KIND_NOUNS.values())
    assert all(len(group) >= 2 for group in THING_SYNONYMS)
