"""How entity resolution grows with the number of entities (it must not be quadratic).

Synthetic records shaped like news entities: people with shared surnames and shortened
names, organisations with acronyms, places, demonyms and common nouns spread over
documents in stories. Times :func:`kg.resolve.entities.resolve_entities` (the pure
clustering, no store) at N and 4N entities; a linear resolver shows a ratio near 4, an
all-pairs one near 16.

    python -m benchmarks.resolve_scale 5000 20000
"""

from __future__ import annotations

import os
import random
import sys
import time

from kg.resolve.entities import EntityRecord, resolve_entities

_SURNAMES = [f"Surname{i}" for i in range(400)]
_GIVEN = [f"Given{i}" for i in range(300)]


def records(n: int, seed: int = 7) -> list[EntityRecord]:
    rng = random.Random(seed)
    docs = max(n // 20, 1)
    out = []
    for i in range(n):
        d = frozenset({f"doc{rng.randrange(docs)}"})
        kind = i % 6
        if kind in (0, 1):
            label = f"{rng.choice(_GIVEN)} {rng.choice(_SURNAMES)}"
            rec = EntityRecord(f"e:{i}", (label,), frozenset({"Person"}), d, 2)
        elif kind == 2:
            rec = EntityRecord(f"e:{i}", (rng.choice(_SURNAMES),), frozenset({"Person"}), d, 1)
        elif kind == 3:
            words = [f"Org{rng.randrange(n)}", "Institute", "for", f"Topic{rng.randrange(50)}"]
            rec = EntityRecord(f"e:{i}", (" ".join(words),), frozenset({"Organization"}), d, 1)
        elif kind == 4:
            rec = EntityRecord(f"e:{i}", (f"Place{rng.randrange(n // 3)}",), frozenset({"Place"}), d, 1)
        else:
            rec = EntityRecord(f"e:{i}", (f"the item{rng.randrange(200)} of things",), frozenset({"Thing"}), d, 1)
        out.append(rec)
    return out


def measure(n: int) -> float:
    recs = records(n)
    start = time.perf_counter()
    resolve_entities(recs)
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    small, large = (int(x) for x in (argv or ["5000", "20000"])[:2])
    t_small, t_large = measure(small), measure(large)
    print(f"{os.cpu_count()} cores")
    print(f"| entities | seconds |\n|---:|---:|\n| {small:,} | {t_small:.2f} |\n| {large:,} | {t_large:.2f} |")
    print(f"ratio {t_large / t_small:.2f} for {large / small:.0f}x the entities "
          f"(linear: {large / small:.0f}, all-pairs: {(large / small) ** 2:.0f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
