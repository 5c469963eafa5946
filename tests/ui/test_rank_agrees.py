"""Every view of rank agrees after an import in the window: each card's rank is unique
and the side panel says the same rank as the card (it once lagged until F5)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kanban_sec.domain.model import Status
from kanban_sec.ui.board_model import make_card


@pytest.fixture
def window(window_as):
    return window_as("Henrik Dahl")


def _cards(window) -> dict[str, int | None]:
    """The rank each card shows, column by column, as painted from the models."""
    shown = {}
    for status in Status:
        model = window.board.model(status)
        for row in range(model.rowCount()):
            card = model.index(row, 0).data(Qt.ItemDataRole.UserRole + 1)
            shown[card.item_id] = card.rank
    return shown


@pytest.mark.parametrize("rows", [3, 300])
def test_after_an_import_ranks_are_unique_and_the_panel_agrees(qtbot, window, tmp_path, rows):
    path = tmp_path / "new.csv"
    lines = ["title,chain,link,likelihood,consequence"] + [
        f"Ny sak {n},Medisindispenser,Dispenser i brukers hjem,5,5" for n in range(rows)
    ]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    window.files.import_file(path)
    qtbot.waitUntil(
        lambda: sum(1 for i in window.live.items.values() if i.title.startswith("Ny sak")) == rows,
        timeout=30_000,
    )
    qtbot.wait(50)
    shown = _cards(window)
    ranks = [r for r in shown.values() if r is not None]
    assert len(ranks) == len(set(ranks)), "two cards show the same rank"
    assert all(shown[i] == window.live.ranking[i].rank for i in window.live.ranking)
    top = min(window.live.ranking, key=lambda i: window.live.ranking[i].rank)
    window.board.select_item(top)
    assert make_card(window.live, top).rank == 1
    assert "Rank 1 " in window.detail.toPlainText() or "Plass 1 " in window.detail.toPlainText()
