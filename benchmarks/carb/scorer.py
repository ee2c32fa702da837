"""A CaRB scorer for Open IE output, written from the benchmark's description.

CaRB (Bhardwaj, Aggarwal & Mausam, EMNLP 2019) scores tuples by token overlap
with crowdsourced gold tuples. This module follows the description in
``shared/benchmarks/carb/README.md``; every step is a small pure function so the
tests can check each one on hand-made examples.

The pipeline:

1. :func:`normalise_sentence` keys gold and system lines by their sentence with
   whitespace and ASCII punctuation removed.
2. :func:`binarise` turns ``relation, arg1, arg2, ...`` into (relation, arg1,
   object) token tuples; arguments 2..n are joined into the object and context
   arguments (``C: ...``) are dropped.
3. :func:`match` scores one (gold, system) pair as (precision, recall).
4. :func:`sentence_counts` computes, for one sentence and each prefix of the
   system tuples ranked by confidence, the precision numerator (greedy one-to-one
   matching) and the recall numerator (best recall per gold tuple).
5. :func:`score` sweeps every distinct confidence as a threshold, builds the
   precision/recall curve, and reports the best F1 and the area under the curve.

>>> gold = {"a b c": [binarise(["likes", "Ann", "Bob"])]}
>>> system = {"a b c": [(0.9, binarise(["likes", "Ann", "Bob"]))]}
>>> result = score(gold, system)
>>> (result.precision, result.recall, result.f1)
(1.0, 1.0, 1.0)
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

__all__ = [
    "Result",
    "Tuple",
    "auc",
    "binarise",
    "match",
    "normalise_sentence",
    "read_gold",
    "read_system",
    "score",
    "sentence_counts",
]

#: Gold relations containing one of these words are also scored with the system's
#: arguments swapped ("X said Y" is often written the other way round).
SAID_WORDS = frozenset({"said", "told", "added", "adds", "says"})
#: Forms of "be" that a system relation token "be" may match once.
BE_FORMS = frozenset({"be", "is", "are", "was", "were", "am", "been", "being"})
#: Prefix of a context argument, which the scorer skips.
CONTEXT_PREFIX = "C: "
_STRIP = str.maketrans("", "", string.whitespace + string.punctuation)


@dataclass(frozen=True)
class Tuple:
    """One binarised extraction: token lists, ``None`` for a missing argument."""

    relation: tuple[str, ...]
    arg1: tuple[str, ...] | None
    object: tuple[str, ...] | None


@dataclass(frozen=True)
class Result:
    """The headline numbers and the curve they come from.

    ``precision``/``recall``/``threshold`` are those of the best-F1 point;
    ``curve`` lists (threshold, precision, recall) from the highest threshold down.
    """

    precision: float
    recall: float
    f1: float
    auc: float
    threshold: float
    curve: tuple[tuple[float, float, float], ...]


def normalise_sentence(sentence: str) -> str:
    """The key a sentence is matched by: no whitespace, no ASCII punctuation.

    >>> normalise_sentence("He said , `` yes . ''")
    'Hesaidyes'
    """
    return sentence.translate(_STRIP)


def binarise(fields: Sequence[str], *, skip_context: bool = False) -> Tuple:
    """Make ``[relation, arg1, arg2, ...]`` binary: arguments 2..n become one object.

    With ``skip_context`` (used for the gold), context arguments (``C: ...``) are
    dropped; a system's arguments are all kept. A missing argument is ``None``.

    >>> binarise(["sent", "Kim", "troops", "to Russia", "C: reportedly"], skip_context=True)
    Tuple(relation=('sent',), arg1=('Kim',), object=('troops', 'to', 'Russia'))
    >>> binarise(["died", "Kim"]).object is None
    True
    """
    if not fields:
        raise ValueError("an extraction needs at least a relation")
    relation = tuple(fields[0].split())
    args = [a for a in fields[1:] if not (skip_context and a.lstrip().startswith(CONTEXT_PREFIX))]
    arg1 = tuple(args[0].split()) if args else ()
    rest = tuple(" ".join(args[1:]).split())
    return Tuple(relation, arg1 or None, rest or None)


def _overlap(gold: Sequence[str], system: Sequence[str]) -> int:
    """Gold tokens found in the system tokens, each system token used at most once."""
    remaining = list(system)
    found = 0
    for word in gold:
        if word in remaining:
            remaining.remove(word)
            found += 1
    return found


def _relation_overlap(gold: Sequence[str], system: Sequence[str]) -> int:
    """:func:`_overlap`, plus: a leftover system "be" matches one leftover gold form of be."""
    remaining_system = list(system)
    remaining_gold = []
    found = 0
    for word in gold:
        if word in remaining_system:
            remaining_system.remove(word)
            found += 1
        else:
            remaining_gold.append(word)
    for word in remaining_system:
        if word == "be":
            hit = next((g for g in remaining_gold if g in BE_FORMS), None)
            if hit is not None:
                remaining_gold.remove(hit)
                found += 1
    return found


def _match_direct(gold: Tuple, system: Tuple) -> tuple[float, float]:
    rel = _relation_overlap(gold.relation, system.relation)
    if rel == 0:
        return 0.0, 0.0
    if (gold.arg1 and not system.arg1) or (gold.object and not system.object):
        return 0.0, 0.0
    found = rel
    system_total = len(system.relation)
    gold_total = len(gold.relation)
    for gold_arg, system_arg in ((gold.arg1, system.arg1), (gold.object, system.object)):
        gold_arg, system_arg = gold_arg or (), system_arg or ()
        found += _overlap(gold_arg, system_arg)
        system_total += len(system_arg)
        gold_total += len(gold_arg)
    return found / system_total, found / gold_total


def match(gold: Tuple, system: Tuple) -> tuple[float, float]:
    """Score one system tuple against one gold tuple as (precision, recall).

    Token overlap over relation, arg1 and object; no relation overlap, or a slot
    the gold has but the system lacks, scores (0, 0). A gold "said" relation is
    also tried with the system's arguments swapped, keeping the better pair.

    >>> g = binarise(["sent", "Kim", "15,000 troops"])
    >>> match(g, binarise(["sent", "Kim", "troops to Russia"]))   # 3 of 5 system, 3 of 4 gold
    (0.6, 0.75)
    >>> match(g, binarise(["honoured", "Kim", "troops"]))
    (0.0, 0.0)
    """
    straight = _match_direct(gold, system)
    if not SAID_WORDS.intersection(gold.relation):
        return straight
    swapped = _match_direct(gold, Tuple(system.relation, system.object, system.arg1))
    return max(straight, swapped)


def _greedy_precision(scores: Sequence[Sequence[tuple[float, float]]], n_system: int) -> float:
    """Sum of precisions of a greedy one-to-one matching over the first ``n_system`` columns."""
    pairs = sorted(
        ((row[j][0], i, j) for i, row in enumerate(scores) for j in range(n_system)),
        key=lambda p: (-p[0], p[1], p[2]),
    )
    used_gold: set[int] = set()
    used_system: set[int] = set()
    total = 0.0
    rounds = min(len(scores), n_system)
    for precision, i, j in pairs:
        if len(used_gold) == rounds:
            break
        if i in used_gold or j in used_system:
            continue
        used_gold.add(i)
        used_system.add(j)
        total += precision
    return total


def sentence_counts(
    gold: Sequence[Tuple], system: Sequence[tuple[float, Tuple]]
) -> list[tuple[float, int, float, float]]:
    """Numerators of one sentence for every confidence threshold that changes its output.

    Returns ``(threshold, n_system, precision_sum, recall_sum)`` from the highest
    threshold down: at threshold ``t`` the sentence contributes the ``n_system``
    tuples of confidence >= ``t``, a greedy one-to-one precision sum over them and,
    for each gold tuple, its best recall over them.

    >>> g = [binarise(["likes", "Ann", "Bob"])]
    >>> s = [(0.9, binarise(["likes", "Ann", "Bob"])), (0.2, binarise(["likes", "Bob", "cats"]))]
    >>> sentence_counts(g, s)
    [(0.9, 1, 1.0, 1.0), (0.2, 2, 1.0, 1.0)]
    """
    ranked = sorted(system, key=lambda cs: -cs[0])
    scores = [[match(g, s) for _, s in ranked] for g in gold]
    counts = []
    for k, (confidence, _) in enumerate(ranked):
        if k + 1 < len(ranked) and ranked[k + 1][0] == confidence:
            continue  # tuples of equal confidence enter together
        n = k + 1
        precision_sum = _greedy_precision(scores, n)
        recall_sum = sum(max(row[j][1] for j in range(n)) for row in scores)
        counts.append((confidence, n, precision_sum, recall_sum))
    return counts


def auc(points: Iterable[tuple[float, float]]) -> float:
    """Trapezoid area under (recall, precision) points, with (0, 1) added.

    >>> auc([(1.0, 1.0)])
    1.0
    >>> auc([(0.5, 0.5), (1.0, 0.5)])   # 0.5 * (1 + 0.5) / 2 + 0.5 * 0.5
    0.625
    """
    ordered = sorted({(0.0, 1.0), *points}, key=lambda rp: (rp[0], -rp[1]))
    area = 0.0
    for (r0, p0), (r1, p1) in zip(ordered, ordered[1:]):
        area += (r1 - r0) * (p0 + p1) / 2
    return area


def score(
    gold: Mapping[str, Sequence[Tuple]], system: Mapping[str, Sequence[tuple[float, Tuple]]]
) -> Result:
    """Score system tuples against gold tuples, both keyed by sentence.

    Keys are normalised with :func:`normalise_sentence`; system sentences absent
    from the gold are ignored. Every distinct system confidence is a threshold.
    """
    gold_by_key: dict[str, list[Tuple]] = {}
    for sentence, tuples in gold.items():
        gold_by_key.setdefault(normalise_sentence(sentence), []).extend(tuples)
    system_by_key: dict[str, list[tuple[float, Tuple]]] = {}
    for sentence, tuples in system.items():
        key = normalise_sentence(sentence)
        if key in gold_by_key:
            system_by_key.setdefault(key, []).extend(tuples)
    n_gold = sum(len(t) for t in gold_by_key.values())
    if n_gold == 0:
        raise ValueError("the gold has no tuples")
    per_sentence = [sentence_counts(gold_by_key[k], s) for k, s in system_by_key.items() if s]
    # Each sentence changes the totals only at its own thresholds: sweep those events
    # from the highest confidence down, adding each sentence's change in numerators.
    events: dict[float, list[float]] = {}
    for counts in per_sentence:
        previous = (0, 0.0, 0.0)
        for c, n, p, r in counts:
            delta = events.setdefault(c, [0, 0.0, 0.0])
            delta[0] += n - previous[0]
            delta[1] += p - previous[1]
            delta[2] += r - previous[2]
            previous = (n, p, r)
    curve = []
    n_system, precision_sum, recall_sum = 0, 0.0, 0.0
    for t in sorted(events, reverse=True):
        dn, dp, dr = events[t]
        n_system += int(dn)
        precision_sum += dp
        recall_sum += dr
        precision = precision_sum / n_system if n_system else 0.0
        curve.append((t, precision, recall_sum / n_gold))
    best = (0.0, 0.0, 0.0, 0.0)
    for t, p, r in curve:
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        if f1 > best[0]:
            best = (f1, p, r, t)
    f1, precision, recall, threshold = best
    return Result(precision, recall, f1, auc((r, p) for _, p, r in curve), threshold, tuple(curve))


def _fields(line: str) -> list[str]:
    return [f.strip() for f in line.rstrip("\n").split("\t")]


def read_gold(lines: Iterable[str]) -> dict[str, list[Tuple]]:
    """Gold lines ``sentence<TAB>relation<TAB>arg1<TAB>arg2...`` grouped by sentence."""
    gold: dict[str, list[Tuple]] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        fields = _fields(line)
        if len(fields) < 2:
            raise ValueError(f"gold line {number}: expected sentence and relation, got {line!r}")
        gold.setdefault(fields[0], []).append(binarise(fields[1:], skip_context=True))
    return gold


def read_system(lines: Iterable[str]) -> dict[str, list[tuple[float, Tuple]]]:
    """System lines ``sentence<TAB>confidence<TAB>relation<TAB>arg1...`` grouped by sentence."""
    system: dict[str, list[tuple[float, Tuple]]] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        fields = _fields(line)
        if len(fields) < 3:
            raise ValueError(f"system line {number}: expected sentence, confidence, relation: {line!r}")
        try:
            confidence = float(fields[1])
        except ValueError:
            raise ValueError(f"system line {number}: confidence {fields[1]!r} is not a number") from None
        system.setdefault(fields[0], []).append((confidence, binarise(fields[2:])))
    return system


def _iter_lines(path: str) -> Iterator[str]:
    with open(path, encoding="utf-8") as handle:
        yield from handle
