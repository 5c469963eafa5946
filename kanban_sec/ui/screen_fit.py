"""Windows that fit the screen they open on (a 1280×720 laptop included).

Every dialog and top-level window goes through :func:`fit_to_screen` before it shows: its
size is clamped to the available geometry of its screen (the parent window's screen, where
it opens), with room for the title bar, and a window already shown is moved inside. Content
that cannot shrink that far goes in :func:`scrolling` areas rather than off the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

#: The window frame (borders and title bar) assumed before a window has one of its own.
DECORATION = QSize(16, 40)


def screen_of(window: QWidget) -> QScreen:
    """The screen ``window`` opens on: its parent window's, else its own, else the primary."""
    parent = window.parentWidget()
    for candidate in ((parent.window() if parent is not None else None), window):
        if candidate is not None:
            screen = candidate.screen()
            if screen is not None:
                return screen
    primary = QGuiApplication.primaryScreen()
    assert primary is not None, "no screen"
    return primary


def decoration(window: QWidget) -> QSize:
    """How much the window system adds around the window (known once a window is shown)."""
    for candidate in (window, window.parentWidget()):
        if candidate is not None and candidate.window().isVisible():
            top = candidate.window()
            extra = top.frameGeometry().size() - top.geometry().size()
            return QSize(max(extra.width(), 0), max(extra.height(), 0))
    return QSize(DECORATION)


def available(window: QWidget) -> QRect:
    """The room the window's contents may take on its screen (its frame left out)."""
    area = screen_of(window).availableGeometry()
    frame = decoration(window)
    return QRect(
        area.topLeft(),
        QSize(max(area.width() - frame.width(), 1), max(area.height() - frame.height(), 1)),
    )


def fit_to_screen(window: QWidget) -> bool:
    """Clamp ``window``'s size (and its minimum) to its screen's available geometry, and
    move it inside when it is shown; ``False`` when its layout cannot get that small."""
    room = available(window).size()
    minimum = window.minimumSize()
    if minimum.width() > room.width() or minimum.height() > room.height():
        window.setMinimumSize(minimum.boundedTo(room))
    window.resize(window.size().boundedTo(room))
    if window.isVisible():
        keep_inside(window)
    elif window.findChild(_InsideOnShow) is None:
        # Where it shows is decided as it shows (a dialog centred on its parent, say).
        window.installEventFilter(_InsideOnShow(window))
    return window.width() <= room.width() and window.height() <= room.height()


class _InsideOnShow(QObject):
    """Moves its window inside the screen when it first shows, then lets go."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            watched.removeEventFilter(self)
            # Once the window system has placed it (it moves it just after showing it).
            QTimer.singleShot(0, watched, lambda: keep_inside(watched))
            self.deleteLater()
        return False


def keep_inside(window: QWidget) -> None:
    """Move a shown window so that its frame lies on its screen's available geometry."""
    area = screen_of(window).availableGeometry()
    frame = window.frameGeometry()
    x = min(max(frame.x(), area.x()), area.right() + 1 - frame.width())
    y = min(max(frame.y(), area.y()), area.bottom() + 1 - frame.height())
    x, y = max(x, area.x()), max(y, area.y())
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)


def scrolling(content: QWidget, name: str = "") -> QScrollArea:
    """``content`` in a frameless vertical scroll area: a long form scrolls rather than
    pushing its dialog's buttons off a small screen."""
    area = QScrollArea()
    if name:
        area.setObjectName(name)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setWidget(content)
    return area
