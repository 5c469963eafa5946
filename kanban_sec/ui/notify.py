"""Telling the user: errors they caused as readable dialogs, never tracebacks.

Dialogs open window-modal with ``open()`` (not ``exec()``), so the event loop (and a
test driving the window) goes on while they show.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from kanban_sec.domain.errors import KanbanError
from kanban_sec.ui.i18n import current_language, translate


def show_error(
    parent: QWidget | None, error: KanbanError | str, title: str | None = None
) -> QMessageBox:
    """A warning dialog with the error in the user's language."""
    text = error.message(current_language()) if isinstance(error, KanbanError) else error
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        title or translate("Notify", "kanban-sec"),
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("error-dialog")
    _keep(box)
    box.open()
    return box


def show_info(parent: QWidget | None, text: str, title: str | None = None) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Information,
        title or translate("Notify", "kanban-sec"),
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("info-dialog")
    _keep(box)
    box.open()
    return box


#: Boxes without a parent, kept alive until closed (Qt would otherwise lose them at once).
_open_boxes: list[QMessageBox] = []


def _keep(box: QMessageBox) -> None:
    if box.parent() is None:
        _open_boxes.append(box)
        box.finished.connect(
            lambda _result: _open_boxes.remove(box) if box in _open_boxes else None
        )
