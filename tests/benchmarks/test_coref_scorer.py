"""MUC, B3, CEAF-e and CoNLL F1 on examples worked by hand (values in the comments)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.ecbplus.scorer import (
    Score,
    b_cubed,
    ceaf_e,
    clusters_of,
    evaluate,
    max_weight_assignment,
    merge_clusterings,
    muc,
    restrict_to_gold,
)


def _sets(*groups: str) -> list[frozenset]:
    return [frozenset(g) for g in groups]


def _close(score: Score, recall: float, precision: float, f1: float) -> None:
    assert score.recall == pytest.approx(recall)
    assert score.precision == pytest.approx(precision)
    assert score.f1 == pytest.approx(f1)


# -- Vilain et al. (1995): the motivating MUC example -----------------------------------
def test_muc_vilain_split_chain():
    # key {A B C D}: 3 links. The response {A B} {C D} keeps 2 of them:
    # recall = (4 - |{AB},{CD}|) / (4 - 1) = 2/3; precision: each response chain lies inside
    # one key chain: ((2-1) + (2-1)) / ((2-1) + (2-1)) = 1.
    _close(muc(_sets("ABCD"), _sets("AB", "CD")), 2 / 3, 1.0, 0.8)


# -- Bagga & Baldwin (1998): 12 mentions, the example that motivates B3 --------------------
KEY_BB = [frozenset({1, 2, 3, 4, 5}), frozenset({6, 7}), frozenset({8, 9, 10, 11, 12})]
RESPONSE_BB_SMALL = [frozenset({1, 2, 3, 4, 5}), frozenset({6, 7, 8, 9, 10, 11, 12})]
RESPONSE_BB_LARGE = [frozenset({1, 2, 3, 4, 5, 8, 9, 10, 11, 12}), frozenset({6, 7})]


def test_bagga_baldwin_muc_cannot_tell_the_two_errors_apart():
    # Both responses merge two key chains into one: recall = (4+1+4)/(4+1+4) = 1;
    # precision = ((5-1) + (7-2)) / (4 + 6) = 9/10 for the first and ((10-2) + (2-1)) / (9 + 1) = 9/10
    # for the second; F = 2*0.9/1.9 = 18/19.
    _close(muc(KEY_BB, RESPONSE_BB_SMALL), 1.0, 0.9, 18 / 19)
    _close(muc(KEY_BB, RESPONSE_BB_LARGE), 1.0, 0.9, 18 / 19)


def test_bagga_baldwin_b3_penalises_merging_large_chains_more():
    # small merge: precision = [5*5/5 + (2*2 + 5*5)/7] / 12 = (5 + 29/7) / 12 = 64/84 = 0.761905;
    # recall = 1 (each key chain lies inside one response chain); F = 2*(16/21)/(1+16/21) = 32/37.
    _close(b_cubed(KEY_BB, RESPONSE_BB_SMALL), 1.0, 64 / 84, 32 / 37)
    # large merge: precision = [(5*5 + 5*5)/10 + 2*2/2] / 12 = (5 + 2) / 12 = 7/12; F = 14/19.
    _close(b_cubed(KEY_BB, RESPONSE_BB_LARGE), 1.0, 7 / 12, 14 / 19)


def test_bagga_baldwin_ceaf_e():
    # phi4({1..5},{1..5}) = 1; phi4({6,7},{6..12}) = 2*2/9; phi4({8..12},{6..12}) = 2*5/12 = 5/6.
    # best alignment: {1..5}-{1..5} and {8..12}-{6..12}: total T = 11/6;
    # recall = T/3 = 11/18, precision = T/2 = 11/12, F = 2T/(3+2) = 11/15.
    _close(ceaf_e(KEY_BB, RESPONSE_BB_SMALL), 11 / 18, 11 / 12, 11 / 15)


# -- Pradhan et al. (2014), the reference-scorer paper's twinless-mention example ------------
# key {a b c} {d e f g}; response {a b} {c d} {f g h i}: e is missing from the response,
# h and i are not in the key (values below worked by hand from the formulas).
KEY_P = _sets("abc", "defg")
RESPONSE_P = _sets("ab", "cd", "fghi")


def test_pradhan_muc_with_twinless_mentions():
    # recall: {abc} splits into {ab},{c} -> 3-2 = 1; {defg} into {d},{e}(missing),{fg} -> 4-3 = 1;
    #         (1+1) / (2+3) = 2/5.
    # precision: {ab} -> 1; {cd} -> {c},{d}: 0; {fghi} -> {fg},{h},{i}: 1; (1+0+1)/(1+1+3) = 2/5.
    _close(muc(KEY_P, RESPONSE_P), 0.4, 0.4, 0.4)


def test_pradhan_b3_with_twinless_mentions():
    # recall: {abc}: (2^2 + 1^2)/3 = 5/3; {defg}: (1^2 + 2^2)/4 = 5/4 (e adds nothing);
    #         (5/3 + 5/4) / 7 = 35/84.
    # precision: {ab}: 4/2 = 2; {cd}: (1+1)/2 = 1; {fghi}: 4/4 = 1 (h, i add nothing); 4/8 = 1/2.
    # F = 2 * (35/84) * (1/2) / (35/84 + 42/84) = 35/77.
    _close(b_cubed(KEY_P, RESPONSE_P), 35 / 84, 0.5, 35 / 77)


def test_pradhan_ceaf_e_with_twinless_mentions():
    # phi4: abc-ab 4/5, abc-cd 2/5, defg-cd 2/6, defg-fghi 4/8.
    # best: abc-ab + defg-fghi = 0.8 + 0.5 = 1.3 (the alternatives give 0.9 and 1.1333);
    # recall = 1.3/2, precision = 1.3/3, F = 2*1.3/(2+3) = 0.52.
    _close(ceaf_e(KEY_P, RESPONSE_P), 0.65, 1.3 / 3, 0.52)


def test_pradhan_example_under_the_gold_mention_policy():
    # evaluate() restricts the response to gold mentions: h, i dropped, e a singleton:
    # response {ab} {cd} {fg} {e}.
    key = {m: n for n, chain in enumerate(["abc", "defg"]) for m in chain}
    response = {m: n for n, chain in enumerate(["ab", "cd", "fghi"]) for m in chain}
    e = evaluate(key, response)
    # MUC recall = 2/5 as before; precision = (1 + 0 + 1 + 0) / (1 + 1 + 1 + 0) = 2/3; F = 0.5.
    _close(e.muc, 0.4, 2 / 3, 0.5)
    # B3 recall: {abc} 5/3; {defg}: (1 + 4 + 1)/4 = 3/2 -> (5/3 + 3/2)/7 = 19/42.
    # precision: {ab} 2, {cd} 1, {fg} 2, {e} 1 -> 6/7. F = 2*(19/42)*(6/7)/(19/42 + 36/42) = 228/385.
    _close(e.b3, 19 / 42, 6 / 7, 228 / 385)
    # CEAF-e: abc-ab 4/5 + defg-fg 2*2/6 = 4/5 + 2/3 = 22/15; recall = 22/30, precision = 22/60,
    # F = 2*(22/15)/(2+4) = 22/45.
    _close(e.ceafe, 22 / 30, 22 / 60, 22 / 45)
    assert e.conll == pytest.approx((0.5 + 228 / 385 + 22 / 45) / 3)
    # the raw reference semantics differ (see the three tests above)
    raw = evaluate(key, response, restrict_to_gold_mentions=False)
    _close(raw.muc, 0.4, 0.4, 0.4)
    _close(raw.ceafe, 0.65, 1.3 / 3, 0.52)


# -- the two degenerate responses --------------------------------------------------------
def test_everything_in_one_cluster():
    key = _sets("ab", "cd")
    one = _sets("abcd")
    # MUC: recall (1+1)/(1+1) = 1; precision (4-2)/3 = 2/3.
    _close(muc(key, one), 1.0, 2 / 3, 0.8)
    # B3: recall 1; precision (2^2 + 2^2)/4 / 4 = 1/2.
    _close(b_cubed(key, one), 1.0, 0.5, 2 / 3)
    # CEAF-e: phi4(ab, abcd) = 4/6 = 2/3, only one response entity: recall 1/3, precision 2/3.
    _close(ceaf_e(key, one), 1 / 3, 2 / 3, 4 / 9)


def test_all_singletons():
    key = _sets("ab", "cd")
    singles = _sets("a", "b", "c", "d")
    # MUC: no link found: recall 0; precision 0/0 := 0.
    _close(muc(key, singles), 0.0, 0.0, 0.0)
    # B3: recall (1/2 * 4)/4 = 1/2; precision 1.
    _close(b_cubed(key, singles), 0.5, 1.0, 2 / 3)
    # CEAF-e: phi4(ab, a) = 2/3; two matches: T = 4/3; recall 2/3, precision 1/3.
    _close(ceaf_e(key, singles), 2 / 3, 1 / 3, 4 / 9)


def test_only_singletons_on_both_sides():
    key = {"a": 1, "b": 2}
    e = evaluate(key, {"a": "x", "b": "y"})
    # MUC has no links to count (0/0 := 0, as the reference scorer); B3 and CEAF-e are perfect.
    assert e.muc.f1 == 0.0
    assert e.b3.f1 == pytest.approx(1.0)
    assert e.ceafe.f1 == pytest.approx(1.0)


def test_empty_inputs_score_zero():
    e = evaluate({}, {})
    assert (e.muc.f1, e.b3.f1, e.ceafe.f1) == (0.0, 0.0, 0.0)


def test_restrict_to_gold_drops_extra_and_isolates_missing_mentions():
    key = {"a": 1, "b": 1, "c": 2}
    response = {"a": "x", "z": "x", "y": "x"}
    restricted = restrict_to_gold(key, response)
    assert set(restricted) == {"a", "b", "c"}
    assert restricted["a"] == "x"
    assert len({restricted["a"], restricted["b"], restricted["c"]}) == 3
    # a user cluster id that looks like the internal singleton id is not confused with it
    tricky = restrict_to_gold({"a": 1, "b": 1}, {"a": ("missing", "b")})
    assert tricky["a"] != tricky["b"]


def test_merge_clusterings_keeps_topics_apart():
    pooled = merge_clusterings([{"a": "x", "b": "x"}, {"c": "x"}])
    assert pooled["a"] == pooled["b"] != pooled["c"]
    with pytest.raises(ValueError):
        merge_clusterings([{"a": 1}, {"a": 2}])


# -- Kuhn-Munkres ------------------------------------------------------------------------
def test_assignment_prefers_global_optimum_over_greedy():
    # greedy takes 10 (row 0 - col 0) and then 1; the optimum is 9 + 9 = 18.
    weights = [[10, 9], [9, 1]]
    pairs = max_weight_assignment(weights)
    assert pairs == [(0, 1), (1, 0)]


def test_assignment_rejects_ragged_rows():
    with pytest.raises(ValueError):
        max_weight_assignment([[1, 2], [3]])


def _brute_force(weights: list[list[float]]) -> float:
    n, m = len(weights), len(weights[0])
    if n <= m:
        return max(sum(weights[i][c] for i, c in enumerate(cols)) for cols in itertools.permutations(range(m), n))
    return max(sum(weights[r][j] for j, r in enumerate(rows)) for rows in itertools.permutations(range(n), m))


@settings(max_examples=150, deadline=None)
@given(
    st.integers(1, 5).flatmap(
        lambda n: st.integers(1, 5).flatmap(
            lambda m: st.lists(
                st.lists(st.integers(0, 20).map(lambda x: x / 4), min_size=m, max_size=m), min_size=n, max_size=n
            )
        )
    )
)
def test_assignment_matches_brute_force(weights):
    pairs = max_weight_assignment(weights)
    assert len(pairs) == min(len(weights), len(weights[0]))
    assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
    assert sum(weights[i][j] for i, j in pairs) == pytest.approx(_brute_force(weights))


# -- properties over random clusterings ----------------------------------------------------
_clusterings = st.dictionaries(st.integers(0, 11), st.integers(0, 4), min_size=1)


def _ceaf_full_matrix(key, response) -> float:
    """CEAF-e total similarity with one brute-force alignment over all entities (no decomposition)."""
    weights = [[2 * len(k & r) / (len(k) + len(r)) for r in response] for k in key]
    return _brute_force(weights)


@settings(max_examples=150, deadline=None)
@given(_clusterings, _clusterings)
def test_ceaf_decomposition_equals_whole_alignment(key_map, response_map):
    key, response = clusters_of(key_map), clusters_of(response_map)
    if len(key) > 6 or len(response) > 6:
        return  # keep the brute force small
    total = _ceaf_full_matrix(key, response)
    score = ceaf_e(key, response)
    assert score.recall == pytest.approx(total / len(key))
    assert score.precision == pytest.approx(total / len(response))


@settings(max_examples=200, deadline=None)
@given(_clusterings, st.data())
def test_scores_are_symmetric_bounded_and_label_free(key_map, data):
    mentions = sorted(key_map)
    response_map = {m: data.draw(st.integers(0, 4)) for m in mentions}
    e = evaluate(key_map, response_map)
    swapped = evaluate(response_map, key_map)
    for a, b in ((e.muc, swapped.muc), (e.b3, swapped.b3), (e.ceafe, swapped.ceafe)):
        assert 0.0 <= a.recall <= 1.0 and 0.0 <= a.precision <= 1.0
        assert a.recall == pytest.approx(b.precision) and a.precision == pytest.approx(b.recall)
    relabelled = evaluate({m: ("k", c * 7) for m, c in key_map.items()}, {m: f"r{c}" for m, c in response_map.items()})
    assert relabelled.conll == pytest.approx(e.conll)


@settings(max_examples=100, deadline=None)
@given(_clusterings)
def test_identical_clusterings_are_perfect(key_map):
    e = evaluate(key_map, dict(key_map))
    assert e.b3.f1 == pytest.approx(1.0)
    assert e.ceafe.f1 == pytest.approx(1.0)
    has_link = any(len(c) > 1 for c in clusters_of(key_map))
    assert e.muc.f1 == pytest.approx(1.0 if has_link else 0.0)
