"""View ▸ Language, clicked: everything on screen follows, Qt's own dialogs too."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QToolButton,
    QWidget,
)

from kanban_sec.domain.model import Status
from kanban_sec.ui import i18n


@pytest.fixture(autouse=True)
def _english_first():
    """Start in English; the language is process-wide, so leave the next test in English."""
    QSettings().setValue("language", "en")
    yield
    if QApplication.instance() is not None:
        i18n.install("en")


def click_language(qtbot, window, lang: str) -> None:
    """View ▸ Language ▸ (Norsk bokmål | English) as a person does: the menu bar clicked,
    then the arrow keys and Return (offscreen Qt opens no submenu on hover)."""
    bar = window.menuBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.actionGeometry(window.view_menu.menuAction()).center())
    qtbot.waitUntil(window.view_menu.isVisible)
    walk_to(qtbot, window.view_menu, window.language_menu.menuAction())
    qtbot.keyClick(window.view_menu, Qt.Key.Key_Right)
    qtbot.waitUntil(window.language_menu.isVisible)
    walk_to(qtbot, window.language_menu, window.language_actions[lang])
    qtbot.keyClick(window.language_menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: i18n.current_language() == lang)
    qtbot.waitUntil(lambda: not window.view_menu.isVisible())
    QApplication.processEvents()  # the LanguageChange events Qt posts to open windows


def walk_to(qtbot, menu: QMenu, action) -> None:
    """Press Down in ``menu`` until ``action`` is the highlighted entry."""
    for _ in range(len(menu.actions()) + 1):
        if menu.activeAction() is action:
            return
        qtbot.keyClick(menu, Qt.Key.Key_Down)
    raise AssertionError(f"{action.text()!r} cannot be reached in {menu.title()!r}")


def press(qtbot, window, key: Qt.Key,
          modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.ControlModifier) -> None:
    """A shortcut pressed on the board, where the person's focus is."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifiers)


def lane_titles(window) -> list[str]:
    """The lane names shown at the left of the board (first column)."""
    first = f"-{Status.BACKLOG.value}"
    return [w.text() for w in window.board.findChildren(QWidget)
            if w.objectName().startswith("lane-") and w.objectName().endswith(first)
            and isinstance(w, QLabel | QToolButton) and w.text().strip()]


def texts(widget: QWidget) -> set[str]:
    """Every label, button, tab and first combo entry text of a window."""
    found = {widget.windowTitle()}
    for child in widget.findChildren(QWidget):
        if isinstance(child, QLabel | QPushButton) and child.text():
            found.add(child.text())
        elif isinstance(child, QTabWidget):
            found.update(child.tabText(i) for i in range(child.count()))
        elif isinstance(child, QComboBox) and child.count():
            found.add(child.itemText(0))
    return found


def test_the_menu_switches_lanes_menus_status_bar_and_an_open_window(window_as, qtbot):
    window = window_as("Astrid Myklebust")
    window.set_lanes("chain")
    press(qtbot, window, Qt.Key.Key_M)  # Flow metrics: a window that stays open beside

    def metrics() -> QWidget | None:
        return next((w for w in QApplication.topLevelWidgets()
                     if w.objectName() == "metrics-view" and w.isVisible()), None)

    qtbot.waitUntil(lambda: metrics() is not None)
    metrics_window = metrics()
    english = {
        "lanes": lane_titles(window), "status": window.count_label.text(),
        "menus": [window.file_menu.title(), window.view_menu.title()],
        "metrics": texts(metrics_window),
    }
    assert "Expedite (pinned)" in " ".join(english["lanes"])
    assert {"Flow metrics", "Cumulative flow", "All chains", "Save as PNG…"} <= \
        english["metrics"]

    click_language(qtbot, window, "nb")
    assert window.language_actions["nb"].isChecked()
    assert [window.file_menu.title(), window.view_menu.title()] == ["&Fil", "&Vis"]
    lanes = lane_titles(window)
    assert any("Haster (festet)" in t for t in lanes), lanes
    assert not any("Expedite" in t or "No chain" in t for t in lanes), lanes
    assert window.count_label.text().endswith(" oppgaver")
    assert window.count_label.text() != english["status"]
    assert window.lane_actions["chain"].text() == "Etter kjede"
    nb = texts(metrics_window)
    assert {"Flytmåling", "Kumulativt flytdiagram (CFD)", "Alle kjeder"} <= nb, nb
    summary = metrics_window.findChild(QLabel, "metrics-summary").text()
    assert re.search(r"ledetid p50/p85/p95: \S+,\d", summary), summary  # decimal comma
    start = metrics_window.findChild(QDateEdit, "metrics-start").text()
    assert re.fullmatch(r"\d\d\.\d\d\.\d{4}", start), start
    assert not {"Flow metrics", "Cumulative flow", "All chains", "Save as PNG…",
                "Owner unit"} & nb, nb & english["metrics"]

    # ... and back, in the same way
    click_language(qtbot, window, "en")
    assert lane_titles(window) == english["lanes"]
    assert texts(metrics_window) == english["metrics"]
    assert window.file_menu.title() == "&File"


def test_without_swimlanes_the_ranked_and_accepted_lanes_follow_too(window_as, qtbot):
    window = window_as("Astrid Myklebust")
    window.set_lanes("none")
    english = lane_titles(window)
    assert any(t.startswith(("Ranked", "<b>Ranked")) for t in english), english
    click_language(qtbot, window, "nb")
    norwegian = lane_titles(window)
    assert len(norwegian) == len(english) and not set(norwegian) & set(english), norwegian


def test_qts_file_dialog_and_message_box_speak_bokmal(window_as, qtbot, tmp_path):
    window = window_as("Astrid Myklebust")
    click_language(qtbot, window, "nb")

    # File ▸ Import CSV… (Ctrl+I): Qt's own file dialog, in Norwegian
    press(qtbot, window, Qt.Key.Key_I)
    qtbot.waitUntil(lambda: window.findChild(QFileDialog, "import-file") is not None)
    dialog = window.findChild(QFileDialog, "import-file")
    qtbot.waitUntil(dialog.isVisible)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "&Søk i:"
    assert labels["fileNameLabel"] == "Fil&navn:"
    assert labels["fileTypeLabel"] == "Fil&type:"
    buttons = {b.text() for b in dialog.findChildren(QPushButton) if b.isVisible()}
    assert {"&Åpne", "Avbryt"} <= buttons, buttons
    tips = {b.objectName(): b.toolTip() for b in dialog.findChildren(QToolButton)}
    assert (tips["backButton"], tips["toParentButton"]) == ("Tilbake", "Overordnet mappe")

    # a file with a column the app does not know: Qt's question box with Avbryt
    source = tmp_path / "fra-excel.csv"
    source.write_bytes("title;Kommentar\r\nSak fra regneark;husk\r\n".encode("cp1252"))
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    name.setText(str(source))
    qtbot.keyClick(name, Qt.Key.Key_Return)

    def question() -> QMessageBox | None:
        return next((w for w in QApplication.topLevelWidgets()
                     if isinstance(w, QMessageBox) and w.isVisible()
                     and w.objectName() == "import-unknown-columns"), None)

    qtbot.waitUntil(lambda: question() is not None, timeout=20_000)
    box = question()
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "Avbryt"
    assert "Kommentar" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()


def test_a_message_box_open_during_a_switch_changes_its_buttons(qtbot):
    box = QMessageBox(QMessageBox.Icon.Question, "?", "?",
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    box.show()
    assert {b.text() for b in box.buttons()} == {"Save", "Cancel"}
    i18n.install("nb")
    qtbot.waitUntil(lambda: {b.text() for b in box.buttons()} == {"Lagre", "Avbryt"})
    i18n.install("en")
    qtbot.waitUntil(lambda: {b.text() for b in box.buttons()} == {"Save", "Cancel"})


def test_no_menu_keeps_an_english_entry(window_as, qtbot):
    window = window_as("Astrid Myklebust")
    before = {id(a): a.text() for m in window.findChildren(QMenu) for a in m.actions()
              if a.text() and not a.isSeparator()}
    click_language(qtbot, window, "nb")
    after = {id(a): a.text() for m in window.findChildren(QMenu) for a in m.actions()
             if a.text() and not a.isSeparator()}
    # words that read the same in both languages, and the languages' own names
    same = {"Norsk bokmål", "English"}
    unchanged = {t for k, t in before.items() if after.get(k) == t} - same
    assert not unchanged, unchanged
