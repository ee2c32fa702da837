"""The CaRB scorer on small gold/system pairs whose scores are worked out by hand."""

from __future__ import annotations

import pytest

from benchmarks.carb.scorer import (
    Tuple,
    auc,
    binarise,
    match,
    normalise_sentence,
    read_gold,
    read_system,
    score,
    sentence_counts,
)


def t(*fields: str) -> Tuple:
    return binarise(list(fields))


def test_sentences_match_without_spaces_or_punctuation():
    assert normalise_sentence("Kim , who ruled , said `` no . ''") == normalise_sentence("Kim, who ruled, said no.")
    assert normalise_sentence("Kim ruled") != normalise_sentence("Kim rules")


def test_binarise_joins_arguments_two_to_n_and_skips_gold_context_only():
    fields = ["sent", "Kim", "troops", "to Russia", "C: reportedly"]
    assert binarise(fields, skip_context=True) == Tuple(("sent",), ("Kim",), ("troops", "to", "Russia"))
    # a system's "C: ..." argument is text like any other
    assert binarise(fields).object == ("troops", "to", "Russia", "C:", "reportedly")
    assert binarise(["died", "Kim"]) == Tuple(("died",), ("Kim",), None)
    with pytest.raises(ValueError):
        binarise([])


def test_match_counts_tokens_per_slot():
    gold = t("sent", "Kim Jong-un", "15,000 troops to Russia")
    system = t("sent to", "Kim", "troops Russia")
    # relation: "sent" found (1); arg1: "Kim" (1); object: "troops", "Russia" (2) -> 4 matched
    # precision 4 / (2 + 1 + 2) system tokens; recall 4 / (1 + 2 + 4) gold tokens
    assert match(gold, system) == pytest.approx((4 / 5, 4 / 7))


def test_each_system_token_is_used_once():
    gold = t("saw", "the cat", "the dog")
    system = t("saw", "the cat", "the")
    # object: gold "the", "dog" against system "the" -> 1; total 1 + 2 + 1 = 4 of 4 system, of 5 gold
    assert match(gold, system) == pytest.approx((1.0, 4 / 5))
    gold = t("saw", "the cat", "the the")
    # the second gold "the" finds no unused system "the"
    assert match(gold, t("saw", "the cat", "the")) == pytest.approx((1.0, 4 / 5))


def test_no_relation_overlap_or_missing_argument_scores_zero():
    gold = t("likes", "Ann", "Bob")
    assert match(gold, t("loves", "Ann", "Bob")) == (0.0, 0.0)
    assert match(gold, t("likes", "Ann")) == (0.0, 0.0)
    assert match(gold, Tuple(("likes",), None, ("Bob",))) == (0.0, 0.0)


def test_matching_is_case_sensitive():
    # relation 1, arg1 0 ("ann" is not "Ann"), object 1 -> 2 of 3
    assert match(t("likes", "Ann", "Bob"), t("likes", "ann", "Bob")) == pytest.approx((2 / 3, 2 / 3))


def test_system_be_matches_one_gold_form_of_be():
    # "be" counts for "is": 3 of 3 either way
    assert match(t("is", "Paris", "a city"), t("be", "Paris", "a city")) == pytest.approx((1.0, 1.0))
    # only one: gold "is been" (2 tokens) gets one from "be" -> relation 1, args 1 + 2 = 4 of 5 gold
    assert match(t("is been", "Paris", "a city"), t("be", "Paris", "a city")) == pytest.approx((1.0, 4 / 5))
    # "be" does not match a non-be word
    assert match(t("became", "Paris", "a city"), t("be", "Paris", "a city")) == (0.0, 0.0)


def test_said_relations_are_also_tried_with_arguments_swapped():
    gold = t("said", "Kim", "the war is over")
    system = t("said", "the war is over", "Kim")
    # straight: only the relation matches, 1 of 6 tokens each way; swapped: everything matches
    assert match(gold, system) == (1.0, 1.0)
    # other relations are never swapped
    assert match(t("likes", "Ann", "Bob"), t("likes", "Bob", "Ann")) == pytest.approx((1 / 3, 1 / 3))


def test_greedy_one_to_one_matching_for_precision_best_recall_for_recall():
    gold = [t("plays", "Messi", "football"), t("plays", "Messi", "football for Barcelona")]
    system = [(0.5, t("plays", "Messi", "football")), (0.5, t("plays for", "Messi", "Barcelona"))]
    # precision matrix (gold rows, system columns):
    #   g1: s1 1.0 (3/3)      s2 2/4 = 0.5 (relation "plays", arg1 "Messi")
    #   g2: s1 3/3 = 1.0      s2 3/4 = 0.75 ("plays", "Messi", "Barcelona")
    # greedy takes g1-s1 (1.0, first of the tied best), then g2-s2 (0.75): 1.75
    # recall: g1 best is s1 (1.0); g2: s1 3/5, s2 3/5 -> 0.6; sum 1.6
    assert sentence_counts(gold, system) == [(0.5, 2, pytest.approx(1.75), pytest.approx(1.6))]


def test_score_sweeps_thresholds_and_reports_best_f1_and_auc():
    gold = {
        "Ann likes Bob and hates cats .": [t("likes", "Ann", "Bob"), t("hates", "Ann", "cats")],
        "Paris is a city in France .": [t("is", "Paris", "a city in France")],
    }
    system = {
        "Ann likes Bob and hates cats.": [  # punctuation and spacing differ: still the same sentence
            (0.9, t("likes", "Ann", "Bob")),  # g1: (1, 1)
            (0.5, t("hates", "Ann", "dogs")),  # g2: 2 of 3 each way -> (2/3, 2/3)
            (0.1, t("likes", "Bob", "Ann")),  # g1: relation only -> (1/3, 1/3)
        ],
        "A sentence the gold does not have .": [(0.7, t("is", "it", "here"))],
    }
    result = score(gold, system)
    # 3 gold tuples in all; Paris gets no system tuple.
    # t=0.9: P = 1/1, R = 1/3, F1 = 0.5
    # t=0.5: P = (1 + 2/3) / 2 = 5/6, R = (1 + 2/3) / 3 = 5/9, F1 = 2/3
    # t=0.1: greedy still g1-s1, g2-s2 (2 rounds): P = (5/3) / 3 = 5/9; R stays 5/9; F1 = 5/9
    assert [c for c, _, _ in result.curve] == [0.9, 0.5, 0.1]
    assert [p for _, p, _ in result.curve] == pytest.approx([1.0, 5 / 6, 5 / 9])
    assert [r for _, _, r in result.curve] == pytest.approx([1 / 3, 5 / 9, 5 / 9])
    assert result.f1 == pytest.approx(2 / 3)
    assert (result.precision, result.recall, result.threshold) == pytest.approx((5 / 6, 5 / 9, 0.5))
    # AUC over (0, 1), (1/3, 1), (5/9, 5/6), (5/9, 5/9): 1/3 * 1 + 2/9 * (1 + 5/6) / 2 = 29/54
    assert result.auc == pytest.approx(29 / 54)


def test_constant_confidence_gives_one_point():
    gold = {"s": [t("likes", "Ann", "Bob"), t("hates", "Ann", "cats")]}
    system = {"s": [(0.5, t("likes", "Ann", "Bob"))]}
    result = score(gold, system)
    # P = 1, R = 1/2; AUC: rectangle 1/2 * 1 under the flat segment from (0, 1)
    assert (result.precision, result.recall) == pytest.approx((1.0, 0.5))
    assert result.auc == pytest.approx(0.5)


def test_auc_adds_the_zero_recall_point():
    # (0, 1) to (1, 0): a triangle of area 1/2
    assert auc([(1.0, 0.0)]) == pytest.approx(0.5)


def test_readers_parse_tab_lines_and_reject_bad_ones():
    gold = read_gold(["S .\tis\tParis\ta city\tC: now\n", "\n"])
    assert gold == {"S .": [Tuple(("is",), ("Paris",), ("a", "city"))]}
    system = read_system(["S .\t0.25\tis\tParis\ta city\n"])
    assert system == {"S .": [(0.25, Tuple(("is",), ("Paris",), ("a", "city")))]}
    with pytest.raises(ValueError, match="not a number"):
        read_system(["S .\thigh\tis\tParis\ta city\n"])
    with pytest.raises(ValueError, match="line 1"):
        read_gold(["just a sentence\n"])


def test_empty_gold_is_an_error():
    with pytest.raises(ValueError):
        score({}, {"s": [(0.5, t("likes", "Ann", "Bob"))]})
