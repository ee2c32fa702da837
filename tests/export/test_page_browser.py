"""graph.html in a real browser: headless Chromium (Debian package) driven by Playwright.

These tests never skip: CI installs chromium (.ci/run); a machine without it fails
here with the command that fixes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from tests.export.page_graphs import XSS

from kg.export.page import PageClaim, PageData, PageEntity, PageMention, render_page, write_page

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
READY = "() => window.claimgraph && window.claimgraph.ready !== null && window.claimgraph.stabilized"


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"{CHROMIUM} is missing: run `apt-get install -y chromium chromium-driver` (see .ci/run)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Opened:
    page: object
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def assert_clean(self, url: str) -> None:
        assert self.requests == [url], self.requests  # the file itself and nothing else
        assert self.failed == []
        assert self.console_errors == []
        assert self.dialogs == []


def _open(browser, path: Path) -> Opened:
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    run = Opened(page)
    page.on("request", lambda r: run.requests.append(r.url))
    page.on("requestfailed", lambda r: run.failed.append(f"{r.url} {r.failure}"))
    page.on("console", lambda m: run.console_errors.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: run.console_errors.append(f"uncaught: {e}"))

    def on_dialog(dialog):
        run.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(path.as_uri())
    page.wait_for_function(READY, timeout=60_000)
    return run


def _screen_point(page, js_canvas_point: str, arg) -> tuple[float, float]:
    """Page coordinates of a point of the network canvas computed by ``js_canvas_point``."""
    return tuple(
        page.evaluate(
            f"""(arg) => {{
                const net = window.claimgraph.network;
                const p = ({js_canvas_point})(net, arg);
                const d = net.canvasToDOM(p);
                const r = document.getElementById('cg-network').getBoundingClientRect();
                return [d.x + r.left, d.y + r.top];
            }}""",
            arg,
        )
    )


def _edge_middle(page, edge_id: str) -> tuple[float, float]:
    return _screen_point(page, "(net, id) => net.body.edges[id].edgeType.getPoint(0.5)", edge_id)


def _node_point(page, node_id: str) -> tuple[float, float]:
    return _screen_point(page, "(net, id) => net.getPositions([id])[id]", node_id)


def _settled_edge_middle(page, edge_id: str, timeout_ms: int = 5000) -> tuple[float, float]:
    """The middle of an edge once the view stops moving and a click there reaches that edge (no node on top)."""
    page.wait_for_function(
        """(id) => {
            const net = window.claimgraph.network;
            const d = net.canvasToDOM(net.body.edges[id].edgeType.getPoint(0.5));
            const key = Math.round(d.x) + ',' + Math.round(d.y);
            const still = window.__cgLastEdgePoint === key;
            window.__cgLastEdgePoint = key;
            return still && net.getNodeAt(d) === undefined && net.getEdgeAt(d) === id;
        }""",
        arg=edge_id,
        polling=200,
        timeout=timeout_ms,
    )
    return _edge_middle(page, edge_id)


def _settled_node_point(page, node_id: str, timeout_ms: int = 5000) -> tuple[float, float]:
    """The node's page position once the view stops moving (focus animations) and the node is the one drawn there."""
    page.wait_for_function(
        """(id) => {
            const net = window.claimgraph.network;
            const d = net.canvasToDOM(net.getPositions([id])[id]);
            const key = Math.round(d.x) + ',' + Math.round(d.y);
            const still = window.__cgLastPoint === key;
            window.__cgLastPoint = key;
            return still && net.getNodeAt(d) === id;
        }""",
        arg=node_id,
        polling=200,
        timeout=timeout_ms,
    )
    return _node_point(page, node_id)


def _edge_between(page, subject: str, obj: str) -> str:
    return page.evaluate(
        """([s, o]) => {
            const D = window.claimgraph.data;
            const label = (id) => D.nodes.find((n) => n.id === id).label;
            return D.edges.find((e) => label(e.from) === s && label(e.to) === o).id;
        }""",
        [subject, obj],
    )


def _search(page, text: str) -> None:
    page.click("#cg-search")
    page.keyboard.type(text)
    page.wait_for_selector("#cg-results li[role=option]")
    page.keyboard.press("Enter")
    page.wait_for_function("() => window.claimgraph.selection() !== null")


def _selected_label(page) -> str:
    return page.evaluate(
        """() => { const s = window.claimgraph.selection();
                   return window.claimgraph.data.nodes.find((n) => n.id === s.id).label; }"""
    )


# -- the seeds, built by the real pipeline ------------------------------------------------
@pytest.fixture(scope="module")
def seeds_page(seeds_store, tmp_path_factory) -> Path:
    return write_page(seeds_store, tmp_path_factory.mktemp("page") / "graph.html", title="Seeds")


def test_seeds_page_loads_offline_with_no_errors(browser, seeds_page):
    run = _open(browser, seeds_page)
    page = run.page
    assert page.evaluate("window.claimgraph.visible().nodes.length") > 20
    assert page.evaluate("window.claimgraph.visible().edges.length") > 10
    assert page.locator("#cg-details h2").inner_text() == "Seeds"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "graph-seeds.png"))
    run.assert_clean(seeds_page.as_uri())
    assert (ARTIFACTS / "graph-seeds.png").stat().st_size > 10_000


def test_searching_hong_min_selects_the_node(browser, seeds_page):
    run = _open(browser, seeds_page)
    page = run.page
    _search(page, "Hong Min")
    assert page.evaluate("window.claimgraph.selection().kind") == "node"
    assert _selected_label(page) == "Hong Min"
    assert page.locator("#cg-details h2").inner_text() == "Hong Min"
    selected = page.evaluate("window.claimgraph.network.getSelectedNodes()")
    assert selected == [page.evaluate("window.claimgraph.selection().id")]
    page.screenshot(path=str(ARTIFACTS / "graph-seeds-hong-min.png"))
    run.assert_clean(seeds_page.as_uri())


def test_clicking_a_seeds_edge_shows_its_sentence(browser, seeds_page):
    run = _open(browser, seeds_page)
    page = run.page
    candidates = page.evaluate(
        """() => window.claimgraph.data.claims.filter((c) => c.m.length && c.m[0].q && c.s !== c.o)
                   .slice(0, 12).map((c) => [c.edge, c.m[0].q])"""
    )
    for edge_id, quote in candidates:  # the first edge whose middle no node or other edge covers
        page.evaluate("(id) => window.claimgraph.selectEdge(id)", edge_id)  # centre it on screen
        page.evaluate("() => { window.claimgraph.network.unselectAll(); }")
        try:
            x, y = _settled_edge_middle(page, edge_id, timeout_ms=3000)
            break
        except PlaywrightTimeout:
            continue
    else:
        pytest.fail("no seeds edge can be clicked on its own")
    page.mouse.click(x, y)
    page.wait_for_function("(id) => { const s = window.claimgraph.selection(); return s && s.id === id; }", arg=edge_id)
    assert " ".join(quote.split()) in " ".join(page.locator("#cg-details .cg-quote").first.inner_text().split())
    run.assert_clean(seeds_page.as_uri())


def test_overview_lists_each_corroborated_proposition_once(browser, seeds_page):
    run = _open(browser, seeds_page)
    page = run.page
    several = page.locator("#cg-details h4:text-is('Stated by several sources') + ul > li")
    entries = several.all_inner_texts()
    titles = [e.splitlines()[0] for e in entries]
    # two outlets' wordings of one proposition: one entry, the other wording under it
    assert len([t for t in titles if t in ("North Korea send soldier", "DPRK send soldier")]) == 1, titles
    assert titles.count("Russia have war") == 1, titles
    assert len(titles) == len(set(titles)), titles
    send = next(e for e in entries if e.startswith("North Korea send soldier"))
    assert "also: DPRK send soldier" in send and "2 sources" in send
    # a click selects that entry's edge, whose claim card names the other wording
    claim = int(several.filter(has_text="North Korea send soldier").get_attribute("data-claim"))
    edge = page.evaluate("(i) => window.claimgraph.data.claims[i].edge", claim)
    several.filter(has_text="North Korea send soldier").click()
    page.wait_for_function("(id) => { const s = window.claimgraph.selection(); return s && s.id === id; }", arg=edge)
    card = page.locator(f"#cg-details .cg-claim[data-claim='{claim}']")
    assert "DPRK send soldier" in card.locator(".cg-corroborated").inner_text()
    page.screenshot(path=str(ARTIFACTS / "graph-seeds-corroborated.png"))
    run.assert_clean(seeds_page.as_uri())


# -- hand-written graphs ---------------------------------------------------------------------
@pytest.fixture()
def trig_page(trig_store, tmp_path) -> Path:
    return write_page(trig_store, tmp_path / "graph.html", title="Two outlets")


def test_clicking_an_edge_shows_each_sentence_source_and_speaker(browser, trig_page):
    run = _open(browser, trig_page)
    page = run.page
    page.evaluate("window.claimgraph.network.fit()")
    edge_id = _edge_between(page, "Kim Jong-un", "North Korean soldiers")
    x, y = _settled_edge_middle(page, edge_id)
    page.mouse.click(x, y)
    page.wait_for_function("(id) => { const s = window.claimgraph.selection(); return s && s.id === id; }", arg=edge_id)
    details = page.locator("#cg-details")
    quotes = details.locator(".cg-quote").all_inner_texts()
    assert quotes == [
        "Kim Jong-un has honored North Korean soldiers who died in Russia's war with Ukraine.",
        "Kim Jong-un publicly honors fallen North Korean soldiers",
    ]
    sources = details.locator(".cg-source").all_inner_texts()
    assert "Guardian" in sources[0] and "2025-06-22" in sources[0] and "Korea Herald" in sources[1]
    assert details.locator(".cg-b-support").inner_text() == "2 sources"
    # the relation words are marked in the sentence
    assert "has honored" in details.locator("mark.cg-m-rel").all_inner_texts()
    page.screenshot(path=str(ARTIFACTS / "graph-edge.png"))

    # a conflicting claim shows the other one, and one click goes there
    conflict_edge = _edge_between(page, "North Korea", "over 4,700 casualties including 600 fatalities")
    page.evaluate("(id) => window.claimgraph.selectEdge(id)", conflict_edge)
    box = details.locator(".cg-conflicts")
    assert "600 dead and another 4,700 wounded" in box.inner_text()
    assert "different casualty figures" in box.inner_text()
    box.locator("li").first.click()
    assert "About 600 North Korean soldiers have died" in details.locator(".cg-quote").first.inner_text()

    # an attributed statement names its speaker and cue
    page.evaluate("(id) => window.claimgraph.selectEdge(id)", _edge_between(page, "North Korea", "North Korean soldiers"))
    assert re.search(r"said by Hong Min \(“told”\)", details.locator(".cg-source").first.inner_text())
    run.assert_clean(trig_page.as_uri())


def test_search_finds_aliases(browser, trig_page):
    run = _open(browser, trig_page)
    page = run.page
    page.click("#cg-search")
    page.keyboard.type("dprk")
    page.wait_for_selector("#cg-results li[role=option]")
    assert "as “the DPRK”" in page.locator("#cg-results li").first.inner_text()
    page.keyboard.press("Enter")
    page.wait_for_function("() => window.claimgraph.selection() !== null")
    assert _selected_label(page) == "North Korea"
    assert "the DPRK" in page.locator("#cg-details .cg-alts").inner_text()
    run.assert_clean(trig_page.as_uri())


def test_filters_narrow_the_graph(browser, trig_page):
    run = _open(browser, trig_page)
    page = run.page
    edges = lambda: page.evaluate("window.claimgraph.visible().edges.length")  # noqa: E731
    labels = lambda: set(  # noqa: E731
        page.evaluate(
            """() => { const api = window.claimgraph; const vis = new Set(api.visible().edges);
                       return api.data.edges.filter((e) => vis.has(e.id))
                         .map((e) => api.data.claims[e.claims[0]].rel); }"""
        )
    )
    total = edges()
    assert total == 8
    page.check("#cg-f-conflicts")
    assert labels() == {"suffer"} and edges() == 2
    page.uncheck("#cg-f-conflicts")
    page.locator("#cg-f-support").fill("2")
    assert labels() == {"honor", "send to"}
    page.click("#cg-reset")
    assert edges() == total
    page.select_option("#cg-f-pub", label="Korea Herald")
    assert labels() == {"honor", "send to", "suffer", "place hands on", "confirm"}
    page.click("#cg-reset")
    page.uncheck("#cg-f-cert input[data-cert=certain]")
    assert labels() == {"send to", "portray", "confirm"}
    page.click("#cg-reset")
    page.uncheck("#cg-f-types input[data-type=Value]")
    assert "suffer" not in labels() and edges() == total - 3
    run.assert_clean(trig_page.as_uri())


def test_xss_article_runs_no_script(browser, xss_store, tmp_path):
    path = write_page(xss_store, tmp_path / "graph.html")
    run = _open(browser, path)
    page = run.page
    page.evaluate("window.claimgraph.network.fit()")
    page.wait_for_timeout(300)
    for nid in page.evaluate("window.claimgraph.data.nodes.map((n) => n.id)"):
        x, y = _node_point(page, nid)
        page.mouse.move(x, y)  # tooltips
        page.wait_for_timeout(450)
        page.mouse.click(x, y)
    for eid in page.evaluate("window.claimgraph.data.edges.map((e) => e.id)"):
        page.evaluate("(id) => window.claimgraph.selectEdge(id)", eid)
        page.locator("#cg-details").hover()
    page.click("#cg-search")
    page.keyboard.type("<script")
    page.wait_for_selector("#cg-results li[role=option]")
    page.keyboard.press("Enter")
    page.mouse.click(5, 5)
    page.evaluate("() => { const s = document.getElementById('cg-f-doc'); s.focus(); }")
    page.screenshot(path=str(ARTIFACTS / "graph-xss.png"))
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.evaluate("document.querySelectorAll('body img, body svg[onload], iframe, b[onmouseover]').length") == 0
    assert page.evaluate("document.scripts.length") == 4
    shown = page.locator("body").inner_text()
    assert XSS["label"] in shown  # shown as text, exactly
    run.assert_clean(path.as_uri())


# -- a graph too big to show at once ---------------------------------------------------------
def _scale_free(n: int) -> PageData:
    g = nx.barabasi_albert_graph(n, 2, seed=5)
    ents = tuple(PageEntity(iri=f"urn:e:{i}", label=f"Entity {i}", type=("Person", "Place", "Thing")[i % 3]) for i in g)
    claims = tuple(
        PageClaim(
            iri=f"urn:c:{k}",
            subject=f"urn:e:{a}",
            relation="meet",
            object=f"urn:e:{b}",
            mentions=(PageMention(iri=f"urn:m:{k}", document="urn:d", quote=f"Entity {a} met Entity {b}."),),
        )
        for k, (a, b) in enumerate(g.edges())
    )
    return PageData(entities=ents, claims=claims, title="Scale-free")


def test_big_graph_shows_the_top_and_expands_on_demand(browser, tmp_path):
    path = tmp_path / "graph.html"
    path.write_text(render_page(_scale_free(1500), initial_nodes=200), encoding="utf-8")
    run = _open(browser, path)
    page = run.page
    assert page.evaluate("window.claimgraph.shown().length") == 200
    # a shown node with hidden neighbours: double-click it to bring them in
    nid, hidden = page.evaluate(
        """() => { const api = window.claimgraph, shown = new Set(api.shown());
                   for (const id of api.shown()) {
                     const out = api.data.edges.filter((e) => e.from === id || e.to === id)
                       .map((e) => e.from === id ? e.to : e.from).filter((o) => !shown.has(o));
                     // a node no other node covers, so a click at its centre reaches it
                     const d = api.network.canvasToDOM(api.network.getPositions([id])[id]);
                     if (out.length && api.network.getNodeAt(d) === id) return [id, out]; } }"""
    )
    page.evaluate("(id) => window.claimgraph.selectNode(id)", nid)
    x, y = _settled_node_point(page, nid)
    page.mouse.dblclick(x, y)
    page.wait_for_function("(n) => window.claimgraph.shown().length > n", arg=200)
    shown = set(page.evaluate("window.claimgraph.shown()"))
    assert set(hidden) <= shown
    # searching a node that is not drawn yet adds it and selects it
    target = page.evaluate(
        """() => { const s = new Set(window.claimgraph.shown());
                   return window.claimgraph.data.nodes.find((n) => !s.has(n.id)).label; }"""
    )
    _search(page, target)
    assert _selected_label(page) == target
    page.click("#cg-more")
    assert page.evaluate("window.claimgraph.shown().length") >= len(shown) + 500
    page.screenshot(path=str(ARTIFACTS / "graph-big.png"))
    run.assert_clean(path.as_uri())
