"""The chain map window on the example board: one box per link, the weakest marked, one
numbered arrow per data flow, the two regions, risk badges; dragging is remembered; a click
filters the board to exactly that link's items; PNG and SVG files."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage

from kanban_sec.domain.governance import Band
from kanban_sec.services.ros import RosService
from kanban_sec.services.session import Session
from kanban_sec.ui.chain_map import ChainMapWindow, saved_positions
from kanban_sec.ui.chain_map_scene import BAND_COLOURS
from tests.ros_board import without_the_examples_ros

CHAIN = "Medisindispenser"
IT = "Henrik Dahl"  # operational: flows, risks and likelihood
BUSINESS = "Astrid Myklebust"  # governing member of the chain's risk-owner unit


@pytest.fixture
def chain_world(db):
    """The dispenser chain with three flows, suppliers on their side and three risks."""
    without_the_examples_ros(db.path)
    it = RosService(Session(db, IT, "en"))
    it.add_flow(CHAIN, "Dispenser i brukers hjem", "Mobilnett (M2M-SIM)", "dosehendelser")
    it.add_flow(CHAIN, "Mobilnett (M2M-SIM)", "MedRobot skyplattform", "dosehendelser")
    it.add_flow(CHAIN, "MedRobot skyplattform", "Meldingsformidler", "avvik og varsler")
    for link in ("MedRobot skyplattform", "SMS-varsling (Textwave Inc.)", "Mobilnett (M2M-SIM)"):
        it.set_run_by(CHAIN, link, "supplier")
    red = it.add_risk(CHAIN, "Plattform nede", link="MedRobot skyplattform").row_id
    it.add_risk(CHAIN, "Feil dose registrert", link="MedRobot skyplattform")
    it.add_risk(CHAIN, "Leverandør går konkurs")  # the chain as a whole
    it.assess_likelihood(red, 5)
    RosService(Session(db, BUSINESS, "en")).assess_consequence(red, 5)
    return RosService(Session(db, IT, "en")).picture(CHAIN)


@pytest.fixture
def open_map(qtbot, db):
    def opener(chain_id: str) -> ChainMapWindow:
        window = ChainMapWindow(Session(db, IT, "en"), chain_id)
        qtbot.addWidget(window)
        window.resize(1280, 720)
        window.show()
        qtbot.waitExposed(window)
        return window

    return opener


def test_the_map_draws_links_flows_regions_and_risks(open_map, chain_world):
    window = open_map(chain_world.chain.id)
    scene = window.scene_
    assert scene is not None
    assert set(scene.boxes) == {k.id for k in chain_world.links}
    assert [b for b in scene.boxes.values() if b.weakest] == [scene.boxes[chain_world.weakest]]
    assert scene.boxes[chain_world.weakest].title().startswith("⚑ ")
    assert sorted(a.label.text() for a in scene.arrows) == ["1", "2", "3"]
    names = {k.id: k.name for k in chain_world.links}
    assert {(names[a.source.link_id], names[a.target.link_id]) for a in scene.arrows} == {
        ("Dispenser i brukers hjem", "Mobilnett (M2M-SIM)"),
        ("Mobilnett (M2M-SIM)", "MedRobot skyplattform"),
        ("MedRobot skyplattform", "Meldingsformidler"),
    }
    legend = scene.legend.text()
    assert "2. dosehendelser: Mobilnett (M2M-SIM) → MedRobot skyplattform" in legend
    assert "Leverandør går konkurs" in legend  # a risk of the chain as a whole, apart
    # The regions: suppliers' links inside the suppliers' region, the others above.
    supplier, municipality = scene.regions["supplier"].rect(), scene.regions["municipality"].rect()
    for box in scene.boxes.values():
        area = box.box().translated(box.pos())
        assert (supplier if box.link.run_by == "supplier" else municipality).contains(area)
    assert scene.regions["supplier"].title.text() == "Suppliers"
    # The badge: two risks on the platform, the worst (5 × 5) red.
    platform = next(b for b in scene.boxes.values() if b.link.name == "MedRobot skyplattform")
    assert len(platform.rows) == 2 and platform.band is Band.RED
    assert "Plattform nede" in platform.toolTip() and "Feil dose registrert" in platform.toolTip()
    image = window.view.grab().toImage()
    centre = window.view.mapFromScene(
        platform.mapToScene(platform.box().topRight() + QPointF(-10, 1))
    )
    assert image.pixelColor(centre).name() == BAND_COLOURS[Band.RED]
    assert "Ireland" in platform.detail_lines()[0]


def test_norwegian_region_names_and_countries(open_map, chain_world):
    from kanban_sec.ui import i18n

    i18n.install("nb")
    try:
        window = open_map(chain_world.chain.id)
        assert window.scene_.regions["municipality"].title.text() == "Kommunen"
        assert window.scene_.regions["supplier"].title.text() == "Leverandører"
        platform = next(
            b for b in window.scene_.boxes.values() if b.link.name == "MedRobot skyplattform"
        )
        assert "IE – Irland" in platform.detail_lines()[0]
    finally:
        i18n.install("en")


def test_a_dragged_box_is_remembered_and_laid_out_again_on_request(qtbot, open_map, chain_world):
    window = open_map(chain_world.chain.id)
    arrow = next(a for a in window.scene_.arrows if a.number == 1)
    mover = arrow.source
    still = next(b for b in window.scene_.boxes.values() if b is not mover)
    still_at = QPointF(still.pos())
    before = arrow.path().boundingRect()
    view = window.view
    press = view.mapFromScene(mover.mapToScene(QPointF(20, 60)))
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=press)
    for step in range(1, 6):
        qtbot.mouseMove(view.viewport(), press + QPoint(step * 12, step * 20))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=press + QPoint(60, 100))
    moved_to = QPointF(mover.pos())
    auto = QPointF(*window.scene_.auto.positions[mover.link_id])
    assert (moved_to - auto).manhattanLength() > 40
    assert arrow.path().boundingRect() != before  # the arrow followed the box
    chain_id = chain_world.chain.id
    stored = saved_positions(chain_id)
    assert stored[mover.link_id] == pytest.approx((moved_to.x(), moved_to.y()))
    window.close()
    again = open_map(chain_id)
    assert again.scene_.boxes[mover.link_id].pos() == moved_to
    assert again.scene_.boxes[still.link_id].pos() == still_at
    again.lay_out_again()
    assert saved_positions(chain_id) == {}
    assert again.scene_.boxes[mover.link_id].pos() == auto


def test_a_click_on_a_link_filters_the_board_to_exactly_its_items(qtbot, window_as, chain_world):
    window = window_as(IT)
    window.toolbar.search.setText("something that hides everything else")
    chained = window.open_chain_map(chain_world.chain.id)
    qtbot.waitExposed(chained)
    box = next(b for b in chained.scene_.boxes.values() if b.link.name == "Meldingsformidler")
    view = chained.view
    view.centerOn(box)
    point = view.mapFromScene(box.mapToScene(QPointF(30, 70)))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    expected = {i.id for i in window.live.items.values() if i.link_id == box.link_id}
    shown = {
        item_id
        for lane in window.board.lanes
        for model in lane.models.values()
        for item_id in model.ids()
    }
    assert expected and shown == expected
    chip = window.toolbar.link_chip
    assert window.toolbar.link_chip_action.isVisible()
    assert "Medisindispenser ▸ Meldingsformidler" in chip.text()
    assert window.toolbar.search.text() == ""
    chip.click()
    assert not window.toolbar.link_chip_action.isVisible()
    assert window.toolbar.current().link_id is None


def test_the_map_is_written_as_png_and_svg(tmp_path, open_map, chain_world):
    window = open_map(chain_world.chain.id)
    png, svg = tmp_path / "map.png", tmp_path / "map.svg"
    window.export("png", str(png))
    window.export("svg", str(svg))
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 800 and image.height() > 400
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    text = svg.read_text(encoding="utf-8")
    assert "Meldingsformidler" in text and "Suppliers" in text


def test_the_chains_dialog_opens_the_map_of_its_chain(window_as, chain_world):
    window = window_as(IT)
    window.open_chains()
    dialog = window._dialogs[-1]
    dialog.select_chain(chain_world.chain.id)
    dialog.map_button.click()
    chained = next(d for d in window._dialogs if isinstance(d, ChainMapWindow))
    assert chained.chain_id() == chain_world.chain.id
    assert chained.isVisible()
