"""What the window needs from the system before Qt is loaded: on Linux the X11 platform
plugin aborts the whole process when a library is missing, with a message only a Qt
developer reads. Checked first, the command says which packages to install. No Qt here."""

from __future__ import annotations

import ctypes.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping

#: (library name as ``find_library`` takes it, Debian/Ubuntu package) the xcb plugin loads.
X11_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("xcb-cursor", "libxcb-cursor0"),
    ("xkbcommon-x11", "libxkbcommon-x11-0"),
    ("xcb-icccm", "libxcb-icccm4"),
    ("xcb-keysyms", "libxcb-keysyms1"),
    ("xcb-image", "libxcb-image0"),
    ("xcb-render-util", "libxcb-render-util0"),
    ("xcb-shape", "libxcb-shape0"),
    ("xcb-randr", "libxcb-randr0"),
    ("xcb-xkb", "libxcb-xkb1"),
    ("xkbcommon", "libxkbcommon0"),
    ("EGL", "libegl1"),
    ("GL", "libgl1"),
    ("fontconfig", "libfontconfig1"),
    ("dbus-1", "libdbus-1-3"),
)


def uses_x11(environ: dict[str, str] | None = None, platform: str | None = None) -> bool:
    """Whether the window would open through Qt's X11 (xcb) plugin here."""
    env = os.environ if environ is None else environ
    if (platform or sys.platform) != "linux" or not env.get("DISPLAY"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "")
    return chosen in ("", "xcb") and not (chosen == "" and env.get("WAYLAND_DISPLAY"))


def has_display(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """Whether a window can open here: a desktop session, or a Qt platform chosen. On Linux
    an X11 or Wayland display; on Windows and macOS a session at the machine, which a
    command run over SSH on a Mac is not (no WindowServer session: Qt's cocoa plugin would
    fail, so a PDF is laid out offscreen instead)."""
    env = os.environ if environ is None else environ
    platform = platform or sys.platform
    if env.get("QT_QPA_PLATFORM"):
        return True
    if platform == "darwin":
        return not (env.get("SSH_CONNECTION") or env.get("SSH_TTY"))
    if platform == "win32":
        return True
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def missing_packages(
    find: Callable[[str], str | None] | None = None,
    environ: dict[str, str] | None = None,
    platform: str | None = None,
) -> list[str]:
    """The packages whose libraries the X11 window needs and this system lacks ([] when
    none is missing, or when the window does not open through X11)."""
    if not uses_x11(environ, platform):
        return []
    find = find or _finder()
    missing = [package for library, package in X11_LIBRARIES if find(library) is None]
    # Nothing found at all: this system's library lookup cannot tell (no ldconfig, say);
    # let Qt try rather than send the person to install what they may well have.
    return [] if len(missing) == len(X11_LIBRARIES) else missing


def _finder() -> Callable[[str], str | None]:
    """A lookup of installed libraries by name: one ``ldconfig -p`` for all of them (a
    ``find_library`` call runs it again each time, some 5 ms a library at start-up)."""
    ldconfig = shutil.which("ldconfig") or next(
        (p for p in ("/sbin/ldconfig", "/usr/sbin/ldconfig") if os.path.exists(p)), None
    )
    if ldconfig is None:
        return ctypes.util.find_library
    try:
        listing = subprocess.run(
            [ldconfig, "-p"], capture_output=True, text=True, timeout=5, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return ctypes.util.find_library
    names = set(re.findall(r"^\s*lib(\S+?)\.so[.\s]", listing, re.MULTILINE))
    return lambda name: name if name in names else None
