"""How fast graph.html becomes usable, on synthetic claim graphs of 1k, 5k and 20k entities.

Usage (from the repository root)::

    python benchmarks/page/run.py                 # 1000 5000 20000, with the pyvis reference
    python benchmarks/page/run.py 1000 --no-reference --json out.json

For each size N the run:

1. writes a synthetic claim graph in the RDF model of DESIGN.md as TriG (a
   Barabási-Albert graph of N entities, m=2, so about 2N claims; 1-3 mentions per
   claim, each a quoted sentence in one of N/20 documents of 12 publishers; 1% of
   claims in conflict) and loads it into an in-memory store;
2. times ``collect_page_data`` (SPARQL) and ``render_page`` (layout + pyvis + HTML);
3. opens the page from file:// in headless Chromium (/usr/bin/chromium) and measures

   - **ready**: ``performance.now()`` at the network's first ``afterDrawing`` event
     (the page sets ``window.claimgraph.ready``), i.e. from navigation start;
   - **interactive**: ready plus a first successful search: the label of a node
     that is *not* drawn yet is typed into the search box, Enter pressed, and the
     clock stops when the node is added, selected and its details are shown
     (``performance.now()`` read in the page right after);
   - **JS heap**: ``JSHeapUsedSize`` from the DevTools protocol (Performance.getMetrics).

The reference, measured in the same run, is pyvis's stock output for the same
graph (``Network.from_nx``-style: every node, physics on, its own template with
vis-network inlined, CDN requests aborted): time until vis reports stabilisation
done (its loading bar reaches 100%), capped at ``--reference-timeout`` seconds.
Only sizes up to 5k get the reference; pyvis itself needs minutes to build 20k.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import networkx as nx  # noqa: E402
import pyoxigraph as ox  # noqa: E402

from kg.export.page import collect_page_data, render_page  # noqa: E402
from kg.rdf.namespaces import sparql_prologue  # noqa: E402
from kg.store import Store  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
TYPES = ["Person", "Organization", "Place", "Event", "Thing", "Thing", "Thing"]
WORDS = ("said reported that the troops were sent across the border after talks with officials in the capital "
         "during a visit when ministers met and agreed on new terms for the deal which analysts described as").split()
B = "https://w3id.org/claimgraph/id/"


def synthetic_trig(n: int, seed: int = 1) -> str:
    """A claim graph of ``n`` entities in the project's RDF model, as TriG text."""
    rng = random.Random(seed)
    g = nx.barabasi_albert_graph(n, 2, seed=seed)
    n_docs = max(2, n // 20)
    pubs = [f"{B}entity/publisher-{i}" for i in range(12)]
    doc_pub = [pubs[i % len(pubs)] for i in range(n_docs)]
    graphs: dict[str, list[str]] = defaultdict(list)
    res = graphs[f"{B}graph/resolution"]
    for d in range(n_docs):
        doc = f"{B}doc/d{d}"
        graphs[doc].append(
            f'<{doc}> a schema:NewsArticle ; dct:title "Report {d} on the talks" ; dct:publisher <{doc_pub[d]}> ; '
            f'dct:source "synthetic/{d}.txt" .\n<{doc_pub[d]}> a cg:Entity, schema:NewsMediaOrganization ; '
            f'skos:prefLabel "Publisher {pubs.index(doc_pub[d])}" .'
        )
    label = {i: f"{rng.choice(['Alpha', 'Beta', 'Gamma', 'Delta', 'Omega'])} {i}" for i in g}
    claims = list(g.edges())
    for k, (a, b) in enumerate(claims):
        rel = f"{B}relation/r{k % 40}"
        claim = f"{B}claim/c{k}"
        docs = rng.sample(range(n_docs), rng.choice((1, 1, 1, 2, 2, 3)))
        for j, d in enumerate(docs):
            doc = f"{B}doc/d{d}"
            m = f"{doc}/claim/{k}-{j}"
            sentence = f"{label[a]} " + " ".join(rng.choice(WORDS) for _ in range(14)) + f" {label[b]}."
            graphs[doc].append(
                f'<{B}entity/e{a}> a cg:Entity, schema:{TYPES[a % len(TYPES)]} ; skos:prefLabel "{label[a]}" .\n'
                f'<{B}entity/e{b}> a cg:Entity, schema:{TYPES[b % len(TYPES)]} ; skos:prefLabel "{label[b]}" .\n'
                f'<{rel}> a cg:Relation ; rdfs:label "relation {k % 40}" .\n'
                f'<{claim}> a cg:Claim ; rdf:subject <{B}entity/e{a}> ; rdf:predicate <{rel}> ; '
                f'rdf:object <{B}entity/e{b}> ; schema:text "{label[a]} | relation {k % 40} | {label[b]}" .\n'
                f"<{B}entity/e{a}> <{rel}> <{B}entity/e{b}> .\n"
                f"<{m}> a cg:ClaimMention, oa:Annotation, prov:Entity ; oa:hasBody <{claim}> ; oa:hasTarget <{m}/target> ; "
                f"prov:wasAttributedTo <{doc_pub[d]}> ; cg:certainty cg:{rng.choice(['Certain', 'Certain', 'Probable'])} ; "
                f"cg:polarity cg:Positive .\n"
                f"<{m}/target> a oa:SpecificResource ; oa:hasSource <{doc}> ; oa:hasSelector <{m}/target/pos>, <{m}/target/quote> .\n"
                f"<{m}/target/pos> a oa:TextPositionSelector ; oa:start {k * 3} ; oa:end {k * 3 + len(sentence)} .\n"
                f'<{m}/target/quote> a oa:TextQuoteSelector ; oa:exact "{sentence}" .'
            )
        res.append(f"<{claim}> cg:supportCount {len({doc_pub[d] for d in docs})} .")
        if k % 100 == 7 and k + 1 < len(claims):
            res.append(f'<{claim}> cg:conflictsWith <{B}claim/c{k + 1}> ; cg:conflictReason "different numbers" .')
    prologue = sparql_prologue().replace("PREFIX ", "@prefix ").replace(">\n", "> .\n")
    return prologue + "".join(f"<{gname}> {{\n" + "\n".join(body) + "\n}\n" for gname, body in graphs.items())


def load(trig: str) -> Store:
    graphs: dict[ox.NamedNode, list[ox.Quad]] = defaultdict(list)
    for quad in ox.parse(trig.encode("utf-8"), format=ox.RdfFormat.TRIG):
        graphs[quad.graph_name].append(quad)
    store = Store()
    store.bulk_replace(graphs)
    return store


def measure_page(browser, path: Path) -> dict:
    """ready / interactive (ms from navigation start) and JS heap of our page."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    external: list[str] = []
    page.on("request", lambda r: external.append(r.url) if not r.url.startswith(("file:", "data:")) else None)
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    wall = time.perf_counter()
    page.goto(path.as_uri(), wait_until="commit")
    page.wait_for_function("() => window.claimgraph && window.claimgraph.ready !== null", timeout=300_000, polling=20)
    ready = page.evaluate("window.claimgraph.ready")
    target = page.evaluate(
        """() => { const s = new Set(window.claimgraph.shown());
                   const n = window.claimgraph.data.nodes.find((n) => !s.has(n.id)) || window.claimgraph.data.nodes[0];
                   return [n.id, n.label]; }"""
    )
    page.fill("#cg-search", target[1])
    page.press("#cg-search", "Enter")
    page.wait_for_function(
        "(id) => { const s = window.claimgraph.selection(); return s && s.id === id; }", arg=target[0], polling=10
    )
    interactive = page.evaluate("performance.now()")
    wall = time.perf_counter() - wall
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    shown = page.evaluate("window.claimgraph.shown().length")
    context.close()
    return {
        "ready_ms": round(ready),
        "interactive_ms": round(interactive),
        "wall_s": round(wall, 2),
        "js_heap_mb": round(metrics["JSHeapUsedSize"] / 2**20, 1),
        "nodes_drawn": shown,
        "external_requests": len(external),
    }


def measure_reference(browser, n: int, trig_seed: int, out_dir: Path, timeout_s: float) -> dict:
    """pyvis's stock page for the same entity graph: time to stabilisation done."""
    from pyvis.network import Network

    g = nx.barabasi_albert_graph(n, 2, seed=trig_seed)
    t = time.perf_counter()
    net = Network(height="900px", width="100%", directed=True, cdn_resources="in_line")
    for i in g:
        net.add_node(i, label=f"Entity {i}")
    for a, b in g.edges():
        net.add_edge(a, b, title="relation")
    path = out_dir / f"pyvis-{n}.html"
    path.write_text(net.generate_html(), encoding="utf-8")
    build_s = time.perf_counter() - t
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.route(lambda url: not url.startswith(("file:", "data:")), lambda route: route.abort())
    page.goto(path.as_uri(), wait_until="commit")
    try:
        page.wait_for_function(
            "() => { const t = document.getElementById('text'); return t && t.innerHTML === '100%'; }",
            timeout=timeout_s * 1000,
            polling=50,
        )
        done = round(page.evaluate("performance.now()"))
    except Exception:  # noqa: BLE001 - a timeout is the measurement here
        done = None
    context.close()
    return {"stabilized_ms": done, "build_s": round(build_s, 2), "timeout_s": timeout_s}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 5000, 20000])
    parser.add_argument("--no-reference", action="store_true", help="skip the stock pyvis reference")
    parser.add_argument("--reference-max", type=int, default=5000, help="largest size given the reference")
    parser.add_argument("--reference-timeout", type=float, default=120.0, help="seconds before the reference gives up")
    parser.add_argument("--initial-nodes", type=int, default=None,
                        help="nodes drawn at first (default: the page's own default; a big number draws everything)")
    parser.add_argument("--json", type=Path, help="also write the results here as JSON")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    results = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for n in args.sizes:
            row: dict = {"entities": n}
            t = time.perf_counter()
            store = load(synthetic_trig(n))
            row["load_s"] = round(time.perf_counter() - t, 2)
            row["quads"] = len(store)
            t = time.perf_counter()
            data = collect_page_data(store)
            row["collect_s"] = round(time.perf_counter() - t, 2)
            row["claims"] = len(data.claims)
            t = time.perf_counter()
            html = render_page(data) if args.initial_nodes is None else render_page(data, initial_nodes=args.initial_nodes)
            row["render_s"] = round(time.perf_counter() - t, 2)
            row["html_mb"] = round(len(html.encode("utf-8")) / 2**20, 1)
            path = Path(tmp) / f"graph-{n}.html"
            path.write_text(html, encoding="utf-8")
            del html, data, store
            row.update(measure_page(browser, path))
            if not args.no_reference and n <= args.reference_max:
                row["reference"] = measure_reference(browser, n, 1, Path(tmp), args.reference_timeout)
            results.append(row)
            print(json.dumps(row), flush=True)
        browser.close()

    print()
    print(f"machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}, Python {platform.python_version()}")
    print("| entities | claims | quads | collect | render | HTML | ready | interactive | JS heap | drawn | pyvis stock: stabilised | ratio |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        ref = r.get("reference") or {}
        stab = ref.get("stabilized_ms")
        ref_txt = "-" if not ref else (f"{stab / 1000:.1f} s" if stab else f"> {ref['timeout_s']:.0f} s")
        ratio = "-" if not ref else (f"{stab / r['interactive_ms']:.1f}x" if stab else f"> {ref['timeout_s'] * 1000 / r['interactive_ms']:.0f}x")
        print(
            f"| {r['entities']:,} | {r['claims']:,} | {r['quads']:,} | {r['collect_s']:.1f} s | {r['render_s']:.1f} s | "
            f"{r['html_mb']:.1f} MB | {r['ready_ms'] / 1000:.2f} s | {r['interactive_ms'] / 1000:.2f} s | "
            f"{r['js_heap_mb']:.0f} MB | {r['nodes_drawn']:,} | {ref_txt} | {ratio} |"
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
