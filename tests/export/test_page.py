"""graph.html without a browser: what the store gives the page, and what the file contains."""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re

import networkx as nx
import pytest

from kg.errors import ExportError
from kg.export.page import (
    PageClaim,
    PageData,
    PageEntity,
    PageMention,
    collect_page_data,
    render_page,
    script_json,
    write_page,
)
from kg.export.page.data import format_qualifiers
from kg.export.page.layout import EDGE_LENGTH, layout_positions

from tests.export.page_graphs import SEEDS_TRIG, XSS, load_trig

E = "https://w3id.org/claimgraph/id/entity/"
C = "https://w3id.org/claimgraph/id/claim/"


def _json_block(html: str, block_id: str):
    match = re.search(rf'<script type="application/json" id="{block_id}">(.*?)</script>', html, re.S)
    assert match, block_id
    return json.loads(match.group(1))


def _synthetic(n: int) -> PageData:
    """A scale-free graph of ``n`` entities, one claim per edge, one mention per claim."""
    g = nx.barabasi_albert_graph(n, 2, seed=3)
    ents = tuple(PageEntity(iri=f"{E}{i}", label=f"Entity {i}", type=("Person", "Place", "Thing")[i % 3]) for i in g)
    claims = tuple(
        PageClaim(
            iri=f"{C}{k}",
            subject=f"{E}{a}",
            relation="meet",
            object=f"{E}{b}",
            support=1 + (a + b) % 3,
            mentions=(PageMention(iri=f"{C}{k}/m", document="doc", quote=f"Entity {a} met Entity {b}."),),
        )
        for k, (a, b) in enumerate(g.edges())
    )
    return PageData(entities=ents, claims=claims)


# -- collect_page_data -------------------------------------------------------------------
def test_collect_merges_aliases_and_reads_labels_and_types(trig_store):
    data = collect_page_data(trig_store)
    by_iri = {e.iri: e for e in data.entities}
    nk = by_iri[E + "north-korea"]
    assert E + "dprk" not in by_iri  # owl:sameAs merged it into North Korea
    assert nk.label == "North Korea" and nk.type == "Place"
    assert {"the DPRK", "the North", "Pyongyang"} <= set(nk.alt_labels)
    assert nk.same_as == (E + "dprk",)
    assert by_iri[E + "kim-jong-un"].alt_labels == ("Kim", "Kim Jong Un")
    assert by_iri[E + "guardian"].type == "NewsMediaOrganization"
    assert by_iri[E + "hong-min"].mention_count == 1


def test_collect_reads_claims_evidence_support_and_conflicts(trig_store):
    data = collect_page_data(trig_store)
    claims = {c.iri: c for c in data.claims}
    assert len(claims) == 8
    honor = claims[C + "honor"]
    assert (honor.relation, honor.object, honor.support) == ("honor", E + "north-korean-soldiers", 2)
    assert [m.speaker_label for m in honor.mentions] == ["Guardian", "Korea Herald"]
    assert honor.mentions[0].quote.startswith("Kim Jong-un has honored")
    assert (honor.mentions[0].start, honor.mentions[0].end, honor.mentions[0].confidence) == (10, 90, 0.9)
    # the alias subject of the second casualty claim points at the merged entity
    b = claims[C + "casualties-b"]
    assert b.subject == E + "north-korea" and b.literal == "600 dead and another 4,700 wounded"
    assert [x.claim for x in b.conflicts] == [C + "casualties-a"]
    assert claims[C + "casualties-a"].conflicts[0].reason.startswith("different casualty figures")
    portray = claims[C + "portray"].mentions[0]
    assert (portray.speaker_label, portray.cue, portray.certainty) == ("Hong Min", "told", "probable")
    confirm = claims[C + "confirm"].mentions[0]
    assert (confirm.certainty, confirm.polarity) == ("possible", "negative")
    assert dict(claims[C + "send"].qualifiers) == {"quantity": "about 15,000 soldier", "time": "since last autumn"}
    docs = {d.iri.rsplit("/", 1)[-1]: d for d in data.documents}
    assert docs["aaaa"].publisher_label == "Guardian" and docs["aaaa"].issued == "2025-06-22"
    assert docs["bbbb"].source == "seeds/002.txt"


def test_support_falls_back_to_distinct_publishers_without_resolution():
    trig = SEEDS_TRIG.split("id:graph\\/resolution")[0]
    data = collect_page_data(load_trig(trig))
    claims = {c.iri: c for c in data.claims}
    assert claims[C + "honor"].support == 2
    assert claims[C + "hands"].support == 1
    assert all(not c.conflicts for c in data.claims)


def test_max_nodes_keeps_the_most_supported_part(trig_store):
    data = collect_page_data(trig_store, max_nodes=3)
    kept = {e.iri for e in data.entities}
    assert len(kept) == 3 and E + "north-korea" in kept
    assert data.dropped_entities == len(collect_page_data(trig_store).entities) - 3
    assert data.claims and all(c.subject in kept and (c.object is None or c.object in kept) for c in data.claims)
    assert data.dropped_claims == 8 - len(data.claims)
    with pytest.raises(ValueError, match="max_nodes"):
        collect_page_data(trig_store, max_nodes=0)


def _groups_by_text(data: PageData) -> list[list[str]]:
    groups: dict[str, list[str]] = {}
    for c in data.claims:
        if c.corroboration:
            groups.setdefault(c.corroboration, []).append(c.text)
    return sorted(sorted(texts) for texts in groups.values())


def test_collect_groups_the_seeds_corroborating_claims(seeds_store):
    data = collect_page_data(seeds_store)
    groups = _groups_by_text(data)
    # two outlets, one proposition each: the page must know these are one
    assert ["DPRK send soldier", "North Korea send soldier"] in groups
    assert ["Russia have war", "Russia have war"] in groups
    assert all(len(g) == 2 for g in groups)
    by_iri = {c.iri: c for c in data.claims}
    for c in data.claims:
        if c.corroboration:  # the group is named by its first claim, which is in it
            assert c.corroboration <= c.iri and by_iri[c.corroboration].corroboration == c.corroboration
    page = _json_block(render_page(data), "cg-data")
    grouped = [(i, c["grp"], c["text"]) for i, c in enumerate(page["claims"]) if "grp" in c]
    assert len(grouped) == sum(len(g) for g in groups)
    send = [(i, g) for i, g, text in grouped if text.endswith("send soldier")]
    assert len(send) == 2 and send[0][1] == send[1][1] == send[0][0]  # both point at the first one
    assert sum("grp" in c for c in page["claims"]) < len(page["claims"])  # lone claims carry nothing


def test_corroboration_groups_are_connected_components(trig_store):
    trig_store.update(
        "INSERT DATA {"
        " GRAPH <https://w3id.org/claimgraph/id/graph/resolution> {"
        f" <{C}send> cg:corroborates <{C}honor> . <{C}honor> cg:corroborates <{C}send> ."
        f" <{C}hands> cg:corroborates <{C}send> . }} }}"
    )
    data = collect_page_data(trig_store)
    group = {c.iri: c.corroboration for c in data.claims}
    assert group[C + "honor"] == group[C + "send"] == group[C + "hands"] == C + "hands"  # via send
    assert group[C + "portray"] == ""  # and the fixture's self-link (honor-honor) makes no group of its own


def test_qualifiers_read_like_prose():
    assert format_qualifiers({"quantity": ["2.5"], "unit": ["million"], "upperBound": ["true"]}) == (
        ("quantity", "at most 2.5 million"),
    )
    assert format_qualifiers({"time": ["2025-04"]}) == (("time", "2025-04"),)
    assert format_qualifiers({}) == ()


# -- render_page -------------------------------------------------------------------------
def _markup(html: str) -> str:
    """The HTML with the bodies of <script> and <style> elements emptied."""
    return re.sub(r"(<(script|style)\b[^>]*>).*?(</\2>)", r"\1\3", html, flags=re.S)


def test_page_is_self_contained(trig_store):
    html = render_page(collect_page_data(trig_store))
    markup = _markup(html)
    refs = re.findall(r"""\b(?:src|href|action|poster|srcset)\s*=\s*["']?([^"'\s>]+)""", markup)
    assert refs and all(r.startswith("data:") for r in refs), refs
    assert not re.search(r"https?://", markup)
    styles = "".join(re.findall(r"<style>(.*?)</style>", html, re.S))
    assert "url(" in styles and not re.search(r"""url\(\s*(?!["']?data:)""", styles)
    assert "@import" not in styles
    assert "cdn.jsdelivr" not in html and "cdnjs" not in html and "bootstrap" not in html.lower()
    assert "vis.Network" in html and "vis-network" in html  # the library is inlined, not linked
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(scripts) == 2
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "unsafe" not in csp.split("style-src")[0]
    for body in scripts:
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_embedded_json_matches_the_data(trig_store):
    data = collect_page_data(trig_store, title="Two outlets")
    html = render_page(data)
    page = _json_block(html, "cg-data")
    vis = _json_block(html, "cg-vis")
    assert page["title"] == "Two outlets"
    assert len(page["claims"]) == len(data.claims)
    labels = {n["label"] for n in page["nodes"]}
    assert {"Kim Jong-un", "Hong Min", "North Korea", "600 dead and another 4,700 wounded"} <= labels
    honor = next(c for c in page["claims"] if c["iri"] == C + "honor")
    edge = next(e for e in vis["edges"] if e["id"] == honor["edge"])
    assert edge["label"] == "honor" and edge["width"] > next(
        e["width"] for e in vis["edges"] if e["label"] == "place hands on"
    )
    conflict_edges = [e for e in vis["edges"] if e.get("dashes") == [9, 6]]
    assert len(conflict_edges) == 2 and all(e["color"]["color"] == "#dc2626" for e in conflict_edges)
    negated = next(e for e in vis["edges"] if "confirm" in e["label"])
    assert negated["label"] == "not confirm" and negated["dashes"] == [2, 5]
    assert vis["options"]["physics"]["enabled"] is True  # small graph: physics on
    assert all(math.isfinite(n["x"]) and math.isfinite(n["y"]) for n in vis["nodes"])
    assert vis["hidden"] == {"nodes": [], "edges": []}


def test_every_input_text_is_escaped(xss_store):
    html = render_page(collect_page_data(xss_store))
    for text in XSS.values():
        assert text not in html  # each probe appears only in escaped form
    markup = _markup(html)
    assert markup.count("<script") == 4  # 2 JSON blocks + vis-network + the page script
    assert not re.search(r"<(img|svg|iframe)\b|<b on|onerror|onload|onmouseover", markup)
    blocks = re.findall(r'<script type="application/json" id="[^"]+">(.*?)</script>', html, re.S)
    assert len(blocks) == 2 and not any(set("<>&\u2028\u2029") & set(b) for b in blocks)
    page = _json_block(html, "cg-data")
    assert XSS["quote"] in [m["q"] for c in page["claims"] for m in c["m"]]  # kept exactly, only escaped
    assert XSS["label"] in [n["label"] for n in page["nodes"]]


def test_script_json_escapes_html_and_line_separators():
    text = script_json({"k": "</script>&<!--\u2028\u2029"})
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == {"k": "</script>&<!--\u2028\u2029"}


def test_big_graph_shows_the_top_first_and_embeds_the_rest():
    data = _synthetic(1200)
    html = render_page(data, initial_nodes=150, physics_threshold=100)
    vis = _json_block(html, "cg-vis")
    page = _json_block(html, "cg-data")
    shown = {n["id"] for n in vis["nodes"]}
    assert len(shown) == 150 and set(page["first"]) == shown
    assert len(vis["hidden"]["nodes"]) == 1200 - 150
    assert len(vis["edges"]) + len(vis["hidden"]["edges"]) == len(data.claims)
    assert all(e["from"] in shown and e["to"] in shown for e in vis["edges"])
    assert vis["options"]["physics"]["enabled"] is False
    # the first view is the best connected part: hubs of the scale-free graph are in it
    degree = nx.barabasi_albert_graph(1200, 2, seed=3).degree()
    top = sorted(range(1200), key=lambda i: -degree[i])[:20]
    ids = {n["iri"]: n["id"] for n in page["nodes"]}
    assert all(ids[f"{E}{i}"] in shown for i in top)


def test_render_rejects_bad_options():
    with pytest.raises(ValueError, match="initial_nodes"):
        render_page(PageData(), initial_nodes=0)
    with pytest.raises(ValueError, match="physics_threshold"):
        render_page(PageData(), physics_threshold=-1)


# -- layout ------------------------------------------------------------------------------
def test_layout_places_every_node_and_fans_hidden_ones_round_their_neighbour():
    g = nx.star_graph(40)  # hub 0 with 40 leaves
    g.add_edges_from([(100, 101), (101, 102)])  # a separate small component
    first = {0, 1, 2, 3}
    pos = layout_positions(g, first=first, priority={0: 10})
    assert set(pos) == set(g)
    for leaf in range(4, 41):
        assert 0.5 * EDGE_LENGTH < math.dist(pos[0], pos[leaf]) < 6 * EDGE_LENGTH
    assert len({(round(x), round(y)) for x, y in pos.values()}) == len(pos)  # no two nodes on one spot


def test_layout_is_deterministic_and_scales():
    g = nx.barabasi_albert_graph(3000, 2, seed=1)
    a = layout_positions(g, first=set(range(300)))
    b = layout_positions(g, first=set(range(300)))
    assert a == b and len(a) == 3000
    first = [a[n] for n in range(300)]
    width = max(x for x, _ in first) - min(x for x, _ in first)
    assert width < 60 * EDGE_LENGTH  # the first view stays compact


# -- write_page --------------------------------------------------------------------------
def test_write_page_replaces_atomically(tmp_path, trig_store):
    out = tmp_path / "graph.html"
    out.write_text("old")
    assert write_page(trig_store, out, title="Seeds") == out
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '"title":"Seeds"' in html
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]  # no temp file left behind


def test_write_page_failure_keeps_nothing_half_written(tmp_path, trig_store):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="cannot write the graph page"):
        write_page(trig_store, blocker / "graph.html")
    assert blocker.read_text() == "x"


_LAYOUT_SCRIPT = """
import networkx as nx, json
from kg.export.page.layout import layout_positions
g = nx.relabel_nodes(nx.random_regular_graph(3, 40, seed=5), {i: f"n{i}" for i in range(40)})
g.add_edges_from([("v1", "v2"), ("v2", "v3"), ("w1", "n0")])
pos = layout_positions(g, first={f"n{i}" for i in range(0, 40, 3)} | {"v1"}, priority={"n0": 5.0})
print(json.dumps(sorted(pos.items())))
"""


def test_layout_is_the_same_under_any_string_hash_seed():
    """Sets of string node ids iterate in a per-run order; the layout must not follow it."""
    import subprocess
    import sys

    def run(seed: str) -> str:
        env = {**__import__("os").environ, "PYTHONHASHSEED": seed}
        return subprocess.run([sys.executable, "-c", _LAYOUT_SCRIPT], env=env, check=True,
                              capture_output=True, text=True).stdout

    outputs = {run(seed) for seed in ("1", "2", "3", "4")}
    assert len(outputs) == 1
