"""View ▸ Language, clicked: everything on screen follows, Qt's own dialogs and the windows
that stay open beside the board (history, annual wheel, ROS matrix, standup...) too."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QTabWidget,
    QTextBrowser,
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
    qtbot.mouseClick(
        bar,
        Qt.MouseButton.LeftButton,
        pos=bar.actionGeometry(window.view_menu.menuAction()).center(),
    )
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


def press(
    qtbot, window, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.ControlModifier
) -> None:
    """A shortcut pressed on the board, where the person's focus is."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifiers)


def lane_titles(window) -> list[str]:
    """The lane names shown at the left of the board (first column)."""
    first = f"-{Status.BACKLOG.value}"
    return [
        w.text()
        for w in window.board.findChildren(QWidget)
        if w.objectName().startswith("lane-")
        and w.objectName().endswith(first)
        and isinstance(w, QLabel | QToolButton)
        and w.text().strip()
    ]


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
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    press(qtbot, window, Qt.Key.Key_F, ctrl_shift)  # Flow metrics: a window that stays open

    def metrics() -> QWidget | None:
        return next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if w.objectName() == "metrics-view" and w.isVisible()
            ),
            None,
        )

    qtbot.waitUntil(lambda: metrics() is not None)
    metrics_window = metrics()
    english = {
        "lanes": lane_titles(window),
        "status": window.count_label.text(),
        "menus": [window.file_menu.title(), window.view_menu.title()],
        "metrics": texts(metrics_window),
    }
    assert "Expedite (pinned)" in " ".join(english["lanes"])
    assert {"Flow metrics", "Cumulative flow", "All chains", "Save as PNG…"} <= english["metrics"]

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
    assert (
        not {"Flow metrics", "Cumulative flow", "All chains", "Save as PNG…", "Owner unit"} & nb
    ), nb & english["metrics"]

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
        return next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox)
                and w.isVisible()
                and w.objectName() == "import-unknown-columns"
            ),
            None,
        )

    qtbot.waitUntil(lambda: question() is not None, timeout=20_000)
    box = question()
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "Avbryt"
    assert "Kommentar" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()


def test_a_message_box_open_during_a_switch_changes_its_buttons(qtbot):
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "?",
        "?",
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
    )
    qtbot.addWidget(box)
    box.show()
    assert {b.text() for b in box.buttons()} == {"Save", "Cancel"}
    i18n.install("nb")
    qtbot.waitUntil(lambda: {b.text() for b in box.buttons()} == {"Lagre", "Avbryt"})
    i18n.install("en")
    qtbot.waitUntil(lambda: {b.text() for b in box.buttons()} == {"Save", "Cancel"})


def test_no_menu_keeps_an_english_entry(window_as, qtbot):
    window = window_as("Astrid Myklebust")
    before = {
        id(a): a.text()
        for m in window.findChildren(QMenu)
        for a in m.actions()
        if a.text() and not a.isSeparator()
    }
    click_language(qtbot, window, "nb")
    after = {
        id(a): a.text()
        for m in window.findChildren(QMenu)
        for a in m.actions()
        if a.text() and not a.isSeparator()
    }
    # words that read the same in both languages, and the languages' own names
    same = {"Norsk bokmål", "English"}
    unchanged = {t for k, t in before.items() if after.get(k) == t} - same
    assert not unchanged, unchanged


# -- the windows that stay open beside the board -------------------------------------------
def choose(qtbot, window, menu: QMenu, action) -> None:
    """A menu bar entry as a person chooses it: the menu clicked, arrows, Return."""
    bar = window.menuBar()
    qtbot.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(menu.menuAction()).center()
    )
    qtbot.waitUntil(menu.isVisible)
    walk_to(qtbot, menu, action)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not menu.isVisible())


def open_window(qtbot, window, menu: QMenu, action, name: str) -> QWidget:
    """Open a window from the menu bar; returns it once it shows."""
    choose(qtbot, window, menu, action)

    def shown() -> QWidget | None:
        return next(
            (w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()),
            None,
        )

    qtbot.waitUntil(lambda: shown() is not None)
    found = shown()
    assert found is not None
    qtbot.waitExposed(found)
    return found


def headers(table: QAbstractItemView) -> list[str]:
    model = table.model()
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def history_rows(view: QWidget) -> list[list[str]]:
    table = view.findChild(QTableView, "history-table")
    model = table.model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_history_wheel_matrix_and_refused_changes_follow_a_switch(window_as, qtbot):
    window = window_as("Astrid Myklebust")
    history = open_window(qtbot, window, window.view_menu, window.history_action, "history-view")
    wheel = open_window(qtbot, window, window.view_menu, window.wheel_action, "wheel-dialog")
    matrix = open_window(qtbot, window, window.risk_menu, window.matrix_action, "ros-matrix")
    refused = open_window(qtbot, window, window.sync_menu, window.refused_action, "refused-dialog")
    # the annual wheel's first activity, clicked in its list: its details show
    activities = wheel.findChild(QListWidget, "wheel-activities")
    qtbot.mouseClick(
        activities.viewport(),
        Qt.MouseButton.LeftButton,
        pos=activities.visualItemRect(activities.item(0)).center(),
    )
    detail = wheel.findChild(QTextBrowser, "wheel-detail")
    history_table = history.findChild(QTableView, "history-table")
    grid = matrix.findChild(QTableView, "ros-grid")

    def seen() -> dict[str, object]:
        return {
            "history": texts(history),
            "history headers": headers(history_table),
            "history rows": history_rows(history),
            "wheel": texts(wheel),
            "wheel detail": detail.toPlainText(),
            "wheel months": wheel.view.locale().monthName(3, QLocale.FormatType.LongFormat),
            "wheel name": wheel.view.accessibleName(),
            "wheel summary": wheel.view.accessibleDescription(),
            "matrix": texts(matrix),
            "matrix headers": headers(grid),
            "refused": texts(refused),
            "refused headers": [
                refused.findChild(QTableWidget, "refused-table").horizontalHeaderItem(c).text()
                for c in range(4)
            ],
        }

    english = seen()
    assert {"History", "&Item:", "Export CSV…"} <= english["history"]
    assert english["history headers"] == ["When", "Who", "What", "Name", "Field", "Old", "New"]
    moves = [
        n
        for n, row in enumerate(english["history rows"])
        if row[4] == "Column" and row[6] == "Next"
    ]
    assert moves, "the example's history moves items to Next"
    assert {"When:", "This year", "each date"} <= set(english["wheel detail"].split("\n")) or all(
        w in english["wheel detail"] for w in ("When:", "This year", "each date")
    )
    assert english["wheel months"] == "March"
    assert "Annual wheel (årshjul)" in english["wheel"]
    assert {"ROS matrix", "Consequence"} <= english["matrix"]
    assert {"Changes refused by the server", "Redo all"} <= english["refused"]

    click_language(qtbot, window, "nb")
    norsk = seen()
    assert {"Historikk", "&Oppgave:", "Tittelen inneholder…"} <= norsk["history"] | {
        history.findChild(QLineEdit, "history-item").placeholderText()
    }
    assert norsk["history headers"][:3] == ["Når", "Hvem", "Hva"], norsk["history headers"]
    for n in moves:  # the same change, told in Norwegian: field, column name, date
        row = norsk["history rows"][n]
        assert (row[4], row[6]) == ("Kolonne", "Neste"), row
        assert re.fullmatch(r"\d\d\.\d\d\.\d{4} \d\d:\d\d", row[0]), row[0]
    assert len(norsk["history rows"]) == len(english["history rows"])
    for column in (2, 4):  # what was changed, which field: every name told in Norwegian
        same = {r[column] for r in english["history rows"]} & {
            r[column] for r in norsk["history rows"]
        }
        assert same <= SAME_IN_BOTH, same
    assert "Årshjul" in norsk["wheel"]
    assert norsk["wheel months"] == "mars"
    assert norsk["wheel name"] != english["wheel name"]
    assert norsk["wheel summary"] != english["wheel summary"]
    assert "Når:" in norsk["wheel detail"] and "I år" in norsk["wheel detail"]
    assert not any(
        w in norsk["wheel detail"]
        for w in ("When:", "This year", "each date", "Overdue", "On the board")
    )
    assert {"ROS-matrise"} <= norsk["matrix"]
    assert norsk["matrix headers"] != english["matrix headers"]
    assert {"Endringer avvist av serveren"} <= norsk["refused"]
    assert norsk["refused headers"] != english["refused headers"]
    for key in ("history", "wheel", "matrix", "refused"):
        words = {
            t
            for t in english[key] & norsk[key]  # type: ignore[operator]
            if any(c.isalpha() for c in t)
        }
        assert words <= SAME_IN_BOTH, (key, words)

    # ... and back
    click_language(qtbot, window, "en")
    assert seen() == english


#: Texts that read the same in Norwegian and English.
SAME_IN_BOTH = {"Backlog", "Status", "Person", "&Person:", "Standup"}


def test_the_standup_follows_a_switch_and_writes_in_the_new_language(window_as, qtbot):
    window = window_as("Astrid Myklebust")
    standup = open_window(qtbot, window, window.view_menu, window.standup_action, "standup-window")
    qtbot.mouseClick(standup.findChild(QPushButton, "standup-start"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: standup.standup_id is not None)
    report = standup.findChild(QTextBrowser, "standup-report")
    move = standup.findChild(QComboBox, "standup-move")
    actions = standup.findChild(QGroupBox, "standup-card-actions")

    def seen() -> dict[str, object]:
        return {
            "title": standup.windowTitle(),
            "report": report.toPlainText(),
            "columns": [move.itemText(r) for r in range(move.count())],
            "card actions": actions.title(),
            "where": standup.findChild(QLabel, "standup-position").text(),
            "buttons": {b.text() for b in standup.findChildren(QPushButton) if b.isVisible()},
        }

    english = seen()
    assert english["title"] == "Weekly standup"
    assert "Changed since the last standup" in english["report"]
    assert english["columns"][:3] == ["Backlog", "Next", "Doing"]
    assert {"Next ▶", "End the standup"} <= english["buttons"]

    click_language(qtbot, window, "nb")
    norsk = seen()
    assert norsk["title"] == "Ukentlig standup"
    assert "Endret siden forrige standup" in norsk["report"]
    assert "Changed since the last standup" not in norsk["report"]
    assert norsk["columns"][:3] == ["Backlog", "Neste", "Pågår"]
    assert norsk["card actions"] == "På dette kortet"
    assert norsk["where"] != english["where"]
    assert "Neste ▶" in norsk["buttons"] and "Next ▶" not in norsk["buttons"]

    # A note about the card in front lands on the card as a comment in Norwegian now.
    item_id = standup.current_item()
    note = standup.findChild(QLineEdit, "standup-note")
    note.setFocus()
    qtbot.keyClicks(note, "Ta det med leverandøren")
    qtbot.mouseClick(standup.findChild(QPushButton, "standup-add-note"), Qt.MouseButton.LeftButton)
    comments = [c.body for c in window.live.service.comments(item_id)]
    assert any(
        c.startswith("Notat fra standup") and c.endswith("Ta det med leverandøren")
        for c in comments
    ), comments

    click_language(qtbot, window, "en")
    assert seen() == english | {"report": seen()["report"]}  # the report now has the note
    assert "Changed since the last standup" in seen()["report"]
