"""`export`: the file Excel gets, what is left out, delimiters, formula cells, round trips."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from cli_support import (
    HEADER,
    HEADER_LINE,
    DemoBoard,
    assert_ok,
    by_id,
    copy_db,
    count_changes,
    make_env,
    run_cli,
    run_parallel,
    snapshot,
    sql,
)

FORMULA_TITLE = '=HYPERLINK("x")'
TIMES = ("created_at", "updated_at", "done_at")
OSLO = ZoneInfo("Europe/Oslo")


class Exported:
    """A copy of the demo board with a formula title, and its exports."""

    def __init__(
        self, db: Path, items: list[dict], files: dict[str, Path], home: Path, stdout: bytes
    ) -> None:
        self.db, self.items, self.files, self.home, self.stdout = db, items, files, home, stdout

    def rows(self, name: str, delimiter: str = ",") -> list[list[str]]:
        text = self.files[name].read_bytes().decode("utf-8-sig")
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))

    def ids(self, name: str) -> list[str]:
        return [row[0] for row in self.rows(name)[1:]]


@pytest.fixture(scope="module")
def exported(demo: DemoBoard, tmp_path_factory) -> Exported:
    home = tmp_path_factory.mktemp("export")
    env = make_env(home)
    db = demo.copy_to(home)
    assert_ok(
        run_cli(("--db", str(db), "add", FORMULA_TITLE, "--tags=-minus;@at"), env=env, cwd=home)
    )
    variants = {
        "default": (),
        "done": ("--include-done",),
        "confidential": ("--include-confidential",),
        "everything": ("--include-done", "--include-confidential"),
        "semicolon": ("--delimiter", ";"),
        "tab": ("--delimiter", "tab"),
    }
    files = {name: home / f"{name}.csv" for name in variants}
    jobs = [
        ("--db", str(db), "export", str(files[name]), *flags) for name, flags in variants.items()
    ]
    jobs.append(("--db", str(db), "list", "--json", "--all"))
    *results, listed = run_parallel(jobs, env=env, cwd=home)
    for (name, _), result in zip(variants.items(), results, strict=True):
        out = assert_ok(result)
        left = (
            ""
            if "confidential" in name or "everything" in name
            else r"\d+ confidential items not included \(--include-confidential includes them\)\n"
        )
        assert re.fullmatch(rf"wrote \d+ items to {re.escape(str(files[name]))}\n{left}", out), out
    # "-" writes to standard output, with nothing else on it (bytes: read it undecoded);
    # what it left out is said on stderr
    raw = subprocess.run(
        [sys.executable, "-m", "kanban_sec", "--db", str(db), "export", "-"],
        env=env,
        cwd=home,
        capture_output=True,
        check=True,
        timeout=60,
    )
    assert re.fullmatch(
        rb"(\d+ confidential items not included "
        rb"\(--include-confidential includes them\)\n)?",
        raw.stderr,
    )
    return Exported(db, json.loads(assert_ok(listed)), files, home, raw.stdout)


def test_export_is_utf8_with_bom_crlf_and_the_design_header(exported):
    data = exported.files["default"].read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + HEADER_LINE.encode() + b"\r\n")
    text = data.decode("utf-8")  # strict: the whole file is UTF-8
    assert text.endswith("\r\n")
    # outside quoted cells every line ends in CRLF
    unquoted = re.sub(r'"(?:[^"]|"")*"', "", text)
    assert "\n" not in unquoted.replace("\r\n", "")
    assert "\r" not in unquoted.replace("\r\n", "")
    rows = exported.rows("default")
    assert rows[0] == HEADER
    assert all(len(row) == len(HEADER) for row in rows)
    assert "æ" in text or "ø" in text or "å" in text  # Norwegian letters survive
    assert exported.stdout == data  # `export -` writes the same bytes


def test_default_export_is_open_non_confidential_items_in_rank_order(exported):
    rows = exported.rows("default")
    col = {name: i for i, name in enumerate(HEADER)}
    expected = [
        i for i in exported.items if i["status"] != "done" and i["classification"] != "confidential"
    ]
    assert exported.ids("default") == [i["id"] for i in expected]
    assert any(
        i["classification"] == "confidential" and i["status"] != "done" for i in exported.items
    ), "the demo has open confidential items"
    items = by_id(exported.items)
    for row in rows[1:]:
        item = items[row[col["id"]]]
        if item["rank"] is None:  # risk accepted: out of the ranking, as on the board
            assert (row[col["rank"]], row[col["weakest_link"]]) == ("", "")
        else:
            assert row[col["rank"]] == str(item["rank"])
            assert row[col["score"]] == str(item["score"])
            assert row[col["weakest_link"]] == ("yes" if item["weakest_link"] else "no")
        assert row[col["status"]] == item["status"]
        assert row[col["chain"]] == (item["chain"] or "")
        assert row[col["owner_unit"]] == (item["owner_unit"] or "")


def test_done_and_confidential_only_when_asked(exported):
    items = exported.items
    done = {i["id"] for i in items if i["status"] == "done"}
    secret = {i["id"] for i in items if i["classification"] == "confidential"}
    everyone = {i["id"] for i in items}
    assert done and secret
    assert set(exported.ids("done")) == everyone - secret
    assert set(exported.ids("confidential")) == everyone - done
    assert Counter(exported.ids("everything")) == Counter(everyone)


def test_times_are_norwegian_wall_clock_that_excel_reads_as_dates(exported):
    rows = exported.rows("everything")
    col = {name: i for i, name in enumerate(HEADER)}
    stored = {
        r[0]: r[1:]
        for r in sql(exported.db, "SELECT id, created_at, updated_at, done_at FROM items")
    }
    done = 0
    for row in rows[1:]:
        for column, stamp in zip(TIMES, stored[row[0]], strict=True):
            cell = row[col[column]]
            if stamp is None:
                assert cell == "", (column, cell)
                continue
            # yyyy-mm-dd hh:mm:ss: a date and time to Excel in every locale (T and Z are
            # not); the offset only in the hour the autumn clock change repeats
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}([+]0[12]:00)?", cell), cell
            instant = datetime.fromisoformat(stamp)
            assert cell[:19] == instant.astimezone(OSLO).strftime("%Y-%m-%d %H:%M:%S")
            done += column == "done_at"
        assert re.fullmatch(r"(\d{4}-\d{2}-\d{2})?", row[col["due_date"]])
    assert done, "the demo has done items"


def test_times_survive_export_import_export_into_a_fresh_board(exported, tmp_path):
    env = make_env(tmp_path)
    fresh = tmp_path / "fresh.sqlite"
    again = tmp_path / "again.csv"
    assert_ok(
        run_cli(
            ("--db", str(fresh), "import", str(exported.files["everything"])), env=env, cwd=tmp_path
        )
    )
    assert_ok(
        run_cli(
            ("--db", str(fresh), "export", str(again), "--include-done", "--include-confidential"),
            env=env,
            cwd=tmp_path,
        )
    )
    col = {name: i for i, name in enumerate(HEADER)}

    def history(rows: list[list[str]]) -> dict[str, tuple[str, str]]:
        return {r[0]: (r[col["created_at"]], r[col["done_at"]]) for r in rows[1:]}

    text = again.read_bytes().decode("utf-8-sig")
    assert history(list(csv.reader(io.StringIO(text, newline="")))) == history(
        exported.rows("everything")
    )
    # to the second, as stored: the exact instant, not a wall-clock time read as UTC
    stamps = dict(sql(fresh, "SELECT id, created_at FROM items"))
    for item_id, stamp in sql(exported.db, "SELECT id, created_at FROM items"):
        assert datetime.fromisoformat(stamps[item_id]) == datetime.fromisoformat(stamp).replace(
            microsecond=0
        ).astimezone(UTC)


@pytest.mark.parametrize(
    ("name", "delimiter", "raw"), [("semicolon", ";", b";"), ("tab", "\t", b"\t")]
)
def test_other_delimiters(exported, name, delimiter, raw):
    data = exported.files[name].read_bytes()
    header = raw.join(h.encode() for h in HEADER)
    assert data.startswith(b"\xef\xbb\xbf" + header + b"\r\n")
    assert exported.rows(name, delimiter) == exported.rows("default")


def test_formula_cells_are_neutralised(exported):
    rows = exported.rows("default")
    (row,) = [r for r in rows if r[1].endswith(FORMULA_TITLE)]
    assert row[1] == "'" + FORMULA_TITLE
    assert row[HEADER.index("tags")] == "'-minus;@at"
    assert b'"\'=HYPERLINK(""x"")"' in exported.files["default"].read_bytes()
    for name in ("semicolon", "tab"):
        assert f"'{FORMULA_TITLE}".replace('"', '""').encode() in exported.files[name].read_bytes()


@pytest.mark.parametrize(
    "flags", [(), ("--include-done", "--include-confidential")], ids=["default", "everything"]
)
def test_export_import_export_is_byte_identical(exported, tmp_path, flags):
    env = make_env(tmp_path)
    db = copy_db(exported.db, tmp_path / "board.sqlite")
    first = tmp_path / "first.csv"
    second = tmp_path / "second.csv"
    assert_ok(run_cli(("--db", str(db), "export", str(first), *flags), env=env, cwd=tmp_path))
    before = snapshot(db)
    count = (
        len(list(csv.reader(io.StringIO(first.read_bytes().decode("utf-8-sig"), newline="")))) - 1
    )
    out = assert_ok(run_cli(("--db", str(db), "import", str(first)), env=env, cwd=tmp_path))
    assert out == f"imported {first}: 0 new, 0 changed, {count} unchanged\n"
    after = snapshot(db)
    # An import that changes nothing writes nothing, but the record that it happened (the
    # audit of transfers, its change record and the clock).
    audit = ("transfers", "changes", "meta", "sqlite_sequence")
    assert {t: r for t, r in after.items() if t not in audit} == {
        t: r for t, r in before.items() if t not in audit
    }
    new_changes = set(after["changes"]) - set(before["changes"])
    assert [c[2] for c in new_changes] == ["transfer"]
    assert_ok(run_cli(("--db", str(db), "export", str(second), *flags), env=env, cwd=tmp_path))
    assert second.read_bytes() == first.read_bytes()
    # Two exports and one import, each on the record; nothing else was written.
    assert count_changes(db) == count_changes(exported.db) + 3
    assert sql(
        db,
        "SELECT kind, count(*) FROM transfers WHERE path LIKE '%first.csv'"
        " OR path LIKE '%second.csv' GROUP BY kind ORDER BY kind",
    ) == [("export", 2), ("import", 1)]


def test_export_then_import_into_a_fresh_database(exported, tmp_path):
    env = make_env(tmp_path)
    fresh = tmp_path / "fresh.sqlite"
    source = exported.files["everything"]
    out = assert_ok(run_cli(("--db", str(fresh), "import", str(source)), env=env, cwd=tmp_path))
    assert out == f"imported {source}: {len(exported.items)} new, 0 changed, 0 unchanged\n"
    copied = json.loads(
        assert_ok(run_cli(("--db", str(fresh), "list", "--json", "--all"), env=env, cwd=tmp_path))
    )
    original = by_id(exported.items)
    assert set(by_id(copied)) == set(original)  # ids are kept
    fields = (
        "title",
        "status",
        "chain",
        "link",
        "likelihood",
        "consequence",
        "link_maturity",
        "target_maturity",
        "score",
        "weakest_link",
        "owner_unit",
        "owner_person",
        "risk_owner",
        "pinned",
        "pin_reason",
        "blocked_reason",
        "classification",
        "framework_ref",
        "tags",
        "due_date",
        "effort",
        "explanation",
    )
    # Risk decisions do not travel in CSV: in a chain with an accepted item, the fresh board
    # ranks that item again, so the chain's weakest link and explanations may differ.
    accepted = {i["chain"] for i in exported.items if i["rank"] is None and i["status"] != "done"}
    derived = ("score", "weakest_link", "explanation")
    for item in copied:
        old = original[item["id"]]
        same = [f for f in fields if old["chain"] not in accepted or f not in derived]
        assert {f: item[f] for f in same} == {f: old[f] for f in same}, item["title"]
    assert (
        by_id(copied)[next(i["id"] for i in exported.items if i["title"] == FORMULA_TITLE)]["title"]
        == FORMULA_TITLE
    )
    # The same ranks: a new item keeps the creation time its file gives, so even items
    # that tie on pin, weakest link, score and effort keep their order (older first).
    if not accepted:
        assert {i["id"]: i["rank"] for i in copied} == {i["id"]: i["rank"] for i in exported.items}
    kept = [i["id"] for i in exported.items if i["rank"] is not None and i["chain"] not in accepted]
    assert [i["id"] for i in copied if i["id"] in set(kept)] == kept
    pinned = [i["id"] for i in exported.items if i["pinned"]]
    assert [i["id"] for i in copied if i["pinned"]] == pinned  # pin order kept


def test_export_over_something_that_cannot_be_replaced_fails_in_one_line(demo_db, tmp_path):
    # On Windows a CSV open in Excel cannot be replaced; Linux has no such lock, but a
    # folder in the file's place cannot be replaced either: one line, nothing left behind.
    target = tmp_path / "board.csv"
    target.mkdir()
    (target / "keep.txt").write_text("kept")
    env = make_env(tmp_path)
    result = run_cli(("--db", str(demo_db), "export", str(target)), env=env, cwd=tmp_path)
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"kanban-sec: cannot write {target}: "), lines[0]
    assert (target / "keep.txt").read_text() == "kept"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
