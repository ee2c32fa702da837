"""The throughput corpus: every ECB+ document as one .jsonl line, and N copies of it.

ECB+ (../shared/corpora/ecbplus) ships tokens; :mod:`benchmarks.ecbplus.corpus` renders them
back to prose. Here every document of every topic becomes one JSON object (text,
publisher, url, source), the record :func:`benchmarks.ecbplus.run.write_jsonl` writes.

For the memory check the corpus is replicated: copy ``k > 0`` prefixes each text with a
header line ``"Copy k."`` so every copy has its own content hash (hence its own document
graph) while the parsing work stays the same.

>>> _header_text("Kim spoke.", 0), _header_text("Kim spoke.", 3)
('Kim spoke.', 'Copy 3.\\nKim spoke.')
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

__all__ = ["read_records", "write_corpus"]


def _header_text(text: str, copy: int) -> str:
    return text if copy == 0 else f"Copy {copy}.\n{text}"


def read_records(root: str | os.PathLike[str] | None = None) -> list[dict]:
    """One record per ECB+ document, in topic order (the same fields the ECB+ harness writes)."""
    from benchmarks.ecbplus.corpus import find_corpus, read_topic, topics_in

    root = Path(root) if root is not None else find_corpus()
    records = []
    for topic in topics_in(root):
        for d in read_topic(root, topic):
            # no title: ECB+ has no headline field (see benchmarks.ecbplus.run.write_jsonl)
            record = {"text": d.text, "source": f"ecbplus/{d.topic}/{d.name}.xml"}
            if d.publisher:
                record["publisher"] = d.publisher
            if d.url:
                record["url"] = d.url
            records.append(record)
    return records


def _copies(records: list[dict], copies: int, first: int = 0) -> Iterator[dict]:
    for k in range(first, first + copies):
        for r in records:
            yield {**r, "text": _header_text(r["text"], k)}


def write_corpus(records: list[dict], path: str | os.PathLike[str], *, copies: int = 1, first: int = 0) -> Path:
    """Write ``copies`` copies of ``records`` (copy numbers from ``first``) as one .jsonl file."""
    path = Path(path)
    with path.open("w", encoding="utf-8") as handle:
        for record in _copies(records, copies, first):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
