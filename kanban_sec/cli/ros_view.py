"""How the ROS commands print: a risk as JSON (one shape for ``ros list`` and ``ros
show``), the register as a table, one risk in full, the data flows, and the ROS matrix of
risks. Tables go through :mod:`kanban_sec.cli.table` (fitted on a terminal, plain when piped)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TextIO

from kanban_sec.cli.table import print_matrix_grid
from kanban_sec.domain.errors import BadInput, FieldProblem
from kanban_sec.domain.ids import short_id
from kanban_sec.domain.text import t

#: What ``--treatment`` takes: a decision, or none for risks not decided yet.
TREATMENTS = ("accept", "reduce", "share", "avoid", "none")

_BANDS = {
    "green": "green",
    "g": "green",
    "grønn": "green",
    "gronn": "green",
    "acceptable": "green",
    "akseptabel": "green",
    "yellow": "yellow",
    "y": "yellow",
    "gul": "yellow",
    "consider measures": "yellow",
    "tiltak vurderes": "yellow",
    "red": "red",
    "r": "red",
    "rød": "red",
    "rod": "red",
    "not acceptable": "red",
    "uakseptabel": "red",
}
_NOT_DECIDED = ("none", "ingen", "not decided", "ikke besluttet", "undecided")


def parse_band(text: str) -> Any:
    """A band from its colour or its words, English or Norwegian."""
    from kanban_sec.domain.governance import Band

    found = _BANDS.get(" ".join(text.split()).casefold())
    if found is None:
        raise BadInput("roscli.bad_band", value=text)
    return Band(found)


def parse_treatment(text: str) -> str:
    """A decision's value, or ``none`` (risks not decided)."""
    from kanban_sec.domain.fields import parse_decision

    if " ".join(text.split()).casefold() in _NOT_DECIDED:
        return "none"
    try:
        return parse_decision(text).value
    except FieldProblem:
        raise BadInput("roscli.bad_treatment", value=text, choices=", ".join(TREATMENTS)) from None


# -- a risk as data ------------------------------------------------------------------------


def _moment(value: Any) -> str | None:
    return value.isoformat(timespec="seconds") if value is not None else None


def _pair(values: tuple[int | None, int | None]) -> dict[str, int | None]:
    return {"likelihood": values[0], "consequence": values[1]}


def risk_json(row: Any, names: Any, values: Mapping[str, Any]) -> dict[str, Any]:
    """A risk of the register as ``ros list --json`` and ``ros show --json`` print it."""
    risk, treatment = row.risk, row.treatment
    decider = names.people.get(treatment.decided_by or "") if treatment is not None else None
    target = risk.target if None not in risk.target else None
    out: dict[str, Any] = {
        "id": risk.id,
        "chain": row.chain.name,
        "link": row.link.name if row.link is not None else None,
        "title": risk.title,
        "threat": risk.threat or None,
        "vulnerability": risk.vulnerability or None,
        "existing_measures": risk.existing_measures or None,
        "values": [
            {
                "name": values[v].name,
                "confidentiality": values[v].confidentiality,
                "integrity": values[v].integrity,
                "availability": values[v].availability,
            }
            for v in risk.value_ids
            if v in values
        ],
        "likelihood": risk.likelihood.value,
        "consequence": risk.consequence.value,
    }
    for side, assessment, by in (
        ("likelihood", risk.likelihood, row.likelihood_by),
        ("consequence", risk.consequence, row.consequence_by),
    ):
        out[f"{side}_by"] = by or None
        out[f"{side}_at"] = _moment(assessment.at)
        out[f"{side}_knowledge"] = assessment.knowledge.value if assessment.knowledge else None
        out[f"{side}_note"] = assessment.note or None
    out.update(
        {
            "inherent": _pair(risk.inherent),
            "current": _pair(risk.current),
            "target": _pair(target) if target is not None else None,
            "band": row.band.value if row.band is not None else None,
            "inherent_band": row.inherent_band.value if row.inherent_band is not None else None,
            "treatment": row.decision.value if row.decision is not None else None,
            "decided_by": decider.name if decider is not None else None,
            "decided_at": _moment(treatment.decided_at) if treatment is not None else None,
            "rationale": (treatment.rationale or None) if treatment is not None else None,
            "valid_until": treatment.valid_until.isoformat()
            if treatment is not None and treatment.valid_until
            else None,
            "stale": row.stale,
            "expired": row.expired,
            "reassess": row.reassess,
            "measures": [
                {"id": m.id, "title": m.title, "status": m.status.value} for m in row.measures
            ],
        }
    )
    return out


# -- words -------------------------------------------------------------------------------------


def band_text(band: Any, lang: str) -> str:
    return t(f"ros.band.{band.value}", lang) if band is not None else t("ros.unassessed", lang)


def assessed_text(value: int | None, words: Sequence[str], lang: str) -> str:
    """``4 (Meget sannsynlig)``, or "not assessed"."""
    return t("ros.unassessed", lang) if value is None else f"{value} ({words[value - 1]})"


def _lc(values: tuple[int | None, int | None], lang: str) -> str:
    """``L4 × C5`` (``S4 × K5`` in Norwegian), ``?`` where not assessed."""
    letters = (t("why.letter_l", lang), t("why.letter_c", lang))
    return " × ".join(
        f"{letter}{'?' if v is None else v}" for letter, v in zip(letters, values, strict=True)
    )


def scale_text(row: Any, lang: str) -> str:
    """The risk now: ``L4 × C5 = 20, not acceptable`` or ``L4 × C?, not assessed``."""
    lk, co = row.risk.current
    if lk is None or co is None:
        return f"{_lc((lk, co), lang)}, {t('ros.unassessed', lang)}"
    return f"{_lc((lk, co), lang)} = {lk * co}, {band_text(row.band, lang)}"


def _treatment(row: Any, lang: str) -> str:
    if row.decision is None:
        return t("ros.treatment.none", lang)
    text = t(f"ros.treatment.{row.decision.value}", lang)
    until = row.treatment.valid_until
    if until is not None:
        text += " " + t("roscli.until", lang, day=until.isoformat())
    if row.expired:
        text += " · " + t("roscli.expired", lang)
    if row.stale:
        text += " · " + t("roscli.stale", lang)
    return text


# -- the register ------------------------------------------------------------------------------


def print_register(rows: Sequence[Any], words: Mapping[str, Any], lang: str, out: TextIO) -> None:
    """The risks as a table, worst first, one line each."""
    from kanban_sec.cli.table import Column, Table

    def head(key: str) -> str:
        return t(f"roscli.col.{key}", lang)

    table = Table(
        [
            Column(t("list.col.id", lang), key=True, style="cyan"),
            Column(head("risk"), key=True),
            Column(head("band"), optional=True),
            Column(head("title"), main=True),
            Column(head("where"), optional=True),
            Column(head("assessed_by"), optional=True),
            Column(head("treatment")),
            Column(head("measures"), key=True, right=True),
        ]
    )
    for row in rows:
        risk = row.risk
        where = f"{row.chain.name} › {row.link.name if row.link else t('link.unnamed', lang)}"
        by = " / ".join(name or "—" for name in (row.likelihood_by, row.consequence_by))
        done = sum(1 for m in row.measures if m.status.value == "done")
        treatment = _treatment(row, lang)
        if row.reassess:
            treatment += " · " + t("ros.reassess", lang)
        table.add_row(
            short_id(risk.id),
            _lc(risk.current, lang),
            band_text(row.band, lang),
            risk.title,
            where,
            by,
            treatment,
            f"{done}/{len(row.measures)}",
        )
    table.print(out)


def print_risk(
    row: Any, data: Mapping[str, Any], words: Mapping[str, Any], lang: str, out: TextIO
) -> None:
    """One risk in full, its measures, and its decisions oldest first."""
    risk = row.risk

    def label(key: str) -> str:
        return t(f"roscli.show.{key}", lang)

    def assessment(side: str) -> str:
        found = getattr(risk, side)
        parts = [assessed_text(found.value, words[side], lang)]
        if data[f"{side}_by"]:
            parts.append(t("roscli.by", lang, who=data[f"{side}_by"], at=data[f"{side}_at"]))
        if found.knowledge is not None:
            parts.append(
                t("roscli.knowledge", lang, level=t(f"ros.knowledge.{found.knowledge.value}", lang))
            )
        if found.note:
            parts.append(found.note)
        return " · ".join(parts)

    target = data["target"]
    lines = [
        ("id", risk.id),
        ("title", risk.title),
        ("chain", data["chain"]),
        ("link", data["link"] or t("link.unnamed", lang)),
        ("threat", risk.threat),
        ("vulnerability", risk.vulnerability),
        ("existing_measures", risk.existing_measures),
        (
            "values",
            "; ".join(
                f"{v['name']} ("
                + " ".join(
                    f"{letter}{'?' if v[side] is None else v[side]}"
                    for letter, side in zip(
                        "CIA", ("confidentiality", "integrity", "availability"), strict=True
                    )
                )
                + ")"
                for v in data["values"]
            ),
        ),
        ("likelihood", assessment("likelihood")),
        ("consequence", assessment("consequence")),
        ("current", scale_text(row, lang)),
        (
            "inherent",
            _lc(risk.inherent, lang)
            + (f", {band_text(row.inherent_band, lang)}" if row.inherent_band else ""),
        ),
        ("target", _lc((target["likelihood"], target["consequence"]), lang) if target else ""),
        ("treatment", _treatment(row, lang)),
        ("decided_by", data["decided_by"] or ""),
        ("rationale", data["rationale"] or ""),
        ("reassess", t("ros.reassess", lang) if row.reassess else ""),
    ]
    shown = [(label(key), value) for key, value in lines]
    width = max(len(name) for name, _ in shown)
    for name, value in shown:
        print(f"{name.ljust(width)}  {value or ''}".rstrip(), file=out)
    print("\n" + label("measures"), file=out)
    if not row.measures:
        print("  " + t("roscli.no_measures", lang), file=out)
    for m in row.measures:
        print(f"  {short_id(m.id)}  {t(f'status.{m.status.value}', lang)}  {m.title}", file=out)
    print("\n" + label("decisions"), file=out)
    if not data["decisions"]:
        print("  " + t("ros.treatment.none", lang), file=out)
    for d in data["decisions"]:
        text = t(f"ros.treatment.{d['decision']}", lang) if d["decision"] else ""
        if d["valid_until"]:
            text += " " + t("roscli.until", lang, day=d["valid_until"])
        when = (d["decided_at"] or "")[:16].replace("T", " ")
        risk_then = _lc((d["likelihood"], d["consequence"]), lang)
        print(f"  {when} {d['decided_by'] or '—'}: {text} ({risk_then})", file=out)
        if d["rationale"]:
            print(f"    {d['rationale']}", file=out)


# -- data flows --------------------------------------------------------------------------------


def print_flows(rows: Sequence[Mapping[str, Any]], lang: str, out: TextIO) -> None:
    from kanban_sec.cli.table import Column, Table

    def side(name: str | None, run_by: str | None) -> str:
        mark = " *" if run_by == "supplier" else ""
        return f"{name or '—'}{mark}"

    table = Table(
        [
            Column(t("roscli.col.number", lang), key=True, right=True),
            Column(t("roscli.col.from", lang)),
            Column(t("roscli.col.to", lang)),
            Column(t("roscli.col.data", lang), main=True),
        ]
    )
    for row in rows:
        table.add_row(
            str(row["number"]),
            side(row["from"], row["from_run_by"]),
            side(row["to"], row["to_run_by"]),
            row["data"],
            note=row["notes"] or "",
        )
    table.print(out)
    if any("supplier" in (r["from_run_by"], r["to_run_by"]) for r in rows):
        print("\n" + t("roscli.flow_supplier", lang), file=out)


# -- the matrix of risks -----------------------------------------------------------------------


def print_matrix(
    cells: Mapping[tuple[int, int], Any],
    unassessed: int,
    words: Mapping[str, Sequence[str]],
    lang: str,
    out: TextIO,
) -> None:
    """Likelihood 5 at the top, consequence 1 to 5 across; a cell reads ``2 (1) R``: two
    risks now, one whose inherent risk was there, red band."""
    print(t("roscli.matrix_title", lang), file=out)
    print("", file=out)

    def cell_text(lk: int, co: int) -> str:
        cell = cells[(lk, co)]
        inherent = f" ({len(cell.inherent)})" if cell.inherent else ""
        return f"{len(cell.current)}{inherent} {cell.band.letter}"

    print_matrix_grid(cell_text, words["likelihood"], words["consequence"], lang, out)
    moved = sum(len(c.inherent) for c in cells.values())
    if moved:
        print(t("roscli.matrix_inherent", lang), file=out)
    if unassessed:
        print(t("roscli.matrix_unassessed", lang, count=unassessed), file=out)
