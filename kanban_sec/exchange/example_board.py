"""The example board's data files (``resources/demo/``) as the plain values its loader
(:mod:`kanban_sec.services.demo`) writes.

The items are ``items.csv`` in the board's own CSV format, read as ``kanban-sec import``
reads a file (:func:`read_csv` and the same cell parsers); ``items.toml`` adds what the
format has no column for (checklists, comments, the moment the file was exported). The
organisation, the chains and links, the annual wheel, the risk decisions, last week's
changes and the ROS analyses are small TOML files beside it.
"""

from __future__ import annotations

import sys
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from kanban_sec.domain import fields
from kanban_sec.domain.errors import FieldProblem
from kanban_sec.exchange.csv_codec import CSV_ZONE, read_csv


def example_folder() -> Path:
    """Where the example's files are: in a frozen bundle, beside the package (a source
    checkout), or where an installed wheel put them (``share/kanban-sec``)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources" / "demo"
    beside = Path(__file__).resolve().parents[2] / "resources" / "demo"
    if beside.is_dir():
        return beside
    return Path(sys.prefix) / "share" / "kanban-sec" / "resources" / "demo"


@dataclass(frozen=True)
class Example:
    """The example board as its files describe it (names, not ids; days relative to the
    moment it is loaded)."""

    #: The governing member at the top who sets the board up.
    lead: str
    #: Unit paths, parents before children.
    units: list[str]
    #: ``name``, ``unit`` (path) and ``role`` of each person.
    people: list[dict[str, str]]
    chains: list[dict[str, Any]]
    links: list[dict[str, Any]]
    #: One per line of items.csv, in file order (see :func:`read_items`).
    items: list[dict[str, Any]]
    #: The annual wheel's activities, as :func:`annual_wheel.add_activities_from_specs`
    #: takes them.
    activities: list[dict[str, Any]]
    risk_cases: list[dict[str, Any]]
    #: What changed in the week since last week's standup: ``item`` (title), ``days_ago``,
    #: ``was`` (the item's cells then, parsed as items.csv's), ``said_by`` and ``said``.
    last_week: list[dict[str, Any]]
    #: The ROS analyses (``ros.toml``): ``value``, ``flow``, ``risk`` and ``analysis``
    #: tables, names not ids (empty lists when the folder has no ros.toml).
    ros: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def read_example(folder: Path | None = None) -> Example:
    """The example from ``folder`` (default: :func:`example_folder`)."""
    where = folder or example_folder()
    organisation = _toml(where / "organisation.toml")
    chains = _toml(where / "chains.toml")
    last_week = _toml(where / "last_week.toml")
    return Example(
        lead=organisation["lead"],
        units=list(organisation["units"]),
        people=list(organisation["person"]),
        chains=list(chains["chain"]),
        links=list(chains["link"]),
        items=read_items(where),
        activities=list(_toml(where / "wheel.toml")["activity"]),
        risk_cases=list(_toml(where / "risk_decisions.toml")["risk_case"]),
        last_week=[{**change, "was": item_cells(change["was"])} for change in last_week["change"]],
        ros=_ros(where / "ros.toml"),
    )


def _ros(path: Path) -> dict[str, list[dict[str, Any]]]:
    found = _toml(path) if path.is_file() else {}
    return {kind: list(found.get(kind, [])) for kind in ("value", "flow", "risk", "analysis")}


#: The cells of items.csv the example reads, each with how its text becomes a value.
_CELLS: dict[str, Callable[[str], Any]] = {
    "title": fields.parse_title,
    "description": fields.parse_text,
    "status": lambda text: fields.parse_status(text).value,
    "chain": lambda text: text.strip() or None,
    "link": lambda text: text.strip() or None,
    "likelihood": fields.parse_assessment,
    "consequence": fields.parse_assessment,
    "effort": lambda text: effort.value if (effort := fields.parse_effort(text)) else None,
    "owner_unit": str.strip,
    "owner_person": lambda text: text.strip() or None,
    "framework_ref": str.strip,
    "classification": lambda text: fields.parse_classification(text).value,
    "tags": fields.parse_tags,
    "blocked_reason": str.strip,
    # The pin's reason (the export writes the reason of a pinned item here).
    "pinned": str.strip,
    "due_date": fields.parse_date,
    "created_at": lambda text: fields.parse_datetime(text, CSV_ZONE),
}


def item_cells(cells: Mapping[str, Any]) -> dict[str, Any]:
    """Cells named as items.csv's columns, parsed as the import parses them."""
    out: dict[str, Any] = {}
    for column, text in cells.items():
        try:
            out[column] = _CELLS[column](str(text))
        except FieldProblem as problem:
            raise ValueError(f"{column} = {text!r}: {problem.msg.render('en')}") from None
    return out


def read_items(folder: Path) -> list[dict[str, Any]]:
    """The items of ``folder/items.csv`` with their checklists and comments, in file order.

    Each is its parsed cells (``pinned`` as ``pin_reason``) and ``age`` (how long before
    the export it was made), ``due_in_days`` (its due date counted from the export's day),
    ``checklist`` (text, done) and ``comments`` (who, what).
    """
    rest = _toml(folder / "items.toml")
    exported: datetime = rest["exported_at"]
    notes = {item["title"]: item for item in rest.get("item", [])}
    table = read_csv(folder / "items.csv")
    missing = set(_CELLS) - set(table.header)
    if missing:
        raise ValueError(f"{table.path}: no column {', '.join(sorted(missing))}")
    out = []
    for line, cells in table.rows:
        try:
            spec = item_cells({column: cells[table.header.index(column)] for column in _CELLS})
        except ValueError as error:
            raise ValueError(f"{table.path}, line {line}: {error}") from None
        created, due = spec.pop("created_at"), spec.pop("due_date")
        note = notes.get(spec["title"], {})
        spec.update(
            pin_reason=spec.pop("pinned"),
            # Wall-clock time to wall-clock time: the same days and minutes whatever
            # clock changes lie between.
            age=exported - created.astimezone(CSV_ZONE).replace(tzinfo=None)
            if created is not None
            else timedelta(0),
            due_in_days=(due - exported.date()).days if due is not None else None,
            checklist=[(entry["text"], entry["done"]) for entry in note.get("checklist", [])],
            comments=[(entry["by"], entry["text"]) for entry in note.get("comments", [])],
        )
        out.append(spec)
    return out


def _toml(path: Path) -> dict[str, Any]:
    with path.open("rb") as file:
        return tomllib.load(file)
