"""History and audit: the change log read per field, filtered, exported; transfers recorded."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime

from kanban_sec.domain.model import Status
from kanban_sec.services.board import BoardService
from kanban_sec.services.csv_exchange import import_csv
from kanban_sec.services.csv_export import export_csv
from kanban_sec.services.history import History, record_transfer
from kanban_sec.services.session import Session


def _redate(db, entity: str, row_id: str, moments: list[str]) -> None:
    """Give the row's change records these times, oldest first."""
    conn = sqlite3.connect(db.path)
    try:
        seqs = [
            r[0]
            for r in conn.execute(
                "SELECT seq FROM changes WHERE entity = ? AND row_id = ? ORDER BY seq",
                (entity, row_id),
            )
        ]
        for seq, moment in zip(seqs, moments, strict=False):
            conn.execute("UPDATE changes SET at = ? WHERE seq = ?", (moment, seq))
        conn.commit()
    finally:
        conn.close()


def test_entries_are_one_per_changed_field_newest_first_with_names(db, service):
    service.add_chain("Lønn")
    service.ensure_unit("IT / Drift")
    item = service.create_item("Patch =SUM(A1)", likelihood="2").row_id
    service.move(item, Status.DOING)
    service.set_fields(
        item,
        {"title": "Patch servers", "chain": "Lønn", "owner_unit": "IT / Drift", "tags": "a; b"},
    )
    entries = History(Session(db, "tester")).entries(item_id=item)
    assert entries, "no history"
    assert all(e.entity == "item" and e.row_id == item for e in entries)
    assert [e.at for e in entries] == sorted((e.at for e in entries), reverse=True)
    move = next(e for e in entries if e.field == "status" and e.old == "backlog")
    assert (move.new, move.old_text, move.new_text, move.author) == (
        "doing",
        "Backlog",
        "Doing",
        "tester",
    )
    created = [e for e in entries if e.old is None]
    assert {"title", "likelihood"} <= {e.field for e in created}
    assert not {"updated_at", "created_at", "id"} & {e.field for e in entries}
    assert {e.label for e in entries} == {"Patch servers"}  # the row's name as it is now
    edit = {e.field: e for e in reversed(entries)}  # each field's newest change
    assert (edit["title"].old_text, edit["title"].new_text) == ("Patch =SUM(A1)", "Patch servers")
    assert edit["chain_id"].new_text == "Lønn"
    assert edit["owner_unit_id"].new_text == "IT / Drift"
    assert edit["tags"].new_text == "a; b"


def test_filters_by_item_person_date_entity_and_limit(db, service):
    first = service.create_item("Første").row_id
    other = BoardService(Session(db, "ola", "en"))
    second = other.create_item("Andre").row_id
    other.move(second, Status.NEXT)
    _redate(db, "item", first, ["2026-01-10T12:00:00.000000Z"])
    _redate(db, "item", second, ["2026-03-01T12:00:00.000000Z", "2026-03-05T12:00:00.000000Z"])
    history = History(Session(db, "tester"))
    assert {e.row_id for e in history.entries(item_id=first)} == {first}
    assert {e.row_id for e in history.entries(item_id=[first, second])} == {first, second}
    assert history.entries(item_id=[]) == []
    by_ola = history.entries(author="ola")
    assert by_ola and {e.author for e in by_ola} == {"ola"}
    assert "ola" in history.authors() and "tester" in history.authors()
    march = history.entries(since=date(2026, 3, 1), until=date(2026, 3, 1))
    assert {e.row_id for e in march} == {second}
    assert all(e.at.date() == date(2026, 3, 1) for e in march)
    after = history.entries(since=datetime(2026, 3, 2, tzinfo=UTC), entity="item")
    assert [e.field for e in after] == ["status"]
    assert len(history.entries(limit=2)) == 2
    assert history.items_matching("andr") == [second]


def test_export_csv_bytes(db, service, tmp_path):
    item = service.create_item("=cmd|' /C calc'!A0", framework_ref="ISO 27001").row_id
    service.move(item, Status.NEXT)
    _redate(db, "item", item, ["2026-02-01T08:00:00.000000Z", "2026-02-02T09:30:00.000000Z"])
    path = tmp_path / "history.csv"
    count = History(Session(db, "tester")).export_csv(path, item_id=item)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfat,author,entity,id,name,field,old,new\r\n")
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[-1] == "" and len(lines) == count + 2
    assert lines[1] == (
        f"2026-02-02T09:30:00Z,tester,item,{item},'=cmd|' /C calc'!A0,status,Backlog,Next"
    )
    assert (
        f"2026-02-01T08:00:00Z,tester,item,{item},'=cmd|' /C calc'!A0,framework_ref,,"
        "ISO 27001" in lines
    )
    assert not list(tmp_path.glob(".*.tmp"))


def test_export_and_import_each_leave_a_transfer_record(db, service, tmp_path):
    service.create_item("One")
    service.create_item("Two")
    path = tmp_path / "board.csv"
    assert export_csv(db, path, author="kari") == 2
    incoming = tmp_path / "incoming.csv"
    incoming.write_text("title\r\nThree\r\nFour\r\nFive\r\n", encoding="utf-8")
    import_csv(service, incoming, dry_run=True)
    assert len(History(Session(db, "tester")).transfers()) == 1  # a dry run leaves none
    outcome = import_csv(service, incoming)
    assert all(c.entity == "item" for c in outcome.changes)  # undo leaves the record
    recorded = {t["kind"]: t for t in History(Session(db, "tester")).transfers()}
    newest, oldest = recorded["import"], recorded["export"]
    assert (oldest["kind"], oldest["author"], oldest["items"], oldest["path"]) == (
        "export",
        "kari",
        2,
        str(path.resolve()),
    )
    assert (newest["kind"], newest["author"], newest["items"], newest["path"]) == (
        "import",
        "tester",
        3,
        str(incoming.resolve()),
    )
    audit = History(Session(db, "tester")).entries(entity="transfer")
    assert {(e.author, e.field, e.new_text) for e in audit} >= {
        ("kari", "kind", "export"),
        ("tester", "items", "3"),
        ("tester", "path", str(incoming.resolve())),
    }
    assert record_transfer(db, "per", "import", "x.csv", 0)
    entries = History(Session(db, "tester")).entries(author="per", entity="transfer")
    assert entries[0].label.endswith("x.csv")
