"""CSV export, for Excel and reports, as DESIGN.md specifies: UTF-8 with BOM, CRLF, the
board's rank order, confidential items left out unless asked for, every export to a file
on the record. Import (all or nothing) is :mod:`kanban_sec.services.csv_exchange`."""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Callable, Iterator, Sequence
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
    cell_writer,
    format_row,
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
        lines = export_lines(
            db,
            sep,
            include_done=include_done,
            include_confidential=include_confidential,
            on_progress=on_progress,
        )
        count = len(lines)
        lines.insert(0, BOM + format_row(list(HEADER), sep)[:-2])
        lines.append("")
        data = "\r\n".join(lines).encode("utf-8")
        del lines
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


def export_lines(
    db: Database,
    delimiter: str = ",",
    *,
    include_done: bool = False,
    include_confidential: bool = False,
    today: date | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> list[str]:
    """The export's data rows as CSV records without their line ends: open items in rank
    order first, then open items whose risk is accepted (out of the ranking, as on the
    board; the soonest to come back first), then done items, newest first.

    Each record is what :func:`format_row` makes of the row's cells, free text neutralised
    (tested so). It is built as one string: cells that repeat across rows (chains, links,
    units, people, tags, wall-clock hours) are written once, and a free-text cell costs one
    search unless it needs quotes or a neutralising ``'``."""
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
    d = delimiter
    text = cell_writer(d)  # free text: neutralised, quoted when needed
    plain = cell_writer(d, neutralising=False)  # ids, dates and times: quoted if ever needed
    paths = {unit_id: text(names.unit_path(unit_id)) for unit_id in names.units}
    person_cells = {person_id: text(person.name) for person_id, person in people.items()}
    tag_cells: dict[str, str] = {"[]": ""}
    hours: dict[str, tuple[str, str]] = {}
    # Rows on the same chain and link share five cells and the gap of their score.
    places: dict[tuple[str | None, str | None], tuple[str, str, str, int]] = {}
    ranked_lines: list[str | None] = [None] * len(ranking)
    held_lines: list[tuple[str, str]] = []
    done_lines: list[tuple[str, str]] = []
    for row in raw if on_progress is None else _reporting(raw, on_progress):
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
            place = places[where] = _place_cells(chain_id, link_id, chains, links, paths, text, d)
        made = (hours.get(created_at[:13]) or _hour(created_at, hours)) if created_at else _NO_TIME
        changed = (
            (hours.get(updated_at[:13]) or _hour(updated_at, hours)) if updated_at else _NO_TIME
        )
        finished = (hours.get(done_at[:13]) or _hour(done_at, hours)) if done_at else _NO_TIME
        ranked = ranking.get(item_id)
        if ranked is not None:
            judged = f"{ranked.score}{d}{'yes' if ranked.weakest else 'no'}{d}{ranked.rank}"
        else:
            score = assessed(likelihood) * assessed(consequence) * place[3]
            judged = f"{score}{d}{d}"
        line = (
            f"{plain(item_id)}{d}{text(title)}{d}{text(description)}{d}{status}{d}{place[0]}"
            f"{d}{'' if likelihood is None else likelihood}"
            f"{d}{'' if consequence is None else consequence}{d}{place[1]}{d}{judged}"
            f"{d}{effort or ''}{d}{paths.get(owner_unit_id, '') if owner_unit_id else ''}"
            f"{d}{person_cells.get(owner_person_id, '') if owner_person_id else ''}"
            f"{d}{place[2]}{d}{text(framework_ref)}{d}{classification}"
            f"{d}{tag_cells[tags] if tags in tag_cells else _tag_cell(tags, tag_cells, text)}"
            f"{d}{text(blocked_reason)}{d}{plain(due_date) if due_date else ''}"
            f"{d}{text(pin_reason or 'yes') if pinned_at else ''}"
            # Times as format_moment writes them, the wall-clock hour looked up once per
            # hour. A stored time is ISO 8601 (the rulebook's check on every path), so its
            # minutes and seconds never need quotes.
            f"{d}{made[0]}{created_at[13:19]}{made[1]}{d}{changed[0]}{updated_at[13:19]}{changed[1]}"
            f"{d}{finished[0]}{(done_at or '')[13:19]}{finished[1]}"
        )
        if ranked is not None:
            ranked_lines[ranked.rank - 1] = line
        else:
            held = accepted.get(item_id)
            if held is not None:
                until = held.valid_until.isoformat() if held.valid_until else "~"
                held_lines.append((until + item_id, line))
            else:
                done_lines.append(("~" if done_at is None else _invert(done_at), line))
    # Stable, on the key alone: done items done at the same moment keep the store's order.
    held_lines.sort(key=_first)
    done_lines.sort(key=_first)
    lines = [line for line in ranked_lines if line is not None]
    lines += [line for _, line in held_lines]
    lines += [line for _, line in done_lines]
    return lines


def _place_cells(
    chain_id: str | None,
    link_id: str | None,
    chains: dict[str, Any],
    links: dict[str, Any],
    paths: dict[str, str],
    text: Callable[[str], str],
    d: str,
) -> tuple[str, str, str, int]:
    """Of an item on ``link_id`` in ``chain_id``, as written: the chain and link cells, the
    link maturity and target maturity cells and the risk owner cell; and the maturity gap
    its score is multiplied by."""
    chain = chains.get(chain_id) if chain_id else None
    link = links.get(link_id) if link_id else None
    _, _, gap = score_parts(chain, link, links.values() if link is None else ())
    return (
        (text(chain.name) if chain else "") + d + (text(link.name) if link else ""),
        (str(link.maturity) if link else "") + d + (str(chain.target_maturity) if chain else ""),
        paths.get(chain.risk_owner_unit_id, "") if chain and chain.risk_owner_unit_id else "",
        gap,
    )


def _tag_cell(tags: str, seen: dict[str, str], text: Callable[[str], str]) -> str:
    cell = seen[tags] = text(";".join(json.loads(tags)))
    return cell


_NO_TIME = ("", "")


def _reporting(rows: list[Any], on_progress: Callable[[int, int], None]) -> Iterator[Any]:
    """``rows``, with ``on_progress(rows done, rows)`` about every percent and at the end."""
    total = len(rows)
    step = progress_step(total)
    for start in range(0, total, step):
        yield from rows[start : start + step]
        on_progress(min(start + step, total), total)


def _hour(stamp: str, hours: dict[str, tuple[str, str]]) -> tuple[str, str]:
    found = hours[stamp[:13]] = wall_clock_hour(stamp[:13])
    return found


def _first(pair: tuple[str, str]) -> str:
    return pair[0]


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
