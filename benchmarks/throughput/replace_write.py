"""The cost of rewriting a built store's resolution graph when about 1% of it changes (issue 8).

Copies a build folder (``SRC``, e.g. the harness's ``processes-2``) to ``DST``, then makes its
resolution graph hold a copy with every 100th quad left out and as many new quads added, through
``Store.replace_graph`` as resolve calls it, and prints the wall, process and thread CPU seconds of that
write alone (and checks the graph holds exactly the new quads). Run it from two checkouts back to back
to compare them:

    python -m benchmarks.throughput.replace_write /tmp/tp/processes-2 /tmp/tp/replace-copy
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import time

import pyoxigraph as ox

from kg.rdf import terms
from kg.store import open_store

__all__ = ["main"]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("src", help="a build folder (its store is copied, never written)")
    parser.add_argument("dst", help="where the copy goes (replaced)")
    parser.add_argument("--base", default="https://w3id.org/claimgraph/id/")
    args = parser.parse_args(argv)
    shutil.rmtree(args.dst, ignore_errors=True)
    shutil.copytree(args.src, args.dst)
    store = open_store(args.dst)
    graph = ox.NamedNode(terms.resolution_graph_iri(args.base))
    old = sorted(store.quads(graph), key=str)
    other = ox.NamedNode("http://example.org/changed")
    new = [q for i, q in enumerate(old) if i % 100 != 7] + [ox.Quad(q.subject, other, q.object, graph)
                                                             for q in old[::100]]
    start, cpu, thread = time.perf_counter(), time.process_time(), time.thread_time()
    store.replace_graph(graph, iter(new))
    store.flush()
    result = {"quads_old": len(old), "quads_new": len(new), "seconds": round(time.perf_counter() - start, 2),
              "cpu_s": round(time.process_time() - cpu, 2), "thread_cpu_s": round(time.thread_time() - thread, 2),
              "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}
    if sorted(map(str, store.quads(graph))) != sorted(set(map(str, new))):
        raise SystemExit("the resolution graph does not hold exactly the new quads")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
