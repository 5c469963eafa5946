"""The item dialog's "ROS risk" field: the risks of the item's chain to choose from (or
none). While an item is on a risk it is one of the risk's measures and takes the risk's
likelihood and consequence, shown read-only."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from kanban_sec.domain.ros import RegisterFilter, RosRisk
from kanban_sec.services.ros import RosService
from kanban_sec.ui.i18n import translate


class RiskChoice(QComboBox):
    """ "(no ROS risk)" and the risks of one chain, by title; the data is the risk id."""

    def __init__(self, ros: RosService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("item-risk")
        self.ros = ros
        self.risks: dict[str, RosRisk] = {}
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)

    def fill(self, chain_id: str | None, keep: str | None) -> None:
        """The risks of ``chain_id`` (none without a chain), ``keep`` chosen if there."""
        self.blockSignals(True)
        self.clear()
        self.addItem(translate("ItemDialog", "(no ROS risk)"), None)
        rows = self.ros.register(RegisterFilter(chain_id=chain_id)) if chain_id else []
        self.risks = {r.risk.id: r.risk for r in rows}
        for risk in sorted(self.risks.values(), key=lambda r: r.title.casefold()):
            self.addItem(risk.title, risk.id)
        self.setCurrentIndex(max(self.findData(keep), 0))
        self.setEnabled(chain_id is not None)
        self.blockSignals(False)

    def chosen(self) -> RosRisk | None:
        """The risk chosen, or ``None``."""
        return self.risks.get(self.currentData() or "")

    def choose(self, risk_id: str | None) -> None:
        self.setCurrentIndex(max(self.findData(risk_id), 0))
