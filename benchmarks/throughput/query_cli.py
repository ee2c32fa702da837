"""The named queries through the user's path: `kg query DIR --named X --format F > /dev/null`, and in-process.

Each command runs in a fresh process with stdout sent to /dev/null; its wall time minus that of a trivial
query (`ASK {}`: interpreter start, imports, opening the store) is the query's cost to a user. ``--code
LABEL=PATH`` also runs the commands with another checkout first on PYTHONPATH (e.g. the code before a
change), so before and after are measured in the same run. In-process, for this checkout: evaluation only
(solutions iterated, no term touched), answers written as SPARQL CSV by Oxigraph (``Store.query_to`` to a
sink that drops the bytes) and rows of Python terms (``Store.select``). Best of ``--repeat`` runs.

    python -m benchmarks.throughput.query_cli BUILD_DIR [--bind name=police] [--bind s='<IRI>'] [--code before=/tmp/old]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

__all__ = ["main"]

ROOT = Path(__file__).resolve().parents[2]
FORMATS = ("csv", "tsv", "json")


class _NullSink:
    def write(self, data) -> int:
        return len(data)

    def flush(self) -> None:
        pass


def _cases(binds: dict[str, str], together: bool = False) -> list[tuple[str, str, list[str]]]:
    """(label, named query, extra kg query arguments): every named query, and said/evidence bound as asked
    (each binding alone; with ``together`` also all of a query's bindings at once, e.g. one edge's three terms)."""
    from kg.queries import NAMED_QUERIES

    cases = [(name, name, []) for name in sorted(NAMED_QUERIES)]
    for name in sorted(NAMED_QUERIES):
        own = {key: value for key, value in binds.items() if _has(NAMED_QUERIES[name], key)}
        groups = [{key: value} for key, value in own.items()] + ([own] if together and len(own) > 1 else [])
        for group in groups:
            label = ", ".join(f"{key}={value}" for key, value in group.items())
            cases.append((f"{name} ({label})", name, [a for k, v in group.items() for a in ("--param", f"{k}={v}")]))
    return cases


def _has(text: str, variable: str) -> bool:
    """Whether the query text uses ``?variable`` (not just a longer name starting with it).

    >>> _has("SELECT ?publishers WHERE { ?s ?p ?o }", "p"), _has("SELECT ?publishers WHERE {}", "p")
    (True, False)
    """
    return re.search(rf"\?{re.escape(variable)}\b", text) is not None


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _wall(args: list[str], code: Path, repeat: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of each of ``repeat`` runs of ``kg ARGS`` with ``code`` first on PYTHONPATH."""
    env = dict(os.environ, PYTHONPATH=str(code))
    walls, cpus = [], []
    for _ in range(repeat):
        cpu, start = _children_cpu(), time.perf_counter()
        subprocess.run([sys.executable, "-m", "kg", *args], stdout=subprocess.DEVNULL, check=True, env=env, cwd=code)
        walls.append(time.perf_counter() - start)
        cpus.append(_children_cpu() - cpu)
    return walls, cpus


def _cell(values: list[float], base: float) -> str:
    return f"{min(values) - base:.2f} / {statistics.median(values) - base:.2f}"


def _in_process(build: Path, cases, binds: dict[str, str], repeat: int) -> dict[str, tuple[float, float, float]]:
    import pyoxigraph as ox

    from kg.api import bind_term
    from kg.queries import named_query
    from kg.store import open_store

    store = open_store(build, read_only=True)
    out = {}
    for label, name, extra in cases:
        terms = {}
        for item in extra[1::2]:  # as kg query does: the bound form of the query, if it has one, and substitutions
            key, _, value = item.partition("=")
            terms[key] = bind_term(value)
        text = named_query(name, terms)
        kwargs = {"substitutions": {ox.Variable(k): v for k, v in terms.items()}} if terms else {}
        timings = []
        for fn in (lambda: sum(1 for _ in store.query(text, **kwargs)),
                   lambda: store.query_to(_NullSink(), text, "csv", **kwargs),
                   lambda: store.select(text, **kwargs)):
            best = float("inf")
            for _ in range(repeat):
                start = time.perf_counter()
                fn()
                best = min(best, time.perf_counter() - start)
            timings.append(best)
        out[label] = tuple(timings)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", type=Path, help="a build folder (holding store/)")
    parser.add_argument("--bind", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--together", action="store_true", help="also one case with every --bind at once")
    parser.add_argument("--code", action="append", default=[], metavar="LABEL=PATH",
                        help="also run the commands with this checkout on PYTHONPATH")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--cpu", action="store_true", help="also report the CPU time of each command")
    args = parser.parse_args(argv)
    binds = dict(item.partition("=")[::2] for item in args.bind)
    codes = [("this checkout", ROOT)] + [(c.partition("=")[0], Path(c.partition("=")[2])) for c in args.code]
    formats = args.formats.split(",")
    cases = _cases(binds, args.together)
    load_before = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    start_runs = {label: _wall(["query", str(args.build), "ASK {}", "--format", "csv"], code, args.repeat)
                  for label, code in codes}
    start_s = {label: min(walls) for label, (walls, _) in start_runs.items()}
    start_cpu = {label: min(cpus) for label, (_, cpus) in start_runs.items()}
    header = ["query"] + [f"{f}, {label}" + (f" ({kind})" if args.cpu else "")
                          for label, _ in codes for f in formats for kind in (("wall", "CPU") if args.cpu else ("",))]
    lines = ["| " + " | ".join(header) + " |", "|---|" + "---:|" * (len(header) - 1)]
    for label, name, extra in cases:
        cells = []
        for code_label, code in codes:
            for fmt in formats:
                walls, cpus = _wall(["query", str(args.build), "--named", name, *extra, "--format", fmt], code,
                                    args.repeat)
                cells.append(_cell(walls, start_s[code_label]))
                if args.cpu:
                    cells.append(_cell(cpus, start_cpu[code_label]))
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
        print(lines[-1], file=sys.stderr, flush=True)
    inside = _in_process(args.build, cases, binds, args.repeat)
    load_after = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"`kg query` seconds minus process start (ASK {{}}, best wall / CPU: "
          + ", ".join(f"{label} {start_s[label]:.2f} / {start_cpu[label]:.2f} s" for label in start_s)
          + f"), min / median of {args.repeat}; nproc {os.cpu_count()}; load average before {load_before}, after {load_after}")
    print()
    print("\n".join(lines))
    print()
    print("| query (in-process, this checkout) | evaluation only s | native CSV s | Python terms (select) s |")
    print("|---|---:|---:|---:|")
    for label, (evaluate, native, select) in inside.items():
        print(f"| {label} | {evaluate:.2f} | {native:.2f} | {select:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
