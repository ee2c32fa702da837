"""`kg serve` under load: a bounded burst of concurrent queries from another process, on loopback.

Usage: python benchmarks/serve_load.py [--requests 2000] [--concurrency 32] [--workdir /tmp/kg-serve-load]

Builds the seeds (``kg build seeds/``), starts ``kg serve`` on a free loopback port
(read-only, 2 query workers, default limits) and checks, from this process:

1. a burst of N requests at concurrency C, a mix of the four named queries (support,
   conflicts, said, evidence), answers with zero errors; requests/s and latency
   percentiles are recorded, and the server's memory (RSS of the server and its
   workers, summed) after a warm-up and after the burst shows no growth;
2. on a server with a 2 s time limit, a runaway query is stopped with 503 while quick
   queries sent meanwhile are all answered, and the server serves normally afterwards;
3. writes are refused: every write to the read-only server (403), and, on a second
   server started with ``--allow-update`` and a token, every write without the token
   or with a wrong one; the store is unchanged; the same write with the token works.

Every loop is bounded (request count and time limits); traffic goes to 127.0.0.1 only;
the servers are stopped at the end. Exit code 1 if any check fails. The result table
goes to benchmarks/RESULTS.md by hand ("Server under load (issue 9)").
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.queries import named_query  # noqa: E402

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
TOKEN = "load-test-token-0123456789"
TEST_GRAPH = "https://example.org/load-test/graph"


def mix() -> list[str]:
    """The named queries, with the ``said`` query bound to a speaker of the seeds."""
    said = named_query("said").replace("WHERE {", 'WHERE { VALUES ?name { "Hong Min" }', 1)
    return [named_query("support"), named_query("conflicts"), said, named_query("evidence")]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MB."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS"))
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration):
            continue
    return total / 1024


class Server:
    """``kg serve`` in a subprocess on a free loopback port."""

    def __init__(self, build: Path, *extra: str, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kg", "serve", str(build), "--port", str(self.port), *extra],
            env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"kg serve exited: {self.proc.stderr.read()}")
            try:
                if httpx.get(f"{self.url}/sparql", params={"query": "ASK {}"}, timeout=5).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.stop()
        raise SystemExit("kg serve did not answer within 120 s")

    def rss(self) -> float:
        return tree_rss_mb(self.proc.pid)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


async def burst(url: str, queries: list[str], total: int, concurrency: int) -> tuple[list[float], list[str], float]:
    """Send ``total`` queries (cycling through ``queries``) with ``concurrency`` in flight; latencies and errors."""
    latencies: list[float] = []
    errors: list[str] = []
    counter = iter(range(total))
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async def worker(client: httpx.AsyncClient) -> None:
        for n in counter:
            started = time.perf_counter()
            try:
                response = await client.post(f"{url}/sparql", data={"query": queries[n % len(queries)]},
                                             headers={"Accept": "application/sparql-results+json"})
                if response.status_code != 200:
                    errors.append(f"{response.status_code} {response.text[:120]}")
                else:
                    response.json()
            except (httpx.HTTPError, ValueError) as exc:
                errors.append(f"{type(exc).__name__}: {exc}")
            latencies.append(time.perf_counter() - started)

    async with httpx.AsyncClient(timeout=60, limits=limits) as client:
        started = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return latencies, errors, elapsed


async def timeout_while_serving(url: str, quick: str) -> dict:
    """A runaway query meets the time limit while quick queries are answered meanwhile."""
    async with httpx.AsyncClient(timeout=60) as client:
        runaway = asyncio.create_task(client.post(f"{url}/sparql", data={"query": RUNAWAY}))
        await asyncio.sleep(0.2)
        answered_meanwhile = 0
        quick_errors = 0
        deadline = time.monotonic() + 60
        for _ in range(5000):  # bounded in count and time; stops when the runaway is answered
            if runaway.done() or time.monotonic() > deadline:
                break
            response = await client.post(f"{url}/sparql", data={"query": quick})
            answered_meanwhile += response.status_code == 200 and not runaway.done()
            quick_errors += response.status_code != 200
        slow = await runaway
        after = [await client.post(f"{url}/sparql", data={"query": quick}) for _ in range(20)]
    return {
        "runaway_status": slow.status_code,
        "answered_while_runaway_ran": answered_meanwhile,
        "quick_errors": quick_errors,
        "after_ok": sum(r.status_code == 200 for r in after),
    }


def count_quads(url: str) -> int:
    response = httpx.post(f"{url}/sparql", data={"query": COUNT}, headers={"Accept": "application/sparql-results+json"})
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def write_attempts(url: str, token: str | None) -> list[int]:
    """Status codes of an update and a Graph Store PUT, sent with ``token`` (None: no Authorization)."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    insert = f'INSERT DATA {{ GRAPH <{TEST_GRAPH}> {{ <{TEST_GRAPH}#s> <{TEST_GRAPH}#p> "o" }} }}'
    return [
        httpx.post(f"{url}/update", data={"update": insert}, headers=headers).status_code,
        httpx.post(f"{url}/sparql", data={"update": "CLEAR ALL"}, headers=headers).status_code,
        httpx.put(f"{url}/store", params={"graph": TEST_GRAPH}, content=f'<{TEST_GRAPH}#s> <{TEST_GRAPH}#p> "o" .',
                  headers={**headers, "Content-Type": "application/n-triples"}).status_code,
    ]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/kg-serve-load"))
    args = parser.parse_args()
    shutil.rmtree(args.workdir, ignore_errors=True)
    build = args.workdir / "build"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "kg", "build", str(ROOT / "seeds"), "--out", str(build), "-q",
                    "--no-page"], check=True, env=env)
    failures: list[str] = []
    queries = mix()

    server = Server(build, "--workers", "2")
    try:
        quads = count_quads(server.url)
        warm, warm_errors, _ = asyncio.run(burst(server.url, queries, 200, args.concurrency))
        # reference, same server and mix: one client, one request at a time
        single, single_errors, single_elapsed = asyncio.run(burst(server.url, queries, 200, 1))
        warm_errors += single_errors
        rss_before = server.rss()
        latencies, errors, elapsed = asyncio.run(burst(server.url, queries, args.requests, args.concurrency))
        rss_after = server.rss()
        refused_read_only = write_attempts(server.url, None) + write_attempts(server.url, TOKEN)
        quads_after = count_quads(server.url)
    finally:
        server.stop()
    server = Server(build, "--workers", "2", "--timeout", "2")
    try:
        slow = asyncio.run(timeout_while_serving(server.url, queries[1]))
    finally:
        server.stop()
    if warm_errors or errors:
        failures.append(f"{len(errors) + len(warm_errors)} errors in the burst, e.g. {(errors + warm_errors)[:3]}")
    if rss_after > rss_before * 1.10 + 20:
        failures.append(f"memory grew from {rss_before:.0f} MB to {rss_after:.0f} MB")
    if slow["runaway_status"] != 503 or slow["quick_errors"] or slow["after_ok"] != 20 \
            or slow["answered_while_runaway_ran"] == 0:
        failures.append(f"time limit: {slow}")
    if any(code != 403 for code in refused_read_only) or quads_after != quads:
        failures.append(f"read-only server accepted a write: {refused_read_only}, {quads} -> {quads_after} quads")

    writable = args.workdir / "writable"
    shutil.copytree(build, writable)
    server = Server(writable, "--allow-update", env={"KG_SERVE_TOKEN": TOKEN})
    try:
        before = count_quads(server.url)
        no_token = write_attempts(server.url, None)
        wrong_token = write_attempts(server.url, "not-the-token")
        unchanged = count_quads(server.url) == before
        with_token = httpx.post(f"{server.url}/update", headers={"Authorization": f"Bearer {TOKEN}"},
                                data={"update": f'INSERT DATA {{ GRAPH <{TEST_GRAPH}> {{ <{TEST_GRAPH}#s> '
                                                f'<{TEST_GRAPH}#p> "o" }} }}'}).status_code
        added = count_quads(server.url) - before
    finally:
        server.stop()
    if any(code not in (401, 403) for code in no_token + wrong_token) or not unchanged:
        failures.append(f"writes without the token: {no_token}, wrong token: {wrong_token}, unchanged={unchanged}")
    if with_token not in (200, 204) or added != 1:
        failures.append(f"the write with the token: status {with_token}, {added} quads added")

    rate = len(latencies) / elapsed
    single_rate = len(single) / single_elapsed
    print(f"store: {quads} quads (seeds); {args.requests} requests at concurrency {args.concurrency}, "
          f"mix of support/conflicts/said/evidence; server: kg serve --workers 2; {os.cpu_count()} cores")
    print("| requests | concurrency | errors | requests/s | p50 ms | p99 ms | max ms | server RSS before -> after (MB) |")
    print("|---|---|---|---|---|---|---|---|")
    print(f"| {len(single)} (reference) | 1 | {len(single_errors)} | {single_rate:.0f} | "
          f"{statistics.median(single) * 1000:.0f} | {percentile(single, 0.99) * 1000:.0f} | "
          f"{max(single) * 1000:.0f} | |")
    print(f"| {len(latencies)} | {args.concurrency} | {len(errors)} | {rate:.0f} ({rate / single_rate:.2f}x) | "
          f"{statistics.median(latencies) * 1000:.0f} | {percentile(latencies, 0.99) * 1000:.0f} | "
          f"{max(latencies) * 1000:.0f} | {rss_before:.0f} -> {rss_after:.0f} |")
    per_query = {}
    for n, latency in enumerate(single):
        per_query.setdefault(("support", "conflicts", "said", "evidence")[n % 4], []).append(latency)
    print("one client, median per query: " + ", ".join(f"{name} {statistics.median(v) * 1000:.0f} ms"
                                                      for name, v in per_query.items()))
    print(f"time limit (second server, --timeout 2): runaway answered {slow['runaway_status']}; {slow['answered_while_runaway_ran']} quick "
          f"queries answered while it ran, {slow['after_ok']}/20 after")
    print(f"writes: read-only server {refused_read_only}; --allow-update without token {no_token}, wrong token "
          f"{wrong_token}, store unchanged: {unchanged}; with the token: {with_token}")
    for failure in failures:
        print(f"FAIL: {failure}")
    print("all checks passed" if not failures else f"{len(failures)} check(s) failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
