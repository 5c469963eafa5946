"""CSV export, for Excel and reports, as DESIGN.md specifies: UTF-8 with BOM, CRLF, the
board's rank order, confidential items left out unless asked for, every export to a file
on the record. Import (all or nothing) is :mod:`kanban_sec.services.csv_exchange`."""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO, Any

from kanban_sec.domain.bulk import collector_paused
from kanban_sec.domain.governance import Acceptance
from kanban_sec.domain.model import Status
from kanban_sec.domain.ranking import assessed, rank, score_parts
from kanban_sec.exchange.csv_codec import (
    DELIMITERS,
    HEADER,
    format_row,
    neutralise,
    wall_clock_hour,
)
from kanban_sec.services.files import write_atomically
from kanban_sec.services.history import record_transfer
from kanban_sec.services.names import Names
from kanban_sec.store.database import Database
from kanban_sec.store.unit_of_work import reading

BOM = "\ufeff"
# -- export ----------------------------------------------------------------------------


def export_csv(
    db: Database,
    target: str | os.PathLike[str] | IO[bytes],
    *,
    delimiter: str = ",",
    include_done: bool = False,
    include_confidential: bool = False,
    lang: str = "en",
    author: str | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> int:
    """Write the board as CSV (UTF-8 with BOM, CRLF, rank order); returns the row count.

    Confidential items are left out unless ``include_confidential``. The file is written to
    a temporary name and renamed into place, so a failed export never leaves half a file
    where the old one was. An export to a file is recorded (who: ``author``, else
    ``KANBAN_SEC_USER`` or the login name; how many items; the file; whether confidential
    items were included); so is an export to a stream that includes confidential items
    (its path recorded as ``-``), since that choice is always on the record.
    ``on_progress(rows done, rows)`` is called now and then while the rows are written.
    """
    sep = DELIMITERS[delimiter]
    with collector_paused():
        body = export_rows(db, include_done=include_done, include_confidential=include_confidential)
        count = len(body)
        parts = [BOM + format_row(list(HEADER), sep)]
        step = progress_step(count) if on_progress is not None else count or 1
        for start in range(0, count, step):
            parts += [format_row(cells, sep) for cells in body[start : start + step]]
            if on_progress is not None:
                on_progress(min(start + step, count), count)
        data = "".join(parts).encode("utf-8")
        del parts
        del body
    if hasattr(target, "write"):
        target.write(data)  # type: ignore[union-attr]
        target.flush()  # type: ignore[union-attr]
        if include_confidential:
            record_transfer(db, author or _login_name(), "export", "-", count, confidential=True)
        return count
    write_atomically(target, data)  # type: ignore[arg-type]
    record_transfer(
        db, author or _login_name(), "export", target, count, confidential=include_confidential
    )  # type: ignore[arg-type]
    return count


def confidential_left_out(db: Database, *, include_done: bool = False) -> int:
    """How many confidential items an export without them leaves out (to say so)."""
    with reading(db) as reader:
        return reader.count_confidential(include_done=include_done)


def progress_step(total: int) -> int:
    """Report progress about every percent (a call per row would cost time)."""
    return max(1, total // 100)


def _login_name() -> str:
    return os.environ.get("KANBAN_SEC_USER") or getpass.getuser()


def export_rows(
    db: Database,
    *,
    include_done: bool = False,
    include_confidential: bool = False,
    today: date | None = None,
) -> list[list[str]]:
    """The export's data rows as neutralised text cells: open items in rank order first,
    then open items whose risk is accepted (out of the ranking, as on the board; the
    soonest to come back first), then done items, newest first."""
    with reading(db) as reader:
        names = Names(reader)
        raw = reader.export_items(include_done=include_done)
        decisions = reader.risk_decisions()
    chains, links, people = names.chains, names.links, names.people
    open_items = _rank_inputs(raw)
    accepted = (
        Acceptance(open_items, decisions, today or date.today()).accepted if decisions else {}
    )
    ranking = {
        r.item_id: r
        for r in rank(
            [i for i in open_items if i.id not in accepted] if accepted else open_items,
            chains,
            links,
        )
    }
    paths = {unit_id: names.unit_path(unit_id) for unit_id in names.units}
    # Tag lists and wall-clock hours repeat across rows: each is worked out once.
    tag_cells: dict[str, str] = {"[]": ""}
    hours: dict[str, tuple[str, str]] = {}
    # Rows on the same chain and link share five cells and the gap of their score.
    places: dict[tuple[str | None, str | None], tuple[str, str, str, str, str, int]] = {}
    keyed = []
    for row in raw:
        (
            item_id,
            title,
            description,
            status,
            chain_id,
            link_id,
            likelihood,
            consequence,
            effort,
            owner_unit_id,
            owner_person_id,
            framework_ref,
            classification,
            tags,
            blocked_reason,
            due_date,
            pinned_at,
            pin_reason,
            created_at,
            updated_at,
            done_at,
            _risk_id,
        ) = row
        if classification == "confidential" and not include_confidential:
            continue
        where = (chain_id, link_id)
        place = places.get(where)
        if place is None:
            place = places[where] = _place_cells(chain_id, link_id, chains, links, paths)
        ranked = ranking.get(item_id)
        if ranked is not None:
            score, weakest, position = (
                str(ranked.score),
                "yes" if ranked.weakest else "no",
                str(ranked.rank),
            )
            order: tuple[int, Any] = (0, ranked.rank)
        else:
            score, weakest, position = (
                str(assessed(likelihood) * assessed(consequence) * place[5]),
                "",
                "",
            )
            held = accepted.get(item_id)
            if held is not None:
                until = held.valid_until.isoformat() if held.valid_until else "~"
                order = (1, until + item_id)
            else:
                order = (2, "~" if done_at is None else _invert(done_at))
        person = people.get(owner_person_id) if owner_person_id else None
        cells = [
            item_id,
            title,
            description,
            status,
            place[0],
            place[1],
            "" if likelihood is None else str(likelihood),
            "" if consequence is None else str(consequence),
            place[2],
            place[3],
            score,
            weakest,
            position,
            effort or "",
            paths.get(owner_unit_id, "") if owner_unit_id else "",
            person.name if person else "",
            place[4],
            framework_ref,
            classification,
            tag_cells[tags] if tags in tag_cells else _tag_cell(tags, tag_cells),
            blocked_reason,
            due_date or "",
            (pin_reason or "yes") if pinned_at else "",
            _moment(created_at, hours),
            _moment(updated_at, hours),
            _moment(done_at, hours),
        ]
        # Only free-text cells can begin like a formula (the rest are ids, numbers, words of
        # a fixed list and times): neutralise looks at those.
        for index in _TEXT_CELLS:
            c = cells[index]
            if c and c[0] in _RISKY_START:
                cells[index] = neutralise(c)
        keyed.append((order, cells))
    keyed.sort(key=lambda pair: pair[0])
    return [cells for _, cells in keyed]


# First characters after which neutralise() may act (it also looks behind leading quotes).
_RISKY_START = frozenset("=+-@\t\r'")
#: The cells of a row that hold text someone wrote (titles, names, paths, tags, reasons).
_TEXT_CELLS = tuple(
    HEADER.index(column)
    for column in (
        "title",
        "description",
        "chain",
        "link",
        "effort",
        "owner_unit",
        "owner_person",
        "risk_owner",
        "framework_ref",
        "classification",
        "tags",
        "blocked_reason",
        "pinned",
    )
)


def _place_cells(
    chain_id: str | None,
    link_id: str | None,
    chains: dict[str, Any],
    links: dict[str, Any],
    paths: dict[str, str],
) -> tuple[str, str, str, str, str, int]:
    """The chain, link, link maturity, target maturity and risk owner cells of an item on
    ``link_id`` in ``chain_id``, and the maturity gap its score is multiplied by."""
    chain = chains.get(chain_id) if chain_id else None
    link = links.get(link_id) if link_id else None
    _, _, gap = score_parts(chain, link, links.values() if link is None else ())
    return (
        chain.name if chain else "",
        link.name if link else "",
        str(link.maturity) if link else "",
        str(chain.target_maturity) if chain else "",
        paths.get(chain.risk_owner_unit_id, "") if chain and chain.risk_owner_unit_id else "",
        gap,
    )


def _tag_cell(tags: str, seen: dict[str, str]) -> str:
    cell = seen[tags] = ";".join(json.loads(tags))
    return cell


def _moment(stamp: str | None, hours: dict[str, tuple[str, str]]) -> str:
    # format_moment, with its hour lookup kept for the rows of one export.
    if not stamp:
        return ""
    hour = stamp[:13]
    found = hours.get(hour)
    if found is None:
        found = hours[hour] = wall_clock_hour(hour)
    return found[0] + stamp[13:19] + found[1]


def _invert(stamp: str) -> str:
    # Newest first under an ascending sort: complement each digit.
    return stamp.translate(str.maketrans("0123456789", "9876543210"))


@dataclass(slots=True)
class _RankInput:
    """Just what the ranking reads of an item (export skips building whole items)."""

    id: str
    status: Status
    chain_id: str | None
    link_id: str | None
    likelihood: int | None
    consequence: int | None
    effort: Any
    created_at: datetime | None
    pinned_at: datetime | None
    pin_reason: str
    risk_id: str | None


def _rank_inputs(raw: Sequence[Any]) -> list[Any]:
    from kanban_sec.domain.model import Effort

    efforts = {e.value: e for e in Effort}
    statuses = {s.value: s for s in Status}
    out = []
    for r in raw:
        if r[3] == "done":
            continue
        out.append(
            _RankInput(
                r[0],
                statuses[r[3]] if r[3] in statuses else Status(r[3]),
                r[4],
                r[5],
                r[6],
                r[7],
                efforts.get(r[8]) if r[8] else None,
                datetime.fromisoformat(r[18]),
                datetime.fromisoformat(r[16]) if r[16] else None,
                r[17],
                r[21],
            )
        )
    return out
