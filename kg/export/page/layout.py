"""Node positions for the graph page, computed once in Python with networkx.

A browser running force physics over thousands of nodes freezes, so the page gets
finished coordinates. The layout is built to stay fast at 20k+ nodes:

1. the nodes shown first (``first``) are laid out on their own, one connected
   component at a time: ``networkx.spring_layout`` over at most :data:`CORE_SIZE`
   nodes of a component (the highest priority ones), the rest of the component fanned
   out around their already placed neighbours (linear time);
2. components are scaled to a common edge length and packed in rows, biggest first;
3. every other node is fanned out around a placed neighbour (so expanding a node
   shows its neighbours next to it), and components with no shown node at all are
   packed in rows below.

>>> import networkx as nx
>>> pos = layout_positions(nx.path_graph(4))
>>> sorted(pos) == [0, 1, 2, 3]
True
>>> all(isinstance(v, float) for xy in pos.values() for v in xy)
True
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Collection, Hashable, Iterable, Mapping

import networkx as nx

__all__ = ["layout_positions", "EDGE_LENGTH", "CORE_SIZE"]

#: Typical distance between two linked nodes, in page pixels at zoom 1.
EDGE_LENGTH = 140.0
#: Largest node set given to spring_layout at once (networkx's dense solver; above
#: 500 nodes it needs scipy, and its cost grows with the square of the size).
CORE_SIZE = 450
_GAP = 0.6 * EDGE_LENGTH
_LABEL_HEIGHT = 24.0
_GOLDEN = math.pi * (3 - math.sqrt(5))

Pos = dict[Hashable, tuple[float, float]]


def layout_positions(
    graph: nx.Graph,
    *,
    first: Collection[Hashable] | None = None,
    priority: Mapping[Hashable, float] | None = None,
    label_width: Mapping[Hashable, float] | None = None,
    seed: int = 7,
) -> Pos:
    """Positions for every node of ``graph``, in pixels.

    Parameters
    ----------
    graph:
        Any networkx graph (direction is ignored).
    first:
        The nodes the page shows first; they get a compact layout of their own.
        ``None`` means all nodes.
    priority:
        Higher goes first: in the spring core of big components and when fanning out.
    label_width:
        Width in pixels of each node's label (drawn centred under the node); packing
        keeps labels of neighbouring components from overlapping.
    seed:
        Seed of the spring layout, so the same graph always looks the same.

    Returns
    -------
    ``{node: (x, y)}`` for every node of ``graph``.
    """
    g = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    prio = priority or {}
    rank: Callable[[Hashable], tuple[float, str]] = lambda n: (-prio.get(n, 0.0), str(n))  # noqa: E731
    shown = set(g) if first is None else set(first) & set(g)
    widths = label_width or {}
    half = lambda n: 0.5 * widths.get(n, 0.0)  # noqa: E731

    def comp(nodes: Iterable[Hashable]) -> Pos:
        return _component(_induced(g, nodes, rank), rank, seed, half)

    pos = _pack([comp(c) for c in nx.connected_components(_induced(g, shown, rank))], half)
    rest = set(g) - shown
    if rest:
        _fan_out(g, pos, sorted(pos, key=rank), rank)
        missing = [n for n in g if n not in pos]
        if missing:
            top = max((y for _, y in pos.values()), default=-_GAP) + 2 * _GAP
            extra = _pack([comp(c) for c in nx.connected_components(_induced(g, missing, rank))], half)
            pos.update({n: (x, y + top) for n, (x, y) in extra.items()})
    return pos


def _induced(g: nx.Graph, nodes: Iterable[Hashable], rank: Callable[[Hashable], tuple[float, str]]) -> nx.Graph:
    """The subgraph of ``g`` on ``nodes``, its nodes and edges in ``rank`` order.

    Why not ``g.subgraph``: a subgraph view iterates its nodes in the order of a Python
    set, which changes with the string hash seed of each run, and spring_layout's start
    positions and the order of connected components follow that order. A copy built in
    rank order makes the page byte-identical from build to build.
    """
    keep = sorted(set(nodes), key=rank)
    sub = nx.Graph()
    sub.add_nodes_from(keep)
    order = {n: i for i, n in enumerate(keep)}
    sub.add_edges_from((a, b) for a in keep for b in sorted((b for b in g[a] if b in order and order[b] >= order[a]),
                                                              key=order.__getitem__))
    return sub


def _component(
    g: nx.Graph, rank: Callable[[Hashable], tuple[float, str]], seed: int, half: Callable[[Hashable], float]
) -> Pos:
    """Lay out one connected component; coordinates scaled to :data:`EDGE_LENGTH`."""
    nodes = sorted(g, key=rank)
    n = len(nodes)
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    if n == 2:  # side by side, far enough apart for both labels
        return {nodes[0]: (0.0, 0.0), nodes[1]: (max(EDGE_LENGTH, half(nodes[0]) + half(nodes[1]) + 24.0), 0.0)}
    core = _connected_core(g, nodes, rank) if n > CORE_SIZE else nodes
    sub = _induced(g, core, rank)
    raw = nx.spring_layout(sub, seed=seed, iterations=60 if len(core) < 200 else 40)
    pos: Pos = {k: (float(v[0]), float(v[1])) for k, v in raw.items()}
    lengths = sorted(math.dist(pos[a], pos[b]) for a, b in sub.edges() if a != b)
    typical = lengths[len(lengths) // 2] if lengths else 1.0
    scale = EDGE_LENGTH / max(typical, 1e-6)
    pos = {k: (x * scale, y * scale) for k, (x, y) in pos.items()}
    if n > len(core):
        _fan_out(g, pos, core, rank)
    return pos


def _connected_core(
    g: nx.Graph, nodes: list[Hashable], rank: Callable[[Hashable], tuple[float, str]]
) -> list[Hashable]:
    """The first :data:`CORE_SIZE` nodes of a best-first walk from the top node.

    A connected core keeps spring_layout from flinging nodes that have no edge
    inside the core to the far edges of the picture.
    """
    start = nodes[0]
    seen = {start}
    frontier = [(rank(start), start)]
    core: list[Hashable] = []
    while frontier and len(core) < CORE_SIZE:
        _, node = heapq.heappop(frontier)
        core.append(node)
        for nb in g[node]:
            if nb not in seen:
                seen.add(nb)
                heapq.heappush(frontier, (rank(nb), nb))
    return core


def _fan_out(g: nx.Graph, pos: Pos, roots: Iterable[Hashable], rank: Callable[[Hashable], tuple[float, str]]) -> None:
    """Breadth-first from placed ``roots``: put each unplaced node around its first placed neighbour.

    Children fan out on the side away from their parent's placed neighbours, in
    rings when there are many, so a hub's leaves form a readable flower.
    """
    frontier = list(roots)
    while frontier:
        nxt: list[Hashable] = []
        for parent in frontier:
            children = sorted((c for c in g[parent] if c not in pos), key=rank)
            if not children:
                continue
            px, py = pos[parent]
            placed = [pos[m] for m in g[parent] if m in pos and m != parent]
            if placed:
                cx = sum(x for x, _ in placed) / len(placed)
                cy = sum(y for _, y in placed) / len(placed)
                away = math.atan2(py - cy, px - cx) if (px, py) != (cx, cy) else 0.0
                spread = min(2 * math.pi, 0.6 * len(children) + 0.6)
            else:
                away, spread = 0.0, 2 * math.pi
            for i, (angle, radius) in enumerate(_fan(len(children), away, spread)):
                pos[children[i]] = (px + radius * math.cos(angle), py + radius * math.sin(angle))
            nxt.extend(children)
        frontier = nxt


def _fan(k: int, away: float, spread: float) -> list[tuple[float, float]]:
    """``k`` (angle, radius) pairs: one arc for a few children, concentric rings for many."""
    out: list[tuple[float, float]] = []
    ring, left = 0, k
    while left > 0:
        radius = EDGE_LENGTH * (0.85 + 0.6 * ring)
        capacity = max(3, int(spread * radius / (0.45 * EDGE_LENGTH)))
        m = min(capacity, left)
        full = spread >= 2 * math.pi - 1e-9
        step = spread / m if full else spread / max(m - 1, 1)
        start = away + (ring * _GOLDEN if full else -spread / 2 if m > 1 else 0.0)
        out.extend((start + i * step, radius) for i in range(m))
        left -= m
        ring += 1
    return out


def _pack(parts: list[Pos], half: Callable[[Hashable], float]) -> Pos:
    """Pack component layouts in rows (shelves), biggest first, into a roughly 5:4 box.

    5:4 is about the shape of the canvas between the page's two side panels.

    A component's box includes its nodes' labels (centred under each node).
    """
    boxes = []
    for part in parts:
        x0 = min(x - half(n) for n, (x, _) in part.items())
        x1 = max(x + half(n) for n, (x, _) in part.items())
        ys = [y for _, y in part.values()]
        boxes.append((part, x0, min(ys), x1 - x0, max(ys) - min(ys) + _LABEL_HEIGHT))
    boxes.sort(key=lambda b: (-len(b[0]), -b[3] * b[4]))
    area = sum((w + _GAP) * (h + _GAP) for _, _, _, w, h in boxes)
    widest = max((w for *_, w, _ in boxes), default=0.0)
    row_width = max(widest, math.sqrt(area * 1.25))
    out: Pos = {}
    x = y = row_h = 0.0
    for part, x0, y0, w, h in boxes:
        if x > 0 and x + w > row_width:
            x, y, row_h = 0.0, y + row_h + _GAP, 0.0
        out.update({n: (px - x0 + x, py - y0 + y) for n, (px, py) in part.items()})
        x += w + _GAP
        row_h = max(row_h, h)
    return out
