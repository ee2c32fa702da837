"""Story grouping: a product line's numbered versions are one name, and close stories read common nouns too.

Invented collections. Reports of one software flaw name the product by its line and by its versions
("Zenix5", "Zenix7") and each quotes its own analysts; reports of one company's two affairs (a browser
flaw, quarterly earnings) all name the company and each quotes other people, so by names alone no two of
them are close, while the two flaw reports tell of the same patch, flaw and attackers.
"""

from __future__ import annotations

from kg.resolve.entities import (
    CLOSE_STORY_MEAN_SIMILARITY,
    CLOSE_STORY_WORD_WEIGHT,
    EntityRecord,
    _story_key,
    story_groups,
)

from tests.resolve.record_kit import named, noun


def _versions(first: str, second: str) -> list[EntityRecord]:
    return [named(first, {"p"}, "Product"), named("Ada Pell", {"p"}),
            named(second, {"q"}, "Product"), named("Bo Tarn", {"q"}),
            named("Orla Finch", {"x", "y", "z"}), named("Dunmore", {"x", "y", "z"}, "Place")]


def test_a_versions_digit_glued_to_its_name_is_dropped_from_the_key():
    assert _story_key("Zenix5") == _story_key("zenix7") == _story_key("Zenix") == "zenix"
    assert _story_key("Route 52") != _story_key("Route 94")
    assert _story_key("MK12") != _story_key("MK14")
    assert _story_key("G8") == "g8"


def test_two_reports_naming_two_versions_of_one_product_share_it():
    groups = story_groups(_versions("Zenix5", "Zenix7"))
    assert groups["p"] == groups["q"] != groups["x"]


def test_numbers_written_apart_name_other_things():
    groups = story_groups(_versions("Route 52", "Route 94"))
    assert groups["p"] != groups["q"]


FLAW = ("e1", "e2")
EARNINGS = ("g1", "g2")


def _company() -> list[EntityRecord]:
    records = [named("Tellco", FLAW + EARNINGS, "Organization")]
    for d, people in zip(FLAW + EARNINGS, (("Ann Vale", "Ed Sorn"), ("Bo Rusk", "Fay Lund"),
                                            ("Cy Moor", "Gil Pratt"), ("Di Holt", "Hal Yeo"))):
        records += [named(p, {d}) for p in people]
    for d in FLAW:
        records += [noun(n, d) for n in ("the emergency patch", "the browser flaw", "the attackers")]
    for d in EARNINGS:
        records += [noun(n, d) for n in ("quarterly earnings", "the share price", "the analysts' forecast")]
    return records


def test_by_names_alone_no_two_reports_are_close():
    groups = story_groups(_company(), mean=CLOSE_STORY_MEAN_SIMILARITY)
    assert len({groups[d] for d in FLAW + EARNINGS}) == 4


def test_close_stories_join_the_reports_that_tell_of_the_same_things():
    groups = story_groups(_company(), mean=CLOSE_STORY_MEAN_SIMILARITY, words=CLOSE_STORY_WORD_WEIGHT)
    assert groups["e1"] == groups["e2"]
    assert groups["g1"] == groups["g2"] != groups["e1"]


def test_shared_words_without_a_shared_name_are_weak_evidence():
    records = [r for r in _company() if r.prefs[0] != "Tellco"]
    groups = story_groups(records, mean=CLOSE_STORY_MEAN_SIMILARITY, words=CLOSE_STORY_WORD_WEIGHT)
    assert groups["e1"] != groups["e2"]
