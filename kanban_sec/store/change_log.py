"""Reading the change log for people: its records newest first with filters, the authors
in it, the status transitions the flow metrics count, the transfers with who made them,
and the names of the rows its records are about.

Writing the log is :class:`kanban_sec.store.unit_of_work.UnitOfWork`'s; the log as sync
sees it (unpushed, pulled, refused) is :mod:`kanban_sec.store.replica`'s.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import Any

from kanban_sec.store.unit_of_work import Reader, ids_in

#: How each entity's rows are named in the history: (table, SQL giving the name).
HISTORY_LABELS: dict[str, tuple[str, str]] = {
    "person": ("people", "name"),
    "chain": ("chains", "name"),
    "link": ("links", "name"),
    "column": ("board_columns", "key"),
    "item": ("items", "title"),
    "comment": ("comments", "substr(body, 1, 60)"),
    "activity": ("activities", "title"),
    "standup": ("standups", "held_on"),
    "standup_note": ("standup_notes", "substr(body, 1, 60)"),
    "transfer": ("transfers", "path"),
}

#: Entities whose rows are about one item: entity → its table (with an ``item_id``).
ABOUT_ITEMS: dict[str, str] = {
    "comment": "comments",
    "standup_note": "standup_notes",
    "risk_decision": "risk_decisions",
    "verification": "verifications",
}

_RECORD_SELECT = "SELECT entity, row_id, fields, author, at FROM changes"
# One pass over the table (NOT INDEXED): through the (entity, row_id) index SQLite would
# visit the item records in id order, one random table lookup each, about 2.5 times
# slower. ``instr`` first: most item records are edits without a status, and finding the
# key's text is cheaper than parsing their JSON; json_extract then decides.
_STATUS_CHANGES = (
    "SELECT row_id, at, json_extract(fields, '$.status[0]') FROM changes NOT INDEXED"
    " WHERE entity = 'item' AND instr(fields, '\"status\"') > 0"
    " AND json_extract(fields, '$.status[0]') IS NOT NULL"
    " ORDER BY row_id, hlc, node_id"
)
#: Chunks of ids in one ``IN (...)`` (SQLite allows some thousand parameters).
_CHUNK = 500


def authors(reader: Reader) -> list[str]:
    """Everyone who has written a change (unsorted)."""
    return [r[0] for r in reader.conn.exec_driver_sql("SELECT DISTINCT author FROM changes")]


def records(
    reader: Reader,
    *,
    item_ids: Collection[str] | None = None,
    entity: str | None = None,
    author: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> Iterator[tuple[str, str, str, str, str]]:
    """``(entity, row_id, fields JSON, author, at)`` of the change records, newest first
    (read as they are consumed).

    ``item_ids`` keeps those items' own records and their comments'; ``since`` (inclusive)
    and ``until`` (exclusive) are stored times (:func:`kanban_sec.store.rows.ts`).
    """
    where: list[str] = []
    params: list[Any] = []
    if item_ids is not None:
        ids = list(item_ids)
        # Both halves use the (entity, row_id) index.
        where.append(
            f"((entity = 'item' AND row_id IN {ids_in(ids)}) OR (entity = 'comment'"
            f" AND row_id IN (SELECT id FROM comments WHERE item_id IN {ids_in(ids)})))"
        )
        params += [*ids, *ids]
    if entity is not None:
        where.append("entity = ?")
        params.append(entity)
    if author is not None:
        where.append("author = ?")
        params.append(author)
    if since is not None:
        where.append("at >= ?")
        params.append(since)
    if until is not None:
        where.append("at < ?")
        params.append(until)
    sql = _RECORD_SELECT + (" WHERE " + " AND ".join(where) if where else "")
    yield from reader.conn.exec_driver_sql(sql + " ORDER BY seq DESC", tuple(params))


def status_changes(reader: Reader) -> Iterator[tuple[str, str, str]]:
    """``(item id, at, status entered)`` of every item status change, per item in log
    order (deleted items too)."""
    yield from reader.conn.exec_driver_sql(_STATUS_CHANGES)


def transfers(reader: Reader) -> list[Any]:
    """``(id, kind, path, items, created_at, author, confidential)`` of every transfer not
    deleted, newest first; the author is the one its change record names."""
    return list(
        reader.conn.exec_driver_sql(
            "SELECT t.id, t.kind, t.path, t.items, t.created_at, c.author, t.confidential"
            " FROM transfers t"
            " LEFT JOIN changes c ON c.entity = 'transfer' AND c.row_id = t.id"
            " WHERE t.deleted_at IS NULL ORDER BY t.created_at DESC, t.id"
        ).all()
    )


# -- the rows the records are about --------------------------------------------------------


def row_names(
    reader: Reader, labels: Mapping[str, tuple[str, str]], wanted: Mapping[str, Iterable[str]]
) -> dict[tuple[str, str], str]:
    """(entity, row id) → the row's name by ``labels`` (entity → (table, SQL of the name)),
    for the ``wanted`` row ids of each entity, deleted rows too; entities ``labels`` does not
    name are left out."""
    names: dict[tuple[str, str], str] = {}
    for entity, ids in wanted.items():
        label = labels.get(entity)
        if label is None:
            continue
        table, column = label
        listed = sorted(ids)
        for start in range(0, len(listed), _CHUNK):
            chunk = listed[start : start + _CHUNK]
            for row_id, name in reader.conn.exec_driver_sql(
                f"SELECT id, {column} FROM {table} WHERE id IN {ids_in(chunk)}", tuple(chunk)
            ):
                names[(entity, row_id)] = str(name)
    return names


def unit_parents(reader: Reader) -> dict[str, tuple[str, str | None]]:
    """Every unit, deleted ones too: id → (name, parent id)."""
    return {
        r[0]: (r[1], r[2])
        for r in reader.conn.exec_driver_sql("SELECT id, name, parent_id FROM org_units")
    }


def confidential_item_ids(reader: Reader) -> list[str]:
    """Every confidential item, deleted ones too."""
    return [
        r[0]
        for r in reader.conn.exec_driver_sql(
            "SELECT id FROM items WHERE classification = 'confidential'"
        )
    ]


def about_confidential(
    reader: Reader,
    entity: str,
    row_ids: Iterable[str],
) -> dict[tuple[str, str], str]:
    """(entity, row id) → item id for those of ``row_ids`` (rows of an entity of
    :data:`ABOUT_ITEMS`) that are about a confidential item."""
    table = ABOUT_ITEMS[entity]
    listed = sorted(row_ids)
    out: dict[tuple[str, str], str] = {}
    for start in range(0, len(listed), _CHUNK):
        chunk = listed[start : start + _CHUNK]
        for row_id, item_id in reader.conn.exec_driver_sql(
            f"SELECT t.id, t.item_id FROM {table} t JOIN items i"
            f" ON i.id = t.item_id WHERE i.classification = 'confidential'"
            f" AND t.id IN {ids_in(chunk)}",
            tuple(chunk),
        ):
            out[(entity, row_id)] = item_id
    return out
