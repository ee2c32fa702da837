"""Fit the clause extractor's confidence weights on the CaRB development gold.

    python -m benchmarks.carb.fit_confidence            # 2-fold check, then weights from all of dev

The confidence of a clause is a logistic function of general features (the rule
that fired, parse labels, argument sizes and kinds; ``kg.extract.clauses._features``).
Each extraction's target is its best CaRB precision against the gold tuples of
its sentence; weights come from L2-regularised logistic regression (soft
targets), by plain gradient descent.

Because the weights are fitted on dev, the dev score they give is optimistic. The
two-fold run reports the honest number: fit on half of the sentences, score the
other half, and the reverse.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

import numpy as np

import kg.extract.clauses as clauses
from benchmarks.carb.run import DATA, MODEL
from benchmarks.carb.scorer import match, normalise_sentence, read_gold, read_system, score

L2 = 1.0
STEPS = 3000
RATE = 0.5


def _collect(nlp, sentences: Sequence[str]) -> tuple[list[str], list[dict[str, float]]]:
    """CaRB lines whose confidence field is an index into the returned feature list."""
    from kg.extract.openie import carb_lines

    recorded: list[dict[str, float]] = []
    original = clauses._confidence

    def record(features: dict[str, float]) -> float:
        recorded.append(features)
        return float(len(recorded) - 1)

    clauses._confidence = record
    try:
        lines = list(carb_lines(nlp, sentences))
    finally:
        clauses._confidence = original
    return lines, recorded


def _targets(lines: Sequence[str], gold) -> list[tuple[int, str, float]]:
    """(feature index, sentence key, best precision) per extraction line."""
    gold_by_key = {normalise_sentence(k): v for k, v in gold.items()}
    out = []
    for sentence, tuples in read_system(lines).items():
        key = normalise_sentence(sentence)
        for index, tup in tuples:
            best = max((match(g, tup)[0] for g in gold_by_key.get(key, [])), default=0.0)
            out.append((int(index), key, best))
    return out


def fit(rows: Sequence[dict[str, float]], targets: Sequence[float]) -> dict[str, float]:
    names = sorted({n for r in rows for n in r})
    x = np.array([[r.get(n, 0.0) for n in names] for r in rows])
    y = np.array(targets)
    w = np.zeros(len(names))
    for _ in range(STEPS):
        p = 1 / (1 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) / len(y) + L2 * w / len(y)
        w -= RATE * grad
    return {n: round(float(v), 3) for n, v in zip(names, w)}


def _confidence(weights: dict[str, float], features: dict[str, float]) -> float:
    z = sum(weights.get(n, 0.0) * v for n, v in features.items())
    return round(1 / (1 + np.exp(-z)), 4)


def _score(lines, features, weights, gold, keys: set[str] | None = None):
    rescored = []
    for line in lines:
        sentence, index, rest = line.split("\t", 2)
        if keys is not None and normalise_sentence(sentence) not in keys:
            continue
        rescored.append(f"{sentence}\t{_confidence(weights, features[int(float(index))])}\t{rest}")
    part = {k: v for k, v in gold.items() if keys is None or normalise_sentence(k) in keys}
    return score(part, read_system(rescored))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(DATA), help="folder with dev.txt and gold/dev.tsv")
    parser.add_argument("--write", action="store_true", help="replace _WEIGHTS in kg/extract/clauses.py")
    args = parser.parse_args(argv)
    import spacy

    data = Path(args.data)
    sentences = [s.strip() for s in (data / "dev.txt").read_text(encoding="utf-8").splitlines() if s.strip()]
    with open(data / "gold" / "dev.tsv", encoding="utf-8") as handle:
        gold = read_gold(handle)
    nlp = spacy.load(MODEL)
    lines, features = _collect(nlp, sentences)
    targets = _targets(lines, gold)
    keys = sorted({normalise_sentence(s) for s in sentences})
    folds = [set(keys[0::2]), set(keys[1::2])]
    current = clauses._WEIGHTS
    for i, test in enumerate(folds):
        train = [(features[j], t) for j, k, t in targets if k not in test]
        weights = fit([r for r, _ in train], [t for _, t in train])
        held = _score(lines, features, weights, gold, test)
        base = _score(lines, features, current, gold, test)
        print(f"fold {i}: held-out F1 {held.f1:.4f} AUC {held.auc:.4f}"
              f"   (current weights on the same half: F1 {base.f1:.4f} AUC {base.auc:.4f})")
    weights = fit([features[j] for j, _, _ in targets], [t for _, _, t in targets])
    full = _score(lines, features, weights, gold)
    print(f"all of dev (fitted on dev, optimistic): F1 {full.f1:.4f} AUC {full.auc:.4f}")
    block = "_WEIGHTS: dict[str, float] = {\n" + "".join(
        f"    {name!r}: {value},\n" for name, value in sorted(weights.items(), key=lambda kv: (kv[0] != "bias", kv[0]))
    ) + "}\n"
    print(block)
    if args.write:
        path = Path(clauses.__file__)
        text = path.read_text(encoding="utf-8")
        start = text.index("_WEIGHTS: dict[str, float] = {")
        end = text.index("}\n", start) + 2
        path.write_text(text[:start] + block + text[end:], encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
