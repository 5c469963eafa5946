"""The window's language: Qt translators for tr() strings, and the same choice for the
messages the services speak (kanban_sec.domain.text)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from kanban_sec import runtime

TRANSLATIONS = Path(__file__).resolve().parents[1].parent / "resources" / "translations"
_state: dict[str, object] = {"lang": "en", "translators": []}


def translations_folder() -> Path:
    """Where the built .qm files are (beside the package, or inside a frozen bundle)."""
    import sys

    base = getattr(sys, "_MEIPASS", None)
    return Path(base) / "resources" / "translations" if base else TRANSLATIONS


def system_language() -> str:
    """``nb`` when KANBAN_SEC_LANG, the locale variables or the language Windows or macOS
    shows its menus in ask for Norwegian, else ``en`` — the command line's choice
    (:func:`kanban_sec.runtime.preferred_language`). Not ``QLocale.system()``: on Windows
    that is the regional format, which may be Norwegian under English menus or the
    other way round."""
    return runtime.preferred_language()


def preferred_language() -> str:
    """The language chosen in the menu, else the system's."""
    chosen = QSettings().value("language", "")
    return str(chosen) if chosen in ("nb", "en") else system_language()


def current_language() -> str:
    """The language the window speaks now (``nb`` or ``en``)."""
    return str(_state["lang"])


def install(lang: str) -> None:
    """Load the translators for ``lang`` (and Qt's own strings) into the application."""
    app = QCoreApplication.instance()
    assert app is not None
    for old in _state["translators"]:  # type: ignore[attr-defined]
        app.removeTranslator(old)
    installed = []
    if lang == "nb":
        ours = QTranslator(app)
        if ours.load(str(translations_folder() / "kanban_sec_nb.qm")):
            app.installTranslator(ours)
            installed.append(ours)
        from PySide6.QtCore import QLibraryInfo

        qt = QTranslator(app)
        if qt.load("qtbase_nb", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            installed.append(qt)
        else:  # PySide6 ships Nynorsk only: our own Bokmål for Qt's buttons and menus
            extra = QTranslator(app)
            if extra.load(str(translations_folder() / "qt_extra_nb.qm")):
                app.installTranslator(extra)
                installed.append(extra)
        QLocale.setDefault(QLocale(QLocale.Language.NorwegianBokmal, QLocale.Country.Norway))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    _state["translators"] = installed
    _state["lang"] = lang


def translate(context: str, text: str) -> str:
    """Translate ``text`` outside a QObject (``context`` names the .ts context).

    Named ``translate`` so that ``pyside6-lupdate`` finds the strings.
    """
    return QCoreApplication.translate(context, text)


class Texts:
    """The texts a window that stays open sets again after a language switch: each a
    setter (``label.setText``) and a function giving the text in the current language."""

    def __init__(self) -> None:
        self.lang = current_language()
        self._bound: list[tuple[Callable[[str], object], Callable[[], str]]] = []

    def bind(self, setter: Callable[[str], object], text: Callable[[], str]) -> None:
        """Set ``text()`` through ``setter`` now, and again after each switch."""
        setter(text())
        self._bound.append((setter, text))

    def outdated(self) -> bool:
        """Whether the language changed since the texts were last set (Qt sends a window
        its LanguageChange more than once for one switch)."""
        return self.lang != current_language()

    def again(self) -> None:
        """Every bound text in the current language."""
        self.lang = current_language()
        for setter, text in self._bound:
            setter(text())
