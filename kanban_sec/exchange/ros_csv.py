"""The ROS risks and a chain's data flows as CSV, by the item export's Excel rules (UTF-8
with BOM, CRLF, RFC 4180 quoting, Norwegian wall-clock times, formula cells neutralised);
and the data flows read back from a file as Excel or this app writes it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from kanban_sec.domain.errors import BadInput, FieldProblem, ImportProblems, Problem, msg
from kanban_sec.domain.fields import parse_text
from kanban_sec.domain.governance import Band, Bands
from kanban_sec.domain.model import Link
from kanban_sec.domain.ros import DataFlow, RegisterRow, band_of
from kanban_sec.exchange.csv_codec import (
    DELIMITERS,
    CsvTable,
    format_moment,
    format_row,
    neutralise,
)

BOM = "\ufeff"

RISK_HEADER: tuple[str, ...] = (
    "id",
    "chain",
    "link",
    "title",
    "threat",
    "vulnerability",
    "existing_measures",
    "values",
    "likelihood",
    "likelihood_by",
    "likelihood_at",
    "likelihood_knowledge",
    "likelihood_note",
    "consequence",
    "consequence_by",
    "consequence_at",
    "consequence_knowledge",
    "consequence_note",
    "inherent_likelihood",
    "inherent_consequence",
    "target_likelihood",
    "target_consequence",
    "band",
    "treatment",
    "decided_by",
    "valid_until",
    "stale",
    "reassess",
    "measures",
)

FLOW_HEADER: tuple[str, ...] = ("number", "from", "to", "data", "notes")
#: Columns a flows file must have (``number`` and ``notes`` may be left out).
FLOW_REQUIRED = ("from", "to", "data")
FLOW_NUMBER_MAX = 999


def _moment(value: datetime | None) -> str:
    if value is None:
        return ""
    return format_moment(value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"))


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


def _file(header: Sequence[str], rows: Iterable[Sequence[str]], delimiter: str) -> bytes:
    sep = DELIMITERS[delimiter]
    lines = [BOM + format_row(list(header), sep)]
    lines += [format_row([neutralise(c) for c in row], sep) for row in rows]
    return "".join(lines).encode("utf-8")


def risk_cells(
    row: RegisterRow, people: Mapping[str, str], value_names: Mapping[str, str], bands: Bands
) -> list[str]:
    """One risk as the cells of :data:`RISK_HEADER` (before neutralising)."""
    risk = row.risk
    treatment = row.treatment
    band: Band | None = band_of(bands, *risk.current)
    cells = [risk.id, row.chain.name, row.link.name if row.link else ""]
    cells += [risk.title, risk.threat, risk.vulnerability, risk.existing_measures]
    cells.append(";".join(value_names.get(v, "") for v in risk.value_ids))
    for side in (risk.likelihood, risk.consequence):
        cells += [
            _number(side.value),
            people.get(side.by or "", ""),
            _moment(side.at),
            side.knowledge.value if side.knowledge is not None else "",
            side.note,
        ]
    cells += [_number(v) for v in (*risk.inherent, *risk.target)]
    decided = treatment is not None and treatment.decision is not None
    cells += [
        band.value if band is not None else "",
        treatment.decision.value if treatment is not None and treatment.decision else "",
        people.get(treatment.decided_by or "", "") if treatment is not None else "",
        treatment.valid_until.isoformat()
        if treatment is not None and treatment.valid_until
        else "",
        ("yes" if row.stale or row.expired else "no") if decided else "",
        "yes" if row.reassess else "no",
        "; ".join(f"{m.title} [{m.status.value}]" for m in row.measures),
    ]
    return cells


def risks_csv(
    rows: Sequence[RegisterRow],
    people: Mapping[str, str],
    value_names: Mapping[str, str],
    bands: Bands,
    delimiter: str = ",",
) -> bytes:
    """The risks as a CSV file's bytes (worst first, as given)."""
    return _file(RISK_HEADER, (risk_cells(r, people, value_names, bands) for r in rows), delimiter)


def flows_csv(flows: Sequence[DataFlow], links: Mapping[str, Link], delimiter: str = ",") -> bytes:
    """A chain's data flows as a CSV file's bytes, by number; links by name."""

    def name(link_id: str) -> str:
        found = links.get(link_id)
        return found.name if found is not None else ""

    return _file(
        FLOW_HEADER,
        (
            [str(f.number), name(f.from_link_id), name(f.to_link_id), f.data, f.notes]
            for f in sorted(flows, key=lambda f: f.number)
        ),
        delimiter,
    )


@dataclass(frozen=True)
class FlowRow:
    """A data flow as a file gives it, its links resolved in the chain."""

    line: int
    number: int | None
    from_link_id: str
    to_link_id: str
    data: str
    notes: str


def read_flows(table: CsvTable, links_by_name: Mapping[str, str]) -> list[FlowRow]:
    """The flows of a parsed file; ``links_by_name`` maps a case-folded link name of the
    chain to its id. Every problem (with its line and column) is raised at once."""
    problems: list[Problem] = []
    unknown = [
        name for name, key in zip(table.names, table.header, strict=True) if key not in FLOW_HEADER
    ]
    missing = [c for c in FLOW_REQUIRED if c not in table.header]
    if unknown or missing:
        raise BadInput(
            "rosreport.flow_columns",
            path=table.path,
            unknown=", ".join(unknown) or "–",
            missing=", ".join(missing) or "–",
            columns=",".join(FLOW_HEADER),
        )
    at = {key: n for n, key in enumerate(table.header)}
    out: list[FlowRow] = []
    seen: dict[int, int] = {}
    for line, cells in table.rows:

        def cell(key: str, cells: list[str] = cells) -> str:
            # Excel writes a line break inside a cell as CRLF; the board keeps LF.
            text = cells[at[key]].strip() if key in at else ""
            return text.replace("\r\n", "\n").replace("\r", "\n")

        bad = len(problems)
        number: int | None = None
        if cell("number"):
            text = cell("number")
            if not text.isdigit() or not 1 <= int(text) <= FLOW_NUMBER_MAX:
                problems.append(Problem(line, "number", msg("rosreport.flow_number", value=text)))
            elif int(text) in seen:
                problems.append(
                    Problem(
                        line,
                        "number",
                        msg("rosreport.flow_number_twice", number=text, line=seen[int(text)]),
                    )
                )
            else:
                number = int(text)
                seen[number] = line
        ends = {}
        for key in ("from", "to"):
            name = cell(key)
            if not name:
                problems.append(Problem(line, key, msg("value.required")))
                continue
            found = links_by_name.get(" ".join(name.split()).casefold())
            if found is None:
                problems.append(Problem(line, key, msg("rosreport.flow_link", link=name)))
            else:
                ends[key] = found
        if len(ends) == 2 and ends["from"] == ends["to"]:
            problems.append(Problem(line, "to", msg("ros.flow_same_link", link=cell("from"))))
        if not cell("data"):
            problems.append(Problem(line, "data", msg("ros.flow_data_needed")))
        for key in ("data", "notes"):
            try:
                parse_text(cell(key))
            except FieldProblem as problem:
                problems.append(Problem(line, key, problem.msg))
        if len(problems) == bad:
            out.append(FlowRow(line, number, ends["from"], ends["to"], cell("data"), cell("notes")))
    if problems:
        raise ImportProblems(table.path, problems)
    return out
