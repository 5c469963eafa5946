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
        [
            sys.executable,
            "-c",
            "from importlinter.cli import lint_imports_command;"
            " lint_imports_command(['--no-cache'])",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
    )


def test_import_contracts_are_kept():
    result = _lint_imports(ROOT)
    # The summary proves the contracts were really checked (not a silent no-op).
    assert f"Contracts: {CONTRACTS} kept, 0 broken." in result.stdout, result.stdout + result.stderr
    assert result.returncode == 0


# A forbidden import added to a copy of the package, and the contract that must catch it.
BREAKS = {
    "domain imports services": (
        "kanban_sec/domain/ids.py",
        "from kanban_sec.services import board",
        "Layers (DESIGN.md)",
    ),
    "sync imports services": (
        "kanban_sec/sync/present.py",
        "from kanban_sec.services.outcome import Outcome",
        "Layers (DESIGN.md)",
    ),
    "cli imports ui at module level": (
        "kanban_sec/cli/org.py",
        "from kanban_sec.ui import notify",
        "cli/ and ui/ never import each other",
    ),
    "cli reaches the window outside cli/window.py": (
        "kanban_sec/cli/board.py",
        "from kanban_sec.app import run_window",
        "cli/ and ui/ never import each other",
    ),
    "ui imports the cli": (
        "kanban_sec/ui/sync_dialog.py",
        "from kanban_sec.cli import main",
        "Layers (DESIGN.md)",
    ),
    "ui imports app (the old self-check circle)": (
        "kanban_sec/ui/self_check.py",
        "from kanban_sec.app import ensure_app",
        "Layers (DESIGN.md)",
    ),
    "services import Qt": (
        "kanban_sec/services/names.py",
        "import PySide6.QtCore",
        "Only ui/ and app.py use Qt",
    ),
    "a cycle inside the domain": (
        "kanban_sec/domain/text.py",
        "from kanban_sec.domain import errors",
        "No import cycles",
    ),
}


@pytest.mark.parametrize("case", sorted(BREAKS))
def test_a_forbidden_import_breaks_a_contract(case, tmp_path):
    module, line, contract = BREAKS[case]
    shutil.copytree(
        ROOT / "kanban_sec", tmp_path / "kanban_sec", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}  # noqa\n", encoding="utf-8")
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


def test_code_is_lint_clean_formatted_and_typed():
    lint = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "kanban_sec", "tests", "bench", "docs"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert lint.returncode == 0, lint.stdout[-3000:]
    layout = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "kanban_sec", "tests", "bench", "docs"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert layout.returncode == 0, layout.stdout[-3000:]
    types = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True)
    assert types.returncode == 0, types.stdout[-3000:]


#: The most lines a module may have (migrations aside): past it, it is two modules.
MODULE_LINES = 800


def test_no_module_is_over_800_lines():
    long = {
        str(path.relative_to(ROOT)): n
        for path in (ROOT / "kanban_sec").rglob("*.py")
        if "migrations" not in path.parts
        and (n := len(path.read_text(encoding="utf-8").splitlines())) > MODULE_LINES
    }
    assert not long, long


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = next(line for line in ci.splitlines() if "pytest" in line and "venv" in line)
    assert command in readme


# -- SQL lives in store/ -----------------------------------------------------------------------

#: Modules that speak SQL to the sync server (PostgreSQL): the protocol, not our store.
SERVER_PROTOCOL = frozenset({"sync/server.py", "sync/client.py"})
#: The layers that call services only: no transaction of their own.
CALLERS = ("ui/", "cli/", "app.py")


def sql_offences(rel: str, source: str) -> list[str]:
    """Where the module ``rel`` (a path inside ``kanban_sec/``) runs SQL outside store/:
    ``exec_driver_sql``, SQLAlchemy's ``text(``, a DB-API ``execute``/``executemany``/
    ``executescript``; and, in ui/, cli/ and app.py, a transaction opened by hand
    (``reading(``, ``writing(``, ``.connect(write=…)``)."""
    if rel.startswith("store/"):
        return []
    import ast

    tree = ast.parse(source)
    texts = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "sqlalchemy"
        for alias in node.names
        if alias.name == "text"
    }
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        attribute = func.attr if isinstance(func, ast.Attribute) else None
        name = func.id if isinstance(func, ast.Name) else None
        what = None
        if attribute == "exec_driver_sql" or name in texts:
            what = attribute or name
        elif (
            attribute in ("execute", "executemany", "executescript") and rel not in SERVER_PROTOCOL
        ):
            what = attribute
        elif rel.startswith(CALLERS) and (
            name in ("reading", "writing")
            or (attribute == "connect" and any(k.arg == "write" for k in node.keywords))
        ):
            what = name or attribute
        if what is not None:
            found.append(f"{rel}:{node.lineno}: {what}(")
    return found


def test_sql_lives_in_the_store_only():
    package = ROOT / "kanban_sec"
    offences = [
        offence
        for path in sorted(package.rglob("*.py"))
        for offence in sql_offences(
            path.relative_to(package).as_posix(), path.read_text(encoding="utf-8")
        )
    ]
    assert offences == [], "SQL belongs in kanban_sec/store/ (a named query there):\n" + "\n".join(
        offences
    )


@pytest.mark.parametrize(
    ("rel", "line"),
    [
        ("services/history.py", "reader.conn.exec_driver_sql('SELECT 1')"),
        ("sync/merge.py", "raw.execute('DELETE FROM conflicts')"),
        ("sync/settings.py", "raw.executemany('INSERT INTO meta VALUES (?, ?)', [])"),
        ("services/board.py", "from sqlalchemy import text\nconn.execute(text('SELECT 1'))"),
        ("ui/risk_dialog.py", "with reading(governance.db) as reader:\n    pass"),
        ("cli/board.py", "with writing(service.db, 'me') as uow:\n    pass"),
        ("app.py", "with service.db.connect(write=False) as conn:\n    pass"),
        ("sync/client.py", "local.exec_driver_sql('SELECT 1')"),
    ],
)
def test_the_sql_rule_catches_sql_outside_the_store(rel, line):
    assert sql_offences(rel, line) != []


def test_the_sql_rule_lets_the_store_and_the_server_protocol_be():
    assert sql_offences("store/replica.py", "raw.execute('DELETE FROM x')") == []
    assert sql_offences("sync/client.py", "conn.execute('SELECT 1')") == []
    assert sql_offences("services/board.py", "with reading(self.db) as reader:\n    pass") == []
