"""The one-folder bundle built from pyinstaller.spec runs without Python installed beside it."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: Qt libraries the app does not use and the bundle must not carry (they are large).
UNWANTED = ("QtWebEngine", "Qt6WebEngine", "Qt3D", "Qt63D", "QtQuick3D", "Qt6Quick3D")


def _bundle_size_mb(folder: Path) -> float:
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return total / 1e6


def _timed(
    command: list[str], env: dict[str, str]
) -> tuple[subprocess.CompletedProcess[str], float]:
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    return result, time.perf_counter() - start


def test_frozen_app_reports_its_version_and_sets_up_a_board(tmp_path):
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(tmp_path / "dist"),
            "--workpath",
            str(tmp_path / "build"),
            str(ROOT / "pyinstaller.spec"),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    bundle = tmp_path / "dist" / "kanban-sec"
    # Two programs from one entry point: the window (windowed on Windows and macOS) and
    # the command line (a console program); the rest of the bundle is shared.
    window_exe = bundle / "kanban-sec"
    exe = bundle / "kanban-sec-cli"
    assert window_exe.is_file() and os.access(window_exe, os.X_OK)
    assert exe.is_file() and os.access(exe, os.X_OK)
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "KANBAN_SEC_LANG": "en",
        "KANBAN_SEC_USER": "tester",
    }
    version, version_s = _timed([str(exe), "--version"], env)
    from kanban_sec import __version__

    assert version.returncode == 0 and version.stdout.strip() == f"kanban-sec {__version__}"
    # On Linux the window's program has a console too: the same command line.
    same = subprocess.run([str(window_exe), "--version"], capture_output=True, text=True, env=env)
    assert same.returncode == 0 and same.stdout == version.stdout
    # Migrations travel in the bundle: a new database is set up and the example loads.
    db = tmp_path / "board.sqlite"
    demo = subprocess.run(
        [str(exe), "--db", str(db), "demo"], capture_output=True, text=True, env=env
    )
    assert demo.returncode == 0, demo.stderr
    listing = subprocess.run(
        [str(exe), "--db", str(db), "list"], capture_output=True, text=True, env=env
    )
    assert listing.returncode == 0 and "Weakest link in" in listing.stdout
    assert os.path.getsize(db) > 0

    # The frozen self-check: database, migrations on a copy, translations, the window
    # offscreen (no display here: the check chooses the offscreen platform itself).
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    check, check_s = _timed([str(exe), "--db", str(db), "--self-check"], env)
    assert check.returncode == 0, check.stdout + check.stderr
    lines = check.stdout.splitlines()
    checks = [line for line in lines if line.startswith(("OK ", "FAIL "))]
    assert len(checks) == 5 and all(line.startswith("OK ") for line in checks), check.stdout
    assert "(frozen)" in lines[0]
    assert lines[-1] == "self-check passed"
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before

    # Nothing large the app does not need.
    unwanted = [
        str(p.relative_to(bundle))
        for p in bundle.rglob("*")
        if any(name in p.name for name in UNWANTED)
    ]
    assert unwanted == []
    assert (bundle / "_internal" / "resources" / "translations" / "kanban_sec_nb.qm").is_file()
    assert (bundle / "_internal" / "resources" / "icons" / "kanban-sec.svg").is_file()
    # The example board is data files, read at run time (the demo above needed them).
    assert (bundle / "_internal" / "resources" / "demo" / "items.csv").is_file()
    platforms = bundle / "_internal" / "PySide6" / "Qt" / "plugins" / "platforms"
    assert (platforms / "libqoffscreen.so").is_file() and (platforms / "libqxcb.so").is_file()

    size = _bundle_size_mb(bundle)
    print(
        f"\nbundle: {size:.0f} MB in {bundle}; frozen start-up (wall clock, one run): "
        f"--version {version_s:.2f} s, --self-check {check_s:.2f} s"
    )
    assert size < 400


def test_desktop_file_and_icon():
    desktop = ROOT / "resources" / "kanban-sec.desktop"
    entries = dict(
        line.split("=", 1)
        for line in desktop.read_text(encoding="utf-8").splitlines()
        if "=" in line
    )
    assert entries["Exec"] == "kanban-sec" and entries["Icon"] == "kanban-sec"
    assert entries["Terminal"] == "false" and "Name[nb]" in entries
    assert entries["Categories"] == "Office;ProjectManagement;"
    icons = ROOT / "resources" / "icons"
    assert (icons / "kanban-sec.svg").is_file()
    for size in (48, 128, 256):
        png = (icons / f"kanban-sec-{size}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(png[16:20], "big") == size == int.from_bytes(png[20:24], "big")
    validator = shutil.which("desktop-file-validate")
    if validator:
        check = subprocess.run([validator, str(desktop)], capture_output=True, text=True)
        assert check.returncode == 0 and not check.stdout.strip(), check.stdout + check.stderr


def test_windows_and_macos_icons_are_made_from_the_drawings():
    """The .ico and .icns pyinstaller.spec gives Windows and macOS (docs/make_icons.py)."""
    icons = ROOT / "resources" / "icons"
    ico = (icons / "kanban-sec.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00"  # an icon directory
    count = int.from_bytes(ico[4:6], "little")
    # Each entry's width byte (0 means 256).
    widths = sorted(ico[6 + 16 * n] or 256 for n in range(count))
    assert widths == [16, 24, 32, 48, 64, 128, 256]
    icns = (icons / "kanban-sec.icns").read_bytes()
    assert icns[:4] == b"icns" and int.from_bytes(icns[4:8], "big") == len(icns)
    assert b"ic08" in icns  # the 256-pixel image
    spec = (ROOT / "pyinstaller.spec").read_text(encoding="utf-8")
    assert '"kanban-sec.ico"' in spec and '"kanban-sec.icns"' in spec and "BUNDLE(" in spec
