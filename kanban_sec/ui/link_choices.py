"""The link a piece of work is on, chosen from its chain's links (the item dialog and the
annual wheel's activity form)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from kanban_sec.domain.model import MATURITY_MAX
from kanban_sec.services.live_board import LiveBoard

#: Qt's translate, under the name pyside6-lupdate looks for outside classes.
translate = QCoreApplication.translate


def fill_link_choices(
    box: QComboBox, live: LiveBoard, chain_id: str | None, keep: str | None
) -> None:
    """Only the chosen chain's links, by name with their maturity; first "(the whole
    chain)" for the chain's work as a whole ("(no link)" without a chain)."""
    box.clear()
    box.addItem(
        translate("LinkChoices", "(the whole chain)")
        if chain_id
        else translate("LinkChoices", "(no link)"),
        None,
    )
    links = [lk for lk in live.board.links.values() if lk.chain_id == chain_id] if chain_id else []
    for link in sorted(links, key=lambda lk: lk.name.casefold()):
        box.addItem(
            translate("LinkChoices", "{name} (maturity {maturity}/{top})").format(
                name=link.name, maturity=link.maturity, top=MATURITY_MAX
            ),
            link.id,
        )
    box.setCurrentIndex(max(box.findData(keep), 0) if keep else 0)
    box.setEnabled(chain_id is not None)
