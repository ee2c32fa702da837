"""Claim semantics benchmark: attribution, certainty, polarity, numbers, times, coreference, entity types.

Each line of ``cases.jsonl`` is a short news text written for this benchmark
(general news language, none of it from seeds/), the claim to look at (the head
verb of its relation; ``act`` for the reporting act itself; or an entity) and the
expected values. A case passes when every expected field matches; the runner
prints the accuracy per construction and per field, and the extraction speed
against bare spaCy parsing of the same texts (the reference, measured in the same
run).

    python -m benchmarks.semantics.run               # the table
    python -m benchmarks.semantics.run --failures    # and what each failing case produced
    python -m benchmarks.semantics.run --cases benchmarks/semantics/heldout.jsonl   # cases written after tuning
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections import defaultdict
from pathlib import Path

from kg.extract import extract_parsed, parse_document
from kg.model import Claim, Document, Extraction
from kg.nlp import load_pipeline

CASES = Path(__file__).with_name("cases.jsonl")


def load_cases(path: Path = CASES) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _norm(text: str | None) -> str | None:
    if text is None:
        return None
    return " ".join(text.replace("’", "'").split()).strip(" .,\"“”").casefold()


def _names(ex: Extraction, key: str | None) -> set[str]:
    """Every name an entity key is known by (key, label, aliases), normalised."""
    if key is None:
        return set()
    names = {_norm(key)}
    for entity in ex.entities:
        if entity.key == key:
            names |= {_norm(entity.label), *(_norm(a) for a in entity.aliases)}
    return {n for n in names if n}


def _same_name(ex: Extraction, key: str | None, expected: str | None) -> bool:
    if expected is None:
        return key is None
    want = _norm(expected)
    return any(n == want or n.rstrip("s") == want.rstrip("s") for n in _names(ex, key))


def find_claim(ex: Extraction, target: dict) -> Claim | None:
    """The claim a case is about: its relation's first word is the target verb."""
    act = bool(target.get("act"))
    found = []
    for claim in ex.claims:
        if target["verb"] not in claim.relation.split() or claim.rule.startswith("attribution") != act:
            continue
        if target.get("subject_text") and target["subject_text"] not in ex.document.text[claim.sentence[0]:claim.sentence[1]][
                claim.subject.start - claim.sentence[0]:]:
            continue
        found.append(claim)
    return found[-1] if found else None


def check(ex: Extraction, case: dict) -> dict[str, bool]:
    """Field -> whether the extraction matches the case's expectation."""
    expect, target = case["expect"], case["target"]
    results: dict[str, bool] = {}
    if "entity" in target:
        want = _norm(target["entity"])
        entity = next((e for e in ex.entities if want in {_norm(e.label), *(_norm(a) for a in e.aliases)}), None)
        types = expect["type"] if isinstance(expect["type"], list) else [expect["type"]]
        results["type"] = entity is not None and entity.type in types
        return results
    claim = find_claim(ex, target)
    if claim is None:
        return {field: False for field in expect} | {"found": False}
    results["found"] = True
    for field, value in expect.items():
        if field == "speaker":
            results[field] = _same_name(ex, claim.speaker, value)
        elif field == "cue":
            results[field] = _norm(claim.cue) == _norm(value)
        elif field in {"certainty", "polarity"}:
            results[field] = getattr(claim, field) == value
        elif field == "subject":
            results[field] = _same_name(ex, claim.subject.entity, value)
        elif field == "object":
            results[field] = claim.object is not None and _norm(claim.object.text) == _norm(value)
        elif field == "quantity":
            q = claim.quantity
            results[field] = q is not None and abs(q.value - value["value"]) < 1e-9 and all(
                getattr(q, flag) == value.get(flag, False) for flag in ("approximate", "lower_bound", "upper_bound")
            ) and (value.get("unit") is None or (q.unit or "").rstrip("s") == value["unit"].rstrip("s")
                   or (q.unit or "") == value["unit"])
        elif field == "time":
            results[field] = (claim.time.value if claim.time else None) == value
        elif field == "time_text":
            results[field] = claim.time is not None and _norm(claim.time.text) == _norm(value)
        else:
            raise ValueError(f"unknown expected field {field!r} in case {case['id']}")
    return results


def describe(ex: Extraction, claim: Claim | None) -> str:
    if claim is None:
        return "no matching claim; claims: " + "; ".join(
            f"{c.subject.entity or c.subject.text} | {c.relation} | {c.object.text if c.object else '-'} [{c.rule}]"
            for c in ex.claims)
    q = claim.quantity
    return (f"{claim.subject.entity or claim.subject.text!r} | {claim.relation} | "
            f"{(claim.object.entity or claim.object.text) if claim.object else None!r}; speaker={claim.speaker!r} "
            f"cue={claim.cue!r} certainty={claim.certainty} polarity={claim.polarity} "
            f"quantity={(q.value, q.unit, q.approximate, q.lower_bound, q.upper_bound) if q else None} "
            f"time={(claim.time.text, claim.time.value) if claim.time else None}")


def run(show_failures: bool = False, cases_path: Path = CASES) -> dict:
    nlp = load_pipeline()
    cases = load_cases(cases_path)
    documents = [Document(text=c["text"], source=f"case:{c['id']}", publisher="Test Daily", issued=c.get("issued"))
                 for c in cases]
    # reference: bare spaCy parsing (with the clause component) of the same texts
    started = time.perf_counter()
    parsed = [parse_document(nlp, d) for d in documents]
    parse_seconds = time.perf_counter() - started
    started = time.perf_counter()
    extractions = [extract_parsed(d, p) for d, p in zip(documents, parsed)]
    extract_seconds = time.perf_counter() - started
    per_construction: dict[str, list[bool]] = defaultdict(list)
    per_field: dict[str, list[bool]] = defaultdict(list)
    failures = []
    for case, ex in zip(cases, extractions):
        results = check(ex, case)
        ok = all(results.values())
        per_construction[case["construction"]].append(ok)
        for field, good in results.items():
            if field != "found":
                per_field[field].append(good)
        if not ok:
            claim = find_claim(ex, case["target"]) if "verb" in case["target"] else None
            failures.append((case, results, describe(ex, claim) if "verb" in case["target"] else
                             str([(e.label, e.type) for e in ex.entities])))
    total = [ok for oks in per_construction.values() for ok in oks]
    print(f"Claim semantics benchmark: {cases_path.name}, {len(cases)} cases, {os.cpu_count()} cores")
    print()
    print("| construction | cases | correct | accuracy |")
    print("|---|---|---|---|")
    for name, oks in per_construction.items():
        print(f"| {name} | {len(oks)} | {sum(oks)} | {sum(oks) / len(oks):.2f} |")
    print(f"| **all** | {len(total)} | {sum(total)} | **{sum(total) / len(total):.2f}** |")
    print()
    print("| field | checked | correct | accuracy |")
    print("|---|---|---|---|")
    for name, oks in sorted(per_field.items()):
        print(f"| {name} | {len(oks)} | {sum(oks)} | {sum(oks) / len(oks):.2f} |")
    print()
    print(f"speed: parse {parse_seconds:.2f}s, extraction after parsing {extract_seconds:.2f}s "
          f"(ratio {extract_seconds / parse_seconds:.2f} of the parse time)")
    if show_failures:
        print()
        for case, results, what in failures:
            bad = ", ".join(f for f, good in results.items() if not good)
            print(f"FAIL {case['id']} [{bad}] {case['text']!r}\n     got: {what}")
    return {"accuracy": sum(total) / len(total), "per_construction": dict(per_construction)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="print what each failing case produced")
    parser.add_argument("--cases", type=Path, default=CASES, help="a cases file (default: cases.jsonl)")
    args = parser.parse_args()
    run(show_failures=args.failures, cases_path=args.cases)


if __name__ == "__main__":
    main()
