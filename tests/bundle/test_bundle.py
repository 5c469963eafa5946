"""The one-folder bundle built from pyinstaller.spec runs without Python installed beside it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_frozen_app_reports_its_version_and_sets_up_a_board(tmp_path):
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(tmp_path / "dist"), "--workpath", str(tmp_path / "build"),
         str(ROOT / "pyinstaller.spec")],
        cwd=tmp_path, capture_output=True, text=True, timeout=900)
    assert build.returncode == 0, build.stderr[-3000:]
    exe = tmp_path / "dist" / "kanban-sec" / "kanban-sec"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "KANBAN_SEC_LANG": "en",
           "KANBAN_SEC_USER": "tester"}
    version = subprocess.run([str(exe), "--version"], capture_output=True, text=True, env=env)
    from kanban_sec import __version__

    assert version.returncode == 0 and version.stdout.strip() == f"kanban-sec {__version__}"
    # Migrations travel in the bundle: a new database is set up and the example loads.
    db = tmp_path / "board.sqlite"
    demo = subprocess.run([str(exe), "--db", str(db), "demo"], capture_output=True, text=True,
                          env=env)
    assert demo.returncode == 0, demo.stderr
    listing = subprocess.run([str(exe), "--db", str(db), "list"], capture_output=True,
                             text=True, env=env)
    assert listing.returncode == 0 and "Weakest link in" in listing.stdout
    assert os.path.getsize(db) > 0
