"""Rules the code keeps: layers, lint, types, and CI running what the README says."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


CONTRACTS = 4


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """import-linter with ``root``'s pyproject.toml over ``root``'s ``kanban_sec``."""
    env = {**os.environ, "PYTHONPATH": str(root)}  # before the installed (editable) package
    return subprocess.run(
        [sys.executable, "-c", "from importlinter.cli import lint_imports_command;"
         " lint_imports_command(['--no-cache'])"],
        cwd=root, capture_output=True, text=True, env=env)


def test_import_contracts_are_kept():
    result = _lint_imports(ROOT)
    # The summary proves the contracts were really checked (not a silent no-op).
    assert f"Contracts: {CONTRACTS} kept, 0 broken." in result.stdout, \
        result.stdout + result.stderr
    assert result.returncode == 0


# A forbidden import added to a copy of the package, and the contract that must catch it.
BREAKS = {
    "domain imports services": (
        "kanban_sec/domain/ids.py", "from kanban_sec.services import board",
        "Layers (DESIGN.md)"),
    "sync imports services": (
        "kanban_sec/sync/present.py", "from kanban_sec.services.outcome import Outcome",
        "Layers (DESIGN.md)"),
    "cli imports ui at module level": (
        "kanban_sec/cli/org.py", "from kanban_sec.ui import notify",
        "cli/ and ui/ never import each other"),
    "cli reaches the window outside cli/window.py": (
        "kanban_sec/cli/board.py", "from kanban_sec.app import run_window",
        "cli/ and ui/ never import each other"),
    "ui imports the cli": (
        "kanban_sec/ui/sync_dialog.py", "from kanban_sec.cli import main",
        "Layers (DESIGN.md)"),
    "ui imports app (the old self-check circle)": (
        "kanban_sec/ui/self_check.py", "from kanban_sec.app import ensure_app",
        "Layers (DESIGN.md)"),
    "services import Qt": (
        "kanban_sec/services/names.py", "import PySide6.QtCore",
        "Only ui/ and app.py use Qt"),
    "a cycle inside the domain": (
        "kanban_sec/domain/text.py", "from kanban_sec.domain import errors",
        "No import cycles"),
}


@pytest.mark.parametrize("case", sorted(BREAKS))
def test_a_forbidden_import_breaks_a_contract(case, tmp_path):
    module, line, contract = BREAKS[case]
    shutil.copytree(ROOT / "kanban_sec", tmp_path / "kanban_sec",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}  # noqa\n",
                      encoding="utf-8")
    result = _lint_imports(tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    broken = [line for line in result.stdout.splitlines() if " BROKEN" in line]
    assert any(line.startswith(contract) for line in broken), output
    # ...and it names the module that gained the import (the copy was the one checked).
    details = result.stdout.split("Broken contracts", 1)[-1]
    assert module.removesuffix(".py").rsplit("/", 1)[-1] in details, output


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
