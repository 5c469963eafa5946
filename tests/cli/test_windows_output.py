"""Output to a Windows pipe or redirected file, whose code page (cp1252) has æøå but not
⚑ 📌 ⛔ ≥ →: every command finishes, the text keeps its æøå and shows plain stand-ins
for the symbols (tables still aligned), and JSON is ASCII that gives back every title."""

from __future__ import annotations

import json
import re

import pytest
from cli_support import DemoBoard, assert_ok, run_cli

from kanban_sec.cli.output import plain

CP1252 = "cp1252"


def in_code_page(text: str) -> str:
    """``text`` as the command should write it on a cp1252 stream."""
    out = []
    for char in text:
        try:
            char.encode(CP1252)
        except UnicodeEncodeError:
            char = plain(char)
        out.append(char)
    return "".join(out)


@pytest.fixture(scope="module")
def both(demo: DemoBoard):
    """``both(*args)``: the command's stdout on a UTF-8 pipe and on a cp1252 one."""

    def run(*args: str) -> tuple[str, str]:
        db = ("--db", str(demo.path))
        utf8 = assert_ok(run_cli((*db, *args), env=demo.env, cwd=demo.home))
        windows = run_cli(
            (*db, *args),
            env={**demo.env, "PYTHONIOENCODING": CP1252},
            cwd=demo.home,
            encoding=CP1252,
        )
        return utf8, assert_ok(windows)

    return run


@pytest.mark.parametrize(
    "args",
    [
        ("list",),
        ("list", "--all"),
        ("policy",),
        ("wheel",),
        ("risks",),
        ("matrix",),
        ("matrix", "--items"),
    ],
)
def test_text_commands_write_the_code_page_with_plain_symbols(both, args):
    utf8, windows = both(*args)
    assert windows == in_code_page(utf8)
    assert windows.strip()


def test_list_on_a_code_page_is_readable_and_aligned(both, demo: DemoBoard):
    utf8, windows = both("list")
    assert "⚑" in utf8 and "📌" in utf8  # the example board shows both symbols
    lines = windows.splitlines()
    header = lines[0]
    assert header.split()[:4] == ["rank", "id", "!", "score"]
    assert "! Weakest link in " in windows and "*  Pinned first" in windows
    # every item row's score ends under the header's, as on a UTF-8 pipe
    end = header.index("score") + len("score")
    row = re.compile(r"^\s*(\d+|~|–)\s+[0-9a-f]{8}\s")
    rows = [line for line in lines[1:] if row.match(line)]
    assert len(rows) == len(demo.open_items)
    for line, item in zip(rows, demo.open_items, strict=True):
        score = "" if item["score"] is None else str(item["score"])
        assert line[:end].endswith(score) and line[end] == " ", (line, item)
    titles = [i["title"] for i in demo.open_items if not i["title"].isascii()]
    assert titles and all(title in windows for title in titles)  # æøå as they are


def test_json_on_a_code_page_is_ascii_and_gives_back_every_title(both, demo: DemoBoard):
    utf8, windows = both("list", "--json", "--all")
    assert windows.isascii()  # so UTF-8 and the code page read it alike
    assert json.loads(windows) == json.loads(utf8) == demo.items
    assert any(not item["title"].isascii() for item in demo.items)
    assert any("📌" in item["explanation"] for item in demo.items)


def test_show_on_a_code_page(both, demo: DemoBoard):
    pinned = next(i for i in demo.items if i["pinned"] and i["weakest_link"])
    utf8, windows = both("show", pinned["id"])
    assert "📌" in utf8 and "⚑" in utf8
    assert windows == in_code_page(utf8)
    assert pinned["title"] in windows


def test_the_windowed_entry_point_is_installed_and_runs_without_streams(demo: DemoBoard):
    """``kanban-sec-window`` (a gui-script: pythonw on Windows, no console beside the
    window) has no stdout or stderr; a command or a refusal there must not crash."""
    from importlib.metadata import entry_points

    gui = {e.name: e.value for e in entry_points(group="gui_scripts")}
    assert gui.get("kanban-sec-window") == "kanban_sec.cli:main"
    import subprocess
    import sys

    code = (
        "import sys; sys.stdout = sys.stderr = None\n"
        "from kanban_sec.cli import main\n"
        "raise SystemExit(main(sys.argv[1:]))"
    )
    for args, status in ((("list",), 0), (("move", "no-such-item", "done"), 2)):
        done = subprocess.run(
            [sys.executable, "-c", code, "--db", str(demo.path), *args],
            env=demo.env,
            cwd=demo.home,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert (done.returncode, done.stdout, done.stderr) == (status, "", "")
