"""Rules the code keeps: layers, lint, types, and CI running what the README says."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_import_contracts_are_kept():
    result = subprocess.run(
        [sys.executable, "-c", "from importlinter.cli import lint_imports_command;"
         " lint_imports_command(['--no-cache'])"],
        cwd=ROOT, capture_output=True, text=True)
    # The summary proves the contracts were really checked (not a silent no-op).
    assert "Contracts: 2 kept, 0 broken." in result.stdout, result.stdout + result.stderr
    assert result.returncode == 0


def test_domain_imports_nothing_of_ours_but_the_domain():
    for path in (ROOT / "kanban_sec" / "domain").glob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith(("import kanban_sec", "from kanban_sec")):
                assert line.split()[1].startswith("kanban_sec.domain"), f"{path.name}: {line}"


def test_code_is_lint_clean_and_typed():
    lint = subprocess.run([sys.executable, "-m", "ruff", "check", "kanban_sec", "tests", "bench"],
                          cwd=ROOT, capture_output=True, text=True)
    assert lint.returncode == 0, lint.stdout[-3000:]
    types = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True,
                           text=True)
    assert types.returncode == 0, types.stdout[-3000:]


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = next(line for line in ci.splitlines() if "pytest" in line and "venv" in line)
    assert command in readme
