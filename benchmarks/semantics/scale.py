"""Does extraction stay linear in document length? Seeds repeated 1, 8, 32 times as one document.

    python -m benchmarks.semantics.scale

Prints parse time (the reference), extraction time over the parsed chunks and their ratio; a ratio that grows
with length would mean a scan over the document per clause.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from kg.extract import extract_parsed, parse_document
from kg.model import Document
from kg.nlp import load_pipeline

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def main() -> None:
    nlp = load_pipeline()
    base = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    print(f"{os.cpu_count()} cores")
    print("| copies | characters | parse | extraction | ratio | claims |")
    print("|---|---|---|---|---|---|")
    for copies in (1, 8, 32):
        document = Document(text="\n\n".join([base] * copies), source="scale")
        started = time.perf_counter()
        chunks = parse_document(nlp, document)
        parse = time.perf_counter() - started
        started = time.perf_counter()
        extraction = extract_parsed(document, chunks)
        extract = time.perf_counter() - started
        print(f"| {copies} | {len(document.text)} | {parse:.2f} s | {extract:.2f} s | {extract / parse:.3f} | "
              f"{len(extraction.claims)} |")


if __name__ == "__main__":
    main()
