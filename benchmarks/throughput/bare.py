"""The reference: bare spaCy parsing of the texts ``kg build`` parses, in one process.

The texts are the body pieces of every document of the input (``kg.ingest`` then
``kg.extract.split_pieces``, read before the clock starts), parsed with
``spacy.load(model).pipe(texts, batch_size=N)``: the same model, without
claimgraph's clause component. Prints one JSON object: seconds to load the model,
seconds to parse (wall and CPU), documents, pieces, tokens.

    python -m benchmarks.throughput.bare CORPUS.jsonl --batch-size 16
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence

__all__ = ["body_texts", "main"]


def body_texts(inputs: Sequence[str]) -> tuple[int, list[str]]:
    """``(documents, texts)``: the pieces of every document that a build parses (unreadable ones skipped)."""
    from kg.extract import split_pieces
    from kg.ingest import iter_documents

    documents = 0
    texts: list[str] = []
    for document in iter_documents(list(inputs), on_error=lambda err: None):
        documents += 1
        texts.extend(text for text, _ in split_pieces(document))
    return documents, texts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--model", default=None)
    args = parser.parse_args(argv)

    from kg.nlp import DEFAULT_MODEL

    documents, texts = body_texts(args.inputs)
    start = time.perf_counter()
    import spacy

    nlp = spacy.load(args.model or DEFAULT_MODEL)
    loaded = time.perf_counter()
    cpu = time.process_time()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=args.batch_size))
    done = time.perf_counter()
    print(json.dumps({"load_s": loaded - start, "parse_s": done - loaded, "parse_cpu_s": time.process_time() - cpu,
                      "documents": documents, "pieces": len(texts), "tokens": tokens}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
