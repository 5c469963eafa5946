"""The language on Windows and macOS, where LANG is seldom set: the system's display
language (KANBAN_SEC_LANG and the locale variables still win); the probe never fails."""

from __future__ import annotations

import subprocess

import pytest

from kanban_sec import runtime
from kanban_sec.domain.text import (
    apple_language,
    choose_language,
    environment_language,
    windows_language_tag,
)

WIN, MAC, LINUX = "win32", "darwin", "linux"


@pytest.mark.parametrize(
    ("langid", "tag", "lang"),
    [
        (0x0414, "nb_NO", "nb"),
        (0x0814, "nn_NO", "nb"),
        (0x7C14, "no", "nb"),  # the neutral Bokmål id: still Norwegian
        (0x0409, "en_US", "en"),
        (0x0809, "en_GB", "en"),
        (0x041D, "sv_SE", "en"),
        (0x0406, "da_DK", "en"),
    ],
)
def test_windows_display_language(langid, tag, lang):
    assert windows_language_tag(langid) == tag
    assert choose_language(WIN, {}, windows_language_tag(langid)) == lang


def test_windows_locale_names_from_getlocale():
    assert choose_language(WIN, {}, "Norwegian Bokmål_Norway") == "nb"
    assert choose_language(WIN, {}, "Norwegian (Nynorsk)_Norway") == "nb"
    assert choose_language(WIN, {}, "English_United States") == "en"


def test_macos_apple_languages_and_locale():
    listed = '(\n    "nb-NO",\n    "en-NO"\n)\n'
    assert apple_language(listed) == "nb-NO"
    assert apple_language("(\n    en,\n    nb\n)\n") == "en"
    assert apple_language("nb_NO\n") == "nb_NO"
    assert apple_language("") == ""
    assert choose_language(MAC, {}, apple_language(listed)) == "nb"
    assert choose_language(MAC, {}, "nn-NO") == "nb"
    assert choose_language(MAC, {}, "no") == "nb"
    assert choose_language(MAC, {}, "en-NO") == "en"  # English menus in Norway: English


def test_the_variables_win_and_linux_ignores_the_probe():
    assert choose_language(WIN, {"KANBAN_SEC_LANG": "en"}, "nb_NO") == "en"
    assert choose_language(MAC, {"KANBAN_SEC_LANG": "nb"}, "en-US") == "nb"
    assert choose_language(WIN, {"LANG": "en_US.UTF-8"}, "nb_NO") == "en"  # Git Bash
    assert choose_language(MAC, {"LANG": "nb_NO.UTF-8"}, "en-US") == "nb"
    assert choose_language(MAC, {"LANG": "C"}, "nb-NO") == "nb"  # C says nothing
    assert choose_language(LINUX, {}, "nb_NO") == "en"
    assert choose_language(WIN, {}, None) == "en"
    assert choose_language(WIN, {}, "") == "en"
    assert environment_language({}) is None
    assert environment_language({"LC_ALL": "C.UTF-8"}) is None


def test_the_probe_never_raises(monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("no defaults here")

    monkeypatch.setattr(runtime, "_asked", {})
    monkeypatch.setattr(subprocess, "run", broken)
    assert runtime.os_ui_language(MAC) is None
    assert runtime.os_ui_language(WIN) is None  # no ctypes.windll on Linux
    assert runtime.os_ui_language(LINUX) is None


def test_the_probe_reads_defaults_once(monkeypatch):
    calls = []

    def defaults(args, **kwargs):
        calls.append(args)
        return subprocess.CompletedProcess(args, 0, '(\n    "nb-NO"\n)\n', "")

    monkeypatch.setattr(runtime, "_asked", {})
    monkeypatch.setattr(subprocess, "run", defaults)
    assert runtime.os_ui_language(MAC) == "nb-NO"
    assert runtime.os_ui_language(MAC) == "nb-NO"
    assert calls == [["defaults", "read", "-g", "AppleLanguages"]]


def test_preferred_language_asks_the_system_only_when_the_variables_are_silent(monkeypatch):
    for var in ("KANBAN_SEC_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(runtime.sys, "platform", WIN)
    monkeypatch.setattr(runtime, "_asked", {WIN: "nb_NO"})
    assert runtime.preferred_language() == "nb"
    monkeypatch.setenv("KANBAN_SEC_LANG", "en")
    assert runtime.preferred_language() == "en"


def test_the_window_speaks_the_language_the_system_menus_do(monkeypatch):
    """Not QLocale.system(), which on Windows is the regional format: Norwegian menus
    with English number formats still open a Norwegian window."""
    from kanban_sec.ui import i18n

    for var in ("KANBAN_SEC_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(runtime.sys, "platform", WIN)
    monkeypatch.setattr(runtime, "os_ui_language", lambda platform: "nb_NO")
    assert i18n.system_language() == "nb"
    monkeypatch.setattr(runtime, "os_ui_language", lambda platform: "en_US")
    assert i18n.system_language() == "en"
    monkeypatch.setenv("KANBAN_SEC_LANG", "nb")
    assert i18n.system_language() == "nb"
