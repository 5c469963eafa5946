"""The Norwegian Bokmål translation: built from its source, complete, and switchable."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication, QListView, QMenu, QMessageBox, QTableWidget

from kanban_sec.app import create_main_window
from kanban_sec.domain.model import Status
from kanban_sec.domain.text import t
from kanban_sec.services.board import BoardService
from kanban_sec.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
TS = TRANSLATIONS / "kanban_sec_nb.ts"
QM = TRANSLATIONS / "kanban_sec_nb.qm"
#: What resources/translations/README.md tells lupdate to read.
SOURCES = [
    "kanban_sec/app.py",
    *sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "kanban_sec" / "ui").glob("*.py")),
]

Key = tuple[str, str]


def lead(service: BoardService) -> BoardService:
    """The example board's governing member: WIP limits are theirs to set."""
    return BoardService(service.session.acting_as("Astrid Myklebust"))


def qt_tool(name: str) -> str:
    """The lupdate/lrelease that PySide6-Essentials ships (what ``pyside6-NAME`` runs)."""
    exe = name + (".exe" if sys.platform == "win32" else "")
    bundled = Path(PySide6.__file__).resolve().parent / exe
    if bundled.is_file():
        return str(bundled)
    wrapper = shutil.which(f"pyside6-{name}")
    if wrapper:
        return wrapper
    pytest.fail(
        f"{name} not found: neither {bundled} nor pyside6-{name} on PATH; "
        "install PySide6-Essentials (it ships pyside6-lupdate and pyside6-lrelease)"
    )


def run_tool(args: list[str]) -> None:
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"


def messages(ts: Path) -> dict[Key, ET.Element]:
    """Every message of a .ts file by (context, source text)."""
    out: dict[Key, ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out[(name, message.findtext("source") or "")] = message
    return out


def translations(message: ET.Element) -> list[str]:
    """The translated text, or each plural form of it."""
    translation = message.find("translation")
    assert translation is not None
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


@pytest.fixture(autouse=True)
def _back_to_english():
    """The language is process-wide: leave the next test in English."""
    yield
    if QApplication.instance() is not None:
        i18n.install("en")


@pytest.fixture
def open_window(qtbot):
    def opener(db_path):
        window = create_main_window(db_path)
        qtbot.addWidget(window)
        window.resize(1400, 900)
        window.show()
        qtbot.waitExposed(window)
        return window

    return opener


def header_text(window, status: Status) -> str:
    return window.board.headers[status].text()


def ids_in(window, status: Status) -> list[str]:
    view = window.findChild(QListView, f"column-{status.value}")
    model = view.model()
    return [model.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(model.rowCount())]


def error_boxes() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "error-dialog" and w.isVisible()
    ]


# -- the files ---------------------------------------------------------------------------
def test_committed_qm_is_what_lrelease_builds_from_the_committed_ts(tmp_path):
    built = tmp_path / "kanban_sec_nb.qm"
    run_tool([qt_tool("lrelease"), str(TS), "-qm", str(built)])
    assert QM.is_file(), f"{QM} is missing; build it with lrelease"
    assert built.read_bytes() == QM.read_bytes(), (
        f"{QM.name} is stale: run the lrelease command in resources/translations/README.md"
    )


def test_the_ts_holds_every_string_of_the_code_translated(tmp_path):
    fresh = tmp_path / "fresh_nb.ts"
    run_tool([qt_tool("lupdate"), *SOURCES, "-ts", str(fresh)])
    in_code = set(messages(fresh))
    assert len(in_code) > 300  # lupdate did read the code
    committed = messages(TS)
    missing = sorted(in_code - set(committed))
    assert not missing, (
        "strings not in kanban_sec_nb.ts (run lupdate as in "
        f"resources/translations/README.md and translate them): {missing}"
    )
    root = ET.parse(TS).getroot()
    assert root.get("language") == "nb_NO"
    for key, message in committed.items():
        translation = message.find("translation")
        assert translation is not None, key
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), key
        assert all(text.strip() for text in translations(message)), key


def test_translations_keep_placeholders_and_accelerators():
    placeholder = re.compile(r"%\d|%n|\{\w+\}")
    for (context, source), message in messages(TS).items():
        for text in translations(message):
            assert sorted(placeholder.findall(text)) == sorted(placeholder.findall(source)), (
                context,
                source,
                text,
            )
            assert text.replace("&&", "").count("&") == source.replace("&&", "").count("&"), (
                context,
                source,
                text,
            )


def test_status_names_match_the_service_catalogue():
    """The window names the columns from the command line's catalogue, in either language,
    and has no second set of names to drift from it."""
    from kanban_sec.ui.board_widget import status_name

    committed = messages(TS)
    for lang in ("nb", "en"):
        i18n.install(lang)
        try:
            for status in Status:
                assert status_name(status) == t(f"status.{status.value}", lang)
        finally:
            i18n.install("en")
    assert ("Board", "Verify") not in committed


# -- the window --------------------------------------------------------------------------
def test_the_menu_switches_the_language_and_remembers_it(open_window, db_path):
    QSettings().setValue("language", "en")
    window = open_window(db_path)
    assert window.file_menu.title() == "&File"
    assert window.edit_menu.title() == "&Edit"
    assert "<b>Backlog</b>" in header_text(window, Status.BACKLOG)
    assert "<b>Doing</b>" in header_text(window, Status.DOING)

    window.language_actions["nb"].trigger()  # the menu's Norsk bokmål
    assert i18n.current_language() == "nb"
    assert window.language_actions["nb"].isChecked()
    assert (window.file_menu.title(), window.edit_menu.title(), window.view_menu.title()) == (
        "&Fil",
        "&Rediger",
        "&Vis",
    )
    assert window.new_action.text() == "&Ny oppgave…"
    assert window.undo_action.text() == "&Angre"
    assert "<b>Pågår</b>" in header_text(window, Status.DOING)
    assert "<b>Verifiseres</b>" in header_text(window, Status.VERIFY)
    assert window.toolbar.search.placeholderText().startswith("Søk")
    assert window.count_label.text().endswith(" oppgaver")
    assert window.toolbar.unit_combo.itemText(0) == "Alle eierenheter"
    assert QSettings().value("language") == "nb"

    # a service error speaks Norwegian too (the catalogue, not a tr() string)
    doing = len(ids_in(window, Status.DOING))
    lead(window.service).set_wip_limit(Status.DOING, doing, hard=True)
    window.reload()
    assert "(fast grense)" in header_text(window, Status.DOING)
    window.move_items([ids_in(window, Status.NEXT)[0]], Status.DOING)
    boxes = error_boxes()
    assert boxes, "a hard WIP limit must refuse with a dialog"
    assert boxes[0].text() == t("wip.hard", "nb", column="Pågår", limit=doing)
    for box in boxes:
        box.close()

    # the choice is remembered: the next window starts in Norwegian
    window.close()
    second = open_window(db_path)
    assert i18n.current_language() == "nb"
    assert second.file_menu.title() == "&Fil"
    assert second.language_actions["nb"].isChecked()
    assert "<b>Pågår</b>" in header_text(second, Status.DOING)

    second.set_language("en")
    assert QSettings().value("language") == "en"
    assert second.file_menu.title() == "&File"
    assert second.new_action.text() == "&New item…"
    assert "<b>Doing</b>" in header_text(second, Status.DOING)
    assert "(hard limit)" in header_text(second, Status.DOING)
    assert second.count_label.text().endswith(" items")


def test_norwegian_menus_have_distinct_accelerators(open_window, db_path):
    window = open_window(db_path)
    window.set_language("nb")

    def accelerator(text: str) -> str | None:
        found = re.search(r"&([^&])", text.replace("&&", ""))
        return found.group(1).casefold() if found else None

    menus = [window.menuBar(), *window.findChildren(QMenu)]
    for menu in menus:
        keys = [accelerator(a.text()) for a in menu.actions() if not a.isSeparator()]
        keys = [k for k in keys if k]
        assert len(keys) == len(set(keys)), (menu.objectName(), keys)


def test_numbers_and_dates_follow_the_language(open_window, db_path, qtbot):
    QSettings().setValue("language", "en")
    window = open_window(db_path)
    assert QLocale().name() == "en_GB"
    window.set_language("nb")
    assert QLocale().name().startswith("nb")
    assert QLocale().toString(12345) == "12\u00a0345"

    # a window opened in Norwegian counts in Norwegian
    window.close()
    second = open_window(db_path)
    assert second.locale().name().startswith("nb")
    total = len(second.live.items)
    assert second.count_label.text() == f"{QLocale().toString(total)} oppgaver"

    # the item dialog's history shows Norwegian dates (dd.mm.yyyy)
    from kanban_sec.ui.item_dialog import ItemDialog

    item_id = ids_in(second, Status.DOING)[0]
    dialog = ItemDialog(second.service, second.live, item_id, second)
    qtbot.addWidget(dialog)
    history = dialog.findChild(QTableWidget, "item-history")
    assert history.rowCount() > 0
    assert re.match(r"\d{2}\.\d{2}\.\d{4}", history.item(0, 0).text()), history.item(0, 0).text()
    assert dialog.windowTitle().startswith("Oppgave: ")


def test_status_bar_numbers_follow_a_switch_made_in_the_window(open_window, db_path):
    QSettings().setValue("language", "en")
    window = open_window(db_path)
    window.set_language("nb")
    assert window.locale().name().startswith("nb")


def test_qts_own_buttons_speak_bokmal_too(qtbot, tmp_path):
    from PySide6.QtWidgets import QDialogButtonBox

    from kanban_sec.ui import i18n

    built = tmp_path / "qt_extra_nb.qm"
    run_tool([qt_tool("lrelease"), str(TRANSLATIONS / "qt_extra_nb.ts"), "-qm", str(built)])
    assert built.read_bytes() == (TRANSLATIONS / "qt_extra_nb.qm").read_bytes()
    i18n.install("nb")
    try:
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Close
        )
        qtbot.addWidget(box)
        texts = {b.text() for b in box.buttons()}
        assert texts == {"Avbryt", "Lukk"}
    finally:
        i18n.install("en")
