"""The chain map's automatic layout: deterministic, layered by the flows, no boxes overlap,
each box in its own side's region."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from kanban_sec.domain.chain_layout import Geometry, Node, layers_of, layout, overlaps

NODES = [
    Node("d", "municipality", "Dispenser"),
    Node("m", "supplier", "Mobilnett"),
    Node("p", "supplier", "Plattform"),
    Node("s", "supplier", "SMS"),
    Node("h", "municipality", "Meldingsformidler"),
    Node("e", "municipality", "EPJ"),
    Node("n", "municipality", "Nettbrett"),
    Node("x", "supplier", "Uten flyt"),
]
EDGES = [("d", "m"), ("m", "p"), ("p", "s"), ("p", "h"), ("h", "e"), ("e", "n"), ("n", "e")]


def test_flows_run_left_to_right_in_layers():
    layers = layers_of(NODES, EDGES)
    assert layers["d"] == 0
    assert layers["m"] == 1
    assert layers["p"] == 2
    assert layers["s"] == layers["h"] == 3
    assert layers["e"] == 4
    assert layers["n"] == 5  # the answer back (n → e) does not pull e to the right


def test_the_same_chain_gives_the_same_picture_in_any_order():
    first = layout(NODES, EDGES)
    for seed in range(5):
        nodes, edges = list(NODES), list(EDGES)
        random.Random(seed).shuffle(nodes)
        random.Random(seed + 100).shuffle(edges)
        again = layout(nodes, edges)
        assert again.positions == first.positions
        assert again.regions == first.regions


def test_no_boxes_overlap_and_each_sits_in_its_sides_region():
    geometry = Geometry()
    placed = layout(NODES, EDGES, geometry)
    assert overlaps(placed.positions, geometry) == []
    assert set(placed.positions) == {n.id for n in NODES}
    for node in NODES:
        x, y = placed.positions[node.id]
        rx, ry, rw, rh = placed.regions[node.side]
        assert rx <= x and x + geometry.box_width <= rx + rw
        assert ry <= y and y + geometry.box_height <= ry + rh
    municipality, supplier = placed.regions["municipality"], placed.regions["supplier"]
    assert municipality[1] + municipality[3] < supplier[1]  # stacked, apart


def test_boxes_without_flows_spread_out_rather_than_stack():
    nodes = [Node(str(i), "municipality", f"L{i}") for i in range(6)]
    placed = layout(nodes, [("0", "1"), ("1", "2")])
    columns = {placed.layers[n.id] for n in nodes[3:]}
    assert len(columns) > 1


def test_an_empty_chain_has_two_empty_regions():
    placed = layout([], [])
    assert placed.positions == {}
    assert set(placed.regions) == {"municipality", "supplier"}


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=1, max_value=14).flatmap(
        lambda n: st.tuples(
            st.lists(st.sampled_from(["municipality", "supplier"]), min_size=n, max_size=n),
            st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3 * n),
        )
    )
)
def test_any_chain_lays_out_without_overlap_deterministically(case):
    sides, pairs = case
    nodes = [Node(f"id{i}", side, f"link {i % 4}") for i, side in enumerate(sides)]
    edges = [(f"id{a}", f"id{b}") for a, b in pairs]
    placed = layout(nodes, edges)
    assert overlaps(placed.positions) == []
    assert layout(list(reversed(nodes)), list(reversed(edges))).positions == placed.positions
