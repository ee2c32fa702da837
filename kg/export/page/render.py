"""Render :class:`PageData` as one self-contained, offline graph.html.

pyvis builds the network (nodes, edges, vis-network options) and renders it through
this package's own Jinja template (``assets/page.html``): pyvis's stock template
pulls Bootstrap from a CDN, this one inlines vis-network's JS and CSS and the page's
own script, so the file makes no request to any host. A Content-Security-Policy
allows exactly those inline scripts (by hash) and no network at all.

Safety: no input text is ever written as HTML. All data travels as JSON inside
``<script type="application/json">`` blocks with ``<``, ``>``, ``&`` and U+2028/2029
escaped (:func:`script_json`), and the page script writes it with ``textContent``.

Big graphs: the page first shows the ``initial_nodes`` most supported nodes; the
others are embedded too and added on demand (expand a node, search, "show more").
Physics runs only when at most ``physics_threshold`` nodes are shown; positions come
from :mod:`kg.export.page.layout` either way.

>>> from kg.export.page.data import PageData
>>> html = render_page(PageData())
>>> html.startswith("<!DOCTYPE html>") and "cdn." not in html
True
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx
import pyvis
from pyvis.edge import Edge
from pyvis.network import Network
from pyvis.node import Node

from kg.export.page.data import PageClaim, PageData
from kg.export.page.layout import EDGE_LENGTH, layout_positions

__all__ = [
    "render_page",
    "script_json",
    "DEFAULT_INITIAL_NODES",
    "DEFAULT_PHYSICS_THRESHOLD",
    "TYPE_STYLES",
]

#: How many nodes a big graph shows before the reader expands it.
DEFAULT_INITIAL_NODES = 700
#: Above this many shown nodes the layout is static (physics off). Physics pushes the
#: packed components apart until labels are too small to draw at the zoom that fits
#: them all, so only small graphs get it; the reader can switch it on.
DEFAULT_PHYSICS_THRESHOLD = 50

#: Entity type -> (legend label, fill colour, border colour); "Value" is a literal object.
TYPE_STYLES: dict[str, tuple[str, str, str]] = {
    "Person": ("Person", "#4e79a7", "#2f4f73"),
    "Organization": ("Organization", "#f28e2b", "#b5651a"),
    "NewsMediaOrganization": ("News outlet", "#b07aa1", "#7d4f72"),
    "Place": ("Place", "#59a14f", "#3b7034"),
    "Event": ("Event", "#edc948", "#b59516"),
    "CreativeWork": ("Work", "#76b7b2", "#4a8a85"),
    "Product": ("Product", "#ff9da7", "#d0626f"),
    "Thing": ("Other thing", "#a3b1c2", "#6b7b8f"),
    "Value": ("Value (literal)", "#f1f5f9", "#94a3b8"),
}
CONFLICT_COLOR = "#dc2626"
EDGE_COLOR = "#9aa7b8"
_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
_LABEL_MAX = 34
_NODE_SIZE = (9.0, 34.0)
#: Above this many shown nodes edges are straight and hover is off: each frame must stay cheap.
_SMOOTH_LIMIT = 300
#: Border of a node whose neighbours are not all shown yet (the page updates it on expand).
_MORE_BORDER = {"shapeProperties": {"borderDashes": [3, 3]}, "borderWidth": 2.5}
_LABEL_SIZE = (14, 26)
_ASSETS = Path(__file__).with_name("assets")
_VIS_DIR = Path(pyvis.__file__).with_name("templates") / "lib" / "vis-9.1.2"
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_FAVICON = (
    "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'><g stroke='#64748b' stroke-width='2'>"
    "<line x1='8' y1='9' x2='24' y2='12'/><line x1='8' y1='9' x2='14' y2='24'/><line x1='24' y1='12' x2='14' y2='24'/>"
    "</g><circle cx='8' cy='9' r='5' fill='#4e79a7'/><circle cx='24' cy='12' r='4' fill='#f28e2b'/>"
    "<circle cx='14' cy='24' r='5' fill='#59a14f'/></svg>"
)


def script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``</script>``, no HTML, no JS line breaks.

    >>> script_json({"a": "</script><b>&\u2028"})
    '{"a":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026\\\\u2028"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, escaped in _JSON_ESCAPES.items():
        text = text.replace(raw, escaped)
    return text


@dataclass(frozen=True)
class _View:
    """The page model: JSON for the script plus the pyvis network of the first view."""

    data: dict[str, Any]
    vis_nodes: list[dict[str, Any]]
    vis_edges: list[dict[str, Any]]
    first: frozenset[str]
    physics: bool


def render_page(
    data: PageData,
    *,
    initial_nodes: int = DEFAULT_INITIAL_NODES,
    physics_threshold: int = DEFAULT_PHYSICS_THRESHOLD,
) -> str:
    """The graph page for ``data`` as one HTML string (UTF-8, no external resources).

    Parameters
    ----------
    data:
        What to show (see :func:`kg.export.page.collect_page_data`).
    initial_nodes:
        Show at most this many nodes at first, the most supported; the rest are
        one click away.
    physics_threshold:
        Let nodes move under force physics only when at most this many are shown.

    Raises
    ------
    ValueError
        When ``initial_nodes`` is not positive or ``physics_threshold`` is negative.
    """
    if initial_nodes < 1:
        raise ValueError(f"initial_nodes must be positive, got {initial_nodes}")
    if physics_threshold < 0:
        raise ValueError(f"physics_threshold must not be negative, got {physics_threshold}")
    view = _build_view(data, initial_nodes=initial_nodes, physics_threshold=physics_threshold)
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", heading="")
    shown_nodes = [n for n in view.vis_nodes if n["id"] in view.first]
    for node in shown_nodes:
        net.add_node(node["id"], **{k: v for k, v in node.items() if k != "id"})
    for edge in view.vis_edges:
        if edge["from"] in view.first and edge["to"] in view.first:
            net.add_edge(edge["from"], edge["to"], **{k: v for k, v in edge.items() if k not in ("from", "to")})
    net.options = _vis_options(view.physics, len(view.first))
    hidden = {
        "nodes": [n for n in view.vis_nodes if n["id"] not in view.first],
        "edges": [e for e in view.vis_edges if not (e["from"] in view.first and e["to"] in view.first)],
    }

    page_js = _asset("page.js")
    vis_js = _vis_asset("vis-network.min.js")
    for name, script in (("page.js", page_js), ("vis-network.min.js", vis_js)):
        if "</script" in script.lower():
            raise ValueError(f"{name} cannot be inlined: it contains '</script'")
    net.set_template_dir(str(_ASSETS), "page.html")
    env = net.templateEnv
    env.filters["script_json"] = script_json
    env.filters["json_text"] = _escape_json_text
    env.globals.update(
        page_data=view.data,
        hidden=hidden,
        page_css=_asset("page.css"),
        vis_css=_vis_asset("vis-network.css"),
        vis_js=vis_js,
        page_js=page_js,
        csp=_csp(vis_js, page_js),
        favicon="data:image/svg+xml;base64," + base64.b64encode(_FAVICON.encode()).decode("ascii"),
    )
    return net.generate_html(name="graph.html")


# -- the page model --------------------------------------------------------------------
def _build_view(data: PageData, *, initial_nodes: int, physics_threshold: int) -> _View:
    ent_id = {e.iri: f"n{i}" for i, e in enumerate(data.entities)}
    doc_idx = {d.iri: i for i, d in enumerate(data.documents)}
    pubs: dict[str, int] = {}
    for d in data.documents:
        key = d.publisher or f"doc:{d.iri}"
        pubs.setdefault(key, len(pubs))
    pub_label = {key: "" for key in pubs}
    for d in data.documents:
        key = d.publisher or f"doc:{d.iri}"
        pub_label[key] = pub_label[key] or d.publisher_label or d.title or d.source or d.iri
    claim_idx = {c.iri: i for i, c in enumerate(data.claims)}

    # value nodes: one per (subject, literal) so unrelated "600"s are not glued together
    value_id: dict[tuple[str, str], str] = {}
    edges: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, c in enumerate(data.claims):
        src = ent_id[c.subject]
        if c.object is not None:
            dst = ent_id[c.object]
        else:
            dst = value_id.setdefault((c.subject, c.literal or ""), f"v{len(value_id)}")
        edges[(src, dst)].append(i)
    edge_id = {pair: f"e{i}" for i, pair in enumerate(edges)}

    score: dict[str, float] = defaultdict(float)
    claims_of: dict[str, int] = defaultdict(int)
    for (src, dst), idxs in edges.items():
        s = sum(data.claims[i].support for i in idxs)
        score[src] += s
        score[dst] += s
        claims_of[src] += len(idxs)
        claims_of[dst] += len(idxs)
    spoken: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(data.claims):
        for m in c.mentions:
            if m.speaker in ent_id and (not spoken[ent_id[m.speaker]] or spoken[ent_id[m.speaker]][-1] != i):
                spoken[ent_id[m.speaker]].append(i)
    for nid, idxs in spoken.items():
        score[nid] += 0.5 * len(idxs)
    for e in data.entities:
        score[ent_id[e.iri]] += 0.01 * e.mention_count

    all_ids = list(ent_id.values()) + list(value_id.values())
    value_ids = set(value_id.values())
    rank = sorted(all_ids, key=lambda n: (-score[n], int(n[1:]), n[0]))
    first = frozenset(rank[:initial_nodes])
    physics = len(first) <= physics_threshold

    graph = nx.Graph()
    graph.add_nodes_from(all_ids)
    graph.add_edges_from(edges)
    weight = {n: math.sqrt(max(score[n], 0.0)) for n in all_ids}
    lo, hi = min(weight.values(), default=0.0), max(weight.values(), default=0.0)
    scale = {n: (w - lo) / (hi - lo) if hi > lo else 0.5 for n, w in weight.items()}
    labels = {ent_id[e.iri]: e.label for e in data.entities} | {nid: lit for (_, lit), nid in value_id.items()}
    widths = {n: _label_width(labels[n], scale[n], n in value_ids) for n in all_ids}
    pos = layout_positions(graph, first=first, priority=score, label_width=widths)
    vis_nodes = []
    for e in data.entities:
        nid = ent_id[e.iri]
        style = e.type if e.type in TYPE_STYLES else "Thing"
        alts = ", ".join(e.alt_labels[:6])
        tip = f"{e.label}\n{TYPE_STYLES[style][0]} · {claims_of[nid]} claim{'s' if claims_of[nid] != 1 else ''}"
        if alts:
            tip += f"\nalso: {alts}"
        vis_nodes.append(_vis_node(nid, e.label, style, scale[nid], pos[nid], tip))
    for (subject, literal), nid in value_id.items():
        vis_nodes.append(_vis_node(nid, literal, "Value", scale[nid], pos[nid], literal))

    for node in vis_nodes:
        nid = node["id"]
        if nid in first and any(m not in first for m in graph[nid]):
            node.update(_MORE_BORDER)
            node["_more"] = True
    vis_edges = []
    for (src, dst), idxs in edges.items():
        cs = [data.claims[i] for i in idxs]
        vis_edges.append(_vis_edge(edge_id[(src, dst)], src, dst, cs))

    types_present = {e.type if e.type in TYPE_STYLES else "Thing" for e in data.entities}
    if value_id:
        types_present.add("Value")
    page = {
        "title": data.title,
        "counts": {
            "entities": len(data.entities),
            "values": len(value_id),
            "claims": len(data.claims),
            "documents": len(data.documents),
            "droppedEntities": data.dropped_entities,
            "droppedClaims": data.dropped_claims,
        },
        "types": [[t, label, fill, border] for t, (label, fill, border) in TYPE_STYLES.items() if t in types_present],
        "conflictColor": CONFLICT_COLOR,
        "edgeColor": EDGE_COLOR,
        "physics": physics,
        "physicsThreshold": physics_threshold,
        "first": sorted(first, key=lambda n: (n[0], int(n[1:]))),
        "rank": rank,
        "pubs": [{"iri": "" if k.startswith("doc:") else k, "label": pub_label[k]} for k in pubs],
        "docs": [
            {
                "iri": d.iri,
                "title": d.title,
                "source": d.source,
                "issued": d.issued,
                "pub": pubs[d.publisher or f"doc:{d.iri}"],
            }
            for d in data.documents
        ],
        "nodes": [
            {
                "id": ent_id[e.iri],
                "label": e.label,
                "type": e.type if e.type in TYPE_STYLES else "Thing",
                "iri": e.iri,
                "alts": list(e.alt_labels),
                "sameAs": list(e.same_as),
                "mentions": e.mention_count,
                "docs": [doc_idx[d] for d in e.documents if d in doc_idx],
                "spoke": spoken.get(ent_id[e.iri], []),
            }
            for e in data.entities
        ]
        + [
            {"id": nid, "label": literal, "type": "Value", "subject": ent_id[subject]}
            for (subject, literal), nid in value_id.items()
        ],
        "edges": [
            {"id": edge_id[pair], "from": pair[0], "to": pair[1], "claims": idxs} for pair, idxs in edges.items()
        ],
        "claims": [_claim_json(c, ent_id, doc_idx, claim_idx, edge_id, value_id) for c in data.claims],
    }
    return _View(data=page, vis_nodes=vis_nodes, vis_edges=vis_edges, first=first, physics=physics)


def _claim_json(
    c: PageClaim,
    ent_id: dict[str, str],
    doc_idx: dict[str, int],
    claim_idx: dict[str, int],
    edge_id: dict[tuple[str, str], str],
    value_id: dict[tuple[str, str], str],
) -> dict[str, Any]:
    src = ent_id[c.subject]
    dst = ent_id[c.object] if c.object is not None else value_id[(c.subject, c.literal or "")]
    out: dict[str, Any] = {
        "iri": c.iri,
        "s": src,
        "o": dst,
        "rel": c.relation,
        "lit": c.literal,
        "text": c.text,
        "support": c.support,
        "quals": [list(q) for q in c.qualifiers],
        "conf": [[claim_idx[x.claim], x.reason] for x in c.conflicts if x.claim in claim_idx],
        "edge": edge_id[(src, dst)],
        "m": [
            {
                "doc": doc_idx.get(m.document, -1),
                "q": m.quote,
                "start": m.start,
                "end": m.end,
                "spk": ent_id.get(m.speaker),
                "spkLabel": m.speaker_label,
                "cue": m.cue,
                "cert": m.certainty,
                "pol": m.polarity,
                "confd": m.confidence,
                "rt": m.relation_text,
            }
            for m in c.mentions
        ],
    }
    if c.corroboration in claim_idx:  # only claims in a corroboration group carry it: most claims are alone
        out["grp"] = claim_idx[c.corroboration]
    return out


def _short(text: str, limit: int = _LABEL_MAX) -> str:
    """One line of at most ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _vis_node(nid: str, label: str, group: str, scale: float, xy: tuple[float, float], tip: str) -> dict[str, Any]:
    """A vis-network node; ``scale`` in 0..1 (importance) sets its size and label size.

    Sizes are fixed here rather than left to vis-network's value scaling: that
    re-measures every label whenever a node is added, which makes expanding slow.
    """
    shape = "box" if group == "Value" else "dot"
    options: dict[str, Any] = {"group": group, "x": round(xy[0], 1), "y": round(xy[1], 1), "title": tip}
    if group != "Value":
        options["size"] = round(_NODE_SIZE[0] + scale * (_NODE_SIZE[1] - _NODE_SIZE[0]), 1)
        options["font"] = {"size": round(_LABEL_SIZE[0] + scale * (_LABEL_SIZE[1] - _LABEL_SIZE[0]))}
    return Node(nid, shape, label=_short(label), **options).options


def _label_width(label: str, scale: float, is_value: bool) -> float:
    """Rough pixel width of a node's drawn label (average glyph ~0.55 em)."""
    size = 12 if is_value else _LABEL_SIZE[0] + scale * (_LABEL_SIZE[1] - _LABEL_SIZE[0])
    return len(_short(label)) * size * 0.55 + (12 if is_value else 0)


def _relation_label(c: PageClaim) -> str:
    negative = bool(c.mentions) and all(m.polarity == "negative" for m in c.mentions)
    return ("not " if negative else "") + c.relation


def _vis_edge(eid: str, src: str, dst: str, claims: list[PageClaim]) -> dict[str, Any]:
    labels = list(dict.fromkeys(_relation_label(c) for c in claims))
    label = _short(labels[0], 28) + (f" +{len(labels) - 1}" if len(labels) > 1 else "")
    support = max(c.support for c in claims)
    conflict = any(c.conflicts for c in claims)
    hedged = all(m.certainty != "certain" for c in claims for m in c.mentions) and any(c.mentions for c in claims)
    tip = "\n".join(_short(c.text or f"{c.relation}", 90) for c in claims[:6])
    if len(claims) > 6:
        tip += f"\n… {len(claims) - 6} more"
    options: dict[str, Any] = {"id": eid, "label": label, "width": _edge_width(support), "title": tip}
    if conflict:
        options["color"] = {"color": CONFLICT_COLOR, "highlight": CONFLICT_COLOR, "hover": CONFLICT_COLOR}
        options["dashes"] = [9, 6]
        options["font"] = {"color": CONFLICT_COLOR}
    elif hedged:
        options["dashes"] = [2, 5]
    return Edge(src, dst, directed=True, **options).options


def _edge_width(support: int) -> float:
    """Line width for a claim stated by ``support`` publishers; five or more all look the same.

    >>> [_edge_width(n) for n in (1, 2, 3, 9)]
    [1.3, 2.8, 4.3, 7.3]
    """
    return round(1.3 + 1.5 * (min(max(support, 1), 5) - 1), 1)


def _vis_options(physics: bool, shown: int) -> dict[str, Any]:
    big = shown > _SMOOTH_LIMIT
    groups = {
        t: {
            "color": {
                "background": fill,
                "border": border,
                "highlight": {"background": fill, "border": "#111827"},
                "hover": {"background": fill, "border": "#111827"},
            },
            "shape": "box" if t == "Value" else "dot",
        }
        for t, (_, fill, border) in TYPE_STYLES.items()
    }
    groups["Value"].update(
        {
            "font": {"size": 12, "color": "#334155", "strokeWidth": 0},
            "margin": {"top": 4, "bottom": 4, "left": 6, "right": 6},
            "shapeProperties": {"borderRadius": 4},
            "borderWidth": 1,
        }
    )
    return {
        "autoResize": True,
        "groups": groups,
        "nodes": {
            "shape": "dot",
            "borderWidth": 1.5,
            "borderWidthSelected": 3,
            "font": {"face": _FONT, "size": 14, "color": "#1f2937", "strokeWidth": 4, "strokeColor": "#ffffff"},
            "scaling": {"label": {"enabled": False, "drawThreshold": 5}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.45}},
            "arrowStrikethrough": False,
            "color": {"color": EDGE_COLOR, "highlight": "#1e3a8a", "hover": "#475569", "inherit": False},
            "font": {"face": _FONT, "size": 12, "color": "#475569", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {"label": {"enabled": False, "drawThreshold": 8}},
            "selectionWidth": 1.5,
            "hoverWidth": 0.5,
            "smooth": {"enabled": not big, "type": "curvedCW", "roundness": 0.12},
        },
        "interaction": {
            "hover": not big,
            "tooltipDelay": 350,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "multiselect": False,
            "zoomSpeed": 0.7,
        },
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "physics": {
            "enabled": physics,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -2500,
                "centralGravity": 0.3,
                "springLength": EDGE_LENGTH,
                "springConstant": 0.03,
                "damping": 0.35,
                "avoidOverlap": 0.3,
            },
            "stabilization": {"enabled": physics, "iterations": 120, "fit": True},
            "minVelocity": 1.0,
        },
    }


# -- assets --------------------------------------------------------------------------
@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return (_ASSETS / name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def _vis_asset(name: str) -> str:
    return (_VIS_DIR / name).read_text(encoding="utf-8")


def _escape_json_text(text: str) -> str:
    """Escape JSON *text* (e.g. pyvis's options string) like :func:`script_json` does."""
    for raw, escaped in _JSON_ESCAPES.items():
        text = text.replace(raw, escaped)
    return text


def _csp(*scripts: str) -> str:
    """A policy that allows exactly ``scripts`` (by hash), inline styles and data: images; nothing remote."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii") + "'"
        for s in scripts
    )
    return (
        "default-src 'none'; "
        f"script-src {hashes}; "
        "style-src 'unsafe-inline'; img-src data:; font-src data:; "
        "connect-src 'none'; base-uri 'none'; form-action 'none'"
    )
