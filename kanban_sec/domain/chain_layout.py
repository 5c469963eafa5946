"""Where the chain map puts its boxes: a layered layout by the data flows, left to right,
inside two stacked regions (what the municipality runs above, what suppliers run below).
Pure Python and deterministic: the same chain gives the same picture whatever order its
links and flows come in."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

#: The region order, top to bottom.
SIDES = ("municipality", "supplier")


@dataclass(frozen=True, slots=True)
class Node:
    """A box to place: its id, which region it is in, and how ties are broken (its name)."""

    id: str
    side: str
    key: str


@dataclass(frozen=True, slots=True)
class Geometry:
    """Sizes of the picture, in scene units."""

    box_width: float = 230.0
    box_height: float = 118.0
    gap_x: float = 90.0
    gap_y: float = 36.0
    #: Room inside a region above its first row (its title) and around the boxes.
    region_top: float = 34.0
    region_margin: float = 20.0
    #: Space between the two regions.
    region_gap: float = 40.0


@dataclass(frozen=True)
class Layout:
    """Top-left corner of every box, and each region's rectangle (x, y, width, height)."""

    positions: dict[str, tuple[float, float]]
    regions: dict[str, tuple[float, float, float, float]]
    layers: dict[str, int]


def layers_of(nodes: Sequence[Node], edges: Iterable[tuple[str, str]]) -> dict[str, int]:
    """Longest-path layering: each box one layer right of the furthest box that sends it
    data. Cycles (an answer flowing back) are broken at the edge a depth-first walk in name
    order meets last, so the layering never depends on input order."""
    order = sorted(nodes, key=lambda n: (n.key.casefold(), n.key, n.id))
    known = {n.id for n in nodes}
    out: dict[str, list[str]] = {n.id: [] for n in nodes}
    for source, target in sorted(set(edges)):
        if source in known and target in known and source != target:
            out[source].append(target)
    rank = {n.id: i for i, n in enumerate(order)}
    for targets in out.values():
        targets.sort(key=rank.__getitem__)
    # Depth-first from sources first (nodes nothing flows into), then the rest.
    has_input = {t for targets in out.values() for t in targets}
    starts = [n.id for n in order if n.id not in has_input] + [n.id for n in order]
    state: dict[str, int] = {}  # 1 on the walk's path, 2 done
    kept: dict[str, list[str]] = {n.id: [] for n in nodes}
    for start in starts:
        if start in state:
            continue
        stack: list[tuple[str, int]] = [(start, 0)]
        state[start] = 1
        while stack:
            node, index = stack.pop()
            if index < len(out[node]):
                stack.append((node, index + 1))
                target = out[node][index]
                if state.get(target) == 1:
                    continue  # a back edge: it closes a cycle, leave it out of the layering
                kept[node].append(target)
                if target not in state:
                    state[target] = 1
                    stack.append((target, 0))
            else:
                state[node] = 2
    # Longest path over the acyclic edges kept, in a topological order.
    indegree = {n.id: 0 for n in nodes}
    for targets in kept.values():
        for target in targets:
            indegree[target] += 1
    ready = [n.id for n in order if indegree[n.id] == 0]
    layer = {n.id: 0 for n in nodes}
    while ready:
        node = ready.pop(0)
        for target in kept[node]:
            layer[target] = max(layer[target], layer[node] + 1)
            indegree[target] -= 1
            if indegree[target] == 0:
                ready.append(target)
                ready.sort(key=rank.__getitem__)
    return layer


def layout(
    nodes: Sequence[Node], edges: Iterable[tuple[str, str]], geometry: Geometry | None = None
) -> Layout:
    """Place every node: layered by the flows, ordered in each column to cross few arrows."""
    g = geometry or Geometry()
    edges = sorted(set(edges))
    layer = layers_of(nodes, edges)
    by_id = {n.id: n for n in nodes}
    connected = {x for edge in edges for x in edge if x in by_id}
    # A box no flow touches goes to its region's emptiest column, not all into the first.
    width = max(layer.values(), default=0) + 1
    columns: dict[tuple[str, int], list[str]] = {}
    loose = []
    for node in sorted(nodes, key=lambda n: (n.key.casefold(), n.key, n.id)):
        if node.id in connected:
            columns.setdefault((_side(node), layer[node.id]), []).append(node.id)
        else:
            loose.append(node)
    for node in loose:
        side = _side(node)
        best = min(range(width), key=lambda c: (len(columns.get((side, c), [])), c))
        layer[node.id] = best
        columns.setdefault((side, best), []).append(node.id)
    _order_columns(columns, edges, width)
    positions: dict[str, tuple[float, float]] = {}
    regions: dict[str, tuple[float, float, float, float]] = {}
    full_width = width * g.box_width + (width - 1) * g.gap_x + 2 * g.region_margin
    top = 0.0
    for side in SIDES:
        rows = max((len(columns.get((side, c), [])) for c in range(width)), default=0)
        rows = max(rows, 1)
        height = g.region_top + rows * g.box_height + (rows - 1) * g.gap_y + g.region_margin
        regions[side] = (0.0, top, full_width, height)
        for column in range(width):
            for row, node_id in enumerate(columns.get((side, column), [])):
                positions[node_id] = (
                    g.region_margin + column * (g.box_width + g.gap_x),
                    top + g.region_top + row * (g.box_height + g.gap_y),
                )
        top += height + g.region_gap
    return Layout(positions, regions, layer)


def _side(node: Node) -> str:
    return node.side if node.side in SIDES else SIDES[0]


def _order_columns(
    columns: dict[tuple[str, int], list[str]], edges: Sequence[tuple[str, str]], width: int
) -> None:
    """Barycentre sweeps: each box moves towards the mean row of the boxes it exchanges
    data with, left to right then right to left, a few times; ties keep name order."""
    neighbours: dict[str, set[str]] = {}
    for source, target in edges:
        neighbours.setdefault(source, set()).add(target)
        neighbours.setdefault(target, set()).add(source)
    for sweep in range(4):
        indices = range(width) if sweep % 2 == 0 else range(width - 1, -1, -1)
        for column in indices:
            row_of = {
                node_id: (SIDES.index(side), row)
                for (side, _), ids in columns.items()
                for row, node_id in enumerate(ids)
            }
            for side in SIDES:
                ids = columns.get((side, column))
                if not ids:
                    continue
                weights: dict[str, tuple[float, int]] = {}
                for position, node_id in enumerate(ids):
                    seen = [row_of[n][1] for n in neighbours.get(node_id, ()) if n in row_of]
                    mean = sum(seen) / len(seen) if seen else float(position)
                    weights[node_id] = (mean, position)
                ids.sort(key=weights.__getitem__)


def overlaps(
    positions: dict[str, tuple[float, float]], geometry: Geometry | None = None
) -> list[tuple[str, str]]:
    """Pairs of boxes that overlap (for tests and checks)."""
    g = geometry or Geometry()
    found = []
    items = sorted(positions.items())
    for i, (a, (ax, ay)) in enumerate(items):
        for b, (bx, by) in items[i + 1 :]:
            if abs(ax - bx) < g.box_width and abs(ay - by) < g.box_height:
                found.append((a, b))
    return found
