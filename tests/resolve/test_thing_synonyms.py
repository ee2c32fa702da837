"""Things two reports of one story call by near-synonym heads (kg.lexicon.THING_SYNONYMS), on invented stories."""

from __future__ import annotations

from kg.lexicon import GROUP_SYNONYMS, NEAR_SYNONYMS, THING_SYNONYMS, is_person_noun
from tests.resolve.resolve_kit import merged, papers, resolve_with_nouns

#: What both reports of the invented story name, so they tell one story.
SHARED = (("Harlow Bay", "Place"), ("Dunmere Software", "Organization"))


def _story(store, left: list[tuple[str, str]], right: list[tuple[str, str]]) -> None:
    """Two reports of one story with the given (label, key) descriptions, resolved."""
    resolve_with_nouns(store, papers("Courier", "Ledger", shared=SHARED), left, right)


def test_disaster_words_of_one_report_are_the_synonyms_of_another(store):
    # "the quake ... the blaze ... the blast" of one report, "the tremor ... the fire ... the explosion" of the next
    _story(store, [("the powerful quake", "powerful quake #a"), ("the blaze", "blaze #a"), ("the blast", "blast #a")],
           [("the tremor", "tremor #b"), ("the fire", "fire #b"), ("the explosion", "explosion #b")])
    assert merged(store, "powerful quake #a", "tremor #b")
    assert merged(store, "blaze #a", "fire #b")
    assert merged(store, "blast #a", "explosion #b")
    assert not merged(store, "powerful quake #a", "fire #b")


def test_software_words_join_but_kinds_and_other_senses_stay_apart(store):
    # "the patch" is "the update"; "the flaw" "the vulnerability"; a "weapon" is no synonym of "the gun" (a kind:
    # with a knife in the story, either may be it), and two patches told apart by their numbers stay two under the
    # clash check
    _story(store, [("the patch", "patch #a"), ("the flaw", "flaw #a"), ("the gun", "gun #a"),
                   ("two patches", "two patch #a"), ("a knife", "knife #a")],
           [("the security update", "security update #b"), ("the vulnerability", "vulnerability #b"),
            ("the weapon", "weapon #b"), ("three updates", "three update #b")])
    assert merged(store, "patch #a", "security update #b")
    assert merged(store, "flaw #a", "vulnerability #b")
    assert not merged(store, "gun #a", "weapon #b")
    assert not merged(store, "two patch #a", "three update #b")


def test_the_thesaurus_classes_are_disjoint_and_name_no_person():
    # a word in two classes would key as only one of them; a person noun among things would make its class people
    words = [w for group in (*THING_SYNONYMS, *NEAR_SYNONYMS, *GROUP_SYNONYMS) for w in group]
    assert len(words) == len(set(words))
    assert not [w for group in THING_SYNONYMS for w in group if is_person_noun(w)]
    assert len(THING_SYNONYMS) >= 60 and all(len(group) >= 2 for group in THING_SYNONYMS)


def test_a_bug_or_loophole_is_the_flaw_and_a_line_no_cable(store):
    # "the bug" of one report is "the flaw" of the next, "the loophole" "the vulnerability"; a "line" (front line,
    # line of police, party line) and a "hole" (in the hull) name something else in most stories and stay apart
    _story(store, [("the bug", "bug #a"), ("the loophole", "loophole #a"), ("the undersea cable", "undersea cable #a"),
                   ("the hole", "hole #a")],
           [("the flaw", "flaw #b"), ("the vulnerability", "vulnerability #b"), ("the damaged line", "damaged line #b"),
            ("the defect", "defect #b")])
    assert merged(store, "bug #a", "flaw #b")
    assert merged(store, "loophole #a", "vulnerability #b")
    assert not merged(store, "undersea cable #a", "damaged line #b")
    assert not merged(store, "hole #a", "defect #b")
    assert not merged(store, "undersea cable #a", "flaw #b")
