"""Coreference scores: MUC, B3, CEAF-e and CoNLL F1 over clusterings ``mention -> cluster id``.

The formulas are those of the reference scorer (Pradhan et al., "Scoring Coreference
Partitions of Predicted Mentions: A Reference Implementation", ACL 2014), with singletons
kept (ECB+ cross-document evaluation scores them; MUC ignores them by construction):

- MUC (Vilain et al. 1995): recall = sum_K (|K| - |p(K)|) / sum_K (|K| - 1), where p(K)
  partitions key entity K by the response entities, each key mention absent from the
  response counting as its own part; precision swaps key and response.
- B3 (Bagga & Baldwin 1998): recall = sum_K sum_R |K & R|^2 / |K| / sum_K |K|;
  precision swaps the roles. A mention present on one side only adds to that side's
  denominator and nothing to the numerator.
- CEAF-e (Luo 2005): phi4(K, R) = 2 |K & R| / (|K| + |R|); the one-to-one alignment of
  key and response entities with the largest total phi4 (Kuhn-Munkres) gives
  recall = total / #key entities and precision = total / #response entities.
- CoNLL F1 = mean of the three F1 values.

Mentions on one side only (the "standard way" for gold-mention evaluation, used by
:func:`evaluate` unless ``restrict_to_gold_mentions=False``): the response is restricted to the
gold mentions, and every gold mention that the response does not cluster becomes a
response singleton. Key and response then cover the same mentions, so the reference
formulas above apply unchanged. With ``restrict_to_gold_mentions=False`` twinless mentions are
scored as the reference scorer does (see above).

>>> key = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
>>> response = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}
>>> e = evaluate(key, response)
>>> round(e.muc.f1, 4), round(e.b3.f1, 4), round(e.ceafe.f1, 4), round(e.conll, 4)
(0.6667, 0.7333, 0.8, 0.7333)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

__all__ = [
    "Evaluation",
    "Score",
    "b_cubed",
    "ceaf_e",
    "clusters_of",
    "evaluate",
    "max_weight_assignment",
    "merge_clusterings",
    "muc",
    "restrict_to_gold",
]

Cluster = frozenset
Clustering = Mapping[Hashable, Hashable]


@dataclass(frozen=True)
class Score:
    """Recall, precision and their harmonic mean (0 when both are 0)."""

    recall: float
    precision: float

    @property
    def f1(self) -> float:
        total = self.recall + self.precision
        return 0.0 if total == 0 else 2 * self.recall * self.precision / total


@dataclass(frozen=True)
class Evaluation:
    """The three metrics and their mean."""

    muc: Score
    b3: Score
    ceafe: Score

    @property
    def conll(self) -> float:
        return (self.muc.f1 + self.b3.f1 + self.ceafe.f1) / 3


def clusters_of(clustering: Clustering) -> list[Cluster]:
    """Group a ``mention -> cluster id`` mapping into clusters (sets of mentions).

    >>> sorted(sorted(c) for c in clusters_of({"a": 1, "b": 2, "c": 1}))
    [['a', 'c'], ['b']]
    """
    groups: dict[Hashable, set] = defaultdict(set)
    for mention, cluster in clustering.items():
        groups[cluster].add(mention)
    return [frozenset(g) for g in groups.values()]


def _ratio(numerator: float, denominator: float) -> float:
    return 0.0 if denominator == 0 else numerator / denominator


def _muc_recall(key: Sequence[Cluster], response: Sequence[Cluster]) -> float:
    where = {m: i for i, r in enumerate(response) for m in r}
    numerator = denominator = 0
    for k in key:
        parts = {where[m] for m in k if m in where}
        parts_count = len(parts) + sum(1 for m in k if m not in where)
        numerator += len(k) - parts_count
        denominator += len(k) - 1
    return _ratio(numerator, denominator)


def muc(key: Sequence[Cluster], response: Sequence[Cluster]) -> Score:
    """Link-based MUC score of ``response`` clusters against ``key`` clusters.

    >>> muc([{"a", "b", "c", "d"}], [{"a", "b"}, {"c", "d"}])
    Score(recall=0.6666666666666666, precision=1.0)
    """
    return Score(_muc_recall(key, response), _muc_recall(response, key))


def _overlaps(key: Sequence[Cluster], response: Sequence[Cluster]) -> dict[tuple[int, int], int]:
    """(key index, response index) -> number of shared mentions, for the pairs that share any."""
    where = {m: j for j, r in enumerate(response) for m in r}
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for i, k in enumerate(key):
        for m in k:
            if m in where:
                counts[(i, where[m])] += 1
    return counts


def b_cubed(key: Sequence[Cluster], response: Sequence[Cluster]) -> Score:
    """Mention-based B3 score.

    >>> b_cubed([{"a", "b"}], [{"a"}, {"b"}])
    Score(recall=0.5, precision=1.0)
    """
    overlaps = _overlaps(key, response)
    recall_num = sum(n * n / len(key[i]) for (i, _), n in overlaps.items())
    precision_num = sum(n * n / len(response[j]) for (_, j), n in overlaps.items())
    return Score(
        _ratio(recall_num, sum(len(k) for k in key)),
        _ratio(precision_num, sum(len(r) for r in response)),
    )


def ceaf_e(key: Sequence[Cluster], response: Sequence[Cluster]) -> Score:
    """Entity-based CEAF (phi4 similarity, optimal one-to-one alignment).

    Entities that share no mention have similarity 0, so the alignment is solved
    separately on each connected component of the overlap graph: the same optimum,
    without a cubic cost in the number of entities of a whole corpus.

    >>> ceaf_e([{"a", "b"}], [{"a"}, {"b"}])
    Score(recall=0.6666666666666666, precision=0.3333333333333333)
    """
    overlaps = _overlaps(key, response)
    # connected components of the bipartite overlap graph (union-find over ("k", i) / ("r", j))
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in overlaps:
        a, b = find(("k", i)), find(("r", j))
        if a != b:
            parent[a] = b
    components: dict[tuple[str, int], list[tuple[int, int]]] = defaultdict(list)
    for i, j in overlaps:
        components[find(("k", i))].append((i, j))
    total = 0.0
    for pairs in components.values():
        rows = sorted({i for i, _ in pairs})
        cols = sorted({j for _, j in pairs})
        row_at = {i: n for n, i in enumerate(rows)}
        col_at = {j: n for n, j in enumerate(cols)}
        weights = [[0.0] * len(cols) for _ in rows]
        for i, j in pairs:
            weights[row_at[i]][col_at[j]] = 2 * overlaps[(i, j)] / (len(key[i]) + len(response[j]))
        total += sum(weights[r][c] for r, c in max_weight_assignment(weights))
    return Score(_ratio(total, len(key)), _ratio(total, len(response)))


def max_weight_assignment(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """A one-to-one assignment of rows to columns with the largest total weight (Kuhn-Munkres).

    Rectangular matrices are allowed: ``min(rows, cols)`` pairs are returned. This is
    the O(n^2 m) Hungarian algorithm with potentials (shortest augmenting paths),
    minimising the negated weights.

    >>> max_weight_assignment([[1, 2], [3, 1]])
    [(0, 1), (1, 0)]
    >>> max_weight_assignment([[5, 1, 0]])
    [(0, 0)]
    """
    n = len(weights)
    m = len(weights[0]) if n else 0
    if any(len(row) != m for row in weights):
        raise ValueError("weights must be a rectangular matrix")
    if n == 0 or m == 0:
        return []
    if n > m:
        transposed = [[weights[i][j] for i in range(n)] for j in range(m)]
        return sorted((i, j) for j, i in max_weight_assignment(transposed))
    inf = float("inf")
    cost = [[0.0] * (m + 1)] + [[0.0] + [-float(x) for x in row] for row in weights]  # 1-based
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    owner = [0] * (m + 1)  # owner[j] = row assigned to column j (0 = none)
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        min_reduced = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = owner[j0]
            delta = inf
            j1 = 0
            for j in range(1, m + 1):
                if not used[j]:
                    reduced = cost[i0][j] - u[i0] - v[j]
                    if reduced < min_reduced[j]:
                        min_reduced[j] = reduced
                        way[j] = j0
                    if min_reduced[j] < delta:
                        delta = min_reduced[j]
                        j1 = j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    min_reduced[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    return sorted((owner[j] - 1, j - 1) for j in range(1, m + 1) if owner[j])


@dataclass(frozen=True)
class _Missing:
    """The cluster id of a gold mention the response left out: equal only to itself, never to a user id."""

    mention: Hashable


def restrict_to_gold(key: Clustering, response: Clustering) -> dict[Hashable, Hashable]:
    """The response over exactly the key's mentions: extra mentions dropped, missing ones singletons.

    >>> r = restrict_to_gold({"a": 1, "b": 1}, {"a": "x", "z": "x"})
    >>> r["a"], r["b"] == r["a"], "z" in r
    ('x', False, False)
    """
    return {m: response[m] if m in response else _Missing(m) for m in key}


def evaluate(key: Clustering, response: Clustering, *, restrict_to_gold_mentions: bool = True) -> Evaluation:
    """MUC, B3 and CEAF-e of ``response`` against ``key`` (both ``mention -> cluster id``).

    See the module docstring for how mentions present on one side only are handled.
    """
    if restrict_to_gold_mentions:
        response = restrict_to_gold(key, response)
    k, r = clusters_of(key), clusters_of(response)
    return Evaluation(muc(k, r), b_cubed(k, r), ceaf_e(k, r))


def merge_clusterings(parts: Iterable[Clustering]) -> dict[Hashable, Hashable]:
    """Pool several disjoint clusterings (e.g. one per topic) into one, keeping ids apart.

    >>> merge_clusterings([{"a": 1}, {"b": 1}])
    {'a': (0, 1), 'b': (1, 1)}
    """
    pooled: dict[Hashable, Hashable] = {}
    for n, part in enumerate(parts):
        for mention, cluster in part.items():
            if mention in pooled:
                raise ValueError(f"mention {mention!r} appears in two clusterings")
            pooled[mention] = (n, cluster)
    return pooled
