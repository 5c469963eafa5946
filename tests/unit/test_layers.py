"""The layers hold: only ui/ and app.py may use Qt; the domain imports nothing of ours."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_import_contracts_are_kept():
    result = subprocess.run([sys.executable, "-m", "importlinter.cli", "--no-cache"],
                            cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0 and "No module named" in result.stderr:
        result = subprocess.run(["lint-imports", "--no-cache"], cwd=ROOT, capture_output=True,
                                text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_domain_imports_nothing_of_ours_but_the_domain():
    for path in (ROOT / "kanban_sec" / "domain").glob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith(("import kanban_sec", "from kanban_sec")):
                assert line.split()[1].startswith("kanban_sec.domain"), f"{path.name}: {line}"
