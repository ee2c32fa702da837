"""Peak memory and time of building one huge article, against a small one measured in the same run.

A 20 MB "article" (scraped pages hold such things) must be built in bounded
memory: the build cuts its body into windows (kg.ingest.pieces.WINDOW_CHARS) and
extracts and loads them one after the other. This harness writes articles of the
given sizes (seed paragraphs, numbered so they differ), builds each in a fresh
process (serial executor, or --executor processes) with no exports (exports scale with the graph, not
the document), and reports peak RSS, time and size of the graph; it then checks
``oa:exact == text[start:end]`` on a random sample of selectors.

    python benchmarks/big_article.py --mb 1 --mb 20 --workdir /tmp/big

Results go to benchmarks/RESULTS.md by hand (command, cores, ratio to the 1 MB reference).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.serve_load import tree_rss_mb

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

_CHILD = """
import json, sys
from kg.build import build
report = build([sys.argv[1]], sys.argv[2], exports=(), executor=sys.argv[3])
print(json.dumps({"built": report.built, "skipped": report.skipped, "stats": report.stats}))
"""


def write_article(path: Path, chars: int) -> str:
    paragraphs = [p for f in sorted(SEEDS.glob("*.txt")) for p in f.read_text().split("\n\n") if len(p) > 200]
    parts, size = ["Long report"], 11
    for n, paragraph in enumerate(itertools.cycle(paragraphs)):
        if size >= chars:
            break
        part = f"Update {n}: {paragraph}"
        parts.append(part)
        size += len(part) + 2
    text = "\n\n".join(parts) + "\n"
    path.write_text(text, encoding="utf-8")
    return text


def measure(megabytes: float, workdir: Path, sample: int, executor: str) -> dict:
    folder = workdir / f"in-{megabytes:g}"
    folder.mkdir(parents=True, exist_ok=True)
    text = write_article(folder / "article.txt", int(megabytes * 1_000_000))
    out = workdir / f"out-{megabytes:g}"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", _CHILD, str(folder), str(out), executor], stdout=subprocess.PIPE,
                            text=True, env=env)
    samples = []
    while proc.poll() is None:  # the RSS over time shows whether memory stays flat as windows go by
        samples.append(int(tree_rss_mb(proc.pid)))
        if len(samples) % 6 == 0:
            print(f"  {megabytes:g} MB article, {time.perf_counter() - start:.0f} s: RSS {samples[-1]} MB "
                  f"(max {max(samples)})", file=sys.stderr, flush=True)
        time.sleep(10)
    stdout = proc.stdout.read()
    if proc.returncode != 0:
        raise SystemExit(f"the build failed with exit code {proc.returncode}")
    seconds = time.perf_counter() - start
    result = json.loads(stdout.splitlines()[-1])
    sys.path.insert(0, str(ROOT))
    from kg.store import open_store

    store = open_store(out, read_only=True)
    rows = store.select("SELECT ?s ?e ?x WHERE { ?p oa:start ?s ; oa:end ?e . ?t oa:hasSelector ?p , ?q . "
                        "?q oa:exact ?x }")
    checked = random.Random(0).sample(rows, min(sample, len(rows)))
    wrong = sum(text[int(r["s"].value) : int(r["e"].value)] != r["x"].value for r in checked)
    return {
        "mb": megabytes,
        "chars": len(text),
        "seconds": round(seconds, 1),
        "peak_rss_mb": max(samples),  # the build process and its workers, sampled every 10 s
        "quads": len(store),
        "sentences": result["stats"].get("sentences"),
        "claims": result["stats"].get("claims"),
        "built": result["built"],
        "offsets_checked": len(checked),
        "offsets_wrong": wrong,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, action="append", help="article size in MB (repeat); default 1 and 20")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/kg-big-article"))
    parser.add_argument("--sample", type=int, default=500, help="selectors whose offsets are checked")
    parser.add_argument("--executor", default="serial", choices=["serial", "processes"])
    args = parser.parse_args()
    sizes = sorted(args.mb or [1, 20])
    rows = []
    for mb in sizes:
        rows.append(measure(mb, args.workdir, args.sample, args.executor))
        print(json.dumps(rows[-1]), flush=True)
    ref = rows[0]
    print(f"\n| article | chars | time (s) | peak RSS (MB) | RSS / {ref['mb']:g} MB | quads | offsets wrong |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['mb']:g} MB | {r['chars']:,} | {r['seconds']} | {r['peak_rss_mb']} | "
              f"{r['peak_rss_mb'] / ref['peak_rss_mb']:.2f} | {r['quads']:,} | "
              f"{r['offsets_wrong']}/{r['offsets_checked']} |")


if __name__ == "__main__":
    main()
