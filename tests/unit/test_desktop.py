"""Before Qt is loaded, the window's missing system libraries are named as packages to
install (Qt's X11 plugin would abort the process instead)."""

from __future__ import annotations

import io
from contextlib import redirect_stderr

from kanban_sec import cli, desktop

X11 = {"DISPLAY": ":0"}


def test_missing_libraries_are_named_as_packages():
    have = {
        "xcb-cursor",
        "xkbcommon-x11",
        "xcb-image",
        "xcb-render-util",
        "xcb-shape",
        "xcb-randr",
        "xcb-xkb",
        "xkbcommon",
        "EGL",
        "GL",
        "fontconfig",
        "dbus-1",
    }
    missing = desktop.missing_packages(lambda name: name if name in have else None, X11, "linux")
    assert missing == ["libxcb-icccm4", "libxcb-keysyms1"]


def test_no_check_where_the_window_does_not_use_x11():
    def nothing(_name: str) -> None:
        return None

    assert desktop.missing_packages(nothing, {}, "linux") == []  # no display
    assert (
        desktop.missing_packages(
            nothing, {"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux"
        )
        == []
    )
    assert desktop.missing_packages(nothing, X11, "win32") == []
    assert (
        desktop.missing_packages(nothing, {"DISPLAY": ":0", "WAYLAND_DISPLAY": "w"}, "linux") == []
    )


def test_the_first_command_says_what_to_install_in_one_line(monkeypatch, tmp_path):
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setattr(
        desktop, "_finder", lambda: lambda name: None if name == "xcb-icccm" else name
    )
    err = io.StringIO()
    with redirect_stderr(err):
        status = cli.main(["--db", str(tmp_path / "b.sqlite"), "--lang", "en"])
    assert status == 1
    lines = err.getvalue().splitlines()
    assert lines == [
        "kanban-sec: the window needs system libraries that are missing here; "
        "install them with “sudo apt-get install -y libxcb-icccm4” and start "
        "again (the commands, e.g. “kanban-sec list”, work without them)"
    ]


def test_a_system_whose_lookup_finds_nothing_is_not_told_to_install_everything():
    assert desktop.missing_packages(lambda _name: None, X11, "linux") == []


def test_this_systems_libraries_are_read_once_and_found_by_name():
    find = desktop._finder()
    assert find("c") == "c"  # every Linux system has the C library
    assert find("no-such-library-anywhere") is None


def test_a_display_is_a_desktop_session_and_a_mac_over_ssh_has_none():
    ssh = {"SSH_CONNECTION": "10.0.0.5 52114 10.0.0.9 22"}
    assert desktop.has_display({"DISPLAY": ":0"}, "linux")
    assert desktop.has_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not desktop.has_display({}, "linux")
    assert not desktop.has_display(ssh, "linux")
    assert desktop.has_display({}, "win32")
    assert desktop.has_display({}, "darwin")  # at the Mac: the WindowServer session
    # Over SSH a Mac has no WindowServer session: the standup PDF is laid out offscreen.
    assert not desktop.has_display(ssh, "darwin")
    assert not desktop.has_display({"SSH_TTY": "/dev/ttys001"}, "darwin")
    # A platform chosen (offscreen, say) is used as it is, wherever.
    assert desktop.has_display({"QT_QPA_PLATFORM": "offscreen", **ssh}, "darwin")
    assert desktop.has_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")
