"""At start, a damaged board file: say what is wrong and offer a copy of the newest good backup."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kanban_sec.domain.text import t
from kanban_sec.store.recovery import DamagedDatabase, backup_date, restore_copy


class RecoveryDialog(QDialog):
    """What is wrong, where the damaged file is, and the newest good backup's date.

    "Open a copy of the backup" copies the backup to a new file beside the damaged one
    (which is never changed); :meth:`restored` is that copy once accepted.
    """

    def __init__(self, error: DamagedDatabase, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("recovery-dialog")
        self.error = error
        self.lang = lang
        self._restored: Path | None = None
        self.setWindowTitle(t("recovery.title", lang))
        layout = QVBoxLayout(self)
        self.text = QLabel(error.message(lang))
        self.text.setObjectName("recovery-text")
        self.text.setWordWrap(True)
        self.text.setMinimumWidth(480)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox()
        self.open_copy: QPushButton | None = None
        if error.good_backup is not None:
            self.open_copy = buttons.addButton(
                t("recovery.open_copy", lang), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.open_copy.setObjectName("recovery-open-copy")
            self.open_copy.setDefault(True)
        close = buttons.addButton(t("recovery.close", lang), QDialogButtonBox.ButtonRole.RejectRole)
        close.setObjectName("recovery-close")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self.error.good_backup is not None and self._restored is None:
            self._restored = restore_copy(self.error.path, self.error.good_backup)
        super().accept()

    def restored(self) -> Path | None:
        """The new copy of the backup (``None`` until accepted)."""
        return self._restored

    def restored_message(self) -> str:
        """Where the copy and the untouched damaged file are, to show once it is open."""
        assert self.error.good_backup is not None and self._restored is not None
        return t(
            "db.restored",
            self.lang,
            date=backup_date(self.error.good_backup),
            restored=str(self._restored),
            damaged=str(self.error.path),
        )
